"""Real TLS for tests: certificates made by the openssl command, an HTTPS server on 127.0.0.1.

Shared by tests/test_addresses.py (SNI and host-name checks on the pinned connection) and
tests/test_certificates.py (a source whose certificate is invalid). Nothing here reaches the
internet; tests that use it are skipped where the openssl command is missing.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

needs_openssl = pytest.mark.skipif(shutil.which("openssl") is None,
                                   reason="needs the openssl command")

# A certificate valid only on 1 January 2020 (openssl ca takes explicit dates, req does not).
_EXPIRED_CA_CONFIG = """\
[ ca ]
default_ca = CA_default
[ CA_default ]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = policy_any
copy_extensions = copy
unique_subject = no
[ policy_any ]
commonName = supplied
"""


def certificate(directory: Path, name: str, *, expired: bool = False) -> tuple[Path, Path]:
    """A self-signed certificate for `name` (openssl), as (cert, key).

    `expired`: valid only on 1 January 2020; otherwise valid for a day from now.
    """
    stem = f"{name}-expired" if expired else name
    cert, key = directory / f"{stem}.pem", directory / f"{stem}.key"
    subject = ["-subj", f"/CN={name}", "-addext", f"subjectAltName=DNS:{name}"]
    if not expired:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        *subject, "-keyout", str(key), "-out", str(cert)],
                       check=True, capture_output=True, timeout=60)
        return cert, key
    ca = directory / f"{stem}-ca"
    ca.mkdir()
    (ca / "ca.cnf").write_text(_EXPIRED_CA_CONFIG)
    (ca / "index.txt").write_text("")
    (ca / "serial").write_text("01\n")
    request = ca / "request.csr"
    subprocess.run(["openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", *subject,
                    "-keyout", str(key), "-out", str(request)],
                   check=True, capture_output=True, timeout=60)
    subprocess.run(["openssl", "ca", "-batch", "-config", "ca.cnf", "-selfsign",
                    "-keyfile", str(key), "-in", str(request), "-out", str(cert), "-notext",
                    "-startdate", "20200101000000Z", "-enddate", "20200102000000Z"],
                   check=True, capture_output=True, timeout=60, cwd=ca)
    return cert, key


Routes = MutableMapping[str, tuple[bytes, str]]


@contextmanager
def tls_site(cert: Path, key: Path, routes: Routes | None = None
             ) -> Iterator[tuple[int, list[tuple[str, str]]]]:
    """An HTTPS server on 127.0.0.1: yields its port and the (SNI, Host) of each request.

    `routes` maps a path to (body, content type), read at each request (a test may change it
    while the server runs); a path not in it is answered 200 "ok" (text/plain).
    """
    seen: list[tuple[str, str]] = []
    sni: list[str] = []
    served: Routes = routes if routes is not None else {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib
            pass

        def do_GET(self) -> None:
            seen.append((sni[-1] if sni else "", self.headers.get("Host", "")))
            body, content_type = served.get(self.path.partition("?")[0],
                                            (b"ok", "text/plain"))
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    def remember_sni(sock: Any, name: str | None, ctx: Any) -> None:
        sni.append(name or "")

    context.sni_callback = remember_sni
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # A client that refuses the certificate makes accept() raise ssl.SSLError (an OSError),
    # which socketserver ignores: the server goes on serving.
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1]), seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
