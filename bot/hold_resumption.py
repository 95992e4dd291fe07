"""A held chat resumed: the bot may post in it again, its kept rows and what it missed go out,
and those who gave the right back are told (QA49 M1, M2; QA52 R1, R6, R7).

Its own module (split from bot.chat_holds, which holds a chat and tells the hold) because the
resume is one job of its own: it queues the catch-up and the pushes made meanwhile, finds when
what is kept goes, and words that. bot.chat_holds does not call it; bot.welcome does, on
my_chat_member, and bot.hold_expiry names it.

- `resume`: when the bot may post again (my_chat_member: an admin again, re-added, unmuted), the
  chat is active again, its kept rows go out, and the stories it missed while held (stored since
  the hold, at most CATCH_UP_HOURS old) are queued (`catch_up`), up to CATCH_UP_MAX, with the
  stories of the admins' pushes made meanwhile (`missed_pushes`, QA52 R1); the admin who gave
  the right back and the operators are told, with «فاتتك N أخبار أخرى» for those not sent. The
  note says when what is kept goes (`going_when`, QA52 R7: «عند ٧:٠٠ …» for a daily digest held
  by the quiet hours, «في نشرتها اليومية القادمة، …» for its catch-up) and leaves out a count of
  nothing (QA52 R6: «٠ في الانتظار», «تُرسل الآن ٠»).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from html import escape
from typing import Any

from bot.chat_holds import CATCH_UP_HOURS, HOLD_TOLD, recipients, say, tell
from bot.i18n import clock_time, count_form
from digests import chat_notices
from digests.daily_holders import STORIES_OF_O, pending_count
from digests.late_rows import skip_late
from digests.models import iso
from digests.push_queue import audience, unmuted
from digests.storage import Database

log = logging.getLogger(__name__)

CATCH_UP_MAX = 10  # at most this many missed stories are sent; the others are counted


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
    for kind, not_before, stories in db.db.execute(
            # a daily digest's row counts its stories (digests.daily_rows)
            f"select o.kind, o.not_before, {STORIES_OF_O} from outbox o"
            " where o.chat_id = ? and o.status = 'pending'", [chat_id]).fetchall():
        if not stories:
            continue
        due = datetime.fromisoformat(not_before) if not_before else None
        key: tuple[datetime | None, bool]
        if due is not None and due > now:
            key = (due, kind.startswith("daily:"))
        elif quiet is not None and not kind.startswith("push:") and not (
                kind.startswith("daily:") and on_time):
            key = (quiet, False)
        else:
            key = (None, False)
        counts[key] = counts.get(key, 0) + int(stories)
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
        if db.db.execute(f"select 1 from outbox_stories o where o.chat_id = ? and"
                         f" (o.article_id = ? or"
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
        pushed = db.db.execute(
            "select story_id, min(article_id) from outbox where kind = ? and story_id is not"
            " null group by story_id order by min(id)", [kind]).fetchall()
        # the chat's muted sources stay out, as the push itself leaves them (QA77-2)
        # (another source's report of the story instead, if it has one)
        kept = dict(unmuted(db.db, chat_id, [(int(s), int(a)) for s, a in pushed
                                             if a is not None])[0])
        rows += [(chat_id, story, kept.get(story) if article is not None else None, kind, None)
                 for story, article in pushed if article is None or story in kept]
    if not rows:
        return 0
    with db.transaction() as tx:
        return insert_rows(tx, rows, now)

async def resume(bot: Any, db: Database, chat_id: int, since: datetime, now: datetime,
                 operators: Iterable[int], by: int | None = None, *, default: str = "ar",
                 by_code: str | None = None) -> tuple[int, int, int]:
    """The bot may post in the chat, lost `since`, again (my_chat_member): it is active again
    (bot.runtime.ensure_chat did it; done here too), its kept rows go out unless older than
    CATCH_UP_HOURS (skipped, counted as missed), the stories it missed are queued (`catch_up`)
    and the admin who acted (`by`) and the operators are told. Returns (kept, caught up,
    missed)."""
    with db.transaction() as tx:
        tx.execute("update chats set active = 1, deactivated_at = null, deactivated_reason = null"
                   " where id = ?", [chat_id])
        chat_notices.forget(tx, chat_id, HOLD_TOLD)  # the hold ended: the next one is told
        # the one rule for a late row (digests.late_rows, also at the bot's start: QA66-2)
        old, _ = skip_late(tx, now, "held too long", chat_id=chat_id)
    kept = pending_count(db.db, chat_id)
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
