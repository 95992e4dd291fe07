"""Logging set-up: module loggers, key=value context, the token never printed.

httpx logs every request URL at INFO, and Telegram URLs contain the bot token, so the `httpx`
and `httpcore` loggers sit at WARNING, and a filter redacts the token from anything that still
carries it (exception messages included), and its secret half on its own. `url_for_log` is what
to log of a URL that may carry a secret in its path (the webhook's). The same filter drops a URL's
`user:password@` part (`strip_credentials`, which error messages use too; a URL setting printed
as a whole or as its host goes through `url_setting_shown`/`url_host`) and the bidi embeddings,
overrides and isolates a feed's name or title may carry: an RLO in a log line redraws the rest of
the operator's terminal line reversed (QA15 N12).
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

_TOKEN_RE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")
# A URL's user part: after «scheme://», up to the LAST «@» before the path, query or fragment
# (a password may hold an unencoded «@»: urllib's hostname is after the last one, and stopping
# at the first printed the rest of the password as if it were the host).
_USERINFO_RE = re.compile(r"(\b[A-Za-z][A-Za-z0-9+.-]*://)[^/\s?#]*@")
# Bidi embeddings, overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI). The marks
# (LRM, RLM, ALM) stay: they change no more than the character next to them.
_BIDI_CONTROLS_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_credentials(text: str) -> str:
    """`text` with every URL's `user:password@` part removed («http://u:p@host/x» →
    «http://host/x»): what may be written of a URL in a message or a log."""
    return _USERINFO_RE.sub(r"\1", text)


# A URL setting's user part, with a scheme or without one («u:p@host/bot» too), up to its last
# «@» (as _USERINFO_RE).
_SETTING_USERINFO_RE = re.compile(r"^\s*((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)?[^/\s?#]*@")


def url_setting_shown(url: str) -> str:
    """A URL setting (TELEGRAM_API_BASE_URL, WEBHOOK_URL) as it may be printed in a log line or
    on the terminal: without its `user:password@` part, whether or not it names a scheme
    (QA65-1: a Bot API behind a proxy with basic auth had its password logged at every start,
    «api=user:PASS@host», and in the «cannot reach» line). `url_host` is its host part."""
    return _SETTING_USERINFO_RE.sub(r"\1", url)


def url_host(url: str) -> str:
    """The «host:port» of a URL setting, never its `user:password@` (`url_setting_shown`)."""
    return urlsplit(url_setting_shown(url)).netloc


def without_bidi_controls(text: str) -> str:
    """`text` without bidi embeddings, overrides and isolates (a feed's name in a log line)."""
    return _BIDI_CONTROLS_RE.sub("", text)


# The secret half of a token is redacted on its own only when it is this long (@BotFather's are
# 35 characters): a short one would redact ordinary words.
_MIN_SECRET = 20


class Throttle:
    """At most one log line every `every` seconds for a trouble that repeats (a Bot API down,
    deliveries not sent): the lines in between are counted, not logged."""

    def __init__(self, every: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self._clock = clock
        self._last: float | None = None
        self._count = 0

    def due(self) -> int | None:
        """Count one occurrence. When a line is due, how many occurred since the last line
        (this one included); None while the last line is younger than `every` seconds."""
        self._count += 1
        now = self._clock()
        if self._last is not None and now - self._last < self.every:
            return None
        count, self._last, self._count = self._count, now, 0
        return count


class RedactTokenFilter(logging.Filter):
    """Replace the bot token (and anything shaped like one) with `<token>`, and its secret part
    (after the colon) on its own: the bot id is public, so the secret alone is the token (QA14
    F2: a WEBHOOK_URL whose path was the secret was logged whole). URLs lose their
    `user:password@`, and the text its bidi controls."""

    def __init__(self, token: str = "") -> None:
        super().__init__()
        self.token = token
        secret = token.partition(":")[2]
        self.secret = secret if len(secret) >= _MIN_SECRET else ""

    def _clean(self, text: str) -> str:
        if self.token:
            text = text.replace(self.token, "<token>")
        text = _TOKEN_RE.sub("<token>", text)
        if self.secret:
            text = text.replace(self.secret, "<token>")
        return without_bidi_controls(strip_credentials(text))

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self._clean(message)
        if record.exc_info and record.exc_info[1] is not None:
            # Render the traceback now so the token in it can be redacted.
            formatted = logging.Formatter().formatException(record.exc_info)
            cleaned = cleaned + "\n" + self._clean(formatted)
            record.exc_info = None
            record.exc_text = None
        record.msg, record.args = cleaned, None
        return True


def url_for_log(url: str) -> str:
    """`url` as it may be logged: scheme, host and port only. A webhook's path (or any URL's
    path, query or user part) may hold a secret."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    return f"{parts.scheme}://{host}{f':{port}' if port is not None else ''}" if host else "?"


class BootstrapNoiseFilter(logging.Filter):
    """PTB's start-up retry loop logs its last failure with a traceback at ERROR («Network Retry
    Loop (Bootstrap …)»); the bot then prints one clear line of its own (bot.app.run_bot), so
    that record goes to DEBUG: shown only when LOG_LEVEL=DEBUG, and then as one line without
    its traceback, the error named by its kind alone (QA60-7: a refused token printed ~40 lines
    of PTB's traceback at DEBUG; README «Log lines»: the Bot API's bad moments are no
    tracebacks; an InvalidToken's text would hold the token)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("telegram") or record.levelno <= logging.DEBUG \
                or "(Bootstrap" not in record.getMessage():
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        if not logging.getLogger().isEnabledFor(logging.DEBUG):
            return False
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            record.msg = f"{record.msg} ({type(error).__name__})"
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


# A %-format placeholder, and the «key=» written before it.
_PLACEHOLDER_RE = re.compile(r"(?:(\w+)=)?%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.\d+)?([a-zA-Z%])")


def quote_value(value: object) -> str:
    """A key=value log value as it is written: bare when it is one word, else in single quotes
    («error='server error HTTP 500: …'»; double quotes, with \\ and \" escaped, when it holds
    a «'»), so a reader or a tool sees where it ends (QA30 O8: `error=` values held spaces and
    « / » unquoted)."""
    text = str(value)
    if text and not any(c.isspace() or c in "'\"" for c in text):
        return text
    # not repr(): it would write an Arabic name's marks and controls as «\u200f» escapes
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class KeyValueQuoteFilter(logging.Filter):
    """Quote the values of `key=%s` placeholders that hold spaces (an error's text, a name):
    the call sites write «error=%s», the line reads «error='…'»."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if not isinstance(record.msg, str) or not isinstance(args, tuple) or not args:
            return True
        out = list(args)
        index = 0
        for m in _PLACEHOLDER_RE.finditer(record.msg):
            conversion = m.group(2)
            if conversion == "%":
                continue
            if index >= len(out):
                break
            if m.group(1) and conversion == "s":
                out[index] = quote_value(out[index])
            index += 1
        record.args = tuple(out)
        return True


def _short(value: object) -> bool:
    if isinstance(value, (bool, int, float)) or value is None:
        return True
    if isinstance(value, str):
        return len(value) <= 64 and not any(c.isspace() for c in value)
    if isinstance(value, (list, tuple)):
        return all(isinstance(v, int) for v in value)  # update ids
    return False


class TelegramPayloadFilter(logging.Filter):
    """At DEBUG, PTB logs each Bot API call with its parameters and its answer: every update in
    full, so readers' messages, names and the bot's replies to them (QA30 O8). Those arguments
    are written `<omitted>`; the method names, ids and timings stay (what a DEBUG log is read
    for). Nashra's own lines name chats by id and never hold a reader's text."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.DEBUG or not record.name.startswith("telegram") \
                or not isinstance(record.args, tuple):
            return True
        record.args = tuple(a if _short(a) else "<omitted>" for a in record.args)
        return True


def open_private_log(path: str | Path) -> TextIO:
    """`path` opened for appending, readable by its owner only (0600) like the database: a log
    names chats by id and holds what readers typed (QA38 A6; the sandbox's bot.log was 0644).
    Created 0600 whatever the umask; one an older version left open to others is narrowed."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.fchmod(fd, 0o600)
    except OSError:  # a file system without modes keeps what it has
        pass
    return os.fdopen(fd, "a", encoding="utf-8")


class UtcFormatter(logging.Formatter):
    """Line times in UTC, marked «Z» (QA43 C6): with TZ=Asia/Riyadh the prefix was local time
    with no zone, 3 hours from the UTC times inside the same lines, /sources and the alerts."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        stamp = time.strftime(datefmt or self.default_time_format, time.gmtime(record.created))
        return stamp if datefmt else self.default_msec_format % (stamp, record.msecs)

    default_time_format = "%Y-%m-%d %H:%M:%S"
    default_msec_format = "%s.%03dZ"


LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


def setup_logging(level: str = "INFO", token: str = "") -> None:
    """Configure the root logger once for the command line and the bot."""
    handler = logging.StreamHandler()
    handler.setFormatter(UtcFormatter(LINE_FORMAT))
    handler.addFilter(TelegramPayloadFilter())
    handler.addFilter(KeyValueQuoteFilter())
    handler.addFilter(BootstrapNoiseFilter())
    handler.addFilter(RedactTokenFilter(token))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler", "trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
