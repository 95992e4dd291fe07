"""Topic search over the archive: the FTS5 index of analyzed keys, queries, suggestions, related.

Query planning and topic matching are pure and live in digests/query.py (re-exported here).

The index (`articles_fts`, migration 003_search_index) is a standalone FTS5 table with
rowid = articles.id and two columns of analyzed keys (digests.arabic.analyze): `title_keys` and
`body_keys`. Queries are analyzed the same way, every key is quoted (no user text ever reaches the
FTS5 syntax), and a multi-word topic matches as a phrase first, then — only when the phrase finds
nothing — without a name kept at its ends («علي شمخاني» → «شمخاني», see digests/query.py), then
as all of its words.

Ranking: bm25 (title weighted 4x the body) divided by an age factor (an article 14 days old
weighs half). A topic with more than `CANDIDATES` matches is a very common one: it is ranked among
its newest matches by ids (ids grow with ingest time), by title-or-body and age without bm25, and
its total is counted up to `COUNT_CAP` — which keeps the query fast on a million articles and is
what a news reader wants anyway (see benchmarks/search.py).

The index stays in step: `index_article` is the first processing step (insert and re-index on
update) and a trigger on `articles` delete removes the entry (`unindex_article` does it by hand).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from digests.arabic import (
    STOP_WORDS,
    analyze,
    key_frequency,
    normalize,
    run_at,
    run_keys,
    surface_pattern,
)
from digests.models import Article, SearchHit, iso, parse_iso
from digests.processing import StoreContext
from digests.query import (  # re-exported: callers know them as digests.search.*
    QueryPlan,
    article_matches,
    every_key,
    lone_name,
    plan_query,
    quote_key,
    topic_key,
    written_words,
)
from digests.records import ARTICLE_SELECT, article_from_row, digest_from_row
from digests.variants import alternatives

__all__ = [
    "QueryPlan", "SearchResult", "article_matches", "create_index", "index_article",
    "lone_name", "matched_words", "plan_query", "related_articles", "search", "suggest", "topic_key",
    "unindex_article",
]

log = logging.getLogger(__name__)

FTS_TABLE = "articles_fts"
VOCAB_TABLE = "articles_fts_vocab"
TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
CANDIDATES = 100         # a topic with more matches is ranked among its newest this many
COUNT_CAP = 10_000       # totals of very common topics are counted up to this
RECENCY_DAYS = 14.0      # an article this old weighs half as much as one from today


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
    the phrase was not found, "dropped": words that match nothing were left out — `dropped`
    holds them as the reader wrote them); `suggestions` are nearby topics from the index when
    nothing was found.
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


# --- schema -------------------------------------------------------------------------------

def create_index(db: sqlite_utils.Database) -> None:
    """Create the FTS5 table, its vocabulary view and the delete trigger; index existing rows.

    Called by migration 003_search_index (inside its transaction).
    """
    db.execute(f"create virtual table {FTS_TABLE} using fts5(title_keys, body_keys,"
               " tokenize = 'unicode61 remove_diacritics 0')")
    db.execute(f"create virtual table {VOCAB_TABLE} using fts5vocab({FTS_TABLE}, 'row')")
    db.execute(f"""create trigger articles_fts_delete after delete on articles begin
                   delete from {FTS_TABLE} where rowid = old.id; end""")
    rows = db.execute("select id, title, body, summary from articles").fetchall()
    for article_id, title, body, summary in rows:
        _write(db, article_id, title or "", body or summary or "")


def _write(db: sqlite_utils.Database, article_id: int, title: str, text: str) -> None:
    db.execute(f"delete from {FTS_TABLE} where rowid = ?", [article_id])
    db.execute(f"insert into {FTS_TABLE} (rowid, title_keys, body_keys) values (?, ?, ?)",
               [article_id, " ".join(analyze(title)), " ".join(analyze(text))])


def index_article(db: sqlite_utils.Database, article: Article, ctx: StoreContext) -> None:
    """Processing step: (re-)index one stored article (insert or update)."""
    _write(db, article.id, article.title, article.text)


def unindex_article(db: sqlite_utils.Database, article_id: int) -> None:
    """Drop an article from the index (the articles delete trigger does this on its own)."""
    db.execute(f"delete from {FTS_TABLE} where rowid = ?", [article_id])


def _age_days(published: str | None, now: datetime) -> float:
    dt = parse_iso(published) if published else None
    if dt is None:
        return 365.0
    return max(0.0, (now - dt).total_seconds() / 86400.0)


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
    for chunk in _chunks(probe[:k]):
        rows += db.execute(f"select a.id, 1.0 / {_AGE}, a.story_id from articles a"
                           f" where a.id in ({','.join('?' * len(chunk))})",
                           [_now_sql(now), *chunk]).fetchall()
    scored = [(aid, (TITLE_WEIGHT if aid in in_title else BODY_WEIGHT) * inv_age, story)
              for aid, inv_age, story in rows]
    total = int(db.execute(
        f"select count(*) from (select rowid from {FTS_TABLE} where {FTS_TABLE} match ?"
        " limit ?)", [expr, COUNT_CAP]).fetchone()[0])
    return scored, total


def _core(term: str) -> str:
    """A piece every surface spelling of `term` contains (after normalization)."""
    if term == "الله":
        return "لل"  # لله, والله
    if term.isascii() and term.endswith("y") and len(term) > 3:
        return term[:-1]  # countries → country
    return term


def matched_words(text: str, terms: Iterable[str]) -> list[str]:
    """Distinct words of `text`, as written, whose index key is one of `terms` (in text order).

    Finds each term's core with a spelling-tolerant regex (C speed), widens each find to its word
    run and keeps the run when its key is the term: no Python loop over every word of the text.
    """
    wanted = set(terms) - STOP_WORDS or set(terms)
    found: dict[str, int] = {}
    for term in wanted:
        for m in surface_pattern(_core(term)).finditer(text):
            start, end = run_at(text, m.start(), m.end())
            surface = text[start:end]
            if surface not in found and wanted.intersection(run_keys(surface)):
                found[surface] = start
    return sorted(found, key=found.__getitem__)


def search(db: sqlite_utils.Database, query: str, *, limit: int = 10, offset: int = 0,
           now: datetime | None = None, fold_stories: bool = False) -> SearchResult:
    """Search the archive for a topic. Any text is safe; an empty answer carries a message.

    Args:
        query: what the reader typed (Arabic, English, anything).
        limit, offset: the page of hits wanted.
        now: the time recency is measured from (default: the current UTC time).
        fold_stories: keep only the best report of each story (the bot's pages); a common
            topic whose newest matches fold into too few stories for the page is ranked
            among more of them (up to COUNT_CAP).
    """
    now = now or datetime.now(UTC)
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
    mode, expr, cands, total, note = _first_found(db, plan, k, now)
    dropped: tuple[str, ...] = ()
    if not cands and len(plan.content) > 1:
        # «ماكرون Macron»: a word the archive never holds would zero the answer; leave it out.
        counts = _doc_counts(db, [a for k in plan.content for a in alternatives(k)])
        missing = frozenset(k for k in plan.content
                            if not any(counts.get(a) for a in alternatives(k)))
        if missing and len(missing) < len(plan.content):
            plan = plan_query(query, without=missing)
            dropped = tuple(written_words(query, sorted(missing)))
            mode, expr, cands, total, _note = _first_found(db, plan, k, now)
            note = "dropped" if cands else note
    message = _MESSAGES.get(note or "")
    if note == "dropped":
        shown = "، ".join(f"«{w}»" for w in dropped)
        message = (f"لم نجد {shown} في الأرشيف، فبحثنا عن بقية الكلمات. /"
                   f" {', '.join(dropped)}: not in the archive, searched without it.")
    if not cands:
        sugg = tuple(suggest(db, query))
        hint = f" هل تقصد: {'، '.join(sugg)}؟ / Did you mean: {', '.join(sugg)}?" if sugg else ""
        return SearchResult((), 0, plan.terms, mode="none", suggestions=sugg,
                            message="لا توجد مقالات عن هذا الموضوع. / Nothing found." + hint)
    cands.sort(key=lambda c: (-c[1], -c[0]))
    folded = _fold(cands)
    # A common topic is ranked among its newest k matches; when their stories do not fill the
    # page, rank more of them, or its later stories could never be paged to.
    while fold_stories and len(folded) < offset + limit and k < min(total, COUNT_CAP):
        k = min(k * 4, COUNT_CAP)
        cands, _ = _candidates(db, expr, k, now)
        cands.sort(key=lambda c: (-c[1], -c[0]))
        folded = _fold(cands)
    # Every match was ranked when there were at most k: the story count is exact. Otherwise it
    # counts the stories of the k ranked (counting them all would read every match's row).
    stories, stories_exact = len(folded), total <= k
    if fold_stories:
        cands = folded
    page = cands[offset:offset + limit]
    rows = _rows(db, [c[0] for c in page])
    hits = []
    for article_id, score, _story in page:
        row = rows.get(article_id)
        if row is None:
            continue
        text = (row.get("title") or "") + "\n" + (row.get("body") or row.get("summary") or "")
        hits.append(SearchHit(digest=digest_from_row(row), score=round(score, 6),
                              matched=tuple(matched_words(text, every_key(plan)))))
    log.debug("search terms=%s mode=%s total=%s stories=%s%s hits=%s", " ".join(plan.terms),
              mode, total, stories, "" if stories_exact else "+", len(hits))
    return SearchResult(tuple(hits), total, plan.terms, message=message, mode=mode,
                        stories=stories, stories_exact=stories_exact, note=note,
                        dropped=dropped)


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
    if not cands and plan.trimmed:  # «علي شمخاني» not found as a name: «شمخاني»
        expr, note = plan.trimmed, "trimmed"
        cands, total = _candidates(db, expr, k, now)
    if not cands and plan.all_words:
        mode, expr, note = "all", plan.all_words, "all"
        cands, total = _candidates(db, expr, k, now)
    return mode, expr, cands, total, note


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


def _chunks(ids: list[int], size: int = 5000) -> list[list[int]]:
    """Id lists small enough for one `in (...)` (SQLite caps bound parameters)."""
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def _rows(db: sqlite_utils.Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        cur = db.execute(f"{ARTICLE_SELECT} where articles.id in ({','.join('?' * len(chunk))})",
                         chunk)
        names = [d[0] for d in cur.description]
        out.update((row[0], dict(zip(names, row))) for row in cur.fetchall())
    return out


# --- suggestions and related coverage -----------------------------------------------------

_ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءئؤ"
_LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits1(term: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away from `term`."""
    letters = _LATIN_LETTERS if term.isascii() else _ARABIC_LETTERS
    splits = [(term[:i], term[i:]) for i in range(len(term) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    out.discard(term)
    return out


def _doc_counts(db: sqlite_utils.Database, terms: Sequence[str]) -> dict[str, int]:
    if not terms:
        return {}
    marks = ",".join("?" * len(terms))
    return dict(db.execute(f"select term, doc from {VOCAB_TABLE} where term in ({marks})",
                           list(terms)).fetchall())


def suggest(db: sqlite_utils.Database, query: str, limit: int = 5) -> list[str]:
    """Nearby spellings from the index vocabulary, most common first, as written in articles.

    For each query key the index does not hold, the keys one edit away (a letter dropped, added,
    swapped or replaced) that it does hold are proposed, most widely used first.
    """
    terms = [t for t in plan_query(query).terms if t not in STOP_WORDS and 3 <= len(t) <= 20]
    known = _doc_counts(db, terms)
    scored: list[tuple[int, str]] = []
    for term in terms:
        if known.get(term):
            continue
        counts = _doc_counts(db, sorted(t for t in _edits1(term) if t not in STOP_WORDS))
        scored.extend((doc, cand) for cand, doc in counts.items())
    scored.sort(key=lambda dc: (-dc[0], dc[1]))
    out: list[str] = []
    for _doc, cand in scored:
        shown = _surface_of(db, cand)
        if shown not in out:
            out.append(shown)
        if len(out) >= limit:
            break
    return out


def _surface_of(db: sqlite_utils.Database, k: str) -> str:
    """The most common way an index key is written in its newest article's title and body."""
    row = db.execute(
        f"select a.title, a.body from {FTS_TABLE} f join articles a on a.id = f.rowid"
        f" where {FTS_TABLE} match ? order by f.rowid desc limit 1", [quote_key(k)]).fetchone()
    if row is None:
        return k
    words = matched_words(f"{row[0]}\n{row[1]}", [k])
    if not words:
        return k
    plain = [normalize(w) for w in words]
    return min(words, key=lambda w: (len(plain[words.index(w)]), w))


RELATED_CANDIDATES = 60   # newest articles sharing two salient title terms, scored in Python
SIGNATURE_KEYS = 20       # an article's signature: its most distinctive keys (tf × idf)
MIN_SHARED = 3            # signature keys a related article must share
FULL_BODY_KEYS = 30       # distinct content keys of a body that is a full report, not a brief


def _idf(k: str) -> float:
    return math.log(1e6 / (1.0 + key_frequency(k)))


def _content(k: str) -> bool:
    return len(k) > 2 and k not in STOP_WORDS and not k.isdigit()


def _counts(keys: Sequence[str]) -> dict[str, int]:
    tf: dict[str, int] = {}
    for k in keys:
        if _content(k):
            tf[k] = tf.get(k, 0) + 1
    return tf


def signature(title_keys: Sequence[str], body: dict[str, int],
              size: int = SIGNATURE_KEYS) -> dict[str, float]:
    """An article's most distinctive content keys and their weights: tf × idf over its title
    (counted three times) and body (`body`: its content keys' counts). A name or place the
    article is about recurs in it and is rare in the news at large."""
    tf = dict(body)
    for k in title_keys:
        if _content(k):
            tf[k] = tf.get(k, 0) + 3
    weighted = sorted(((math.log1p(n) * _idf(k), k) for k, n in tf.items()), reverse=True)
    return {k: w for w, k in weighted[:size]}


def _about_the_same(mine: dict[str, float], my_body: dict[str, int], theirs: dict[str, float],
                    their_body: dict[str, int]) -> set[str]:
    """The signature keys two articles share when that shows one subject, else an empty set.

    They must share MIN_SHARED keys (half the shorter signature, at least 2, for a brief), and
    when both bodies are full articles one shared key must recur in both bodies: the subject
    of a report comes back in its text, a verb phrase of its headline («للضغط على … لوقف»)
    does not.
    """
    shared = mine.keys() & theirs.keys()
    if len(shared) < min(MIN_SHARED, max(2, min(len(mine), len(theirs)) // 2)):
        return set()
    full = len(my_body) >= FULL_BODY_KEYS and len(their_body) >= FULL_BODY_KEYS
    if full and not any(my_body.get(k, 0) >= 2 and their_body.get(k, 0) >= 2 for k in shared):
        return set()
    return shared


def related_articles(db: sqlite_utils.Database, article: Article, *, limit: int = 5,
                     before: datetime | None = None) -> list[Article]:
    """Earlier archive coverage of the article's topic: articles about the same names, places
    and rare words, not merely sharing a phrase of its headline.

    Candidates: the title's content keys are weighted by rarity in the reference corpus (an idf
    from digests.arabic.key_frequency) and by how often the body repeats them; the four heaviest
    are its salient terms, and the newest
    articles holding two of them (the one, for a one-term title) and one in their title are
    candidates. Each candidate must then be about the same subject (`_about_the_same`: share
    MIN_SHARED keys of the two articles' signatures — the SIGNATURE_KEYS most distinctive keys
    of title and body — one of which recurs in both bodies): a shared «للضغط على … لوقف» is
    not enough, shared names are. It is scored by the weight of the signature keys it shares
    times a gentle age factor. The article itself and articles with
    the same title are left out. "Earlier": stored before it (a smaller id; ids grow with ingest
    time) and published before `before` (default: the article's own date). No bm25 and no
    vocabulary scan: it runs at ingest and stays fast on a million articles.
    """
    title_keys = analyze(article.title)
    keys = [k for k in dict.fromkeys(title_keys) if k not in STOP_WORDS and len(k) > 1]
    my_body = _counts(analyze(article.text))
    # a title word the body comes back to is the subject; one said once is the headline's verb
    weight = {k: math.log1p(1 + my_body.get(k, 0)) * _idf(k) for k in keys}
    salient = sorted(keys, key=lambda k: (-weight[k], k))[:4]
    if not salient:
        return []
    if len(salient) == 1:
        expr = quote_key(salient[0])
    else:
        pairs = [(a, b) for i, a in enumerate(salient) for b in salient[i + 1:]]
        expr = " OR ".join(f"({quote_key(a)} AND {quote_key(b)})" for a, b in pairs)
    bound = article.id  # stored before it: ids grow with ingest time
    cutoff = before or article.published_at
    # The date filter sits inside the limit, so an old article (a backfill) still finds its own
    # earlier coverage beneath newer matches.
    dated = " and a.published_at < ?" if cutoff is not None else ""
    rows = db.execute(
        f"""select f.rowid, f.title_keys, f.body_keys, a.published_at, a.title
            from {FTS_TABLE} f join articles a on a.id = f.rowid
            where {FTS_TABLE} match ? and f.rowid != ? and f.rowid < ?{dated}
            order by f.rowid desc limit {RELATED_CANDIDATES}""",
        [expr, article.id, bound, *([iso(cutoff)] if cutoff is not None else [])]).fetchall()
    ref = cutoff or datetime.now(UTC)
    mine = signature(title_keys, my_body)
    ranked = []
    for article_id, c_title, c_body, published, title in rows:
        dt = parse_iso(published)
        if cutoff is not None and (dt is None or dt >= cutoff):
            continue
        c_title_keys = c_title.split()
        if not set(c_title_keys).intersection(salient):
            continue
        their_body = _counts(c_body.split())
        theirs = signature(c_title_keys, their_body)
        shared = _about_the_same(mine, my_body, theirs, their_body)
        if not shared:
            continue
        score = sum(min(mine[k], theirs[k]) for k in shared)
        score /= 1.0 + _age_days(published, ref) / 30.0
        ranked.append((score, article_id, normalize(title or "").strip()))
    ranked.sort(key=lambda r: (-r[0], -r[1]))
    seen_titles = {normalize(article.title).strip()}
    ids: list[int] = []
    for _score, article_id, title in ranked:
        if title and title in seen_titles:
            continue
        seen_titles.add(title)
        ids.append(article_id)
        if len(ids) >= limit:
            break
    by_id = _rows(db, ids)
    return [article_from_row(by_id[i]) for i in ids if i in by_id]
