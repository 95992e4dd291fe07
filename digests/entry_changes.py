"""Articles a site corrected in place: which known entries of a feed changed since they were read.

A site fixes a headline or a toll under the same link and GUID (QA32 R5); the poll used to skip
every known entry, so the archive kept the first text for ever. Migration 037_feed_hash stores,
per article, what the feed said of it when it was last read: `feed_hash` (the content hash of
the entry's title and summary: the stored `content_hash` is of the page's text, which a feed
never carries) and `feed_updated_at` (Atom `<updated>`). A known entry of the same source is
*changed* (`changed`) when its hash differs, or when the feed dates it later than stored — a
date trusted only when the feed's entries do not all share one (`trusts_updated`: a feed that
stamps every entry with its build time would make every entry look corrected at every poll).

An article stored before migration 037 has no feed hash: the first poll that lists it records
what it says then (`remember_first`, no page fetched), and only a later change re-reads it (an
upgrade must not fetch every listed page again). Re-reads are bounded per source and poll
(`REREADS_PER_POLL`, newest first); the rest wait for the next poll (digests.source_work keeps
no validators then, so a 304 cannot hide them). An entry of another source that links to the
same page is never re-read from this feed: two feeds titling one page differently would
otherwise re-read it at every poll of either.

Churn (QA41 T1): a feed whose summaries change at every poll («نشر منذ ٥ دقائق · ١٠٤٣ مشاهدة»)
made every entry «changed» at every poll: the newest 10 took every re-read slot for ever (10 page
fetches a poll) and a real correction of an older entry was never read. A re-read whose page body
is the one stored (`remember(..., same_page=True)`) backs that entry off by one change kind: its
`feed_hash` then holds `t:` + the title's hash (only a new title, or a later trusted `<updated>`,
re-reads it again); a same page again under that marker leaves `u:` (only a later trusted
`<updated>`). A re-read that finds a new body stores the full hash again. Among the changed
entries, those whose feed title differs from the stored one (the likelier correction) go first,
then newest first. Trade-off: a churning entry's correction made in its summary alone is missed.

Pure functions and small SQL reads/writes; the re-read itself is digests.article_updates.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from digests.models import FeedEntry, iso, parse_iso
from digests.urls import content_hash

log = logging.getLogger(__name__)

REREADS_PER_POLL = 10  # changed entries of one source whose page one poll reads again
TITLE_ONLY = "t:"  # feed_hash of an entry whose summary churns: its title's hash follows
DATE_ONLY = "u:"  # feed_hash of an entry whose title churns too: only <updated> re-reads it
SHARED_STAMP = 0.5  # more than this share of a feed's entries on one <updated>: a build stamp


@dataclass(frozen=True)
class Known:
    """A stored article of this source that a feed entry names, with what the feed said of it."""

    article_id: int
    feed_hash: str | None
    feed_updated_at: datetime | None
    title: str | None = None  # the stored title (a feed title unlike it goes first)


@dataclass(frozen=True)
class Reread:
    """A known entry whose page is read again, and the article it updates."""

    entry: FeedEntry
    article_id: int


def feed_hash(entry: FeedEntry) -> str:
    """What the feed says of an entry, hashed: its title and summary (digests.urls.content_hash)."""
    return content_hash(entry.title, entry.summary)


def trusts_updated(entries: Sequence[FeedEntry]) -> bool:
    """Whether the feed's `<updated>` dates tell its entries' changes: not when most of three
    or more entries carry one and the same (the feed's build time, not the entries')."""
    stamps = [e.updated_at for e in entries if e.updated_at is not None]
    if len(stamps) < 3:
        return True
    most = Counter(stamps).most_common(1)[0][1]
    return most <= SHARED_STAMP * len(stamps)


def changed(entry: FeedEntry, known: Known, *, trust_updated: bool = True) -> bool:
    """Whether the site changed the entry since the article was read: another title or summary
    (only another title for a `t:` row, neither for a `u:` row: see the module docstring), or
    (`trust_updated`) a later `<updated>`. False for a row with no feed hash yet (stored before
    migration 037: nothing to compare with; `remember_first` records it)."""
    stored = known.feed_hash
    if stored is None:
        return False
    if stored.startswith(TITLE_ONLY):
        if content_hash(entry.title, "") != stored[len(TITLE_ONLY):]:
            return True
    elif not stored.startswith(DATE_ONLY) and feed_hash(entry) != stored:
        return True
    return bool(trust_updated and entry.updated_at is not None
                and known.feed_updated_at is not None  # stored to the second (models.iso)
                and entry.updated_at.replace(microsecond=0) > known.feed_updated_at)


def known_rows(sql: sqlite_utils.Database, source_id: int, ids: Iterable[int]
               ) -> dict[int, Known]:
    """The stored articles among `ids` that belong to `source_id`, with their feed columns."""
    wanted = sorted(set(ids))
    out: dict[int, Known] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows = sql.execute(
            f"select id, feed_hash, feed_updated_at, title from articles where source_id = ?"
            f" and id in ({','.join('?' * len(chunk))})", [source_id, *chunk]).fetchall()
        for article_id, stored_hash, stored_updated, title in rows:
            out[int(article_id)] = Known(int(article_id), stored_hash,
                                         parse_iso(stored_updated) if stored_updated else None,
                                         title)
    return out


def pick(entries: Sequence[tuple[FeedEntry, int]], rows: dict[int, Known], *,
         trust_updated: bool, limit: int | None = None
         ) -> tuple[list[Reread], list[tuple[FeedEntry, int]], int]:
    """Which known entries to read again this poll: (re-reads up to `limit`, REREADS_PER_POLL
    by default — a new title first, then newest first; entries whose row has no feed hash yet,
    to remember; how many changed ones wait)."""
    limit = REREADS_PER_POLL if limit is None else limit
    found: list[Reread] = []
    first: list[tuple[FeedEntry, int]] = []
    for entry, article_id in entries:
        known = rows.get(article_id)
        if known is None:  # another source's article, or gone meanwhile
            continue
        if known.feed_hash is None:
            first.append((entry, article_id))
        elif changed(entry, known, trust_updated=trust_updated):
            found.append(Reread(entry, article_id))
    retitled = {r.article_id for r in found
                if (rows[r.article_id].title or "").strip() != (r.entry.title or "").strip()}
    found.sort(key=lambda r: (r.article_id not in retitled, r.entry.published_at is None,
                              -(r.entry.published_at.timestamp() if r.entry.published_at else 0)))
    return found[:limit], first, max(0, len(found) - limit)


def remember(sql: sqlite_utils.Database, article_id: int, entry: FeedEntry, *,
             same_page: bool = False) -> None:
    """Record what the feed said of an article just stored or read again (caller's transaction).
    `same_page`: the re-read found the stored page body, so the feed's change was churn — the
    entry backs off one change kind (`t:`, then `u:`; see the module docstring)."""
    value = feed_hash(entry)
    if same_page:
        row = sql.execute("select feed_hash from articles where id = ?", [article_id]).fetchone()
        before = (row[0] if row else None) or ""
        if before.startswith((TITLE_ONLY, DATE_ONLY)):
            value = DATE_ONLY
        else:
            value = TITLE_ONLY + content_hash(entry.title, "")
        log.info("feed entry changes without its page: backed off article=%s to=%s",
                 article_id, value[:2])
    sql.execute("update articles set feed_hash = ?, feed_updated_at = ? where id = ?",
                [value, iso(entry.updated_at), article_id])


def remember_first(sql: sqlite_utils.Database, entries: Sequence[tuple[FeedEntry, int]]) -> int:
    """Record what the feed says of articles that have no feed hash yet (stored before 037);
    returns how many rows took it. Only where it is still NULL: a re-read meanwhile wins."""
    done = 0
    for entry, article_id in entries:
        done += sql.execute("update articles set feed_hash = ?, feed_updated_at = ?"
                            " where id = ? and feed_hash is null",
                            [feed_hash(entry), iso(entry.updated_at), article_id]).rowcount
    if done:
        log.info("feed hashes recorded for articles stored before them count=%d", done)
    return done
