"""The sender's outbox writes when the database will not take them at once.

The sender and its couriers (bot.sender, bot.courier) write the outbox on the bot's event loop:
a claim before a message leaves, its outcome after. While another program holds SQLite's write
lock (a `sqlite3` shell in a transaction, a backup: QA16 F1) each write waited the connection's
busy timeout (2 s) and failed — the whole event loop stalled meanwhile and a broadcast crawled.
`OwedWrites` makes each such write wait at most WAIT_SECONDS (`Database.waiting_at_most`) and
then:

- a write made BEFORE a send (the claim pending → sending, a delivery postponed) is not made:
  nothing is sent, the rows stay pending for a later pass (`attempt` raises `Locked`);
- a write made AFTER a send (its outcome: sent, failed, skipped, retried later, the chat
  deactivated) is OWED: kept in memory, in order, and written first at every later pass
  (`settle`) before anything else is claimed. Its rows stay 'sending' meanwhile, and the sender
  only ever picks 'pending' rows, so a message whose «sent» mark could not be written is never
  sent again by this process. A graceful stop waits up to its timeout to write what is owed; a
  process killed (or stopped while the lock is still held) leaves those rows 'sending', which
  the next start sends again, as after any crash (at least once; docs/delivery.md's table).

After a refusal, no sender write is tried for RETRY_SECONDS (`blocked`), so one pass costs the
event loop at most one short wait. One WARNING a minute says deliveries wait, once the lock has
been refused for WARN_AFTER seconds in a row (a poll's own short transaction is not worth one).
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from digests.logs import Throttle
from digests.storage import FAULT_LOG, Database, DatabaseFault, Fault

log = logging.getLogger(__name__)

_T = TypeVar("_T")

WAIT_SECONDS = 0.1  # a sender write's wait for the lock (the bot's handlers wait 2 s)
RETRY_SECONDS = 1.0  # no sender write is tried this long after a refusal
WARN_AFTER = 5.0  # seconds of refusals in a row before the WARNING
REPORT_EVERY = 60.0


class Locked(Exception):
    """The database did not take the write (locked, or another fault): try again later."""

    def __init__(self, kind: Fault) -> None:
        super().__init__(kind)
        self.kind = kind


class OwedWrites:
    """A sender's writes with a short wait, and the outcome writes it still owes (module doc)."""

    def __init__(self, db: Database, *, wait: float = WAIT_SECONDS,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.db = db
        self.wait = wait
        self.monotonic = monotonic
        self._owed: list[tuple[str, Callable[[], object]]] = []
        self._until = 0.0  # no write tried before this (monotonic)
        self._since: float | None = None  # the first refusal of the current run of them
        self._report = Throttle(REPORT_EVERY, lambda: self.monotonic())
        self._kind: Fault = "locked"  # the latest refusal's

    @property
    def owed(self) -> int:
        """Outcome writes not made yet."""
        return len(self._owed)

    def blocked(self) -> bool:
        """True for RETRY_SECONDS after a refusal: no write is tried meanwhile."""
        return self.monotonic() < self._until

    def attempt(self, what: str, fn: Callable[..., _T], *args: Any) -> _T:
        """`fn(db, *args)` waiting at most `wait` for the lock.

        Raises:
            Locked: the database did not take it (nothing was written), or writes are
                `blocked` after a recent refusal.
        """
        if self.blocked():
            raise Locked(self._kind)
        try:
            with self.db.waiting_at_most(self.wait):
                result = fn(self.db, *args)
        except DatabaseFault as exc:  # the storage boundary names it (QA73-4); others go on
            self._refused(exc.fault, what)
            raise Locked(exc.fault) from exc
        self._since = None
        return result

    def owe(self, what: str, fn: Callable[..., object], *args: Any) -> bool:
        """Write an outcome now if the database takes it, else keep it for `settle`, after
        those owed before it. True when written now."""
        call = functools.partial(fn, self.db, *args)
        if self._owed or self.blocked():
            self._owed.append((what, call))
            return self.settle()
        try:
            self.attempt(what, _call, call)
        except Locked:
            self._owed.append((what, call))
            log.debug("outbox write owed what=%s owed=%d", what, len(self._owed))
            return False
        return True

    def settle(self, *, wait: float | None = None) -> bool:
        """Write what is owed, oldest first, until the database refuses one. True when nothing
        is owed any more. `wait` overrides the lock wait (a graceful stop waits longer)."""
        saved = self.wait
        if wait is not None:
            self.wait, self._until = wait, 0.0
        try:
            while self._owed:
                what, call = self._owed[0]
                self.attempt(what, _call, call)
                self._owed.pop(0)
        except Locked:
            return False
        finally:
            self.wait = saved
        return True

    def _refused(self, kind: Fault, what: str) -> None:
        now = self.monotonic()
        self._kind = kind
        self._until = now + RETRY_SECONDS
        if self._since is None:
            self._since = now
        if now - self._since < WARN_AFTER:
            log.debug("outbox write refused what=%s kind=%s", what, kind)
            return
        count = self._report.due()
        if count is not None:
            log.warning("deliveries wait: %s (%d sender writes refused since the last report, "
                        "%d outcomes of sent messages owed; nothing is sent twice) where=%s",
                        FAULT_LOG[kind], count, len(self._owed), what)


def _call(db: Database, call: Callable[[], _T]) -> _T:
    return call()
