"""An admin's /push: the top stories (of a topic, or overall) queued for their followers.

`enqueue_push` queues the push in one transaction, under the rule a chat never gets a story
twice (digests.new_deliveries.insert_rows); `push_progress` tells the admin how far it went.
Pure SQL, no Telegram: bot.pushes is the command, bot.sender sends the rows.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from digests import daily_holders, daily_item_changes, daily_rows
from digests.delivery_times import after_quiet
from digests.models import iso, parse_iso
from digests.new_deliveries import insert_rows
from digests.outbox_states import MAYBE_SENT
from digests.outbox_upkeep import HELD_REASON, KEEP_DONE, MERGED_REASON
from digests.reader_sources import MUTED_REASON
from digests.retries import GONE, live_report
from digests.storage import Database

log = logging.getLogger(__name__)

# How far back /push looks (general and topic, QA50 E5): a push is news, what was published
# in the last day — the general digest's «top stories» are the day's. Only when the archive holds
# nothing published that recent (the offline demo's sample, a bot that stopped polling) do both
# fall back on the latest stories, fetched within KEEP_DONE; an archive with today's news never
# pushes a years-old report as «جديد» because the day's were already sent.
RECENT_HOURS = 24
# A topic's /push weighs this many times its stories per chat: each chat is sent the first it
# has not had (QA18 R14).
PUSH_POOL = 4


@dataclass(frozen=True)
class PushPlan:
    """What an admin's /push queued."""

    push_id: int
    kind: str  # 'push:<id>'
    topic: str | None
    chats: int
    stories: int
    # When nothing was queued (`chats` 0): how many of the stories found still wait in the
    # outbox for a follower (an alert held a few minutes, an earlier push on its way: QA50 E6,
    # «already sent» while they were still queued), the earliest time one is due (None: now),
    # and whether every waiting row is an earlier push's (its report is still owed).
    waiting: int = 0
    due: datetime | None = None
    pushed: bool = False
    # Stories left out for chats that muted their source (a mute is the chat's editorial
    # block, QA77-2: a channel got a muted source's reports from /push): how many (a story
    # once per chat) and in how many chats. A story another source reports goes with that
    # source's report instead and is not counted.
    muted: int = 0
    muted_chats: int = 0


@dataclass(frozen=True)
class PushProgress:
    """Per-chat outcome of a push so far (a chat's stories travel together in one message)."""

    push_id: int
    chats: int
    delivered: int
    failed: int
    pending: int
    held: int = 0  # chats held (lost the right to post), the push kept for them: not failed
    # chats delivered after a send whose answer never came (a read timeout, a connection reset
    # after the request left: QA75-1) or that a killed process left on the wire: sent again,
    # they may have it twice (QA62-7)
    repeats: int = 0
    # rows the sender skipped as their chat muted the source after the push was queued (X135:
    # they were sent), in how many chats, and the chats that got nothing as every row of theirs
    # was so skipped: not failed, not delivered
    muted_rows: int = 0
    muted_chats: int = 0
    muted: int = 0
    # chats delivered nothing for sure whose row failed for good (or was skipped) after such a
    # send: the reader may have it, so not failed (X136: they were counted failed)
    maybe: int = 0

    @property
    def done(self) -> bool:
        return self.pending == 0


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
    `limit_stories` top stories (most sources first): a second /push sends no lesser ones.
    A daily-mode follower's rows of these stories that wait for its next digest go with the
    push, now (`_take_daily`, QA71-6). `PushPlan.stories` counts the stories found
    (at most `limit_stories`), before the per-chat choice.

    Raises:
        QueryError: the topic has nothing searchable in it.
    """
    topic = (topic or "").strip() or None
    stories = (_topic_stories(db, topic, now, limit_stories * PUSH_POOL) if topic is not None
               else _top_stories(db.db, now, limit_stories))
    follows, chat_args = audience(db.db, topic)
    chat_sql = f"select c.id from chats c where c.active = 1 and {follows} order by c.id"
    found = min(len(stories), limit_stories)
    with db.transaction() as tx:
        cur = tx.execute("insert into pushes (topic, created_at, stories) values (?, ?, ?)",
                         [topic, iso(now), found])
        push_id = int(cur.lastrowid or 0)
        kind = f"push:{push_id}"
        chat_ids = [r[0] for r in tx.execute(chat_sql, chat_args).fetchall()] if stories else []
        rows: list[tuple[int, int, int | None, str, str | None]] = []
        muted: list[int] = []  # per chat, the stories left out for its mutes
        for c in chat_ids:
            # a source the chat muted is not sent there, by a push either (QA77-2)
            own, left_out = unmuted(tx, c, stories)
            unsent = _unsent(tx, c, own)
            # a daily chat's stories waiting for its next digest go with the push (QA71-6)
            taken = _take_daily(tx, c, own, kind, limit_stories, {s for s, _a in unsent})
            rows += [(c, s, a, kind, None) for s, a in unsent[:max(0, limit_stories - taken)]]
            if left_out:  # counted among what the chat would have been given
                would = [s for s, _a in _unsent(tx, c, stories)][:limit_stories]
                muted.append(len(left_out & set(would)))
        insert_rows(tx, rows, now)
        chats = tx.execute("select count(distinct chat_id) from outbox where kind = ?",
                           [kind]).fetchone()[0]
        tx.execute("update pushes set chats = ? where id = ?", [chats, push_id])
        waiting = (_waiting(tx, chat_sql, chat_args, stories[:limit_stories] if topic is None
                            else stories, now) if stories and not chats else [])
    log.info("push queued push=%s topic=%r chats=%d stories=%d waiting=%d muted=%d",
             push_id, topic, chats, found, len({w[0] for w in waiting}), sum(muted))
    dues = [w[2] for w in waiting]
    return PushPlan(push_id=push_id, kind=kind, topic=topic, chats=chats, stories=found,
                    waiting=min(found, len({w[0] for w in waiting})),
                    due=max(now, min(d or now for d in dues)) if dues else None,
                    pushed=bool(waiting) and all(w[1].startswith("push:") for w in waiting),
                    muted=sum(muted), muted_chats=sum(1 for n in muted if n))


def unmuted(db: sqlite_utils.Database, chat_id: int, stories: list[tuple[int, int]]
            ) -> tuple[list[tuple[int, int]], set[int]]:
    """The (story, report) pairs a push may give the chat, in their order, and the stories left
    out: a report from a source the chat muted is swapped for the story's newest live report
    from another source; a story only muted sources report is left out (README: a mute is the
    chat's block, for a push too). No mute: the stories as they are, one query."""
    muted = {int(r[0]) for r in db.execute(
        "select source_id from chat_muted_sources where chat_id = ?", [chat_id]).fetchall()}
    if not muted or not stories:
        return stories, set()
    marks = ",".join("?" * len(muted))
    kept: list[tuple[int, int]] = []
    left: set[int] = set()
    for story, article in stories:
        row = db.execute("select source_id from articles where id = ?", [article]).fetchone()
        if row is None or int(row[0]) not in muted:
            kept.append((story, article))
            continue
        other = None if story < 0 else db.execute(  # a negative story is the article alone
            f"select max(id) from articles where story_id = ? and page_status != ?"
            f" and source_id not in ({marks})", [story, GONE, *muted]).fetchone()[0]
        if other is None:
            left.add(story)
        else:
            kept.append((story, int(other)))
    return kept, left


def audience(db: sqlite_utils.Database, topic: str | None) -> tuple[str, list[Any]]:
    """Who a push of `topic` goes to, the one rule /push, its follower count (bot.pushes) and a
    held chat's catch-up and note (bot.chat_holds) share: the SQL condition on a chat `c` (its
    id `c.id`) that it follows the topic under any name of it («ترمب» reaches the followers of
    «ترامب»: digests.topic_keys.keys_of_same_name), or (None) the general digest (topic key
    '') — not a chat that follows only «الغوطة» —, and the condition's values. Whether the
    chat is active is the caller's."""
    keys: list[str] = [""]
    if topic is not None:
        from digests.search import topic_key  # late: the search is heavy
        from digests.topic_keys import keys_of_same_name

        keys = list(keys_of_same_name(db, topic_key(topic)))
    return (f"exists (select 1 from subscriptions s where s.chat_id = c.id and s.topic_key in"
            f" ({','.join('?' * len(keys))}))", keys)


def _waiting(db: sqlite_utils.Database, chat_sql: str, chat_args: list[Any],
             stories: list[tuple[int, int]], now: datetime
             ) -> list[tuple[int, str, datetime | None]]:
    """(story, kind, when it goes) of the followers' outbox rows of `stories` still pending or
    being sent (a story merged into one of them included, as `_unsent` counts it had). An
    alert's time is its not_before moved past the chat's quiet hours, as the sender holds it at
    send time (review RA: at 00:30 an alert queued at 22:58 goes at 07:00, not «00:33»); a
    push's or a daily digest's row goes at its own time."""
    ids = [s for s, _a in stories]
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"""select coalesce(m.into_id, o.story_id), o.kind, o.not_before, c.id, c.time_zone,
                   c.utc_offset_minutes, c.quiet_start, c.quiet_end from outbox o
            left join story_merges m on m.merged_id = o.story_id
            join chats c on c.id = o.chat_id
            where o.status in ('pending', 'sending') and o.chat_id in ({chat_sql})
              and (o.story_id in ({marks}) or m.into_id in ({marks}))""",
        [*chat_args, *ids, *ids]).fetchall()
    # and the daily digests' items waiting (digests.daily_rows)
    chats = {int(r[0]) for r in db.execute(chat_sql, chat_args).fetchall()}
    into = {int(m): int(i) for m, i in db.execute(
        f"select merged_id, into_id from story_merges where into_id in ({marks})", ids)}
    rows = [*rows, *[(into.get(s, s), k, nb, c) for c, s, k, nb in
                     daily_holders.waiting_holders(db, daily_rows.family(db, ids)) if c in chats]]
    out: list[tuple[int, str, datetime | None]] = []
    for story, kind, not_before, *chat in rows:
        when = parse_iso(not_before) if not_before else None
        if kind == "instant" or str(kind).startswith("update:"):
            chat_row = dict(zip(("id", "time_zone", "utc_offset_minutes", "quiet_start",
                                 "quiet_end"), chat))
            moved = after_quiet(max(when or now, now), chat_row)
            when = moved if moved > now else when
        out.append((int(story), str(kind), when))
    return out


def _topic_stories(db: Database, topic: str, now: datetime, limit: int
                   ) -> list[tuple[int, int]]:
    """(story, live report) of the topic's stories its followers' alerts would carry, in the
    search's order (latest first), at most `limit`: stories with a live report published in
    the last RECENT_HOURS, as the general push's (`_top_stories`); older ones only when the
    archive holds nothing that recent (`any_recent`).

    Searched for more than needed: a story whose every report is gone (404/410) is left out,
    and so is one that only the widened search finds — the push sends what the topic's
    followers are sent (alert_matches: the phrase in the headline, the lead or twice — three
    times for several words, never inside a longer name —, or every word in the headline), not
    a body that names the words apart or the topic in passing.
    """
    from digests.search import search

    since = now - timedelta(hours=RECENT_HOURS)
    recent = any_recent(db.db, since)
    result = search(db.db, topic, limit=limit * 2, now=now, fold_stories=True)
    stories: list[tuple[int, int]] = []
    for hit in result.hits:
        aid = hit.digest.article_id
        assert aid is not None
        if len(stories) >= limit or not _followers_get(db.db, topic, aid):
            continue
        sid = hit.digest.story_id if hit.digest.story_id is not None else -aid
        live = live_report(db.db, aid, sid)
        if live is None:
            continue
        if (_published_since(db.db, sid, since) if recent
                else _reported_since(db.db, sid, now - KEEP_DONE)):
            stories.append((sid, live))
    return stories


def any_recent(db: sqlite_utils.Database, since: datetime) -> bool:
    """Whether the archive holds a live report of a story published at or after `since` (the
    general push's recent stories: `_top_stories`' first query finds some)."""
    return db.execute(
        "select 1 from articles where story_id is not null and page_status != ?"
        " and coalesce(published_at, fetched_at) >= ? limit 1",
        [GONE, iso(since)]).fetchone() is not None


def _published_since(db: sqlite_utils.Database, story: int, since: datetime) -> bool:
    """Whether the story (a negative id: the article alone) has a live report published at or
    after `since`, as the general push counts a story recent."""
    sql = ("select 1 from articles where id = ? and page_status != ?"
           " and coalesce(published_at, fetched_at) >= ?" if story < 0 else
           "select 1 from articles where story_id = ? and page_status != ?"
           " and coalesce(published_at, fetched_at) >= ? limit 1")
    return db.execute(sql, [abs(story), GONE, iso(since)]).fetchone() is not None


def _unsent(db: sqlite_utils.Database, chat_id: int, stories: list[tuple[int, int]]
            ) -> list[tuple[int, int]]:
    """The (story, article) pairs the chat has no outbox row for (under any kind, a story merged
    into it included: the rule `digests.new_deliveries.insert_rows` keeps), in their order."""
    if not stories:
        return []
    # a daily digest's items too (outbox_stories: digests.daily_rows)
    had = {r[0] for r in db.execute(
        "select story_id from outbox_stories where chat_id = ? union"
        " select m.into_id from story_merges m join outbox_stories o"
        " on o.story_id = m.merged_id where o.chat_id = ?", [chat_id, chat_id]).fetchall()}
    return [(s, a) for s, a in stories if s not in had]


def _take_daily(db: sqlite_utils.Database, chat_id: int, stories: list[tuple[int, int]],
                kind: str, limit: int, unsent: set[int]) -> int:
    """Move a daily-mode chat's rows of the pushed `stories` that wait for its next digest
    (kind 'daily:<date>', pending) into the push `kind`, due now: an admin's push does not wait
    for the digest (README: «نشرة المشرف لا تنتظر»; QA71-6: /push الغوطة left a daily
    follower's two Ghouta stories for the next morning). Only as many as the push gives a
    chat (`limit`, counting the stories first in order, `unsent` ones too). Returns how many
    rows were moved."""
    if not stories or db.execute("select 1 from chats where id = ? and mode = 'daily'",
                                 [chat_id]).fetchone() is None:
        return 0
    moved, given = 0, 0
    for story, _article in stories:
        if given >= limit:
            break
        if story in unsent:
            given += 1
            continue
        row = db.execute(
            """select o.id from outbox o where o.chat_id = ? and o.status = 'pending'
                 and o.kind like 'daily:%' and (o.story_id = ? or o.story_id in
                     (select merged_id from story_merges where into_id = ?))
               order by o.id limit 1""", [chat_id, story, story]).fetchone()
        if row is None:
            if _take_item(db, chat_id, story, kind):
                moved += 1
                given += 1
            continue
        db.execute("update or ignore outbox set kind = ?, not_before = null where id = ?",
                   [kind, row[0]])
        moved += db.execute("select changes()").fetchone()[0]
        given += 1
    return moved


def _take_item(db: sqlite_utils.Database, chat_id: int, story: int, kind: str) -> bool:
    """`_take_daily` for a story waiting as an item of the chat's digest row (digests.daily_rows,
    X122): the item is marked as gone with the push, and the push gets a row of it, due now."""
    fam = set(daily_rows.family(db, [story]))
    for row_id, place, item in daily_holders.pending_items(db, chat_id):
        if int(item[daily_rows.STORY]) in fam:
            daily_item_changes.take_out(db, row_id, [place], f"{daily_rows.TAKEN}{kind}")
            db.execute("insert or ignore into outbox (chat_id, story_id, article_id, kind,"
                       " created_at) values (?, ?, ?, ?, (select created_at from outbox"
                       " where id = ?))", [chat_id, item[daily_rows.STORY],
                                           item[daily_rows.ARTICLE], kind, row_id])
            return bool(db.execute("select changes()").fetchone()[0])
    return False


def _reported_since(db: sqlite_utils.Database, story: int, since: datetime) -> bool:
    """Whether the story had a report fetched at or after `since` (a story older than that may
    have had its rows pruned: pushing it could send it to a chat a second time)."""
    sql = ("select 1 from articles where id = ? and fetched_at >= ?" if story < 0 else
           "select 1 from articles where story_id = ? and fetched_at >= ? limit 1")
    return db.execute(sql, [abs(story), iso(since)]).fetchone() is not None


def _followers_get(db: sqlite_utils.Database, topic: str, article_id: int) -> bool:
    """Whether the topic's followers would be sent this article (the alert's test)."""
    from digests.records import ARTICLE_SELECT, article_from_row
    from digests.topic_match import alert_matches

    row = next(iter(db.query(f"{ARTICLE_SELECT} where articles.id = ?", [article_id])), None)
    return row is not None and alert_matches(topic, article_from_row(row))


# A sent row that may have reached its chat twice: one of its sends went out and got no answer
# (digests.outbox_states.MAYBE_SENT: a read timeout, the connection reset after the request
# left, a kill with it on the wire; not a 5xx, an answer). The row's `maybe_sent` keeps that
# through later errors (X131: a reset, then a 5xx or a 429, then sent); its last_error still
# says it for the rows sent before migration 058.
MAYBE_TWICE = MAYBE_SENT
# coalesce: a row with no error (NULL) is no maybe — without it «not MAYBE_FAILED» is NULL there
# and /stats dropped a failed row with an empty last_error from «failed» (DOC s27)
_MAYBE_SQL = " or ".join(["coalesce(o.maybe_sent, 0) = 1",
                          *["coalesce(o.last_error, '') like ?"] * len(MAYBE_TWICE)])
# X136: a row (the outbox as «o») that ended failed or skipped after such a send, or with it
# (its last try timed out): the chat may have the message. Its parameters: MAYBE_TWICE
MAYBE_UNSENT_SQL = f"(o.status in ('failed', 'skipped') and ({_MAYBE_SQL}))"
# …one that failed (bot.stats' «failed» counts the others; parameters: MAYBE_TWICE)
MAYBE_FAILED = f"(o.status = 'failed' and ({_MAYBE_SQL}))"


def push_progress(db: Database | sqlite_utils.Database, push_id: int) -> PushProgress:
    """Per chat: delivered (a message reached it, or the push's story was merged into one the
    chat already has: MERGED_REASON), held (nothing yet, and the chat is held: it lost only the
    right to post, its rows are kept for its return, QA56-3), muted (nothing, every row skipped
    as the chat muted its source since the push was queued: X135), maybe (nothing for sure, but
    a row ended failed after a send that may have reached it: MAYBE_UNSENT_SQL, X136), failed
    (nothing did, or the chat was deactivated meanwhile), or still pending."""
    sdb = db.db if isinstance(db, Database) else db
    row = sdb.execute(
        f"""select count(*),
                  coalesce(sum(case when busy = 0 and sent > 0 then 1 else 0 end), 0),
                  coalesce(sum(case when busy = 0 and sent = 0 and held = 0 and muted < rows
                                    and unsure = 0 then 1 else 0 end), 0),
                  coalesce(sum(case when busy > 0 then 1 else 0 end), 0),
                  coalesce(sum(case when busy = 0 and sent = 0 and held > 0 then 1 else 0 end),
                           0),
                  coalesce(sum(case when busy = 0 and sent > 0 and maybe > 0 then 1 else 0 end),
                           0),
                  coalesce(sum(muted), 0),
                  coalesce(sum(case when muted > 0 then 1 else 0 end), 0),
                  coalesce(sum(case when busy = 0 and sent = 0 and held = 0 and muted = rows
                                    then 1 else 0 end), 0),
                  coalesce(sum(case when busy = 0 and sent = 0 and held = 0 and muted < rows
                                    and unsure > 0 then 1 else 0 end), 0)
           from (select o.chat_id, count(*) as rows,
                        sum(o.status = 'sent' and ({_MAYBE_SQL})) as maybe,
                        sum({MAYBE_UNSENT_SQL}) as unsure,
                        sum(o.status in ('pending', 'sending') and c.active = 1) as busy,
                        sum(o.status = 'sent' or (o.status = 'skipped' and o.last_error = ?))
                          as sent,
                        sum(o.status = 'skipped' and o.last_error = ?) as muted,
                        max(c.active = 0 and coalesce(c.deactivated_reason, '') like ?) as held
                 from outbox o join chats c on c.id = o.chat_id
                 where o.kind = ? group by o.chat_id)""",
        [*MAYBE_TWICE, *MAYBE_TWICE, MERGED_REASON, MUTED_REASON, HELD_REASON + "%",
         f"push:{push_id}"]).fetchone()
    return PushProgress(push_id=push_id, chats=row[0], delivered=row[1], failed=row[2],
                        pending=row[3], held=row[4], repeats=row[5], muted_rows=row[6],
                        muted_chats=row[7], muted=row[8], maybe=row[9])
