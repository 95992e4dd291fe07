"""The transactional delivery outbox: which chat gets which story, written with the story itself.

Pure SQL, no Telegram. `enqueue_article` is the last processing step (digests.processing), so
an article, its story, its digest and the deliveries it causes commit in one transaction: nothing
is lost between "stored" and "queued". Rows are unique per (chat, story, kind), and a chat never
gets a second row for a story it already has under any kind, so a second report of a story, or a
push of a story the chat already received, never causes a second delivery — except a report that
comes UPDATE_AFTER (18 h) or more after the story was sent to the chat: the next day's news of
it, queued once as an update ('update:<local date>', or the chat's next daily digest; at most one
a day per chat and story, never twice for one report: `_queue_updates`).

Kinds: 'instant' (instant-mode chats), 'update:<YYYY-MM-DD>' (a story's update to an instant chat),
'daily:<YYYY-MM-DD>' (daily-mode chats; `not_before` is
the chat's local hour that day, computed from its IANA zone at that moment), 'push:<id>' (an admin's /push). Quiet hours push `not_before` to
the end of the quiet period. An article whose page is gone for good (HTTP 404/410,
digests.retries.GONE) is never queued nor pushed: it is no story to send a reader to. The
sender (bot.sender) works the rows; the state changes it makes (pending → sending → sent /
failed / skipped, chat deactivation, chat migration) are in digests.outbox_states, re-exported
here, so every SQL statement on the outbox lives in these two modules.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlite_utils

from digests.models import Article, iso, parse_iso
from digests.outbox_states import (  # re-exported: the sender's state changes
    TERMINAL,
    DueRow,
    claim,
    deactivate_chat,
    due_rows,
    finish,
    last_instant,
    move_chat,
    postpone,
    recover_in_flight,
    retry_later,
    rows_of_chat,
)
from digests.processing import StoreContext
from digests.retries import GONE, live_report
from digests.storage import Database

log = logging.getLogger(__name__)

GENERAL_MIN_SOURCES = 2  # a story is "top" for the general digest once this many sources report it
RECENT_HOURS = 24  # how far back /push looks for top stories
# A topic's /push weighs this many times its stories per chat: each chat is sent the first it
# has not had (QA18 R14).
PUSH_POOL = 4
GONE_REASON = "الصفحة محذوفة من الموقع / page gone (HTTP 404/410)"  # a skipped row's last_error
# Finished rows are kept this long, and as long as their story had a report fetched within it
# (`prune`, QA16 N2). A row is what stops a chat getting a story twice (`_insert_rows`): a new
# report is queued only when published in the last 48 h (digests.pipeline.PUSH_WINDOW) and joins
# a story spanning at most 48 h (digests.similarity.WINDOW), so a story with no report fetched
# for KEEP_DONE can take none that is queued again; /push leaves out such stories too.
KEEP_DONE = timedelta(days=30)
PRUNE_BATCH = 2000
# A new report of a story reaches a chat as an update (`_queue_updates`, QA18 R10) when the chat
# was last sent the story this long before: the next day's news, not the same day's second source.
UPDATE_AFTER = timedelta(hours=18)  # rows deleted per transaction: each one short, the bot's writes go between


@dataclass(frozen=True)
class PushPlan:
    """What an admin's /push queued."""

    push_id: int
    kind: str  # 'push:<id>'
    topic: str | None
    chats: int
    stories: int


@dataclass(frozen=True)
class PushProgress:
    """Per-chat outcome of a push so far (a chat's stories travel together in one message)."""

    push_id: int
    chats: int
    delivered: int
    failed: int
    pending: int

    @property
    def done(self) -> bool:
        return self.pending == 0


@dataclass(frozen=True)
class QueueStats:
    """The outbox at a glance, for /stats."""

    pending: int
    due: int
    sending: int
    sent_last_hour: int
    failed: int
    failed_last_hour: int


# ---------------------------------------------------------------------------------------------
# When a chat may be messaged


def _zone(chat: dict[str, Any]) -> tzinfo:
    """The chat's clock: its IANA zone when it has one (daylight saving time applies at the very
    moment computed, so no stored offset can lag behind a change of the clocks), else the fixed
    offset it chose before zones existed."""
    name = chat.get("time_zone")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            log.warning("unknown time zone zone=%r chat=%s; using its stored offset", name,
                        chat.get("id"))
    return timezone(timedelta(minutes=chat.get("utc_offset_minutes") or 0))


def _utc(local: datetime) -> datetime:
    return local.astimezone(timezone.utc)


def _in_quiet(hour: int, start: int | None, end: int | None) -> bool:
    if start is None or end is None or start == end:
        return False
    return start <= hour < end if start < end else (hour >= start or hour < end)


def after_quiet(when: datetime, chat: dict[str, Any]) -> datetime:
    """`when` (UTC), or the end of the chat's quiet hours if `when` falls inside them."""
    local = when.astimezone(_zone(chat))
    start, end = chat.get("quiet_start"), chat.get("quiet_end")
    if not _in_quiet(local.hour, start, end):
        return when
    assert end is not None
    # Wall-clock arithmetic: adding a day to a zoned time keeps the hour across a DST change.
    end_local = local.replace(hour=end, minute=0, second=0, microsecond=0)
    if end_local <= local:
        end_local += timedelta(days=1)
    return _utc(end_local)


def quiet_until(sql: sqlite_utils.Database, chat_id: int, now: datetime) -> datetime | None:
    """The end of the chat's quiet hours (UTC) when `now` falls inside them, else None.

    The sender asks it at send time (QA19 N2): a row queued before the quiet hours but sent
    after a restart inside them waits for their end, as `enqueue_article` would queue it now."""
    chat = next(iter(sql.query(
        "select id, time_zone, utc_offset_minutes, quiet_start, quiet_end from chats"
        " where id = ?", [chat_id])), None)
    if chat is None:
        return None
    until = after_quiet(now, chat)
    return until if until > now else None


def follows_general(sql: sqlite_utils.Database, chat_id: int) -> bool:
    """Whether the chat follows the general digest (topic '') — the sender keeps it room in a
    digest crowded by a followed topic (QA19 N7)."""
    return sql.execute("select 1 from subscriptions where chat_id = ? and topic = ''",
                       [chat_id]).fetchone() is not None


def next_daily(now: datetime, chat: dict[str, Any]) -> tuple[str, datetime]:
    """The chat's next daily digest at or after `now`: ('daily:<local date>', UTC time)."""
    local = now.astimezone(_zone(chat))
    at = local.replace(hour=int(chat.get("daily_hour") or 0), minute=0, second=0,
                       microsecond=0)
    if at < local.replace(microsecond=0):
        at += timedelta(days=1)
    return f"daily:{at.date().isoformat()}", _utc(at)


def retime_chat(sql: sqlite_utils.Database, chat_id: int, now: datetime) -> int:
    """The chat's delivery settings changed (mode, daily hour, time zone or quiet hours; the
    caller's transaction, after the change): its pending alerts and daily-digest rows follow
    them, as `enqueue_article` would queue them now (QA16 F3). Returns how many rows changed.

    - instant mode: every such row is 'instant', due now (or at the end of the quiet hours):
      what waited for a daily digest goes now, as one bundle, not tomorrow under a daily header.
      (An INSTANT_GAP hold is made again by the sender.)
    - daily mode: every row not yet due takes the next daily digest ('daily:<local date>' at the
      daily hour in the chat's zone, after its quiet hours), so one digest comes at the new
      hour, none at the old one. A daily row already due stays: it is that day's digest, on its
      way.
    A story's update ('update:<date>', `_queue_updates`) moves as an instant alert does.
    Pushes and rows being sent are left alone; a row only changes its kind and time, so nothing
    is added, lost or sent twice."""
    chat = next(iter(sql.query(
        "select id, mode, daily_hour, time_zone, utc_offset_minutes, quiet_start, quiet_end"
        " from chats where id = ?", [chat_id])), None)
    if chat is None:
        return 0
    stamp = iso(now)
    if chat["mode"] == "daily":
        kind, when = next_daily(now, chat)
        args: list[Any] = [kind, iso(after_quiet(when, chat)), chat_id, stamp]
        # 'or ignore': a chat has one row per story (`_insert_rows`), but a merge may have left
        # a finished row of the same story under the new kind; that row then keeps its time.
        cur = sql.execute(
            "update or ignore outbox set kind = ?, not_before = ? where chat_id = ?"
            " and status = 'pending' and (kind = 'instant' or kind like 'update:%'"
            " or (kind like 'daily:%' and coalesce(not_before, '') > ?))", args)
    else:
        when = after_quiet(now, chat)
        cur = sql.execute(
            "update or ignore outbox set kind = 'instant', not_before = ? where chat_id = ?"
            " and status = 'pending' and (kind = 'instant' or kind like 'daily:%')",
            [iso(when) if when > now else None, chat_id])
    if cur.rowcount:
        log.info("deliveries retimed chat=%s mode=%s rows=%d", chat_id, chat["mode"],
                 cur.rowcount)
    return int(cur.rowcount)


# ---------------------------------------------------------------------------------------------
# Writing rows


def _insert_rows(db: sqlite_utils.Database, rows: Iterable[tuple[int, int, int | None, str,
                                                                 str | None]],
                 now: datetime) -> int:
    """Insert (chat, story, article, kind, not_before) rows unless the chat already has the
    story under any kind. Returns how many were inserted."""
    created = iso(now)
    before = db.execute("select total_changes()").fetchone()[0]
    db.conn.executemany(
        """insert or ignore into outbox (chat_id, story_id, article_id, kind, not_before,
                                         created_at)
           select ?, ?, ?, ?, ?, ?
           where not exists (select 1 from outbox where chat_id = ? and (story_id = ? or
                             story_id in (select merged_id from story_merges where into_id = ?)))""",
        [(c, s, a, k, nb, created, c, s, s) for c, s, a, k, nb in rows])
    return int(db.execute("select total_changes()").fetchone()[0] - before)


# A story's update not sent: the chat had the same news from another story (`_queue_updates`)
REPEAT_REASON = "يكرر خبرًا وصل المحادثة من قصة أخرى / repeats news the chat had from another story"
MERGED_REASON = "القصة دُمجت في قصة وصلت المحادثة / story merged into one the chat already has"


def merge_deliveries(db: sqlite_utils.Database, into_id: int, merged_id: int,
                     now: datetime) -> tuple[int, int]:
    """Two stories became one (digests.stories.merge_stories, the caller's transaction): per
    chat, at most one delivery of the merged story stays waiting, and none when the chat already
    got (or is being sent) either half. Returns (moved, skipped).

    A chat with rows of the story (`into_id` and every id merged into it): when one of them is
    sent or sending, its pending rows are skipped with MERGED_REASON; else the pending row due
    first (earliest `not_before`, then the first queued) is kept — the reader gets the story at
    the soonest time already promised, not later because a second report arrived — and the
    others are skipped. The kept row moves to `into_id` (so a gone page finds the story's live
    reports); rows already sent, failed or skipped stay as they are, under their old id, and so
    does a story's update waiting for the chat (a pending row of a story it was sent).
    """
    family = [into_id, merged_id] + [int(r[0]) for r in db.execute(
        "select merged_id from story_merges where into_id = ? and merged_id != ?",
        [into_id, merged_id])]
    marks = ",".join("?" * len(family))
    moved = skipped = 0
    chats = [r[0] for r in db.execute(
        f"select distinct chat_id from outbox where story_id in ({marks})"
        f" and status = 'pending'", family)]
    for chat_id in chats:
        rows = db.execute(
            f"select id, story_id, status from outbox where chat_id = ? and story_id in ({marks})"
            f" order by status != 'pending', coalesce(not_before, created_at), id",
            [chat_id, *family]).fetchall()
        delivered = any(status in ("sent", "sending") for _, _, status in rows)
        sent_stories = {story for _, story, status in rows if status == "sent"}
        # a story's update (`_queue_updates`: a pending row of a story the chat was sent) is
        # the next day's news of it, not the other half's first delivery: it stays as it is
        pending = [(row_id, story) for row_id, story, status in rows
                   if status == 'pending' and story not in sent_stories]
        keep = None if delivered else pending[0]
        for row_id, story in pending:
            if (row_id, story) == keep:
                if story != into_id:  # "or ignore": a finished row of into_id may hold the kind
                    moved += db.execute("update or ignore outbox set story_id = ? where id = ?",
                                        [into_id, row_id]).rowcount
                continue
            db.execute("update outbox set status = 'skipped', sent_at = ?, last_error = ?"
                       " where id = ?", [iso(now), MERGED_REASON, row_id])
            skipped += 1
    if moved or skipped:
        log.info("deliveries merged into=%s merged=%s moved=%d skipped=%d", into_id, merged_id,
                 moved, skipped)
    return moved, skipped


def story_key(db: sqlite_utils.Database, article: Article) -> int:
    """The story an article belongs to (read from its row: the story step may have assigned it
    after the Article value was made); an article without a story is its own (negative id)."""
    row = db.execute("select story_id from articles where id = ?", [article.id]).fetchone()
    story_id = row[0] if row and row[0] is not None else article.story_id
    return int(story_id) if story_id is not None else -article.id


def story_weights(db: sqlite_utils.Database, rows: Iterable[tuple[int, int | None]]
                  ) -> dict[int, tuple[int, str]]:
    """(story, article) pairs of due rows → story: (sources reporting it, its newest report's
    time as ISO text), the order /digest ranks stories in (bot.stories.latest_digests: most
    sources, then newest). Reports whose page is gone do not count; a story without a row of
    its own (a negative id: an article with no story) is its article alone."""
    out: dict[int, tuple[int, str]] = {}
    for story, article in rows:
        if story < 0 or article is None:
            found = db.execute("select 1, coalesce(published_at, fetched_at, '') from articles"
                               " where id = ?", [article if article is not None else -story]
                               ).fetchone()
        else:
            found = db.execute(
                "select count(distinct source_id), max(coalesce(published_at, fetched_at, ''))"
                " from articles where story_id = ? and page_status != ?", [story, GONE]
            ).fetchone()
        out[story] = (int(found[0] or 0), str(found[1] or "")) if found else (0, "")
    return out


def _story_sources(db: sqlite_utils.Database, story: int) -> int:
    if story < 0:
        return 1
    row = db.execute("select count(distinct source_id) from articles where story_id = ?"
                     " and page_status != ?", [story, GONE]).fetchone()
    return int(row[0] or 0)


def enqueue_article(db: sqlite_utils.Database, article: Article, ctx: StoreContext) -> None:
    """Processing step: queue the deliveries a newly stored article causes (no-op on backfill).

    A topic subscription matches via `digests.search.alert_matches` (the topic in the headline
    or lead, or named twice — a topic of several words three times: not a body's passing
    mention, QA18 R3, X25); the general digest
    (topic '') takes a story once GENERAL_MIN_SOURCES sources report it. Instant-mode chats get
    an 'instant' row (after their quiet hours), daily-mode chats a row for their next daily digest.
    """
    if ctx.backfill or _is_gone(db, article.id):
        return
    from digests.search import alert_matches  # late: search builds on the analysis modules

    # Match each distinct subscribed topic once, then fetch only the chats that match.
    topics = db.execute(
        """select s.topic_key, min(s.topic) from subscriptions s
           join chats c on c.id = s.chat_id where c.active = 1 group by s.topic_key""").fetchall()
    if not topics:
        return
    story = story_key(db, article)
    matched = [key for key, topic in topics
               if (key == "" and _story_sources(db, story) >= GENERAL_MIN_SOURCES)
               or (key != "" and alert_matches(topic, article))]
    if not matched:
        return
    marks = ",".join("?" * len(matched))
    chats = {row["id"]: row for row in db.query(
        f"""select id, mode, daily_hour, time_zone, utc_offset_minutes, quiet_start, quiet_end
            from chats
            where active = 1 and id in (select chat_id from subscriptions
                                        where topic_key in ({marks}))""", matched)}
    rows = []
    for chat_id, chat in sorted(chats.items()):
        if chat["mode"] == "daily":
            kind, when = next_daily(ctx.now, chat)
            not_before: str | None = iso(after_quiet(when, chat))
        else:
            kind = "instant"
            when = after_quiet(ctx.now, chat)
            not_before = iso(when) if when > ctx.now else None
        rows.append((chat_id, story, article.id, kind, not_before))
    n = _insert_rows(db, rows, ctx.now)
    if n:
        log.info("deliveries queued article=%s story=%s rows=%d", article.id, story, n)
    if n < len(rows):  # some chats have the story already: a later day's report is an update
        _queue_updates(db, article, story, chats, ctx.now)


def _queue_updates(db: sqlite_utils.Database, article: Article, story: int,
                   chats: dict[int, dict[str, Any]], now: datetime) -> int:
    """Queue `article`, a new report of `story`, as an update for the chats (those its alert
    test or the general digest chose) that were sent the story UPDATE_AFTER or longer ago, or
    were sent a report published UPDATE_AFTER or longer before this one, and have nothing of it
    waiting (QA18 R10: a source's next-day market report joined yesterday's
    story, and the oil follower never saw it). The row's kind is 'update:<the chat's local
    date>' for an instant chat (unique per chat, story and kind: one update a day) and the next
    daily digest's kind for a daily chat; none for a report published before the last delivery
    or one the chat already has a row for. An update that says what the chat was sent in the last
    48 h under another story (digests.repeats, QA19 N3) is recorded 'skipped' with
    REPEAT_REASON instead (its row also keeps that day's update of the story from coming).
    Returns how many were queued."""
    if story < 0:
        return 0
    published = article.published_at or now
    rows = []
    for chat_id, chat in sorted(chats.items()):
        last, seen, waiting, same = db.execute(
            """select max(case when o.status = 'sent' then o.sent_at end),
                      max(case when o.status = 'sent'
                               then coalesce(a.published_at, a.fetched_at) end),
                      coalesce(sum(o.status in ('pending', 'sending')), 0),
                      coalesce(sum(o.article_id = ?), 0)
               from outbox o left join articles a on a.id = o.article_id
               where o.chat_id = ? and (o.story_id = ? or o.story_id in
                   (select merged_id from story_merges where into_id = ?))""",
            [article.id, chat_id, story, story]).fetchone()
        if not last or waiting or same:
            continue
        sent, shown = parse_iso(last), parse_iso(seen)
        assert sent is not None
        # a day after the delivery, or a day after the report it delivered (held by quiet
        # hours or a daily digest: «النفط يغلق» of 01:16 seen at 07:00, «النفط يرتفع» at 22:21)
        later_day = now - sent >= UPDATE_AFTER or (
            shown is not None and published - shown >= UPDATE_AFTER)
        if not later_day or published <= sent:
            continue
        if chat["mode"] == "daily":
            kind, when = next_daily(now, chat)
        else:
            kind, when = f"update:{now.astimezone(_zone(chat)).date().isoformat()}", now
        when = after_quiet(when, chat)
        rows.append((chat_id, story, article.id, kind, iso(when) if when > now else None,
                     iso(now)))
    if not rows:
        return 0
    # QA19 N3: an update saying what the chat was sent under another story in the last 48 h
    # (one event split across stories) is recorded skipped, not queued (digests.repeats)
    from digests.repeats import repeated_chats, report  # late: it builds on the story analysis

    repeats = repeated_chats(db, article.id, report(article.title, article.text, published),
                             story, [r[0] for r in rows], now)
    before = db.execute("select total_changes()").fetchone()[0]
    db.conn.executemany("insert or ignore into outbox (chat_id, story_id, article_id, kind,"
                        " not_before, created_at) values (?, ?, ?, ?, ?, ?)",
                        [r for r in rows if r[0] not in repeats])
    n = int(db.execute("select total_changes()").fetchone()[0] - before)
    if repeats:
        db.conn.executemany("insert or ignore into outbox (chat_id, story_id, article_id, kind,"
                            " created_at, status, last_error) values (?, ?, ?, ?, ?, 'skipped',"
                            " ?)", [(r[0], r[1], r[2], r[3], r[5], REPEAT_REASON)
                                    for r in rows if r[0] in repeats])
        log.info("story updates skipped as repeats article=%s story=%s chats=%d", article.id,
                 story, len(repeats))
    if n:
        log.info("story updates queued article=%s story=%s rows=%d", article.id, story, n)
    return n


def repeats_skipped(db: sqlite_utils.Database, since: datetime) -> int:
    """Updates recorded skipped since `since` because they repeated what the chat had (N3)."""
    return int(db.execute("select count(*) from outbox where status = 'skipped'"
                          " and last_error = ? and created_at >= ?",
                          [REPEAT_REASON, iso(since)]).fetchone()[0])


def update_articles(db: sqlite_utils.Database, row_ids: Iterable[int]) -> set[int]:
    """The articles of these outbox rows that come as an update: the row's chat was sent the
    story before (only `_queue_updates` gives a chat a second row of a story it was sent)."""
    ids = list(row_ids)
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {int(r[0]) for r in db.execute(
        f"""select o.article_id from outbox o where o.id in ({marks}) and o.article_id is not null
              and exists (select 1 from outbox p where p.chat_id = o.chat_id and p.id != o.id
                          and p.story_id = o.story_id and p.status = 'sent'
                          and coalesce(p.sent_at, '') < coalesce(o.sent_at, '9'))""", ids)}


def _is_gone(db: sqlite_utils.Database, article_id: int) -> bool:
    row = db.execute("select page_status from articles where id = ?", [article_id]).fetchone()
    return row is not None and row[0] == GONE


def _top_stories(db: sqlite_utils.Database, now: datetime, limit: int) -> list[tuple[int, int]]:
    """(story, latest live article) of the recent stories with the most sources, best first;
    when nothing is that recent, the latest stories whatever their age. Reports whose page is
    gone (404/410) neither count nor are sent."""
    recent = list(db.execute(
        """select story_id, max(id) from articles
           where story_id is not null and coalesce(published_at, fetched_at) >= ?
             and page_status != ?
           group by story_id
           order by count(distinct source_id) desc, max(coalesce(published_at, fetched_at)) desc
           limit ?""", [iso(now - timedelta(hours=RECENT_HOURS)), GONE, limit]).fetchall())
    if not recent:  # a story nobody reported for KEEP_DONE may have had its rows pruned
        recent = list(db.execute(
            """select story_id, max(id) from articles
               where story_id is not null and page_status != ?
               group by story_id having max(fetched_at) >= ?
               order by max(coalesce(published_at, fetched_at)) desc
               limit ?""", [GONE, iso(now - KEEP_DONE), limit]).fetchall())
    return [(r[0], r[1]) for r in recent]


def enqueue_push(db: Database, *, topic: str | None, now: datetime,
                 limit_stories: int = 5) -> PushPlan:
    """An admin's manual digest, in one transaction: the top recent stories of `topic` queued
    for that topic's active followers, or (no topic) the top stories overall for the active
    followers of the general digest (topic '') only — a chat that follows only «الغوطة» did not
    ask for the general digest and could not stop it with /unsubscribe.

    A topic's stories are those its followers' alerts would carry (`alert_matches`), in the
    search's order (latest first: digests.search), `limit_stories` × PUSH_POOL of them; each
    chat gets the first `limit_stories` of them it has not had yet (QA18 R14: five stories
    sent before no longer hide a fresh one behind them). The general digest's are its
    `limit_stories` top stories (most sources first): a second /push sends no lesser ones. `PushPlan.stories` counts the stories found
    (at most `limit_stories`), before the per-chat choice.

    Raises:
        QueryError: the topic has nothing searchable in it.
    """
    topic = (topic or "").strip() or None
    if topic is not None:
        from digests.search import topic_key

        key = topic_key(topic)
        stories = _topic_stories(db, topic, now, limit_stories * PUSH_POOL)
        from digests.subscriptions import keys_of_same_name

        keys = keys_of_same_name(db.db, key)  # «ترمب» reaches the followers of «ترامب»
        chat_sql = ("select distinct c.id from chats c join subscriptions s on s.chat_id = c.id"
                    f" where c.active = 1 and s.topic_key in ({','.join('?' * len(keys))})"
                    " order by c.id")
        chat_args: list[Any] = list(keys)
    else:
        stories = _top_stories(db.db, now, limit_stories)
        chat_sql = ("select distinct c.id from chats c join subscriptions s on s.chat_id = c.id"
                    " where c.active = 1 and s.topic_key = '' order by c.id")
        chat_args = []
    found = min(len(stories), limit_stories)
    with db.transaction() as tx:
        cur = tx.execute("insert into pushes (topic, created_at, stories) values (?, ?, ?)",
                         [topic, iso(now), found])
        push_id = int(cur.lastrowid or 0)
        kind = f"push:{push_id}"
        chat_ids = [r[0] for r in tx.execute(chat_sql, chat_args).fetchall()] if stories else []
        rows = [(c, s, a, kind, None) for c in chat_ids
                for s, a in _unsent(tx, c, stories)[:limit_stories]]
        _insert_rows(tx, rows, now)
        chats = tx.execute("select count(distinct chat_id) from outbox where kind = ?",
                           [kind]).fetchone()[0]
        tx.execute("update pushes set chats = ? where id = ?", [chats, push_id])
    log.info("push queued push=%s topic=%r chats=%d stories=%d", push_id, topic, chats, found)
    return PushPlan(push_id=push_id, kind=kind, topic=topic, chats=chats, stories=found)


def _topic_stories(db: Database, topic: str, now: datetime, limit: int
                   ) -> list[tuple[int, int]]:
    """(story, live report) of the topic's stories its followers' alerts would carry, in the
    search's order (latest first), at most `limit`.

    Searched for more than needed: a story whose every report is gone (404/410) is left out,
    and so is one that only the widened search finds — the push sends what the topic's
    followers are sent (alert_matches: the phrase in the headline, the lead or twice — three
    times for several words —, or every
    word in the headline), not a body that names the words apart or the topic in passing.
    """
    from digests.search import search

    result = search(db.db, topic, limit=limit * 2, now=now, fold_stories=True)
    stories: list[tuple[int, int]] = []
    for hit in result.hits:
        aid = hit.digest.article_id
        assert aid is not None
        if len(stories) >= limit or not _followers_get(db.db, topic, aid):
            continue
        sid = hit.digest.story_id if hit.digest.story_id is not None else -aid
        live = live_report(db.db, aid, sid)
        if live is not None and _reported_since(db.db, sid, now - KEEP_DONE):
            stories.append((sid, live))
    return stories


def _unsent(db: sqlite_utils.Database, chat_id: int, stories: list[tuple[int, int]]
            ) -> list[tuple[int, int]]:
    """The (story, article) pairs the chat has no outbox row for (under any kind, a story merged
    into it included: the rule `_insert_rows` keeps), in their order."""
    if not stories:
        return []
    had = {r[0] for r in db.execute(
        "select story_id from outbox where chat_id = ? union"
        " select m.into_id from story_merges m join outbox o on o.story_id = m.merged_id"
        " where o.chat_id = ?", [chat_id, chat_id]).fetchall()}
    return [(s, a) for s, a in stories if s not in had]


def _reported_since(db: sqlite_utils.Database, story: int, since: datetime) -> bool:
    """Whether the story had a report fetched at or after `since` (a story older than that may
    have had its rows pruned: pushing it could send it to a chat a second time)."""
    sql = ("select 1 from articles where id = ? and fetched_at >= ?" if story < 0 else
           "select 1 from articles where story_id = ? and fetched_at >= ? limit 1")
    return db.execute(sql, [abs(story), iso(since)]).fetchone() is not None


def prune(db: Database, now: datetime, *, keep: timedelta = KEEP_DONE,
          batch: int = PRUNE_BATCH, max_batches: int | None = None) -> int:
    """Delete finished rows (sent, failed, skipped) whose outcome is older than `keep` and whose
    story (or the story it was merged into) had no report fetched since (QA16 N2: ~186 bytes a
    row, ~2 GB a year at 1,000 instant readers). In batches of `batch`, each its own
    transaction, until none is left or `max_batches` ran. Pending and in-flight rows, and
    everything /stats counts (the last day), stay. Returns how many rows went."""
    cutoff = iso(now - keep)
    removed = runs = 0
    while max_batches is None or runs < max_batches:
        with db.transaction() as tx:
            n = tx.execute(
                """delete from outbox where id in (
                     select o.id from outbox o
                     where o.status in ('sent', 'failed', 'skipped')
                       and coalesce(o.sent_at, o.created_at) < ?
                       and not exists (select 1 from articles a  -- each by an index
                                       where a.story_id = o.story_id and a.fetched_at >= ?)
                       and not exists (select 1 from articles a
                                       where a.id = -o.story_id and a.fetched_at >= ?)
                       and not exists (select 1 from story_merges m
                                       join articles a on a.story_id = m.into_id
                                       where m.merged_id = o.story_id and a.fetched_at >= ?)
                     limit ?)""", [cutoff, cutoff, cutoff, cutoff, batch]).rowcount
        removed += n
        runs += 1
        if n < batch:
            break
    if removed:
        log.info("outbox pruned rows=%d older_than=%s", removed, cutoff)
    return removed


def _followers_get(db: sqlite_utils.Database, topic: str, article_id: int) -> bool:
    """Whether the topic's followers would be sent this article (the alert's test)."""
    from digests.records import ARTICLE_SELECT, article_from_row
    from digests.search import alert_matches

    row = next(iter(db.query(f"{ARTICLE_SELECT} where articles.id = ?", [article_id])), None)
    return row is not None and alert_matches(topic, article_from_row(row))


def drop_gone_deliveries(sql: sqlite_utils.Database, article_id: int,
                         now: datetime) -> tuple[int, int]:
    """An article's page turned out gone (a retry got 404/410; the caller's transaction): its
    deliveries still waiting move to the newest live report of the same story, so the chat still
    gets the story once; with none, they are skipped with the reason. Rows being sent or done
    stay as they are. Returns (moved, skipped)."""
    moved = skipped = 0
    for row_id, story in sql.execute("select id, story_id from outbox where article_id = ?"
                                     " and status = 'pending'", [article_id]).fetchall():
        live = live_report(sql, article_id, int(story))
        if live == article_id:  # not gone after all: nothing to change
            continue
        if live is not None:
            sql.execute("update outbox set article_id = ? where id = ?", [live, row_id])
            moved += 1
        else:
            sql.execute("update outbox set status = 'skipped', sent_at = ?, last_error = ?"
                        " where id = ?", [iso(now), GONE_REASON, row_id])
            skipped += 1
    return moved, skipped


# ---------------------------------------------------------------------------------------------
# Inspection


def push_progress(db: Database | sqlite_utils.Database, push_id: int) -> PushProgress:
    """Per chat: delivered (a message reached it, or the push's story was merged into one the
    chat already has: MERGED_REASON), failed (nothing did, or the chat was deactivated
    meanwhile), or still pending."""
    sdb = db.db if isinstance(db, Database) else db
    row = sdb.execute(
        """select count(*),
                  coalesce(sum(case when busy = 0 and sent > 0 then 1 else 0 end), 0),
                  coalesce(sum(case when busy = 0 and sent = 0 then 1 else 0 end), 0),
                  coalesce(sum(case when busy > 0 then 1 else 0 end), 0)
           from (select o.chat_id,
                        sum(o.status in ('pending', 'sending') and c.active = 1) as busy,
                        sum(o.status = 'sent' or (o.status = 'skipped' and o.last_error = ?))
                          as sent
                 from outbox o join chats c on c.id = o.chat_id
                 where o.kind = ? group by o.chat_id)""",
        [MERGED_REASON, f"push:{push_id}"]).fetchone()
    return PushProgress(push_id=push_id, chats=row[0], delivered=row[1], failed=row[2],
                        pending=row[3])


def queue_stats(db: Database | sqlite_utils.Database, now: datetime) -> QueueStats:
    """Pending (and due now) for active chats, in flight, sent and failed in the last hour,
    failed overall."""
    sdb = db.db if isinstance(db, Database) else db
    hour_ago, now_s = iso(now - timedelta(hours=1)), iso(now)
    row = sdb.execute(
        """select coalesce(sum(o.status = 'pending' and c.active = 1), 0),
                  coalesce(sum(o.status = 'pending' and c.active = 1
                               and (o.not_before is null or o.not_before <= ?)), 0),
                  coalesce(sum(o.status = 'sending'), 0),
                  coalesce(sum(o.status = 'sent' and o.sent_at >= ?), 0),
                  coalesce(sum(o.status = 'failed'), 0),
                  coalesce(sum(o.status = 'failed' and o.sent_at >= ?), 0)
           from outbox o left join chats c on c.id = o.chat_id""",
        [now_s, hour_ago, hour_ago]).fetchone()
    return QueueStats(*[int(v) for v in row])
