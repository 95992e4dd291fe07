"""Live links: a digest's related links to pages gone for good, replaced as it is shown.

A stored digest keeps the links it was made with, and a page may go (HTTP 404/410,
digests.retries.GONE) after the digests that link to it were written. `live_related` is asked on
the way to a reader (and counts a story's sources by site, digests.story_sites): a "story" or "archive" link to a gone page is replaced by a live report of
the same story, or dropped; a "page" link (the site's own block) is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import sqlite_utils

from digests.article_aliases import without_aliases
from digests.headline import clean_headline
from digests.live_reports import GONE
from digests.models import Digest, RelatedItem, RelatedKind, iso, parse_iso
from digests.urls import url_key

_CHUNK = 500  # url keys per query (SQLite's variable limit is 999 on older builds)


def _link_key(url: str) -> str | None:
    try:
        return url_key(url)
    except ValueError:
        return None


def _live_mate(db: sqlite_utils.Database, story_id: int, own: Digest, own_source: int | None,
               linked: set[str], kind: RelatedKind) -> RelatedItem | None:
    """The newest report of the story whose page is not gone and that is neither the article
    nor linked already; None when there is none. For a "story" link, from another source than
    the article's own; for an "archive" link, published before the article (earlier coverage)."""
    where = ""
    args: list[object] = []
    if kind == "story":
        where, args = " and source_id != ?", [-1 if own_source is None else own_source]
    elif own.published_at is not None:
        where, args = " and published_at < ?", [iso(own.published_at)]
    rows = db.execute(
        "select url, url_key, title, headline, published_at from articles"
        f" where story_id = ? and page_status != ? and id != ?{where}"
        " order by coalesce(published_at, fetched_at) desc, id desc limit ?",
        [story_id, GONE, -1 if own.article_id is None else own.article_id, *args,
         len(linked) + 1]).fetchall()
    for url, key, title, headline, published in rows:
        if key in linked:
            continue
        name = headline or clean_headline(title or "", "") or url
        return RelatedItem(title=name, url=url, published_at=parse_iso(published), kind=kind)
    return None


_OURS: frozenset[str] = frozenset({"story", "archive"})  # links to articles we store


def live_related(db: sqlite_utils.Database, digests: Sequence[Digest]) -> list[Digest]:
    """`digests` as a reader gets them: links to gone pages replaced (`replace_gone`), and
    their sources counted by site (digests.story_sites.sited, QA34 R5/R3/R7: no "story" link
    to the digest's own site, a site's cross-posted twin once, the story's sites counted and
    named for its block), and no link to an address of the digest's own article (QA50 E2:
    digests.article_aliases.without_aliases, for digests stored before that address was known)."""
    from digests.story_sites import sited  # late: story_sites reads the story's rows

    return sited(db, replace_gone(db, without_aliases(db, digests)))


def replace_gone(db: sqlite_utils.Database, digests: Sequence[Digest]) -> list[Digest]:
    """`digests` with their links to a page gone for good (HTTP 404/410, digests.retries.GONE)
    replaced, or dropped when nothing can stand in: a "story" link by the story's newest live
    report from another source than the digest's own; an "archive" link (earlier coverage) by
    the newest live report of that link's story published before the digest's article. Never
    the digest's own article nor a link it has already; a "page" link (the site's own block) is
    left as it is.

    Stored digests keep the links they were made with — a page may go after the digests that
    link to it were written — so every reader-facing path asks here before it shows links. A
    digest without a gone link is returned as it is (the same object). One query for all the
    digests' links, one more per gone link.
    """
    wanted = {key for d in digests for item in d.related if item.kind in _OURS
              for key in [_link_key(item.url)] if key is not None}
    if not wanted:
        return list(digests)
    keys = sorted(wanted)
    gone: dict[str, int | None] = {}  # url key of a gone page → its story id
    for i in range(0, len(keys), _CHUNK):
        chunk = keys[i:i + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        for key, story_id in db.execute(
                f"select url_key, story_id from articles where page_status = ?"
                f" and url_key in ({marks})", [GONE, *chunk]).fetchall():
            gone[key] = story_id
    if not gone:
        return list(digests)
    out: list[Digest] = []
    for digest in digests:
        if not any(item.kind in _OURS and _link_key(item.url) in gone
                   for item in digest.related):
            out.append(digest)
            continue
        own_source = None
        if digest.article_id is not None:
            row = db.execute("select source_id from articles where id = ?",
                             [digest.article_id]).fetchone()
            own_source = row[0] if row else None
        linked = {k for k in (_link_key(u) for u in (digest.url, *(r.url for r in
                                                                   digest.related)))
                  if k is not None}
        related: list[RelatedItem] = []
        for item in digest.related:
            key = _link_key(item.url)
            if item.kind not in _OURS or key not in gone:
                related.append(item)
                continue
            story_id = gone[key] if key is not None else None
            if story_id is None or story_id < 0:  # a negative story is the article alone
                continue
            if item.kind == "archive" and story_id == digest.story_id:
                continue  # its own story now (merged): its reports are "story" links
            mate = _live_mate(db, story_id, digest, own_source, linked, item.kind)
            if mate is not None:
                linked.add(_link_key(mate.url) or mate.url)
                related.append(mate)
        out.append(replace(digest, related=tuple(related)))
    return out
