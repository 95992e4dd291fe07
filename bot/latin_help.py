"""What the bot says to a Latin spelling no table maps, in a search or a /subscribe (QA51 L5).

An English reader who typed «Idleb», «Gouta» or «Tal Rifaat» was told «write the name as Arabic
news writes it», which they cannot do. In English the answer now offers the known names nearest
to the spelling as buttons (digests.latin_near: «🔎 Idlib (إدلب)» in a search, «🔔 Idlib (إدلب)»
after /subscribe), and for a spelling near no known name says what they can do: try the country
or the nearest city, or copy the name from an Arabic headline. The Arabic interface keeps its
answer (an Arabic reader can write the name as the news writes it).

A Latin name the search itself reads as an Arabic one (digests.variants.SYNONYMS: «Brexit» is
«بريكست») is no miss: `latin_synonym` gives the Arabic name, and bot.answers answers it as
«Ghouta» (QA74-16: «/search Brexit» with no news was told to type it in Arabic).
"""

from __future__ import annotations

import re

from telegram import InlineKeyboardMarkup

from bot.i18n import topic_label
from bot.runtime import Runtime, button, keyboard, ui
from digests.latin_near import near_topics
from digests.reader_text import echo
from digests.topic_names import is_latin
from digests.variants import SYNONYMS


def latin_synonym(text: str) -> str | None:
    """The Arabic name of the search's synonyms that Latin `text` is another name of
    («Brexit», «brexit», «#Brexit», «brexit?» → «بريكست»), else None."""
    return _synonym(" ".join(_words(text)), text)


def latin_synonym_in(text: str) -> str | None:
    """The Arabic name of such a synonym among the words of Latin `text` («brexit news»,
    «Brexit deal», a link's «brexit_deal» → «بريكست»: QA76-6, as «Iran deal» reads «إيران»;
    bot.answers says «from … I searched for …»), else None; the longest first."""
    words = _words(text)
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            found = _synonym(" ".join(words[i:i + size]), text)
            if found:
                return found
    return None


def _words(text: str) -> list[str]:
    """`text`'s words, casefolded, without marks around or between them («#Brexit» →
    «brexit», «brexit_deal» → «brexit deal»)."""
    return _NOT_WORD.sub(" ", text).casefold().split()


_NOT_WORD = re.compile(r"[\W_]+")


def _synonym(typed: str, text: str) -> str | None:
    if not typed or not is_latin(text):
        return None
    for group in SYNONYMS:
        if any(is_latin(name) and " ".join(_words(name)) == typed for name in group):
            return next((name for name in group if not is_latin(name)), None)
    return None


def latin_miss(rt: Runtime, chat_id: int, text: str, lang: str, *, follow: bool = False,
               offer: bool = True) -> tuple[str, InlineKeyboardMarkup | None]:
    """The answer (HTML) and its buttons to Latin `text` that maps to no topic: searched (or,
    `follow`, refused by /subscribe). A button searches, or follows in `chat_id`, one near
    topic; none without `offer` (what to do is said instead)."""
    if lang == "en" and offer:
        near = near_topics(text)
        if near:
            key, icon, action = (("latin_near_follow", "🔔 ", "subscribe") if follow
                                 else ("latin_near", "🔎 ", "search"))
            rows = [[button(rt, chat_id, icon + topic_label(topic, lang, with_arabic=True),
                            action, {"topic": topic} if follow else {"query": topic})]
                    for topic in near]
            return ui(lang, key, query=echo(text)), keyboard(rows)
    key = "latin_not_followed_plain" if follow else "latin_topic"
    return ui(lang, key, query=echo(text), topic=echo(text)), None
