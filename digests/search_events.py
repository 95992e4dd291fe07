"""One event once on a search page, when the story index kept its reports apart (QA68-13).

The story step joins about three quarters of the same-event pairs, so a page of stories
(digests.search_order.fold: one report a story) can list one event two or three times:
«بعد نقله للمستشفى نتنياهو يغرد …» at #4 and «نقل نتانياهو إلى المستشفى» at #5, BBC and Sky on
Sisi's win the same night at #1 and #3. Here, at search time, the page's entries are taken in
their order and each is compared with the entries kept before it by the same-story pair model
(digests.story_model, word weights: the stored story vectors and the 600-character leads the
story step's merge check reads, digests.story_assign._members_fit); an entry one of whose
story's reports on the list (at most MEMBERS) the model gives FOLD_PROBABILITY or more with
one of an earlier kept entry's, the two entries published within the story window
(story_model.WINDOW_HOURS) of each other, is folded under it: the reader sees the event once,
its other reports' sites and links with it (bot.stories.search_page). Through the stories'
other reports: «تقديرات أولية.. السيسي يتجه لتحقيق فوز ساحق» reads like Sky's «مؤشرات أولية
بفوز السيسي باكتساح» (0.91), a report of the results' story, not like the results' own
headline (0.02).

The threshold is far above the story decision (0.65): a fold that joins two events sharing a
place or a person hides one of them, so it must be rare. FOLD_PROBABILITY is chosen on the
development story pairs by benchmarks/search_events.py (pairwise precision ≥ 0.95; the
figures in benchmarks/README.md, session 26). Only the page's prefix up to the entries asked
for is judged: the folds of a page never depend on later entries, so «المزيد» pages on from
the same list.

Where both reports have a stored USE vector (article_use_vectors: the story step keeps every
vector it embedded, digests.story_meaning), the pair is decided as the story step decides it
(digests.stories._judge: inside the words' uncertain band, story_model.MEANING_BAND, the USE
pair model of digests.story_use; outside it the words) at USE_FOLD_PROBABILITY (brief X127):
the meaning joins loosely worded reports of one event the words leave unsure (Egypt's first
day of voting: «إغلاق مراكز الاقتراع» and «إقبال كثيف», whole-text cosine 0.235, USE 0.92).
Like the story step it never asks below the meaning floor (story_model.LOW_SIM_FLOOR, 0.20):
QA68-13's «نقل نتانياهو إلى المستشفى» and «بعد نقله للمستشفى نتنياهو يغرد» (0.175–0.198) stay
two entries. A report without a vector (an older archive, STORY_MODEL=words, a report no band
pair asked about) keeps the words' decision at FOLD_PROBABILITY: nothing is embedded at search
time (~60 ms a text).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

import numpy as np
import numpy.typing as npt
import sqlite_utils

from digests import story_model, story_use
from digests.leads import Lead, compare_leads, lead_of
from digests.models import parse_iso
from digests.search_candidates import Candidate
from digests.search_index import chunks
from digests.story_meaning import has_vectors
from digests.similarity import StoryVector, pair_features, similarity, story_vector

# The pair probability (word weights) at which two stories on one page are one event; see the
# module docstring and benchmarks/search_events.py.
FOLD_PROBABILITY = 0.9
# The story step's pair probability (USE inside the words' band) at which two reports that both
# have a stored USE vector are one event (benchmarks/search_events.py --cv-use: 29 blind folds
# pooled 0.976 / 0.542 against the words' 0.980 / 0.502; 0.85 reads 0.969 / 0.638 but folded
# the Yemeni army's Saada and Lahj advances and the polls' closing under the results on the
# corpus's first pages).
USE_FOLD_PROBABILITY = 0.9
LEAD_CHARS = 600  # of the body, for the lead: its first sentence (as the story merge check)
LOAD_STEP = 40  # reports read at a time while the page's prefix is judged
MEMBERS = 3  # of an entry's story, its reports on the list compared (`fold_events`)


@dataclass(frozen=True)
class Report:
    """What the pair model reads of one report: its time, story vector, headline and the top of
    its body; the lead is analyzed only when a pair gets that far (`same_event`: most pairs
    are told apart by time or cosine, and a lead costs ~1 ms)."""

    when: datetime
    vector: StoryVector
    title: str
    top: str  # the body's first LEAD_CHARS
    use: npt.NDArray[np.float32] | None = None  # the stored USE vector, where there is one

    @cached_property
    def lead(self) -> Lead:
        """The lead (headline and first sentence), as the story step reads it."""
        return lead_of(self.title, self.top, self.when)


def report_of(title: str, text: str, when: datetime) -> Report:
    """The `Report` of a text (the benchmark's path; the search reads stored vectors)."""
    return Report(when, story_vector(title, text), title, text[:LEAD_CHARS])


def same_event(a: Report, b: Report) -> float:
    """The word model's same-story probability of two reports; 0 outside the story window or
    below the model's cosine floor (story_model.SIM_FLOOR), as the story step decides."""
    hours = abs((a.when - b.when).total_seconds()) / 3600
    if hours > story_model.WINDOW_HOURS:
        return 0.0
    sim = similarity(a.vector, b.vector)
    if sim < story_model.SIM_FLOOR:
        return 0.0
    return story_model.probability(pair_features(sim, hours, compare_leads(a.lead, b.lead)),
                                   story_model.WEIGHTS)


def use_event(a: Report, b: Report) -> float | None:
    """The story step's same-story probability of two reports that both have a USE vector
    (None where one lacks it): inside the words' uncertain band the USE pair model's, outside
    it the words' (0 under the cosine floor), 0 outside the story window."""
    if a.use is None or b.use is None:
        return None
    hours = abs((a.when - b.when).total_seconds()) / 3600
    if hours > story_model.WINDOW_HOURS:
        return 0.0
    sim = similarity(a.vector, b.vector)
    if sim < story_model.LOW_SIM_FLOOR:  # under both floors: never one story
        return 0.0
    values = pair_features(sim, hours, compare_leads(a.lead, b.lead))
    words = story_model.probability(values, story_model.WEIGHTS)
    if story_model.in_band(words, sim):
        return story_use.pair_model().probability(values, a.use, b.use)
    return words if sim >= story_model.SIM_FLOOR else 0.0


def one_event(a: Report, b: Report, threshold: float = FOLD_PROBABILITY,
              use_threshold: float = USE_FOLD_PROBABILITY) -> bool:
    """Whether two reports are one event: the story step's decision (`use_event`) at
    `use_threshold` where both have a USE vector, else the words' at `threshold`."""
    p = use_event(a, b)
    return same_event(a, b) >= threshold if p is None else p >= use_threshold


def fold_events(cands: Sequence[Candidate], wanted: int,
                read: Callable[[list[int]], Mapping[int, Report]],
                threshold: float = FOLD_PROBABILITY,
                members: Mapping[int, Sequence[int]] | None = None,
                use_threshold: float = USE_FOLD_PROBABILITY,
                ) -> tuple[list[Candidate], dict[int, tuple[int, ...]]]:
    """`cands` (one entry a story, in page order) with each entry the pair model joins to an
    entry kept before it folded under that one, judged until `wanted` entries are kept (the
    rest follow as they are). Returns the entries and, by kept article id, the article ids
    folded under it, in page order. `read` gives the reports of article ids (one without a
    stored vector is missing: never folded). `members`: by entry, its story's reports on the
    list (itself first, at most MEMBERS): two entries are one event when a report of one and a
    report of the other are (`one_event`: the story a report joined is as much the event as the
    report), and their own reports are within the story window (an entry whose own report is
    not read is neither folded nor folded under)."""
    kept: list[Candidate] = []
    under: dict[int, list[int]] = {}
    reports: dict[int, Report] = {}
    asked = 0

    def group(entry: int) -> list[Report]:
        ids = (members or {}).get(entry) or [entry]
        missing = [i for i in ids[:MEMBERS] if i not in reports and i not in tried]
        if missing:
            tried.update(missing)
            reports.update(read(missing))
        return [reports[i] for i in ids[:MEMBERS] if i in reports]

    tried: set[int] = set()
    for i, cand in enumerate(cands):
        if len(kept) >= wanted:
            return kept + list(cands[i:]), {k: tuple(v) for k, v in under.items()}
        if i >= asked:  # the next entries' own reports, read a few at a time
            ids = [c[0] for c in cands[asked:asked + LOAD_STEP]]
            tried.update(ids)
            reports.update(read(ids))
            asked += LOAD_STEP
        # the window from the entries' own reports (REV s26 #6: a group's first report is a
        # story-mate where the entry's own has no stored vector); without its own, no time to
        # measure from: neither folded nor folded under
        mine, own = group(cand[0]), reports.get(cand[0])
        head = next((k for k in kept if (theirs := group(k[0])) and k[0] in reports
                     and _near(reports[k[0]], own)
                     and any(one_event(other, one, threshold, use_threshold)
                             for other in theirs for one in mine)), None) if own else None
        if head is None:
            kept.append(cand)
        else:
            under.setdefault(head[0], []).append(cand[0])
    return kept, {k: tuple(v) for k, v in under.items()}


def _near(a: Report, b: Report) -> bool:
    """Whether two entries' own reports are within the story window: through their stories'
    other reports a fold never joins entries further apart."""
    return abs((a.when - b.when).total_seconds()) <= story_model.WINDOW_HOURS * 3600


def story_members(cands: Sequence[Candidate]) -> dict[int, list[int]]:
    """By the first (best ranked) report of each story on the list, the story's reports on it
    in their order (itself first); a report in no story is alone."""
    first: dict[int, int] = {}
    out: dict[int, list[int]] = {}
    for aid, _score, story in cands:
        if story is None:
            continue
        head = first.setdefault(story, aid)
        out.setdefault(head, []).append(aid)
    return out


def stored_reports(db: sqlite_utils.Database, ids: list[int]) -> dict[int, Report]:
    """Article id → its `Report` from the stored story vector, the stored USE vector where there
    is one, and the article's headline and first LEAD_CHARS of body (an article with no stored
    story vector is left out)."""
    use = has_vectors(db, story_use.TABLE)  # an archive before migration 038
    join = (f" left join {story_use.TABLE} u on u.article_id = v.article_id" if use else "")
    out: dict[int, Report] = {}
    for chunk in chunks(ids):
        for aid, blob, published, title, body, vec in db.execute(
                "select v.article_id, v.vector, v.published_at, a.title,"
                f" substr(coalesce(nullif(a.body, ''), a.summary), 1, {LEAD_CHARS}),"
                f" {'u.vector' if use else 'null'}"
                f" from story_vectors v join articles a on a.id = v.article_id{join}"
                f" where v.article_id in ({','.join('?' * len(chunk))})", chunk).fetchall():
            when = parse_iso(published)
            if blob is None or when is None:
                continue
            out[int(aid)] = Report(when, StoryVector.from_blob(blob), title or "", body or "",
                                   _use_vector(vec))
    return out


def _use_vector(blob: bytes | None) -> npt.NDArray[np.float32] | None:
    """A stored USE vector, or None where there is none or it is not 512 floats (a vector
    written by another model must not be read as one)."""
    if blob is None or len(blob) != story_use.DIMENSIONS * 4:
        return None
    return story_use.from_blob(blob)
