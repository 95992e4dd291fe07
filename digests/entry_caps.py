"""How long a feed entry's fields may be: a title, a summary, an author cut at read time (QA56-1).

A hostile or broken feed can put a megabyte in one title (under MAX_BODY_BYTES): stored whole,
it made each poll a minute slower, because every step after parsing (condensing, quotes' speech
cues, the story keys, the meaning vectors) grows with the text, some of them faster than linearly.
The bounds are far above real news: in the 7,213-article corpus the longest headline is 117
characters and the longest whole article text 15,144; so a title keeps 1,000 characters and a
summary (which stands in for the text of a feed-only article) 20,000. A cut is made at a word's
end and marked «…», and logged once per entry read. Pure.
"""

from __future__ import annotations

import hashlib
import logging

log = logging.getLogger(__name__)

TITLE_CHARS = 1_000
SUMMARY_CHARS = 20_000
AUTHOR_CHARS = 200
# a GUID is a key, not text: one past this is kept as its start and a hash of the whole, so two
# long GUIDs sharing their first characters stay two entries
GUID_CHARS = 500
# a field's raw text (HTML, entities) is cut to this many times its bound before its tags are
# stripped: stripping a megabyte took 0.7 s; markup rarely triples a text's length
RAW_TIMES = 5
# how far back from the bound a cut looks for a space, so a word is not split
_WORD_BACK = 40


def cut_text(text: str, limit: int) -> str:
    """`text` when it fits in `limit` characters, else its start up to a word's end, with «…»
    (the result is at most `limit` characters)."""
    if len(text) <= limit:
        return text
    head = text[:limit - 1]
    space = head.rfind(" ", max(0, len(head) - _WORD_BACK))
    if space > 0:
        head = head[:space]
    return head.rstrip() + "…"


def raw_cut(text: str, limit: int) -> str:
    """A field's raw text cut to RAW_TIMES its bound, before the costly stripping of its tags."""
    return text[:limit * RAW_TIMES]


def cut_guid(guid: str) -> str:
    """A GUID within GUID_CHARS: a longer one is its start and the SHA-1 of the whole."""
    if len(guid) <= GUID_CHARS:
        return guid
    digest = hashlib.sha1(guid.encode("utf-8", "surrogatepass")).hexdigest()
    return guid[:GUID_CHARS - len(digest) - 1] + "#" + digest


def capped_fields(url: str, title: str, summary: str, author: str
                  ) -> tuple[str, str, str]:
    """The title, summary and author cut to their bounds; one warning when any was cut."""
    cut = (cut_text(title, TITLE_CHARS), cut_text(summary, SUMMARY_CHARS),
           cut_text(author, AUTHOR_CHARS))
    if cut != (title, summary, author):
        log.warning("feed entry cut to size url=%s title=%d summary=%d author=%d characters"
                    " title_max=%d summary_max=%d author_max=%d", url[:200], len(title),
                    len(summary), len(author), TITLE_CHARS, SUMMARY_CHARS, AUTHOR_CHARS)
    return cut
