"""A story's sources are sites, not feeds (QA34 R5, R3, R7).

A site publishes under several feeds (France 24's «دولي» and «رياضة», an archive split in feeds of
200 entries): two feeds of one site are one source to a reader. A report's site is the host of its
article URL, «www.» folded (`site_of`; the project stores no site per source). On the way to a
reader (digests.live_links.live_related) a digest becomes a `SitedDigest`: its story's sites
counted and named (`story_sites`), "story" links to its own site dropped, and a site's
cross-posted twin (same title, within TWIN_MINUTES, another URL) kept once (`site_links`).
The general digest's threshold (digests.new_deliveries) and a bundle's ranking
(digests.bundle_facts) count sites too (`story_site_count`).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import lru_cache
from urllib.parse import urlsplit

import sqlite_utils

from digests.arabic import normalize
from digests.live_reports import GONE
from digests.models import Digest, RelatedItem
from digests.urls import url_key


TWIN_MINUTES = 30  # a site's cross-posts of one article come within minutes (QA34 R7: same minute)
_SECTION = re.compile(r"\s+[—–-]\s+")  # «فرانس 24 — دولي»: a feed's section after the site's name
_CHUNK = 500


def _local_host(host: str) -> bool:
    """localhost or a loopback address — exactly: «127.net» or «localhost.example.org» are sites."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# A pure function of its arguments, asked for every report of every story of every chat's bundle
# (QA72-1: 124,507 calls, 53 s, for one 1,000-chat plan pass): remembered.
@lru_cache(maxsize=65536)
def site_of(url: str, source: int | None = None) -> str:
    """The site of an article URL: its host, lower case, «www.» and «m.» folded, with its port
    when it has one; '' if none. A local server (127.0.0.1, localhost: the sample site, the
    demo, the benchmarks) stands in for several sites, each feed one: there the site is the
    feed (`source`, when given), as before sites were counted."""
    try:
        parts = urlsplit(url)
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        return ""
    for prefix in ("www.", "m."):
        host = host.removeprefix(prefix)
    site = f"{host}:{port}" if host and port and port not in (80, 443) else host
    if _local_host(host) and source is not None:
        return f"{site}#{source}"
    return site


def _local(site: str) -> bool:
    """Whether a `site_of` value is a local server's (its host before the port and feed marks)."""
    host = site.split("#", 1)[0]
    if host.count(":") == 1:  # «host:port»; a bare IPv6 host has several colons
        host = host.split(":", 1)[0]
    elif host.count(":") > 1 and not _local_host(host):
        host = host.rsplit(":", 1)[0]  # «::1:8080» → «::1»
    return _local_host(host)


def site_name(source: str, url: str) -> str:
    """How a reader knows a site: its feed's name without the section, else its host."""
    name = _SECTION.split((source or "").strip(), maxsplit=1)[0].strip()
    return name or site_of(url)


@dataclass(frozen=True, eq=False)
class SitedDigest(Digest):
    """A digest with its story's sites: `site_count` distinct sites report the story (the
    digest's own included; 1 for a story-less article), `other_sites` names the others, in the
    order they first reported it. It equals the plain digest of the same fields: the sites are
    what the story is now, not what the digest is."""

    site_count: int = 1
    other_sites: tuple[str, ...] = ()
    # (site, name) of every site of the story: a "story" link is named by its site's name
    site_names: tuple[tuple[str, str], ...] = ()
    # (url key, site name) of its "story" and "archive" links to stored articles: each link is
    # named by its own source (QA64-7: one local port serving three feeds named none of them;
    # QA64-10, QA64-3: an archive link, even another outlet's report of the event, named none)
    link_sources: tuple[tuple[str, str], ...] = ()

    def _digest_fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in fields(Digest))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Digest):
            return NotImplemented
        return self._digest_fields() == tuple(getattr(other, f.name) for f in fields(Digest))

    def __hash__(self) -> int:
        return hash(self._digest_fields())


def story_sites(db: sqlite_utils.Database, story_ids: Iterable[int]
                ) -> dict[int, list[tuple[str, str]]]:
    """story id → its sites as (site, name), in the order they first reported it; reports
    whose page is gone do not count. One query per 500 stories."""
    ids = sorted({s for s in story_ids if s is not None and s >= 0})
    out: dict[int, list[tuple[str, str]]] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        rows = db.execute(
            "select articles.story_id, articles.url, sources.name, articles.source_id"
            " from articles"
            " join sources on sources.id = articles.source_id"
            f" where articles.story_id in ({','.join('?' * len(chunk))})"
            " and articles.page_status != ?"
            " order by coalesce(articles.published_at, articles.fetched_at), articles.id",
            [*chunk, GONE]).fetchall()
        for story, url, name, source in rows:
            sites = out.setdefault(int(story), [])
            site = site_of(url, source)
            if site and all(site != s for s, _ in sites):
                sites.append((site, site_name(name, url)))
    return out


def story_site_count(db: sqlite_utils.Database, story_id: int) -> int:
    """How many distinct sites report the story (live reports); an article without a story
    (a negative id) is one."""
    if story_id < 0:
        return 1
    return len(story_sites(db, [story_id]).get(story_id, []))


def _title_key(title: str) -> str:
    return " ".join(normalize(title or "").split())


def site_links(digest: Digest) -> tuple[RelatedItem, ...]:
    """The digest's related links as a reader gets them: no "story" link to the digest's own
    site (another feed of it is not another source, R5), and a site's cross-posted twin — the
    same title from the same site within TWIN_MINUTES under another URL — once (R7)."""
    own = site_of(digest.url)
    kept: list[RelatedItem] = []
    for item in digest.related:
        site = site_of(item.url)
        if item.kind == "story" and own and site == own and not _local(own):
            continue  # (on a local server a URL does not tell its feed: kept)
        if any(site and site == site_of(k.url) and _title_key(k.title) == _title_key(item.title)
               and _close(k, item) for k in kept):
            continue
        kept.append(item)
    return tuple(kept)


def _close(a: RelatedItem, b: RelatedItem) -> bool:
    if a.published_at is None or b.published_at is None:
        return True  # same site, same title, no dates to tell them apart: one link
    return abs((a.published_at - b.published_at).total_seconds()) <= TWIN_MINUTES * 60


def link_sources(db: sqlite_utils.Database, urls: Iterable[str]) -> dict[str, str]:
    """url key → the site name (`site_name`) of the stored article at that address, for the
    "story" and "archive" links of `urls`. One query per 500 links."""
    keys = sorted({url_key(u) for u in urls})
    out: dict[str, str] = {}
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i:i + _CHUNK]
        for key, url, name in db.execute(
                "select articles.url_key, articles.url, sources.name from articles"
                " join sources on sources.id = articles.source_id"
                f" where articles.url_key in ({','.join('?' * len(chunk))})", chunk).fetchall():
            named = site_name(name, url)
            if named:
                out.setdefault(key, named)
    return out


def sited(db: sqlite_utils.Database, digests: list[Digest]) -> list[Digest]:
    """`digests` as `SitedDigest`s: links by site (`site_links`), the story's sites counted and
    the others named, each link to a stored article named by its source (`link_sources`); the
    sites of the stories a search page folded under a digest (`also_stories`) count as its
    story's. One query for all their stories, one for all their links."""
    found = story_sites(db, (s for d in digests for s in (d.story_id, *d.also_stories)
                             if s is not None))
    named = link_sources(db, (r.url for d in digests for r in d.related
                              if r.kind in ("story", "archive")))
    ids = [d.article_id for d in digests if d.article_id is not None]
    source_of: dict[int, int] = {}
    if ids and any(_local(site_of(d.url)) for d in digests):  # a local feed is its site
        source_of = {int(a): int(s) for a, s in db.execute(
            f"select id, source_id from articles where id in ({','.join('?' * len(ids))})",
            ids).fetchall()}
    out: list[Digest] = []
    for d in digests:
        links = site_links(d)
        sources = tuple((k, named[k]) for k in dict.fromkeys(
            url_key(r.url) for r in links if r.kind in ("story", "archive")) if k in named)
        own = site_of(d.url, source_of.get(d.article_id) if d.article_id is not None else None)
        sites = found.get(d.story_id, []) if d.story_id is not None else []
        for story in d.also_stories:  # an event a search page folded (digests.search_events)
            sites = sites + [x for x in found.get(story, []) if all(x[0] != s for s, _ in sites)]
        others = tuple(name for site, name in sites if site != own)
        count = len(others) + 1 if own or not sites else max(1, len(sites))
        out.append(SitedDigest(url=d.url, source=d.source, headline=d.headline,
                               published_at=d.published_at, quotes=d.quotes,
                               related=links, story_id=d.story_id,
                               article_id=d.article_id, site_count=count,
                               other_sites=others, site_names=tuple(sites),
                               link_sources=sources, same_event=d.same_event,
                               also_stories=d.also_stories))
    return out
