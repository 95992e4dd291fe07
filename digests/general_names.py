"""The general digest's own names, typed where a topic goes (QA40 N1).

/help says «/subscribe موضوع (أو النشرة العامة)», so a reader types `/subscribe النشرة العامة`;
read as a topic it followed a keyword search for «نشرة عامة» (nothing matches it) while every
reply and /topics named it like the general digest. A typed name of the general digest — Arabic
with or without «ال», with «ه» for «ة», in quotes or after the button's 📰, or English «the
general digest» — is the general digest itself (the empty topic, the button's row); so is
«النشرةالعامة» typed without its space (X69, QA44 T5). Pure, but for migration 044.
"""

from __future__ import annotations

import re
import unicodedata

import sqlite_utils

# The analysed keys (digests.topic_keys.key_of) of the Arabic names: «النشرة العامة», «نشرة
# عامة», «النشره العامه», «نشرة العامة» are all «نشره عامه»; «الأخبار العامة» (its «الأخبار» a
# word of asking) and «العامة» alone are «عامه», which as a topic would match nothing useful.
# Typed without the space, «النشرةالعامة» / «النشرهالعامه» is «نشرهالعامه» and «نشرةعامة»
# «نشرهعامه» (one word: the analysis drops only a leading «ال»).
GENERAL_KEYS = frozenset({"نشره عامه", "عامه", "نشرهالعامه", "نشرهعامه"})
# The English names, lower-cased, without «the» and punctuation.
GENERAL_ENGLISH = frozenset({"general digest", "general", "general news", "general bulletin"})

_NOT_WORD = re.compile(r"[^\w\s]+")
_ARTICLE = re.compile(r"^the\s+")


def english_name(text: str) -> str:
    """`text` lower-cased, without punctuation, emoji or a leading «the», spaces collapsed."""
    plain = _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold())
    return _ARTICLE.sub("", " ".join(plain.split()))


def is_general_name(text: str) -> bool:
    """True when `text` names the general digest («النشرة العامة», «نشرة عامة», «📰 النشرة
    العامة», «the general digest», «General digest»); False for any topic, «النشرة» alone too."""
    if not text.strip():
        return False
    if english_name(text) in GENERAL_ENGLISH:
        return True
    from digests.errors import QueryError
    from digests.topic_keys import key_of  # late: the analysis modules are heavy

    try:
        return key_of(text) in GENERAL_KEYS
    except QueryError:
        return False


def m044_general_digest_joined_names(db: sqlite_utils.Database) -> None:
    # X69 (QA44 T5): «/subscribe النشرةالعامة», the space missing, was stored as a keyword topic
    # («نشرهالعامه») that matches nothing, and «/unsubscribe النشرة العامة» left it. Such a row
    # becomes the general digest, or goes when the chat follows it already: 039's rule again,
    # GENERAL_KEYS now holding the joined spellings.
    from digests.data_migrations import m039_general_digest_names

    m039_general_digest_names(db)
