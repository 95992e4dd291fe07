"""A followed topic as stored and its key: how a typed topic is cleaned, cut and keyed.

A topic is kept as the reader wrote it, without the words of asking at its ends («ما آخر أخبار
الغوطة؟» is «الغوطة»), without invisible characters, at most MAX_TOPIC_CHARS characters
(`clean_topic`); it is matched through its analyzed key (`key_of`, digests.search.topic_key), so
«الغوطة» and «غوطة» are one subscription, and two spellings of one name are one topic
(`same_name`: «ترمب» is «ترامب»). The subscriptions store (digests.subscriptions), pushes
(bot.pushes, digests.push_queue) and the data migrations that rekey stored topics
(digests.subscription_rekeys) all read topics this way. Pure but for `keys_of_same_name`, which
reads the keys followed.
"""

from __future__ import annotations

import re

import sqlite_utils

from digests.errors import QueryError

MAX_TOPIC_CHARS = 100

_WS_RE = re.compile(r"\s+")
# Invisible characters a reader (or a crafted t.me link) can put in a topic: bidi overrides,
# embeddings and isolates would mirror every reply that quotes the topic (QA14 F5), marks and
# zero-width spaces would make two topics that read alike; control characters. ZWJ and ZWNJ stay
# (emoji, Persian).
_INVISIBLE_RE = re.compile("[\x00-\x1f\x7f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060"
                           "\u2066-\u2069\ufeff]")


def readable(text: str) -> bool:
    """`text` holds a letter or digit: not only invisible marks (an RLM copied with Arabic text,
    a zero-width space), which clean_topic removes and no reader meant as a topic (QA15 N1, N8)."""
    return any(ch.isalnum() for ch in text)


def clean_topic(topic: str | None) -> str:
    """A topic as stored and shown: without the words of asking and stop-words at its ends that
    the search drops («ما آخر أخبار الغوطة؟» → «الغوطة»), without bidi controls and other
    invisible characters (QA14 F5: an RLO mirrored every reply), spaces collapsed, at most
    MAX_TOPIC_CHARS characters, cut at a word boundary («الغوطة الشرقية …» pasted many times
    never ends in «الش»)."""
    from digests.asked_topics import topic_text  # late: query builds on the analysis modules
    from digests.reader_text import shorten

    text = _INVISIBLE_RE.sub("", topic or "")
    return shorten(topic_text(_WS_RE.sub(" ", text).strip()), MAX_TOPIC_CHARS)


def topic_was_cut(topic: str) -> bool:
    """Whether `clean_topic` shortens `topic` (its echo then ends with «…»)."""
    from digests.asked_topics import topic_text

    text = _INVISIBLE_RE.sub("", topic)
    return len(topic_text(_WS_RE.sub(" ", text).strip())) > MAX_TOPIC_CHARS


def key_of(topic: str) -> str:
    """The analyzed key of a topic ('' for the general digest).

    Raises:
        QueryError: the topic has nothing searchable in it (only stop-words or punctuation).
    """
    topic = clean_topic(topic)
    if not topic:
        return ""
    from digests.search import topic_key  # late: search builds on the analysis modules

    key = topic_key(topic)
    if not key:
        raise QueryError(f"nothing searchable in topic {topic!r}")
    return key


def same_name(key: str) -> str:
    """The key with every name in one spelling (digests.variants), so that «ترامب» and «ترمب» are
    one topic when a chat follows or stops following it (matching already finds both), and a
    name written as two words in its one-word form («فيس بوك» → «فيسبوك», digests.variants.
    JOINED), so following one is following the other; a name of a synonym group as the group's
    first name («أنصار الله» → «الحوثي», «تنظيم الدولة» → «داعش»: QA24 R5, one subscription)."""
    from digests.variants import alternatives, joined_form, synonym_key

    if not key:
        return key
    parts = list(synonym_key(tuple(key.split(" "))))
    words: list[str] = []
    i = 0
    while i < len(parts):
        pair = parts[i:i + 2]
        joined = None
        if len(pair) == 2:  # «بيونج يانج» is «بيونغ يانغ»: try each spelling of both words
            joined = next((j for a in alternatives(pair[0]) for b in alternatives(pair[1])
                           if (j := joined_form(a, b))), None)
        words.append(joined or parts[i])
        i += 2 if joined else 1
    return " ".join(min(alternatives(k)) for k in words)


def keys_of_same_name(db: sqlite_utils.Database, key: str) -> list[str]:
    """Every followed topic key naming what `key` names (itself included): a push of «ترمب»
    reaches the followers of «ترامب»."""
    wanted = same_name(key)
    followed = {r[0] for r in db.execute(
        "select distinct topic_key from subscriptions where topic_key != ''").fetchall()}
    return sorted({key} | {k for k in followed if same_name(k) == wanted})
