"""A topic's candidates in the archive: the articles an FTS5 expression matches, scored and
counted (the steps of digests.search).

A probe takes the newest matches first (`candidates`): a topic with at most k matches is scored
whole by bm25 (title weighted TITLE_WEIGHT to the body's BODY_WEIGHT) over an age factor (an
article RECENCY_DAYS old weighs half); a very common one is ranked among its newest k by where
they match, and its total counted up to COUNT_CAP (`match_count`, the one capped count the
reader-text modules use too). The plan's expressions are tried in turn (`first_found`: the
phrase, the phrase without a name kept at its ends, all the words); a pasted paragraph is
searched by the names it holds (`by_names`). A last «على» is read by the archive (`ala_read`,
QA28 T1) and a phrase ending in the name «علي» keeps only the articles that write the name, not
the preposition the index keys the same (`name_written`, QA23 S8). Their order is
digests.search_order's.

A chat's muted sources (bot.reader_sources, X61) are left out here, in the queries themselves
(`muted`: source ids), so a page is full and its totals count only what the chat may read.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlite_utils

from digests.arabic import STOP_WORDS, run_keys, word_runs_of, written_as_name
from digests.asked_topics import pasted_names
from digests.query import QueryPlan, plan_query
from digests.query_words import ala_readings
from digests.search_index import FTS_TABLE, chunks, rows_by_id

TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
COUNT_CAP = 10_000       # totals of very common topics are counted up to this
RECENCY_DAYS = 14.0      # an article this old weighs half as much as one from today
PASTE_NAMES = 3  # a pasted paragraph that found nothing is searched by its first names, up to this
NAME_SHARE = 3  # «X على» is the name «X علي» when the archive writes the name 3x the preposition
ALA_SAMPLE = 30  # … over this many of the phrase's newest articles (each one's text is read)
Candidate = tuple[int, float, int | None]  # (article id, score, story id)


def now_sql(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


AGE = (f"(1.0 + coalesce(max(0.0, julianday(?) - julianday(a.published_at)), 365.0)"
        f" / {RECENCY_DAYS})")


def unmuted(muted: frozenset[int]) -> tuple[str, list[int]]:
    """The condition (" and …") keeping an index row whose article's source is not in `muted`,
    and its parameters; ("", []) when nothing is muted. A lookup by primary key per row: the
    probes stop after k rows, so a muted source costs a few ms even on a common topic."""
    if not muted:
        return "", []
    ids = sorted(muted)
    return (f" and coalesce((select m.source_id from articles m where m.id = {FTS_TABLE}.rowid),"
            f" 0) not in ({','.join('?' * len(ids))})", ids)


def match_count(db: sqlite_utils.Database, expr: str | None, cap: int,
                muted: frozenset[int] = frozenset()) -> int:
    """How many articles match the FTS5 expression, up to `cap` (0 for no expression), those
    of `muted` sources left out."""
    if not expr:
        return 0
    skip, skipped = unmuted(muted)
    return int(db.execute(
        f"select count(*) from (select rowid from {FTS_TABLE} where {FTS_TABLE} match ?{skip}"
        " limit ?)", [expr, *skipped, cap]).fetchone()[0])


def candidates(db: sqlite_utils.Database, expr: str, k: int, now: datetime,
               muted: frozenset[int] = frozenset()) -> tuple[list[Candidate], int]:
    """The scored candidates of `expr` and the total number of matches.

    A probe takes the newest k+1 matching ids (cheap at any size). When it holds them all, every
    match is scored bm25 / age. When there are more, the topic is a very common one: bm25 would
    count its whole document list for the IDF (tens of ms at 1M articles), so the newest k are
    scored by where they match (title 4, body 1) / age, and the total is counted up to
    COUNT_CAP. The articles of `muted` sources are not candidates, nor counted.
    """
    skip, skipped = unmuted(muted)
    probe = [r[0] for r in db.execute(
        f"select rowid from {FTS_TABLE} where {FTS_TABLE} match ?{skip}"
        " order by rowid desc limit ?", [expr, *skipped, k + 1]).fetchall()]
    if not probe:
        return [], 0
    if len(probe) <= k:
        rows = db.execute(
            f"""select c.id, -c.rel / {AGE}, a.story_id
                from (select rowid as id, bm25({FTS_TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}) as rel
                      from {FTS_TABLE} where {FTS_TABLE} match ?{skip}) c
                join articles a on a.id = c.id""", [now_sql(now), expr, *skipped]).fetchall()
        return rows, len(rows)
    floor = probe[k - 1]
    in_title = {r[0] for r in db.execute(
        f"select rowid from {FTS_TABLE} where {FTS_TABLE} match ? and rowid >= ?",
        [f"title_keys : ({expr})", floor]).fetchall()}
    rows = []
    for chunk in chunks(probe[:k]):
        rows += db.execute(f"select a.id, 1.0 / {AGE}, a.story_id from articles a"
                           f" where a.id in ({','.join('?' * len(chunk))})",
                           [now_sql(now), *chunk]).fetchall()
    scored = [(aid, (TITLE_WEIGHT if aid in in_title else BODY_WEIGHT) * inv_age, story)
              for aid, inv_age, story in rows]
    return scored, match_count(db, expr, COUNT_CAP, muted)


def story_count(db: sqlite_utils.Database, expr: str, muted: frozenset[int] = frozenset()
                ) -> int:
    """The number of stories among every match of `expr` (an unclustered article is one), the
    reports of `muted` sources left out (a story they alone told is not counted)."""
    skip, skipped = unmuted(muted)
    return int(db.execute(
        f"select count(distinct coalesce(a.story_id, -a.id)) from articles a where a.id in"
        f" (select rowid from {FTS_TABLE} where {FTS_TABLE} match ?{skip})",
        [expr, *skipped]).fetchone()[0])


def first_found(db: sqlite_utils.Database, plan: QueryPlan, k: int, now: datetime,
                muted: frozenset[int] = frozenset()
                ) -> tuple[str, str, list[Candidate], int, str | None]:
    """The first of the plan's expressions that finds something (not counting `muted` sources'
    articles): the phrase, the phrase without a name kept at its ends, all the words. Returns
    (mode, expr, candidates, total, note)."""
    mode, note, expr = "phrase", None, plan.phrase or ""
    cands, total = candidates(db, expr, k, now, muted)
    if cands and plan.trimmed and total <= k:  # «الإمام علي»: not «إمام على» (QA23 S8)
        cands = name_written(db, cands, plan)
        total = len(cands)
        if not cands:  # only the preposition: the name is not in the archive, «إمام» is no topic
            return mode, expr, cands, total, note
    if not cands and plan.trimmed:  # «علي شمخاني» not found as a name: «شمخاني»
        expr, note = plan.trimmed, "trimmed"
        cands, total = candidates(db, expr, k, now, muted)
    if not cands and plan.all_words:
        mode, expr, note = "all", plan.all_words, "all"
        cands, total = candidates(db, expr, k, now, muted)
    return mode, expr, cands, total, note


def by_names(db: sqlite_utils.Database, query: str, k: int, now: datetime,
             muted: frozenset[int] = frozenset()
             ) -> tuple[tuple[str, ...], str, list[Candidate], int]:
    """A long text searched by the names of the news it holds (digests.asked_topics.pasted_names):
    the articles holding its first PASTE_NAMES names, else fewer of them. Returns (the names
    searched, the expression, candidates, total); no candidates when nothing was found."""
    names = pasted_names(query)
    for n in range(min(PASTE_NAMES, len(names)), 0, -1):
        used = tuple(names[:n])
        expr = " AND ".join(f"({plan_query(name).phrase})" for name in used)
        cands, total = candidates(db, expr, k, now, muted)
        if cands:
            return used, expr, cands, total
    return (), "", [], 0


def ala_read(db: sqlite_utils.Database, query: str, plan: QueryPlan, now: datetime
              ) -> tuple[str, QueryPlan]:
    """A last «على» read by the archive (QA28 T1): the name «علي» when the phrase with it is
    written as the name NAME_SHARE times as often as with the preposition (over the newest
    ALA_SAMPLE articles of the phrase) — or, after a title or given name
    (digests.query_words.name_runs), at all; else the preposition, whose object the reader left out («الحرب على» → «الحرب»)."""
    readings = ala_readings(query)
    if readings is None:
        return query, plan
    as_name, as_prep, named = readings
    name_plan = plan_query(as_name)
    cands = candidates(db, name_plan.phrase, ALA_SAMPLE, now)[0] if name_plan.phrase else []
    written = len(name_written(db, cands, name_plan)) if cands else 0
    prep = len(cands) - written
    if written and (named or (written >= 2 and written >= NAME_SHARE * prep)):
        return as_name, name_plan
    return (as_prep, plan_query(as_prep)) if named else (query, plan)


def name_written(db: sqlite_utils.Database, cands: list[Candidate], plan: QueryPlan
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
