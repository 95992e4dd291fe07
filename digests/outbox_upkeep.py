"""Keeping the outbox right as stories change and rows age: merges, gone pages, pruning, stats.

Two stories merged (`merge_deliveries`) or a page found gone (`drop_gone_deliveries`) change
the rows still waiting, so no chat gets a story twice or a page that is no more; `prune`
deletes finished rows no new report can need; `queue_stats` is the outbox at a glance for
/stats. Pure SQL, no Telegram.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils

from digests import daily_holders, daily_item_changes, daily_rows
from digests.models import iso
from digests.live_reports import live_report
from digests.storage import Database

log = logging.getLogger(__name__)

GONE_REASON = "الصفحة محذوفة من الموقع / page gone (HTTP 404/410)"  # a skipped row's last_error
# Finished rows are kept this long, and as long as their story had a report fetched within it
# (`prune`, QA16 N2). A row is what stops a chat getting a story twice
# (digests.new_deliveries.insert_rows): a new report is queued only when published in the last 48 h (digests.pipeline.PUSH_WINDOW) and joins
# a story reaching at most 72 h back from it (digests.stories.STORY_SPAN_HOURS; 48 h before
# session 19), so a story with no report fetched
# for KEEP_DONE can take none that is queued again; /push leaves out such stories too.
KEEP_DONE = timedelta(days=30)
PRUNE_BATCH = 2000  # rows deleted per transaction: each one short, the bot's writes go between
MERGED_REASON = "القصة دُمجت في قصة وصلت المحادثة / story merged into one the chat already has"
# chats.deactivated_reason of a held chat starts with it (bot.chat_holds.HELD): it lost only the
# right to post, its rows wait for its return; it is neither failed nor lost (QA56-3)
HELD_REASON = "held: "


@dataclass(frozen=True)
class QueueStats:
    """The outbox at a glance, for /stats."""

    pending: int
    due: int
    sending: int
    sent_last_hour: int
    failed: int
    failed_last_hour: int
    # QA72-6: the chats those due rows go to (one message each: a bundle a chat), and the
    # chats sent to in the last RATE_WINDOW, so /stats can say a rate and the time left
    due_chats: int = 0
    chats_sent_recently: int = 0


RATE_WINDOW = timedelta(minutes=10)  # /stats's sending rate is over this window


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
    # and the chats waiting for either half in a daily digest's items (digests.daily_rows)
    chats += sorted({c for c, _s, _k, _nb in daily_holders.waiting_holders(db, family)}
                    - set(chats))
    for chat_id in chats:
        # a daily digest's items count as rows (outbox_stories: `part` its place, else -1)
        rows = db.execute(
            f"select id, story_id, status, part from outbox_stories where chat_id = ?"
            f" and story_id in ({marks})"
            f" order by status != 'pending', coalesce(not_before, created_at), id, part",
            [chat_id, *family]).fetchall()
        delivered = any(status in ("sent", "sending") for _, _, status, _p in rows)
        sent_stories = {story for _, story, status, _p in rows if status == "sent"}
        # a story's update (digests.story_updates: a pending row of a story the chat was sent) is
        # the next day's news of it, not the other half's first delivery: it stays as it is
        pending = [(row_id, story, part) for row_id, story, status, part in rows
                   if status == 'pending' and story not in sent_stories]
        keep = None if delivered else pending[0]
        for row_id, story, part in pending:
            if (row_id, story, part) == keep:
                if story != into_id and part >= 0:
                    moved += daily_item_changes.restory(db, row_id, part, into_id)
                elif story != into_id:  # "or ignore": a finished row of into_id may hold the kind
                    moved += db.execute("update or ignore outbox set story_id = ? where id = ?",
                                        [into_id, row_id]).rowcount
                continue
            if part >= 0:
                skipped += daily_item_changes.skip_items(db, [(row_id, part)], MERGED_REASON)
                continue
            db.execute("update outbox set status = 'skipped', sent_at = ?, last_error = ?"
                       " where id = ?", [iso(now), MERGED_REASON, row_id])
            skipped += 1
    if moved or skipped:
        log.info("deliveries merged into=%s merged=%s moved=%d skipped=%d", into_id, merged_id,
                 moved, skipped)
    return moved, skipped


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
                     where o.status in ('sent', 'failed', 'skipped') and o.items is null
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
    # a daily digest's row goes with the last of its stories (digests.daily_rows)
    with db.transaction() as tx:
        removed += daily_item_changes.prune(tx, cutoff or "")
    if removed:
        log.info("outbox pruned rows=%d older_than=%s", removed, cutoff)
    return removed


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
    # a daily digest's items of it, the same way (digests.daily_rows)
    for row_id, place, _chat, item in daily_holders.article_items(sql, article_id, None):
        live = live_report(sql, article_id, int(item[daily_rows.STORY]))
        if live == article_id:
            continue
        if live is not None:
            moved += daily_item_changes.restory(sql, row_id, place,
                                                int(item[daily_rows.STORY]), live)
        else:
            skipped += daily_item_changes.skip_items(sql, [(row_id, place)], GONE_REASON)
    return moved, skipped


def queue_stats(db: Database | sqlite_utils.Database, now: datetime) -> QueueStats:
    """Pending (and due now) for active chats, in flight, sent and failed in the last hour,
    failed overall."""
    sdb = db.db if isinstance(db, Database) else db
    S = daily_holders.STORIES_OF_O  # noqa: N806
    hour_ago, now_s = iso(now - timedelta(hours=1)), iso(now)
    row = sdb.execute(
        # stories, not rows: a daily digest's row counts its own (digests.daily_rows)
        f"""select coalesce(sum(case when o.status = 'pending' and c.active = 1
                                then {S} end), 0),
                  coalesce(sum(case when o.status = 'pending' and c.active = 1
                               and (o.not_before is null or o.not_before <= ?) then {S} end), 0),
                  coalesce(sum(case when o.status = 'sending' then {S} end), 0),
                  coalesce(sum(case when o.status = 'sent' and o.sent_at >= ? then {S} end), 0),
                  coalesce(sum(case when o.status = 'failed' then {S} end), 0),
                  coalesce(sum(case when o.status = 'failed' and o.sent_at >= ? then {S} end),
                           0),
                  count(distinct case when o.status = 'pending' and c.active = 1
                        and (o.not_before is null or o.not_before <= ?) then o.chat_id end),
                  count(distinct case when o.status = 'sent' and o.sent_at >= ?
                        then o.chat_id end)
           from outbox o left join chats c on c.id = o.chat_id""",
        [now_s, hour_ago, hour_ago, now_s, iso(now - RATE_WINDOW)]).fetchone()
    return QueueStats(*[int(v) for v in row])
