"""The bot's own answers to readers share the sender's rate limiter (QA27 D1, D2).

Before, a reader's answer (/unsubscribe, /lang, a search …) went outside the sender's limiter:
45 readers talking during a broadcast pushed the bot over 30/s, and each refusal paused every
send; the refused answers were handled again all at once a second later (refused again, lost),
and a handled-again /unsubscribe answered «لست تتابع» because it ran twice.

`ReplyLimiter` is the Application bot's PTB rate limiter (`ApplicationBuilder.rate_limiter`):
- every message the bot sends to a chat takes a slot of the sender's overall schedule
  (bot.limiter.RateLimiter), and in a group the group's window; a private chat's answer skips
  the one-second spacing (a short burst Telegram allows) but not a 429 wait of that chat; while
  the sender pauses every send (two chats refused at once: its guess that the bot is over) an
  answer does not queue behind the broadcast: it goes, counted (`RateLimiter.note`);
- a request refused with 429 is sent again after the wait (the same request: the command is
  not run again), at most REPLY_TRIES times and for waits up to REPLY_MAX_WAIT; the wait holds
  that chat, or everything when another chat was refused too (`RateLimiter.too_many`);
- an answer (a message sent or edited) refused with a server error or lost with its connection
  (PTB's NetworkError: not a TimedOut, which may have been delivered, nor a BadRequest) is sent
  again after REPLY_5XX_DELAY doubling up to REPLY_5XX_MAX_DELAY, at most REPLY_5XX_TRIES times
  (90 s in all: a minute's Bot API outage, QA43 C5, X69), one WARNING line each
  (QA32 R4: the answer to a /stats that met one 502 was dropped with an ERROR and a traceback);
  the error it gives up with carries how many times it was sent (`tries_of`);
- a message to a group that became a supergroup (400 migrate_to_chat_id, PTB's ChatMigrated)
  is sent to the supergroup, without its reply (QA48 R4: held or waiting answers were lost);
- the sender's own calls (bot.courier sets SENDER_CALL in its task) pass straight through:
  it takes its slots and handles its 429s itself;
- a group's answer that must wait BUSY_SIGN_SECONDS or more (its 20 a minute are used up) first
  puts a 👀 reaction on the member's message (bot.update_order.Heard, once per message): they
  see they were heard, and a reaction takes none of the group's messages (QA31 G1). The wait
  itself holds only that chat's updates (bot.update_order): other chats are answered meanwhile.

One reader cannot fill the schedule: bot.reader_cap answers a private chat's reader 20 times a
minute, then «تمهّل» once, and drops the rest before any handler runs (QA65-11); the cap sits
there, not here, because an answer a handler awaits cannot be dropped on the way out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from contextvars import ContextVar
from typing import Any

from telegram.error import BadRequest, ChatMigrated, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

from bot.limiter import RateLimiter
from bot.send_failures import retry_after_seconds
from bot.update_order import ANSWERING, BUSY_SIGN_SECONDS, Heard, answer_begins

log = logging.getLogger(__name__)

# True inside the sender's delivery tasks (bot.courier.Courier.deliver)
SENDER_CALL: ContextVar[bool] = ContextVar("nashra_sender_call", default=False)

# Methods that put a message in a chat: they count in Telegram's per-chat and overall limits.
COUNTED = frozenset({"sendMessage", "sendPhoto", "sendDocument", "sendMediaGroup",
                     "copyMessage", "forwardMessage"})
REPLY_TRIES = 4  # a request refused with 429 is sent at most this many times
REPLY_MAX_WAIT = 60.0  # longer waits are not waited for: the request fails (the reader may ask
# again)
# An answer refused with a server error is sent at most this many times: ten tries wait
# 1+2+4+8+15+15+15+15+15 = 90 s in all, so a minute's Bot API outage (502s from its front)
# loses no answer (QA43 C5: three tries in 3 s dropped a /stats during a 60 s run of 502s; X68's
# six in 23 s still did, X69). Still bounded: the chat's later updates wait behind it
# (bot.update_order; they would meet the same outage), a stop cancels it after its grace and
# holds the update for the next start (bot.held_updates), and the wait between two tries stays
# at 15 s, so an answer goes at most 15 s after Telegram is back.
REPLY_5XX_TRIES = 10
# the requests that answer a reader, sent again after a server error (QA32 R4)
ANSWERS = COUNTED | {"editMessageText", "editMessageReplyMarkup"}
REPLY_5XX_DELAY = 1.0  # seconds before the second try, doubling …
REPLY_5XX_MAX_DELAY = 15.0  # … up to this many seconds between two tries

Result = bool | dict[str, Any] | list[dict[str, Any]]

_TRIES_ATTR = "nashra_tries"  # set on the NetworkError an answer gave up with


def retry_5xx_delay(tries: int) -> float:
    """Seconds to wait after the `tries`-th send of an answer met a server error: REPLY_5XX_DELAY
    doubling with each try, never more than REPLY_5XX_MAX_DELAY (read at call time, so a test
    can shorten them)."""
    return min(REPLY_5XX_DELAY * 2.0 ** (tries - 1), REPLY_5XX_MAX_DELAY)  # 2.0: a float, not Any


def tries_of(error: BaseException) -> int:
    """How many times the request that failed with `error` was sent: the tries it gave up after
    (an answer after a 5xx or a dropped connection), else 1 (raised at once)."""
    tries = getattr(error, _TRIES_ATTR, 1)
    return tries if isinstance(tries, int) else 1


class ReplyLimiter(BaseRateLimiter[None]):
    """PTB rate limiter over the sender's RateLimiter (see the module docstring)."""

    def __init__(self, limiter: RateLimiter, heard: Heard | None = None) -> None:
        self.limiter = limiter
        self.heard = heard

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(self, callback: Callable[..., Coroutine[Any, Any, Result]],
                              args: Any, kwargs: dict[str, Any], endpoint: str,
                              data: dict[str, Any], rate_limit_args: None) -> Result:
        """Send one Bot API request of the Application's bot, within the shared rate limits.

        The sender's own calls (`SENDER_CALL`) pass straight through: the courier paces them.
        An answer to a chat waits its turn in the limiter's schedule (a group's is spaced, and
        its asker first gets the «heard» sign when the turn is late). A 429 holds that chat (or
        everyone, for a request without a chat) and is tried again up to REPLY_TRIES times when
        the wait is at most REPLY_MAX_WAIT; a group that became a supergroup is answered at its
        new id; a server error or dropped connection is tried up to REPLY_5XX_TRIES times,
        `retry_5xx_delay` apart, for the requests that answer a reader (ANSWERS).

        Args:
            callback: PTB's coroutine that makes the request.
            args: its positional arguments.
            kwargs: its keyword arguments.
            endpoint: the Bot API method («sendMessage» …).
            data: the request's parameters (its `chat_id`; rewritten for a migrated group).
            rate_limit_args: unused (PTB's per-call rate limit arguments).

        Returns:
            What Telegram answered.

        Raises:
            RetryAfter: still refused after REPLY_TRIES tries, or asked to wait longer than
                REPLY_MAX_WAIT.
            NetworkError: a timeout or a bad request at once; a server error after its last
                try, carrying the number of tries (`tries_of`).
            ChatMigrated: for a request that is no answer, or migrated again past the tries.
        """
        if SENDER_CALL.get():
            return await callback(*args, **kwargs)
        chat = data.get("chat_id")
        chat_id = chat if isinstance(chat, int) else None
        counted = endpoint in COUNTED and chat_id is not None
        ticket: int | None = None
        tries = 0
        while True:
            tries += 1
            # a counted answer through the schedule is in flight until its answer (QA62-5)
            flight: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
            if counted and self.limiter.paused_for() > 0:
                # the sender's pause is its guess that the bot is over its limit: a reader's
                # answer does not wait behind the broadcast for it (its own 429 holds it), but
                # it counts in the schedule
                assert chat_id is not None
                await self.limiter.wait_chat(chat_id)
                self.limiter.note(chat_id, chat_id < 0)
            elif counted:
                assert chat_id is not None
                if chat_id < 0 and tries == 1:
                    await self._sign_if_late(chat_id)
                ticket = await self.limiter.acquire(chat_id, chat_id < 0, ticket,
                                                    spacing=chat_id < 0, wire_later=True)
                flight = self.limiter.flight()
            try:
                with flight:
                    result = await callback(*args, **kwargs)
            except asyncio.CancelledError:
                if counted:  # cut in flight: it may have reached the asker, so not held (X56)
                    answer_begins()
                raise
            except RetryAfter as err:
                wait = retry_after_seconds(err.retry_after)
                if counted:
                    assert chat_id is not None
                    self.limiter.refused(chat_id, chat_id < 0)
                if chat_id is not None:
                    self.limiter.too_many(chat_id, wait)
                else:
                    self.limiter.pause(wait)
                again = tries < REPLY_TRIES and wait <= REPLY_MAX_WAIT
                log.warning("reply rate-limited method=%s chat=%s seconds=%.1f try=%d again=%s",
                            endpoint, chat_id, wait, tries, again)
                if not again:
                    raise
                if not counted or self.limiter.paused_for() > 0:
                    await asyncio.sleep(wait)
                # counted: `acquire` waits out the chat's (or everyone's) wait, in ticket order
                continue
            except ChatMigrated as err:
                # QA48 R4: the group became a supergroup (live, or while the bot was stopped
                # and its held answers wait): the answer goes to the new id, as the courier's
                # deliveries do, without its reply (that message id is the old chat's)
                new_id = int(err.new_chat_id)
                if endpoint not in COUNTED or chat_id is None or new_id == chat_id \
                        or tries > REPLY_TRIES:
                    raise
                log.warning("reply to a migrated group sent to its supergroup method=%s "
                            "chat=%s new=%s", endpoint, chat_id, new_id)
                data["chat_id"] = chat_id = new_id
                for key in ("reply_parameters", "reply_to_message_id", "message_thread_id"):
                    data.pop(key, None)
                ticket = None
                continue
            except NetworkError as err:
                if isinstance(err, (TimedOut, BadRequest)) or endpoint not in ANSWERS:
                    # a TimedOut may have been delivered (the reader would read it twice); a
                    # BadRequest (PTB's NetworkError too) is final; other methods (a
                    # getChatMember check) tell their caller at once
                    raise
                if counted:
                    self.limiter.accepted()  # an answer, not a flood wait (QA32 R3)
                again = tries < REPLY_5XX_TRIES
                log.warning("reply failed with a server error method=%s chat=%s try=%d "
                            "again=%s error=%s", endpoint, chat_id, tries, again, err)
                if not again:
                    setattr(err, _TRIES_ATTR, tries)  # what bot.update_errors says
                    raise
                ticket = None  # a new slot: the refused request took none of Telegram's
                await asyncio.sleep(retry_5xx_delay(tries))
                continue
            if counted:
                self.limiter.accepted()
                answer_begins()  # part of the answer went: a stop no longer holds it (X56)
            return result

    async def _sign_if_late(self, chat_id: int) -> None:
        """The member's message gets the «heard» sign when the group's answer to it must wait
        BUSY_SIGN_SECONDS or more (bot.update_order.Heard: once per message)."""
        asked = ANSWERING.get()
        if self.heard is None or asked is None or asked.chat_id != chat_id:
            return
        if self.limiter.ready_in(chat_id, True) >= BUSY_SIGN_SECONDS:
            await self.heard.sign(asked, "group window")
