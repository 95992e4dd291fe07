"""What bm25 and age miss when a topic's matches are ranked: where, how often, by how many sources,
and about whom.

digests.search scores a rare-enough topic's matches by bm25 (title 4×) over an age factor. Read
against the corpus (QA12 section 2, benchmarks/search_quality.py's ranked topics) that order puts
a body's one passing mention («شارك في أولمبياد ريو», a referee's biography) above headlines about
the topic, a two-line feature above the story three sources reported («تعرف على الفائزين
بالأوسكار»), and another man of the same name («نصر الحريري») among Saad Hariri's news. `weigh`
multiplies each candidate's score by:

- TITLE: the topic (its phrase, in any spelling) is in the headline — the article is about it;
- ONE_MENTION: the headline holds none of its words and the body names it once — the article is
  about something else («خامنئي» in a headline keeps «علي خامنئي» from this);
- coverage, for a headline about the topic: 1 + COVERAGE per further source among the matches
  of the same story (up to MAX_SOURCES): the event several newsrooms reported is the one a
  reader asks about (a story that names the topic in passing gains nothing from its size);
- OTHER_NAME: a one-word name whose matches mostly introduce one person («سعد الحريري»: 22 of 32
  first mentions) and this article's headline and first mention name another («نصر الحريري»,
  «أيمن الحريري»), a given name that is rare before the surname among the matches.

A topic of several words («دونالد ترامب», «الغوطة الشرقية») is also about an article whose
headline holds one of its words and whose body names it whole (QA23 S6: «دونالد ترامب» put a
4-day-old headline with the full name above the last day's «ترامب …» headlines, whose bodies
name him in full).

A mention inside another entity's name (digests.longer_names / one_word_names: «حصة الأسد»,
«مونديال روسيا», a football «الأسد» in an article naming nothing of Syria; QA23 S8) does not
count: an article whose every mention is such a name is a passing one. It stays in the answer
(recall is kept), below the articles about the topic; alerts drop it (digests.topic_match).

Reads the index's analyzed keys of the candidates (at most digests.search.CANDIDATES rows), with
string operations only; pure apart from that one query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import sqlite_utils

from digests.arabic import STOP_WORDS
from digests.longer_names import Context, in_article, masked
from digests.plurals import other_number
from digests.search_index import FTS_TABLE, chunks
from digests.topic_match_units import without_units_text

TITLE = 1.5
ONE_MENTION = 0.5
COVERAGE = 0.25
MAX_SOURCES = 3
OTHER_NAME = 0.4
NAME_SHARE = 0.5     # the usual first name introduces at least this share of the matches …
NAME_MIN = 3         # … and at least this many
RARE_NAME = 0.25     # another first name is «rare» at most at this fraction of the usual one
# Tiers of a results page (QA18 R12: latest first among the articles about the topic).
ABOUT, OTHER, PASSING = 0, 1, 2
ABOUT_MENTIONS = 3   # a body that names the topic this often is about it, whatever its headline

Candidate = tuple[int, float, int | None]  # (article id, score, story id), as digests.search


def typed_needles(phrases: Sequence[Sequence[str]]) -> list[str]:
    """The space-padded phrases of the topic in the number it was typed: all of them but those
    that put a noun in its other number (digests.plurals: «أسعار النفط» for «سعر النفط»).
    The first phrase is the typed one (digests.query); a spelling of a name stays typed."""
    if not phrases:
        return []
    typed = set(phrases[0])
    other = {o for k in typed if (o := other_number(k)) is not None} - typed
    return [f" {' '.join(p)} " for p in phrases if p and not other & set(p)]


def by_number(tier: int, title: str, body: str, typed: list[str], needles: list[str]) -> int:
    """`tier` one lower (ABOUT → OTHER → PASSING) for an article whose body alone holds the
    topic, and only in its other number (X55, X49's left: «أسعار النفط» ranked «17.25 جنيه سعر
    الدولار…», whose body says «سعر النفط», #3 by date; «مساجد» a report on Zamzam well whose
    body names a «مسجد»). A headline in the other number keeps its tier: «خفض مدة سجن جندي
    إسرائيلي» is about «الجنود الإسرائيليين»."""
    if (len(typed) == len(needles) or any(n in title for n in needles)
            or any(n in body for n in typed)):
        return tier
    return min(tier + 1, PASSING)


def _words_of_name(phrases: Sequence[Sequence[str]]) -> frozenset[str]:
    """The words of a topic of several words that a headline about it may hold alone (no
    stop-word, no letter pair): «دونالد ترامب» → دونالد, ترامب (every spelling). Empty for a
    topic of one word."""
    if not phrases or len(phrases[0]) < 2:
        return frozenset()
    return frozenset(f" {k} " for p in phrases for k in p if len(k) >= 3 and k not in STOP_WORDS)


def _named_whole(title: str, mentions: int, words: frozenset[str]) -> bool:
    """A headline with a word of the topic over a body that names it whole (see the docstring)."""
    return mentions >= 1 and any(w in title for w in words)


def _outside_names(title: str, body: str, phrases: Sequence[Sequence[str]],
                   ctx: Context | None) -> tuple[str, str]:
    """The headline's and body's keys (space-padded) with every mention of the topic that sits
    inside another entity's name blanked (see the module docstring), and each currency named as
    the unit of an amount («20 مليون دولار», digests.topic_match_units: X72, QA46 G1 — the
    box-office report was «الدولار»'s first result); as they are without either."""
    title, body = without_units_text(title, phrases), without_units_text(body, phrases)
    if ctx is None:
        return title, body
    here = in_article(ctx, frozenset(title.split()) | frozenset(body.split()))
    if here is None or not here.names:
        return title, body
    kept_title = " ".join(masked(title.split(), phrases, here))
    kept_body = " ".join(masked(body.split(), phrases, here))
    return f" {kept_title} ", f" {kept_body} "


def weigh(db: sqlite_utils.Database, cands: list[Candidate],
          phrases: Sequence[Sequence[str]], ctx: Context | None = None
          ) -> tuple[list[Candidate], dict[int, int]]:
    """The candidates with their scores adjusted (see the module docstring; order unchanged),
    and each one's tier: ABOUT (the topic in the headline, or named
    at least ABOUT_MENTIONS times in the body: the article is about it), OTHER, or PASSING
    (marked down: a passing mention, another man of the name). digests.search shows the tiers
    in that order, each latest first (QA18 R12)."""
    if not cands or not phrases:
        return cands, {}
    needles = [f" {' '.join(p)} " for p in phrases if p]
    typed = typed_needles(phrases)
    keys = {k for p in phrases for k in p}
    rows: dict[int, tuple[str, str, int]] = {}
    for chunk in chunks([c[0] for c in cands]):
        marks = ",".join("?" * len(chunk))
        for rid, title, body, source in db.execute(
                f"select f.rowid, f.title_keys, f.body_keys, a.source_id from {FTS_TABLE} f"
                f" join articles a on a.id = f.rowid where f.rowid in ({marks})", chunk):
            rows[rid] = (*_outside_names(f" {title} ", f" {body} ", phrases, ctx), source)
    sources: dict[int, set[int]] = {}
    for aid, _score, story in cands:
        if story is not None and aid in rows:
            sources.setdefault(story, set()).add(rows[aid][2])
    names = _first_names(rows, needles) if len(phrases[0]) == 1 else {}
    words = _words_of_name(phrases)
    usual = _usual_name(names)
    counts = Counter(p for p, _ in names.values() if p)
    out: list[Candidate] = []
    tiers: dict[int, int] = {}
    for aid, score, story in cands:
        row = rows.get(aid)
        if row is None:
            out.append((aid, score, story))
            continue
        title, body, _source = row
        factor = 1.0
        mentions = sum(body.count(n) for n in needles)
        tier = ABOUT if mentions >= ABOUT_MENTIONS else OTHER
        if any(n in title for n in needles):
            factor *= TITLE
            tier = ABOUT
            if story is not None:  # an event about the topic, reported by several newsrooms
                factor *= 1 + COVERAGE * (min(len(sources.get(story, ())), MAX_SOURCES) - 1)
        elif _named_whole(title, mentions, words):
            tier = ABOUT
        elif not any(f" {k} " in title for k in keys) and mentions <= 1:
            factor *= ONE_MENTION
            tier = PASSING
        first, in_title = names.get(aid, (None, None))
        if (usual is not None and first and first != usual and in_title == first
                and counts[first] <= RARE_NAME * counts[usual]):
            factor *= OTHER_NAME
            tier = PASSING
        out.append((aid, score * factor, story))
        tiers[aid] = by_number(tier, title, body, typed, needles)
    return out, tiers


def headline_about(title_keys: str, phrases: Sequence[Sequence[str]]) -> bool:
    """Whether an article's headline (its analyzed keys) names the topic: its phrase in any
    spelling, or for a topic of several words one of its words (`_words_of_name`)."""
    title = f" {title_keys} "
    return (any(f" {' '.join(p)} " in title for p in phrases if p)
            or any(w in title for w in _words_of_name(phrases)))


def tiers_of(db: sqlite_utils.Database, cands: list[Candidate],
             phrases: Sequence[Sequence[str]], ctx: Context | None = None) -> dict[int, int]:
    """`weigh`'s tiers without its scores, for a very common topic's newest matches: only the
    headline and the number of body mentions (no sources, no first names: another man of the
    name is not told apart here). Reads the candidates' keys: ≈2 ms per 100 at 7k articles."""
    needles = [f" {' '.join(p)} " for p in phrases if p]
    typed = typed_needles(phrases)
    keys = {f" {k} " for p in phrases for k in p}
    words = _words_of_name(phrases)
    out: dict[int, int] = {}
    if not needles:
        return out
    for chunk in chunks([c[0] for c in cands]):
        for rid, title, body in db.execute(
                f"select rowid, title_keys, body_keys from {FTS_TABLE}"
                f" where rowid in ({','.join('?' * len(chunk))})", chunk):
            title, body = _outside_names(f" {title} ", body, phrases, ctx)
            # the body is not copied with spaces around it: a mention that is its first or
            # last key goes uncounted, the price of not copying every candidate's body
            mentions = sum(body.count(n) for n in needles)
            if (any(n in title for n in needles) or mentions >= ABOUT_MENTIONS
                    or _named_whole(title, mentions, words)):
                tier = ABOUT
            elif not any(k in title for k in keys) and mentions <= 1:
                tier = PASSING
            else:
                tier = OTHER
            out[rid] = by_number(tier, title, f" {body} ", typed, needles)
    return out


def _first_names(rows: dict[int, tuple[str, str, int]], needles: list[str]
                 ) -> dict[int, tuple[str | None, str | None]]:
    """Per article: the key before the first mention in the body and before the first mention
    in the headline (None where there is none)."""
    out: dict[int, tuple[str | None, str | None]] = {}
    for aid, (title, body, _source) in rows.items():
        out[aid] = (_before(body, needles), _before(title, needles))
    return out


def _before(text: str, needles: list[str]) -> str | None:
    at = min((i for i in (text.find(n) for n in needles) if i >= 0), default=-1)
    if at <= 0:
        return None
    return text[:at].rsplit(" ", 1)[-1] or None


def _usual_name(names: dict[int, tuple[str | None, str | None]]) -> str | None:
    """The key that introduces most first mentions (a one-word name's usual first name), when
    it introduces at least NAME_SHARE of the mentions and NAME_MIN articles; else None."""
    firsts = [p for p, _ in names.values() if p is not None]
    if not firsts:
        return None
    key, n = Counter(firsts).most_common(1)[0]
    return key if n >= NAME_MIN and n >= NAME_SHARE * len(firsts) else None
