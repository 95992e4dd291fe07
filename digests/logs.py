"""Logging set-up: module loggers, key=value context, the token never printed.

httpx logs every request URL at INFO, and Telegram URLs contain the bot token, so the `httpx`
and `httpcore` loggers sit at WARNING, and a filter redacts the token from anything that still
carries it (exception messages included).
"""

from __future__ import annotations

import logging
import re

_TOKEN_RE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{20,}")


class RedactTokenFilter(logging.Filter):
    """Replace the bot token (and anything shaped like one) with `<token>`."""

    def __init__(self, token: str = "") -> None:
        super().__init__()
        self.token = token

    def _clean(self, text: str) -> str:
        if self.token:
            text = text.replace(self.token, "<token>")
        return _TOKEN_RE.sub("<token>", text)

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


class BootstrapNoiseFilter(logging.Filter):
    """PTB's start-up retry loop logs its last failure with a traceback at ERROR («Network Retry
    Loop (Bootstrap …)»); the bot then prints one clear line of its own (bot.app.run_bot), so
    that record goes to DEBUG: shown only when LOG_LEVEL=DEBUG."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith("telegram") or record.levelno <= logging.DEBUG \
                or "(Bootstrap" not in record.getMessage():
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger().isEnabledFor(logging.DEBUG)


def setup_logging(level: str = "INFO", token: str = "") -> None:
    """Configure the root logger once for the command line and the bot."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(BootstrapNoiseFilter())
    handler.addFilter(RedactTokenFilter(token))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler", "trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
