"""Everyday phrasings answered by the names of the news they hold (QA24 R1).

Readers type their questions in their own words: «قديش عدد القتلى بالغوطة» (Levantine), «شكو ماكو
بالعراق» (Iraqi), «هو ايه اللي حصل في غزة» (Egyptian), «اريد اعرف اخبار ترامب». No list of
question words holds them all (digests.query_words.QUESTION_WORDS holds the common ones), so the
rule here does not list words. A text of two to MAX_WORDS words is answered, offered for following and
followed as the names of the news it holds (digests.topic_names.NEWS_NAMES, in any spelling or
synonym, with clitics: «بالغوطة»; a country's nisba adjective stays, «الانتخابات المصرية»:
digests.asked_topics.described_names) when all of these hold:
- it is not itself those names («ترامب بوتين», «انصار الله»);
- it reads as a sentence: it holds a word of asking («اريد اعرف اخبار ترامب»), or a word the
  archive holds in under one in RARE_SHARE as many articles as the names, when it holds them
  KNOWN_NAME times or more («قديش», «شكو») — «المفوضية السامية للأمم المتحدة لشؤون اللاجئين» is a
  name of the news word for word;
- the archive does not cover it as a topic of its own: its phrase is in fewer than
  COVERED_PHRASE articles, and all its words together in fewer than one in COVERED_SHARE of its
  names' articles. «قمة ترامب كيم» (41 of «ترامب»'s 669 on QA23's archive) and «قصف الغوطة» stay;
  the 12 that hold «اريد» and «ترامب» are no coverage.
A longer text is a pasted headline or paragraph (digests.search's pasted names and the
too-long refusal answer it). Reads the search index; the rules on text alone are digests.query's.
"""

from __future__ import annotations

import logging
import re

import sqlite_utils

from digests.arabic import STOP_WORDS, normalize, run_keys, word_runs_of
from digests.asked_topics import (
    FLAG,
    MAX_ASKED_NAMES,
    MAX_TOPIC_WORDS,
    asked_topic,
    described_names,
    topic_text,
)
from digests.query import plan_query, topic_phrases
from digests.query_words import QUESTION_WORDS
from digests.search_candidates import match_count
from digests.search_index import doc_counts
from digests.suggestions import typo_fixes

log = logging.getLogger(__name__)

MAX_WORDS = MAX_TOPIC_WORDS + 2  # «حد عارف ايه اللي بيحصل في غزة» is 7 words; a headline more
COVERED_PHRASE = 2    # a phrase in one article is a sentence someone wrote, not a topic
# All the words together in 1 of 30 of the names' articles: a topic of its own. On QA23's archive
# «قمة ترامب كيم» is in 41 of «ترامب»'s 669 (1 in 16), «اريد … ترامب» in 12 (1 in 56); 30 is
# about their geometric middle.
COVERED_SHARE = 30
KNOWN_NAME = 5        # a word never written beside a name this common is no word of the news
# A word in under 1 in 100 as many articles as the name is no word of its news: «قديش» is in 1
# article of QA23's archive, «الغوطة» in 305; «السالفة» in 1, «إيران» in 468.
RARE_SHARE = 100
COUNT_CAP = 5000      # counting stops here (a common name's count only bounds the share)
_ASKING = QUESTION_WORDS - STOP_WORDS  # «في», «عن», «على» are words of names too
_LATIN = re.compile(r"[A-Za-z]")


def _reads_as_sentence(db: sqlite_utils.Database, query: str, text: str, names: str,
                       named: int) -> bool:
    """Whether `query` holds a word of asking, or its topic `text` a word the archive holds in
    fewer than one in RARE_SHARE as many articles as its names (`named` >= KNOWN_NAME)."""
    if _asks(query):
        return True
    if named < KNOWN_NAME:
        return False
    name_keys = {k for p in topic_phrases(names) for k in p}
    others = [k for k in plan_query(text).content if k not in name_keys]
    held = doc_counts(db, others)
    return any(held.get(k, 0) * RARE_SHARE < named for k in others)


def _asks(query: str) -> bool:
    """Whether `query` holds a word of asking («اريد اعرف اخبار ترامب»)."""
    return any(k in _ASKING for run in word_runs_of(query[:400]) for k in run_keys(run))


def _covered(db: sqlite_utils.Database, text: str, named: int) -> bool:
    """Whether the archive covers `text` as a topic beside its names (module docstring)."""
    plan = plan_query(text)
    if match_count(db, plan.phrase, COVERED_PHRASE) >= COVERED_PHRASE:
        return True
    together = match_count(db, plan.all_words, COUNT_CAP)
    return together >= COVERED_PHRASE and together * COVERED_SHARE >= named


_HASHTAG = re.compile(r"#|(?<=[^\W_])_(?=[^\W_])")


def _hashtag_words(query: str) -> str | None:
    """A hashtag's words with spaces («#انقذوا_الغوطة» → «انقذوا الغوطة»); None for no hashtag."""
    if not _HASHTAG.search(query):
        return None
    return " ".join(w for w in re.split(r"[\s_#]+", query) if w) or None


def _held_words(db: sqlite_utils.Database, text: str) -> str:
    """A hashtag's words that the archive does not cover as a phrase, without the words it
    holds in fewer than KNOWN_NAME articles, when others are held more («حلب تحترق» → «حلب»:
    «تحترق» is in 1 article; QA28 T8); else `text`."""
    if match_count(db, plan_query(text).phrase, COVERED_PHRASE) >= COVERED_PHRASE:
        return text
    words = text.split()
    keys = {w: [k for k in run_keys(w) if k not in STOP_WORDS] for w in words}
    held = doc_counts(db, [k for ks in keys.values() for k in ks])
    kept = [w for w in words if all(held.get(k, 0) >= KNOWN_NAME for k in keys[w])]
    return " ".join(kept) if kept and len(kept) < len(words) and any(keys[w] for w in kept) \
        else text


def named_topic(db: sqlite_utils.Database, query: str) -> str:
    """The topic to answer and follow for what a reader typed: `query` itself, or the names of
    the news it holds (QA24 R1: «شكو ماكو بالعراق» → «العراق», «اريد اعرف اخبار ترامب» →
    «ترامب»; the rules in the module docstring). A question about an event (digests.query.
    asked_topic) and text with Latin words («ماكرون Macron») are left to their own rules. A
    hashtag is its words («#انقذوا_الغوطة» → «انقذوا الغوطة», never stored with its «_»), its
    rare words left out when the archive lacks the whole (`_held_words`)."""
    tag = _hashtag_words(query)
    if tag is None:
        return _named(db, query)
    topic = _named(db, tag)
    return _held_words(db, topic) if topic == tag else topic


def reader_topic(db: sqlite_utils.Database, query: str) -> str:
    """What a reader's text is searched as, by the bot and by `run.py search` alike (QA28 T9:
    «Trump» found nothing in the CLI): an English name its Arabic topic
    (digests.topic_names.name_in: «Theresa May» → «تيريزا ماي»), then `named_topic`."""
    mapped = english_read(db, query)
    return named_topic(db, mapped or flags_read(db, query))


def english_read(db: sqlite_utils.Database, query: str) -> str | None:
    """The Arabic a text with English names is searched as, or None: a Latin-only text its
    name (digests.topic_names.name_in) — or, naming several topics the archive holds together
    (in COVERED_PHRASE articles or more), all of them in the order typed («Trump Kim» →
    «ترامب كيم», QA78-8: searched as «ترامب» alone, 700 articles for the summit's 17); a text
    of Arabic and Latin words its Latin names written in Arabic («Trump كيم» → «ترامب كيم»,
    QA78-7: told «Trump» was not in the archive)."""
    from digests.topic_names import (  # late: a table of names
        SUBJECT_NAMES,
        mixed_read,
        name_in,
        names_in,
    )

    one = name_in(query)
    if one is None:
        return mixed_read(query)
    names = names_in(query)
    # a subject beside another name is one topic: «Iran nuclear deal» is the nuclear deal
    if len(names) > 1 and not SUBJECT_NAMES.intersection(names):
        joined = " ".join(names)
        if match_count(db, plan_query(joined).all_words, COVERED_PHRASE) >= COVERED_PHRASE:
            return joined
    return one


def flags_read(db: sqlite_utils.Database, query: str) -> str:
    """`query` with its flags read as the search reads them, and a follow too (X87:
    «/subscribe 🇱🇧 انتخابات» followed «انتخابات», all elections): left out when they only say
    where the topic is (`flag_restates`), else written as the country (`flags_named`)."""
    if FLAG.search(query) and flag_restates(db, query):
        return " ".join(FLAG.sub(" ", query).split())
    return flags_named(query)


def flag_restates(db: sqlite_utils.Database, query: str) -> bool:
    """Whether the flags beside a topic only say where it is (QA57-3: «الغوطة الشرقيه 🇸🇾» was
    searched as «الغوطة الشرقيه سوريا», a required word, and lost the story most about Ghouta,
    which does not write «سوريا»): most of the articles the words find name the flags' country
    already (more than half). «🇪🇬 انتخابات» keeps «مصر»: elections are held everywhere."""
    from digests.topic_names import flag_topic  # late: a table of names

    rest = " ".join(FLAG.sub(" ", query).split())
    names = {n for m in FLAG.finditer(query) if (n := flag_topic(m.group()))}
    if not rest or not names:
        return False
    words = plan_query(rest).phrase
    named = " AND ".join(f"({plan_query(n).phrase})" for n in sorted(names))
    total = match_count(db, words, COUNT_CAP)
    if not total:
        return False
    return 2 * match_count(db, f"({words}) AND ({named})", COUNT_CAP) > total


def flags_named(query: str) -> str:
    """A country's flag beside words written as the country's name («🇪🇬 انتخابات» → «مصر
    انتخابات»: the flag was dropped silently and «انتخابات» found Stormy Daniels; QA33 S4);
    a flag the table does not know, or text with no flag, as typed. A flag alone is the
    topic names' (digests.topic_names.flag_topic). A country is written once: a repeated flag
    («الغوطه الشرقيه 🇸🇾🇸🇾»), or one beside its written name («سوريا 🇸🇾»), adds no word
    (QA54-2: «… سوريا سوريا» was searched, and followed, as two more required words)."""
    from digests.topic_names import flag_topic  # late: a table of names

    if not FLAG.search(query) or not FLAG.sub("", query).strip():
        return query
    seen = {normalize(w) for w in FLAG.sub(" ", query).split()}

    def country(match: re.Match[str]) -> str:
        name = flag_topic(match.group()) or ""
        if not name or normalize(name) in seen:
            return " "
        seen.add(normalize(name))
        return f" {name} "

    return " ".join(FLAG.sub(country, query).split())


def _named(db: sqlite_utils.Database, query: str) -> str:
    """`named_topic` of a text that is no hashtag."""
    if _LATIN.search(query) or asked_topic(query) != query:
        return query
    bare = topic_text(query).replace("_", " ")  # «#سوريا_تحترق»: a hashtag's words
    if len(bare.split()) == 1 and bare != query and described_names(bare) == [bare]:
        return bare  # «هو ايه اللي حصل في غزة»: «اللي» is a word of asking now (QA33 S1)
    if not 2 <= len(bare.split()) <= MAX_WORDS:
        return query
    names = described_names(bare)
    if not names:
        return query
    topic = " ".join(names[:MAX_ASKED_NAMES])
    if plan_query(bare).terms in topic_phrases(topic):
        return query  # «ترامب بوتين», «انصار الله»: names as typed
    named = match_count(db, plan_query(topic).phrase, COUNT_CAP)
    if not _reads_as_sentence(db, query, bare, topic, named) or _covered(db, bare, named):
        return query  # «قمة ترامب كيم», «المفوضية السامية للأمم المتحدة …»: a topic as typed
    if not _asks(query) and typo_fixes(db, bare, limit=1):
        # «الغوطة الشرقبة»: a rare word one slip from a topic the archive holds is a typo, not
        # a word of a sentence; searched as typed, the search says so and offers «الغوطة
        # الشرقية» (QA78-18: searched «الغوطة» without a word)
        return query
    log.info("named topic words=%d names=%d", len(bare.split()), len(names))
    return topic
