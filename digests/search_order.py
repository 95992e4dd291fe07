"""The order of a search's candidates: by tier (about the topic, other, passing mentions:
digests.search_rank), each tier latest first — newest calendar day first (in the reader's time
zone: QA78-15), today's articles newest first (QA23 S7) and each older day's by score (QA18 R12)
— then, for a rare phrase widened to
all its words, the other articles holding them, those with all of them in the headline first;
a page of stories keeps the best ranked article of each (`fold`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone, tzinfo

import sqlite_utils

from digests.longer_names import context
from digests.query import QueryPlan
from digests.search_candidates import Candidate, candidates, now_sql
from digests.search_index import FTS_TABLE, chunks
from digests.search_rank import ABOUT, headline_about, tiers_of, weigh

# Latest first (QA18 R12: «شو صار بالغوطة اليوم؟» showed a 4-day-old story above the last day's):
# relevant matches are ordered by the calendar day they were published on, newest first, in the
# reader's time zone (the search's `zone`; DAY_ZONE by default: bot.zones.DEFAULT_ZONE,
# Asia/Riyadh, is UTC+3 all year); bm25 (over digests.search_candidates' age factor) orders the
# matches of one day (QA78-15: spans of 24 hours back from now moved through the day).
DAY_ZONE = timezone(timedelta(hours=3))
# A topic with no headline about it for this many days is a past event: its stories told by
# SOURCES sources or more come first (`_past_event`).
PAST_DAYS = 3.0
SOURCES = 3
# ...and only an event: at least EVENT_SHARE of the topic's headlines about it fall within
# EVENT_DAYS of one another (QA68-12: «نتنياهو», quiet for four days, listed 2 March, 22 and 18
# February above 28 and 27 March; a person or a running topic is in the news all along — its
# densest three days hold 0.29 of its headlines, «تيريزا ماي» 0.43, «سيناء» 0.21 — where the
# Oscars' ceremony holds 0.71 and the Ghouta truce's resolution 0.57, on QA68's corpus copy).
EVENT_DAYS = 3.0
EVENT_SHARE = 0.5


def judged(db: sqlite_utils.Database, cands: list[Candidate], plan: QueryPlan, judge: bool,
            every: bool) -> tuple[list[Candidate], dict[int, int]]:
    """The candidates and each one's tier (about the topic, other, passing). When they are
    `every` match, scored by bm25: weighed by what bm25 misses (a headline, one passing
    mention, several sources, another man of the name; digests.search_rank.weigh), as
    session 8 did. A very common topic's newest matches (`every` False) keep their scores
    and are only tiered (search_rank.tiers_of: the headline and the body's mentions).
    `judge` False (a fallback: the phrase itself was not found) leaves them as they are, all
    of one tier."""
    if not judge or not cands:
        return cands, {}
    ctx = context(plan.terms)  # a mention inside another entity's name (QA23 S8)
    if every:
        return weigh(db, cands, plan.phrases, ctx)
    return cands, tiers_of(db, cands, plan.phrases, ctx)


def titled(db: sqlite_utils.Database, cands: list[Candidate], expr: str) -> dict[int, int]:
    """Tiers of an all-words answer (the phrase itself was not found): the articles whose
    headline holds every word first (0), the bodies that merely hold them after (1). QA33 S2:
    «ولي العهد السعودي في بريطانيا» listed body mentions newest first and its 12 headlines on
    the visit from #9 on, while the README promised headlines first."""
    if not cands or not expr:
        return {}
    lowest = min(c[0] for c in cands)
    heads = {r[0] for r in db.execute(
        f"select rowid from {FTS_TABLE} where {FTS_TABLE} match ? and rowid >= ?",
        [f"title_keys : ({expr})", lowest]).fetchall()}
    return {c[0]: 0 if c[0] in heads else 1 for c in cands}


def _ages(db: sqlite_utils.Database, ids: list[int], now: datetime) -> dict[int, float]:
    """Article id → days (fractional) between its publication (else its fetch) and `now`. An
    article with neither time is a year old."""
    out: dict[int, float] = {}
    for chunk in chunks(ids):
        for aid, age in db.execute(
                "select id, julianday(?) - julianday(coalesce(published_at, fetched_at))"
                f" from articles where id in ({','.join('?' * len(chunk))})",
                [now_sql(now), *chunk]).fetchall():
            out[aid] = max(0.0, age if age is not None else 365.0)
    return out


def _day(age: float, now: datetime, zone: tzinfo) -> int:
    """The calendar day (an ordinal) in `zone` of an article `age` days older than `now`."""
    return (now - timedelta(days=age)).astimezone(zone).date().toordinal()


def _days_old(db: sqlite_utils.Database, ids: list[int], now: datetime,
              zone: tzinfo = DAY_ZONE) -> dict[int, int]:
    """Article id → how many calendar days (in `zone`) before `now`'s it was published (else
    fetched): 0 is today."""
    today = now.astimezone(zone).date().toordinal()
    return {aid: today - _day(age, now, zone) for aid, age in _ages(db, ids, now).items()}


def _latest_key(tier: dict[int, int], ages: dict[int, float], now: datetime,
                zone: tzinfo = DAY_ZONE
                ) -> Callable[[Candidate], tuple[int, int, float, float, int]]:
    """The order of a tier: newest calendar day first (in `zone`), the score ordering each
    day's — but today's articles newest first (QA23 S7: «منذ ٢٣ ساعة» was shown above «منذ ١٣
    ساعة»). Calendar days, not spans of 24 hours counted back from `now` (QA78-15: the spans'
    edges moved through the day, so «الغوطة» listed 31 March, 31 March, 1 April, 31 March, and
    the same query 20 minutes later in another order)."""
    today = now.astimezone(zone).date().toordinal()

    def key(c: Candidate) -> tuple[int, int, float, float, int]:
        age = ages.get(c[0], 365.0)
        day = _day(age, now, zone)
        return (tier.get(c[0], 0), -day, age if day >= today else 0.0, -c[1], -c[0])
    return key


def ranked(db: sqlite_utils.Database, cands: list[Candidate], wide: str | None, k: int,
            now: datetime, wide_found: list[Candidate] | None = None,
            tiers: dict[int, int] | None = None,
            phrases: Sequence[Sequence[str]] = (),
            muted: frozenset[int] = frozenset(), near: str | None = None,
            zone: tzinfo = DAY_ZONE) -> list[Candidate]:
    """`cands` by tier (`tiers`: the articles about the topic, then the others, then the passing
    mentions; digests.search_rank.weigh), each tier latest first: by the day they were
    published, newest day first, the score ordering each day's. Then (`wide`: the all-words
    expression of a rare phrase) the other articles holding all the words, those with all of
    them in the headline first, each group latest first: the phrase hits always come first.
    `wide_found`: `wide`'s k matches when the caller has them. `phrases`: the topic's
    (digests.query.QueryPlan.phrases), for a past event's headlines (`_past_event`). `muted`:
    the sources whose articles `wide` does not add (the chat muted them: X61). `near`: the
    words within a few of one another (digests.query.QueryPlan.near_words), whose articles come
    before those that hold the words apart (QA68-5: «الانتخابات العراقية» listed a Bolton profile
    and a Sarkozy one, naming elections and Iraq paragraphs apart, on its first page). `zone`:
    the time zone whose calendar days order them (the reader's)."""
    ages = _ages(db, [c[0] for c in cands], now)
    tiers = _past_event(db, cands, tiers or {}, ages, phrases)
    cands = sorted(cands, key=_latest_key(tiers, ages, now, zone))
    if wide is None:
        return cands
    seen = {c[0] for c in cands}
    found = wide_found if wide_found else candidates(db, wide, k, now, muted)[0]
    more = [c for c in found if c[0] not in seen]
    # A headline with all the words is about the topic; a body may name them apart.
    titled = {r[0] for r in db.execute(
        f"select rowid from {FTS_TABLE} where {FTS_TABLE} match ? and rowid >= ?",
        [f"title_keys : ({wide})", min((c[0] for c in more), default=0)]).fetchall()}
    close = titled if near is None else {r[0] for r in db.execute(
        f"select rowid from {FTS_TABLE} where {FTS_TABLE} match ? and rowid >= ?",
        [near, min((c[0] for c in more), default=0)]).fetchall()}
    days = _days_old(db, [c[0] for c in more], now, zone)
    return cands + sorted(more, key=lambda c: (c[0] not in titled, c[0] not in close,
                                               days.get(c[0], 365), -c[1], -c[0]))


def _past_event(db: sqlite_utils.Database, cands: list[Candidate], tiers: dict[int, int],
                ages: dict[int, float], phrases: Sequence[Sequence[str]] = ()
                ) -> dict[int, int]:
    """`tiers` with, for a topic the news has not been about for PAST_DAYS (no headline about
    it since), the reports of a story SOURCES or more sources told moved ahead of the other
    articles about it: the event itself before later passing items (QA33 S3: «الاوسكار» on 1
    April listed a 24 March feature and a sports column first, the ceremony's results — three
    sources — at #7). A topic in the news keeps latest first. With the topic's `phrases`, only
    a report whose headline names it is lifted (X55, QA39 S1: «عفرين» a week on listed two
    big Ghouta stories that name Afrin in their bodies first, and the fall of Afrin not in the
    first ten): the event is the one its headlines are about. A topic whose headlines are
    spread over the weeks (a person, a running topic: `_one_event`) keeps latest first."""
    about = [c for c in cands if tiers.get(c[0], 0) == ABOUT]
    if not tiers or not about or min(ages.get(c[0], 365.0) for c in about) < PAST_DAYS:
        return tiers
    heads = _headlines(db, [c[0] for c in about]) if phrases else {}
    if not _one_event([ages.get(c[0], 365.0) for c in about
                       if not phrases or headline_about(heads.get(c[0], ""), phrases)]):
        return tiers
    stories = {c[2] for c in about if c[2] is not None}
    told: dict[int, int] = {}
    for chunk in chunks(sorted(stories)):
        told.update(db.execute(
            "select story_id, count(distinct source_id) from articles where story_id in"
            f" ({','.join('?' * len(chunk))}) group by story_id", chunk).fetchall())
    big = [c for c in about if told.get(c[2] or -1, 1) >= SOURCES]
    if phrases:
        big = [c for c in big if headline_about(heads.get(c[0], ""), phrases)]
    # tiers are 0, 1, 2: the big stories take a tier of their own ahead of them
    out = {aid: tier + 1 for aid, tier in tiers.items()}
    out.update({c[0]: ABOUT for c in big})
    return out


def _one_event(ages: list[float]) -> bool:
    """Whether articles of these ages (days) are about one event: at least EVENT_SHARE of them
    within EVENT_DAYS of one another."""
    ages = sorted(ages)
    densest = max((bisect_right(ages, a + EVENT_DAYS) - i for i, a in enumerate(ages)), default=0)
    return bool(ages) and densest >= EVENT_SHARE * len(ages)


def _headlines(db: sqlite_utils.Database, ids: list[int]) -> dict[int, str]:
    """Article id → its headline's analyzed keys (the search index's)."""
    out: dict[int, str] = {}
    for chunk in chunks(ids):
        out.update(db.execute(f"select rowid, title_keys from {FTS_TABLE} where rowid in"
                              f" ({','.join('?' * len(chunk))})", chunk).fetchall())
    return out


def fold(cands: list[Candidate]) -> list[Candidate]:
    """Keep the first (best ranked) candidate of each story; unclustered articles all stay."""
    seen_stories: set[int] = set()
    folded = []
    for c in cands:
        if c[2] is not None:
            if c[2] in seen_stories:
                continue
            seen_stories.add(c[2])
        folded.append(c)
    return folded
