"""A story's updates: the next day's report of a story a chat was sent, and the repeats left out.

A new report of a story reaches a chat that was sent the story a day before as one update
(kind 'update:<local date>', or the chat's next daily digest), unless it says what the chat
had under another story (digests.repeats): then it is recorded skipped with REPEAT_REASON.
`update_articles` tells the sender which rows of a bundle come as an update («🔄 تحديث»).
Pure SQL, no Telegram.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from functools import partial
from typing import Any

import sqlite_utils

from digests import daily_holders, daily_rows
from digests.delivery_times import after_quiet, chat_zone, next_daily
from digests.earlier_headlines import SHOWN
from digests.models import Article, iso, parse_iso
from digests.story_fronts import front_chats

log = logging.getLogger("digests.outbox")  # the outbox's log, wherever its SQL lives

# A new report of a story reaches a chat as an update (`queue_updates`, QA18 R10) when the chat
# was last sent the story this long before: the next day's news, not the same day's second source
# — or sooner when it gives a result or a changed figure the chat's headlines did not (QA34 R1).
UPDATE_AFTER = timedelta(hours=18)
# A story's update not sent: the chat had the same news from another story (`queue_updates`)
REPEAT_REASON = "يكرر خبرًا وصل المحادثة من قصة أخرى / repeats news the chat had from another story"
# An instant alert of a new story skipped as an event the chat had under another story
# (digests.event_folds, X140), stamped with when it was decided: the chat has the event, so
# the story's later reports come as its updates (`queue_updates`), judged against what the
# folded report said (`sent_headlines`) — the fold must not keep the story's outcome away.
# Updates skipped as repeats have 'update:' kinds, so the two never meet.
FOLDED = f"(o.status = 'skipped' and o.kind = 'instant' and o.last_error = '{REPEAT_REASON}')"

# An outbox row `o` of a story or of a story merged into it (digests.story_merges): the chats'
# finished rows keep the id they were queued under, only the articles move (two ?: the story's
# id twice). Every question about what a chat had of a story asks with it.
IN_STORY = ("(o.story_id = ? or o.story_id in"
            " (select merged_id from story_merges where into_id = ?))")
# The ids of row `o`'s story family in a correlated subquery, whichever of them `o` has:
# the surviving id, the ids merged into it, itself (story_merges is kept flat: one step each).
_FAMILY_OF_O = """(select o.story_id
    union select into_id from story_merges where merged_id = o.story_id
    union select merged_id from story_merges where into_id = o.story_id
    union select s.merged_id from story_merges m join story_merges s on s.into_id = m.into_id
          where m.merged_id = o.story_id)"""
# an update's outbox row: (chat_id, story_id, article_id, kind, not_before, created_at)
UpdateRow = tuple[int, int, int, str, str | None, str | None]


def queue_updates(db: sqlite_utils.Database, article: Article, story: int,
                   chats: dict[int, dict[str, Any]], now: datetime,
                   said: list[Callable[[], None]] | None = None) -> int:
    """Queue `article`, a new report of `story`, as an update for the chats (those its alert
    test or the general digest chose) that were sent the story UPDATE_AFTER or longer ago, or
    were sent a report published UPDATE_AFTER or longer before this one, and have nothing of it
    waiting (QA18 R10: a source's next-day market report joined yesterday's
    story, and the oil follower never saw it). The row's kind is 'update:<the chat's local
    date>' for an instant chat (unique per chat, story and kind: one update a day) and the next
    daily digest's kind for a daily chat; none for a report published before the last delivery
    (unless newer than the report delivered and telling a new outcome, QA74-14) or one the chat
    already has a row for. A newer report of a one-site story whose headline names a place none
    of the chat's headlines of it named is news of another front, an update the same day too
    (digests.story_fronts, X126, QA71-5). An update that says what the chat was sent in the last
    48 h under another story (digests.repeats, QA19 N3) is recorded 'skipped' with
    REPEAT_REASON instead (its row also keeps that day's update of the story from coming).
    Returns how many were queued. Its log lines go to `said` when given: the caller logs them
    once its transaction commits (QA22 U9)."""
    if story < 0:
        return 0
    published = article.published_at or now
    # a same-day report is an update only if it may give an outcome: read once, not per chat
    from digests.story_figures import lead_sentence
    from digests.story_outcomes import may_give_outcome  # late: only a story's report asks

    lead = lead_sentence(article.text)  # a toll given in the lead only (QA71-2)
    may_tell = may_give_outcome(article.title, lead)
    rows: list[UpdateRow] = []
    # What each chat had of the story, read once for the story's rows (indexed by story), not
    # once a chat: a second report of a story queued a minute ago asked 12,000 followers one
    # query each (QA72-4). A chat with no row of it was never sent it: no update.
    had = {row[0]: row[1:] for row in db.execute(
        f"""select o.chat_id, max(case when o.status = 'sent' or {FOLDED} then o.sent_at end),
                  max(case when o.status = 'sent' or {FOLDED}
                           then coalesce(a.published_at, a.fetched_at) end),
                  coalesce(sum(o.status in ('pending', 'sending')), 0),
                  coalesce(sum(o.article_id = ?), 0)
           from outbox o left join articles a on a.id = o.article_id
           where {IN_STORY} group by o.chat_id""",
        [article.id, story, story])}
    fronts: set[int] | None = None  # read once, for the first chat that asks
    _items_had(db, had, article.id, story)  # a daily digest's items of the story (X122)
    for chat_id, chat in sorted(chats.items()):
        if chat_id not in had:
            continue
        last, seen, waiting, same = had[chat_id]
        if not last or waiting or same:
            continue
        sent, shown = parse_iso(last), parse_iso(seen)
        assert sent is not None
        # a day after the delivery, or a day after the report it delivered (held by quiet
        # hours or a daily digest: «النفط يغلق» of 01:16 seen at 07:00, «النفط يرتفع» at 22:21)
        later_day = now - sent >= UPDATE_AFTER or (
            shown is not None and published - shown >= UPDATE_AFTER)
        # A report published before the delivery was no update (the chat's bundle came after
        # it), unless it is newer than the report the chat read and tells something new: a toll
        # of 27 published 25 s before the «12 dead» of 10 minutes earlier went out, fetched at
        # the next poll, never reached the chat (QA74-14). Such a report needs a new outcome,
        # new also beside every report stored by the delivery (any may have been its face).
        newer = published > sent
        if not newer and (shown is None or published <= shown):
            continue
        if (not later_day or not newer) and not (
                may_tell and _new_outcome(db, article, chat_id, story, lead)):
            # news of another front of a one-site story (X126, QA71-5: digests.story_fronts)
            if fronts is None:
                fronts = front_chats(db, _headline(db, article), story, set(chats) & set(had))
            if not newer or chat_id not in fronts:
                continue
        if not newer and not _new_since(db, article, story, sent, lead):
            continue
        day = now.astimezone(chat_zone(chat)).date().isoformat()
        rows.append(update_row(chat_id, chat, story, article.id, f"update:{day}", now))
    if not rows:
        return 0
    n, repeats = insert_updates(db, article, article.title, story, rows, now)
    lines: list[Callable[[], None]] = []
    if repeats:
        lines.append(partial(log.info, "story updates skipped as repeats article=%s story=%s"
                             " chats=%d", article.id, story, repeats))
    if n:
        lines.append(partial(log.info, "story updates queued article=%s story=%s rows=%d",
                             article.id, story, n))
    if said is None:
        for line in lines:
            line()
    else:
        said.extend(lines)
    return n


def _headline(db: sqlite_utils.Database, article: Article) -> str:
    """The report's digest headline as the chat will be shown it (stored by the digest step,
    which runs before the deliveries; its title when none): read as the chat's side is, by
    the headlines shown (X129, REV s26 #2: «عاجل: …», a site's suffix, a lead for a bare site
    name)."""
    row = db.execute("select nullif(headline, '') from articles where id = ?",
                     [article.id]).fetchone()
    return str(row[0]) if row and row[0] else article.title


def _items_had(db: sqlite_utils.Database, had: dict[int, tuple[Any, ...]], article_id: int,
               story: int) -> None:
    """Add to `had` (chat → last sent, its report's time, waiting, same article) what the
    chats' daily digest rows hold of the story as items (digests.daily_rows), as the story's
    own rows count in `queue_updates`."""
    found = daily_holders.holders(db, daily_rows.family(db, [story]))
    if not found:
        return
    arts = sorted({int(r[5]) for r in found if r[5] is not None})
    marks = ",".join("?" * len(arts))
    times = {int(r[0]): r[1] for r in db.execute(
        f"select id, coalesce(published_at, fetched_at) from articles where id in ({marks})",
        arts)} if arts else {}
    for _row, chat_id, status, sent_at, _story, art, reason in found:
        last, seen, waiting, same = had.get(chat_id, (None, None, 0, 0))
        if reason is None and status == "sent":
            last = max(filter(None, [last, sent_at]), default=None)
            seen = max(filter(None, [seen, times.get(int(art))]), default=None)
        if reason is None and status in ("pending", "sending"):
            waiting += 1
        if art is not None and int(art) == article_id:
            same += 1
        had[chat_id] = (last, seen, waiting, same)


def update_row(chat_id: int, chat: dict[str, Any], story: int, article_id: int,
               instant_kind: str, now: datetime) -> UpdateRow:
    """The outbox row of an update for one chat (a story's, a correction's): a daily chat's
    at its next digest, under the digest's kind; an instant chat's under `instant_kind` now,
    or when its quiet hours end (a daily digest comes at its hour: QA47 Z1). Its not_before
    only when later than `now`. One helper for both kinds of update (QA73-11)."""
    if chat["mode"] == "daily":
        kind, when = next_daily(now, chat)
    else:
        kind, when = instant_kind, after_quiet(now, chat)
    return (chat_id, story, article_id, kind, iso(when) if when > now else None, iso(now))


def insert_updates(db: sqlite_utils.Database, article: Article, title: str, story: int,
                   rows: list[UpdateRow], now: datetime) -> tuple[int, int]:
    """Queue the update rows `rows` of `article` (read under `title`), in the caller's
    transaction: a chat's row that says what the chat was sent under another story in the last
    48 h (one event split across stories, digests.repeats, QA19 N3) is recorded 'skipped' with
    REPEAT_REASON instead. For `queue_updates` and digests.correction_updates alike. Returns
    (rows queued, chats skipped as repeats)."""
    from digests.repeats import repeated_chats, report  # late: it builds on the story analysis

    repeats = repeated_chats(db, article.id, report(title, article.text,
                                                    article.published_at or now),
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
    return n, len(repeats)


def _new_outcome(db: sqlite_utils.Database, article: Article, chat_id: int, story: int,
                 lead: str) -> bool:
    """Whether the report gives a result or a changed figure the headlines the chat was sent of
    the story did not (digests.story_outcomes, QA34 R1: the preview came, the score never did),
    or its `lead` a higher toll than those reports' headlines and leads (QA71-2): such a report
    is an update the same day too. What the chat was shown (X124): a report corrected in place
    after the send counts by its headline then (`sent_headlines`), without its lead."""
    from digests.story_figures import lead_sentence
    from digests.story_outcomes import new_outcome  # late, as may_give_outcome

    # a report corrected in place after its send: its lead then is not known (stored over)
    leads = [lead_sentence(str(r[0] or "")) for r in db.execute(
        f"""select case when {SHOWN} is not null then ''
                        else coalesce(nullif(a.body, ''), a.summary) end
            from outbox_stories o join articles a on a.id = o.article_id
            where o.chat_id = ? and o.status = 'sent' and {IN_STORY}""",
        [chat_id, story, story]).fetchall()] if lead else []
    return new_outcome(sent_headlines(db, chat_id, story), article.title, lead=lead,
                       sent_leads=leads)


def _new_since(db: sqlite_utils.Database, article: Article, story: int, sent: datetime,
               lead: str) -> bool:
    """Whether the report gives an outcome none of the story's reports stored by `sent` (a
    delivery) gave in headline or lead: the bundle shows a story under its face, any of them
    (digests.story_face), so a late-fetched retelling of the face's toll is no update."""
    from digests.story_figures import lead_sentence
    from digests.story_outcomes import new_outcome  # late, as may_give_outcome

    stored = db.execute(
        """select coalesce(nullif(a.headline, ''), a.title, ''),
                  coalesce(nullif(a.body, ''), a.summary, '')
           from articles a where a.id != ? and a.fetched_at <= ? and (a.story_id = ? or
                 a.story_id in (select merged_id from story_merges where into_id = ?))""",
        [article.id, iso(sent), story, story]).fetchall()
    return new_outcome([str(r[0]) for r in stored], article.title, lead=lead,
                       sent_leads=[lead_sentence(str(r[1])) for r in stored])


def sent_headlines(db: sqlite_utils.Database, chat_id: int, story: int,
                   besides: int | None = None) -> list[str]:
    """The headlines of `story`'s reports (merged halves included) the chat was sent, but
    article `besides`: what it read of the story, for digests.story_outcomes.new_outcome. Each
    as its row showed it (X124): a report its site corrected in place after the send by the
    headline shown then (digests.earlier_headlines.SHOWN), not the one stored over it. A
    report folded into an event the chat had (FOLDED) counts as read: the event was."""
    return [str(r[0] or "") for r in db.execute(
        f"""select coalesce({SHOWN}, nullif(a.headline, ''), a.title) from outbox_stories o
            join articles a on a.id = o.article_id
            where o.chat_id = ? and (o.status = 'sent' or {FOLDED}) and {IN_STORY}
              and (? is null or o.article_id != ?)""",
        [chat_id, story, story, besides, besides]).fetchall()]


def repeats_skipped(db: sqlite_utils.Database, since: datetime) -> int:
    """Updates recorded skipped since `since` because they repeated what the chat had (N3)."""
    return int(db.execute("select count(*) from outbox where status = 'skipped'"
                          " and last_error = ? and created_at >= ?",
                          [REPEAT_REASON, iso(since)]).fetchone()[0])


def revised_articles(db: sqlite_utils.Database, row_ids: Iterable[int]) -> set[int]:
    """The articles of these outbox rows their chat was sent before: a report corrected in
    place and queued again (digests.correction_updates, the only queue that gives a chat the
    same article twice), shown «🔄 تعديل» (X84)."""
    return _articles_sent_before(db, row_ids, "p.article_id = o.article_id")


def _articles_sent_before(db: sqlite_utils.Database, row_ids: Iterable[int], same: str) -> set[int]:
    """The articles of these outbox rows whose chat has another row sent that `same` (an SQL
    condition on the sent row p and the queued row o) ties to it."""
    ids = list(row_ids)
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    # the same asked of a sent daily digest's items (digests.daily_rows): its row `d`'s time,
    # the item's story and article
    items = (same.replace("p.story_id", "json_extract(j.value, '$[0]')")
             .replace("p.article_id", "json_extract(j.value, '$[1]')")
             .replace("p.sent_at", "d.sent_at"))
    return {int(r[0]) for r in db.execute(
        f"""select o.article_id from outbox o where o.id in ({marks}) and o.article_id is not null
              and (exists (select 1 from outbox p where p.chat_id = o.chat_id and p.id != o.id
                           and {same} and p.status = 'sent')
                   or exists (select 1 from outbox d, json_each(d.items) j
                              where d.chat_id = o.chat_id and d.story_id = 0
                                and d.status = 'sent' and json_extract(j.value, '$[2]') is null
                                and {items}))""",
        ids)}


def update_articles(db: sqlite_utils.Database, row_ids: Iterable[int]) -> set[int]:
    """The articles of these outbox rows that come as an update: the row's chat was sent the
    story before (only `queue_updates` and digests.correction_updates give a chat a second row
    of a story it was sent), under any id of the story's merge family: a row queued after a
    merge has the surviving id, the chat's sent row may keep a merged one (X67)."""
    return _articles_sent_before(
        db, row_ids, f"p.story_id in {_FAMILY_OF_O}"
                     " and coalesce(p.sent_at, '') < coalesce(o.sent_at, '9')")
