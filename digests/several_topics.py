"""Several topics typed in one message: «سوريا، لبنان، مصر», «إيران و السعودية» (QA26 N2).

A new reader often lists their interests at once. Stored as one topic such a list matches no
article (its phrase «سوريا لبنان مصر» is written nowhere; «إيران و السعودية» keeps the «و»), so
it is read as a list of topics when:
- separators split it: «،», «,», «؛», «;», a new line or « / », each piece a topic: without its
  words of asking at most SHORT_PIECE words, or names of the news alone (`_a_topic`; a longer
  piece is a sentence or a pasted headline, and the whole is answered as before);
- or, without separators, it is two or more names of the news (digests.topic_names.NEWS_NAMES,
  through digests.asked_topics.described_names, in any spelling, «و» before a name or alone) that
  cover every word typed — «محمد بن سلمان», «كأس العالم», «الأمم المتحدة» are one name of that
  table, so they stay whole — and, when no «و» joins them, the archive does not write them side
  by side as a phrase (COVERED_PHRASE articles: «ترامب بوتين» of a summit stays whole), and
  they are not one subject of the news beside one name (digests.topic_names.SUBJECT_NAMES:
  «انتخابات مصر», «نفط العراق», «لبنان انتخابات» are one topic, the subject of a place; X87 —
  three or more names are a list even with a subject among them, «سوريا لبنان النفط»; X89);
- Latin names joined by «and»/«&» that each have an Arabic topic («Syria and Lebanon»).
Words the table does not know («البوسنة والهرسك») are never split: the decision is the name
table's and the archive's, not a list of conjunctions. Reads the search index only for the
phrase count.
"""

from __future__ import annotations

import re

import sqlite_utils

from digests.asked_topics import described_names, topic_text
from digests.general_names import is_general_name
from digests.query import plan_query
from digests.search_candidates import match_count
from digests.topic_names import SUBJECT_NAMES, arabic_topic, is_latin

MAX_TOPICS = 10          # at most this many followed from one message (the rest is a paste)
MAX_PIECE_WORDS = 4      # names of the news in a piece: more is a sentence
SHORT_PIECE = 2          # a piece of up to this many words is a topic as typed
COVERED_PHRASE = 2       # two names written side by side in this many articles are one topic
_SEPARATORS = re.compile(r"\s*(?:[،,؛;\n]|\s/\s)\s*")
_LATIN_AND = re.compile(r"\s+(?:and|&)\s+|\s*&\s*", re.IGNORECASE)
_AND = "و"


# an HTML entity typed as text («&lt;script&gt;»): its «;» and «&» separate nothing (QA38 A8:
# «&lt;script&gt; الغوطة» was read as the topics «&lt», «script&gt», «الغوطة»)
_ENTITY_RE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_AMP, _SEMI = "\x01", "\x02"  # stand-ins no typed text holds (bot.lines.clean drops them)


def several_topics(db: sqlite_utils.Database, text: str) -> tuple[str, ...]:
    """The topics `text` lists, in the order typed and each once, at most MAX_TOPICS; () when
    it is one topic (module docstring for the rules)."""
    return listed_topics(db, text)[:MAX_TOPICS]


def listed_topics(db: sqlite_utils.Database, text: str) -> tuple[str, ...]:
    """Every topic `text` lists, past MAX_TOPICS too: /subscribe follows the first MAX_TOPICS
    and says how many it left (QA65-3: 300 typed, 10 followed, the rest unsaid)."""
    guarded = _ENTITY_RE.sub(lambda m: f"{_AMP}{m.group(1)}{_SEMI}", text)
    if guarded == text:
        return _several(db, text)
    return tuple(p.replace(_AMP, "&").replace(_SEMI, ";") for p in _several(db, guarded))


def _several(db: sqlite_utils.Database, text: str) -> tuple[str, ...]:
    text = text.strip()
    pieces = [p.strip(" .،,؛;") for p in _SEPARATORS.split(text)]
    pieces = [p for p in pieces if any(ch.isalnum() for ch in p)]
    if len(pieces) >= 2:
        if not all(_a_topic(p) for p in pieces):
            return ()  # «عشرات القتلى في الغوطة، والأسد يتعهد …»: a headline, not a list
        out: list[str] = []
        for piece in pieces:  # «سوريا، إيران والسعودية»: a piece may list names too
            bare = piece if is_latin(piece) else topic_text(piece) or piece  # «ما أخبار سوريا»
            out.extend(_joined_names(db, bare) or [bare])
        return _unique(out)
    return _unique(_joined_names(db, text))


def _a_topic(piece: str) -> bool:
    """Whether a piece between separators reads as a topic: without its words of asking at most
    SHORT_PIECE words («الغوطة», «كأس العالم», «ما آخر أخبار سوريا»), or names of the news and
    nothing else («محمد بن سلمان», «الانتخابات المصرية»), at most MAX_PIECE_WORDS words; or a
    name of the general digest («the general digest»: QA44 T5 refused «Syria, the general
    digest» whole)."""
    if is_general_name(piece):
        return True
    if is_latin(piece):  # «Lebanon and Iran»: each an English name
        parts = [p for p in _LATIN_AND.split(piece) if p.strip()]
        return len(piece.split()) <= SHORT_PIECE or all(arabic_topic(p) for p in parts)
    words = topic_text(piece).split()
    if len(words) <= SHORT_PIECE:
        return bool(words)
    names = described_names(piece)
    return len(words) <= MAX_PIECE_WORDS and sum(len(n.split()) for n in names) == len(words)


def _joined_names(db: sqlite_utils.Database, text: str) -> list[str]:
    """The names `text` is made of when it is two or more of them (module docstring), else []."""
    if is_latin(text):
        parts = [p.strip() for p in _LATIN_AND.split(text) if p.strip()]
        if len(parts) >= 2 and all(arabic_topic(p) for p in parts):
            return parts
        return []
    words = [w for w in text.split() if w != _AND]
    if len(words) < 2 or len(words) > MAX_TOPICS * MAX_PIECE_WORDS:
        return []
    names = described_names(text)
    if len(names) < 2 or sum(len(n.split()) for n in names) != len(words):
        return []  # a word no name holds («قصف الغوطة»): one topic as typed
    joined = _AND in text.split() or any(w.startswith(_AND) and w[1:] in names for w in words)
    if not joined and len(names) == 2 and any(_a_subject(n) for n in names):
        return []  # «انتخابات مصر», «نفط العراق»: the subject of a place, one topic (X87)
    together = 0 if joined else match_count(db, plan_query(text).phrase, COVERED_PHRASE)
    if together >= COVERED_PHRASE:
        return []  # «ترامب بوتين»: the archive writes them together
    subject_words = len(names[0].split())
    after = text.split()[subject_words]
    if (joined and len(names) >= 3 and _a_subject(names[0])
            and not any(_a_subject(n) for n in names[1:])
            and after != _AND and not (after.startswith(_AND) and after[1:] in names)):
        # «انتخابات مصر وسوريا» is the elections of each place, not every election anywhere,
        # all of Egypt and all of Syria (QA61-6): the subject as typed before each place;
        # «الانتخابات ومصر» stays a list
        subject = " ".join(words[:subject_words])
        return [f"{subject} {place}" for place in names[1:]]
    return names


def _a_subject(name: str) -> bool:
    """Whether a name of the news is a subject (oil, elections, a truce…), not a place or a
    person."""
    return name in SUBJECT_NAMES or name.split(" ", 1)[0] in SUBJECT_NAMES


def _unique(topics: list[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for topic in topics:
        seen.setdefault(topic, None)
    return tuple(seen) if len(seen) >= 2 else ()
