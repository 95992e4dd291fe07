"""Queueing a newly stored article's deliveries: which chat gets which story.

`enqueue_article` is the last processing step (digests.processing), so an article, its story,
its digest and the deliveries it causes commit in one transaction: nothing is lost between
"stored" and "queued". A chat never gets a second row for a story it already has under any kind
(`insert_rows`, the rule /push keeps too), so a second report of a story never causes a second
delivery — except a report that comes a day later, queued as the story's update
(digests.story_updates). Pure SQL, no Telegram.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from functools import partial
from typing import Any

import sqlite_utils

from digests import daily_holders, daily_rows, general_hold
from digests.delivery_times import after_quiet, next_daily
from digests.live_reports import GONE
from digests.models import Article, iso
from digests.processing import StoreContext
from digests.reader_sources import inherit_site_mutes
from digests.restore_record import settle_new
from digests.story_updates import queue_updates

log = logging.getLogger(__name__)

GENERAL_MIN_SOURCES = 2  # a story is "top" for the general digest once this many sources report it


def insert_rows(db: sqlite_utils.Database, rows: Iterable[tuple[int, int, int | None, str,
                                                                 str | None]],
                 now: datetime) -> int:
    """Insert (chat, story, article, kind, not_before) rows unless the chat already has the
    story under any kind. A daily digest's row ('daily:<date>') becomes an item of the chat's
    one row of that date (digests.daily_rows, X122). Returns how many were queued."""
    created = iso(now)
    rows = list(rows)
    # the chats with an item of a story (a daily digest's) have it too: left out here
    having: dict[int, set[int]] = {}
    for story in {r[1] for r in rows}:
        having[story] = daily_holders.chats_having(db, daily_rows.family(db, [story]))
    rows = [r for r in rows if r[0] not in having[r[1]]]
    daily = [r for r in rows if r[3].startswith("daily:")]
    single = [r for r in rows if not r[3].startswith("daily:")]
    queued = 0
    if daily:
        # as below: not for a chat with a row of the story (a merged one's included)
        stories = {r[1] for r in daily}
        fam = {s: daily_rows.family(db, [s]) for s in stories}
        had = {(s, c) for s in stories for c in _chats_with_rows(db, fam[s])}
        queued += daily_rows.add(db, [r for r in daily if (r[1], r[0]) not in had], created or "")
    if not single:
        return queued
    before = db.execute("select total_changes()").fetchone()[0]
    db.conn.executemany(
        """insert or ignore into outbox (chat_id, story_id, article_id, kind, not_before,
                                         created_at)
           select ?, ?, ?, ?, ?, ?
           where not exists (select 1 from outbox where chat_id = ? and story_id = ?)
             and not exists (select 1 from outbox where chat_id = ? and story_id in
                             (select merged_id from story_merges where into_id = ?))""",
        # two searches of outbox_chat (chat_id, story_id): an `or` of the two read every row
        # of the chat, ~46 a day for a daily reader (QA72-4)
        [(c, s, a, k, nb, created, c, s, c, s) for c, s, a, k, nb in single])
    return queued + int(db.execute("select total_changes()").fetchone()[0] - before)


def _chats_with_rows(db: sqlite_utils.Database, stories: list[int]) -> set[int]:
    """The chats with a row of one of `stories` (outbox_story)."""
    marks = ",".join("?" * len(stories))
    return {int(r[0]) for r in db.execute(
        f"select distinct chat_id from outbox where story_id in ({marks})", stories)}


def story_key(db: sqlite_utils.Database, article: Article) -> int:
    """The story an article belongs to (read from its row: the story step may have assigned it
    after the Article value was made); an article without a story is its own (negative id)."""
    row = db.execute("select story_id from articles where id = ?", [article.id]).fetchone()
    story_id = row[0] if row and row[0] is not None else article.story_id
    return int(story_id) if story_id is not None else -article.id


def _story_sources(db: sqlite_utils.Database, story: int) -> int:
    """How many sources report the story: distinct sites, not feeds (QA34 R5: one site's two
    feeds made a one-site story "top" for the general digest)."""
    from digests.story_sites import story_site_count  # late: a reader-side module

    return story_site_count(db, story)


def enqueue_article(db: sqlite_utils.Database, article: Article, ctx: StoreContext) -> None:
    """Processing step: queue the deliveries a newly stored article causes (no-op on backfill).

    A topic subscription matches via `digests.topic_match.alert_matches` (the topic in the headline
    or lead, or named twice — a topic of several words three times: not a body's passing
    mention, QA18 R3, X25); the general digest
    (topic '') takes a story once GENERAL_MIN_SOURCES sources report it. Instant-mode chats get
    an 'instant' row (after their quiet hours), daily-mode chats a row for their next daily digest.
    """
    if db.execute("select 1 from articles where source_id = ? and id != ? limit 1",
                  [article.source_id, article.id]).fetchone() is None:
        # a feed's first article tells its site: a chat that muted the site mutes it (X69)
        inherit_site_mutes(db, article.source_id, ctx.now)
    if ctx.backfill or _is_gone(db, article.id):
        return
    from digests.topic_match import alert_matches  # late: it builds on the analysis modules

    # Match each distinct subscribed topic once, then fetch only the chats that match.
    topics = db.execute(
        """select s.topic_key, min(s.topic) from subscriptions s
           join chats c on c.id = s.chat_id where c.active = 1 group by s.topic_key""").fetchall()
    if not topics:
        return
    story = story_key(db, article)
    sites = _story_sources(db, story) if any(key == "" for key, _t in topics) else 0
    if sites >= general_hold.URGENT_SITES:  # a held minor story grown major goes now (QA79-16)
        general_hold.wake(db, story, ctx.now)
    matched = [key for key, topic in topics
               if (key == "" and sites >= GENERAL_MIN_SOURCES)
               or (key != "" and alert_matches(topic, article))]
    if not matched:
        return
    marks = ",".join("?" * len(matched))
    chats = {row["id"]: row for row in db.query(
        f"""select id, mode, daily_hour, time_zone, utc_offset_minutes, quiet_start, quiet_end
            from chats
            where active = 1 and id in (select chat_id from subscriptions
                                        where topic_key in ({marks}))
              and id not in (select chat_id from chat_muted_sources where source_id = ?)""",
        [*matched, article.source_id])}  # a source the chat muted (bot.reader_sources, X57)
    # A row's (kind, not_before) depends only on the chat's timing settings, and 15,000 chats
    # share a handful of them: worked out once a group, not once a chat (QA72-4: a third of an
    # article's queueing time went to next_daily and iso for every follower)
    timing: dict[tuple[Any, ...], tuple[str, str | None]] = {}
    rows = []
    for chat_id, chat in sorted(chats.items()):
        key = tuple(chat[name] for name in _TIMING)
        if key not in timing:
            timing[key] = _row_time(ctx.now, chat)
        rows.append((chat_id, story, article.id, *timing[key]))
    n = insert_rows(db, rows, ctx.now)
    if n < len(rows):  # some chats have the story already: a later day's report is an update
        queue_updates(db, article, story, chats, ctx.now, said=ctx.after_commit)
    # a restored backup fetching again what the replaced file had delivered: not twice
    known = settle_new(db, article.id, article.url)
    if n:  # said once committed: a rolled-back store queued nothing (QA22 U9)
        ctx.after_commit.append(partial(
            log.info, "deliveries queued article=%s story=%s rows=%d delivered_before_restore=%d",
            article.id, story, n, known))


# the chat settings a queued row's time depends on (digests.delivery_times)
_TIMING = ("mode", "daily_hour", "time_zone", "utc_offset_minutes", "quiet_start", "quiet_end")


def _row_time(now: datetime, chat: dict[str, Any]) -> tuple[str, str | None]:
    """A new row's (kind, not_before) for a chat with these settings: a daily chat's next
    digest at its hour, quiet or not (QA47 Z1); an instant chat's now or after its quiet hours."""
    if chat["mode"] == "daily":
        kind, when = next_daily(now, chat)
        return kind, iso(when)
    when = after_quiet(now, chat)
    return "instant", (iso(when) if when > now else None)


def _is_gone(db: sqlite_utils.Database, article_id: int) -> bool:
    row = db.execute("select page_status from articles where id = ?", [article_id]).fetchone()
    return row is not None and row[0] == GONE
