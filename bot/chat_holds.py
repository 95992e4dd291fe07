"""A channel or group the bot can no longer post in: held, its admins told once, resumed when it
can post again (QA49 M1, M2).

Telegram refuses every send to a chat where the bot lost its right to post («need administrator
rights in the channel chat»: an admin took its «نشر الرسائل»; «not enough rights to send»: a
group muted it) or that removed it («bot was kicked», «bot is not a member»). Before, a channel's
rights refusal failed every story for ever with only a log line, and a removal skipped its
queue without a word. Now such a chat (not a private one: a blocked reader stays as it was) is
*held*:

- `hold_chat`: the chat inactive with the reason (so it is not tried again and no new rows are
  queued for it), its queued rows kept pending (the bundle on the wire goes back to the queue
  without using an attempt).
- `HoldNotices.tell`: the operators, and the chat's admins who have a private chat with the bot
  (when Telegram still names them), get one message, Arabic first, naming the chat and saying
  what to do. Told once per hold: a chat held again before a message to it was accepted is not
  told again, after a restart too (X74: digests.chat_notices «hold», with the count of the
  chat's sent rows then; a resume ends the hold, so the next one is told).
- A forum whose General and delivery topic are both closed (QA49 M4) is held the same way
  (kind "closed"); a member writing there makes it active again (bot.runtime.ensure_chat).
- `resume` (bot.hold_resumption): when the bot may post again (my_chat_member), the chat is
  active again, its kept rows go out, the stories it missed while held are queued and the
  admin who gave the right back and the operators are told. A push report finished while a
  chat is held names it: `push_held_note`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING, Any

from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.i18n import amount, lang_of, lasted, list_sep, num, t
from digests import chat_notices
from digests.daily_holders import pending_count
from digests.late_rows import LATE_HOURS
from digests.models import iso
from digests.outbox_upkeep import HELD_REASON
from digests.push_queue import audience
from digests.storage import Database, DatabaseFault

if TYPE_CHECKING:
    from bot.hold_teller import HoldTeller

log = logging.getLogger("bot.courier")

HELD = HELD_REASON  # chats.deactivated_reason of a held chat starts with it
HOLD_TOLD = "hold"  # digests.chat_notices: the chat's hold was told (X74)
# Telegram's refusals that mean the bot may not post in this chat (any chat but a private one)
RIGHTS = ("need administrator rights", "not enough rights", "chat_write_forbidden",
          "have no rights to send", "chat_admin_required")
REMOVED = ("bot was kicked", "bot is not a member")
# the send window: stories older than this are not sent after a resume (the one rule for a
# late delivery, digests.late_rows: also at the bot's start)
CATCH_UP_HOURS = LATE_HOURS


def refusal_kind(error: str) -> str | None:
    """"rights" (may not post), "removed" (not in the chat) or None for another refusal."""
    low = error.lower()
    if any(p in low for p in RIGHTS):
        return "rights"
    if any(p in low for p in REMOVED):
        return "removed"
    return None


def may_post(member: Any, chat_type: str) -> bool:
    """Whether the bot, as this ChatMember, may post in a channel or group: in it, not
    restricted from sending, and in a channel an admin whose «Post messages» is not off."""
    status = str(member.status)
    if status in ("left", "kicked"):
        return False
    if status == "restricted":
        return bool(getattr(member, "can_send_messages", False))
    if chat_type == "channel":
        return status == "creator" or (
            status == "administrator" and getattr(member, "can_post_messages", None) is not False)
    return True


@dataclass(frozen=True)
class Held:
    """A held chat: since when, and Telegram's reason."""

    chat_id: int
    title: str
    type: str
    since: datetime
    reason: str


def hold_chat(db: Database, chat_id: int, reason: str, now: datetime,
              row_ids: Iterable[int] = ()) -> int:
    """Hold the chat (inactive, reason prefixed HELD); its rows on the wire (`row_ids`, claimed
    'sending') go back to pending without using an attempt; its pending rows stay. Returns
    how many rows are kept."""
    ids = list(row_ids)
    with db.transaction() as tx:
        tx.execute("update chats set active = 0, deactivated_at = ?, deactivated_reason = ?"
                   " where id = ?", [iso(now), (HELD + reason)[:200], chat_id])
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            tx.execute(f"update outbox set status = 'pending' where status = 'sending'"
                       f" and id in ({','.join('?' * len(part))})", part)
        kept = pending_count(tx, chat_id)  # stories: a daily digest's row counts its own
    log.warning("chat held: the bot may not post there chat=%s reason=%s rows_kept=%d",
                chat_id, reason, kept)
    return int(kept)


def held(db: Database, chat_id: int | None = None) -> list[Held]:
    """The held chats (or that one), oldest hold first."""
    where = " and id = ?" if chat_id is not None else ""
    rows = db.db.execute(
        f"select id, title, type, deactivated_at, deactivated_reason from chats"
        f" where active = 0 and deactivated_reason like '{HELD}%'{where} order by deactivated_at",
        [chat_id] if chat_id is not None else []).fetchall()
    return [Held(r[0], r[1] or "", r[2] or "", datetime.fromisoformat(r[3]),
                 r[4][len(HELD):]) for r in rows]


def notice(title: str, chat_type: str, kind: str, kept: int, lang: str) -> str:
    """The message telling an admin the bot can no longer post in the chat, with what to do
    (HTML). Pure."""
    where = "channel" if chat_type == "channel" else "group"
    fix = say(f"fix_{kind}_{'group' if kind == 'closed' else where}", lang)
    # nothing waiting: no «(٠ في الانتظار)» (QA52 R6); a counted noun, not «(٢ في الانتظار)»
    # (QA62-10)
    return say("held" if kept else "held_none", lang, name=escape(title or "?"),
               kept=waiting_words(kept, lang), fix=fix, hours=CATCH_UP_HOURS)


def waiting_words(n: int, lang: str) -> str:
    """The stories waiting as the subject of «في الانتظار»: «خبر واحد», «خبران» (the nominative
    dual, not amount's «خبرين»), «٥ أخبار», «١١ خبرًا» (QA62-10: «(٢ في الانتظار)», a bare
    numeral); the number alone in English ("5 waiting"). Pure."""
    if lang != "ar":
        return str(n)
    return say("two_waiting", lang) if n == 2 else amount(n, lang, "article")


def hold_kind(reason: str) -> str:
    """What a held chat's reason (chats.deactivated_reason after HELD) asks the admins to fix:
    "removed" (a refusal naming it, or my_chat_member's «bot left/kicked»), "closed" (a forum's
    topics), "rights" (anything else: a refusal of the right to post, «bot restricted»)."""
    kind = refusal_kind(reason)
    if kind is not None:
        return kind
    if "topic_closed" in reason.lower():
        return "closed"
    return "removed" if reason in ("bot left", "bot kicked") else "rights"


def both(make: Any, lang: str) -> str:
    """The notice in the person's language when it is known ('ar' or 'en'); Arabic first with
    the English below when it is not ("": no private chat with the bot, no choice stored).
    QA56-6: an admin whose chat is Arabic got the whole English paragraph too."""
    return make(lang) if lang in ("ar", "en") else f"{make('ar')}\n\n{make('en')}"


async def recipients(bot: Any, db: Database, chat_id: int, operators: Iterable[int],
                     extra: Iterable[int] = (), *, default: str = "ar",
                     codes: Mapping[int, str | None] | None = None) -> list[tuple[int, str]]:
    """(user, language) of those told about the chat: the operators, `extra` (the admin who
    acted), and the chat's admins Telegram still names who have an active private chat with
    the bot. The language is the one the bot speaks in their private chat: its stored choice,
    else their Telegram language_code (`codes`, or as Telegram names the admin) when Arabic or
    English, else `default` (DEFAULT_LANGUAGE; review REV: such a chat got both languages
    though the bot speaks it the default); "" for an operator with no private chat with the
    bot (`both` says both)."""
    ops = set(operators)
    people = ops | set(extra)
    known = dict(codes or {})
    try:
        admins = await bot.get_chat_administrators(chat_id)
        people |= {a.user.id for a in admins if not a.user.is_bot}
        known.update({a.user.id: a.user.language_code for a in admins
                      if a.user.language_code and a.user.id not in known})
    except TelegramError as exc:  # removed, or not an admin: the operators only
        log.info("chat admins not known chat=%s error=%s", chat_id, exc)
    out: list[tuple[int, str]] = []
    for user in sorted(people):
        row = db.db.execute("select language from chats where id = ? and type = 'private'"
                            " and active = 1", [user]).fetchone()
        if row is not None:
            out.append((user, lang_of(known.get(user), row[0], default)))
        elif user in ops:
            out.append((user, ""))
    return out


async def tell(bot: Any, people: list[tuple[int, str]], make: Any) -> int:
    """Send `both(make)` to each; returns how many were sent."""
    sent = 0
    for user, lang in people:
        try:
            await bot.send_message(user, both(make, lang), parse_mode=ParseMode.HTML)
            sent += 1
        except TelegramError as exc:
            log.warning("hold notice not sent user=%s error=%s", user, exc)
    return sent


def sent_count(db: Database, chat_id: int) -> int:
    """How many of the chat's rows were sent (a hold is told once per such count)."""
    return int(db.db.execute("select count(*) from outbox where chat_id = ? and status = 'sent'",
                             [chat_id]).fetchone()[0])


def untold(db: Database, chat_id: int) -> bool:
    """Whether the chat's hold is still to be told: never told, or told before a message to
    it was accepted since (its sent rows more than then). Reads only (bot.hold_teller)."""
    then = chat_notices.sent_then(db.db, chat_id, HOLD_TOLD)
    return then is None or sent_count(db, chat_id) > then


def first_telling(db: Database, chat_id: int, now: datetime) -> bool:
    """Whether this hold of the chat is to be told, recording that it is (X74): not when it was
    told before and no message to it was accepted since (its sent rows are as many as then),
    whichever process told it."""
    sent = sent_count(db, chat_id)
    then = chat_notices.sent_then(db.db, chat_id, HOLD_TOLD)
    if then is not None and sent <= then:
        return False
    chat_notices.mark(db.db, chat_id, HOLD_TOLD, now, sent)
    return True


class HoldNotices:
    """Tells once per hold (see the module docstring); one per courier."""

    def __init__(self, operators: Iterable[int] = (), default_language: str = "ar") -> None:
        self.operators = frozenset(operators)
        self.default_language = default_language
        # told by this process and nothing accepted since: what decides when the database
        # refuses the record (locked)
        self._told: set[int] = set()
        # the sender's (X93, QA62-1): it tells the holds paced, folded and persistently
        self.teller: HoldTeller | None = None

    def accepted(self, chat_id: int) -> None:
        """A message to the chat went: a later hold is told again."""
        self._told.discard(chat_id)

    def told(self, chat_id: int) -> None:
        """The chat's hold was told (by bot.hold_teller)."""
        self._told.add(chat_id)

    def told_here(self) -> frozenset[int]:
        """The chats this process told and sent nothing to since."""
        return frozenset(self._told)

    async def tell(self, bot: Any, db: Database, chat_id: int, kind: str, kept: int, *,
                   now: datetime) -> int:
        """Tell the operators and the chat's admins the chat is held (once per hold). With the
        sender's teller (bot.hold_teller) the notice is owed and goes at its pace, folded with
        the others of the moment (returns 0: nobody told yet); without a running one (a sender
        drained by a test, a bot without a sender) it is told here, recorded at `now` (the
        caller's clock: the courier's, rt.now; QA73-6)."""
        if self.teller is not None:
            if self.teller.running:
                self.teller.wake()
                return 0
            await self.teller.tell_owed(bot, db)
            return 0
        try:
            fresh = first_telling(db, chat_id, now)
        except DatabaseFault as exc:  # locked, full: this process decides
            log.warning("hold notice not recorded chat=%s error=%s", chat_id, exc)
            fresh = chat_id not in self._told
        except Exception:  # a bug: the same, with its traceback (QA73-4/-5)
            log.exception("hold notice not recorded chat=%s", chat_id)
            fresh = chat_id not in self._told
        if not fresh:
            return 0
        self._told.add(chat_id)
        row = db.db.execute("select title, type from chats where id = ?", [chat_id]).fetchone()
        title, chat_type = (row[0] or "", row[1] or "") if row else ("", "")
        people = await recipients(bot, db, chat_id, self.operators,
                                  default=self.default_language)
        sent = await tell(bot, people, lambda lg: notice(title, chat_type, kind, kept, lg))
        log.warning("chat held told chat=%s kind=%s told=%d", chat_id, kind, sent)
        return sent


def push_held_note(db: Database, push_id: int, lang: str) -> str | None:
    """The push report's line naming the held chats the push would go to that got nothing of
    it (QA52 R1: «سُلّمت: ٢٥» never named the held channel), or None (HTML)."""
    row = db.db.execute("select topic from pushes where id = ?", [push_id]).fetchone()
    if row is None:
        return None
    follows, values = audience(db.db, row[0])
    kind = f"push:{push_id}"
    chats = db.db.execute(
        f"select c.id, c.title, exists (select 1 from outbox o where o.chat_id = c.id and"
        f" o.kind = ?) from chats c where c.active = 0 and c.deactivated_reason like"
        f" '{HELD}%' and c.type != 'private' and {follows} and not exists (select 1 from outbox"
        f" o where o.chat_id = c.id and o.kind = ? and o.status = 'sent') order by c.id",
        [kind, *values, kind]).fetchall()
    lines = []
    # QA62-9: the chats held before the push were never in it: named apart, «not counted
    # above», so the report's counts add up to the push's chats
    for key, part in (("push_held", [c for c in chats if c[2]]),
                      ("push_held_before", [c for c in chats if not c[2]])):
        if part:
            named = named_list([f"«{escape(title or str(cid))}»" for cid, title, _ in part], 5,
                               lang)
            lines.append(say(key, lang, named=named, hours=CATCH_UP_HOURS))
    return "\n".join(lines) or None


def lost_since(db: Database, chat_id: int) -> datetime | None:
    """When a channel or group stopped getting news (held, or the bot removed), read before an
    update makes it active again (bot.runtime.ensure_chat); None for an active or private
    chat."""
    row = db.db.execute("select deactivated_at from chats where id = ? and active = 0"
                        " and type != 'private'", [chat_id]).fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


def held_line(chats: list[Held], lang: str, now: datetime, limit: int = 5) -> str | None:
    """One line naming the held chats, for /stats and /channels (HTML), or None. Pure."""
    if not chats:
        return None
    named = named_list([f"«{escape(h.title or str(h.chat_id))}» "
                    f"({lasted((now - h.since).total_seconds(), lang)})"  # «٤٠ يومًا», not «٩٦٠ س»
                    for h in chats], limit, lang)
    return say("held_line", lang, named=named)


def named_list(names: list[str], limit: int, lang: str) -> str:
    """The first `limit` names joined as a list in `lang` is («، » in Arabic), and how many
    more in its digits («+١»: review RF, the Arabic line read «…», «…» +1). Pure."""
    named = list_sep(lang).join(names[:limit])
    return named + (f" +{num(len(names) - limit, lang)}" if len(names) > limit else "")


async def held_channels_for(bot: Any, db: Database, user_id: int, operator: bool) -> list[Held]:
    """The held channels `user_id` should hear of in /channels: all of them for an operator,
    else those Telegram still says they administer (a removed bot cannot ask: operators only)."""
    out = []
    for h in held(db):
        if h.type != "channel":
            continue
        if operator:
            out.append(h)
            continue
        try:
            member = await bot.get_chat_member(h.chat_id, user_id)
        except TelegramError:
            continue
        if str(member.status) in ("creator", "administrator"):
            out.append(h)
    return out


def say(key: str, lang: str, **values: object) -> str:
    """bot.i18n's «hold_<key>» in `lang`, whole numbers in Arabic digits in an Arabic text."""
    return t(f"hold_{key}", lang, **{k: num(v, lang) if isinstance(v, int) else v
                                     for k, v in values.items()})
