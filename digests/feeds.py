"""Feed bytes to `FeedEntry`s: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed ourselves.

feedparser gets the raw bytes and the HTTP headers so it can pick the encoding itself (it was the
only parser correct on every malformed and mis-encoded feed tried). A malformed feed keeps what
feedparser recovered (`bozo`); only a feed with nothing usable raises ParseError. Entries without a
GUID are fine: deduplication falls back to the URL, then the content hash. Pure.
"""

from __future__ import annotations

import calendar
import html
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from digests.char_refs import count_bad_refs, fix_char_refs, scrub, scrub_tree
from digests.dates import date_offset, parse_date
from digests.encoding import decode, unreadable
from digests.entry_caps import (AUTHOR_CHARS, SUMMARY_CHARS, TITLE_CHARS, capped_fields,
                                cut_guid, raw_cut)
from digests.errors import ParseError, Reason
from digests.feed_cut import cut_items, newest_end
from digests.host_forms import host_of, never_allowed
from digests.models import FeedEntry
from digests.urls import absolute_url, is_http_url, without_tracking

log = logging.getLogger(__name__)

# Real tags only (a letter after «<» or «</»), comments and declarations: «<قصف>» in a title
# is a word in angle brackets, not markup (QA18 R15), and «ترامب < أوباما» keeps its «<».
_TAG_RE = re.compile(r"<!--.*?-->|<!\[CDATA\[|\]\]>|<![A-Za-z][^>]*>|</?[A-Za-z][^>]*>",
                     re.DOTALL)
_SPACE_RE = re.compile(r"[ \t\r\f\v]+")
# A script's or style sheet's inside is code, never words of the text (QA31 G11: «<script>x
# </script>» in a title left «x» in the headline); an unclosed one runs to the end.
_CODE_RE = re.compile(r"(?is)<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)")


def strip_html(text: str) -> str:
    """Plain text of a feed summary (which is often HTML), entities decoded, spaces collapsed.
    Only real tags go (`</?letter…>`, comments): text between «<» and «>» that is no tag stays."""
    text = re.sub(r"\s+", " ", text)  # raw newlines in HTML are spaces; only tags break lines
    text = _CODE_RE.sub(" ", text)
    text = re.sub(r"(?i)<\s*(br|/p|/div|/li)\b[^>]*>", "\n", text)
    text = html.unescape(_TAG_RE.sub(" ", text))
    lines = (_SPACE_RE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _looks_like_json(body: bytes, headers: Mapping[str, str] | None) -> bool:
    content_type = ""
    for key, value in (headers or {}).items():
        if key.lower() == "content-type":
            content_type = value.lower()
    if "json" in content_type:
        return True
    return body.lstrip()[:1] == b"{"


def _struct_to_utc(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _entry_date(entry: Mapping[str, Any]) -> tuple[datetime | None, int | None]:
    """The entry's date and the UTC offset it was written with (None: written without one)."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            parsed = parse_date(str(raw))
            if parsed is not None:
                return parsed, date_offset(str(raw))
            parsed = _struct_to_utc(entry.get(f"{key}_parsed"))
            if parsed is not None:
                return parsed, 0  # feedparser's own reading, already in UTC
    return None, 0


def _entry_updated(entry: Mapping[str, Any]) -> datetime | None:
    """When the feed says it last changed the entry (Atom `<updated>`), None when it says
    nothing: read from the dict itself, not through feedparser's deprecated fallback to the
    entry's published date (a date the entry was never changed at)."""
    raw = dict.get(entry, "updated")  # type: ignore[call-overload]
    if raw:
        parsed = parse_date(str(raw))
        if parsed is not None:
            return parsed
    return _struct_to_utc(dict.get(entry, "updated_parsed"))  # type: ignore[call-overload]


def _entry_link(entry: Mapping[str, Any], base_url: str) -> str:
    link = entry.get("link") or ""
    if not link:
        for item in entry.get("links") or []:
            if item.get("rel", "alternate") == "alternate" and item.get("href"):
                link = item["href"]
                break
    if not link:
        guid = entry.get("id") or ""
        if guid and is_http_url(guid):
            link = guid
    return absolute_url(link, base_url) if link else ""


def _entry_summary(entry: Mapping[str, Any]) -> str:
    summary = entry.get("summary") or ""
    if not summary:
        for content in entry.get("content") or []:
            if content.get("value"):
                summary = content["value"]
                break
    return strip_html(raw_cut(summary, SUMMARY_CHARS))


_XML_DECL_ENCODING_RE = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9._:-]+)""")


def as_utf8(body: bytes, headers: Mapping[str, str] | None) -> tuple[bytes, dict[str, str]]:
    """The feed re-encoded as UTF-8 with headers and declaration saying so: what feedparser is
    given, for the entries and for the feed's title alike (digests.source_check.feed_title).

    The encoding is decided once, by digests.encoding.decode (valid UTF-8 stays UTF-8 whatever it
    declares; windows-1256 bytes declared UTF-8 are read as windows-1256). feedparser would
    otherwise apply the declared charset again: to a UTF-8 body declared windows-1256 (mojibake),
    and its own fallback for undeclared legacy bytes is windows-1252, not an Arabic one.
    """
    out_headers = {k: v for k, v in (headers or {}).items() if k.lower() != "content-type"}
    content_type = next((v for k, v in (headers or {}).items() if k.lower() == "content-type"),
                        "application/xml")
    out_headers["content-type"] = content_type.split(";")[0].strip() + "; charset=utf-8"
    # a reference to a surrogate or past U+10FFFF made feedparser raise for the whole feed
    # (QA38 A1): it becomes U+FFFD, as a lone surrogate does in decode
    text = decode(body, headers)
    bad = count_bad_refs(text)
    if bad:
        log.warning("feed invalid character references replaced count=%d (surrogates or past"
                    " U+10FFFF, read as U+FFFD)", bad)
        text = fix_char_refs(text)
    utf8 = _XML_DECL_ENCODING_RE.sub(rb"\1utf-8", text.encode("utf-8"), count=1)
    return utf8, out_headers


# what a feed's parse gives: its entries, how many the cut dropped, the skipped entries' names
# and their errors (FeedRead's fields, in order)
_Parsed = tuple[list[FeedEntry], int, tuple[str, ...], tuple[str, ...]]


class UnusableLink(ValueError):
    """An entry with no link a reader may be given: none, not http(s) (`file:`, `javascript:`),
    or a link-local / cloud-metadata address (QA63-11: such entries vanished without a word, and
    a 169.254.169.254 link was stored and shown). Skipped like an unreadable entry: counted,
    logged, named in /sources."""


# UnusableLink's messages start so; `skip_kind` reads the kind back (the bot words each kind
# in the admin's language, QA65-14: one bilingual reason stood for all in either language)
NO_LINK = "مدخل بلا رابط / entry without a link"
NOT_HTTP = "رابط ليس http(s) / not an http(s) link: "
METADATA_LINK = ("رابط إلى عنوان محلي أو عنوان بيانات سحابية / link to a link-local or cloud"
                 " metadata address: ")


def _usable_link(link: str) -> str:
    """`link` when an article may have it, else UnusableLink says why."""
    if not link:
        raise UnusableLink(NO_LINK)
    if not is_http_url(link):
        raise UnusableLink(f"{NOT_HTTP}{link.split(':', 1)[0]}:")
    if never_allowed(host_of(link).strip("[]")):
        raise UnusableLink(f"{METADATA_LINK}{host_of(link)}")
    return link


def skip_kind(error: str) -> tuple[str, str]:
    """The kind of a skipped entry's error («no_link», «not_http», «metadata», else
    «unreadable») and its detail (the scheme, the host, the exception)."""
    if error.startswith(NO_LINK):
        return "no_link", ""
    if error.startswith(NOT_HTTP):
        return "not_http", error[len(NOT_HTTP):]
    if error.startswith(METADATA_LINK):
        return "metadata", error[len(METADATA_LINK):]
    return "unreadable", error


def _skipped(base_url: str, index: int, entry: Mapping[str, Any], exc: Exception
             ) -> tuple[str, str]:
    """The log line, the short name and the error (type: message) of one entry left out
    because it could not be read (an UnusableLink: its message alone)."""
    name = scrub(str(entry.get("id") or entry.get("link") or entry.get("url")
                     or entry.get("title") or f"#{index + 1}")[:200])
    error = (scrub(str(exc))[:200] if isinstance(exc, UnusableLink)
             else f"{type(exc).__name__}: {scrub(str(exc))[:200]}")
    log.warning("feed entry skipped url=%s entry=%d id=%s error=%s (the feed's other"
                " entries are read)", base_url, index + 1, name, error)
    return name, error


def _parse_xml(body: bytes, headers: Mapping[str, str] | None, base_url: str,
               max_entries: int | None = None) -> _Parsed:
    body, utf8_headers = as_utf8(body, headers)
    cut = 0
    if max_entries is not None:  # before feedparser: its time grows with every entry (QA29 A8)
        body, cut = cut_items(body, max_entries)
        if cut:
            log.warning("feed cut before parsing url=%s dropped=%d kept=%d (the newest end's,"
                        " else the first and last; MAX_ENTRIES_PER_FEED)", base_url, cut,
                        max_entries)
    try:
        parsed = feedparser.parse(body, response_headers=utf8_headers,
                                  resolve_relative_uris=False, sanitize_html=False)
    except (ValueError, OverflowError, RecursionError, UnicodeError) as exc:
        # what as_utf8 cleans should never get here; if it does, say what, not «unknown»
        raise ParseError(f"feed unreadable by the parser: {type(exc).__name__}: "
                         f"{scrub(str(exc))[:200]}", why=Reason("feed_broken")) from exc
    if parsed.get("bozo"):
        log.info("malformed feed kept what was recovered url=%s error=%s", base_url,
                 parsed.get("bozo_exception"))
    entries: list[FeedEntry] = []
    skipped: list[tuple[str, str]] = []
    for index, entry in enumerate(parsed.entries):
        try:
            read = _xml_entry(entry, base_url)
        except Exception as exc:  # noqa: BLE001 - one entry never costs its source (QA38 A1)
            skipped.append(_skipped(base_url, index, entry, exc))
            continue
        if read is not None:
            entries.append(read)
    if not entries and not parsed.get("version"):
        raise ParseError(f"not a feed (no RSS/Atom/JSON Feed found): "
                         f"{parsed.get('bozo_exception') or 'unknown format'}",
                         why=Reason("not_feed"))
    if not entries and parsed.get("bozo"):
        raise ParseError(f"malformed feed with no usable entries: {parsed.get('bozo_exception')}",
                         why=Reason("feed_broken"))
    return (entries, cut, tuple(n for n, _ in skipped),
            tuple(e for _, e in skipped))


def _xml_entry(entry: Mapping[str, Any], base_url: str) -> FeedEntry | None:
    """One feedparser entry as a FeedEntry (UnusableLink: no link a reader may get)."""
    link = _usable_link(_entry_link(entry, base_url))
    guid = cut_guid(scrub(str(entry.get("id") or "")).strip()) or None
    author = entry.get("author") or ""
    published, offset = _entry_date(entry)
    title, summary, author = capped_fields(
        link, scrub(strip_html(raw_cut(entry.get("title") or "", TITLE_CHARS)).replace("\n", " ")),
        scrub(_entry_summary(entry)),
        scrub(strip_html(raw_cut(author, AUTHOR_CHARS)).replace("\n", " ")))
    return FeedEntry(
        url=without_tracking(scrub(link)),  # readers get no utm_* (QA63-2)
        title=title,
        guid=guid,
        summary=summary,
        published_at=published,
        author=author,
        published_offset=offset,
        updated_at=_entry_updated(entry),
    )


def _parse_json_feed(body: bytes, headers: Mapping[str, str] | None,
                     base_url: str, max_entries: int | None = None) -> _Parsed:
    try:
        # «"\ud800"» parses into a lone surrogate that failed only when stored (QA38 A1)
        data = scrub_tree(json.loads(decode(body, headers)))
    except ValueError as exc:
        raise ParseError(f"JSON feed is not valid JSON: {exc}", why=Reason("not_feed")) from exc
    except RecursionError as exc:
        raise ParseError("JSON feed nested too deep to read", why=Reason("feed_broken")) from exc
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise ParseError("JSON document is not a JSON Feed (no 'items' list)",
                         why=Reason("not_feed"))
    items: list[Any] = data["items"]
    cut = 0
    if max_entries is not None and len(items) > max_entries:  # as digests.feed_cut for XML
        end = newest_end(_json_date(items[0]), _json_date(items[-1]))
        head = max_entries if end == "head" else 0 if end == "tail" else \
            max_entries - max_entries // 2
        cut = len(items) - max_entries
        items = items[:head] + items[len(items) - (max_entries - head):]
    entries: list[FeedEntry] = []
    skipped: list[tuple[str, str]] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        try:
            read = _json_entry(item, base_url)
        except Exception as exc:  # noqa: BLE001 - one entry never costs its source (QA38 A1)
            skipped.append(_skipped(base_url, index, item, exc))
            continue
        if read is not None:
            entries.append(read)
    return (entries, cut, tuple(n for n, _ in skipped),
            tuple(e for _, e in skipped))


def _json_entry(item: dict[str, Any], base_url: str) -> FeedEntry | None:
    """One JSON Feed item as a FeedEntry (UnusableLink: no link a reader may get)."""
    link = item.get("url") or item.get("external_url") or ""
    if not link and is_http_url(str(item.get("id", ""))):
        link = str(item["id"])
    if not isinstance(link, str):
        link = ""
    link = _usable_link(absolute_url(link, base_url) if link else "")
    authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
    author = ", ".join(a.get("name", "") for a in authors if isinstance(a, dict))
    summary = item.get("summary") or item.get("content_text") or \
        strip_html(raw_cut(str(item.get("content_html") or ""), SUMMARY_CHARS))
    guid = item.get("id")
    raw_date = str(item.get("date_published") or "")
    if parse_date(raw_date) is None:
        raw_date = str(item.get("date_modified") or "")
    title, summary, author = capped_fields(
        link, strip_html(raw_cut(str(item.get("title") or ""), TITLE_CHARS)).replace("\n", " "),
        strip_html(raw_cut(str(summary), SUMMARY_CHARS)),
        raw_cut(author, AUTHOR_CHARS))
    return FeedEntry(
        url=without_tracking(link),
        title=title,
        guid=cut_guid(str(guid)) if guid not in (None, "") else None,
        summary=summary,
        published_at=parse_date(raw_date),
        author=author,
        published_offset=date_offset(raw_date) if raw_date else 0,
        updated_at=parse_date(str(item.get("date_modified") or "")),
    )


UNREADABLE_FEED = ("نص الخلاصة بترميز لا يُقرأ / feed text in an unreadable encoding: not UTF-8,"
                   " windows-1256 or ISO-8859-6 (read as {codec}, it has Arabic letters but no"
                   " Arabic word)")


@dataclass(frozen=True)
class FeedRead:
    """A feed's entries as parsed (`read_entries`), and how many it listed past them: the
    middle ones a long feed's cut dropped unread (digests.feed_cut)."""

    entries: list[FeedEntry]
    cut: int = 0
    # entries left out because they could not be read (their id or link), the others kept
    skipped: tuple[str, ...] = ()
    # the error of each of them, in the same order («TypeError: …»): /sources says the first
    skip_errors: tuple[str, ...] = ()

    @property
    def listed(self) -> int:
        """How many entries the feed listed in all."""
        return len(self.entries) + self.cut


def read_entries(body: bytes, headers: Mapping[str, str] | None = None,
                 base_url: str = "", max_entries: int | None = None) -> FeedRead:
    """`parse_feed`, with how many entries the cut dropped (0 when none was made)."""
    if not body.strip():
        raise ParseError("empty feed body", why=Reason("not_feed"))
    codec = unreadable(body, headers)
    if codec is not None:  # refused, not stored as gibberish (QA63-1)
        raise ParseError(UNREADABLE_FEED.format(codec=codec), why=Reason("unreadable_text"))
    if _looks_like_json(body, headers):
        return FeedRead(*_parse_json_feed(body, headers, base_url, max_entries))
    return FeedRead(*_parse_xml(body, headers, base_url, max_entries))


def _json_date(item: Any) -> float | None:
    """A JSON Feed item's date as a timestamp, for `newest_end` (None: none readable)."""
    if not isinstance(item, dict):
        return None
    when = parse_date(str(item.get("date_published") or item.get("date_modified") or ""))
    return when.timestamp() if when is not None else None


def parse_feed(body: bytes, headers: Mapping[str, str] | None = None,
               base_url: str = "", max_entries: int | None = None) -> list[FeedEntry]:
    """The entries of a feed, in feed order.

    Args:
        body: the raw bytes as fetched (not decoded: the XML declaration matters).
        headers: the HTTP response headers (Content-Type carries the charset).
        base_url: the feed's URL, to resolve relative links.
        max_entries: parse at most this many entries, the first and the last of a longer feed
            (digests.feed_cut); None: every one.

    Raises:
        ParseError: the bytes are not a feed, or a malformed one with nothing recoverable.
    """
    return read_entries(body, headers, base_url, max_entries).entries
