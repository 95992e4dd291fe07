"""Topic queries as pure functions: a reader's typed text → safe FTS5 expressions.

Every key is quoted, so no user text ever reaches the FTS5 syntax; a multi-word topic is a phrase
first and all of its words second (after the phrase hits when the phrase is rare, see
digests/search.py). Matching a topic in one article (`article_matches`, `alert_matches`) is
digests/topic_match.py; links, markup and echoes of a reader's text are digests/reader_text.py.

Stop-words at the ends of a query are dropped, except a name that is spelled like one: «علي» with
ي (Ali; the preposition «على» has the same key) stays when the query has other words, so
«علي شمخاني» is the phrase of the name; when that phrase finds nothing, the search tries the
query without it (`QueryPlan.trimmed`). «علي» alone matches nearly every article: `lone_name`
lets the bot ask for the full name instead.

Readers ask questions: «ما آخر أخبار الغوطة؟», «شو صار في غزة». The words of asking
(`QUESTION_WORDS`: ما، آخر، أخبار، جديد، شو، صار …) are dropped at the ends of a query and left
out of the all-words fallback, as stop-words are, when other words remain; a query of only such
words («آخر الأخبار») is searched as written; a word that only asks, alone («كم», «ليش»), is
no topic. «الوضع في X» is X (`_SITUATION`), «ايه» before a Latin letter spelled in Arabic is the
letter A («ايه سي ميلان», `_SPELLED_LETTERS`), and «على» typed last after a word of a topic is
the name «علي» («الإمام على», «محمد على»: `_names`; QA24 R3, R4, R6).

A single letter («و», «ب») or a bare article («ال», «لل») is no word of a topic: it is in nearly
every article (QA10 F4: «و» matched 105 of 1,000 corpus articles, as often as a common word).
Such keys are dropped at the ends of a query as stop-words are (`too_short`), and a query of
only such keys and stop-words has nothing searchable. A followed topic is a name, not a
sentence: `topic_too_long` says when a text is over MAX_TOPIC_WORDS / MAX_TOPIC_LETTERS.

A name with several spellings in the news (digests/variants.py: «ترامب/ترمب», «بوتين/بوتن») is
searched, and matched for subscriptions, in every spelling: each phrase is tried with each
spelling of its words (up to MAX_PHRASES), and the all-words fallback ORs them. A name written
as one word or two («فيسبوك/فيس بوك») is tried both ways in a phrase, and a name the news
also gives under another («داعش» / «تنظيم الدولة», digests.variants.SYNONYMS) under both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from digests.arabic import ARTICLE_NOUNS, STOP_WORDS, run_keys, word_runs_of, written_as_name
from digests.typed_forms import last_ala, situation_in, spellings, typed_spellings, unstretched
from digests.variants import joined_form, split_form, synonym_phrases

MAX_QUERY_WORDS = 12     # a pasted paragraph searches its first words
MAX_ALL_WORDS = 6        # the all-words fallback uses at most this many distinct keys
MAX_PHRASES = 16         # spelling variants multiply phrases: at most this many are tried
MAX_ASKED_NAMES = 2      # a question about an event is searched by at most this many names
# A followed topic is at most this long. The longest names in the news fit: «المفوضية السامية
# للأمم المتحدة لشؤون اللاجئين» is 6 words and 45 characters; a longer text is a sentence (a
# headline, a paragraph) whose words never come again in that order in a new article (QA10 F14).
MAX_TOPIC_WORDS = 6
MAX_TOPIC_LETTERS = 60
# The article alone, or with a proclitic: keys of no topic (see the module docstring).
BARE_ARTICLES = frozenset({"ال", "لل", "وال", "بال", "ولل"})
# An article may write a name with a proclitic («وعلي خامنئي»: and Ali Khamenei). The index keeps
# «وعلي» whole (it is also «وعلى», "and on"), so a phrase that starts with a name lists these
# spellings too. Not ف: «فعلي» is the word "actual".
NAME_CLITICS = ("و", "ل", "ب", "ك", "وب", "ول")
# Words of asking for news, in Modern Standard Arabic and the dialects readers type, and English.
# Not stop-words of the index (an article's «آخر» or «جديد» stays searchable inside a phrase).
_QUESTION_SPELLINGS = (
    "ما ماذا وماذا شو ايش إيش وش شنو هل كيف متى لماذا أين وين ماهي ماهو صار يصير حصل يحصل"
    " حدث يحدث جرى يجري آخر اخر أحدث أخبار اخبار خبر جديد جديدة مستجدات تطورات عاجل"
    " عن حول في بخصوص بشأن على اليوم الآن"
    # session 12 (QA23 S1): the dialects' question and filler words — Egyptian, Levantine, Gulf
    " ايه إيه ليه فين امتى إمتى ازاي إزاي النهاردة النهارده دلوقتي عاوز عايز عايزة"
    " ليش هلق هلأ بدي بدنا شلون منو مين الحين هسه هسا ابغى أبغى ابغي"
    " كم اعرف أعرف نعرف ممكن قولي احكيلي خبرني أخبرني عرفني شي شيء صاير بصير"
    # session 13 (QA28 R3): Levantine «قديش», Maghrebi «واش» «علاش» «كيفاش» «شحال» «شكون» «فوقاش»
    " قديش علاش كيفاش شحال شكون فوقاش وقتاش منين"
    " what whats s about news latest on in the of is are"
)
QUESTION_WORDS: frozenset[str] = frozenset(
    k for w in _QUESTION_SPELLINGS.split() for k in run_keys(w))
# Words of asking only right after another at the start («كيف الوضع في غزة», «كم عدد القتلى»):
# elsewhere they are words of a topic («الوضع الإنساني», «عدد السكان»).
_AFTER_QUESTION: frozenset[str] = frozenset(
    k for w in "الوضع وضع عدد".split() for k in run_keys(w))
# «الوضع في غزة» (the situation in Gaza) asks for Gaza's news as «كيف الوضع في غزة» does (QA24 R3:
# followed before the word of asking was kept, it matched almost no article); «الوضع الإنساني في
# غزة» keeps its words.
_SITUATION: frozenset[str] = frozenset(
    k for w in "الوضع وضع الأوضاع اوضاع".split() for k in run_keys(w))
_IN: frozenset[str] = frozenset(run_keys("في"))
# Latin letters spelled in Arabic: «ايه سي ميلان» (AC Milan), «ايه بي سي» (ABC). Before one of
# them «ايه» is the letter A, not the Egyptian «what» (QA24 R6: cut to «سي ميلان», and «بي سي»
# matched «بي بي سي»). Not «في» (V), «ان» (N), «ال» (L): words first.
_SPELLED_LETTERS: frozenset[str] = frozenset(
    k for w in "بي سي دي اف إف جي اتش إتش تي كيو آر دبليو اكس إكس زد".split()
    for k in run_keys(w))
# The letter A as readers spell it: «ايه» (the news' spelling) and «اي» / «أي» (QA28 T8: «اي بي
# سي» found «بي بي سي»). Before a spelled letter, «اي» is searched as the news' «ايه».
_LETTER_A = run_keys("ايه")[0]
_SHORT_A: frozenset[str] = frozenset(k for w in "اي أي إي".split() for k in run_keys(w))
# A question that asks about an event rather than for a topic's news («ليش ضربوا دوما», «مين ربح
# الانتخابات في مصر؟», «كم عدد القتلى في الغوطة»): its rest is a clause, not a topic, and the
# names of the news in it are what it is about (`asked_topic`). «ما آخر أخبار قمة ترامب كيم»
# asks for a topic's news: its rest is the topic, as typed.
_CLAUSE_QUESTIONS: frozenset[str] = frozenset(
    k for w in ("ليش ليه لماذا لما مين منو من كم كيف شلون ازاي إزاي هل متى امتى إمتى وين أين"
                " why who how when where did does").split() for k in run_keys(w))
# Words that only ask («كم», «ليش», «شو»): alone they are no topic (QA24 R3: «كم» followed
# alone matched every article with «كم»); nothing is searched or followed.
_ASKING_ONLY: frozenset[str] = _CLAUSE_QUESTIONS | frozenset(
    k for w in ("ما ماذا وماذا شو ايش إيش وش شنو ماهي ماهو ايه إيه what"
                " واش قديش علاش كيفاش شحال شكون فوقاش وقتاش منين").split()
    for k in run_keys(w))
# Asking for the news itself, with no topic («آخر الأخبار», «ما الجديد؟», "latest news").
_NEWS_WORDS: frozenset[str] = frozenset(
    k for w in "آخر اخر أحدث أخبار اخبار خبر جديد جديدة مستجدات عاجل news latest".split()
    for k in run_keys(w))


# The first word of a kunya or a lineage («أبو ظبي», «ابن سلمان», «أم كلثوم»): in hundreds of
# names, it is never a topic alone — a search that drops the other word («ظبي», not in the
# archive) must not fall back to it (QA18 R13: «ابو ظبي» showed «علي أبو شادي»).
KUNYA: frozenset[str] = frozenset(
    k for w in "أبو ابو ابن أم ام بن بنت أبي".split() for k in run_keys(w))


@dataclass(frozen=True)
class QueryPlan:
    """What a user's text becomes: the keys, the phrase and all-words FTS5 expressions.

    `phrases` are the key sequences the phrase expression accepts: `terms`, and for a name kept
    at the start also its proclitic spellings («وعلي خامنئي», «لعلي خامنئي»). `trimmed` is the
    phrase without the names kept at its ends («علي شمخاني» → «شمخاني»), tried when the phrase
    finds nothing; None when no name was kept. `content` are the distinct keys that carry the
    topic (no stop-words or question words): the all-words fallback, and what a word that
    matches nothing is dropped from.
    """

    terms: tuple[str, ...]
    phrase: str | None
    all_words: str | None
    trimmed: str | None = None
    phrases: tuple[tuple[str, ...], ...] = ()
    content: tuple[str, ...] = ()


def quote_key(k: str) -> str:
    """One key as an FTS5 string literal."""
    return '"' + k.replace('"', '""') + '"'


# Words after which a last «على» is the name «علي» (Egypt writes a final ي as ى): a title taken
# before a name, a kunya or lineage word (`KUNYA`), and the given names written most often before
# «علي» in a compound or a father's name («محمد علي», «أحمد علي»). After any other word «على» is
# the preposition whose object the reader left out (QA28 T1: «الحرب على» 629 → 0, «التوقيع على»).
_BEFORE_ALI: frozenset[str] = frozenset(k for w in (
    "الإمام الامام إمام الشيخ السيد سيدنا الحاج الملك الأمير السلطان الخليفة الدكتور المهندس"
    " اللواء العميد العقيد الفريق المشير الأستاذ"
    " محمد أحمد احمد محمود مصطفى حسن حسين إبراهيم ابراهيم عمر خالد يوسف سعيد عبد").split()
    for k in run_keys(w))


def ala_readings(query: str) -> tuple[str, str, bool] | None:
    """For a text whose last word «على» follows another word: (the text with it written as the
    name «علي», the text without it, whether `_names` reads it as the name); else None. The
    search weighs the two readings by the archive (digests.search: QA28 T1)."""
    split = last_ala(query)
    if split is None:
        return None
    runs = word_runs_of(query[:4000])
    return (*split, _names(runs)[-1] if runs else False)


def _names(runs: Sequence[str]) -> list[bool]:
    """Per word run, whether it is a name spelled like a stop-word: «علي» with ي
    (digests.arabic.written_as_name), or «على» as the last word after a title, a kunya or a
    given name (`_BEFORE_ALI`: «الإمام على», «محمد على», QA24 R4)."""
    names = [written_as_name(run) for run in runs]
    if len(runs) > 1 and not names[-1] and _MARKS.sub("", runs[-1]) == "على":
        before = run_keys(runs[-2])
        names[-1] = len(before) == 1 and (before[0] in _BEFORE_ALI or before[0] in KUNYA)
    return names


def _query_keys(query: str) -> tuple[list[str], list[bool], list[str]]:
    """The query's keys (a repeated key once), per key whether it is a stop-word written as a
    name («علي» with ي, a last «على»: `_names`), and per key the word it was written as."""
    keys: list[str] = []
    names: list[bool] = []
    words: list[str] = []
    runs = word_runs_of(situation_in(query[:4000]))
    for i, (run, name) in enumerate(zip(runs, _names(runs))):
        for k in run_keys(unstretched(run)):
            if k in _SHORT_A and i + 1 < len(runs) and _spells_letter(runs[i + 1]):
                k = _LETTER_A  # «اي بي سي»: the letter A, as the news spells it
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
    return len(keys) == 1 and keys[0] in _SPELLED_LETTERS


def too_short(key: str) -> bool:
    """Whether a key is too short to search for: a single letter or a bare article (a single
    digit is a number, and stays searchable)."""
    return (len(key) == 1 and key.isalpha()) or key in BARE_ARTICLES


def topic_too_long(topic: str) -> bool:
    """Whether `topic`, as it would be followed (`topic_text`: words of asking at its ends
    left out), is over MAX_TOPIC_WORDS words or MAX_TOPIC_LETTERS characters."""
    text = topic_text(topic)
    return len(text) > MAX_TOPIC_LETTERS or len(text.split()) > MAX_TOPIC_WORDS


def _trim(keys: list[str], keep: list[bool], drop: frozenset[str]) -> list[str]:
    """`keys` without the words of `drop` at either end, unless `keep` marks them (and a word
    of `_AFTER_QUESTION` right after a dropped word of asking at the start)."""
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
    «ايه» spelling a letter («ايه سي ميلان»); a word of `_AFTER_QUESTION` right after a word of
    asking («كيف الوضع في غزة»); «الوضع» before «في» («الوضع في غزة»: `_SITUATION`)."""
    if k in drop:
        return not (after in _SPELLED_LETTERS and k in QUESTION_WORDS)
    if k in _AFTER_QUESTION and before in QUESTION_WORDS and before in drop:
        return True
    return k in _SITUATION and after in _IN


def plan_query(query: str, *, without: frozenset[str] = frozenset()) -> QueryPlan:
    """Analyze a user's text into safe FTS5 expressions (pure; never raises).

    Stop-words at either end are dropped (inside a phrase they stay: «مجلس الأمن الدولي»),
    except a name spelled like one («علي») beside other words (see the module docstring);
    question words too, when other words remain. Keys in `without` are left out (a word that
    matched nothing, dropped by the search).
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
    return _plan(keys, names, typed_spellings(query))


def _plan(keys: list[str], names: list[bool],
          extra: Mapping[str, tuple[str, ...]] | None = None) -> QueryPlan:
    extra = extra or {}
    stop = STOP_WORDS | frozenset(k for k in keys if too_short(k))
    distinct = list(dict.fromkeys(k for k in keys if k not in stop))
    drop = stop | QUESTION_WORDS
    if distinct and all(k in _ASKING_ONLY for k in distinct):
        return QueryPlan((), None, None)  # «كم», «ليش», «واش» alone: no topic (QA24/QA28 R3)
    if not any(k not in drop for k in distinct):
        drop = stop  # only question words («آخر الأخبار»): search them as written
    content = [k for k in distinct if k not in drop][:MAX_ALL_WORDS]
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
                     tuple(content))


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
    return " ".join(dict.fromkeys(w for w, name in zip(runs, _names(runs)) if name))


def followable(topic: str) -> bool:
    """Whether `topic` can be a followed topic: it holds a letter («١٢٣» or «10.30» alone is a
    number, not a topic, though a search may still look for it)."""
    return any(ch.isalpha() for ch in topic)


def asks_for_news(query: str) -> bool:
    """Whether the text asks for the latest news with no topic («آخر الأخبار», «ما هي آخر
    الأخبار؟», «شو الجديد»): only words of asking and stop-words, one of them a news word."""
    keys = [k for run in word_runs_of(query[:400]) for k in run_keys(run)]
    return (bool(keys) and all(k in STOP_WORDS or k in QUESTION_WORDS for k in keys)
            and any(k in _NEWS_WORDS for k in keys))


def asked_topic(query: str) -> str:
    """The topic a question about an event asks about: the names of the news it holds
    (digests.topic_names.NEWS_NAMES, at most MAX_ASKED_NAMES) when it opens with a word like
    «ليش», «مين», «كم», «هل», «كيف» and its rest is several words holding such a name
    («ليش ضربوا دوما» → «دوما», «مين ربح الانتخابات في مصر؟» → «الانتخابات مصر»); else the
    text as typed (QA23 S1: the whole sentence was searched, and offered for following)."""
    runs = word_runs_of(query[:400])
    first = run_keys(runs[0]) if runs else ()
    if not first or first[0] not in _CLAUSE_QUESTIONS:
        return query
    rest = _bare_text(query)
    if len(rest.split()) < 2:
        return query
    names = pasted_names(rest)
    if not names or " ".join(names) == rest:
        return query
    return " ".join(described_names(rest)[:MAX_ASKED_NAMES])


def topic_text(query: str) -> str:
    """The reader's text as written without the words at its ends that the search drops
    (stop-words and words of asking: «ما آخر أخبار الغوطة؟» → «الغوطة»); the topic a
    subscription is stored and shown as; a question about an event is its names
    (`asked_topic`: «كم عدد القتلى في الغوطة» → «الغوطة»). Text of only such words comes back
    as written."""
    asked = asked_topic(query)
    return asked if asked != query else _bare_text(query)


def _bare_text(query: str) -> str:
    """`topic_text` without the event questions' names."""
    query = situation_in(" ".join(query.split()))
    spans: list[tuple[int, int, tuple[str, ...], bool]] = []
    pos = 0
    runs = word_runs_of(query[:4000])
    for run, name in zip(runs, _names(runs)):
        start = query.index(run, pos)
        pos = start + len(run)
        spans.append((start, pos, run_keys(run), name))
    keys = [k for *_x, ks, _n in spans for k in ks]
    stop = STOP_WORDS | frozenset(k for k in keys if too_short(k))
    drop = stop | QUESTION_WORDS
    if all(k in drop for k in keys):
        drop = stop  # only words of asking («آخر الأخبار»): the topic as written
        if all(k in drop for k in keys):
            return query

    def dropped(span: tuple[int, int, tuple[str, ...], bool]) -> bool:
        _s, _e, ks, name = span
        return all(k in drop for k in ks) and not (name and all(k in STOP_WORDS for k in ks))

    def opens(i: int) -> bool:
        ks, after = spans[i][2], spans[i + 1][2] if i + 1 < len(spans) else ()
        if dropped(spans[i]):
            return not (ks and (ks[-1] in QUESTION_WORDS or ks[-1] in _SHORT_A) and after[:1]
                        and after[0] in _SPELLED_LETTERS)
        if drop is stop:
            return False
        if i > 0 and QUESTION_WORDS & set(spans[i - 1][2]):
            return all(k in _AFTER_QUESTION for k in ks)
        return len(ks) == 1 and ks[0] in _SITUATION and after[:1] == tuple(_IN)

    lo, hi = 0, len(spans)
    while lo < hi and opens(lo):
        lo += 1
    while hi > lo and dropped(spans[hi - 1]):
        hi -= 1
    return query[spans[lo][0]:spans[hi - 1][1]] if lo < hi else query


def pasted_names(text: str) -> list[str]:
    """The names of the news (digests.topic_names.NEWS_NAMES, in any spelling) that a long text
    holds, in the order it first names them; a name inside a longer one found at the same place
    («الغوطة» in «الغوطة الشرقية») is not listed apart. A pasted paragraph is searched by these
    when its words find nothing (QA18 R13: its first words are generic)."""
    return [name for _, _, name in _names_at(text)]


def _names_at(text: str) -> list[tuple[int, int, str]]:
    """`pasted_names` with where each is: (position in keys, length in keys, name), in order."""
    from digests.topic_names import NEWS_NAMES  # late: a table of names, not query logic

    keys = [k for run in word_runs_of(text[:4000]) for k in run_keys(run)]
    found: list[tuple[int, int, str]] = []  # (position, length in keys, name)
    for name in NEWS_NAMES:
        for phrase in topic_phrases(name):
            n = len(phrase)
            at = next((i for i in range(len(keys) - n + 1)
                       if list(keys[i:i + n]) == list(phrase)), None)
            if at is not None:
                found.append((at, n, name))
                break
    kept: list[tuple[int, int, str]] = []
    for at, n, name in sorted(found, key=lambda f: (-f[1], f[0])):  # longest first
        if not any(a <= at < a + m or at <= a < at + n for a, m, _ in kept):
            kept.append((at, n, name))
    return sorted(kept)


# The endings of a nisba adjective's key after its «ي»: «المصري», «المصرية», «المصريين».
_NISBA_ENDINGS = ("ين", "ون", "ه", "")


def nisba_of(key: str) -> str | None:
    """The one-word news name (digests.topic_names.NEWS_NAMES) whose adjective `key` is
    («مصريه» → «مصر», «سوريه» → «سوريا», «عراقي» → «العراق», «امريكيه» → «أمريكا»), else None."""
    from digests.topic_names import NEWS_NAMES

    for end in _NISBA_ENDINGS:
        base = key[:len(key) - len(end)] if end else key
        if key.endswith(end) and base.endswith("ي") and len(base) >= 4:
            # مصري → مصر; سوري → سوريا; امريكي → امريكا
            stems = {base[:-1], base + "ا", base[:-1] + "ا"}
            for name in NEWS_NAMES:
                if " " not in name and run_keys(name)[0] in stems:
                    return name
    return None


def described_names(text: str) -> list[str]:
    """`pasted_names`, each with the nisba adjective of a country written right after it, as
    the text writes it («مين فاز بالانتخابات المصرية» → «الانتخابات المصرية», QA24 R2: the
    adjective is part of the topic; «الانتخابات» alone found Stormy Daniels at #4)."""
    runs = [(run, k) for run in word_runs_of(text[:4000]) for k in run_keys(run)]
    out: list[str] = []
    for at, n, name in _names_at(text):
        after = runs[at + n] if at + n < len(runs) else None
        if after is not None and len(run_keys(after[0])) == 1 and nisba_of(after[1]):
            name = name + " " + _bare_word(unstretched(_MARKS.sub("", after[0])))
        out.append(name)
    return out


_PROCLITICS = re.compile(r"^[وف]?[بكل]?")
# Tatweel and harakat (a header echoes the topic as the news writes it, QA23 S12: «الغـــوطة»)
_MARKS = re.compile("[\u0640\u064b-\u065f\u0670]")


def _bare_word(word: str) -> str:
    """`word` without its proclitics where the analyzer reads it the same without them
    («وبالغوطة», «للغوطة» → «الغوطة», «بدوما» → «دوما»); «والدة», «بالغ», «بيروت» stay."""
    m = _PROCLITICS.match(word)
    n = m.end() if m else 0
    keys = run_keys(word)
    for cut in range(n, 0, -1):
        for bare in (("ال" + word[cut + 1:]) if word[cut - 1:cut + 1] == "لل" else None,
                     word[cut:]):
            if bare and len(bare) >= 2 and run_keys(bare) == keys:
                return bare
    return word


def topic_shown(query: str) -> str:
    """The topic a search answered, as a results header names it (QA18 R12: «نتائج «شو صار
    بالغوطة اليوم؟»» → «نتائج «الغوطة»»): `topic_text`, its first word's proclitics dropped
    («بالغوطة», «وبالغوطة» → «الغوطة», «بدوما» → «دوما», «للأمم» → «الأمم») where the
    analyzer reads the word the same without them («والدة», «بالغ» stay as written), without
    tatweel, harakat, a letter typed three times or more, and a hashtag's «#» and «_» (QA23
    S9/S12). A later word keeps its «و»:
    «الغوطة والقصف» is a phrase."""
    text = unstretched(_MARKS.sub("", topic_text(query)))
    text = " ".join(w.strip("#") for w in text.replace("_", " ").split() if w.strip("#"))
    first, sep, rest = text.partition(" ")
    return _bare_word(first) + sep + rest


def topic_key(topic: str) -> str:
    """Canonical analyzed form of a subscription topic («الغوطة» and «غوطة» give the same)."""
    return " ".join(plan_query(topic).terms)


@lru_cache(maxsize=4096)
def topic_phrases(topic: str) -> tuple[tuple[str, ...], ...]:
    """The key sequences a topic's phrase accepts (`QueryPlan.phrases`; cached: the outbox and
    digests.topic_match ask it once per subscribed topic per article)."""
    return plan_query(topic).phrases
