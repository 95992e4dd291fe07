"""A reader's text as the bot handles it beside the search: links, markup, shortened echoes.

Pure functions. A pasted link («https://…», «www.…», «bbc.com/arabic/…») is found in a message
(`links_in`) and looked up in every form a reader may have shortened it from
(`link_forms`); HTML a reader pasted is stripped (`strip_markup`); a reader's text quoted back is
cut at a word boundary and marked «…» (`shorten`, `echo`). Split from digests/query.py, which
turns the same text into a search.
"""

from __future__ import annotations

import re

_LINK_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# A link inside a sentence: up to the next space, an Arabic letter (a link glued to the next
# word) or a closing mark; punctuation at its end belongs to the sentence («…/a.html.»).
# A link written without a scheme or «www.» («bbc.com/arabic/x»): a host with a dot, ending in
# a top-level domain of letters (or an IPv4 address), then a slash; not inside a word, an email
# address or a longer link. «3.5/10» or «U.S./…» are not links (no letters-only domain).
_LINK_IN_TEXT = re.compile(
    r"(?:https?://|www\.)[^\s\u0600-\u06FF«»\"<>]+"
    r"|(?<![\w.@/:-])(?:(?:[a-z0-9-]+\.)+[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?/"
    r"[^\s\u0600-\u06FF«»\"<>]*", re.IGNORECASE)
_LINK_TAIL = ".,;:!?)]}'،؛؟…"


def links_in(text: str) -> list[str]:
    """Every link in `text`, in order («شاهد https://… و www.… و bbc.com/arabic/…»): links
    without a scheme (`www.` or a domain followed by a path) get «http://», trailing sentence
    punctuation is left out; a bare «http://» is no link."""
    out: list[str] = []
    for m in _LINK_IN_TEXT.finditer(text[:4000]):
        link = m.group().rstrip(_LINK_TAIL)
        if not link.lower().startswith("http"):
            link = "http://" + link
        if "." in link.split("://", 1)[1].split("/", 1)[0]:  # a host with a dot
            out.append(link)
    return out


def link_forms(link: str) -> list[str]:
    """`link` and the forms a reader may have shortened it from, to look it up by: the other
    scheme (a link typed without one gets «http://», articles are mostly stored under
    «https://») and the host with or without «www.» («bbc.com/x» is «https://www.bbc.com/x»)."""
    scheme, sep, rest = link.partition("://")
    if not sep or scheme.lower() not in ("http", "https"):
        return [link]
    other = rest[4:] if rest.lower().startswith("www.") else "www." + rest
    forms = [link]
    for s in ("https", "http"):
        for r in (rest, other):
            if f"{s}://{r}" not in forms:
                forms.append(f"{s}://{r}")
    return forms


_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


# a script or a style element is code, not words: it goes whole, with its tags (QA58-1: a feed
# titled «<b>وكالة</b> <script>alert(1)</script> الأنباء» was named «وكالة alert(1) الأنباء»)
_CODE_RE = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def strip_markup(text: str) -> str:
    """`text` without HTML tags a reader pasted or typed («<b>غزة</b>» → «غزة»), and without
    the code of script and style elements, spaces collapsed; the words between tags stay apart
    («<p>غزة</p><p>حلب</p>» → «غزة حلب»)."""
    if "<" in text:
        text = _CODE_RE.sub(" ", text)
    return " ".join(_TAG_RE.sub(" ", text).split())


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary (a single word longer than
    the limit is cut inside it); spaces collapsed."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    return cut[:limit].rstrip(" ،,.;:-")


ECHO_CHARS = 100  # a reader's text quoted back


def echo(text: str, limit: int = ECHO_CHARS) -> str:
    """A reader's text as quoted back: spaces collapsed, at most `limit` characters, cut at a
    word boundary and then ending with «…» (the README promises the mark)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return shorten(text, limit - 1) + "…"
