"""The Bot API's bad moments in the log: one WARNING line each, not ERROR tracebacks (QA14 F4, F6).

Telegram (or a proxy before it) now and then answers 502 with an HTML page, and a wrong
TELEGRAM_API_BASE_URL can answer 200 with anything. PTB then logs ERROR «Can not load invalid
JSON data: "<the whole body>"» with a traceback for every request, and the failed long poll
reaches the error handler as a NetworkError without an update — at start four of each before
the bot's own clear line, while running two tracebacks per failed poll (40 in 80 s). Neither
says more than "the API answered badly", and the operator can do nothing about one of them.

- `NotJsonFilter` (on PTB's request logger): that record becomes one WARNING without its
  traceback, the body cut to 120 characters.
- `PollingTrouble.report`: a network error of the polling loop (no update) is one WARNING at
  most once a minute, with how many were seen since the last line.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

log = logging.getLogger("bot.app")

REQUEST_LOGGER = "telegram.request.BaseRequest"  # PTB's logger of a response it cannot read
BODY_CHARS = 120
EVERY_SECONDS = 60.0


class NotJsonFilter(logging.Filter):
    """PTB's «Can not load invalid JSON data» ERROR with traceback → one short WARNING."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not message.startswith("Can not load invalid JSON data"):
            return True
        body = message.partition(":")[2].strip().strip('"')
        body = " ".join(body.split())
        if len(body) > BODY_CHARS:
            body = body[:BODY_CHARS] + "…"
        record.msg = "Bot API answered something that is not JSON: %s"
        record.args = (body,)
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info, record.exc_text = None, None
        return True


def install() -> None:
    """Attach NotJsonFilter to PTB's request logger (once)."""
    logger = logging.getLogger(REQUEST_LOGGER)
    if not any(isinstance(f, NotJsonFilter) for f in logger.filters):
        logger.addFilter(NotJsonFilter())


class PollingTrouble:
    """Network errors of the polling loop, reported at most once every `every` seconds."""

    def __init__(self, every: float = EVERY_SECONDS,
                 clock: Callable[[], float] | None = None) -> None:
        self.every = every
        self._clock = clock or time.monotonic
        self._last: float | None = None
        self._unreported = 0

    def report(self, error: BaseException) -> bool:
        """Count `error`; log one WARNING (no traceback) when the last is `every` seconds old.
        Returns whether a line was logged."""
        self._unreported += 1
        now = self._clock()
        if self._last is not None and now - self._last < self.every:
            return False
        log.warning("Bot API unreachable or answering badly while polling (%d time(s) since the "
                    "last report): %s: %s", self._unreported, type(error).__name__, error)
        self._last, self._unreported = now, 0
        return True
