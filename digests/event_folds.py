"""One event, one message: a new story's alert folded into what the chat already got (X140).

The story index keeps one event in several stories (QA79-1: Afrin's fall as 4 stories, 4
alerts in 5 h; QA79-3: Putin's win in two; QA79-9: the same displacement news twice in an
hour), and stories are never merged. So at delivery, as a search page does (digests.
search_events), a NEW story's row (an instant alert, a daily digest's item) is compared with
the stories its chat was sent in the last FOLD_WINDOW and with the rows going before it in the
same bundle; when the search page's event-fold decision (search_events.one_event: the story
step's pair model, USE inside the words' band, at USE_FOLD_PROBABILITY 0.9 — CV pooled
precision 0.976, recall 0.542, benchmarks/search_events.py --cv-use) judges its report one
event with one of the other story's reports (its sent or queued report and up to MEMBERS − 1
of that story's other reports stored by now), the row is not sent as a separate new story:

- it comes as «🔄 تحديث» of the event (shown as its own report, not the story's face) when it
  brings something new beside what the chat read of the other story — the update rules'
  test (digests.story_outcomes.new_outcome: a result, a score, a changed or higher toll);
- otherwise it is recorded skipped as a repeat (story_updates.REPEAT_REASON, counted by
  /stats with the updates skipped as repeats).

Only the row's own report is compared with the other story's reports (not the new story's
other reports too): the decision's measured precision is per pair, and every extra pair asked
is another chance of a wrong fold — a wrong fold hides news. No new threshold is introduced.

Reports without a stored story vector (an older archive, a report the story step did not
embed) are never folded. Cost: a chat's sent reports of 48 h and their story mates are read
once per pass (stored vectors: no text is embedded at send time); a pair costs ~1 ms.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils

from digests import story_model
from digests.models import iso
from digests.search_events import MEMBERS, Report, one_event, stored_reports
from digests.storage import Database

log = logging.getLogger(__name__)

FOLD_WINDOW = timedelta(hours=48)  # what the chat was sent this recently counts (as repeats)


@dataclass(frozen=True)
class NewRow:
    """A new story's row (or daily digest item) about to be sent: `key` is the sender's
    (row id, item place) and `order` its place among the chat's rows of the bundle."""

    key: tuple[int, int]
    chat_id: int
    article_id: int
    story_id: int


@dataclass(frozen=True)
class Fold:
    """A row judged one event with `other` (an article of another story the chat was sent or
    goes before it in the bundle): `update` when it brings something new (sent as «🔄 تحديث»),
    else skipped as a repeat."""

    key: tuple[int, int]
    chat_id: int
    article_id: int
    other: int
    update: bool


def fold_rows(db: sqlite_utils.Database, rows: Sequence[NewRow], now: datetime,
              updates: Mapping[int, Sequence[tuple[int, int]]] | None = None) -> list[Fold]:
    """The folds among `rows` (new stories' rows of any chats, in each chat's bundle order):
    each row is compared with the stories its chat was sent in the FOLD_WINDOW before `now`,
    the updates going with it (`updates`: chat → (article, story) of its bundle's «🔄 تحديث»
    rows: QA79-10's update and new report of one event in one message), then with the rows
    of its chat kept before it in `rows` (a row folded is not compared with later ones: the
    event is told once)."""
    by_chat: dict[int, list[NewRow]] = {}
    for r in rows:
        by_chat.setdefault(r.chat_id, []).append(r)
    if not by_chat:
        return []
    sent = _sent(db, sorted(by_chat), now)
    reports: dict[int, Report] = {}
    mates: dict[tuple[int, int], list[int]] = {}
    folds: list[Fold] = []
    for chat_id, rs in by_chat.items():
        # (article the chat was sent or gets first, its story), the newest sent first
        before: list[tuple[int, int]] = [*sent.get(chat_id, ()),
                                         *(updates or {}).get(chat_id, ())]
        for r in rs:
            family = _family(db, r.story_id)
            mine = _reports(db, [r.article_id], reports).get(r.article_id)
            hit = None
            if mine is not None:
                for other, story in before:
                    if story in family:
                        continue
                    if (other, story) not in mates:
                        mates[(other, story)] = _mates(db, other, story, now)
                    theirs = _reports(db, mates[(other, story)], reports)
                    own = theirs.get(other)
                    if own is None or not _near(own, mine):
                        continue
                    if any(one_event(mine, t) for t in theirs.values()):
                        hit = (other, story)
                        break
            if hit is None:
                before.append((r.article_id, r.story_id))
                continue
            folds.append(Fold(r.key, chat_id, r.article_id, hit[0],
                              _brings_new(db, chat_id, r.article_id, hit[0], hit[1])))
    if folds:
        log.info("new stories folded into one event the chat had rows=%d as_updates=%d",
                 len(folds), sum(f.update for f in folds))
    return folds


def _sent(db: sqlite_utils.Database, chats: list[int], now: datetime
          ) -> dict[int, list[tuple[int, int]]]:
    """By chat, the (article, story) it was sent in the FOLD_WINDOW before `now`, newest
    first, one line an article (rows and daily digest items alike: outbox_stories)."""
    marks = ",".join("?" * len(chats))
    out: dict[int, list[tuple[int, int]]] = {}
    for chat_id, article, story in db.execute(
            f"""select chat_id, article_id, story_id from outbox_stories
                where chat_id in ({marks}) and status = 'sent' and sent_at >= ?
                  and sent_at <= ? and article_id is not null
                order by sent_at desc""",
            [*chats, iso(now - FOLD_WINDOW), iso(now)]).fetchall():
        pair = (int(article), int(story))
        if pair not in out.setdefault(int(chat_id), []):
            out[int(chat_id)].append(pair)
    return out


def _near(a: Report, b: Report) -> bool:
    """Whether two reports are within the story window (as a search page's fold)."""
    return abs((a.when - b.when).total_seconds()) <= story_model.WINDOW_HOURS * 3600


def _family(db: sqlite_utils.Database, story: int) -> set[int]:
    """A story's ids: itself and the stories merged into it or with it (digests.story_merges)."""
    ids = {story}
    for a, b in db.execute("select merged_id, into_id from story_merges where merged_id = ?"
                           " or into_id = ?", [story, story]).fetchall():
        ids.update((int(a), int(b)))
    return ids


def _mates(db: sqlite_utils.Database, article: int, story: int, now: datetime) -> list[int]:
    """`article` and up to MEMBERS − 1 other reports of its story stored by `now`, the newest
    first: the story a report joined is as much the event as the report (search_events)."""
    if story < 0:
        return [article]
    others = [int(r[0]) for r in db.execute(
        """select id from articles where story_id = ? and id != ? and fetched_at <= ?
           order by coalesce(published_at, fetched_at) desc, id desc limit ?""",
        [story, article, iso(now), MEMBERS - 1]).fetchall()]
    return [article, *others]


def _reports(db: sqlite_utils.Database, ids: list[int], memo: dict[int, Report]
             ) -> dict[int, Report]:
    """The stored `Report`s of `ids` (search_events.stored_reports), read once a pass."""
    missing = [i for i in ids if i not in memo]
    if missing:
        memo.update(stored_reports(db, missing))
    return {i: memo[i] for i in ids if i in memo}


def _brings_new(db: sqlite_utils.Database, chat_id: int, article: int, other: int,
                story: int) -> bool:
    """Whether `article` gives a result or a changed figure (a toll) that what the chat read of
    `story` (its sent headlines and leads; `other` when it is only queued before it in the
    bundle) did not: the update rules' test (digests.story_updates._new_outcome)."""
    from digests.story_figures import lead_sentence
    from digests.story_outcomes import new_outcome  # late: they build on the analysis modules
    from digests.story_updates import sent_headlines

    def text(aid: int) -> tuple[str, str]:
        row = db.execute("select coalesce(nullif(headline, ''), title, ''),"
                         " coalesce(nullif(body, ''), summary, '') from articles where id = ?",
                         [aid]).fetchone()
        return (str(row[0]), str(row[1] or "")) if row else ("", "")

    title, body = text(article)
    heads = sent_headlines(db, chat_id, story) or [text(other)[0]]
    leads = [lead_sentence(text(other)[1])]
    return new_outcome(heads, title, lead=lead_sentence(body), sent_leads=leads)


def skip_folded(db: Database, keys: Sequence[tuple[int, int]], now: datetime) -> int:
    """Record the folded rows and daily digest items (row, place ≥ 0) still pending skipped as
    repeats (story_updates.REPEAT_REASON: /stats counts them with the updates skipped as
    repeats). A row's later reports of its story come as updates (story_updates.FOLDED).
    Returns how many were."""
    from digests.outbox_skips import skip_rows_and_items  # late: the outbox builds on these
    from digests.story_updates import REPEAT_REASON

    # stamped `now`: the chat had the event then (story_updates.FOLDED: later reports of the
    # story come as its updates)
    n = skip_rows_and_items(db, [k[0] for k in keys if k[1] < 0],
                            [k for k in keys if k[1] >= 0], REPEAT_REASON, now)
    if n:
        log.info("new stories skipped as one event the chat had rows=%d", n)
    return n
