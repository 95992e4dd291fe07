"""A source's name given by an admin: renaming, and never a link as a name (QA40 N2).

Several links pasted into one /addsource made the first a source *named after the others*
(«‎http://…/f03.xml http://…/f04.xml‎»), a name readers then saw under every story of it. A name
that holds a link is refused; `rename_source` repairs a name already stored (/renamesource).

QA44 T1/T2: a name is what readers tell sources apart by, so a new name is refused when it is
only invisible marks (RLM, LRI … — they are trimmed first, as bot.lines.clean trims them from
every name shown), longer than MAX_NAME_CHARS, or another active source's name. QA52 R10: or
one a reader cannot tell from another's: look-alike letters of another script («BВC», Cyrillic
«В») or another spelling the search folds («الجزيره» beside «الجزيرة»); the same checks apply to
a name given with /addsource.
"""

from __future__ import annotations

import html
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from digests.arabic import normalize
from digests.errors import SourceError
from digests.reader_text import links_in, strip_markup
from digests.sources import get_source, list_sources
from digests.storage import Database

log = logging.getLogger(__name__)

MAX_NAME_CHARS = 80  # a name is one line of /sources and of a digest's source line

# bidi controls, zero-width characters and other controls: shown nowhere (bot.lines.clean), so a
# name made of them alone is an empty name (QA44 T1)
_INVISIBLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
                           "\u2060\u2066-\u2069\ufeff]")

NameProblem = Literal["empty", "long", "link", "taken", "alike"]


class NameRefused(SourceError):
    """A new name refused: `problem` says why; `other` is the source already so named."""

    def __init__(self, problem: NameProblem, name: str, other: int = 0,
                 other_name: str = "") -> None:
        super().__init__(f"source name refused ({problem}): {name!r}")
        self.problem: NameProblem = problem
        self.name = name
        self.other = other
        self.other_name = other_name


# blank letters that draw nothing (Hangul and halfwidth fillers, the braille blank) and the
# tatweel, which only stretches a word (QA48 R8)
_BLANKS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u0640")


def _shown(ch: str) -> bool:
    """False for a character that draws nothing on its own line: a format character (Cf:
    ZWJ, ZWNJ, soft hyphen, invisible operators, tag characters …) or a blank letter."""
    return unicodedata.category(ch) != "Cf" and ch not in _BLANKS


def visible_name(name: str) -> str:
    """`name` without invisible marks (every format character, blank fillers; QA48 R8: ZWJ,
    invisible operators, soft hyphens, tag characters passed) and without HTML tags (QA56-4:
    «<b>BBC</b>» was shown, tags and all, under every story of the source), its spaces
    collapsed; entities typed as text decoded first, as a feed title's are (QA65-10:
    «&lt;b&gt;وكالة&lt;/b&gt;» was kept literally, LRM marks laid inside «&lt;»). Pure."""
    name = _INVISIBLE_RE.sub("", strip_markup(html.unescape(name)))
    return " ".join("".join(ch if _shown(ch) or ch == "\u0640" else "" for ch in name).split())


def _letters(name: str) -> str:
    """What tells a name apart: NFKC (fullwidth «ＢＢＣ», presentation forms), without format
    characters, blanks, tatweel and combining marks (harakat), case-folded."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in folded if _shown(ch)
                   and not unicodedata.category(ch).startswith("M")).casefold()


def _same_key(name: str) -> str:
    return " ".join(_letters(visible_name(name)).split())


# Letters of another script drawn like Latin ones: a Cyrillic «В» in «BВC» (QA52 R10). Mapped
# before case folding, as «Н» is H but «н» is no n.
_LOOK_ALIKES = str.maketrans(
    "АВЕКМНОРСТУХІЈЅаеорсухіјѕԁһԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοι",
    "ABEKMHOPCTYXIJSaeopcyxijsdhqwABEZHIKMNOPTYXoi")
# The hamza's seats on waw and ya («مؤتمر»/«موتمر», «رئيس»/«رييس»): one name to a reader, kept
# apart by the search's normalize (digests.arabic), so folded here on top of it
_HAMZA_SEATS = str.maketrans({"ؤ": "و", "ئ": "ي"})


def _folded_key(name: str) -> str:
    """What a reader could not tell apart: `_same_key` after mapping look-alike letters of
    other scripts to Latin, read as the search reads a word (digests.arabic.normalize: ة/ه, the
    alef forms, ى/ي, Persian and Kurdish letters, Arabic-Indic digits — one shared fold, not a
    copy of it: session 19 review RE), the hamza seats folded too."""
    plain = normalize(_same_key(visible_name(name).translate(_LOOK_ALIKES)))
    return " ".join(plain.translate(_HAMZA_SEATS).split())


def is_link(word: str) -> bool:
    """True for a word that is a link («http://…», «www.…», «bbc.com/arabic/…»)."""
    return "://" in word or bool(links_in(word))


def has_link(name: str) -> bool:
    """True when a name holds a link anywhere: no source is named so."""
    return any(is_link(word) for word in name.split())


@dataclass(frozen=True)
class Renamed:
    """A rename done: the source's id, its old and new names."""

    source_id: int
    old: str
    new: str


def name_problem(name: str, others: dict[int, str]) -> NameRefused | None:
    """Why `name` (already `visible_name`) cannot name a source, given the other active
    sources' names by id; None when it can. Pure."""
    if not _same_key(name):  # only marks, tatweel or blanks: nothing to read (QA48 R8)
        return NameRefused("empty", name)
    if len(name) > MAX_NAME_CHARS:
        return NameRefused("long", name)
    if has_link(name):
        return NameRefused("link", name)
    key = _same_key(name)
    for other_id, other_name in sorted(others.items()):
        if _same_key(other_name) == key:
            return NameRefused("taken", name, other_id)
    folded = _folded_key(name)
    for other_id, other_name in sorted(others.items()):
        if _folded_key(other_name) == folded:  # «BВC», «الجزيره» (QA52 R10)
            return NameRefused("alike", name, other_id, other_name)
    return None


def new_name_problem(db: Database, name: str, source_id: int = 0) -> NameRefused | None:
    """Why `name` (as typed) cannot name source `source_id` (0: a source being added) beside
    the other active sources; None when it can."""
    others = {s.id: s.name for s in list_sources(db) if s.id != source_id}
    return name_problem(visible_name(name), others)


def rename_source(db: Database, source_id: int, name: str) -> Renamed:
    """Name source `source_id` `name` (invisible marks trimmed, spaces collapsed).

    Raises:
        SourceError: no such source.
        NameRefused: the name is empty once trimmed, over MAX_NAME_CHARS, holds a link, or is
            another active source's name.
    """
    source = get_source(db, source_id)
    if source is None:
        raise SourceError(f"no source {source_id}")
    new = visible_name(name)
    problem = new_name_problem(db, name, source_id)
    if problem is not None:
        raise problem
    with db.transaction() as tx:
        tx.execute("update sources set name = ? where id = ?", [new, source_id])
    log.info("source renamed id=%s", source_id)
    return Renamed(source_id, source.name, new)
