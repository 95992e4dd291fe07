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
- `LastConfirmFilter` (on PTB's Updater logger): stopping while the API answers badly, PTB's
  last getUpdates (it confirms the updates already taken) fails and PTB logs ERROR «Error while
  calling `get_updates` one more time …» with three chained tracebacks (QA15 N5). PTB offers no
  setting for it (the message says to adjust timeouts); it becomes one WARNING saying what it
  means: those updates may be handed again at the next start, which the bot expects (a
  redelivered /ingest is recognised, bot.ingests).
- `DbFaultFilter` (on the loggers of the bot's background work: the sender, spawned tasks): a
  database locked by another program or a full disk made the sender log a traceback for every
  due chat every second (QA16 F2); such a record becomes the process's one WARNING a minute
  (digests.storage.FAULTS), without its traceback.
- `stop_without_backoff` (the stop signals' handler of `run.py bot`, in place of PTB's): while
  the Bot API is unreachable, PTB's polling loop sleeps between tries, up to 30 s, and its stop
  waited for that sleep (QA16 N7: 22 s after SIGTERM). The handler cancels the polling task
  when it sleeps there — PTB's stop takes a cancelled task as stopped — then stops as PTB's
  does.
- `StartWatch`: while the bot starts, a Bot API that takes the connection and never answers
  left the operator with minutes of silence (QA15 N3: PTB retries getMe with a 30 s read
  timeout, quietly). Until the bot is ready, one bilingual WARNING every 15 s says how long the
  server has been silent and when the start gives up (the clean line of bot.app.run_bot).
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
import time
from collections.abc import Callable
from types import TracebackType

from telegram.error import TelegramError

from bot.i18n import bilingual
from digests.logs import Throttle
from digests.storage import FAULTS, FaultLog, fault_of

log = logging.getLogger(__name__)

REQUEST_LOGGER = "telegram.request.BaseRequest"  # PTB's logger of a response it cannot read
UPDATER_LOGGER = "telegram.ext.Updater"  # PTB's logger of the polling loop and its stop
BODY_CHARS = 120
EVERY_SECONDS = 60.0
START_EVERY_SECONDS = 15.0


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


class LastConfirmFilter(logging.Filter):
    """PTB's ERROR (3 tracebacks) when its last getUpdates at stop fails → one WARNING."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.getMessage().startswith("Error while calling `get_updates` one more time"):
            return True
        error = record.exc_info[1] if record.exc_info else None
        record.msg = ("Bot API did not take the confirmation of the last updates while stopping"
                      " (%s): Telegram may hand them again at the next start")
        record.args = (f"{type(error).__name__}: {error}" if error is not None else "no answer",)
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


class StopRaceFilter(logging.Filter):
    """asyncio's «Task exception was never retrieved» ERROR for PTB's getUpdates task → one
    WARNING. PTB's retry loop (telegram.ext._utils.networkloop) waits for that task or the stop,
    whichever ends first; when both end in one loop turn it returns on the stop and never reads
    the call's error (a 502, a dropped connection). Nothing was taken by that call, and the
    stop's last getUpdates follows (LastConfirmFilter). Seen on a loaded host (S20 FL)."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        text = record.getMessage()
        if not (text.startswith("Task exception was never retrieved") and POLLING_ACTION in text
                and isinstance(error, TelegramError)):
            return True
        record.msg = "Bot API failed a getUpdates as the bot stopped (%s): it took no update"
        record.args = (f"{type(error).__name__}: {error}",)
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


class DbFaultFilter(logging.Filter):
    """A record carrying a database fault (locked, disk full…) → one WARNING a minute."""

    def __init__(self, faults: FaultLog | None = None) -> None:
        super().__init__()
        self.faults = faults or FAULTS

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is None and isinstance(record.args, tuple):
            error = next((a for a in record.args if isinstance(a, BaseException)), None)
        kind = fault_of(error)
        if kind is None:
            return True
        # the line logged here carries no exception: it passes this filter
        self.faults.report(kind, record.name, logger=logging.getLogger(record.name))
        return False


# bot.delivery_plan: the sender's planning, split out of it (its re-check runs in the send loop)
FAULT_LOGGERS = ("bot.sender", "bot.delivery_plan", "bot.runtime", "bot.pushes", "bot.ingests")


def install() -> None:
    """Attach NotJsonFilter to PTB's request logger, LastConfirmFilter to its Updater's,
    StopRaceFilter to asyncio's and DbFaultFilter to the background work's (once each)."""
    pairs: list[tuple[str, type[logging.Filter]]] = [
        (REQUEST_LOGGER, NotJsonFilter), (UPDATER_LOGGER, LastConfirmFilter),
        ("asyncio", StopRaceFilter),
        *((name, DbFaultFilter) for name in FAULT_LOGGERS)]
    for name, kind in pairs:
        logger = logging.getLogger(name)
        if not any(isinstance(f, kind) for f in logger.filters):
            logger.addFilter(kind())


POLLING_TASK = "Updater:start_polling:polling_task"  # PTB's name for its polling loop's task
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGABRT)  # PTB's own on POSIX


POLLING_ACTION = "polling_action_cb"  # PTB's one getUpdates call, a task of its own


def stop_without_backoff() -> None:
    """A stop signal: cancel PTB's polling task when it sleeps in its retry backoff, then stop
    as PTB's handler does (SystemExit out of the event loop).

    While a getUpdates call is on the wire the task is left alone: PTB's stop cancels that call
    itself (cancelling the task around it would leave the call running, holding the one
    connection the last getUpdates needs)."""
    tasks = [task for task in asyncio.all_tasks() if not task.done()]
    calling = any(getattr(task.get_coro(), "__qualname__", "").endswith(POLLING_ACTION)
                  for task in tasks)
    if not calling:
        for task in tasks:
            if task.get_name() == POLLING_TASK:
                task.cancel()
    raise SystemExit


def install_stop_signals(loop: asyncio.AbstractEventLoop) -> None:
    """Handle the stop signals with `stop_without_backoff` (replacing PTB's handlers, which
    `run_polling` adds before post_init)."""
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stop_without_backoff)


class PollingTrouble:
    """Network errors of the polling loop, reported at most once every `every` seconds."""

    def __init__(self, every: float = EVERY_SECONDS,
                 clock: Callable[[], float] | None = None) -> None:
        self.every = every
        self._throttle = Throttle(every, clock or time.monotonic)

    def report(self, error: BaseException) -> bool:
        """Count `error`; log one WARNING (no traceback) when the last is `every` seconds old.
        Returns whether a line was logged."""
        count = self._throttle.due()
        if count is None:
            return False
        log.warning("Bot API unreachable or answering badly while polling (%d time(s) since the "
                    "last report): %s: %s", count, type(error).__name__, error)
        return True


class StartWatch:
    """Says, every `every` seconds until `ready()`, that the Bot API has not answered yet.

    A context manager around the start (`run_polling`/`run_webhook`): a thread of its own
    speaks while the event loop waits on the silent server; leaving the block ends it.
    """

    def __init__(self, host: str, give_up_after: float,
                 every: float = START_EVERY_SECONDS) -> None:
        self.host = host
        self.give_up_after = give_up_after
        self.every = every
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="start-watch", daemon=True)
        self.said = 0

    def ready(self) -> None:
        """The Bot API answered: nothing more to say."""
        self._ready.set()

    def __enter__(self) -> StartWatch:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._ready.set()
        self._thread.join()

    def _watch(self) -> None:
        waited = 0.0
        while not self._ready.wait(self.every):
            waited += self.every
            if waited >= self.give_up_after:
                return  # the start gives up now: its own clean line follows
            self.said += 1
            # whole seconds, as the line always said them (%d)
            log.warning(bilingual("start_silent", host=self.host, waited=int(waited),
                                  give_up=int(self.give_up_after)))
