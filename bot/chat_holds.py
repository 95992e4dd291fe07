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
- `resume`: when the bot may post again (my_chat_member: an admin again, re-added, unmuted), the
  chat is active again, its kept rows go out, and the stories it missed while held (stored since
  the hold, at most CATCH_UP_HOURS old) are queued, up to CATCH_UP_MAX, with the stories of the
  admins' pushes made meanwhile (`missed_pushes`, QA52 R1; a push report finished while a chat is
  held names it: `push_held_note`); the admin who gave the
  right back and the operators are told, with «فاتتك N أخبار أخرى» for those not sent. The note
  says when what is kept goes (`going_when`, QA52 R7: «عند ٧:٠٠ …» for a daily digest held by the
  quiet hours, «في نشرتها اليومية القادمة، …» for its catch-up) and leaves out a count of nothing
  (QA52 R6: «٠ في الانتظار», «تُرسل الآن ٠»).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from html import escape
from typing import TYPE_CHECKING, Any

from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.i18n import amount, clock_time, count_form, lang_of, lasted, list_sep, num, t
from digests import chat_notices
from digests.models import iso
from digests.outbox_upkeep import HELD_REASON
from digests.push_queue import audience
from digests.storage import Database

if TYPE_CHECKING:
    from bot.hold_teller import HoldTeller

log = logging.getLogger("bot.courier")

HELD = HELD_REASON  # chats.deactivated_reason of a held chat starts with it
HOLD_TOLD = "hold"  # digests.chat_notices: the chat's hold was told (X74)
# Telegram's refusals that mean the bot may not post in this chat (any chat but a private one)
RIGHTS = ("need administrator rights", "not enough rights", "chat_write_forbidden",
          "have no rights to send", "chat_admin_required")
REMOVED = ("bot was kicked", "bot is not a member")
CATCH_UP_HOURS = 24  # the send window: stories older than this are not sent after a resume
CATCH_UP_MAX = 10  # at most this many missed stories are sent; the others are counted


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
        kept = tx.execute("select count(*) from outbox where chat_id = ? and status = 'pending'",
                          [chat_id]).fetchone()[0]
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


def resumed_text(title: str, going: list[tuple[int, str | None]], missed: int,
                 lang: str) -> str:
    """The message saying the chat gets news again (HTML). Pure. `going`: how many stories go
    when, (count, None) for now or (count, «عند ٧:٠٠ …» worded in `lang`), as
    `going_when` finds them: a daily chat's kept digest found due in its quiet hours goes at
    their end, its caught-up stories at its next digest (QA52 R7: «في نشرتها اليومية القادمة»
    was said of rows that went at 07:00). Nothing going: no «تُرسل الآن ٠» (QA52 R6)."""
    name = escape(title or "?")
    going = [(n, when) for n, when in going if n]
    if not going:
        text = say("resumed_none", lang, name=name)
    elif len(going) == 1 and going[0][1] is None:
        n = going[0][0]
        text = say(f"resumed_{count_form(n, lang)}", lang, name=name, n=n)
    else:
        parts = [say(f"going_part_{count_form(n, lang)}", lang, n=n,
                     when=when or say("now", lang)) for n, when in going]
        text = say("resumed_when", lang, name=name, parts=say("and", lang).join(parts))
    if missed:
        text += say("resumed_missed", lang, missed=missed, most=CATCH_UP_MAX)
    return text


def going_when(db: Database, chat_id: int, now: datetime
               ) -> list[tuple[int, datetime | None, bool]]:
    """The chat's pending rows by when the sender sends them (bot.delivery_plan): (count, None
    for now or the UTC time, whether that is its daily digest's hour), now first. An admin's
    push or a row found due goes now — at the end of the quiet hours for those they hold
    (alerts, updates, a daily digest found due after its hour); a row not yet due (a daily
    digest) at its time."""
    from digests.delivery_times import daily_on_time, quiet_until

    quiet = quiet_until(db.db, chat_id, now)
    on_time = daily_on_time(db.db, chat_id, now)
    counts: dict[tuple[datetime | None, bool], int] = {}
    for kind, not_before in db.db.execute(
            "select kind, not_before from outbox where chat_id = ? and status = 'pending'",
            [chat_id]).fetchall():
        due = datetime.fromisoformat(not_before) if not_before else None
        key: tuple[datetime | None, bool]
        if due is not None and due > now:
            key = (due, kind.startswith("daily:"))
        elif quiet is not None and not kind.startswith("push:") and not (
                kind.startswith("daily:") and on_time):
            key = (quiet, False)
        else:
            key = (None, False)
        counts[key] = counts.get(key, 0) + 1
    going: list[tuple[int, datetime | None, bool]] = [
        (n, at, digest) for (at, digest), n in counts.items() if at is None]
    return going + sorted(((n, at, digest) for (at, digest), n in counts.items()
                           if at is not None), key=lambda x: x[1] or now)


def when_words(db: Database, chat_id: int, when: datetime, digest: bool, now: datetime,
               lang: str) -> str:
    """«عند ٧:٠٠ بتوقيت السعودية (UTC+3)», «غدًا عند …», «في نشرتها اليومية القادمة، عند …»:
    `when` in the chat's clock."""
    from bot.reader_clock import reader_zone
    from bot.zones import chat_zone_words

    zone = reader_zone(db.db, chat_id)
    local, today = when.astimezone(zone), now.astimezone(zone).date()
    at = say("at_tomorrow" if local.date() != today else "at", lang,
             clock=clock_time(local, lang),
             zone=chat_zone_words(db, chat_id, lang, when))
    return say("in_digest", lang, at=at) if digest else at


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

    async def tell(self, bot: Any, db: Database, chat_id: int, kind: str, kept: int) -> int:
        """Tell the operators and the chat's admins the chat is held (once per hold). With the
        sender's teller (bot.hold_teller) the notice is owed and goes at its pace, folded with
        the others of the moment (returns 0: nobody told yet); without a running one (a sender
        drained by a test, a bot without a sender) it is told here."""
        if self.teller is not None:
            if self.teller.running:
                self.teller.wake()
                return 0
            await self.teller.tell_owed(bot, db)
            return 0
        try:
            fresh = first_telling(db, chat_id, datetime.now(timezone.utc))
        except sqlite3.Error as exc:
            log.warning("hold notice not recorded chat=%s error=%s", chat_id, exc)
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


def catch_up(db: Database, chat_id: int, since: datetime, now: datetime) -> tuple[int, int]:
    """Queue the stories the chat missed while held (stored since `since`, published within
    CATCH_UP_HOURS, matching what it follows, of which it has no row: not sent before the hold,
    not kept), the newest CATCH_UP_MAX — as alerts, or in a daily chat's next digest; returns
    (queued, missed beyond them)."""
    from digests.archive import get_article  # late: the analysis modules are heavy
    from digests.delivery_times import next_daily
    from digests.new_deliveries import GENERAL_MIN_SOURCES, insert_rows
    from digests.story_updates import IN_STORY
    from digests.story_sites import story_site_count
    from digests.topic_match import alert_matches

    topics = [r[0] for r in db.db.execute(
        "select min(topic) from subscriptions where chat_id = ? group by topic_key",
        [chat_id]).fetchall()]
    if not topics:
        return 0, 0
    start = max(since, now - timedelta(hours=CATCH_UP_HOURS))
    ids = [r[0] for r in db.db.execute(
        "select id from articles where fetched_at >= ? and coalesce(published_at, fetched_at)"
        " >= ? order by id desc limit 2000", [iso(since), iso(start)]).fetchall()]
    stories: dict[int, int] = {}  # story → its newest matching article
    had: set[int] = set()  # stories the chat has a row of (any kind, any state)
    for article_id in ids:
        article = get_article(db, article_id)
        if article is None:
            continue
        story = article.story_id if article.story_id is not None else -article.id
        if story in stories or story in had:
            continue
        if db.db.execute(f"select 1 from outbox o where o.chat_id = ? and (o.article_id = ? or"
                         f" {IN_STORY}) limit 1", [chat_id, article_id, story, story]).fetchone():
            had.add(story)  # sent before the hold, or kept: not a place of the CATCH_UP_MAX (RD 2)
            continue
        if any((topic == "" and story > 0
                and story_site_count(db.db, story) >= GENERAL_MIN_SOURCES)
               or (topic != "" and alert_matches(topic, article)) for topic in topics):
            stories[story] = article.id
    chosen = list(stories.items())[:CATCH_UP_MAX]
    # a daily chat gets them in its next digest, not as up to CATCH_UP_MAX alerts (RD 2)
    chat = next(iter(db.db.query("select mode, daily_hour, time_zone, utc_offset_minutes"
                                 " from chats where id = ?", [chat_id])), None)
    kind, when = "instant", None
    if chat is not None and chat["mode"] == "daily":
        kind, at = next_daily(now, chat)
        when = iso(at)
    with db.transaction():
        queued = insert_rows(db.db, [(chat_id, s, a, kind, when) for s, a in chosen], now)
    return queued, max(0, len(stories) - len(chosen))


def missed_pushes(db: Database, chat_id: int, since: datetime, now: datetime) -> int:
    """Queue for the chat, resumed, the stories of the admins' pushes made while it was held
    (since `since`, at most CATCH_UP_HOURS ago) to what it follows (QA52 R1: a /push skipped
    the held channel, which the catch-up did not see: its stories were stored before the hold).
    As rows of the push (its report counts the chat), sent now; a story the chat has is not
    sent again. Returns how many rows were queued."""
    from digests.new_deliveries import insert_rows

    start = max(since, now - timedelta(hours=CATCH_UP_HOURS))
    rows: list[tuple[int, int, int | None, str, str | None]] = []
    for push_id, topic in db.db.execute("select id, topic from pushes where created_at >= ?"
                                        " order by id", [iso(start)]).fetchall():
        follows, values = audience(db.db, topic)
        if not db.db.execute(f"select 1 from chats c where c.id = ? and {follows}",
                             [chat_id, *values]).fetchone():
            continue
        kind = f"push:{push_id}"
        rows += [(chat_id, story, article, kind, None) for story, article in db.db.execute(
            "select story_id, min(article_id) from outbox where kind = ? and story_id is not"
            " null group by story_id order by min(id)", [kind]).fetchall()]
    if not rows:
        return 0
    with db.transaction() as tx:
        return insert_rows(tx, rows, now)


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


async def resume(bot: Any, db: Database, chat_id: int, since: datetime, now: datetime,
                 operators: Iterable[int], by: int | None = None, *, default: str = "ar",
                 by_code: str | None = None) -> tuple[int, int, int]:
    """The bot may post in the chat, lost `since`, again (my_chat_member): it is active again
    (bot.runtime.ensure_chat did it; done here too), its kept rows go out unless older than
    CATCH_UP_HOURS (skipped, counted as missed), the stories it missed are queued (`catch_up`)
    and the admin who acted (`by`) and the operators are told. Returns (kept, caught up,
    missed)."""
    stale = iso(now - timedelta(hours=CATCH_UP_HOURS))
    with db.transaction() as tx:
        tx.execute("update chats set active = 1, deactivated_at = null, deactivated_reason = null"
                   " where id = ?", [chat_id])
        chat_notices.forget(tx, chat_id, HOLD_TOLD)  # the hold ended: the next one is told
        old = tx.execute("update outbox set status = 'skipped', last_error = 'held too long',"
                         " sent_at = ? where chat_id = ? and status = 'pending' and created_at < ?",
                         [iso(now), chat_id, stale]).rowcount
    kept = int(db.db.execute("select count(*) from outbox where chat_id = ? and status ="
                             " 'pending'", [chat_id]).fetchone()[0])
    pushed = missed_pushes(db, chat_id, since, now)
    caught, missed = catch_up(db, chat_id, since, now)
    caught += pushed
    missed += old
    row = db.db.execute("select title from chats where id = ?", [chat_id]).fetchone()
    going = going_when(db, chat_id, now)
    people = await recipients(bot, db, chat_id, operators, [by] if by else [], default=default,
                              codes={by: by_code} if by else None)
    told = await tell(bot, people, lambda lg: resumed_text(
        row[0] if row else "",
        [(n, None if at is None else when_words(db, chat_id, at, digest, now, lg))
         for n, at, digest in going], missed, lg))
    log.warning("chat resumed chat=%s held_since=%s kept=%d caught_up=%d missed=%d told=%d",
                chat_id, iso(since), kept, caught, missed, told)
    return kept, caught, missed


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
