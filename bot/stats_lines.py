"""Lines /stats adds for a newsroom (QA40 N3, N12, N5): sources scheduled by a clock that ran
ahead; the last story sent to many chats (when it started and ended, in the asking admin's
zone, bot.reader_clock, and how long it took); the day before the last 24 h and the database's
size (QA66-9); the stories that grew after they were sent
(QA40 N9, digests.story_growth); the age of the oldest delivery due; who the
admins are (ADMIN_IDS as read at start: a change needs a restart).

Each is None when there is nothing to say. Reads only, one query each, but for the held line:
it ends the holds past HELD_CHAT_DAYS first (bot.hold_expiry).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from bot import chat_holds, hold_expiry, push_watch
from bot.i18n import amount, clock_time, lasted, list_sep, num, relative_time, t
from bot.reader_clock import reader_now
from bot.runtime import Runtime, ui
from digests.fetch_failures import size_text
from digests.models import iso, parse_iso
from digests.poll_clock import ahead_by, ahead_ids
from digests.push_queue import MAYBE_FAILED, MAYBE_TWICE
from digests.story_growth import grown

log = logging.getLogger(__name__)

WAVE_WINDOW = timedelta(days=1)  # the last story sent is looked for this far back
YESTERDAY = timedelta(days=1)  # /stats counts the last day; «yesterday» is the one before it


def clock_sources_line(rt: Runtime, lang: str) -> str | None:
    """«⚠️ the clock was set back N min after the last poll: K sources … polled at the next
    scheduled poll» while sources scheduled by the clock that ran ahead wait (digests.poll_clock
    makes them due)."""
    now = rt.now()
    rows = list(rt.db.db.query("select id, active, last_polled_at, next_poll_at from sources"
                               " where active = 1"))
    ahead, by = ahead_ids(rows, now), ahead_by(rows, now)
    if not ahead or by is None:
        return None
    # in days and hours past an hour (QA66-3: «٥٦٠٤٦ دقيقة»); one source said as one
    key = "stats_clock_source" if len(ahead) == 1 else "stats_clock_sources"
    return ui(lang, key, minutes=lasted(60.0 * int(by.total_seconds() // 60), lang),
              count=num(len(ahead), lang))


def _took(delta: timedelta, lang: str) -> str:
    seconds = max(int(delta.total_seconds()), 0)
    if not seconds:  # «٠ د ٠ ث» read as nothing measured (QA58-14)
        return t("stats_took_instant", lang)
    return t("stats_took", lang, m=num(seconds // 60, lang), s=num(seconds % 60, lang))


def last_wave_line(rt: Runtime, chat_id: int, lang: str) -> str | None:
    """The last story sent (its deliveries of one kind, to the most recent story): first and
    last send in chat `chat_id`'s zone, how long it took, to how many chats."""
    now = rt.now()
    row = rt.db.db.execute(
        "select count(*), min(sent_at), max(sent_at), story_id, kind from outbox"
        " where status = 'sent' and (story_id, kind) = (select story_id, kind from outbox"
        " where status = 'sent' and sent_at >= ? order by sent_at desc limit 1)",
        [iso(now - WAVE_WINDOW)]).fetchone()
    if not row or not row[0]:
        return None
    first, last = parse_iso(row[1]), parse_iso(row[2])
    if first is None or last is None:
        return None
    start, end = reader_now(rt.db.db, chat_id, first), reader_now(rt.db.db, chat_id, last)
    # QA62-2: «وانتهى» was said of a push still going out; QA75-3: «وما زال جاريًا» of a wave
    # whose other rows wait minutes for the alert gap — going means due now or on the wire
    due, waiting, soonest = rt.db.db.execute(
        "select coalesce(sum(o.status = 'sending' or o.not_before is null or o.not_before <= ?),"
        " 0), count(distinct case when o.status = 'pending' and o.not_before > ?"
        " then o.chat_id end), min(case when o.status = 'pending' and o.not_before > ?"
        " then o.not_before end)"
        " from outbox o join chats c on c.id = o.chat_id where o.story_id is ?"
        " and o.kind = ? and o.status in ('pending', 'sending') and c.active = 1",
        [iso(now), iso(now), iso(now), row[3], row[4]]).fetchone()
    if due:
        return ui(lang, "stats_last_wave_going", start=clock_time(start, lang),
                  took=_took(now - first, lang), chats=_chats(int(row[0]), lang))
    at = parse_iso(soonest) if soonest else None
    if waiting and at is not None:
        return ui(lang, "stats_last_wave_waiting", start=clock_time(start, lang),
                  end=clock_time(end, lang), took=_took(last - first, lang),
                  chats=_chats(int(row[0]), lang), waiting=_chats(int(waiting), lang),
                  at=clock_time(reader_now(rt.db.db, chat_id, at), lang))
    return ui(lang, "stats_last_wave", start=clock_time(start, lang),
              end=clock_time(end, lang),
              took=_took(last - first, lang), chats=_chats(int(row[0]), lang))


def _chats(n: int, lang: str) -> str:
    """«٣ محادثات» (QA56-7); two standing alone after «—» are «محادثتان», the nominative
    (`amount`'s «محادثتين» is the form after «إلى»: QA67-6)."""
    return t("stats_wave_chats_two", lang) if n == 2 else amount(n, lang, "chat")


def oldest_due_line(rt: Runtime, chat_id: int, lang: str) -> str | None:
    """How long the oldest delivery due now (not held for quiet hours or a later time) has
    waited: a stuck queue shows an old one, a big one a recent one."""
    now = rt.now()
    row = rt.db.db.execute(
        "select min(o.created_at) from outbox o join chats c on c.id = o.chat_id"
        " where o.status = 'sending' or (o.status = 'pending' and c.active = 1"
        " and (o.not_before is null or o.not_before <= ?))", [iso(now)]).fetchone()
    created = parse_iso(row[0]) if row else None
    if created is None:
        return None
    local = reader_now(rt.db.db, chat_id, created)
    return ui(lang, "stats_oldest_due", age=relative_time(created, now, lang),
              at=clock_time(local, lang))


def grown_line(rt: Runtime, lang: str) -> str | None:
    """Stories sent in the last day that more sources report now (digests.story_growth, QA40
    N9): how many, the most grown with its sources then and now, and how many of the chats it
    went to got an update of it — a newsroom sees its breaking story's later reports."""
    found = grown(rt.db.db, rt.now())
    if not found:
        return None
    top = found[0]
    headline = top.headline if len(top.headline) <= 90 else top.headline[:89] + "…"
    return ui(lang, "stats_grown", count=num(len(found), lang), headline=headline,
              then=num(top.sources_then, lang), now=num(top.sources_now, lang),
              updated=num(top.updated, lang), chats=num(top.chats, lang))


def size_line(rt: Runtime, lang: str) -> str | None:
    """How big the database is, its -wal with it when there is one (QA66-9: /stats said the
    size only as a warning under 100 MB free). None for an in-memory database."""
    path = Path(rt.db.path)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    try:
        wal = Path(f"{path}-wal").stat().st_size
    except OSError:
        wal = 0
    arabic, english = size_text(size)
    if wal:
        wal_ar, wal_en = size_text(wal)
        arabic += t("stats_size_wal", "ar", size=wal_ar)
        english += t("stats_size_wal", "en", size=wal_en)
    return ui(lang, "stats_size", size=arabic if lang == "ar" else english)


def yesterday_line(rt: Runtime, lang: str) -> str | None:
    """The day before the last 24 h (48 to 24 h ago), as the main lines count the last one:
    articles stored by the polls then, stories delivered and failed (QA66-9: «what happened
    yesterday» was in the logs alone). None when nothing happened then (a new bot)."""
    now = rt.now()
    start, end = iso(now - 2 * YESTERDAY), iso(now - YESTERDAY)
    new = rt.db.db.execute("select coalesce(sum(new), 0) from polls where started_at >= ?"
                           " and started_at < ?", [start, end]).fetchone()[0]
    sent, failed = rt.db.db.execute(  # «failed» as the main line counts it (X136)
        f"select coalesce(sum(o.status = 'sent'), 0),"
        f" coalesce(sum(o.status = 'failed' and not {MAYBE_FAILED}), 0)"
        " from outbox o where o.sent_at >= ? and o.sent_at < ?",
        [*MAYBE_TWICE, start, end]).fetchone()
    if not (new or sent or failed):
        return None
    return ui(lang, "stats_yesterday", new=num(int(new), lang), sent=num(int(sent), lang),
              failed=num(int(failed), lang))


def backfill_line(rt: Runtime, lang: str) -> str | None:
    """The last 24 h's articles the polls stored as backfill (searchable, never alerted: a new
    source's first poll and backlog, older than 48 h, a page gone; digests.article_store), of
    the new ones (polls.backfill, X135: the count of «new» held them, said nowhere). None when
    there were none."""
    new, backfill = rt.db.db.execute(
        "select coalesce(sum(new), 0), coalesce(sum(backfill), 0) from polls"
        " where started_at >= ?", [iso(rt.now() - YESTERDAY)]).fetchone()
    if not backfill:
        return None
    return ui(lang, "stats_backfill", count=num(int(backfill), lang), new=num(int(new), lang))


def admins_line(rt: Runtime, lang: str) -> str:
    """Who the admins are, as this process read ADMIN_IDS at its start: settings are read once
    (digests.settings.Settings is immutable), so an admin removed from .env keeps the rights
    until a restart (QA40 N5) — said here, where an admin looks."""
    ids = sorted(rt.settings.admin_ids)
    return ui(lang, "stats_admins", ids=list_sep(lang).join(str(i) for i in ids) or "—")


def held_lines(rt: Runtime, lang: str) -> tuple[str | None, str | None]:
    """The chats held (QA49 M1), and those whose hold ended after HELD_CHAT_DAYS with the news
    dropped from them (X74; ended here first when due, bot.hold_expiry: this one writes)."""
    days = rt.settings.held_chat_days
    hold_expiry.try_expire(rt.db, rt.now(), days)
    return (chat_holds.held_line(chat_holds.held(rt.db), lang, rt.now()),
            hold_expiry.expired_line(*hold_expiry.expired(rt.db), days, lang))


def lines(rt: Runtime, chat_id: int, lang: str) -> list[str]:
    """The lines above that have something to say, in order, and who the admins are."""
    found = (backfill_line(rt, lang), yesterday_line(rt, lang), size_line(rt, lang),
             *push_watch.going_lines(rt.db, rt.now(), lang), clock_sources_line(rt, lang),
             last_wave_line(rt, chat_id, lang),
             grown_line(rt, lang), oldest_due_line(rt, chat_id, lang),
             *held_lines(rt, lang), admins_line(rt, lang))
    return [line for line in found if line is not None]
