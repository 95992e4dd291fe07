"""Telling the operators and a chat's admins that the bot may no longer post there, at Telegram's
pace and never lost (X93, QA62-1).

Before, each held chat's notice went straight to Telegram from the delivery task that met the
refusal, outside the sender's limiter: 20 groups that removed the bot during a broadcast made 20
messages to the operator within seconds, Telegram answered 429, the notice was not tried again,
and the hold was recorded as told before the send — 10 to 18 of 20 notices lost for good, the
admin's one message a second broken 11–16 times a run.

Now a hold only wakes the teller (one per sender, a task beside it). The teller:
- gathers: it waits GATHER_SECONDS after a hold, and leaves ROUND_SECONDS between two rounds,
  so the holds of a broadcast reach a person as one message («لم يعد بوسعي النشر في ٦ محادثات:
  …»), one per kind of fix; a single hold reads as before (bot.chat_holds.notice);
- paces: each message takes its slot from the sender's limiter (shared with the bot's answers:
  bot.reply_limiter), so the operator's chat keeps to one message a second; a 429 holds that
  chat for what Telegram asks, and the same message goes again;
- persists: what is owed is read from the database — a held chat whose hold was not recorded
  told (digests.chat_notices «hold», bot.chat_holds.untold) — and recorded told only once every
  person was sent the notice (or refused it for good: a blocked admin). A notice that could not
  go (the Bot API down) is tried again RETRY_SECONDS later; a restart tells what is still owed.
  A person who got a chat's notice is not sent it again in that process when another person's
  copy has to be retried.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from bot.chat_holds import (CATCH_UP_HOURS, HOLD_TOLD, both, held, hold_kind, named_list,
                            notice, recipients, say, sent_count, untold, waiting_words)
from bot.i18n import amount
from bot.limiter import RateLimiter, wait_event
from bot.reply_limiter import SENDER_CALL
from bot.send_failures import retry_after_seconds
from digests import chat_notices
from digests.daily_holders import pending_count
from digests.storage import Database, DatabaseFault

if TYPE_CHECKING:
    from bot.chat_holds import HoldNotices

log = logging.getLogger("bot.courier")

GATHER_SECONDS = 10.0  # after a hold, wait this long for the broadcast's other holds
ROUND_SECONDS = 60.0  # at least this long between two rounds of notices to the same people
RETRY_SECONDS = 30.0  # a notice that could not go is tried again after this long
SEND_TRIES = 6  # 429s waited out for one message before it waits for the next round
MAX_NAMED = 10  # chats named in one folded notice; the others counted («+٤»)


@dataclass(frozen=True)
class Owed:
    """A held chat whose hold is still to be told."""

    chat_id: int
    title: str
    type: str
    kind: str  # "removed", "rights", "closed" (bot.chat_holds.notice)
    kept: int  # its rows waiting

    @property
    def fix(self) -> str:
        """Which advice the notice gives (chats with the same one are told in one message)."""
        where = "group" if self.kind == "closed" or self.type != "channel" else "channel"
        return f"{self.kind}_{where}"


def owed_holds(db: Database, skip: set[int] | frozenset[int] = frozenset()) -> list[Owed]:
    """The held chats whose hold is not recorded told (oldest hold first), but `skip`."""
    out = []
    for h in held(db):
        if h.chat_id in skip or not untold(db, h.chat_id):
            continue
        kept = pending_count(db.db, h.chat_id)  # stories: a digest row counts its own
        out.append(Owed(h.chat_id, h.title, h.type, hold_kind(h.reason), int(kept)))
    return out


def folded(chats: list[Owed], lang: str) -> str:
    """One notice for chats with the same fix (HTML): a single chat's as before, several named
    in one («لم يعد بوسعي النشر في ٦ محادثات: «…»، «…» …»). Pure."""
    if len(chats) == 1:
        c = chats[0]
        return notice(c.title, c.type, c.kind, c.kept, lang)
    from html import escape

    names = named_list([f"«{escape(c.title or str(c.chat_id))}»" for c in chats], MAX_NAMED,
                       lang)
    kept = sum(c.kept for c in chats)
    return say("held_many" if kept else "held_many_none", lang,
               count=amount(len(chats), lang, "chat"), named=names,
               kept=waiting_words(kept, lang), fix=say(f"fixes_{chats[0].fix}", lang),
               hours=CATCH_UP_HOURS)


class HoldTeller:
    """Tells owed holds (see the module docstring); one per sender."""

    def __init__(self, notices: HoldNotices, limiter: RateLimiter, *,
                 gather: float = GATHER_SECONDS, rounds: float = ROUND_SECONDS,
                 retry: float = RETRY_SECONDS,
                 clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.notices = notices
        self.clock = clock  # the sender's: a told hold is stamped on the bot's own time
        self.limiter = limiter
        self.gather = gather
        self.rounds = rounds
        self.retry = retry
        self.running = False
        self._wake = asyncio.Event()
        self._given: set[tuple[int, int]] = set()  # (chat, person) told in this process

    def wake(self) -> None:
        """A chat was held: tell it at the next round."""
        self._wake.set()

    async def run(self, bot: Any, db: Database) -> None:
        """Tell what is owed, now (a restart's) and whenever woken, until cancelled."""
        self.running = True
        # its messages take their slots here, with the chat's spacing, and handle their own
        # 429s: the Application bot's reply limiter lets them through (as the courier's)
        SENDER_CALL.set(True)
        try:
            owed = True  # at start: what a stopped process owed
            while True:
                if owed:
                    await asyncio.sleep(self.gather)
                    self._wake.clear()
                    try:
                        left = await self.tell_owed(bot, db)
                    except asyncio.CancelledError:
                        raise
                    except Exception:  # a notice is never worth the teller
                        log.exception("hold notices failed")
                        left = 1
                    await asyncio.sleep(self.rounds)
                    if left:  # some could not go: again after a while, woken or not
                        await wait_event(self._wake, max(0.0, self.retry - self.rounds))
                        owed = True
                        continue
                await self._wake.wait()
                owed = True
        finally:
            self.running = False

    async def tell_owed(self, bot: Any, db: Database) -> int:
        """Tell every owed hold, folded per person and fix; returns how many holds are still
        owed (a person's copy could not go)."""
        owed = owed_holds(db, self.notices.told_here())
        if not owed:
            return 0
        people: dict[tuple[int, str], list[Owed]] = {}
        wanted: dict[int, set[int]] = {}
        for chat in owed:
            for user, lang in await recipients(bot, db, chat.chat_id, self.notices.operators,
                                               default=self.notices.default_language):
                wanted.setdefault(chat.chat_id, set()).add(user)
                if (chat.chat_id, user) not in self._given:
                    people.setdefault((user, lang), []).append(chat)
        for (user, lang), chats in people.items():
            fixes: dict[str, list[Owed]] = {}
            for chat in chats:
                fixes.setdefault(chat.fix, []).append(chat)
            for group in fixes.values():
                if await self._send(bot, user, both(lambda lg, g=group: folded(g, lg), lang)):
                    self._given.update((c.chat_id, user) for c in group)
        left = 0
        now = self.clock()
        for chat in owed:
            if all((chat.chat_id, u) in self._given for u in wanted.get(chat.chat_id, ())):
                try:
                    with db.transaction() as tx:
                        chat_notices.mark(tx, chat.chat_id, HOLD_TOLD, now,
                                          sent_count(db, chat.chat_id))
                except DatabaseFault as exc:  # locked, full: this process remembers it
                    log.warning("hold notice not recorded chat=%s error=%s", chat.chat_id, exc)
                except Exception:  # a bug: remembered too, with its traceback (QA73-5)
                    log.exception("hold notice not recorded chat=%s", chat.chat_id)
                self.notices.told(chat.chat_id)
                self._given = {g for g in self._given if g[0] != chat.chat_id}
                log.warning("chat held told chat=%s kind=%s told=%d", chat.chat_id, chat.kind,
                            len(wanted.get(chat.chat_id, ())))
            else:
                left += 1
        return left

    async def _send(self, bot: Any, user: int, html: str) -> bool:
        """Send one notice through the limiter, a 429 waited out; True once Telegram took it
        or refused it for good (nobody to tell there), False to try again later."""
        ticket: int | None = None
        for _ in range(SEND_TRIES):
            ticket = await self.limiter.acquire(user, False, ticket, wire_later=True)
            try:
                with self.limiter.flight():  # counted until a window after its answer (QA62-5)
                    await bot.send_message(user, html, parse_mode=ParseMode.HTML)
            except RetryAfter as err:
                wait = retry_after_seconds(err.retry_after)
                self.limiter.refused(user, False)
                self.limiter.too_many(user, wait)  # that chat waits what Telegram asks
                log.warning("hold notice rate-limited, sent again after the wait user=%s "
                            "seconds=%.1f", user, wait)
                continue
            except (Forbidden, BadRequest) as err:
                self.limiter.accepted()
                log.warning("hold notice refused user=%s error=%s", user, err)
                return True
            except TelegramError as err:
                log.warning("hold notice not sent, tried again later user=%s error=%s", user,
                            err)
                return False
            self.limiter.accepted()
            return True
        return False
