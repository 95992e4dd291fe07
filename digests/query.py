"""Topic queries as pure functions: a reader's typed text → safe FTS5 expressions.

Every key is quoted, so no user text ever reaches the FTS5 syntax; a multi-word topic is a phrase
first and all of its words second (after the phrase hits when the phrase is rare, see
digests/search.py). Matching a topic in one article (`article_matches`, `alert_matches`) is
digests/topic_match.py; links, markup and echoes of a reader's text are digests/reader_text.py;
the words that are no topic (stop-words' kin: words of asking, single letters, «على») are
digests/query_words.py; the topic a question asks about, as stored and shown, is
digests/asked_topics.py.

Stop-words at the ends of a query are dropped, except a name that is spelled like one: «علي» with
ي (Ali; the preposition «على» has the same key) stays when the query has other words, so
«علي شمخاني» is the phrase of the name; when that phrase finds nothing, the search tries the
query without it (`QueryPlan.trimmed`). «علي» alone matches nearly every article: `lone_name`
lets the bot ask for the full name instead. Words of asking are dropped at the ends as stop-words
are when other words remain; a query of only such words («آخر الأخبار») is searched as written,
a word that only asks, alone («كم»), is no topic. Such keys, single letters and bare articles
(`too_short`) included, leave nothing searchable on their own.

A name with several spellings in the news (digests/variants.py: «ترامب/ترمب», «بوتين/بوتن») is
searched, and matched for subscriptions, in every spelling: each phrase is tried with each
spelling of its words (up to MAX_PHRASES), and the all-words fallback ORs them. A name written
as one word or two («فيسبوك/فيس بوك») is tried both ways in a phrase, and a name the news
also gives under another («داعش» / «تنظيم الدولة», digests.variants.SYNONYMS) under both. A
country's adjective after a word is also the country («الانتخابات اللبنانية» is searched as «انتخابات
لبنان» too: digests.country_adjectives).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from digests.arabic import ARTICLE_NOUNS, STOP_WORDS, run_keys, word_runs_of
from digests.country_adjectives import country_names
from digests.search_definite import bare_spellings
from digests.search_places import place_keys, place_spellings
from digests.query_words import (
    AFTER_QUESTION,
    ASKING_ONLY,
    IN_KEYS,
    LETTER_A,
    QUESTION_WORDS,
    SHORT_A,
    SITUATION,
    SPELLED_LETTERS,
    name_runs,
    too_short,
)
from digests.typed_forms import (
    country_key,
    dialect_key,
    situation_in,
    spellings,
    typed_spellings,
    unstretched,
)
from digests.variants import joined_form, split_form, synonym_phrases

MAX_QUERY_WORDS = 20     # a pasted paragraph searches its first words (a sentence's, QA78-9)
MAX_ALL_WORDS = 6        # the all-words fallback uses at most this many distinct keys
MAX_PHRASES = 16         # spelling variants multiply phrases: at most this many are tried
# A rare phrase widens to its words within this many words of one another (or in one headline):
# QA68-5, «الانتخابات العراقية» widened to articles naming elections and Iraq anywhere — 1 of 5
# page items about Iraq's elections (a Bolton profile, a Sarkozy one).
NEAR_WORDS = 8
# An article may write a name with a proclitic («وعلي خامنئي»: and Ali Khamenei). The index keeps
# «وعلي» whole (it is also «وعلى», "and on"), so a phrase that starts with a name lists these
# spellings too. Not ف: «فعلي» is the word "actual".
NAME_CLITICS = ("و", "ل", "ب", "ك", "وب", "ول")


@dataclass(frozen=True)
class QueryPlan:
    """What a user's text becomes: the keys, the phrase and all-words FTS5 expressions.

    `phrases` are the key sequences the phrase expression accepts: `terms`, and for a name kept
    at the start also its proclitic spellings («وعلي خامنئي», «لعلي خامنئي»). `trimmed` is the
    phrase without the names kept at its ends («علي شمخاني» → «شمخاني»), tried when the phrase
    finds nothing; None when no name was kept. `content` are the distinct keys that carry the
    topic (no stop-words or question words): the all-words fallback, and what a word that
    matches nothing is dropped from — the first MAX_ALL_WORDS, or those `chosen`
    (`plan_query`); `words` all of them (up to MAX_QUERY_WORDS keys read). `near_words`: the
    content words in a headline together, or within NEAR_WORDS of one another anywhere (what
    widens a rare phrase: QA68-5).
    """

    terms: tuple[str, ...]
    phrase: str | None
    all_words: str | None
    trimmed: str | None = None
    phrases: tuple[tuple[str, ...], ...] = ()
    content: tuple[str, ...] = ()
    near_words: str | None = None
    words: tuple[str, ...] = ()


def quote_key(k: str) -> str:
    """One key as an FTS5 string literal."""
    return '"' + k.replace('"', '""') + '"'


def _query_keys(query: str) -> tuple[list[str], list[bool], list[str]]:
    """The query's keys (a repeated key once), per key whether it is a stop-word written as a
    name («علي» with ي, a last «على»: `name_runs`), and per key the word it was written as."""
    keys: list[str] = []
    names: list[bool] = []
    words: list[str] = []
    runs = word_runs_of(situation_in(query[:4000]))
    placed = place_keys([unstretched(run) for run in runs], query)  # «وجدة» is Oujda (X91)
    for i, (run, name) in enumerate(zip(runs, name_runs(runs))):
        for k in placed[i]:
            k = country_key(unstretched(run), k)  # «سورية» is «سوريا» (QA57-2)
            k = dialect_key(k)  # «الماتش» is «مباراة» (QA68-2)
            if k in SHORT_A and i + 1 < len(runs) and _spells_letter(runs[i + 1]):
                k = LETTER_A  # «اي بي سي»: the letter A, as the news spells it
            if not keys or keys[-1] != k:  # «الغوطة الغوطة …» pasted: one word, not a phrase
                keys.append(k)
                names.append(name and k in STOP_WORDS)
                words.append(run)
            if len(keys) == MAX_QUERY_WORDS:
                return keys, names, words
    return keys, names, words


def _spells_letter(run: str) -> bool:
    """Whether a word run is a Latin letter spelled in Arabic («بي», «سي»)."""
    keys = run_keys(run)
    return len(keys) == 1 and keys[0] in SPELLED_LETTERS


def _trim(keys: list[str], keep: list[bool], drop: frozenset[str]) -> list[str]:
    """`keys` without the words of `drop` at either end, unless `keep` marks them (and a word
    of `AFTER_QUESTION` right after a dropped word of asking at the start)."""
    lo, hi = 0, len(keys)
    while lo < hi and not keep[lo] and _opens(keys[lo], keys[lo + 1] if lo + 1 < hi else None,
                                              keys[lo - 1] if lo else None, drop):
        lo += 1
    while hi > lo and keys[hi - 1] in drop and not keep[hi - 1]:
        hi -= 1
    return keys[lo:hi]


def _opens(k: str, after: str | None, before: str | None, drop: frozenset[str]) -> bool:
    """Whether key `k`, at the start of a query (after `before`, a key dropped already, and
    before `after`), is dropped from the topic: a word of `drop` («ما آخر أخبار»), unless it is
    «ايه» spelling a letter («ايه سي ميلان»); a word of `AFTER_QUESTION` right after a word of
    asking («كيف الوضع في غزة»); «الوضع» before «في» («الوضع في غزة»: `SITUATION`)."""
    if k in drop:
        return not (after in SPELLED_LETTERS and k in QUESTION_WORDS)
    if k in AFTER_QUESTION and before in QUESTION_WORDS and before in drop:
        return True
    return k in SITUATION and after in IN_KEYS


def plan_query(query: str, *, without: frozenset[str] = frozenset(),
               chosen: tuple[str, ...] = ()) -> QueryPlan:
    """Analyze a user's text into safe FTS5 expressions (pure; never raises).

    Stop-words at either end are dropped (inside a phrase they stay: «مجلس الأمن الدولي»),
    except a name spelled like one («علي») beside other words (see the module docstring);
    question words too, when other words remain. Keys in `without` are left out (a word that
    matched nothing, dropped by the search). `chosen`: the content keys the all-words fallback
    holds, when not the first MAX_ALL_WORDS (digests.search picks a long text's rarest: QA78-9).
    """
    keys, names, words = _query_keys(query)
    if len(keys) == 1 and keys[0] in ARTICLE_NOUNS:
        # «أمام» alone is the preposition, no topic; «امام» without its hamza, typed as a topic,
        # is the imam (QA28 T6: it matched the 2,300 articles of «أمام»)
        if "أ" in words[0]:
            return QueryPlan((), None, None)
        keys = ["ال" + keys[0]]
    if without:
        kept = [i for i, k in enumerate(keys) if k not in without
                and not (i > 0 and k == keys[i - 1])]
        kept = [i for n, i in enumerate(kept) if n == 0 or keys[i] != keys[kept[n - 1]]]
        keys, names = [keys[i] for i in kept], [names[i] for i in kept]
    extra = typed_spellings(query)
    for k in keys:  # unmarked «عمان» is either city; «عمّان» also its mentions read as neither
        if place_spellings(k):
            extra[k] = (*extra.get(k, ()), *place_spellings(k))
        if bare_spellings(k):  # «ذهب» typed may be gold: «الذهب» too (digests.search_definite)
            extra[k] = (*extra.get(k, ()), *bare_spellings(k))
    for adjective, country in country_names(keys).items():  # «الانتخابات اللبنانية» (QA57-13)
        extra[adjective] = (*extra.get(adjective, ()), *country)
    return _plan(keys, names, extra, chosen)


def _plan(keys: list[str], names: list[bool],
          extra: Mapping[str, tuple[str, ...]] | None = None,
          chosen: tuple[str, ...] = ()) -> QueryPlan:
    extra = extra or {}
    stop = STOP_WORDS | frozenset(k for k in keys if too_short(k))
    distinct = list(dict.fromkeys(k for k in keys if k not in stop))
    drop = stop | QUESTION_WORDS
    if distinct and all(k in ASKING_ONLY for k in distinct):
        return QueryPlan((), None, None)  # «كم», «ليش», «واش» alone: no topic (QA24/QA28 R3)
    if not any(k not in drop for k in distinct):
        drop = stop  # only question words («آخر الأخبار»): search them as written
    words = [k for k in distinct if k not in drop]
    content = [k for k in words if k in chosen] if chosen else words[:MAX_ALL_WORDS]
    plain = _trim(keys, [False] * len(keys), drop)
    terms = _trim(keys, names, drop) if content else plain
    if not terms:
        return QueryPlan((), None, None)
    all_words = (" AND ".join(_any_of(k, extra) for k in content) if len(content) > 1
                 else None)
    trimmed = _or_phrases(_spelled((tuple(plain),), extra)) if plain != terms else None
    phrases = _phrases(terms) if terms[0] in STOP_WORDS and len(terms) > 1 else (tuple(terms),)
    # another name of the same group or man («داعش» / «تنظيم الدولة», QA23 S14), phrase for word
    phrases = _spelled((*phrases, *synonym_phrases(tuple(terms))), extra)
    return QueryPlan(tuple(terms), _or_phrases(phrases), all_words, trimmed, phrases,
                     tuple(content), _near(content, extra, all_words), tuple(words))


def _near(content: list[str], extra: Mapping[str, tuple[str, ...]],
          all_words: str | None) -> str | None:
    """The content words in one headline, or NEAR_WORDS of one another anywhere (each spelling
    combination, at most MAX_PHRASES of them)."""
    if all_words is None:
        return None
    combos: list[tuple[str, ...]] = [()]
    for k in content:
        combos = [(*c, form) for c in combos for form in spellings(k, extra)][:MAX_PHRASES]
    nears = " OR ".join(f"NEAR({' '.join(quote_key(k) for k in c)}, {NEAR_WORDS})"
                        for c in combos)
    return f"(title_keys : ({all_words})) OR {nears}"


def _any_of(key: str, extra: Mapping[str, tuple[str, ...]]) -> str:
    """One key, or its spellings ORed: «("ترامب" OR "ترمب")»."""
    forms = spellings(key, extra)
    if len(forms) == 1:
        return quote_key(key)
    return "(" + " OR ".join(quote_key(k) for k in forms) + ")"


def _or_phrases(phrases: Sequence[Sequence[str]]) -> str:
    return " OR ".join(quote_key(" ".join(p)) for p in phrases)


def _spelled(phrases: tuple[tuple[str, ...], ...],
             extra: Mapping[str, tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Each phrase, then the same with every other spelling of its names (at most MAX_PHRASES).
    A name joined or split first gets its spellings too («نتن ياهو» → نتنياهو → نتانياهو)."""
    phrases = _rejoined(phrases)
    out = list(phrases)
    for phrase in phrases:
        for i, k in enumerate(phrase):
            for alt in spellings(k, extra)[1:]:
                for p in list(out):
                    if len(out) >= MAX_PHRASES:
                        return tuple(out)
                    if i < len(p) and p[i] == k:
                        variant = (*p[:i], alt, *p[i + 1:])
                        if variant not in out:
                            out.append(variant)
    return _rejoined(tuple(out))


def _rejoined(phrases: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """Each phrase, then the same with a name written as one word split in two, or two words
    joined («فيسبوك» ↔ «فيس بوك», digests.variants.JOINED; at most MAX_PHRASES)."""
    out = list(phrases)
    for p in phrases:
        for i, k in enumerate(p):
            two = split_form(k)
            one = joined_form(k, p[i + 1]) if i + 1 < len(p) else None
            for variant in ((*p[:i], *two, *p[i + 1:]) if two else None,
                            (*p[:i], one, *p[i + 2:]) if one else None):
                if variant is not None and variant not in out and len(out) < MAX_PHRASES:
                    out.append(variant)
    return tuple(out)


def every_key(plan: QueryPlan) -> tuple[str, ...]:
    """Every key the plan searches, the spellings of its names included (for highlighting)."""
    return tuple(dict.fromkeys(k for p in plan.phrases or (plan.terms,) for k in p))


def written_words(query: str, keys: Sequence[str]) -> list[str]:
    """The words of `query` as the reader wrote them whose keys are among `keys` (in order)."""
    wanted = set(keys)
    k, _n, words = _query_keys(query)
    return list(dict.fromkeys(w for key, w in zip(k, words) if key in wanted))


def _phrases(terms: list[str]) -> tuple[tuple[str, ...], ...]:
    """`terms`, and the same with each proclitic spelling of its first word (a kept name)."""
    heads = [terms[0]]
    for clitic in NAME_CLITICS:
        spelled = run_keys(clitic + terms[0])
        if len(spelled) == 1 and spelled[0] not in heads:
            heads.append(spelled[0])
    return tuple((head, *terms[1:]) for head in heads)


def lone_name(query: str) -> str | None:
    """The name when the query is only names spelled like stop-words («علي» alone: its key is
    the preposition «على»'s too, so it cannot be searched by itself); else None."""
    keys, names, _words = _query_keys(query)
    if not any(names) or any(k not in STOP_WORDS for k in keys):
        return None
    runs = word_runs_of(query[:4000])
    return " ".join(dict.fromkeys(w for w, name in zip(runs, name_runs(runs)) if name))


def followable(topic: str) -> bool:
    """Whether `topic` can be a followed topic: it holds a letter («١٢٣» or «10.30» alone is a
    number, not a topic, though a search may still look for it)."""
    return any(ch.isalpha() for ch in topic)


# Longer than any word of a language a reader types (Arabic's longest run to ~15 letters)
LONGEST_WORD = 40
_WORD_RE = re.compile(r"[^\W\d_]+")


def no_words(query: str) -> bool:
    """True when every word in `query` is no word at all: one letter typed again and again
    («اااا…», «ههههه»: its search key is a single letter, like a stop-word's), or longer than
    any word (LONGEST_WORD). QA56-8: «ا» × 4000 was told it held only letters such as «و» and
    «في» that are in every story; it holds no word. Pure."""
    words = _WORD_RE.findall(query)
    return bool(words) and all((len(w) >= 3 and len(set(w)) == 1) or len(w) > LONGEST_WORD
                               for w in words)


def topic_key(topic: str) -> str:
    """Canonical analyzed form of a subscription topic («الغوطة» and «غوطة» give the same)."""
    return " ".join(plan_query(topic).terms)


@lru_cache(maxsize=4096)
def topic_phrases(topic: str) -> tuple[tuple[str, ...], ...]:
    """The key sequences a topic's phrase accepts (`QueryPlan.phrases`; cached: the outbox and
    digests.topic_match ask it once per subscribed topic per article)."""
    return plan_query(topic).phrases
