"""The outbox's state changes made by the sender (bot.sender): which due rows it may take, and
pending → sending → sent / failed / skipped, retries, crash recovery, chat deactivation and chat
migration. Each is its own short transaction, never across the network. Pure SQL, no Telegram.

The outbox (table `outbox`) is which chat gets which story. Rows are unique per (chat, story,
kind), and a chat never gets a second row for a story it already has under any kind, so a second
report of a story, or a push of a story the chat already received, never causes a second
delivery — except a report that comes UPDATE_AFTER (18 h) or more after the story was sent to
the chat: the next day's news of it, queued once as an update. Kinds: 'instant' (instant-mode
chats), 'update:<YYYY-MM-DD>' (a story's update to an instant chat), 'daily:<YYYY-MM-DD>'
(daily-mode chats; `not_before` is the chat's local hour that day, computed from its IANA zone
at that moment), 'push:<id>' (an admin's /push). Quiet hours push `not_before` to the end of the
quiet period. An article whose page is gone for good (HTTP 404/410, digests.retries.GONE) is
never queued nor pushed.

The outbox's SQL lives in these modules, each with one job; callers import the one that does
theirs (`outbox_states.claim`, `push_queue.enqueue_push` …), and tests replace a function on its
module (the sender and courier look it up there at call time):

- digests.new_deliveries  queueing a newly stored article's deliveries (a processing step)
- digests.story_updates   a story's next-day updates, and those skipped as repeats
- digests.push_queue      an admin's /push and its progress
- digests.delivery_times  when a chat may be messaged: zone, quiet hours, daily hour, retiming
- digests.outbox_upkeep   merges, gone pages, pruning, the queue's figures for /stats
- digests.bundle_facts    what the sender asks of a chat's due stories before bundling them
- digests.outbox_states   the sender's state changes: claim, finish, retry, deactivate, move
- digests.daily_rows      a daily chat's new stories of a date as items of one row (X122)
- digests.daily_holders   which chats hold a story in a digest row, and what waits (read only)
- digests.daily_item_changes  queued items skipped, taken out, moved, pruned, settled
- digests.daily_row_schema migration 059: the items column, the outbox_stories view, pending rows folded

Eleven others change rows for a job of their own: digests.general_hold (a held minor story of
the general digest due again when a third site reports it), digests.correction_updates (an article
corrected in place with a new toll or result goes again, as an update, to the chats that read
it: kind 'update:fix:<mark of the new headline>'), digests.repeats (an update that repeats news
the chat had is skipped), digests.retries (a gone page's rows move to a live report or are
skipped), digests.removal (an article taken down is not sent), digests.restore_record (a
restored backup's rows, and those of articles fetched again after it, are settled as the
replaced file settled them), digests.backups (without that file's record, a restored
backup's rows already due are skipped: most likely sent after the backup was taken),
digests.unfollowed (a topic unfollowed: its rows no followed topic asks for are skipped),
digests.reader_sources (a row whose chat muted its source after it was queued is skipped at
send time), digests.late_rows (a row over a day past due is skipped, not sent as news: at the
start after a long stop, when a held chat resumes, and in the running sender's pass) and
digests.outbox_skips (the one update that skips pending rows with a reason, which the repeats,
unfollowed and muted-source skips share).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils

from digests import daily_item_changes, daily_rows
from digests.delivery_times import next_daily
from digests.models import iso
from digests.reader_sources import move_mutes
from digests.storage import Database

log = logging.getLogger(__name__)
RETRY_AFTER_ERROR = "429 retry after"  # how bot.courier words a row held by a 429
# The errors (SQL LIKE patterns) of a send that went out and got no answer: a read timeout
# (bot.send_failures: "TimedOut (maybe sent): …"), the connection reset after the request left
# (QA75-1: "NetworkError (maybe sent): httpx.RemoteProtocolError: …", httpx.ReadError;
# bot.send_failures.UNANSWERED_ERRORS), a row a killed process left 'sending'
# (`recover_in_flight`). Not every "maybe sent": Telegram's 5xx is an answer, and such sends
# mostly never went. A retry after one of these marks the row `maybe_sent` for good (X131): a
# later error or success does not unsay that the chat may have it already.
MAYBE_SENT = ("TimedOut (maybe sent)%",
              "NetworkError (maybe sent): httpx.RemoteProtocolError:%",
              "NetworkError (maybe sent): httpx.ReadError:%",
              "interrupted while sending%")
_MAYBE_ERROR = " or ".join(["? like ?"] * len(MAYBE_SENT))

TERMINAL = ("sent", "failed", "skipped")


@dataclass(frozen=True)
class DueRow:
    """A pending delivery the sender may take now."""

    id: int
    chat_id: int
    story_id: int
    article_id: int | None
    kind: str
    attempts: int
    chat_type: str = "private"
    language: str | None = None
    thread_id: int | None = None  # the forum topic the chat's deliveries go to (bot.threads)
    # a daily digest row's item (digests.daily_rows, X122): its place in the row, -1 for a
    # row of one story; `seen` the items the row held when read (claim's check)
    part: int = -1
    seen: int = 0
    order: int = -1  # an item: the newest row's id when it was queued (-1: `id`)

    @property
    def key(self) -> tuple[int, int]:
        """The row, and the item's place in it (a row of one story: -1)."""
        return (self.id, self.part)

    @property
    def queued(self) -> tuple[int, int]:
        """Where it was queued among the chat's rows: its id, or for an item where its own
        row's id would have been (the newest row's id then, the item's place after it)."""
        return (self.id if self.order < 0 else self.order, self.part)


def due_rows(db: Database, now: datetime, *, limit: int = 1000,
             exclude_chats: Iterable[int] = (), per_chat: int | None = None) -> list[DueRow]:
    """Pending rows of active chats that are due, whole chats, oldest chat first.

    The chats are those of the oldest `limit` due rows; each comes with all its due rows (the
    first `per_chat` of them when given), so a chat's digest is never cut in two by where the
    limit falls: a push queues several rows per chat, and a daily digest's rows for a chat's
    second topic may have been queued long after the first topic's (QA12 F3).
    """
    excluded = set(exclude_chats)
    stamp = iso(now)
    rows = db.db.execute(OLDEST_DUE, [stamp, limit + len(excluded)]).fetchall()
    chats = list(dict.fromkeys(r[1] for r in rows if r[1] not in excluded))[:limit]
    if not chats:
        return []
    whole: dict[int, list[DueRow]] = {chat: [] for chat in chats}
    for start in range(0, len(chats), 500):  # SQLite's bound-parameter limit
        part = chats[start:start + 500]
        for r in db.db.execute(
                f"""{_DUE_SELECT}
                   where o.chat_id in ({",".join("?" * len(part))}) and o.status = 'pending'
                     and (o.not_before is null or o.not_before <= ?) and c.active = 1
                   order by o.id""", [*part, stamp]).fetchall():
            group = whole[r[1]]
            if per_chat is None or len(group) < per_chat:
                group.extend(_expand(r))
    # a digest row's items stand where their own rows would have (digests.daily_rows)
    return [row for chat in chats
            for row in sorted(whole[chat], key=lambda d: d.queued)]


def _expand(r: Sequence[object]) -> list[DueRow]:
    """A due row as DueRows: itself, or a digest row's items still to be sent."""
    *fields, items = r
    row = DueRow(*fields)  # type: ignore[arg-type]
    if items is None:
        return [row]
    parsed = daily_rows.parse(str(items))
    return [DueRow(row.id, row.chat_id, int(item[daily_rows.STORY]),
                   int(item[daily_rows.ARTICLE]), row.kind, row.attempts, row.chat_type,
                   row.language, row.thread_id, part=place, seen=len(parsed),
                   order=int(item[daily_rows.ORDER]))
            for place, item in daily_rows.live(parsed)]


_DUE_SELECT = """select o.id, o.chat_id, o.story_id, o.article_id, o.kind, o.attempts, c.type,
                  c.language, c.thread_id, o.items
           from outbox o join chats c on c.id = o.chat_id"""
# The oldest due rows (their chats are the pass's): read in id order through the partial index
# outbox_pending (migration 056), stopping at the limit — not every pending row sorted (QA72-1)
OLDEST_DUE = f"""{_DUE_SELECT}
           where o.status = 'pending' and (o.not_before is null or o.not_before <= ?)
             and c.active = 1
           order by o.id limit ?"""


def last_instant(db: Database, chat_id: int) -> datetime | None:
    """When the chat was last sent an instant alert (None: never)."""
    row = db.db.execute("select max(sent_at) from outbox where chat_id = ? and kind = 'instant'"
                        " and status = 'sent'", [chat_id]).fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


def replan_held(db: Database, now: datetime) -> int:
    """After the wall clock jumped (QA27 D3): pending alerts and updates held for a later time
    are due again, so the sender asks anew whether the chat's quiet hours or the gap between
    alerts hold them, by the corrected clock (a time written under a wrong clock could hold them
    for hours). Daily digests keep their hour; pushes are never held. Returns how many."""
    with db.transaction() as tx:
        cur = tx.execute("update outbox set not_before = null where status = 'pending'"
                         " and not_before > ? and (kind = 'instant' or kind like 'update:%')",
                         [iso(now)])
    return cur.rowcount


def postpone(db: Database, ids: Sequence[int], when: datetime) -> None:
    """Pending rows wait until `when` (the sender spacing a chat's instant alerts)."""
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    with db.transaction() as tx:
        tx.execute(f"update outbox set not_before = ? where status = 'pending'"
                   f" and id in ({marks})", [iso(when), *ids])


def claim(db: Database, ids: Sequence[int], seen: Sequence[tuple[int, int]] = ()
          ) -> list[int]:
    """pending → sending (attempts + 1) for those of `ids` still pending; returns them.

    A daily-digest row whose digest the chat was already sent (`late_dailies`) is not taken: it
    moves to the chat's next digest in the same transaction (QA35 L5). `seen`: (digest row,
    items the plan read) — the items a poll added since go to the next digest
    (digests.daily_rows.split_late)."""
    if not ids:
        return []
    with db.transaction() as tx:
        if seen:
            daily_rows.split_late(tx, dict(seen))
            # a /push took some of the stories the plan read (digests.push_queue._take_item):
            # the message shows them, so their push rows go with it, sent once
            ids = [*ids, *daily_rows.taken_rows(tx, dict(seen))]
        late = late_dailies(tx, ids)
        ids = [i for i in ids if i not in late]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        claimed = [r[0] for r in tx.execute(
            f"update outbox set status = 'sending', attempts = attempts + 1"
            f" where status = 'pending' and id in ({marks}) returning id", list(ids)).fetchall()]
    return sorted(claimed)


def late_dailies(tx: sqlite_utils.Database, ids: Sequence[int]) -> set[int]:
    """Move the pending daily-digest rows of `ids` whose digest ('daily:<date>') the chat was
    already sent, or is being sent, to the chat's next digest; returns their ids.

    QA35 L5: a poll that started before a chat's digest hour queues its rows for that day's
    digest (its clock is the poll's start) but commits them after the digest was claimed, or
    between the sender's read of the due rows and its claim; they were then sent as a second
    message under the same date. Checked here, in the claim's transaction, every such row is
    caught whichever way the two interleave: at most one digest per chat per date."""
    marks = ",".join("?" * len(ids))
    rows = tx.execute(
        f"""select o.id, o.chat_id, o.kind, o.not_before, o.items from outbox o
            where o.id in ({marks}) and o.status = 'pending' and o.kind like 'daily:%'
              and o.not_before is not null
              and exists (select 1 from outbox s where s.chat_id = o.chat_id
                          and s.kind = o.kind and s.status in ('sent', 'sending')
                          and s.id not in ({marks}))""", [*ids, *ids]).fetchall()
    moved: set[int] = set()
    for row_id, chat_id, kind, not_before, items in rows:
        if items is not None:  # a digest row: its items join the next digest's row
            daily_rows.split_late(tx, {row_id: 0})
            tx.execute("delete from outbox where id = ?", [row_id])
            moved.add(row_id)
            continue
        chat = next(iter(tx.query(
            "select id, daily_hour, time_zone, utc_offset_minutes, quiet_start, quiet_end"
            " from chats where id = ?", [chat_id])), None)
        if chat is None:
            continue
        # the digest after the one already sent (at its hour, quiet or not: QA47 Z1)
        new_kind, when = next_daily(datetime.fromisoformat(not_before) + timedelta(minutes=1),
                                    chat)
        if new_kind == kind:
            continue
        cur = tx.execute("update or ignore outbox set kind = ?, not_before = ? where id = ?"
                         " and status = 'pending'",
                         [new_kind, iso(when), row_id])
        if not cur.rowcount:  # the chat has the story there already: not twice, nor stuck
            tx.execute("update outbox set status = 'skipped', last_error = ? where id = ?",
                       ["its daily digest was sent already; the next one has it", row_id])
        moved.add(row_id)
        log.info("daily row queued after its digest went moved to the next chat=%s row=%s "
                 "kind=%s to=%s", chat_id, row_id, kind, new_kind)
    return moved


def finish(db: Database, ids: Sequence[int], status: str, now: datetime,
           error: str | None = None) -> None:
    """sending → sent / failed / skipped, with the time and the reason (`sent_at` is the time
    of the outcome, whichever it is)."""
    if not ids:
        return
    assert status in TERMINAL
    marks = ",".join("?" * len(ids))
    # A success keeps the last transient error: it tells why a row took several attempts —
    # except a 429's, which is Telegram pacing the bot, not a trouble of the row (QA53 S4: the
    # 3,938 rows delivered through a 429 storm read as problems to anyone querying last_error).
    dropped = RETRY_AFTER_ERROR + "%" if status == "sent" else None  # like NULL: never
    with db.transaction() as tx:
        tx.execute(f"update outbox set status = ?, sent_at = ?,"
                   f" last_error = coalesce(?, case when last_error like ? then null"
                   f" else last_error end) where id in ({marks})",
                   [status, iso(now), error, dropped, *ids])


def retry_later(db: Database, ids: Sequence[int], when: datetime, error: str, *,
                refund_attempt: bool = False) -> None:
    """sending → pending, not before `when` (a transient failure). `refund_attempt`: the
    message surely never left, so the attempt does not count. An `error` of MAYBE_SENT marks
    the rows `maybe_sent` (kept through the later tries)."""
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    maybe = [v for pattern in MAYBE_SENT for v in (error, pattern)]
    with db.transaction() as tx:
        tx.execute(f"update outbox set status = 'pending', not_before = ?, last_error = ?,"
                   f" attempts = attempts - ?,"
                   f" maybe_sent = case when {_MAYBE_ERROR} then 1 else maybe_sent end"
                   f" where id in ({marks})",
                   [iso(when), error, int(refund_attempt), *maybe, *ids])


def recover_in_flight(db: Database) -> int:
    """After a crash: rows left 'sending' go back to 'pending' (at-least-once). Returns how many."""
    with db.transaction() as tx:
        cur = tx.execute("update outbox set status = 'pending', maybe_sent = 1,"
                         " last_error = 'interrupted while sending (re-sent after restart)'"
                         " where status = 'sending'")
    if cur.rowcount:
        log.warning("outbox recovered rows=%d (re-sent: the crash may have delivered them)",
                    cur.rowcount)
    return cur.rowcount


def deactivate_chat(db: Database, chat_id: int, reason: str, now: datetime) -> int:
    """The chat blocked us / was deactivated / removed us: stop delivering; its pending rows are
    skipped with the reason. Returns how many rows were skipped."""
    with db.transaction() as tx:
        tx.execute("update chats set active = 0, deactivated_at = ?, deactivated_reason = ?"
                   " where id = ?", [iso(now), reason[:200], chat_id])
        cur = tx.execute("update outbox set status = 'skipped', last_error = ?, sent_at = ?"
                         " where chat_id = ? and status in ('pending', 'sending')",
                         [reason[:200], iso(now), chat_id])
    log.info("chat deactivated chat=%s reason=%s skipped=%d", chat_id, reason, cur.rowcount)
    return cur.rowcount


def rows_of_chat(db: Database, ids: Sequence[int], chat_id: int) -> list[int]:
    """Those of the rows `ids` that are still queued or on their way for `chat_id` (after
    `move_chat` dropped the ones the new chat already had)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return [r[0] for r in db.db.execute(
        f"select id from outbox where id in ({marks}) and chat_id = ?"
        f" and status in ('pending', 'sending') order by id", [*ids, chat_id])]


# What a group chose, carried to the supergroup it became when the supergroup already has a row
# (a member wrote there before the bot learnt of the move, or the move was learnt from a send's
# 400): the supergroup's own row holds only what a first message gives, the defaults.
CHOSEN = ("mode", "daily_hour", "utc_offset_minutes", "time_zone", "quiet_start", "quiet_end")


def move_chat(db: Database, old_id: int, new_id: int) -> None:
    """A group became a supergroup: the chat, its subscriptions and its outbox rows take the new
    id (rows the new id already has for a story are dropped, so nothing is sent twice), and the
    chat is a 'supergroup' from then on (Telegram migrates a group only into a supergroup).

    When the supergroup already has a row, the group's choices (CHOSEN, and its language unless
    the supergroup chose one) are carried into it, as the move of the whole row does (QA31 G3:
    the language and alert mode were lost), and its muted sources. Moving a chat already moved
    changes nothing."""
    with db.transaction() as tx:
        if tx.execute("select 1 from chats where id = ?", [old_id]).fetchone() is None:
            pass  # moved already (the service messages of both chats, a send's 400)
        elif tx.execute("select 1 from chats where id = ?", [new_id]).fetchone() is None:
            # on update cascade carries subscriptions and outbox rows along
            tx.execute("update chats set id = ?, type = 'supergroup' where id = ?",
                       [new_id, old_id])
        else:
            columns = ", ".join(CHOSEN)
            tx.execute(f"""update chats set ({columns}, language) =
                           (select {columns}, coalesce(chats.language, old.language)
                              from chats as old where old.id = ?)
                           where id = ?""", [old_id, new_id])
            tx.execute("update or ignore subscriptions set chat_id = ? where chat_id = ?",
                       [new_id, old_id])
            daily_item_changes.move_rows(tx, old_id, new_id)  # a daily digest's rows: their items
            tx.execute("""update outbox set chat_id = ? where chat_id = ? and story_id not in
                          (select story_id from outbox_stories where chat_id = ?)""",
                       [new_id, old_id, new_id])
            tx.execute("delete from chats where id = ?", [old_id])
            tx.execute("update chats set type = 'supergroup' where id = ? and type = 'group'",
                       [new_id])
        # its muted sources (no foreign key carries them: X61, digests.reader_sources)
        move_mutes(tx, old_id, new_id)
    log.info("chat migrated old=%s new=%s", old_id, new_id)
