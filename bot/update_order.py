"""Updates handled concurrently across chats, in order within one chat (QA31 G1).

With PTB's default (`concurrent_updates` off) the update loop awaits each handler to its end:
a group over Telegram's 20 messages a minute made its answer wait in bot.reply_limiter, and every
update behind it — other groups, private chats, buttons, inline queries — waited too (a private
reader waited 54 s for one word). `ChatOrderedProcessor` is the Application's update processor:

- updates of one chat (a button pressed under a chat's message counts as that chat; an inline
  query as its user's) are handled one at a time, in the order Telegram sent them, so a chat's
  commands, replies and presses never overtake each other;
- updates of different chats run side by side: one busy chat's waits delay nobody else;
- a group's move to a supergroup (its service messages name both ids) holds both chats, so it
  never runs beside an update of either one (bot.welcome.chat_migrated moves their rows).

The database is safe with this: no handler awaits inside a transaction (the sender already runs
beside the handlers on the same connection). `ANSWERING` names the update's message while its
handler runs, so a rate-limited answer can show the asker it was heard (bot.reply_limiter).

`Heard` is that sign: a 👀 reaction on a group member's message whose answer is held
BUSY_SIGN_SECONDS or more — by the group's window (bot.reply_limiter), or while the message waits
for its turn behind the group's earlier ones (here). A reaction takes none of the group's 20
messages a minute; each message gets it once.

Bounds (QA37 T3): PTB's own semaphore was taken before a chat's lock, so one chat's 4,096
waiting updates held every slot and froze every other chat (29 s at 4,400 × 0.1 s). The
semaphore is now set out of reach; what is bounded is one chat's waiting line (CHAT_WAITING:
an update past it is dropped with a log line — a flood, not a conversation) and the handlers
running at once (RUNNING). On stop (bot.held_updates) an update that has not started is not run
but held for the next start, and one still running after the grace is cancelled and held.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import BaseUpdateProcessor

from bot import warm_tables
from digests.logs import Throttle

log = logging.getLogger(__name__)

# PTB's own cap (its semaphore) is out of reach: it is taken before a chat's lock, so one busy
# chat's waiting updates would use up the slots other chats need (QA37 T3). CHAT_WAITING bounds
# one chat's line instead; RUNNING caps the handlers that actually run at once.
QUEUED_UPDATES = 1 << 30
CHAT_WAITING = 500
RUNNING = 64
# Private chats, buttons pressed in them and inline queries run on slots of their own (QA37 T8):
# 200 busy groups' handlers, each waiting in its group's window (bot.reply_limiter), held all
# RUNNING slots and a private reader waited 18.6 s behind them.
RUNNING_PRIVATE = 32
BUSY_SIGN_SECONDS = 3.0  # a group's answer held this long is first signed with a reaction
SIGNS_KEPT = 512  # messages already signed, remembered (each is signed once)


@dataclass(frozen=True)
class Asked:
    """The message an update's handler answers: its chat, its id, and whether it is a group."""

    chat_id: int
    message_id: int
    is_group: bool


ANSWERING: ContextVar[Asked | None] = ContextVar("nashra_answering", default=None)


@dataclass
class Progress:
    """Whether the running handler has begun sending its answer (bot.reply_limiter marks it)."""

    sending: bool = False


# A handler whose answer has begun to go is never held by a stop (X56; X53's left): held, it
# would be answered again after the restart — the asker would read the start of it twice.
PROGRESS: ContextVar[Progress | None] = ContextVar("nashra_progress", default=None)


def answer_begins() -> None:
    """The running handler's answer has begun to go: bot.reply_limiter calls it once a send
    of the answer went, or was cut in flight (it may have reached the asker)."""
    progress = PROGRESS.get()
    if progress is not None:
        progress.sending = True


class Heard:
    """The «heard» sign on a held group message, once per message (see the module docstring).
    `react` is set by bot.app once the Bot exists; without it nothing is signed."""

    def __init__(self) -> None:
        self.react: Callable[[Asked], Awaitable[object]] | None = None
        self._signed: dict[tuple[int, int], None] = {}

    async def sign(self, asked: Asked, why: str) -> None:
        """Put the «heard» sign on `asked` (a group's message), once per message: SIGNS_KEPT
        messages are remembered; a group where reactions are off is skipped (logged).

        Args:
            asked: the message whose answer waits.
            why: what it waits for, for the log line.
        """
        key = (asked.chat_id, asked.message_id)
        if self.react is None or not asked.is_group or key in self._signed:
            return
        self._signed[key] = None
        while len(self._signed) > SIGNS_KEPT:
            del self._signed[next(iter(self._signed))]
        log.info("group answer delayed chat=%s message=%s why=%s: heard sign", asked.chat_id,
                 asked.message_id, why)
        try:
            await self.react(asked)
        except TelegramError as exc:  # reactions off in this group: the answer still comes
            log.info("heard sign refused chat=%s error=%s", asked.chat_id, exc)

    async def sign_later(self, asked: Asked) -> None:
        """Sign `asked` if it is still waiting for its turn after BUSY_SIGN_SECONDS (the task
        is cancelled when its turn comes)."""
        await asyncio.sleep(BUSY_SIGN_SECONDS)
        await asyncio.shield(self.sign(asked, "queued"))


def order_keys(update: object) -> tuple[str, ...]:
    """The chats (or users) whose order this update belongs to; () runs it freely."""
    if not isinstance(update, Update):
        return ()
    message = update.effective_message
    keys: list[str] = []
    chat = update.effective_chat
    if chat is not None:
        keys.append(f"chat:{chat.id}")
    elif update.effective_user is not None:  # inline queries, chosen inline results
        keys.append(f"user:{update.effective_user.id}")
    if message is not None:
        for other in (message.migrate_to_chat_id, message.migrate_from_chat_id):
            if other:
                keys.append(f"chat:{other}")
    return tuple(sorted(set(keys)))  # always taken in one order: two moves never deadlock


def asked_of(update: object) -> Asked | None:
    """The user message an update's handler answers (None for buttons, inline, service)."""
    if not isinstance(update, Update) or update.message is None:
        return None
    message = update.message
    return Asked(message.chat.id, message.message_id,
                 message.chat.type in ("group", "supergroup"))


class ChatOrderedProcessor(BaseUpdateProcessor):
    """PTB update processor: one chat's updates in order, chats side by side (see module)."""

    def __init__(self, heard: Heard | None = None,
                 on_held: Callable[[object], None] | None = None,
                 on_done: Callable[[object], None] | None = None) -> None:
        super().__init__(QUEUED_UPDATES)
        self.heard = heard
        self.on_held = on_held  # where a stop's unanswered updates go (bot.held_updates.hold)
        # a handled update leaves the held file only now (QA41 T2: bot.held_updates.answered)
        self.on_done = on_done
        self.stopping = False
        self.dropped = 0  # updates past a chat's CHAT_WAITING
        self._drop_log = Throttle(60.0)  # a flood drops thousands: one line a minute, counted
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}
        self._running = asyncio.Semaphore(RUNNING)
        self._running_private = asyncio.Semaphore(RUNNING_PRIVATE)
        self._handling: set[asyncio.Task[Any]] = set()

    def begin_stop(self) -> None:
        """The bot stops: updates that have not started are held, not run."""
        self.stopping = True

    def cancel_running(self) -> int:
        """Cancel the handlers still running (the stop's grace is over); their updates are
        held. Returns how many."""
        tasks = [task for task in self._handling if not task.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            log.warning("stop grace over: answers still held cancelled count=%d", len(tasks))
        return len(tasks)

    def _hold(self, update: object) -> None:
        if self.on_held is None:
            return
        try:
            self.on_held(update)
        except OSError as exc:  # a full disk must not keep the bot from stopping
            log.warning("update not held error=%s", exc)

    def _done(self, update: object) -> None:
        if self.on_done is None:
            return
        try:
            self.on_done(update)
        except OSError as exc:  # the entry stays: at worst answered again after a restart
            log.warning("held update not cleared error=%s", exc)

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run one update's handlers after the earlier updates of its chat (and its sender).

        The update waits on the lock of each of its `order_keys`, first come first served, then
        for a slot (private chats and groups have their own), then runs. A chat with
        CHAT_WAITING updates already waiting drops the new one (logged once a minute). A group's
        asker whose turn is late gets the «heard» sign meanwhile. Once a stop has begun, an
        update not yet running is held for the next start (`on_held`); one the stop cancels is
        held too, unless part of its answer went already (it would go twice).

        Args:
            update: the update PTB hands over.
            coroutine: PTB's handling of it; closed unawaited when it is dropped or held.
        """
        keys = order_keys(update)
        if self.stopping:
            self._hold(update)
            _close(coroutine)
            return
        full = next((key for key in keys if self._users.get(key, 0) >= CHAT_WAITING), None)
        if full is not None:
            self.dropped += 1
            count = self._drop_log.due()
            if count is not None:
                log.warning("chat queue full key=%s waiting=%d: updates dropped count=%d"
                            " last_update_id=%s", full, self._users[full], count,
                            getattr(update, "update_id", None))
            _close(coroutine)
            self._done(update)  # a flood's overflow is never answered: not kept either
            return
        locks = [self._take(key) for key in keys]
        acquired: list[asyncio.Lock] = []
        asked = asked_of(update)
        watch: asyncio.Task[None] | None = None
        started = False
        if (self.heard is not None and asked is not None and asked.is_group
                and any(lock.locked() for lock in locks)):
            watch = asyncio.create_task(self.heard.sign_later(asked), name="heard-sign")
        try:
            for lock in locks:  # asyncio.Lock wakes its waiters first come, first served
                await lock.acquire()
                acquired.append(lock)
            if watch is not None:
                watch.cancel()
            # a handler may read the word tables: in a process's first seconds they are still
            # being built in their thread, never on the loop (bot.warm_tables, X104)
            await warm_tables.ready()
            async with self._slots(update):
                if self.stopping:  # its turn came after the stop began: the next start answers
                    self._hold(update)
                    return
                token = ANSWERING.set(asked)
                progress = Progress()
                progress_token = PROGRESS.set(progress)
                started = True
                task = asyncio.current_task()
                if task is not None:
                    self._handling.add(task)
                try:
                    await coroutine
                except asyncio.CancelledError:
                    if not self.stopping:
                        raise
                    if progress.sending:  # part of it went: held, it would go twice
                        log.warning("stop cancelled an answer already going: not held"
                                    " update_id=%s", getattr(update, "update_id", None))
                        self._done(update)
                    else:
                        self._hold(update)  # cancelled by cancel_running: held, the stop goes on
                else:
                    self._done(update)
                finally:
                    PROGRESS.reset(progress_token)
                    ANSWERING.reset(token)
                    if task is not None:
                        self._handling.discard(task)
        finally:
            if watch is not None:
                watch.cancel()
            for lock in reversed(acquired):
                lock.release()
            for key in keys:
                self._give(key)
            if not started:
                _close(coroutine)  # cancelled while waiting its turn (or a slot): never started

    def _slots(self, update: object) -> asyncio.Semaphore:
        """A private chat's (or an inline query's) slots, else the groups' and channels'."""
        chat = update.effective_chat if isinstance(update, Update) else None
        if (chat is None and isinstance(update, Update)) or (chat is not None
                                                             and chat.type == "private"):
            return self._running_private
        return self._running

    def _take(self, key: str) -> asyncio.Lock:
        self._users[key] = self._users.get(key, 0) + 1
        return self._locks.setdefault(key, asyncio.Lock())

    def _give(self, key: str) -> None:
        """One update of `key` is done; the chat's lock goes once nobody waits (memory stays
        bounded by the chats active right now)."""
        left = self._users[key] - 1
        if left:
            self._users[key] = left
        else:
            del self._users[key]
            del self._locks[key]


def _close(coroutine: Awaitable[Any]) -> None:
    """A handler's coroutine that will never run (no «never awaited» warning)."""
    if asyncio.iscoroutine(coroutine):
        coroutine.close()
