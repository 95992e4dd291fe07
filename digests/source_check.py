"""What a link is when an admin adds it: a feed (with its own title), a web page that points to
its feed, or neither.

`check_source` fetches the link once with the real fetcher (its timeout, size cap, private-address
rule and errors) and parses it as the poller would (a feed far longer than a poll keeps cut
first, digests.feed_cut, and off the event loop). A web page is searched for the feed it
declares (`<link rel="alternate" type="application/rss+xml" href=…>`, Atom and JSON Feed too),
which is then fetched and parsed in turn. Its requests stay within FETCH_TIMEOUT_SECONDS in all;
reading what they brought has its own bound, PARSE_SECONDS (QA56-2: a 6.4 MB feed served in
0.37 s was refused as «the site did not answer in time» when parsing it ran past the network's
5 s), and its own reason, "slow_feed".
Anything that cannot become a working source raises an error whose `why` says so (the bot words
it for the admin); nothing is stored here.

A link typed without a scheme («www.example.com/feed», as a browser's address bar takes it) is
tried as https:// first, then as http:// when https:// could not connect (`link_candidates`,
`check_link`); each try has its own FETCH_TIMEOUT_SECONDS. «http://» alone, or a word with no
dotted host, stays a link that is refused as invalid.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
import math
import re
from collections.abc import Mapping, Sequence
import dataclasses
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

import feedparser

from digests.encoding import declares_legacy, decode, detect_encoding, legacy_encoding
from digests.errors import (
    FetchError,
    ParseError,
    Reason,
    ReasonKind,
    SourceError,
    TemporaryFetchError,
)
from digests.feed_cut import cut_items, parse_limit
from digests.char_refs import scrub
from digests.feeds import as_utf8, read_entries
from digests.fetch_failures import host_of
from digests.reader_text import strip_markup
from digests.feed_prefix import entry_started, whole_entries
from digests import private_hosts
from digests.fetcher import PARTIAL_HEADER, Fetcher
from digests.responses import FetchResult
from digests.settings import Settings
from digests.urls import is_http_url

log = logging.getLogger(__name__)

TITLE_CHARS = 80
TITLE_ENTRIES = 2  # the first and last entry kept when a title is read: where a channel title sits
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
              "application/rdf+xml")
_SPACES = re.compile(r"\s+")
# A host written without a scheme: dotted labels (a name or an IPv4 address), an optional port,
# then an optional path, query or fragment («www.example.com/feed», «127.0.0.1:8080/rss»).
_SCHEMELESS = re.compile(r"(?:[a-z0-9-]+\.)+[a-z0-9-]+(?::\d{1,5})?(?:[/?#]\S*)?", re.IGNORECASE)
# Why https:// may fail where http:// works: the site does not listen or speak TLS there. A
# certificate error is not one of them: the site serves https:// and must fix its certificate.
FALLBACK_KINDS: frozenset[ReasonKind] = frozenset({"refused", "connect", "timeout", "no_tls",
                                                  "closed"})
# How long reading one fetched feed may take (its two parses: entries and title). The body is at
# most MAX_BODY_BYTES and a long feed is cut before parsing, so this bounds a loaded host, not
# the work: a 10 MB feed parses in a few seconds. The parse thread is not stopped at the bound
# (a thread cannot be); it ends by itself, the admin is answered.
PARSE_SECONDS = 30.0


@dataclass(frozen=True)
class CheckedSource:
    """A link that works as a source.

    `url` is the feed to poll: the link itself, or the feed a web page pointed to (then
    `page_url` is the page). `title` is the feed's own title ("" when it has none).
    `private_host`: the feed's host is the link's own host and it resolved to a private address
    (ALLOW_PRIVATE_SOURCES): the only kind of source whose host polls may reach privately.
    """

    url: str
    title: str
    entries: int
    page_url: str | None = None
    private_host: bool = False  # `url`'s host is the one typed and resolved private (REV s24)


class _FeedLinks(HTMLParser):
    """The hrefs of a page's `<link rel="alternate" type="…feed type…">`, in page order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rels and kind in FEED_TYPES and values.get("href", "").strip():
            self.hrefs.append(values["href"].strip())


def feed_links(html: str, base_url: str) -> list[str]:
    """The feeds a web page declares, as absolute http(s) URLs, without repeats."""
    parser = _FeedLinks()
    try:
        parser.feed(html)
        parser.close()
    except (ValueError, AssertionError):  # html.parser gives up on some broken markup
        pass
    links = (urljoin(base_url, href) for href in parser.hrefs)
    return list(dict.fromkeys(link for link in links if is_http_url(link)))


def clean_title(title: str) -> str:
    """A feed title as a source name: entities decoded, one line, spaces collapsed, at most
    TITLE_CHARS.

    feedparser decodes one level of escaping; WordPress-style feeds escape twice
    («&amp;quot;»), which left «&quot;» in the name, and in every digest and reply naming
    the source (QA10 F1). Item titles are decoded the same way (digests.feeds.strip_html).
    Its HTML tags are left out (QA56-4: «&lt;b&gt;وكالة&lt;/b&gt;» named a source «<b>وكالة</b>»),
    and so are references to entities the parser left unexpanded, which no HTML entity is
    (QA65-7: a billion-laughs feed, whose entities are rightly never expanded, was named
    «&lol9;»): a title of nothing else is no title, and the host names the source.
    """
    return _cut(strip_markup(_UNEXPANDED.sub(_unknown_entity, html.unescape(title))))


_UNEXPANDED = re.compile(r"&[A-Za-z_][\w.-]*;")


def _unknown_entity(match: re.Match[str]) -> str:
    """An entity reference left in a decoded title: kept when HTML knows it (a title escaped
    twice, «&amp;quot;», decodes one level: «&quot;» stays as before), dropped when not."""
    return match[0] if html.unescape(match[0]) != match[0] else ""


def _cut(title: str) -> str:
    title = _SPACES.sub(" ", title).strip()
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return title


def feed_title(body: bytes, headers: Mapping[str, str] | None = None) -> str:
    """The feed's own title (RSS/Atom channel title, JSON Feed `title`), cleaned; "" if none."""
    body, _ = cut_items(body, TITLE_ENTRIES)  # the title needs no entries (QA29 A8)
    content_type = next((v for k, v in (headers or {}).items() if k.lower() == "content-type"),
                        "")
    if "json" in content_type.lower() or body.lstrip()[:1] == b"{":
        try:
            data = json.loads(decode(body, headers))
        except (ValueError, RecursionError):
            return ""
        title = data.get("title") if isinstance(data, dict) else None
        # a JSON «"\ud800"» is a lone surrogate: it failed the source when stored (QA38 A1)
        return clean_title(scrub(title)) if isinstance(title, str) else ""
    # The same bytes and encoding decision as the entries get (parse_feed): a str handed to
    # feedparser would be re-read in the charset its XML declaration names.
    utf8, utf8_headers = as_utf8(body, headers)
    parsed = feedparser.parse(utf8, response_headers=utf8_headers)
    title = parsed.get("feed", {}).get("title", "")
    return clean_title(scrub(title)) if isinstance(title, str) else ""


def misread_titles(body: bytes, headers: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The names older polls gave sources from this feed's title that `feed_title` now reads
    differently, so a poll can rename the sources named that way (nobody typed them):

    - before session 5, a UTF-8 feed that declares a legacy charset had its title read again
      in that charset (mojibake such as «ط®ظ„ط§طµط©», QA8 F2);
    - before session 6, a title escaped twice kept its entities («أخبار &quot;المحلية&quot;»,
      QA10 F1), also in that mojibake;
    - before session 20, a title's HTML tags were kept («<b>وكالة</b>», QA56-4);
    - before session 23, Arabic bytes under a Latin label were read in it («ÌÑíÏÉ ÇáÔÑæÞ»,
      QA63-8), and ISO-8859-6 with no label or a wrong one as windows-1256 («صحêلة», QA63-1).

    Empty when every older reading equals today's."""
    body, _ = cut_items(body, TITLE_ENTRIES)  # read at every poll: not 100,000 entries (A8)
    right = feed_title(body, headers)
    readings: list[str] = []
    if detect_encoding(body, headers) == "utf-8" and declares_legacy(body, headers):
        readings.append(_raw_title(feedparser.parse(decode(body, headers))))  # session ≤ 4
    utf8, utf8_headers = as_utf8(body, headers)
    parsed = feedparser.parse(utf8, response_headers=utf8_headers)
    readings.append(_raw_title(parsed))
    readings.append(_tagged_title(parsed))  # session ≤ 19
    old = legacy_encoding(body, headers)
    if old != detect_encoding(body, headers):  # session ≤ 22
        readings.append(feed_title(body.decode(old, errors="replace").encode(),
                                   {"content-type": "text/xml; charset=utf-8"}))
    return tuple(dict.fromkeys(r for r in readings if r and r != right))


def _raw_title(parsed: Mapping[str, object]) -> str:
    """A parsed feed's title cleaned as before session 6: entities left as feedparser gave."""
    feed = parsed.get("feed", {})
    title = feed.get("title", "") if isinstance(feed, Mapping) else ""
    return _cut(title) if isinstance(title, str) else ""


def _tagged_title(parsed: Mapping[str, object]) -> str:
    """A parsed feed's title cleaned as before session 20: entities decoded, tags kept."""
    feed = parsed.get("feed", {})
    title = feed.get("title", "") if isinstance(feed, Mapping) else ""
    return _cut(html.unescape(scrub(title))) if isinstance(title, str) else ""


def _looks_like_html(result: FetchResult) -> bool:
    content_type = result.headers.get("content-type", "").lower()
    if "html" in content_type:
        return True
    head = result.body.lstrip()[:200].lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _as_feed(result: FetchResult, limit: int) -> CheckedSource:
    """The feed `result` holds, read as a poll reads it: a feed far longer than a poll keeps is
    cut before it is parsed (digests.feed_cut; X44 left the check parsing 100,000 entries whole,
    ~24 s of a core while the admin waited). `entries` counts every entry it lists."""
    read = read_entries(result.body, result.headers, result.final_url, limit)
    return CheckedSource(url=result.url, title=feed_title(result.body, result.headers),
                         entries=read.listed)


async def _fetch(fetcher: Fetcher, url: str, deadline: float, settings: Settings,
                 declared: bool = False) -> FetchResult:
    """`fetcher.fetch(url)` within what is left of the check's network time (`declared`: a
    feed the typed page declares, not the operator's own link: Fetcher.fetch)."""
    try:
        async with asyncio.timeout_at(deadline):
            return await fetcher.fetch(url, declared=declared)
    except TimeoutError as exc:
        # the site answered but its body was still coming: not «did not answer» (QA63-3)
        kind: ReasonKind = "slow_body" if fetcher.answered_slowly(url) else "timeout"
        raise TemporaryFetchError(
            f"checking the source took over {settings.fetch_timeout_seconds:g} s: {url}",
            url=url, why=Reason(kind, host_of(url), f"{settings.fetch_timeout_seconds:g}")) from exc


def _whole(result: FetchResult) -> FetchResult:
    """An answer read only up to MAX_BODY_BYTES (the fetcher's PARTIAL_HEADER) as a poll reads
    it (digests.source_work.partial_feed): a feed cut after its last whole entry; a web page
    as read, its head declaring its feed; a feed with not one entry whole refused with the
    feed's words (QA55-11: a 12 MB feed was told «send the feed's own link», a page's advice)."""
    if PARTIAL_HEADER not in result.headers:
        return result
    kept = whole_entries(result.body)
    if kept is not None:
        log.info("feed over the size cap checked in part url=%s entries=%d", result.final_url,
                 kept[1])
        return dataclasses.replace(result, body=kept[0])
    if _looks_like_html(result):
        return result
    cap = result.headers[PARTIAL_HEADER]
    kind: ReasonKind = "feed_too_big" if entry_started(result.body) else "feed_no_entry"
    raise SourceError(f"a feed over the {cap}-byte cap with no whole entry in its first part:"
                      f" {result.final_url}",
                      why=Reason(kind, host_of(result.final_url), cap))


async def _read(result: FetchResult, limit: int, parse_seconds: float) -> CheckedSource:
    """`_as_feed` in a thread (the bot's other chats are answered meanwhile), within
    `parse_seconds`: past it, a SourceError "slow_feed", never a network timeout."""
    try:
        async with asyncio.timeout(parse_seconds):
            return await asyncio.to_thread(_as_feed, result, limit)
    except TimeoutError as exc:
        log.warning("feed check gave up reading url=%s bytes=%d after %g s (PARSE_SECONDS)",
                    result.final_url, len(result.body), parse_seconds)
        raise SourceError(f"reading the feed took over {parse_seconds:g} s: {result.final_url}",
                          why=Reason("slow_feed", host_of(result.final_url),
                                     str(max(1, math.ceil(parse_seconds))))) from exc


async def _check(url: str, fetcher: Fetcher, settings: Settings, parse_seconds: float
                 ) -> CheckedSource:
    found = await _discover(url, fetcher, settings, parse_seconds)
    host = private_hosts.host_of(found.url)
    # trust for later polls: only the typed host, and only if it WAS private now (REV s24: a
    # page's declared feed, or a public host that later resolves to 10.x, never gains it)
    typed = bool(host) and host == private_hosts.host_of(url)
    return dataclasses.replace(found, private_host=typed and host in fetcher.private.seen_private)


async def _discover(url: str, fetcher: Fetcher, settings: Settings, parse_seconds: float
                    ) -> CheckedSource:
    limit = parse_limit(settings.max_entries_per_feed)
    # the network's time in all (one or two requests), without the reading of what came
    deadline = asyncio.get_running_loop().time() + settings.fetch_timeout_seconds
    first = _whole(await _fetch(fetcher, url, deadline, settings))
    try:
        return await _read(first, limit, parse_seconds)
    except ParseError as exc:
        if exc.why is not None and exc.why.kind in ("feed_broken", "unreadable_text"):
            # RSS/Atom, damaged; or in no charset Nashra reads (QA63-1)
            raise SourceError(f"a damaged feed: {url}: {exc}",
                              why=Reason(exc.why.kind, host_of(first.final_url))) from exc
        if not _looks_like_html(first):
            raise SourceError(f"not a feed: {url}: {exc}",
                              why=Reason("not_feed", host_of(first.final_url))) from exc
    links = feed_links(first.text(), first.final_url)
    if not links:
        raise SourceError(f"a web page that declares no feed: {url}",
                          why=Reason("not_feed", host_of(first.final_url), "html"))
    log.info("feed discovered page=%s feed=%s", url, links[0])
    # the feed the page names is the page's word, not the operator's: with
    # ALLOW_PRIVATE_SOURCES it may be private only on a host already theirs (QA65-4)
    second = _whole(await _fetch(fetcher, links[0], deadline, settings, declared=True))
    try:
        found = await _read(second, limit, parse_seconds)
    except ParseError as exc:
        kind: ReasonKind = exc.why.kind if exc.why is not None and \
            exc.why.kind in ("feed_broken", "unreadable_text") else "not_feed"
        raise SourceError(f"the feed a page declares is not one: {links[0]}: {exc}",
                          why=Reason(kind, host_of(second.final_url))) from exc
    return CheckedSource(url=links[0], title=found.title, entries=found.entries, page_url=url)


def link_candidates(link: str) -> tuple[str, ...]:
    """The URLs to check for what an admin typed: the link itself when it names a scheme (also
    a wrong one, or «http://» alone, which validation refuses clearly); for a host typed without
    one («www.example.com/feed») https:// and then http://."""
    link = link.strip()
    if "://" in link or not _SCHEMELESS.fullmatch(link):
        return (link,)
    return ("https://" + link, "http://" + link)


async def check_link(candidates: Sequence[str], settings: Settings, *,
                     fetcher: Fetcher | None = None,
                     tried: list[str] | None = None) -> CheckedSource:
    """`check_source` of the first candidate (see `link_candidates`), and of the next one only
    when the connection failed (FALLBACK_KINDS): https:// refused or silent, http:// answers.

    Args:
        candidates: the URLs to try, in order (at least one).
        settings: timeouts, size cap, private-address rule.
        fetcher: an open Fetcher to use (tests); by default one per check.
        tried: when given, every URL checked is appended to it in order, so the caller can say
            which scheme a link typed without one was checked with, also when it failed.

    Raises:
        FetchError, SourceError: as `check_source`, for the last candidate tried.
    """
    for i, url in enumerate(candidates):
        if tried is not None:
            tried.append(url)
        try:
            return await check_source(url, settings, fetcher=fetcher)
        except FetchError as exc:
            if i == len(candidates) - 1 or exc.why is None or exc.why.kind not in FALLBACK_KINDS:
                raise
            log.info("link check falls back url=%s next=%s why=%s", url, candidates[i + 1],
                     exc.why.kind)
    raise ValueError("check_link needs at least one candidate")


async def check_source(url: str, settings: Settings, *, fetcher: Fetcher | None = None,
                       parse_seconds: float = PARSE_SECONDS) -> CheckedSource:
    """Fetch `url` and tell what source it makes: its requests within FETCH_TIMEOUT_SECONDS in
    all, the reading of each answer within `parse_seconds`.

    Raises:
        FetchError: the link could not be fetched (refused, unknown host, 404, certificate,
            no answer in time …).
        SourceError: it was fetched but is no feed, nor a page that declares one (why.kind
            "not_feed"), a feed whose XML is damaged with nothing readable ("feed_broken"), or
            one too big to read within `parse_seconds` ("slow_feed").
    """
    if fetcher is not None:
        return await _check(url, fetcher, settings, parse_seconds)
    async with Fetcher(settings) as own:
        own.feeds_in_part = True  # a feed over the cap read as its polls will read it (QA55-11)
        return await _check(url, own, settings, parse_seconds)
