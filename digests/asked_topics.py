"""The topic a reader's text asks about (pure): its words of asking left out, a question about an
event read as the names of the news it holds, and the topic as a header names it.

«ما آخر أخبار الغوطة؟» is «الغوطة» (`topic_text`: the topic a subscription is stored and shown
as); «ليش ضربوا دوما» asks about «دوما» (`asked_topic`, QA23 S1); «آخر الأخبار» asks for the news
itself (`asks_for_news`). The names of the news a text holds (digests.topic_names.NEWS_NAMES, in
any spelling: `pasted_names`) are what a pasted paragraph or an event question is searched by; a
country's nisba adjective written after one stays with it («الانتخابات المصرية»:
`described_names`). A followed topic is a name, not a sentence: `topic_too_long` says when a text
is over MAX_TOPIC_WORDS / MAX_TOPIC_LETTERS. The results header names the topic without its
proclitics, tatweel and harakat (`topic_shown`). The words themselves are digests.query_words',
the FTS5 plan digests.query's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from digests import query_words as words
from digests.arabic import STOP_WORDS, normalize, run_keys, word_runs_of
from digests.query import topic_phrases
from digests.typed_forms import situation_in, unstretched

MAX_ASKED_NAMES = 2      # a question about an event is searched by at most this many names
# A followed topic is at most this long. The longest names in the news fit: «المفوضية السامية
# للأمم المتحدة لشؤون اللاجئين» is 6 words and 45 characters; a longer text is a sentence (a
# headline, a paragraph) whose words never come again in that order in a new article (QA10 F14).
MAX_TOPIC_WORDS = 6
MAX_TOPIC_LETTERS = 60


def topic_too_long(topic: str) -> bool:
    """Whether `topic`, as it would be followed (`topic_text`: words of asking at its ends
    left out), is over MAX_TOPIC_WORDS words or MAX_TOPIC_LETTERS characters."""
    text = topic_text(topic)
    return len(text) > MAX_TOPIC_LETTERS or len(text.split()) > MAX_TOPIC_WORDS


FLAG = re.compile("[\U0001F1E6-\U0001F1FF]{2}")  # a country's flag: two regional letters
# a number of one or two digits alone, in either digit set, is no question (QA58-8: a list's
# item picked); three digits are often a name in the news («737», «911»: review REV) and a
# year («2018») is searched. The chat (bot.answers) and inline mode (bot.inline) both ask it.
STRAY_NUMBER = re.compile(r"\d{1,2}")


def asks_for_news(query: str) -> bool:
    """Whether the text asks for the latest news with no topic («آخر الأخبار», «ما هي آخر
    الأخبار؟», «شو الجديد»; QA33 S1: «شو صار اليوم», «مين فاز امبارح», «اخبار الامس»): only
    words of asking, of a day and stop-words, one of them a news word, a day or a verb of an
    event («صار», «فاز»). A country's flag is a topic: «🇪🇬 النهارده» is Egypt today (QA61-12:
    it was the general digest)."""
    if FLAG.search(query[:400]):
        return False
    keyed = [(run, k) for run in word_runs_of(query[:400]) for k in run_keys(run)]
    return (bool(keyed) and all(k in STOP_WORDS or k in words.QUESTION_WORDS for _, k in keyed)
            and any(k in words.NEWS_WORDS or k in words.EVENT_VERBS
                    or (k in words.DAYS_BACK and k not in STOP_WORDS) or _is_day(run)
                    for run, k in keyed))


def _is_day(run: str) -> bool:
    """Whether a word is «اليوم» (today) as written: its key «يوم» is a stop-word, and «يوم»
    alone is any day."""
    return words.MARKS.sub("", run) in ("اليوم", "today")


def days_back(query: str) -> int:
    """How many days before today the news a text asks for is («مين فاز امبارح» → 1, «شو صار
    اليوم» → 0; digests.query_words.DAYS_BACK); 0 when it names no day."""
    return max((words.DAYS_BACK.get(k, 0) for run in word_runs_of(query[:400])
                for k in run_keys(run)), default=0)


def asked_topic(query: str) -> str:
    """The topic a question about an event asks about: the names of the news it holds
    (digests.topic_names.NEWS_NAMES, at most MAX_ASKED_NAMES) when it opens with a word like
    «ليش», «مين», «كم», «هل», «كيف» and its rest is several words holding such a name
    («ليش ضربوا دوما» → «دوما», «مين ربح الانتخابات في مصر؟» → «الانتخابات مصر»); else the
    text as typed (QA23 S1: the whole sentence was searched, and offered for following)."""
    runs = word_runs_of(query[:400])
    first = run_keys(runs[0]) if runs else ()
    if not first or first[0] not in words.CLAUSE_QUESTIONS:
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
    for run, name in zip(runs, words.name_runs(runs)):
        start = query.index(run, pos)
        pos = start + len(run)
        spans.append((start, pos, run_keys(run), name))
    keys = [k for *_x, ks, _n in spans for k in ks]
    stop = STOP_WORDS | frozenset(k for k in keys if words.too_short(k))
    drop = stop | words.QUESTION_WORDS
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
            return not (ks and (ks[-1] in words.QUESTION_WORDS or ks[-1] in words.SHORT_A)
                        and after[:1] and after[0] in words.SPELLED_LETTERS)
        if drop is stop:
            return False
        if i > 0 and words.QUESTION_WORDS & set(spans[i - 1][2]):
            return all(k in words.AFTER_QUESTION for k in ks)
        return len(ks) == 1 and ks[0] in words.SITUATION and after[:1] == tuple(words.IN_KEYS)

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
            name = name + " " + _bare_word(unstretched(words.MARKS.sub("", after[0])))
        out.append(name)
    return out


_PROCLITICS = re.compile(r"^[وف]?[بكل]?")
# Places whose first letter looks like a proclitic and whose rest the analyzer reads as another,
# commoner word (QA61-8: «/subscribe وجدة», Oujda, was followed as «جدة», Jeddah; «بريدة» as
# «ريدة»). Found by running `_bare_word` over city and country names: these are the ones it cut.
PROCLITIC_PLACES = frozenset((
    "وجدة", "بريدة", "بعقوبة", "فلوجة", "لعيون", "بنها", "بنزرت", "بيسان", "بلعين", "وهران",
    "بنغازي", "بيروت", "بغداد", "بعلبك", "بصرى", "كركوك", "بيجي", "بسكرة", "بجاية", "بشار"))


@lru_cache(maxsize=1)
def _whole_names() -> frozenset[str]:
    """The folded names a word is kept whole as: PROCLITIC_PLACES, the news names
    (digests.topic_names) and the picker's cities (digests.zone_words.CITY_NAMES)."""
    from digests.topic_names import ALL_TOPICS  # late: tables, not query logic
    from digests.zone_words import CITY_NAMES

    names = {*PROCLITIC_PLACES, *ALL_TOPICS.values(),
             *(city for cities in CITY_NAMES.values() for city in cities)}
    return frozenset(normalize(n) for n in names if " " not in n)


def _bare_word(word: str) -> str:
    """`word` without its proclitics where the analyzer reads it the same without them
    («وبالغوطة», «للغوطة» → «الغوطة», «بدوما» → «دوما»); «والدة», «بالغ», «بيروت» stay, and so
    does a word that is itself a known place or news name («وجدة» is Oujda, not «جدة»)."""
    if normalize(word) in _whole_names():
        return word
    m = _PROCLITICS.match(word)
    n = m.end() if m else 0
    keys = run_keys(word)
    for cut in range(n, 0, -1):
        for bare in (("ال" + word[cut + 1:]) if word[cut - 1:cut + 1] == "لل" else None,
                     word[cut:]):
            if bare and len(bare) >= 2 and run_keys(bare) == keys:
                return bare
    return word


def without_proclitic(topic: str) -> str:
    """`topic` with its first word's proclitics dropped as `topic_shown` drops them («بسورية» →
    «سورية», «للغوطة» → «الغوطة»; «بيروت» stays), everything else as written (harakat too: «عمّان»
    is not «عمان» to its reader). A followed topic is stored so (X87, QA57-4)."""
    first, sep, rest = topic.partition(" ")
    return _bare_word(first) + sep + rest


# Names whose harakat tell two places apart: «عمّان» is Amman, «عُمان» Oman (QA61-3: «عمّان»
# was headed «نتائج «عمان»», Oman's spelling to an Amman reader). Written so, a word keeps them.
MARKED_APART = frozenset({"عمان"})


def _unmarked(word: str) -> str:
    """`word` without harakat, unless they tell two places apart (MARKED_APART)."""
    bare = words.MARKS.sub("", word)
    return word if bare in MARKED_APART and bare != word else bare


def topic_shown(query: str) -> str:
    """The topic a search answered, as a results header names it (QA18 R12: «نتائج «شو صار
    بالغوطة اليوم؟»» → «نتائج «الغوطة»»): `topic_text`, its first word's proclitics dropped
    («بالغوطة», «وبالغوطة» → «الغوطة», «بدوما» → «دوما», «للأمم» → «الأمم») where the
    analyzer reads the word the same without them («والدة», «بالغ» stay as written), without
    tatweel, harakat (but those of «عمّان»: MARKED_APART), a letter typed three times or more,
    and a hashtag's «#» and «_» (QA23 S9/S12). A later word keeps its «و»: «الغوطة والقصف» is
    a phrase."""
    text = unstretched(" ".join(_unmarked(w) for w in topic_text(query).split()))
    text = " ".join(w.strip("#") for w in text.replace("_", " ").split() if w.strip("#"))
    first, sep, rest = text.partition(" ")
    return _bare_word(first) + sep + rest
