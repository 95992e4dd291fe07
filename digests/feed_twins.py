"""The same feed under another query string (QA44 T3): `…/main.xml?n=0 … ?n=19` pasted into one
/addsource made 20 sources, each named «نشرة الشرق — الأخبار الرئيسية», each fetched at every
poll, each article stored once and its duplicates reported twenty times.

A query parameter may name another feed («?cat=sport») or nothing («?n=3», a cache-buster), and
no list of names tells them apart. What does is the feed itself: when an active source has the
same scheme-less host and path and differs only by its query, both links are fetched and
compared; the same title and the same entries (their links, in any order) make the new link a
duplicate of that source, answered as an exact duplicate is. A fragment never reaches the server,
so it never makes a new source (digests.sources.validate_url drops it). The same holds for a
link differing by its scheme (http/https), a host's «www.» or a path's trailing «/» (QA49 M5):
`path_key` folds them, so such a link is compared with the source as a query twin is; so is
`localhost` for `127.0.0.1` (QA48 R11).

Only a link with such a sibling costs a fetch more; any fetch or parse failure of the
comparison means "not shown to be the same" (the link is then added as before).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from digests.errors import NashraError
from digests.feed_cut import parse_limit
from digests.feeds import read_entries
from digests.fetcher import Fetcher
from digests.models import Source
from digests.responses import FetchResult
from digests.settings import Settings
from digests.source_check import feed_title
from digests.sources import already_added, list_sources
from digests.storage import Database
from digests.urls import url_key

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedPrint:
    """What makes two fetched feeds the same: the title and the set of entry links."""

    title: str
    links: frozenset[str]


def path_key(url: str) -> str:
    """`url`'s host and path, without scheme, query or fragment (normalized), a host's «www.»
    or a path's trailing «/» (QA49 M5: `www.host/feed.xml/` over https is the same feed as
    `host/feed.xml` over http, compared as a query twin is). Pure."""
    key = url_key(url).split("://", 1)[-1].split("?", 1)[0]
    host, slash, path = key.partition("/")
    if host.startswith("www."):
        host = host[4:]
    if host.partition(":")[0] == "localhost":  # the loopback's two spellings (QA48 R11)
        host = "127.0.0.1" + host[len("localhost"):]
    return host + (slash + path).rstrip("/")


def siblings(url: str, others: list[Source]) -> list[Source]:
    """The active sources of `others` at `url`'s host and path whose link differs from it (its
    query). Pure."""
    key, whole = path_key(url), url_key(url).split("://", 1)[-1]
    return [s for s in others if s.active and path_key(s.url) == key
            and url_key(s.url).split("://", 1)[-1] != whole]


def feed_print(result: FetchResult, max_entries: int | None) -> FeedPrint:
    """The print of a fetched feed (ParseError when it is none)."""
    read = read_entries(result.body, result.headers, result.final_url, max_entries)
    links = frozenset(url_key(e.url) if e.url else (e.guid or "") for e in read.entries)
    return FeedPrint(feed_title(result.body, result.headers), links)


async def _print(fetcher: Fetcher, url: str, limit: int) -> FeedPrint | None:
    try:
        result = await fetcher.fetch(url, stored=True)  # trusted as its row (or the check) says
        return await asyncio.to_thread(feed_print, result, limit)
    except NashraError as exc:
        log.info("feed twin check skipped url=%s error=%s", url.split("?", 1)[0], exc)
        return None


async def twin_of(db: Database, url: str, settings: Settings, *,
                  fetcher: Fetcher | None = None, private: bool = False) -> Source | None:
    """The active source that serves the same feed as `url` under another query, or None.
    Fetches `url` and each sibling (see `siblings`) only when there is a sibling. `private`:
    `url`'s check found its typed host private (CheckedSource.private_host), so it may be
    fetched there again (ALLOW_PRIVATE_SOURCES; the siblings by their rows)."""
    near = siblings(url, list_sources(db))
    if not near:
        return None
    if fetcher is None:
        async with Fetcher(settings) as own:
            return await twin_of(db, url, settings, fetcher=own, private=private)
    if private:
        fetcher.private.trust(url)
    limit = parse_limit(settings.max_entries_per_feed)
    mine = await _print(fetcher, url, limit)
    if mine is None or not mine.links:
        return None
    for source in near:
        theirs = await _print(fetcher, source.url, limit)
        if theirs == mine:
            log.info("feed twin found url=%s source=%s", url.split("?", 1)[0], source.id)
            return source
    return None


def refuse_twin(twin: Source | None) -> None:
    """SourceError "duplicate" (worded as an exact duplicate) when `twin` is a source."""
    if twin is not None:
        raise already_added(twin)
