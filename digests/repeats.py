"""Whether a story's update repeats news a chat already had from another story (QA19 N3).

One event is sometimes split across stories (the story index keeps apart two reports a day
apart that it could not tie: QA19 saw Ivanka Trump's visit to Seoul three times). A later
report of one of them comes to a chat as «🔄 تحديث» (digests.story_updates.queue_updates) though the
chat was sent the same news under the other story. `repeated_chats` names the chats for which
an update article repeats a report of ANOTHER story they were sent in the last REPEAT_WINDOW;
the outbox records those updates as skipped (REPEAT_REASON) instead of queuing them. The chat
can be sent the other story after that (an update held by quiet hours or waiting for a daily
digest, the other story pushed or sent meanwhile): the sender asks again, for the update rows it
is about to send (`repeating_rows`, bot.sender), and records those skipped (`skip_repeats`).

"Says the same" (`says_same`, pure): the leads (headline + first sentence, digests.leads)
have a cosine of at least LEAD_MIN with no reaction, speaker or weekday gap between them, or the
story model's probability (digests.story_model, the words' pair model) is at least MODEL_MIN —
a pair the model refused only by its time-scaled bar. Measured on the development story pairs
the model keeps apart (benchmarks/update_repeats.py): the lead cosine alone at 0.40 catches 14
of 112 gold-same pairs and hides 19 of 832 gold-different ones; the model's probability alone at
0.60 catches 19 and hides 4; the two together catch 24 and hide 7 (precision 0.77) — the gold's
different pairs are hard negatives, near the bar by construction.

Cost: the update's lead and vector once; each distinct sent report of the window once — its
stored whole-text vector first (story_vectors), analyzed (lead, vector: ~1–4 ms) only when that
cosine reaches SIM_FLOOR; the last 512 stored reports analyzed are kept (the sender asks about
the same sent reports for each update of a chat). Only chats that get an update are asked (a
report a day or more after the delivery of its story). At send time, about 5–15 ms an update
row (benchmarks/update_recheck.py, a 4-topic reader's 48 h of ~65 reports and a 200-report one).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

import sqlite_utils

from digests import story_model
from digests.earlier_headlines import SHOWN
from digests.leads import Lead, compare_leads, lead_of
from digests.models import iso, parse_iso
from digests.outbox_skips import skip_rows
from digests.similarity import (
    StoryVector,
    pair_features,
    similarity,
    similarity_to_blob,
    story_vector,
)
from digests.story_figures import lead_sentence, new_lead_figure, tolls
from digests.storage import Database

log = logging.getLogger(__name__)

REPEAT_WINDOW = timedelta(hours=48)  # what the chat was sent this recently counts
LEAD_MIN = 0.40   # lead cosine that says the same, when no gap tells two events apart
MODEL_MIN = 0.60  # story-model probability that says the same whatever the time between
SIM_FLOOR = 0.10  # whole-text cosine below which a sent report is not analyzed (cost)


@dataclass(frozen=True)
class Report:
    """What is compared of one article: its lead, its whole-text vector, its time."""

    lead: Lead
    vector: StoryVector
    published: datetime | None
    # the headline's and lead's tolls of the dead (digests.story_figures.tolls): an update
    # whose toll of its own story rose is no repeat of another story (QA74-15)
    dead: frozenset[float] = frozenset()
    top: str = ""  # the headline and first sentence, for a chat's own story's toll


def report(title: str, text: str, published: datetime | None) -> Report:
    """The `Report` of an article (analyzes its headline, first sentence and text)."""
    top = f"{title}؛ {lead_sentence(text)}"  # «؛»: the headline a clause of its own
    return Report(lead_of(title, text, published), story_vector(title, text), published,
                  frozenset(tolls(top).get("dead", ())), top)


def says_same(a: Report, b: Report) -> bool:
    """Whether two reports of different stories tell the same news (see the module). Not
    told apart by their tolls here: «both give a toll of the dead, none the same» lost 2 of
    59 repeats caught on the development pairs and spared no update (X118); a chat's own
    story's rising toll is kept by `repeated_chats` instead."""
    evidence = compare_leads(a.lead, b.lead)
    gap = evidence.reaction_gap or evidence.speaker_gap or evidence.day_gap
    if evidence.similarity >= LEAD_MIN and not gap:
        return True
    hours = abs((a.published - b.published).total_seconds()) / 3600 \
        if a.published and b.published else 0.0
    values = pair_features(similarity(a.vector, b.vector), hours, evidence)
    return story_model.probability(values) >= MODEL_MIN


def repeated_chats(db: sqlite_utils.Database, article_id: int, update: Report, story: int,
                   chat_ids: Iterable[int], now: datetime) -> dict[int, int]:
    """The chats among `chat_ids` that were sent, in the REPEAT_WINDOW before `now`, a report
    of another story than `story` (or one merged into it) saying the same as `update` (the
    report `article_id`): chat → that sent article. Each distinct sent report is judged once;
    one whose stored whole-text vector (story_vectors) is below SIM_FLOOR of the update's is
    not analyzed further (every pair the rule takes on the development pairs is above 0.14).
    A chat whose own story's toll the update raises is not among them (`_rising_toll`)."""
    chats = sorted(set(chat_ids))
    if not chats:
        return {}
    marks = ",".join("?" * len(chats))
    sent = db.execute(
        f"""select o.chat_id, o.article_id from outbox_stories o
            where o.chat_id in ({marks}) and o.status = 'sent' and o.sent_at >= ?
              and o.article_id is not null and o.article_id != ? and o.story_id != ?
              and o.story_id not in (select merged_id from story_merges where into_id = ?)
            order by o.sent_at desc""",
        [*chats, iso(now - REPEAT_WINDOW), article_id, story, story]).fetchall()
    same: dict[int, bool] = {}
    found: dict[int, int] = {}
    for chat_id, other in sent:
        chat_id, other = int(chat_id), int(other)
        if chat_id in found:
            continue
        if other not in same:
            same[other] = _same_as(db, update, other)
        if same[other] and not _rising_toll(db, chat_id, story, update, other):
            found[chat_id] = other
    if found:
        log.info("story updates repeat what chats had article=%s chats=%d", article_id,
                 len(found))
    return found


def _rising_toll(db: sqlite_utils.Database, chat_id: int, story: int, update: Report,
                 other: int) -> bool:
    """Whether `update` gives a toll of the dead higher than every one the chat read of its
    own `story` (headlines and leads sent, merged halves included), a figure the `other`
    story's report the chat had did not give: the story's news, whatever else the other report
    said (QA74-15: Afrin's 5 → 18 dead is no repeat). A first figure of a story the chat had
    none of is not, nor one the other report gave (one event split across two stories).

    What the chat read is what its sent rows showed (X121): a report its site corrected in
    place after the send counts by the headline shown then («مقتل 5», not the «18» stored
    over it — the correction's own «🔄 تعديل» was skipped as a repeat), without its lead;
    rows queued and not sent (pending, skipped, expired, failed) were never read."""
    if not update.dead:
        return False
    sent = stored_report(db, other)
    if sent is not None and max(update.dead) in sent.dead:
        return False
    told = [f"{title}؛ {lead_sentence(str(text or ''))}" for title, text in db.execute(
        f"""select coalesce({SHOWN}, nullif(a.headline, ''), a.title, ''),
                  case when {SHOWN} is not null then ''
                       when a.body != '' then a.body else a.summary end
           from outbox_stories o join articles a on a.id = o.article_id
           where o.chat_id = ? and o.status = 'sent' and (o.story_id = ? or o.story_id in
                 (select merged_id from story_merges where into_id = ?))""",
        [chat_id, story, story]).fetchall()]
    had = {v for t in told for v in tolls(t).get("dead", ())}
    return bool(had) and new_lead_figure(told, update.top) and max(update.dead) > max(had)


_STORED = """select coalesce(a.headline, a.title, ''),
                  case when a.body != '' then a.body else a.summary end,
                  coalesce(a.published_at, a.fetched_at), v.vector
           from articles a left join story_vectors v on v.article_id = a.id
           where a.id = ?"""


def _same_as(db: sqlite_utils.Database, update: Report, other: int) -> bool:
    """`says_same` for a stored article, cheap first: its stored vector against SIM_FLOOR."""
    row = db.execute(_STORED, [other]).fetchone()
    if row is None:
        return False
    title, text, when, blob = row
    if blob is not None and similarity_to_blob(update.vector, blob) < SIM_FLOOR:
        return False
    return says_same(update, _stored(str(title), str(text or ""), when))


@lru_cache(maxsize=512)
def _stored(title: str, text: str, when: str | None) -> Report:
    """A stored article's `Report`, kept: the sender asks about the same sent reports for every
    update due to a chat (bot.sender); a changed text is another key."""
    return report(title, text, parse_iso(when))


def stored_report(db: sqlite_utils.Database, article_id: int) -> Report | None:
    """The `Report` of a stored article (its headline, text and time); None when it is gone."""
    row = db.execute(_STORED, [article_id]).fetchone()
    if row is None:
        return None
    title, text, when, _blob = row
    return _stored(str(title), str(text or ""), when)


@dataclass(frozen=True)
class Queued:
    """An update row about to be sent: the outbox row, its chat, article and story."""

    row_id: int
    chat_id: int
    article_id: int
    story_id: int


def repeating_rows(db: sqlite_utils.Database, queued: Iterable[Queued], now: datetime,
                   alongside: Mapping[int, Sequence[tuple[int, int]]] | None = None
                   ) -> list[int]:
    """The rows among `queued` (updates about to be sent) whose article now repeats what their
    chat was sent in the REPEAT_WINDOW before `now` under another story (`repeated_chats`), or
    what goes to the chat with it (`alongside`: chat → (article, story) of the new stories of
    its bundle: the other story's own alert held by the same quiet hours comes in the same
    message; the update is the one left out).

    The outbox asks at queue time; a chat can be sent the other story after that (an update
    held for the night, a daily digest's update waiting for the digest's hour, the other
    story's own alert queued later and sent first), so the sender asks again when it takes
    the row (bot.sender). Each update article is analyzed once for all its chats."""
    by_article: dict[tuple[int, int], list[Queued]] = {}
    for q in queued:
        by_article.setdefault((q.article_id, q.story_id), []).append(q)
    out: list[int] = []
    for (article_id, story), qs in by_article.items():
        update = stored_report(db, article_id)
        if update is None:
            continue
        chats = repeated_chats(db, article_id, update, story, [q.chat_id for q in qs], now)
        same: dict[int, bool] = {}
        for q in qs:
            if q.chat_id in chats:
                out.append(q.row_id)
                continue
            for other, other_story in (alongside or {}).get(q.chat_id, ()):
                if other == article_id or other_story == story:
                    continue
                if other not in same:
                    same[other] = _same_as(db, update, other)
                if same[other] and not _rising_toll(db, q.chat_id, story, update, other):
                    out.append(q.row_id)
                    break
    return out


def skip_repeats(db: Database, row_ids: Iterable[int]) -> int:
    """Record still-pending rows skipped as repeats (REPEAT_REASON: /stats counts them with
    the ones skipped at queue time). Returns how many were."""
    from digests.story_updates import REPEAT_REASON  # late: the outbox builds on this module

    n = skip_rows(db, row_ids, REPEAT_REASON)  # no sent_at, as before
    if n:
        log.info("story updates skipped as repeats at send time rows=%d", n)
    return n
