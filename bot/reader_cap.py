"""A per-reader cap on answers in private chats (QA65-11): a reader flooding the bot.

One reader sent 60 searches in 2.4 s and got 60 answers: they share the sender's 30 a second
(bot.reply_limiter), so one flooder at Telegram's incoming rate could fill most of it during a
broadcast, and every search is work. Each reader now has a small token bucket: READER_ANSWERS
messages answered in READER_WINDOW seconds, refilled evenly. The first message past it is
answered once «تمهّل قليلًا…» / "Slow down a little…"; the rest are dropped silently (not run)
until a token is back. Operators are never capped (a /sources or /push burst is theirs).

Only a private chat's messages count: a group's answers already wait for Telegram's 20 a minute
per group (bot.reply_limiter), and a button's press answers in place. The gate runs before every
other handler (`register`, group -4). No setting: the README's style keeps keys for what an
operator tunes, and 20 a minute is far past a person's reading pace.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes, MessageHandler, filters

from bot.ptb_types import App
from bot.runtime import chat_lang, runtime, send, ui

log = logging.getLogger(__name__)

READER_ANSWERS = 20  # a reader's messages answered in a row …
READER_WINDOW = 60.0  # … refilled over this many seconds (20 a minute)
KEPT_READERS = 10_000  # buckets kept at most: past it the least recently heard is forgotten
GATE_GROUP = -4  # before bot.chat_moves' first sight (-3) and the forwards gate (-2)
CAP_KEY = "nashra_reader_cap"  # the bot's ReaderCap in application.bot_data

Verdict = Literal["answer", "warn", "drop"]


@dataclass
class _Bucket:
    tokens: float
    at: float
    warned: bool = False


@dataclass
class ReaderCap:
    """Token buckets by user id (mutable on purpose; one per bot, in bot_data[CAP_KEY]).
    `clock` is monotonic seconds (a test pins it).

    At most KEPT_READERS buckets: a new reader past it forgets the least recently heard one,
    the likeliest to have refilled (a reader back later starts full anyway). Only when more
    than KEPT_READERS readers write within a window can a bucket not yet refilled be
    forgotten; memory stays bounded and each message costs O(1) (review REV2 #9: a scan of
    every bucket per new reader that removed only full ones, so a wide flood grew it)."""

    capacity: int = READER_ANSWERS
    window: float = READER_WINDOW
    clock: Callable[[], float] = time.monotonic
    # least recently heard first: forgetting the oldest is O(1) (REV2 #9)
    _buckets: OrderedDict[int, _Bucket] = field(default_factory=OrderedDict)

    def take(self, user_id: int) -> Verdict:
        """"answer" (a token taken), "warn" (none left: say so, once per flood) or "drop"."""
        now = self.clock()
        rate = self.capacity / self.window
        bucket = self._buckets.get(user_id)
        if bucket is None:
            while len(self._buckets) >= KEPT_READERS:
                self._buckets.popitem(last=False)  # the least recently heard (docstring)
            bucket = self._buckets[user_id] = _Bucket(float(self.capacity), now)
        else:
            self._buckets.move_to_end(user_id)
        bucket.tokens = min(float(self.capacity), bucket.tokens + (now - bucket.at) * rate)
        bucket.at = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            bucket.warned = False
            return "answer"
        if bucket.warned:
            return "drop"
        bucket.warned = True
        return "warn"


async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Let a reader's message on while they have answers left; else «slow down» once, then
    stop it before any handler runs."""
    rt = runtime(context)
    user = update.effective_user
    if user is None or rt.is_admin(user.id):
        return
    cap = context.application.bot_data.setdefault(CAP_KEY, ReaderCap())
    assert isinstance(cap, ReaderCap)
    verdict = cap.take(user.id)
    if verdict == "answer":
        return
    if verdict == "warn":
        log.info("reader capped user=%s answers=%d seconds=%.0f", user.id, cap.capacity,
                 cap.window)
        await send(update, context, ui(chat_lang(rt, update), "slow_down"))
    raise ApplicationHandlerStop


def register(app: App) -> None:
    """The gate, before every other handler, on private chats' messages."""
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE, gate),
                    group=GATE_GROUP)
