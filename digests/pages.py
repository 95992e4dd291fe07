"""Article HTML to a `Page`: title, publication time, author, body paragraphs, related block.

The body comes from trafilatura (favouring precision) with a plain <p> fallback. trafilatura drops
the page's own related-articles block («مواضيع ذات صلة», «اقرأ أيضاً» …) on purpose, so we find
that block first, read its links (title, absolute URL, date) and cut it out of the tree, so it can
never leak into the body. Dates come from page metadata in order of reliability; trafilatura's
date finder is never used (it cannot read Arabic months and returns 1 January); the page says
whether its date carried a UTC offset (`Page.published_offset`), so the pipeline can read a bare
wall-clock time in the source's own offset. Pure.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from digests.dates import date_offset, find_date, parse_date
from digests.errors import ParseError
from digests.models import Page, RelatedItem
from digests.page_depth import parse_document
from digests.urls import absolute_url, is_http_url, url_key

log = logging.getLogger(__name__)

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ـ": None})
_MARKS_RE = re.compile("[\u064b-\u0655\u0670\u200e\u200f:：.،\\-–—»«\"']")
# Folded (see _fold) headings of related blocks, compared after folding the heading's text.
RELATED_MARKERS = tuple(sorted({
    "مواضيع ذات صله", "موضوعات ذات صله", "اخبار ذات صله", "مقالات ذات صله", "قصص ذات صله",
    "روابط ذات صله", "ذات صله", "اقرا ايضا", "اقرا ايضًا", "اقرا كذلك", "اقرا المزيد",
    "قد يهمك", "قد يهمك ايضا", "شاهد ايضا", "اخترنا لك", "المزيد حول هذه القصه",
    "موضوعات متعلقه", "مواد ذات صله", "related", "related articles", "read more", "see also",
}))
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_MAX_HEADING_CHARS = 40
_DATE_HINT_RE = re.compile(r"date|time|publish|posted|تاريخ", re.IGNORECASE)
_AUTHOR_HINT_RE = re.compile(r"author|byline|writer|كاتب", re.IGNORECASE)


def _fold(text: str) -> str:
    text = _MARKS_RE.sub(" ", text.lower().translate(_FOLD))
    return re.sub(r"\s+", " ", text).strip()


def _text(el: Any) -> str:
    return re.sub(r"\s+", " ", el.text_content() or "").strip()


def is_related_heading(text: str) -> bool:
    """True when `text` is the heading of a related-articles block («اقرأ أيضاً:» …)."""
    if len(text) > _MAX_HEADING_CHARS:
        return False
    return _fold(text) in RELATED_MARKERS


_SHORT_TEXT_XPATH = ("//text()[string-length(normalize-space(.)) > 0 and "
                     f"string-length(normalize-space(.)) <= {_MAX_HEADING_CHARS}]")


def _heading_candidates(root: Any) -> Iterator[tuple[Any, bool]]:
    """(element, inline) for each related-block heading, innermost element first.

    Only short text nodes are looked at, so a big page costs one pass. `inline` is True for
    «<p>اقرأ أيضاً: <a>…</a></p>», where the words and the link share one element.
    """
    seen: set[int] = set()
    for node in root.xpath(_SHORT_TEXT_XPATH):
        if not getattr(node, "is_text", False):
            continue  # tail text belongs to a larger mixed element
        el = node.getparent()
        if el is None or not isinstance(el.tag, str) or id(el) in seen:
            continue
        if el.tag in {"a", "html", "body", "script", "style", "title", "option"}:
            continue
        if not is_related_heading(str(node)):
            continue
        seen.add(id(el))
        full = _text(el)
        if is_related_heading(full):
            yield el, False
        elif len(full) <= 400 and any(a.get("href") for a in el.iter("a")):
            yield el, True


def _links_in(nodes: list[Any]) -> list[Any]:
    links: list[Any] = []
    for node in nodes:
        if not isinstance(node.tag, str):
            continue
        links.extend(a for a in node.iter("a") if a.get("href"))
    return links


def _is_prose(el: Any) -> bool:
    """Mostly text that is not link text: body prose, never part of a list of related links."""
    text = _text(el)
    if len(text) < 150:
        return False
    # Related items carry excerpts and dates beside each link (the seed page's list is about
    # 30 % link text, a single card with an excerpt about 25 %); article prose with an inline
    # link or two has far less.
    return sum(len(_text(a)) for a in el.iter("a") if a.get("href")) < 0.15 * len(text)


def _block_after(heading: Any) -> tuple[list[Any], list[Any]]:
    """(nodes to cut, links) of the block a heading introduces, searching up a few levels."""
    node = heading
    for _ in range(4):
        siblings: list[Any] = []
        for sib in node.itersiblings():
            if not isinstance(sib.tag, str):
                continue
            if (sib.tag in _HEADING_TAGS and siblings) or _is_prose(sib):
                break  # the next section, or article text that merely contains a link
            siblings.append(sib)
        links = _links_in(siblings)
        if links:
            return [node, *siblings], links
        parent = node.getparent()
        if parent is None or parent.tag in {"body", "html", "article", "main"}:
            break
        node = parent
    return [], []


class _ItemFinder:
    """The list item (li/div) holding a link of one block, to read the link's date from its
    text. The link counts of the ancestors are counted once each, not once per link: a block of
    40,000 links cost O(links²) before (QA38 A2: 50 s of CPU for one page)."""

    def __init__(self, block: list[Any]) -> None:
        self._block = set(block)
        self._links: dict[Any, int] = {}

    def _count(self, node: Any) -> int:
        count = self._links.get(node)
        if count is None:
            count = self._links[node] = sum(1 for _ in node.iter("a")) - (node.tag == "a")
        return count

    def item_of(self, link: Any) -> Any:
        item = link
        while True:
            parent = item.getparent()
            if parent is None or item in self._block:
                return item
            if self._count(parent) > 1:
                return item
            item = parent


def _link_date(item: Any, title: str) -> datetime | None:
    for time_el in item.iter("time"):
        dt = parse_date(time_el.get("datetime") or _text(time_el))
        if dt is not None:
            return dt
    rest = _text(item).replace(title, " ")
    return find_date(rest)


# A page's related links read at most (candidates, in page order) and kept at most: a digest
# shows MAX_RELATED (5, digests.digest) after dropping self-links and links its story already
# has, so a few more than that are kept. A page listing 40,000 stored them all before (4.7 MB of
# related_json per article, QA38 A2).
MAX_RELATED_CANDIDATES = 200
MAX_RELATED_KEPT = 10


def extract_related(root: Any, base_url: str) -> tuple[RelatedItem, ...]:
    """Read every related block in `root` and remove it from the tree (mutates `root`): at most
    MAX_RELATED_CANDIDATES links are read, MAX_RELATED_KEPT kept; every block is cut."""
    items: list[RelatedItem] = []
    seen: set[str] = set()
    read = 0
    for heading, inline in list(_heading_candidates(root)):
        if heading.getparent() is None or any(True for _ in heading.iterancestors("a")):
            continue
        if inline:
            block, links = [heading], [a for a in heading.iter("a") if a.get("href")]
        else:
            block, links = _block_after(heading)
        finder = _ItemFinder(block)
        room = min(MAX_RELATED_CANDIDATES - read, len(links))
        if room < len(links):
            log.info("related links over the cap url=%s listed=%d read=%d"
                     " (MAX_RELATED_CANDIDATES)", base_url, len(links), max(room, 0))
        for link in links[:max(room, 0)]:
            read += 1
            if len(items) >= MAX_RELATED_KEPT:
                break
            title = _text(link) or (link.get("title") or "").strip()
            url = absolute_url(link.get("href", ""), base_url)
            key = url_key(url) if is_http_url(url) else ""
            if not title or not key or key in seen:
                continue
            seen.add(key)
            items.append(RelatedItem(title=title, url=url,
                                     published_at=_link_date(finder.item_of(link), title),
                                     kind="page"))
        for node in block or [heading]:
            if node.getparent() is not None:
                node.drop_tree()  # keeps the tail text, which may be body text
    return tuple(items)


def _json_ld(root: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            obj = stack.pop()
            if isinstance(obj, dict):
                out.append(obj)
                graph = obj.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
            elif isinstance(obj, list):
                stack.extend(obj)
    return out


def _meta(root: Any, *names: str) -> str:
    for name in names:
        for el in root.xpath(f'//meta[@property="{name}" or @name="{name}" or @itemprop="{name}"]'):
            content = (el.get("content") or "").strip()
            if content:
                return content
    return ""


def _drop_date_lines(root: Any) -> None:
    """Remove short dateline elements («الأربعاء 28 فبراير 2018») so they stay out of the body."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in {"html", "body"} or el.getparent() is None:
            continue
        hint = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _DATE_HINT_RE.search(hint) and len(_text(el)) <= 80 and find_date(_text(el)):
            el.drop_tree()


def _published(root: Any, ld: list[dict[str, Any]]) -> tuple[datetime | None, int | None]:
    """The page's publication date and the UTC offset it was written with (None: none was)."""
    for raw in (_meta(root, "article:published_time", "datePublished", "og:published_time",
                      "pubdate", "publishdate", "date", "dc.date", "DC.date.issued"),
                *(str(o.get("datePublished") or "") for o in ld)):
        dt = parse_date(raw) if raw else None
        if dt is not None:
            return dt, date_offset(raw)
    for time_el in root.iter("time"):
        raw = time_el.get("datetime") or _text(time_el)
        dt = parse_date(raw)
        if dt is not None:
            return dt, date_offset(raw)
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in {"script", "style"}:
            continue
        hint = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _DATE_HINT_RE.search(hint):
            text = _text(el)
            if len(text) <= 120:
                dt = find_date(text)
                if dt is not None:
                    return dt, None  # a visible date: local wall-clock time
    return None, None


def _author(root: Any, ld: list[dict[str, Any]]) -> str:
    meta = _meta(root, "author", "article:author", "dc.creator")
    if meta and not is_http_url(meta):
        return meta
    for obj in ld:
        author = obj.get("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict) and author.get("name"):
            return str(author["name"]).strip()
        if isinstance(author, str) and author.strip():
            return author.strip()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        hint = f"{el.get('class') or ''} {el.get('rel') or ''} {el.get('itemprop') or ''}"
        if _AUTHOR_HINT_RE.search(hint):
            text = _text(el)
            if 0 < len(text) <= 60:
                return text
    return ""


def _title(root: Any) -> str:
    og = _meta(root, "og:title", "twitter:title")
    if og:
        return og
    for tag in ("h1", "title"):
        for el in root.iter(tag):
            text = _text(el)
            if text:
                return text
    return ""


def _fallback_paragraphs(root: Any) -> list[str]:
    out = []
    for p in root.iter("p"):
        if any(a.tag in {"nav", "footer", "header", "aside"} for a in p.iterancestors()):
            continue
        text = _text(p)
        if len(text) >= 20:
            out.append(text)
    return out


_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")


def extract_page(html: str, url: str) -> Page:
    """Extract an article page.

    Args:
        html: the page as text (decode bytes with digests.encoding.decode first).
        url: the page's URL, to resolve relative links.

    Raises:
        ParseError: the text is not HTML at all.
    """
    if not html.strip():
        raise ParseError("empty page")
    # The text is decoded already: lxml refuses a str that still declares an encoding
    # (XHTML pages open with `<?xml version="1.0" encoding="…"?>`).
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        root = parse_document(html, url)  # a page nested past libxml2's limit too (QA29 A8)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"page is not HTML: {exc}") from exc
    ld = _json_ld(root)
    title = _title(root)
    author = _author(root, ld)
    related = extract_related(root, url)
    published, offset = _published(root, ld)
    _drop_date_lines(root)
    for bad in root.xpath("//script|//style|//noscript"):  # JSON-LD was read above
        if bad.getparent() is not None:
            bad.drop_tree()
    fallback = _fallback_paragraphs(root)
    text = trafilatura.extract(root, url=url, fast=True, favor_precision=True,
                               include_comments=False, include_tables=False, with_metadata=False)
    paragraphs = [p.strip() for p in (text or "").split("\n") if p.strip()]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs or (fallback and sum(map(len, paragraphs)) < 0.3 * sum(map(len, fallback))):
        paragraphs = fallback
    return Page(title=title, published_at=published, author=author,
                paragraphs=tuple(paragraphs), related=related,
                published_offset=offset if published is not None else 0)
