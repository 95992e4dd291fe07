"""The HTTP side of the Telegram emulator: a threading server that decodes Bot API calls.

Stdlib `ThreadingHTTPServer` speaking HTTP/1.1 with keep-alive (PTB's httpx client reuses its
connections), TCP_NODELAY and a large listen backlog so many concurrent sends and held long polls
are served at once. Bodies may be form-encoded (what PTB sends: complex values as JSON strings),
JSON, or a query string. Paths are `/bot<TOKEN>/<method>`.
"""

from __future__ import annotations

import json
import logging
import re
import socket
import struct
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

from bot.emulator_model import RESET

if TYPE_CHECKING:
    from bot.emulator import Emulator

log = logging.getLogger(__name__)

_PATH = re.compile(r"^/bot([^/]*)/([A-Za-z]+)$")
MAX_BODY = 1024 * 1024
# Form fields whose values PTB serialises as JSON.
_JSON_FIELDS = frozenset({
    "reply_markup", "entities", "scope", "commands", "results", "allowed_updates",
    "link_preview_options", "reply_parameters", "caption_entities", "button", "reaction",
})


def decode_params(content_type: str, body: bytes, query: str) -> dict[str, Any]:
    """Bot API parameters from a request (query string, then the body)."""
    params: dict[str, Any] = {}
    for key, values in urllib.parse.parse_qs(query, keep_blank_values=True).items():
        params[key] = values[-1]
    ctype = content_type.split(";")[0].strip().lower()
    if body:
        if ctype == "application/json":
            loaded = json.loads(body.decode("utf-8"))
            if not isinstance(loaded, dict):
                raise ValueError("JSON body must be an object")
            params.update(loaded)
            return params
        if ctype == "multipart/form-data":
            raise ValueError("multipart uploads are not emulated")
        for key, values in urllib.parse.parse_qs(body.decode("utf-8"),
                                                 keep_blank_values=True).items():
            params[key] = values[-1]
    for key in _JSON_FIELDS & params.keys():
        if isinstance(params[key], str):
            try:
                params[key] = json.loads(params[key])
            except ValueError:
                pass
    return params


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # paths carry the token: never log them

    def _serve(self) -> None:
        parsed = urllib.parse.urlsplit(self.path)
        m = _PATH.match(parsed.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._reply(413, {"ok": False, "error_code": 413,
                              "description": "Request Entity Too Large"})
            self.close_connection = True
            return
        body = self.rfile.read(length) if length else b""
        if m is None:
            self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        try:
            params = decode_params(self.headers.get("Content-Type", ""), body, parsed.query)
        except (ValueError, UnicodeDecodeError) as err:
            self._reply(400, {"ok": False, "error_code": 400,
                              "description": f"Bad Request: {err}"})
            return
        status, payload, delay = self.server.emulator.handle(m.group(1), m.group(2), params)
        if delay == RESET:
            self._reset()
            return
        if delay:
            time.sleep(delay)
        self._reply(status, payload)

    def _reset(self) -> None:
        """Close the connection with a TCP RST (SO_LINGER 0) before any answer byte: the call
        was handled, the client gets no answer (Emulator.reset_next)."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
        except OSError:
            pass
        self.connection.close()

    do_GET = _serve
    do_POST = _serve

    def _reply(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 1024
    allow_reuse_address = True

    def __init__(self, emulator: Emulator, address: tuple[str, int]) -> None:
        self.emulator = emulator
        self._conns: set[socket.socket] = set()
        self._conns_lock = threading.Lock()
        super().__init__(address, _Handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        conn, addr = super().get_request()
        with self._conns_lock:
            self._conns.add(conn)
        return conn, addr

    def shutdown_request(self, request: Any) -> None:
        with self._conns_lock:
            self._conns.discard(request)
        super().shutdown_request(request)

    def server_close(self) -> None:
        """Close the listening socket AND the kept-alive connections: a stopped emulator is
        unreachable like a Telegram that went away."""
        super().server_close()
        with self._conns_lock:
            conns, self._conns = list(self._conns), set()
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("emulator connection error client=%s", client_address, exc_info=True)


def make_server(emulator: Emulator, host: str, port: int) -> ThreadingHTTPServer:
    """A server bound to (host, port), not yet serving."""
    return _Server(emulator, (host, port))
