"""Topic search over the archive: a reader's topic to a ranked page of stored articles.

Query planning is pure and lives in digests/query.py (re-exported here), matching a topic in one
article in digests/topic_match.py; the index itself in digests/search_index.py; suggestions for a
topic that found nothing in digests/suggestions.py; an article's earlier coverage in
digests/related.py. The candidates an expression matches (found, scored, counted, folded by
story) are digests/search_candidates.py, their order digests/search_order.py.

Queries are analyzed like the index (digests.arabic.analyze), every key is quoted (no user text
ever reaches the FTS5 syntax), and a multi-word topic matches as a phrase first, then — only when
the phrase finds nothing — without a name kept at its ends («علي شمخاني» → «شمخاني», see
digests/query.py), then as all of its words. A phrase that finds fewer than `WIDEN_BELOW`
articles does not shut out the rest (QA12 F6: «الانتخابات المصرية» found 3 while 15 articles say
«الانتخابات الرئاسية المصرية»): the articles holding all its words follow the phrase hits
(`widen=False` keeps the phrase alone), with note "more".

Ranking: latest first (QA18 R12). The matches come in three tiers (digests.search_rank.weigh):
the articles about the topic (its phrase in the headline, or several body mentions), the others,
the passing mentions; each tier newest calendar day first (in the reader's time zone, `zone`:
search_order.DAY_ZONE by default; QA78-15), today's articles newest first (QA23 S7) and each
older day's by score:
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
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo

import sqlite_utils

from digests.asked_topics import asked_topic, pasted_names, topic_too_long
from digests.models import SearchHit, iso
from digests.query import (  # re-exported: callers know them as digests.search.*
    MAX_ALL_WORDS,
    QueryPlan,
    every_key,
    lone_name,
    plan_query,
    topic_key,
    written_words,
)
from digests.query_words import KUNYA
from digests.records import digest_from_row
from digests.search_candidates import (
    COUNT_CAP,
    Candidate,
    ala_read,
    by_names,
    candidates,
    first_found,
    match_count,
    story_count,
)
from digests.search_events import fold_events, stored_reports, story_members
from digests.search_index import chunks, doc_counts, matched_words, rows_by_id
from digests.search_order import DAY_ZONE, fold, judged, ranked, titled
from digests.search_scores import score_matches, score_of, tatweel_dashed
from digests.search_senses import readings
from digests.suggestions import better_spellings, phrase_fixes, suggest, typo_fixes
from digests.variants import alternatives

__all__ = [
    "QueryPlan", "SearchResult", "lone_name", "plan_query",
    "search", "topic_key",
]

log = logging.getLogger(__name__)

CANDIDATES = 100         # a topic with more matches is ranked among its newest this many
# A phrase that finds fewer articles than this (two of the bot's pages) is followed by the
# articles holding all its words: a reader who typed «محمد صلاح ليفربول» wants the 126 articles
# that name both, not only the 3 that say it in that order. A common phrase stands alone.
WIDEN_BELOW = 10
TIER_MAX = 1600  # a common topic ranked among more matches is not tiered (keys read: ≈30 ms)
# A common topic's stories are counted over all its matches up to this many (≈5 ms per 1,000 on
# the corpus's index; a larger total shows the stories of those ranked, «at least»)
STORY_COUNT_MAX = 5_000
EVENT_MEMBERS = True  # an event fold compares the stories' reports on the list, not only theirs


@dataclass(frozen=True)
class SearchResult:
    """A page of search hits, best first.

    `total` counts every matching article (before folding stories; a very common topic's count
    stops at COUNT_CAP); `stories` counts the stories among them (an article in no story is one
    of its own) — what a folded list shows, less the stories folded into another as one event
    on the pages up to this one (digests.search_events). `stories_exact` is False when `stories` is only a
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
    (they come first), else equals `total`. `read_as`: the text searched when the archive read a
    last «على» otherwise than typed — the name «علي» («كاظم على» → «كاظم علي»), or a table name
    the archive never writes so without it — that the answer's header names (None: as typed).
    `muted_hidden`: when nothing was found with `muted` sources left out, how many matches they
    hold (so the reader is told their mutes hid them, not that the archive has nothing).
    `searched`: the words (as written) an all-words answer holds when the text has more than
    MAX_ALL_WORDS — its rarest in the archive (`rarest_words`), said so; () when it holds all.
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
    read_as: str | None = None
    muted_hidden: int = 0
    searched: tuple[str, ...] = ()


def search(db: sqlite_utils.Database, query: str, *, limit: int = 10, offset: int = 0,
           now: datetime | None = None, fold_stories: bool = False,
           widen: bool = True, muted: frozenset[int] = frozenset(),
           within: tuple[datetime, datetime] | None = None,
           zone: tzinfo | None = None) -> SearchResult:
    """Search the archive for a topic. Any text is safe; an empty answer carries a message.

    Args:
        query: what the reader typed (Arabic, English, anything).
        limit, offset: the page of hits wanted.
        now: the time recency is measured from (default: the current UTC time).
        fold_stories: keep only the best report of each story (the bot's pages); a common
            topic whose newest matches fold into too few stories for the page is ranked
            among more of them (up to COUNT_CAP). Stories the pair model says are one event
            are then one entry, the others' reports in its hit's `also`
            (digests.search_events, QA68-13).
        widen: when the exact phrase finds fewer than WIDEN_BELOW articles, the articles
            with all its words follow them (note "more"); False keeps the phrase alone.
        muted: source ids whose articles are left out of the answer, its pages and its
            totals (a chat's muted sources, bot.reader_sources: X61).
        within: a day's page (bot.day_search, UTC start and end): only the reports published
            in [start, end) are listed, folded by story and by event among themselves alone —
            a story or an event that spans midnight shows its report of that day (QA76-19:
            folded first, the day's report hid under an entry of the next day, which the day
            filter then dropped). `stories` counts the ranked ones (no count over all days).
        zone: the reader's time zone, whose calendar days order the matches (QA78-15;
            None: search_order.DAY_ZONE, UTC+3).
    """
    now = now or datetime.now(UTC)
    zone = zone or DAY_ZONE
    query = asked_topic(query)  # «ليش ضربوا دوما» asks about «دوما» (QA23 S1)
    query = tatweel_dashed(query)  # «٣ـ٠» is the score «3-0», not the number «30» (X80)
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
    typed = query
    query, plan = ala_read(db, query, plan, now)
    searched: tuple[str, ...] = ()
    if len(plan.words) > MAX_ALL_WORDS:  # a sentence: its all-words answer holds its rarest
        plan, searched = rarest_words(db, query, plan)
    # a pasted text holding names of the news is searched by them before its words (QA78-9)
    named = topic_too_long(query) and bool(pasted_names(query))
    score_typed = score_of(typed)
    if score_typed is None:
        mode, expr, cands, total, note = first_found(
            db, replace(plan, all_words=None) if named else plan, k, now, muted)
    else:  # «3-0» is one token, never widened (X72, QA46 G5)
        mode, expr, note = "phrase", plan.phrase or "", None
        if len(plan.content) > 2:  # «ريال مدريد 3-0»: the words anywhere, the score as a score
            mode, expr = "all", plan.all_words or ""
        cands = score_matches(db, expr, score_typed, now, muted) if expr else []
        total = len(cands)
    dropped: tuple[str, ...] = ()
    if not cands and len(plan.content) > 1 and score_typed is None:
        # «ماكرون Macron»: a word the archive never holds would zero the answer; leave it out.
        counts = doc_counts(db, [a for k in plan.content for a in alternatives(k)])
        missing = frozenset(k for k in plan.content
                            if not any(counts.get(a) for a in alternatives(k)))
        rest = [k for k in plan.content if k not in missing]
        # never a bare «أبو» / «ابن» / «أم» left of a name: it is in hundreds of names
        if missing and rest and not all(k in KUNYA for k in rest):
            plan = plan_query(query, without=missing)
            dropped = tuple(written_words(query, sorted(missing)))
            mode, expr, cands, total, _note = first_found(db, plan, k, now, muted)
            note = "dropped" if cands else note
    if not cands and topic_too_long(query) and score_typed is None:
        # a pasted paragraph: its first words are generic; the names in it carry the search
        names, expr, cands, total = by_names(db, query, k, now, muted)
        if cands:
            plan, mode, note, dropped = plan_query(" ".join(names)), "all", "pasted", names
        elif named and plan.all_words:  # no article holds its names together: its words
            mode, expr, note = "all", plan.all_words, "all"
            cands, total = candidates(db, expr, k, now, muted)
    exact = total
    # a full name kept with «علي» («علي الأكبر ولايتي») widens to the rest of the name as a
    # phrase, not to its words anywhere («أكبر عدد» … «ولايتي هيباي»: QA23 S8)
    loose = plan.trimmed if plan.trimmed and len(plan.content) > 1 else plan.all_words
    wide = (loose if widen and note is None and mode == "phrase" and score_typed is None
            and 0 < total < WIDEN_BELOW else None)
    more: list[Candidate] = []  # the all-words matches of a rare phrase (its k newest)
    if wide is not None:
        more, more_total = candidates(db, wide, k, now, muted)
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
    elif note == "all" and searched:
        shown = "، ".join(f"«{w}»" for w in searched)
        message = (f"لم نجد العبارة كما هي؛ هذه مقالات فيها من كلماتها: {shown}. /"
                   f" The exact phrase was not found; these articles contain these of its"
                   f" words: {', '.join(searched)}.")
    elif note == "pasted":
        message = ("نص طويل: بحثنا بالأسماء التي فيه: " + "، ".join(f"«{w}»" for w in dropped)
                   + ". / A long text: searched by the names in it: " + ", ".join(dropped) + ".")
    if not cands:
        # found only in sources the chat muted: said so, rather than «nothing» (X61)
        hidden = first_found(db, plan, k, now)[3] if muted else 0
        near = () if hidden else tuple(suggest(db, query))
        if not near and not hidden and score_typed is None:
            # «قمة ترامب كين»: every word is held («كين», Kane), one of them mistyped (QA78-11)
            near = tuple(typo_fixes(db, query))
        hint = f" {_did_you_mean(near)}" if near else ""
        return SearchResult((), 0, plan.terms, mode="none", suggestions=near,
                            message="لا توجد مقالات عن هذا الموضوع. / Nothing found." + hint,
                            muted_hidden=hidden)
    sugg: tuple[str, ...] = ()
    if note == "dropped" and len(dropped) == 1:
        # «محمد صلا»: «صلا» is missing beside a word found; «محمد صلاح» is the phrase (QA33 S5)
        sugg = tuple(phrase_fixes(db, query, dropped[0]))
        if sugg:
            message = f"{message} {_did_you_mean(sugg)}"
    elif total < WIDEN_BELOW and not dropped:
        # «ارودغان» is in one article; «أردوغان» in 155: the reader surely meant it.
        sugg = tuple(better_spellings(db, query))
        if sugg:
            message = f"{message} {_did_you_mean(sugg)}" if message else _did_you_mean(sugg)
    if not sugg and not dropped and typed == query:
        # «عون» alone: Michel Aoun or help? its readings the archive holds, offered (QA68-6/-8)
        sugg = tuple(r for r in readings(plan.terms)
                     if (p := plan_query(r).phrase) and candidates(db, p, 1, now, muted)[1])
    judge = mode == "phrase" and note in (None, "more", "dropped")
    cands, tiers = _tiered(db, cands, plan, mode, expr, judge, len(cands) == exact)
    # a widened phrase's words near one another come before the same words anywhere (QA68-5)
    close = plan.near_words if wide == plan.all_words else None
    cands = ranked(db, cands, wide, k, now, more, tiers, plan.phrases, muted, close, zone)
    folded = fold(cands)
    # A common topic is ranked among its newest k matches; when their stories do not fill the
    # page, rank more of them, or its later stories could never be paged to.
    while (fold_stories and score_typed is None and len(folded) < offset + limit
           and k < min(total, COUNT_CAP)):
        k = min(k * 4, COUNT_CAP)
        # past TIER_MAX (≈30 ms of keys to read) a common topic is ordered by day and score
        cands, tiers = _tiered(db, candidates(db, expr, k, now, muted)[0], plan, mode, expr,
                               judge and k <= TIER_MAX, False)
        cands = ranked(db, cands, wide, k, now, tiers=tiers, phrases=plan.phrases,
                       muted=muted, zone=zone)
        folded = fold(cands)
    if within is not None:
        cands = _published_within(db, cands, within)
        folded = fold(cands)
    # Every match was ranked when there were at most k: the story count is exact. Otherwise the
    # stories of every match are counted up to STORY_COUNT_MAX matches (QA23 S13: «سوريا» read
    # «من ٩٠ على الأقل», the stories of its newest 100 of 693 articles); past it, those ranked.
    stories, stories_exact = len(folded), total <= k
    if (fold_stories and not stories_exact and total <= STORY_COUNT_MAX and score_typed is None
            and within is None):
        stories, stories_exact = story_count(db, expr, muted), True
    under: dict[int, tuple[int, ...]] = {}
    if fold_stories:
        # one event the story index kept in two stories is one entry (QA68-13): judged on
        # the pages up to this one, so the count drops by the folds seen
        cands, under = fold_events(folded, offset + limit,
                                   lambda ids: stored_reports(db, ids),
                                   members=story_members(cands) if EVENT_MEMBERS else None)
        stories -= sum(map(len, under.values()))
    page = cands[offset:offset + limit]
    rows = rows_by_id(db, [c[0] for c in page])
    hits = []
    for article_id, score, _story in page:
        row = rows.get(article_id)
        if row is None:
            continue
        text = (row.get("title") or "") + "\n" + (row.get("body") or row.get("summary") or "")
        hits.append(SearchHit(digest=digest_from_row(row), score=round(score, 6),
                              matched=tuple(matched_words(text, every_key(plan))),
                              also=under.get(article_id, ())))
    log.debug("search terms=%s mode=%s note=%s total=%s stories=%s%s hits=%s",
              " ".join(plan.terms), mode, note, total, stories, "" if stories_exact else "+",
              len(hits))
    return SearchResult(tuple(hits), total, plan.terms, message=message, mode=mode,
                        stories=stories, stories_exact=stories_exact, note=note,
                        dropped=dropped, exact=exact, suggestions=sugg,
                        read_as=query if query != typed else None,
                        searched=searched if note == "all" else ())


def rarest_words(db: sqlite_utils.Database, query: str, plan: QueryPlan
                 ) -> tuple[QueryPlan, tuple[str, ...]]:
    """The plan of a text with more than MAX_ALL_WORDS words of a topic, its all-words
    fallback holding up to MAX_ALL_WORDS that some article holds together, the rarest in the
    archive first (each word in all its spellings: the rarest, then each next rarest that
    leaves an article holding them all — a word the archive never holds, or one that no
    article holds with the others, left out), the names of the news it holds first
    (digests.asked_topics.pasted_names), and those words as written. QA78-9: a pasted
    sentence was searched by its first six («قال مسؤولون في الأمم المتحدة إن الوضع
    الإنساني»), found articles about Gaza, and was told they held all its words; «الغوطة»,
    «دوما», «حرستا» carry it."""
    counts = doc_counts(db, [a for k in plan.words for a in alternatives(k)])
    held = {k: sum(counts.get(a, 0) for a in alternatives(k)) for k in plan.words}
    names = {k for name in pasted_names(query) for k in plan_query(name).terms}
    chosen: list[str] = []
    for k in sorted((k for k in plan.words if held[k]), key=lambda k: (k not in names, held[k])):
        tried = plan_query(query, chosen=(*chosen, k))
        if len(chosen) < 1 or match_count(db, tried.all_words, 1):
            chosen.append(k)
        if len(chosen) == MAX_ALL_WORDS:
            break
    if len(chosen) < 2:
        return plan, ()
    ordered = tuple(k for k in plan.words if k in chosen)
    return plan_query(query, chosen=ordered), tuple(written_words(query, ordered))


def _tiered(db: sqlite_utils.Database, cands: list[Candidate], plan: QueryPlan, mode: str,
            expr: str, judge: bool, every: bool) -> tuple[list[Candidate], dict[int, int]]:
    """The candidates and their tiers (search_order.judged); an all-words answer, never
    judged, is tiered by its headlines: those holding every word first (QA33 S2)."""
    if mode == "all":
        return cands, titled(db, cands, expr)
    return judged(db, cands, plan, judge, every)


def _published_within(db: sqlite_utils.Database, cands: list[Candidate],
                      within: tuple[datetime, datetime]) -> list[Candidate]:
    """The candidates published in [start, end), in their order (stored ISO times compare as
    text, as bot.day_search reads the day's first article)."""
    start, end = (iso(t) for t in within)
    kept: set[int] = set()
    for chunk in chunks([c[0] for c in cands]):
        kept.update(row[0] for row in db.execute(
            f"select id from articles where id in ({','.join('?' * len(chunk))})"
            " and published_at >= ? and published_at < ?", [*chunk, start, end]).fetchall())
    return [c for c in cands if c[0] in kept]


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
