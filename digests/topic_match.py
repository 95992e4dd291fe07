"""Whether one article matches a followed topic, in memory: the search's semantics, and alerts.

`article_matches` is a phrase search's semantics checked on one article, plus every word of a
multi-word topic in the headline (the delivery outbox asks it once per subscribed topic);
`alert_matches` asks more of an article before it is pushed: that it is about the topic (the
headline, the lead, or several mentions), a mention inside a longer name of another entity not
counting (digests.longer_names). Pure; the topic's phrases come from digests.query.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from digests.arabic import normalized_words
from digests.longer_names import Context, context, in_article, masked
from digests.models import Article
from digests.one_word_names import parse, without_dateline
from digests.press_review import is_press_review
from digests.query import plan_query, topic_phrases
from digests.search_places import article_keys, place_analyze
from digests.topic_match_passing import without_epithets, without_lists
from digests.topic_match_units import without_units
from digests.variants import alternatives, nickname_phrases, synonym_phrases

def _contains(seq: Sequence[str], phrase: Sequence[str]) -> bool:
    n = len(phrase)
    if n == 1:
        return phrase[0] in seq
    first = phrase[0]
    return any(seq[i] == first and list(seq[i:i + n]) == list(phrase)
               for i in range(len(seq) - n + 1))


@lru_cache(maxsize=64)
def _text_keys(title: str, text: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """An article's title and body keys, and all its keys as a set (cached: the outbox asks about
    one new article once per subscribed topic)."""
    keyed = article_keys(title, text)  # «وجدة» Oujda, Amman, Oman read as the index reads them
    t, b = tuple(keyed[0]), tuple(keyed[1])
    return t, b, frozenset(t) | frozenset(b)


@lru_cache(maxsize=4096)
def _topic_words(topic: str) -> tuple[tuple[str, ...], ...]:
    """Each content word of a multi-word topic as its spellings; () for a one-word topic."""
    content = plan_query(topic).content
    return tuple(alternatives(k) for k in content) if len(content) > 1 else ()


# An alert is about its topic (QA18 R3: ~28 of 99 alerts to a 4-topic reader named the topic once,
# in passing): the topic in the headline, in the lead (this much of the first paragraph), or at
# least ALERT_MENTIONS times in the text. Measured by `benchmarks/search_quality.py --alerts`.
ALERT_LEAD_CHARS = 400
ALERT_MENTIONS = 2
# A topic of two or more words («الأمم المتحدة», «كأس العالم», «النفط والغاز», «مجلس الأمن») is
# named in passing more often than a name: a source of figures («وتقدر الأمم المتحدة…»), the
# setting of a sports story, part of a longer name («مجلس الأمن القومي», «المرصد السوري لحقوق
# الإنسان»). Named exactly twice in the body, and nowhere in the headline or lead, such articles
# were off topic 25 of 40 read (corpus, brief X25; QA19 found ~15 of 84 alerts off topic, such
# topics among them), so the body must name it three times, as search's «about» tier asks
# (search_rank.ABOUT_MENTIONS).
ALERT_MENTIONS_PHRASE = 3
# A topic the body names only in its closing part — from this share of its words on — is the
# background a report ends with («بعد 100 يوم على إعلان الرئيس الأميركي دونالد ترامب اعترافه
# بالقدس…», «منذ إعلان ترامب…» closing a Jenin arrests report), not its news: it needs one
# mention more (QA42 B5). On QA42's day (16–18 March, 327 articles, «ترامب/الغوطة/ليفربول»):
# 2 of 54 alerts go, both such Jenin/ramming reports; «طهران ترفض أي تعديل للاتفاق النووي»
# (first mention at 0.64) and the three closing mentions of «عقوبات أشد على إيران» stay. A
# headline or lead naming the place by its adjective («الادعاء التركي…», «مصريو الخارج…», «الجاسوس
# الروسي») is about it: no mention more then (`_adjective_named`).
CLOSING_SHARE = 2 / 3
CLOSING_MIN_KEYS = 60  # and at least this many words before it: a short text has no background
_ADJECTIVE_ENDS = frozenset(("ي", "يه", "يو", "يون", "يين", "يا", "يان", "يتان"))
_ADJ_PREFIXES = ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل")


@lru_cache(maxsize=4096)
def _body_mentions_needed(topic: str) -> int:
    """ALERT_MENTIONS for a one-word topic or one with a one-word synonym
    (digests.variants.SYNONYMS: «تنظيم الدولة» is «داعش», «أنصار الله» is «الحوثي»), else
    ALERT_MENTIONS_PHRASE. One group is one topic whatever name a reader types: its phrases, and
    so its mentions, are the same under each name, and with the threshold by the words typed
    «تنظيم الدولة» carried 161 corpus alerts and «داعش» 258 (QA23 S14, brief X34). The one-word
    rule wins because the group's passing mentions are the one-word name's, already read as
    enough at two; a joined spelling («حزبالله») is not a synonym and leaves «حزب الله» at three."""
    plan = plan_query(topic)
    nicknames = nickname_phrases()  # «الميرنغي» leaves «ريال مدريد» at three (X72)
    if len(plan.content) <= 1 or any(len(p) == 1 and tuple(p) not in nicknames
                                     for p in synonym_phrases(plan.terms)):
        return ALERT_MENTIONS
    return ALERT_MENTIONS_PHRASE


def alert_matches(topic: str, article: Article, *, whole_names: bool = True) -> bool:
    """Whether a new article is sent to the followers of `topic`: it matches
    (`article_matches`) and is about the topic — the headline names it (the phrase, or every
    word of a multi-word topic), the lead does (the first ALERT_LEAD_CHARS characters of the
    first paragraph, or of the summary of an article without a page), or the text names it at
    least ALERT_MENTIONS times (a topic of several words ALERT_MENTIONS_PHRASE times, unless one
    of its synonyms is one word: `_body_mentions_needed`; once more when the body names it only
    in its closing background: from CLOSING_SHARE of its words and CLOSING_MIN_KEYS on). A body's
    single passing mention («بينما صعد النفط» in a gold report) is no alert, nor «الأمم المتحدة»
    named twice as a source of figures; a search still finds the article. A press review
    (digests.press_review: «في صحف عربية: …», «في الصحف اليوم: …») is sent only when its headline
    names the topic: its lead lists other papers' subjects (QA79-14).

    A mention inside a longer name of another entity counts nowhere (digests.longer_names:
    «مجلس الأمن القومي» for «مجلس الأمن», «صحيفة الشرق الأوسط» for «الشرق الأوسط»; brief X27;
    digests.one_word_names: «مونديال روسيا», «قناة روسيا اليوم» for «روسيا», brief X30), nor
    does a CNN desk's dateline («دبي، الإمارات العربية المتحدة (CNN)»: the desk, not the story,
    unless the report names the country by its adjective);
    `whole_names=False` counts them (the benchmark's before)."""
    if not article_matches(topic, article):
        return False
    phrases = topic_phrases(topic)
    title, body, every = _text_keys(article.title, article.text)
    ctx = in_article(_topic_context(topic), every) if whole_names else None
    title, body = masked(title, phrases, ctx), masked(body, phrases, ctx)
    # «20 مليون دولار» is an amount, not the dollar's news (digests.topic_match_units, X72)
    title, body = without_units(title, phrases), without_units(body, phrases)
    if whole_names:  # a CNN dateline («دبي، الإمارات العربية المتحدة (CNN)») is no mention
        body = without_dateline(body, every)
    words = _topic_words(topic)
    if any(_contains(title, p) for p in phrases) or (
            words and all(any(k in title for k in spellings) for spellings in words)):
        return True
    lead = article.paragraphs[0] if article.paragraphs else article.summary
    if is_press_review(article.title, lead, article.url):
        return False  # its lead and body list other papers' subjects: the headline only (QA79-14)
    # a list («الطاقة والنفط والغاز») or an epithet («الفائز بلقب كأس العالم») is a passing
    # mention even in the lead (digests.topic_match_passing: X72, QA46 G8/G10)
    lead_text = lead[:ALERT_LEAD_CHARS]
    if all(len(p) == 1 for p in phrases):  # a one-word topic (see topic_match_passing)
        lead_text = without_lists(lead_text)
    lead_keys = without_units(masked(place_analyze(lead_text, f"{article.title}\n{article.text}"),
                                     phrases, ctx), phrases)
    lead_keys = without_epithets(lead_keys, phrases)
    if whole_names:
        lead_keys = without_dateline(lead_keys, every)
    if any(_contains(lead_keys, p) for p in phrases):
        return True
    needed = _body_mentions_needed(topic)
    first = _first_mention(body, phrases)
    if first >= max(CLOSING_MIN_KEYS, CLOSING_SHARE * len(body)) and not _adjective_named(
            topic, f"{article.title} {lead[:ALERT_LEAD_CHARS]}"):  # the closing background only
        needed += 1
    return _mentions(body, phrases) >= needed


def _adjective_named(topic: str, text: str) -> bool:
    """Whether `text` names a one-word place `topic` by its adjective or people: «التركي»,
    «الأتراك» no, «مصريو», «الروسي», «السعودي» for «تركيا», «مصر», «روسيا», «السعودية»."""
    words = list(normalized_words(topic))
    if len(words) != 1:
        return False
    stem = words[0][2:] if words[0].startswith("ال") else words[0]
    for end in ("يه", "يا", "ا"):
        if stem.endswith(end) and len(stem) - len(end) >= 3:
            stem = stem[:-len(end)]
            break
    for word in normalized_words(text):
        bare = next((word[len(p):] for p in _ADJ_PREFIXES
                     if word.startswith(p) and len(word) - len(p) > len(stem)), word)
        if bare.startswith(stem) and bare[len(stem):] in _ADJECTIVE_ENDS:
            return True
    return False


def _first_mention(keys: Sequence[str], phrases: Sequence[Sequence[str]]) -> int:
    """The index in `keys` where a phrase of `phrases` is first named; len(keys) if none."""
    firsts = {p[0] for p in phrases if p}
    for i, key in enumerate(keys):
        if key in firsts and any(tuple(keys[i:i + len(p)]) == tuple(p) for p in phrases if p):
            return i
    return len(keys)


# A topic written with the harakat that make it one of two places (QA61-3: a follower of «عمّان»,
# Amman, was alerted «سلطنة عمان ترحب …», Oman's news, while the key table below masks Amman's
# «عمان، الأردن» as if the topic were Oman): its own longer names instead of the key's.
_MARKED_NAMES: dict[str, tuple[str, ...]] = {
    "عمّان": ("سلطنة|لسلطنة|بسلطنة|وسلطنة *",),
}


@lru_cache(maxsize=4096)
def _topic_context(topic: str) -> Context | None:
    """The longer names that hide the topic's mentions (digests.longer_names), if any; a
    topic written as one of two places (`_MARKED_NAMES`: «عمّان») has its own."""
    marked = _MARKED_NAMES.get(" ".join(topic.replace("ـ", "").split()))
    if marked is None and "ّ" in topic and "ُ" not in topic \
            and " ".join(normalized_words(topic)) == "عمان":
        marked = _MARKED_NAMES["عمّان"]  # «عَمّان»: other harakat beside the shadda
    if marked is not None:
        return Context(tuple(parse(p) for p in marked))
    return context(plan_query(topic).terms)


def _mentions(keys: Sequence[str], phrases: Sequence[Sequence[str]]) -> int:
    """How many mentions of `phrases` `keys` hold, the longest phrase at each place and none
    inside another: «تنظيم الدولة الإسلامية» is one mention of the group, not two (its
    «الدولة الإسلامية» is also a name of it, digests.variants.SYNONYMS; brief X34)."""
    longest_first = sorted((tuple(p) for p in phrases if p), key=len, reverse=True)
    count, i = 0, 0
    while i < len(keys):
        n = next((len(p) for p in longest_first if tuple(keys[i:i + len(p)]) == p), 0)
        count, i = count + (n > 0), i + max(n, 1)
    return count


def article_matches(topic: str, article: Article) -> bool:
    """Whether `article` concerns `topic`: the topic's keys in order in its title or body, or
    every word of a multi-word topic in its title.

    The phrase is a phrase search's semantics: «غوطة» matches «بالغوطة»; «الغوطة الشرقية» needs
    the two words together in a body. A headline that holds every word is about the topic in
    any order («بدء فرز الأصوات في انتخابات الرئاسة المصرية» for «الانتخابات المصرية», QA12 F6);
    a body that names them apart is not enough for an alert (it would send «حزب الله» followers
    every article with «حزب» and «عبد الله»). The search shows these headlines first after the
    phrase hits when the phrase is rare. A topic of only stop-words matches nothing.
    """
    phrases = topic_phrases(topic)
    if not phrases:
        return False
    title, body, every = _text_keys(article.title, article.text)
    if any(every.issuperset(p) and (_contains(title, p) or _contains(body, p))
           for p in phrases):
        return True
    words = _topic_words(topic)
    return bool(words) and all(any(k in title for k in spellings) for spellings in words)
