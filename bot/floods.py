"""Telegram's per-chat 429s as the operator reads them: one log line a minute, and delivered
rows without the 429's trace (QA53 S4).

A 429 storm (a third of 3,000 chats answering «retry after 5–30 s») wrote one WARNING per
refused chat: 984 lines in 3 minutes. `FloodLog` says the first refusal of a wave at once, then
one WARNING a minute while the wave lasts (the refusals, the chats, the longest wait and the
first few chat ids), and a last line for the rest; each refusal stays at DEBUG with its chat.
The sender's behaviour is unchanged (only the refused chat waits: bot.courier, bot.limiter).

Delivered rows lose a «429 retry after N s» last_error in digests.outbox_states.finish (a 429
is Telegram pacing the bot, not a trouble of the row); other transient reasons stay.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

EVERY = 60.0  # seconds between two summary lines of one wave
FIRST_IDS = 5  # chat ids named in a summary line


class FloodLog:
    """The per-chat 429s of the sender, logged as waves (module doc). On the event loop."""

    def __init__(self, every: float = EVERY, clock: Callable[[], float] = time.monotonic) -> None:
        self.every = every
        self.clock = clock
        self._open = False  # a wave's window is running (its summary scheduled)
        self._refusals = 0
        self._chats: dict[int, None] = {}  # insertion-ordered: the first ids named
        self._longest = 0.0
        self._since = 0.0

    def held(self, chat_id: int, seconds: float) -> None:
        """Telegram answered 429 to a message for `chat_id`: it waits `seconds`."""
        log.debug("429 from Telegram: holding this chat seconds=%.1f chat=%s", seconds, chat_id)
        if not self._open:
            log.warning("429 from Telegram: holding chats (each waits its own retry_after; "
                        "further refusals summed once a minute) chats=1 longest=%.1f first=%s",
                        seconds, chat_id)
            self._start()
            return
        self._refusals += 1
        self._chats.setdefault(chat_id)
        self._longest = max(self._longest, seconds)

    def flush(self) -> None:
        """The summary of the refusals since the last line; the wave ends when there are none."""
        if not self._refusals:
            self._open = False
            return
        first = ",".join(str(c) for c in list(self._chats)[:FIRST_IDS])
        log.warning("429 from Telegram: chats held refusals=%d chats=%d longest=%.1f "
                    "seconds=%.0f first=%s", self._refusals, len(self._chats), self._longest,
                    self.clock() - self._since, first)
        self._start()

    def _start(self) -> None:
        self._open, self._refusals, self._chats, self._longest = True, 0, {}, 0.0
        self._since = self.clock()
        try:
            asyncio.get_running_loop().call_later(self.every, self.flush)
        except RuntimeError:  # no loop (a synchronous caller): each refusal opens its wave
            self._open = False

