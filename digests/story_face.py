"""A story's face: the report a bundle shows it under (QA34 R4).

A story was shown under the report that queued it (its first) or its newest, often the vaguest:
«أول تعليق لماي على طرد دبلوماسيي بريطانيا» (a reaction) for «موسكو تطرد 23 دبلوماسيا
بريطانيا», «حريق هائل في مركز تسوق بروسيا» (no toll) for «53 قتيلاً بحريق في مركز تسوق بروسيا».

The rule (`face_index`, pure): the report whose headline shares the most content keys with the
other reports' headlines, on average (the event is what the reports have in common; a profile,
a reaction or a side angle shares little), plus NUMBER_BONUS when it carries a number (a toll,
a score, a count: the event's fact). The report that queued the story stays unless another is
strictly better; among equal others the newest; and among equals a report whose page was
fetched over one stored from its feed alone (QA55-5: no quote, a link to a page over the size
cap). For a
follower, only reports naming a followed topic may be the face, the tie rule then among them;
for a chat, only reports of sources it has not muted (QA42 B2: a muted site's report was the
face of a pushed story another site's report had queued); and when later reports tell an
outcome the queued one did not (digests.story_outcomes.new_outcome: the in-match report queued,
then «صلاح يسجل رباعية»; or a higher toll in its lead, QA71-2; or full control of a place,
QA79-4: «… تتوغل في مدينة عفرين» queued, then «… تسيطر بالكامل على مدينة عفرين», which tied with
it and left the advance the face of an instant alert and a daily digest alike), only they (QA42
B1: a daily reader got the stale in-match face next morning). A story of one report is its
report. `faces` reads the stories' live reports in one query per chunk.

A report of the event is preferred to an analysis, opinion or explainer piece
(digests.angle_pieces; QA59-49: the analysis «حين دك أردوغان الغوطة.. وقصف الأسد عفرين» shared the
most words with the reports of Assad's Ghouta visit and became the face of «٤ مصادر»): when one
of the allowed reports reads as a report, the pieces are not the face (ANGLE_RULE); a story told
only by such pieces keeps the rule above.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import sqlite_utils

from digests.angle_pieces import is_angle_piece
from digests.arabic import analyze
from digests.live_reports import GONE
from digests.story_outcomes import new_outcome
from digests.story_reports import headline_keys

FEED_ONLY = "feed_only"  # articles.page_status of a report stored from its feed alone
NUMBER_BONUS = 1.0  # one shared key's worth: a number breaks ties, it does not beat the event
MAX_REPORTS = 40    # a story's reports read for its face (its latest ones beyond that)
ANGLE_RULE = True   # a report of the event before an analysis/opinion/explainer piece (S29)
_NUMBER = re.compile(r"[0-9\u0660-\u0669]")
_CHUNK = 500


def face_scores(headlines: Sequence[str]) -> list[float]:
    """How informative each headline of one story's reports is (see the module docstring)."""
    keys = [headline_keys(analyze(h or "")) for h in headlines]
    others = max(1, len(headlines) - 1)
    return [sum(len(keys[i] & keys[j]) for j in range(len(keys)) if j != i) / others
            + (NUMBER_BONUS if _NUMBER.search(h or "") else 0.0)
            for i, h in enumerate(headlines)]


def face_index(headlines: Sequence[str], current: int | None = None,
               eligible: Sequence[int] | None = None,
               fetched: Sequence[bool] | None = None) -> int:
    """The index of the most informative headline of one story's reports (oldest first): the
    `current` one (the report that queued the story) unless another is strictly better, else
    the newest among equals; -1 when there are none. `eligible`: only these indexes may be
    the face (those naming a followed topic), scored still against every report; none → -1.
    `fetched`: whether each report's page was fetched; among the best, those that were, when
    any (QA55-5: a feed-only report, no quote and a link to a page the bot could not load,
    kept the face on a tie with the same report in full). Under ANGLE_RULE an analysis,
    opinion or explainer piece is the face only when every allowed report is one."""
    if not headlines:
        return -1
    scores = face_scores(headlines)
    allowed = range(len(scores)) if eligible is None else \
        [i for i in eligible if 0 <= i < len(scores)]
    if not allowed:
        return -1
    if ANGLE_RULE:
        plain = [i for i in allowed if not is_angle_piece(headlines[i])]
        allowed = plain or allowed
    top = max(scores[i] for i in allowed)
    best = [i for i in allowed if scores[i] >= top]
    if fetched is not None and any(fetched[i] for i in best):
        best = [i for i in best if fetched[i]]
    return current if current in best else max(best)


def names_a_topic(headline: str, topics: Sequence[str]) -> bool:
    """Whether the headline holds every content key of one of the followed `topics` (no
    topic, or the general digest's '', is always named)."""
    wanted = [headline_keys(analyze(t)) for t in topics if t]
    if not wanted:
        return True
    keys = headline_keys(analyze(headline or ""))
    return any(w and w <= keys for w in wanted)


def faces(db: sqlite_utils.Database, story_ids: Iterable[int],
          topics: Sequence[str] = (), current: Mapping[int, int] | None = None,
          before: str | None = None, muted: frozenset[int] = frozenset()) -> dict[int, int]:
    """story id → the article id of its face (`face_index`) among its live reports (those
    published by `before`, an ISO time, when given: /digest at a past clock); a bundle
    sent for followed `topics` shows a face that names one of them (`names_a_topic`: the
    «تيلرسون» follower is not shown the story under a Haspel profile), or none; a report of
    a `muted` source (its id) is no face, though it still counts in the others' scores."""
    ids = sorted({s for s in story_ids if s is not None and s >= 0})
    reports: dict[int, list[tuple[int, str]]] = {}
    silent: set[int] = set()  # the reports of muted sources
    bare: set[int] = set()  # the reports stored from their feed alone (no page, no quote)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        for story, article, headline, source, status in db.execute(
                "select story_id, id, coalesce(nullif(headline, ''), title), source_id,"
                " page_status"
                " from articles"
                f" where story_id in ({','.join('?' * len(chunk))}) and page_status != ?"
                " and (? is null or coalesce(published_at, fetched_at) <= ?)"
                " order by coalesce(published_at, fetched_at), id",
                [*chunk, GONE, before, before]).fetchall():
            reports.setdefault(int(story), []).append((int(article), str(headline or "")))
            if source in muted:
                silent.add(int(article))
            if status == FEED_ONLY:
                bare.add(int(article))
    out: dict[int, int] = {}
    for story, found in reports.items():
        found = found[-MAX_REPORTS:]
        ids = [a for a, _ in found]
        now = (current or {}).get(story)
        # the topic first, then the tie rule among the reports naming it (QA41 T4: the queued
        # report stayed on a tie and, not naming «تيلرسون», the story kept the profile's face)
        naming = [i for i, (a, h) in enumerate(found)
                  if a not in silent and names_a_topic(h, topics)]
        at_now = ids.index(now) if now in ids else None
        if at_now is not None:  # the queued report overtaken by a result or a new toll: those only
            later = [i for i in naming if i > at_now]
            # the toll in a later report's lead too (QA71-2: «… يحصد المزيد من الأرواح», 28
            # dead in its lead, kept a daily reader on «عشرات القتلى»), read for them only
            leads = _leads(db, [ids[i] for i in [at_now, *later]]) if later else {}
            told = [i for i in later if new_outcome(
                [found[at_now][1]], found[i][1], lead=leads.get(ids[i], ""),
                sent_leads=[leads.get(ids[at_now], "")])]
            naming = told or naming
        at = face_index([h for _, h in found], at_now, naming, [a not in bare for a in ids])
        if at >= 0:
            out[story] = found[at][0]
    return out


def _leads(db: sqlite_utils.Database, article_ids: Sequence[int]) -> dict[int, str]:
    """article id → its lead (digests.story_figures.lead_sentence: the body's first sentence)."""
    from digests.story_figures import lead_sentence

    marks = ",".join("?" * len(article_ids))
    return {int(a): lead_sentence(str(body or "")) for a, body in db.execute(
        f"select id, substr(coalesce(nullif(body, ''), summary, ''), 1, 600) from articles"
        f" where id in ({marks})", list(article_ids)).fetchall()}


def face_ids(db: sqlite_utils.Database, article_ids: Sequence[int],
             keep: Iterable[int] = (), topics: Sequence[str] = (),
             muted: frozenset[int] = frozenset()) -> tuple[int, ...]:
    """`article_ids` each replaced by its story's face (`faces`, for `topics`, not of a
    `muted` source), in their order; those in `keep` (a story's update: the new report is the
    news) and story-less ones stay; no article twice."""
    kept = set(keep)
    if not article_ids:
        return ()
    marks = ",".join("?" * len(article_ids))
    story_of = {int(a): s for a, s in db.execute(
        f"select id, story_id from articles where id in ({marks})", list(article_ids)).fetchall()}
    chosen = faces(db, (s for a, s in story_of.items() if s is not None and a not in kept),
                   topics, {s: a for a, s in story_of.items() if s is not None}, muted=muted)
    out: list[int] = []
    for a in article_ids:
        story = story_of.get(a)
        face = a if a in kept or story is None else chosen.get(story, a)
        if face not in out:
            out.append(face)
    return tuple(out)
