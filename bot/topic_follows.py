"""One typed topic followed: the rules /subscribe, a list of several and a deep link share.

`follow` reads what the reader typed as the topic to follow — its English name as the Arabic
topic («Syria» is «سوريا»), a sentence as the names of the news it holds («شكو ماكو بالعراق» is
«العراق»), the general digest's name as the general digest, a first word's proclitic left out
as the search's header leaves it («بسورية» is «سورية») — and stores it
(digests.subscriptions), or says why not (`Followed.refusal`). bot.following words the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.latin_help import latin_synonym
from bot.runtime import Runtime
from digests import subscriptions
from digests.asked_topics import topic_text, topic_too_long, without_proclitic
from digests.day_words import asked_date
from digests.errors import QueryError
from digests.general_names import is_general_name
from digests.named_questions import flags_read, named_topic
from digests.query import followable
from digests.topic_keys import key_of, readable
from digests.topic_names import arabic_topic, is_latin


@dataclass(frozen=True)
class Followed:
    """What following one typed topic came to (`follow`). `topic`: the topic asked (a sentence
    read as the names it holds, an English name as its Arabic topic); `refusal`: None when it
    is followed, else why not — "blank" (only invisible marks), "number" («١٢٣»), "too_long",
    "latin" (English no table maps), "full" (MAX_SUBSCRIPTIONS), "unsearchable" («علي» alone);
    `stored`: the topic as stored (cut to MAX_TOPIC_CHARS), `created`: not followed before;
    `latin`: the English the topic was mapped from."""

    topic: str
    refusal: str | None = None
    stored: str = ""
    created: bool = False
    latin: str | None = None


def follow(rt: Runtime, target: int, topic: str) -> Followed:
    """Follow one topic in chat `target`, as /subscribe and a list of several do (one path for
    both: «/subscribe شكو ماكو بالعراق» follows «العراق», «Syria» «سوريا»); "" is the general
    digest, and so is its name typed («النشرة العامة», «the general digest»: QA40 N1)."""
    read = would_follow(rt, topic)
    if read.refusal is not None:
        return read
    topic, latin = read.topic, read.latin
    try:
        sub, created = subscriptions.subscribe(rt.db, target, topic, now=rt.now())
    except subscriptions.TooManyTopics:
        return Followed(topic, "full", latin=latin)
    except QueryError:
        return Followed(topic, "unsearchable", latin=latin)
    return Followed(topic, None, sub.topic, created, latin)


def would_follow(rt: Runtime, topic: str) -> Followed:
    """`topic` read as `follow` reads it, and its refusal if any, without storing anything
    (refusal None: `follow` would follow it, unless the chat's topics are full). A share
    link's «🔔 تابع» button is offered only then (QA74-12: «زززز قققق» was offered, and the
    press answered «لا يحوي كلمات يمكن البحث عنها»)."""
    if topic and is_general_name(topic):
        topic = ""
    if topic and not readable(topic):
        return Followed(topic, "blank")
    if topic and not followable(topic):
        return Followed(topic, "number")
    # a day is no part of a followed topic, as «مصر النهارده» follows «مصر»: «سوريا الخميس»
    # was followed as the phrase (QA61-11), «اخبار بكرة» as «كرة» (QA61-1); a day alone, or
    # the news of a day, is nothing to follow
    dated = asked_date(topic, rt.now().date()) if topic else None
    if dated is not None and dated.news_only:
        return Followed(topic, "number")
    if dated is not None:
        topic = dated.rest
    if topic:  # a sentence is followed as the names of the news it holds (QA24 R1)
        # a flag as the search reads it: «🇱🇧 انتخابات» is «لبنان انتخابات» (X87)
        topic = named_topic(rt.db.db, flags_read(rt.db.db, topic))
        # as the search's header names it: «بسورية», «للغوطة» were followed and shown with
        # their proclitic though the search answered «سورية», «الغوطة» (QA57-4, X87); the key
        # is the same either way
        # (its words of asking dropped first, as it is stored: «ما أخبار بسورية»)
        topic = without_proclitic(topic_text(topic)) or topic
    if topic_too_long(topic):
        return Followed(topic, "too_long")
    # «Brexit», a name the search reads as «بريكست», followed as that, as /search answers it
    # (QA74-16)
    mapped = arabic_topic(topic) or latin_synonym(topic)
    latin = topic if mapped else None
    if mapped:
        topic = mapped
    elif is_latin(topic):  # it could never match an Arabic story: not followed
        return Followed(topic, "latin")
    try:
        key_of(topic)
    except QueryError:
        return Followed(topic, "unsearchable", latin=latin)
    return Followed(topic, None, latin=latin)

