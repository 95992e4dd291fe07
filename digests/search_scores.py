"""A score typed as a search («3-0», «٣-٠», «3 - 0», «3−0», «3 مقابل 0») is one token (brief X72,
QA46 G5; other dashes and «مقابل»: QA52 R9; a tatweel for a dash, either order: X80).

The index keys «3-0» as the two keys «3» «0», so the phrase matched any «3» before a «0» — a
Putin election report's «جيرينوفسكي (6,3)» ranked #2 for «6-3», dates «3ـ/6ـ» matched — and,
the phrase being rare, the search widened to every article holding a 3 and a 0 anywhere
(Lebanon's debt, the oil weekly, US inflation). A score query keeps only the articles whose text
writes the score as a score: the two numbers joined by a dash or a colon, with no digit, decimal
mark, slash or percent sign glued to either side; and it is never widened. A short query with
one score among its words («ريال مدريد 3-0») is a score query too (brief X75; RC's review): it
answered with every Real Madrid report holding a «3» and a «0» anywhere. Never widened means no
branch of a search that finds nothing applies either (a dropped word, a pasted text's names):
«5-4» found nowhere is nothing found, not the oil report without its «4». Pure apart from
`score_matches`, which reads the candidates' text.

A score has no order (X80, R9 left): «0-3» is the same result as «3-0» told from the other
side, and Arabic-Indic digits typed right to left are easily typed in the order seen, «٠-٣» for
a «3-0» — as the story marks read a score (digests.story_evidence sorts its sides). A tatweel
between two numbers is a dash («٣ـ٠»): the index keys it as one number («30», normalize drops
the tatweel), so those articles are looked up by that key too, among the ones holding a tatweel.
"""

from __future__ import annotations

import re
from datetime import datetime

import sqlite_utils

from digests.search_candidates import Candidate, candidates
from digests.search_index import chunks

SCORE_QUERY = re.compile(r"(?<![\d/%٪ـ.,،٫:–—-])(\d{1,2})\s*[-–—:]\s*(\d{1,2})(?![\d/%٪ـ:–—-])(?![.,،٫]\d)")
SCORE_WORDS = 8  # a query longer than this is a pasted text (searched by its names), no score
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# glued to a score's number: a digit, a slash (a date), a percent sign, a tatweel («3ـ/6ـ»);
# a decimal mark before a digit («1.6-3», «3-0.5»); «3-0،» and «(3-0).» are punctuation
_BEFORE = r"(?<![\d/%٪ـ])(?<!\d[.,،٫])"
_AFTER = r"(?![\d/%٪ـ])(?![.,،٫]\d)"
SCORE_SCAN = 1000  # a score's phrase matches read for the score itself (its «3 0» keys)
# other dashes a score is written with (QA52 R9): minus U+2212, hyphens U+2010/2011, figure dash,
# small and full-width hyphen-minus; read as «-» in a query and in a text
_DASHES = str.maketrans({c: "-" for c in "\u2212\u2010\u2011\u2012\ufe63\uff0d"})
# «فاز 3 مقابل 0»: the Arabic «versus» between the two numbers is a score's dash too
VERSUS = "مقابل"
_VERSUS = re.compile(rf"(\d)\s+{VERSUS}\s+(\d)")
# «٣ـ٠»: a tatweel between two numbers of at most two digits is a dash (X80); not «3ـ/6ـ»
TATWEEL = "\u0640"
_TATWEEL_DASH = re.compile(
    rf"(?<![\d/{TATWEEL}])(\d{{1,2}}){TATWEEL}+(\d{{1,2}})(?![\d/{TATWEEL}])")


def _plain(text: str) -> str:
    """`text` with Western digits, one dash for every dash, and «3 مقابل 0» and «3ـ0» as
    «3-0»."""
    plain = _VERSUS.sub(r"\1-\2", text.translate(_DIGITS).translate(_DASHES))
    return _TATWEEL_DASH.sub(r"\1-\2", plain)


def tatweel_dashed(query: str) -> str:
    """`query` with a score written with a tatweel given its dash («ريال ٣ـ٠» → «ريال ٣-٠»),
    so that the plan keys its two numbers, not the one number «30» the tatweel's absence
    makes; any other text unchanged."""
    return _TATWEEL_DASH.sub(r"\1-\2", query) if TATWEEL in query else query


def score_of(query: str) -> tuple[str, str] | None:
    """The two numbers of the one score a short query holds («٣-٠», «ريال مدريد 3-0» →
    ("3", "0")), else None: no score, two («3-0 و 2-1»), a season («2017-2018») or a text of
    more than SCORE_WORDS words."""
    plain = _plain(query)
    found = SCORE_QUERY.findall(plain)
    if len(found) != 1 or len(plain.split()) > SCORE_WORDS:
        return None
    return str(int(found[0][0])), str(int(found[0][1]))


def holds_score(text: str, score: tuple[str, str]) -> bool:
    """Whether `text` writes `score` as a score, in either order: «3-0», «(3 - 0)», «3:0»,
    «٣-٠», «٣ـ٠», «0-3»; not «6,3», «6.3», «13-0», «3-05», «3/6» or «6-3%»."""
    plain = _plain(text)
    return any(re.search(rf"{_BEFORE}{a}\s*[-–—:]\s*{b}{_AFTER}", plain) is not None
               for a, b in {score, score[::-1]})


def _lone(terms: list[str], score: tuple[str, str]) -> bool:
    """Whether the expression's `terms` are the score's alone (no other word typed)."""
    a, b = score
    return (sorted(terms) == sorted([f'"{a}"', f'"{b}"']) or terms == [f'"{a} {VERSUS} {b}"']
            or terms == [f'"{a} {b}"'])


def score_expression(expr: str, score: tuple[str, str]) -> str:
    """The FTS5 expression whose matches are read for `score`: the plan's `expr` without the
    word «مقابل» (a text writing «3-0» has none), and a lone score's phrase in either order and
    also as «3 مقابل 0» (the index keys the word between the numbers): '"3" AND "مقابل" AND
    "0"' and '"3 0"' → '"3 0" OR "3 مقابل 0" OR "0 3" OR "0 مقابل 3"'; '"ريال" AND "3" AND
    "مقابل" AND "0"' → '"ريال" AND "3" AND "0"'."""
    a, b = score
    terms = [x for x in expr.split(" AND ") if x != f'"{VERSUS}"']
    if not _lone(terms, score):
        return " AND ".join(terms)
    orders = [(a, b)] if a == b else [(a, b), (b, a)]
    return " OR ".join(f'"{x} {y}" OR "{x} {VERSUS} {y}"' for x, y in orders)


def joined_expression(expr: str, score: tuple[str, str]) -> str:
    """The FTS5 expression of the articles that may write `score` with a tatweel («٣ـ٠»,
    keyed «30»): the score's numbers as one key, in either order, with the plan's other words:
    '"3 0"' → '"30" OR "03"'; '"ريال" AND "3" AND "0"' → '"ريال" AND ("30" OR "03")'."""
    a, b = score
    joined = " OR ".join(dict.fromkeys(f'"{x}{y}"' for x, y in ((a, b), (b, a))))
    terms = [x for x in expr.split(" AND ") if x != f'"{VERSUS}"']
    if _lone(terms, score):
        return joined
    rest = [x for x in terms if x not in (f'"{a}"', f'"{b}"')]
    return " AND ".join([*rest, f"({joined})"])


def score_matches(db: sqlite_utils.Database, expr: str, score: tuple[str, str], now: datetime,
                  muted: frozenset[int] = frozenset()) -> list[Candidate]:
    """The candidates of the score's phrase `expr` (up to SCORE_SCAN, newest) whose headline or
    text holds the score itself, then those keyed by its numbers joined («٣ـ٠»: up to
    SCORE_SCAN, newest, of those holding a tatweel) that hold it."""
    cands, _total = candidates(db, score_expression(expr, score), SCORE_SCAN, now, muted)
    joined, _total = candidates(db, joined_expression(expr, score), SCORE_SCAN, now, muted)
    seen = {c[0] for c in cands}
    joined = [c for c in joined if c[0] not in seen]
    kept = _holding(db, [c[0] for c in cands], score)
    kept |= _holding(db, [c[0] for c in joined], score, tatweel=True)
    return [c for c in [*cands, *joined] if c[0] in kept]


def _holding(db: sqlite_utils.Database, ids: list[int], score: tuple[str, str], *,
             tatweel: bool = False) -> set[int]:
    """The articles of `ids` whose headline or text holds `score` (`tatweel`: only those
    holding a tatweel are read)."""
    only = f" and instr(coalesce(title, '') || coalesce(body, summary, ''), '{TATWEEL}') > 0"
    kept: set[int] = set()
    for chunk in chunks(ids):
        for aid, title, body, summary in db.execute(
                "select id, title, body, summary from articles where id in"
                f" ({','.join('?' * len(chunk))}){only if tatweel else ''}", chunk):
            if holds_score(f"{title or ''}\n{body or summary or ''}", score):
                kept.add(aid)
    return kept
