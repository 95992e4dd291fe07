"""Topic search over the archive: a reader's topic to a ranked page of stored articles.

Query planning is pure and lives in digests/query.py (re-exported here), matching a topic in one
article in digests/topic_match.py; the index itself in digests/search_index.py; suggestions for a
topic that found nothing in digests/suggestions.py; an article's earlier coverage in
digests/related.py.

Queries are analyzed like the index (digests.arabic.analyze), every key is quoted (no user text
ever reaches the FTS5 syntax), and a multi-word topic matches as a phrase first, then — only when
the phrase finds nothing — without a name kept at its ends («علي شمخاني» → «شمخاني», see
digests/query.py), then as all of its words. A phrase that finds fewer than `WIDEN_BELOW`
articles does not shut out the rest (QA12 F6: «الانتخابات المصرية» found 3 while 15 articles say
«الانتخابات الرئاسية المصرية»): the articles holding all its words follow the phrase hits
(`widen=False` keeps the phrase alone), with note "more".

Ranking: latest first (QA18 R12). The matches come in three tiers (digests.search_rank.weigh):
the articles about the topic (its phrase in the headline, or several body mentions), the others,
the passing mentions; each tier newest day first (`LATEST_DAYS`), the last day's articles
newest first (QA23 S7) and each older day's by score:
bm25 (title weighted 4x the body) divided by an age factor (an article 14 days old weighs half),
weighed by what bm25 misses (the topic in the headline, a body's one passing mention, how many
sources reported the story, another man of the name). A topic with more than `CANDIDATES`
matches is a very common one: it is ranked among its newest matches by ids (ids grow with
ingest time), scored by title-or-body and age without bm25, and its total is counted up to
`COUNT_CAP` — which keeps the query fast on a million articles and is what a news reader wants
anyway (see benchmarks/search.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

from digests.arabic import STOP_WORDS, run_keys, word_runs_of, written_as_name
from digests.longer_names import context
from digests.models import SearchHit
from digests.query import (  # re-exported: callers know them as digests.search.*
    KUNYA,
    QueryPlan,
    ala_readings,
    asked_topic,
    every_key,
    lone_name,
    pasted_names,
    plan_query,
    topic_key,
    topic_too_long,
    written_words,
)
from digests.records import digest_from_row
from digests.search_index import FTS_TABLE, chunks, doc_counts, matched_words, rows_by_id
from digests.search_rank import tiers_of, weigh
from digests.suggestions import better_spellings, suggest
from digests.variants import alternatives

__all__ = [
    "QueryPlan", "SearchResult", "lone_name", "plan_query",
    "search", "topic_key",
]

log = logging.getLogger(__name__)

TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
CANDIDATES = 100         # a topic with more matches is ranked among its newest this many
COUNT_CAP = 10_000       # totals of very common topics are counted up to this
RECENCY_DAYS = 14.0      # an article this old weighs half as much as one from today
# Latest first (QA18 R12: «شو صار بالغوطة اليوم؟» showed a 4-day-old story above the last day's):
# relevant matches are ordered by how many spans of this many days old they are, newest first;
# bm25 (over the age factor above) orders the matches of one span.
LATEST_DAYS = 1.0
# A phrase that finds fewer articles than this (two of the bot's pages) is followed by the
# articles holding all its words: a reader who typed «محمد صلاح ليفربول» wants the 126 articles
# that name both, not only the 3 that say it in that order. A common phrase stands alone.
WIDEN_BELOW = 10
TIER_MAX = 1600  # a common topic ranked among more matches is not tiered (keys read: ≈30 ms)
# A common topic's stories are counted over all its matches up to this many (≈5 ms per 1,000 on
# the corpus's index; a larger total shows the stories of those ranked, «at least»)
STORY_COUNT_MAX = 5_000
PASTE_NAMES = 3  # a pasted paragraph that found nothing is searched by its first names, up to this


@dataclass(frozen=True)
class SearchResult:
    """A page of search hits, best first.

    `total` counts every matching article (before folding stories; a very common topic's count
    stops at COUNT_CAP); `stories` counts the stories among them (an article in no story is one
    of its own) — what a folded list shows. `stories_exact` is False when `stories` is only a
    lower bound: a topic with more than `CANDIDATES` matches is not scanned whole (its stories are
    counted among the matches it was ranked on). `terms` are the analyzed keys searched; `mode`
    is "phrase" (all words in order), "all" (all words, any order: the phrase found nothing) or
    "none"; `message` explains an empty or fallback answer (Arabic / English); `note` names the
    fallback for callers that word it themselves ("trimmed": the full name was not found, "all":
    the phrase was not found, "more": the phrase found only `exact` articles and the articles
    with all its words follow them, "dropped": words that match nothing were left out —
    `dropped` holds them as the reader wrote them; "pasted": a long text that found nothing was
    searched by the names of the news it holds — `dropped` holds those names); `suggestions`
    are nearby topics from the index when nothing was found, or far more common spellings of a
    rare word when little was found («ارودغان»: one article; «هل تقصد: أردوغان», also in
    `message`). `exact` counts the articles that hold the phrase itself when note is "more"
    (they come first), else equals `total`.
    """

    hits: tuple[SearchHit, ...]
    total: int
    terms: tuple[str, ...]
    message: str | None = None
    mode: str = "phrase"
    suggestions: tuple[str, ...] = ()
    stories: int = 0
    stories_exact: bool = True
    note: str | None = None
    dropped: tuple[str, ...] = ()
    exact: int = 0


# --- schema -------------------------------------------------------------------------------





Candidate = tuple[int, float, int | None]  # (article id, score, story id)


def _now_sql(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


_AGE = (f"(1.0 + coalesce(max(0.0, julianday(?) - julianday(a.published_at)), 365.0)"
        f" / {RECENCY_DAYS})")


def _candidates(db: sqlite_utils.Database, expr: str, k: int,
                now: datetime) -> tuple[list[Candidate], int]:
    """The scored candidates of `expr` and the total number of matches.

    A probe takes the newest k+1 matching ids (cheap at any size). When it holds them all, every
    match is scored bm25 / age. When there are more, the topic is a very common one: bm25 would
    count its whole document list for the IDF (tens of ms at 1M articles), so the newest k are
    scored by where they match (title 4, body 1) / age, and the total is counted up to
    COUNT_CAP.
    """
    probe = [r[0] for r in db.execute(
        f"select rowid from {FTS_TABLE} where {FTS_TABLE} match ? order by rowid desc limit ?",
        [expr, k + 1]).fetchall()]
    if not probe:
        return [], 0
    if len(probe) <= k:
        rows = db.execute(
            f"""select c.id, -c.rel / {_AGE}, a.story_id
                from (select rowid as id, bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}) as rel
                      from {FTS_TABLE} where {FTS_TABLE} match ?) c
                join articles a on a.id = c.id""", [_now_sql(now), expr]).fetchall()
        return rows, len(rows)
    floor = probe[k - 1]
    in_title = {r[0] for r in db.execute(
        f"select rowid from {FTS_TABLE} where {FTS_TABLE} match ? and rowid >= ?",
        [f"title_keys : ({expr})", floor]).fetchall()}
    rows = []
    for chunk in chunks(probe[:k]):
        rows += db.execute(f"select a.id, 1.0 / {_AGE}, a.story_id from articles a"
                           f" where a.id in ({','.join('?' * len(chunk))})",
                           [_now_sql(now), *chunk]).fetchall()
    scored = [(aid, (TITLE_WEIGHT if aid in in_title else BODY_WEIGHT) * inv_age, story)
              for aid, inv_age, story in rows]
    total = int(db.execute(
        f"select count(*) from (select rowid from {FTS_TABLE} where {FTS_TABLE} match ?"
        " limit ?)", [expr, COUNT_CAP]).fetchone()[0])
    return scored, total




def search(db: sqlite_utils.Database, query: str, *, limit: int = 10, offset: int = 0,
           now: datetime | None = None, fold_stories: bool = False,
           widen: bool = True) -> SearchResult:
    """Search the archive for a topic. Any text is safe; an empty answer carries a message.

    Args:
        query: what the reader typed (Arabic, English, anything).
        limit, offset: the page of hits wanted.
        now: the time recency is measured from (default: the current UTC time).
        fold_stories: keep only the best report of each story (the bot's pages); a common
            topic whose newest matches fold into too few stories for the page is ranked
            among more of them (up to COUNT_CAP).
        widen: when the exact phrase finds fewer than WIDEN_BELOW articles, the articles
            with all its words follow them (note "more"); False keeps the phrase alone.
    """
    now = now or datetime.now(UTC)
    query = asked_topic(query)  # «ليش ضربوا دوما» asks about «دوما» (QA23 S1)
    plan = plan_query(query)
    if not plan.terms:
        name = lone_name(query)
        return SearchResult((), 0, (), mode="none", message=(
            f"لا يمكن البحث عن «{name}» وحده: لا يتميز عن حرف الجر «على». اكتب الاسم كاملًا،"
            f" مثل «علي خامنئي». / «{name}» alone cannot be told from the preposition «على»:"
            " type the full name, e.g. «علي خامنئي»." if name else
            "اكتب كلمة تدل على الموضوع، مثل «الغوطة» أو «ترامب». /"
            " Type a topic word, e.g. «الغوطة»."))
    k = max(CANDIDATES, offset + limit)
    query, plan = _ala_read(db, query, plan, now)
    mode, expr, cands, total, note = _first_found(db, plan, k, now)
    dropped: tuple[str, ...] = ()
    if not cands and len(plan.content) > 1:
        # «ماكرون Macron»: a word the archive never holds would zero the answer; leave it out.
        counts = doc_counts(db, [a for k in plan.content for a in alternatives(k)])
        missing = frozenset(k for k in plan.content
                            if not any(counts.get(a) for a in alternatives(k)))
        rest = [k for k in plan.content if k not in missing]
        # never a bare «أبو» / «ابن» / «أم» left of a name: it is in hundreds of names
        if missing and rest and not all(k in KUNYA for k in rest):
            plan = plan_query(query, without=missing)
            dropped = tuple(written_words(query, sorted(missing)))
            mode, expr, cands, total, _note = _first_found(db, plan, k, now)
            note = "dropped" if cands else note
    if not cands and topic_too_long(query):
        # a pasted paragraph: its first words are generic; the names in it carry the search
        names, expr, cands, total = _by_names(db, query, k, now)
        if cands:
            plan, mode, note, dropped = plan_query(" ".join(names)), "all", "pasted", names
    exact = total
    # a full name kept with «علي» («علي الأكبر ولايتي») widens to the rest of the name as a
    # phrase, not to its words anywhere («أكبر عدد» … «ولايتي هيباي»: QA23 S8)
    loose = plan.trimmed if plan.trimmed and len(plan.content) > 1 else plan.all_words
    wide = (loose if widen and note is None and mode == "phrase"
            and 0 < total < WIDEN_BELOW else None)
    more: list[Candidate] = []  # the all-words matches of a rare phrase (its k newest)
    if wide is not None:
        more, more_total = _candidates(db, wide, k, now)
        if any(c[0] not in {p[0] for p in cands} for c in more):
            note = "more"
            total = max(total, more_total)
        else:
            wide = None
    message = _MESSAGES.get(note or "")
    if note == "dropped":
        shown = "، ".join(f"«{w}»" for w in dropped)
        message = (f"لم نجد {shown} في الأرشيف، فبحثنا عن بقية الكلمات. /"
                   f" {', '.join(dropped)}: not in the archive, searched without it.")
    elif note == "more":
        message = _more_message(exact)
    elif note == "pasted":
        message = ("نص طويل: بحثنا بالأسماء التي فيه: " + "، ".join(f"«{w}»" for w in dropped)
                   + ". / A long text: searched by the names in it: " + ", ".join(dropped) + ".")
    if not cands:
        near = tuple(suggest(db, query))
        hint = f" {_did_you_mean(near)}" if near else ""
        return SearchResult((), 0, plan.terms, mode="none", suggestions=near,
                            message="لا توجد مقالات عن هذا الموضوع. / Nothing found." + hint)
    sugg: tuple[str, ...] = ()
    if total < WIDEN_BELOW and not dropped:
        # «ارودغان» is in one article; «أردوغان» in 155: the reader surely meant it.
        sugg = tuple(better_spellings(db, query))
        if sugg:
            message = f"{message} {_did_you_mean(sugg)}" if message else _did_you_mean(sugg)
    judge = mode == "phrase" and note in (None, "more", "dropped")
    cands, tiers = _judged(db, cands, plan, judge, len(cands) == exact)
    cands = _ranked(db, cands, wide, k, now, more, tiers)
    folded = _fold(cands)
    # A common topic is ranked among its newest k matches; when their stories do not fill the
    # page, rank more of them, or its later stories could never be paged to.
    while fold_stories and len(folded) < offset + limit and k < min(total, COUNT_CAP):
        k = min(k * 4, COUNT_CAP)
        # past TIER_MAX (≈30 ms of keys to read) a common topic is ordered by day and score
        cands, tiers = _judged(db, _candidates(db, expr, k, now)[0], plan,
                               judge and k <= TIER_MAX, False)
        cands = _ranked(db, cands, wide, k, now, tiers=tiers)
        folded = _fold(cands)
    # Every match was ranked when there were at most k: the story count is exact. Otherwise the
    # stories of every match are counted up to STORY_COUNT_MAX matches (QA23 S13: «سوريا» read
    # «من ٩٠ على الأقل», the stories of its newest 100 of 693 articles); past it, those ranked.
    stories, stories_exact = len(folded), total <= k
    if fold_stories and not stories_exact and total <= STORY_COUNT_MAX:
        stories, stories_exact = _story_count(db, expr), True
    if fold_stories:
        cands = folded
    page = cands[offset:offset + limit]
    rows = rows_by_id(db, [c[0] for c in page])
    hits = []
    for article_id, score, _story in page:
        row = rows.get(article_id)
        if row is None:
            continue
        text = (row.get("title") or "") + "\n" + (row.get("body") or row.get("summary") or "")
        hits.append(SearchHit(digest=digest_from_row(row), score=round(score, 6),
                              matched=tuple(matched_words(text, every_key(plan)))))
    log.debug("search terms=%s mode=%s note=%s total=%s stories=%s%s hits=%s",
              " ".join(plan.terms), mode, note, total, stories, "" if stories_exact else "+",
              len(hits))
    return SearchResult(tuple(hits), total, plan.terms, message=message, mode=mode,
                        stories=stories, stories_exact=stories_exact, note=note,
                        dropped=dropped, exact=exact, suggestions=sugg)


def _story_count(db: sqlite_utils.Database, expr: str) -> int:
    """The number of stories among every match of `expr` (an unclustered article is one)."""
    return int(db.execute(
        f"select count(distinct coalesce(a.story_id, -a.id)) from articles a where a.id in"
        f" (select rowid from {FTS_TABLE} where {FTS_TABLE} match ?)", [expr]).fetchone()[0])


def _judged(db: sqlite_utils.Database, cands: list[Candidate], plan: QueryPlan, judge: bool,
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


def _ages(db: sqlite_utils.Database, ids: list[int], now: datetime) -> dict[int, float]:
    """Article id → days (fractional) between its publication (else its fetch) and `now`. An
    article with neither time is a year old."""
    out: dict[int, float] = {}
    for chunk in chunks(ids):
        for aid, age in db.execute(
                "select id, julianday(?) - julianday(coalesce(published_at, fetched_at))"
                f" from articles where id in ({','.join('?' * len(chunk))})",
                [_now_sql(now), *chunk]).fetchall():
            out[aid] = max(0.0, age if age is not None else 365.0)
    return out


def _days_old(db: sqlite_utils.Database, ids: list[int], now: datetime) -> dict[int, int]:
    """Article id → whole days between its publication (else its fetch) and `now`: day 0 is
    the last 24 hours."""
    return {aid: int(age // LATEST_DAYS) for aid, age in _ages(db, ids, now).items()}


def _latest_key(tier: dict[int, int], ages: dict[int, float]
                ) -> Callable[[Candidate], tuple[int, int, float, float, int]]:
    """The order of a tier: newest day first, the score ordering each day's — but the last
    day's articles newest first (QA23 S7: «منذ ٢٣ ساعة» was shown above «منذ ١٣ ساعة»)."""
    def key(c: Candidate) -> tuple[int, int, float, float, int]:
        age = ages.get(c[0], 365.0)
        day = int(age // LATEST_DAYS)
        return (tier.get(c[0], 0), day, age if day == 0 else 0.0, -c[1], -c[0])
    return key


def _ranked(db: sqlite_utils.Database, cands: list[Candidate], wide: str | None, k: int,
            now: datetime, wide_found: list[Candidate] | None = None,
            tiers: dict[int, int] | None = None) -> list[Candidate]:
    """`cands` by tier (`tiers`: the articles about the topic, then the others, then the passing
    mentions; digests.search_rank.weigh), each tier latest first: by the day they were
    published, newest day first, the score ordering each day's. Then (`wide`: the all-words
    expression of a rare phrase) the other articles holding all the words, those with all of them in the headline first, each group latest
    first: the phrase hits always come first. `wide_found`: `wide`'s k matches when the caller
    has them."""
    cands = sorted(cands, key=_latest_key(tiers or {}, _ages(db, [c[0] for c in cands], now)))
    if wide is None:
        return cands
    seen = {c[0] for c in cands}
    found = wide_found if wide_found else _candidates(db, wide, k, now)[0]
    more = [c for c in found if c[0] not in seen]
    # A headline with all the words is about the topic; a body may name them apart.
    titled = {r[0] for r in db.execute(
        f"select rowid from {FTS_TABLE} where {FTS_TABLE} match ? and rowid >= ?",
        [f"title_keys : ({wide})", min((c[0] for c in more), default=0)]).fetchall()}
    days = _days_old(db, [c[0] for c in more], now)
    return cands + sorted(more, key=lambda c: (c[0] not in titled, days.get(c[0], 365), -c[1],
                                               -c[0]))


def _by_names(db: sqlite_utils.Database, query: str, k: int, now: datetime
              ) -> tuple[tuple[str, ...], str, list[Candidate], int]:
    """A long text searched by the names of the news it holds (digests.query.pasted_names):
    the articles holding its first PASTE_NAMES names, else fewer of them. Returns (the names
    searched, the expression, candidates, total); no candidates when nothing was found."""
    names = pasted_names(query)
    for n in range(min(PASTE_NAMES, len(names)), 0, -1):
        used = tuple(names[:n])
        expr = " AND ".join(f"({plan_query(name).phrase})" for name in used)
        cands, total = _candidates(db, expr, k, now)
        if cands:
            return used, expr, cands, total
    return (), "", [], 0


def _did_you_mean(spellings: tuple[str, ...]) -> str:
    return (f"هل تقصد: {'، '.join(spellings)}؟ / Did you mean: {', '.join(spellings)}?")


def _more_message(exact: int) -> str:
    """The note of a widened answer: how many articles hold the exact phrase (1 to 9)."""
    arabic = {1: "مقال واحد", 2: "مقالين"}.get(exact, f"{exact} مقالات")
    english = "1 article" if exact == 1 else f"{exact} articles"
    return (f"وجدنا العبارة كما هي في {arabic} فقط، تليها مقالات فيها كل كلماتها. /"
            f" The exact phrase is in only {english}; after them come articles with all its"
            " words.")


_MESSAGES = {
    "trimmed": ("لم نجد الاسم كاملًا؛ هذه مقالات فيها بقيته. /"
                " The full name was not found; these articles contain the rest of it."),
    "all": ("لم نجد العبارة كما هي؛ هذه مقالات فيها كل كلماتها. /"
            " The exact phrase was not found; these articles contain all its words."),
}


def _first_found(db: sqlite_utils.Database, plan: QueryPlan, k: int, now: datetime
                 ) -> tuple[str, str, list[Candidate], int, str | None]:
    """The first of the plan's expressions that finds something: the phrase, the phrase without
    a name kept at its ends, all the words. Returns (mode, expr, candidates, total, note)."""
    mode, note, expr = "phrase", None, plan.phrase or ""
    cands, total = _candidates(db, expr, k, now)
    if cands and plan.trimmed and total <= k:  # «الإمام علي»: not «إمام على» (QA23 S8)
        cands = _name_written(db, cands, plan)
        total = len(cands)
        if not cands:  # only the preposition: the name is not in the archive, «إمام» is no topic
            return mode, expr, cands, total, note
    if not cands and plan.trimmed:  # «علي شمخاني» not found as a name: «شمخاني»
        expr, note = plan.trimmed, "trimmed"
        cands, total = _candidates(db, expr, k, now)
    if not cands and plan.all_words:
        mode, expr, note = "all", plan.all_words, "all"
        cands, total = _candidates(db, expr, k, now)
    return mode, expr, cands, total, note


NAME_SHARE = 3  # «X على» is the name «X علي» when the archive writes the name 3x the preposition
ALA_SAMPLE = 30  # … over this many of the phrase's newest articles (each one's text is read)


def _ala_read(db: sqlite_utils.Database, query: str, plan: QueryPlan, now: datetime
              ) -> tuple[str, QueryPlan]:
    """A last «على» read by the archive (QA28 T1): the name «علي» when the phrase with it is
    written as the name NAME_SHARE times as often as with the preposition (over the newest
    ALA_SAMPLE articles of the phrase) — or, after a title or given name (digests.query._names),
    at all; else the preposition, whose object the reader left out («الحرب على» → «الحرب»)."""
    readings = ala_readings(query)
    if readings is None:
        return query, plan
    as_name, as_prep, named = readings
    name_plan = plan_query(as_name)
    cands = _candidates(db, name_plan.phrase, ALA_SAMPLE, now)[0] if name_plan.phrase else []
    written = len(_name_written(db, cands, name_plan)) if cands else 0
    prep = len(cands) - written
    if written and (named or (written >= 2 and written >= NAME_SHARE * prep)):
        return as_name, name_plan
    return (as_prep, plan_query(as_prep)) if named else (query, plan)


def _name_written(db: sqlite_utils.Database, cands: list[Candidate], plan: QueryPlan
                  ) -> list[Candidate]:
    """The candidates whose text holds the phrase with its last word, a name spelled like a
    stop-word, written as the name: «علي» with ي, not the preposition «على», which the index
    keys the same («الإمام علي» found «حازم إمام، على شائعات» and «عادل إمام على»: QA23 S8). A source
    that writes the preposition «علي» still passes; a name with a proclitic («وعلي») too."""
    rows = rows_by_id(db, [c[0] for c in cands])
    return [c for c in cands if c[0] in rows and _holds_name(
        (rows[c[0]].get("title") or "") + "\n" + (rows[c[0]].get("body") or
                                                  rows[c[0]].get("summary") or ""),
        plan.phrases)]


def _holds_name(text: str, phrases: tuple[tuple[str, ...], ...]) -> bool:
    keys: list[str] = []
    named: list[bool] = []  # per key: not a stop-word, or written as a name
    for run in word_runs_of(text):
        bare = run.lstrip("وفلبك") if len(run) > 3 else run
        for k in run_keys(run):
            keys.append(k)
            named.append(k not in STOP_WORDS or written_as_name(run) or written_as_name(bare))
    for p in phrases:
        n = len(p)
        for i in range(len(keys) - n + 1):
            # a name kept last («الإمام علي», «محمد علي»): «… على» after a word is the preposition's
            # commonest place; kept first («علي خامنئي») it is the name even where a source
            # wrote «آية الله على خامنئي»
            if keys[i] == p[0] and tuple(keys[i:i + n]) == p and named[i + n - 1]:
                return True
    return False


def _fold(cands: list[Candidate]) -> list[Candidate]:
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


