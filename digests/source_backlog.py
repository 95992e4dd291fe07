"""A new source's backlog known by its entries, not their dates: what its first poll listed.

X134 (QA77-1) made an article published before its source was added backfill whichever poll
stores it (digests.article_store.backlog), but an undated entry (no date in the feed nor on its
page) cannot be told by its date: a first poll that stored the newest MAX_ENTRIES_PER_FEED of
an undated feed left the older ones to the next polls, which alerted them as new (X135). So a
source's first poll records the keys (`entry_keys`: its link's url_key, its GUID) of every
entry it listed and did not store yet, and of the entries the parse cut never read
(digests.feed_cut.dropped_part: an undated feed of a fixed length moves them into the read part
later) — at most CUT_PARSE_FACTOR of those, the ones a later poll may read first, parsed once at the
first poll only. A later poll's entry with a recorded key was in the feed before the first poll,
so before its source's first news reached anyone: backfill, dated or not. Its key is removed
when it is stored (`drain`), so the table holds only a backlog not read yet. An entry that
appears after the first poll has no recorded key and is news as before: nothing new is held
back.

Table `source_backlog` (migration 060_source_backlog, which also adds `polls.backfill`, the
count /stats reads). Pure SQL and bytes, no network.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

import sqlite_utils

from digests.feed_cut import dropped_part
from digests.feeds import as_utf8, read_entries
from digests.models import FeedEntry
from digests.urls import url_key

log = logging.getLogger(__name__)

# How many of the entries a first poll's parse cut dropped are parsed once to be known later:
# the parse bound of a poll (digests.feed_cut.parse_limit, at least 1,000), so the first poll
# parses at most twice what a poll does. Entries further from the part read are left: a feed
# moves them into it only after as many new entries came.
CUT_PARSE_FACTOR = 1
CHUNK = 400  # keys per statement (SQLite's bound-parameter limit is 999 on old builds)


def m060_source_backlog(db: sqlite_utils.Database) -> None:
    """Add `source_backlog` (a new source's entries its first poll listed but did not store)
    and `polls.backfill` (of a poll's new articles, those stored as backfill: /stats counts
    them, X135; 0 for the polls before)."""
    db.execute("""
        create table if not exists source_backlog (
            source_id integer not null,
            key text not null,
            primary key (source_id, key)
        ) without rowid""")
    if "backfill" not in {c.name for c in db["polls"].columns}:
        db.execute("alter table polls add column backfill integer not null default 0")


def entry_keys(entry: FeedEntry) -> tuple[str, ...]:
    """The keys an entry is known by: its link's url_key, and its GUID with its title when it
    has one (a link stamped anew at every poll, QA63-2, keeps both). A GUID alone is not a key:
    a feed may give a later article an earlier one's GUID (digests.archive._guid_owner)."""
    keys = [f"url:{url_key(entry.url)}"]
    if entry.guid:
        keys.append(f"guid:{entry.guid}\t{entry.title}")
    return tuple(keys)


def cut_entries(body: bytes, headers: dict[str, str] | None, base_url: str,
                limit: int) -> list[FeedEntry]:
    """The entries of an XML feed that the parse cut to `limit` drops (digests.feed_cut), the
    CUT_PARSE_FACTOR × `limit` nearest the part read, parsed as a poll parses its feed; none
    when nothing is cut or they cannot be read (a JSON Feed's cut is not re-read)."""
    try:
        utf8, utf8_headers = as_utf8(body, headers)
        part, count = dropped_part(utf8, limit, CUT_PARSE_FACTOR * limit)
        if not count:
            return []
        return read_entries(part, utf8_headers, base_url).entries
    except Exception:  # noqa: BLE001 - the backlog is a refinement; the poll goes on without it
        log.exception("entries cut before parsing not read for the backlog url=%s", base_url)
        return []


def record(db: sqlite_utils.Database, source_id: int, entries: Iterable[FeedEntry],
           among: Iterable[FeedEntry]) -> int:
    """Record `entries` as the source's backlog (in the caller's transaction): how many keys.
    A key several of the feed's entries (`among`) share — one link for every item, a GUID and
    title repeated — is left out: it names none of them, and a later article could carry it."""
    counts: dict[str, int] = {}
    for keys in {entry_keys(entry) for entry in among}:  # an entry listed twice is one
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    rows = sorted({(source_id, key) for entry in entries for key in entry_keys(entry)
                   if counts.get(key, 0) <= 1})
    db.conn.executemany("insert or ignore into source_backlog (source_id, key) values (?, ?)",
                        rows)
    return len(rows)


def listed(db: sqlite_utils.Database, source_id: int,
           entries: Sequence[FeedEntry]) -> frozenset[str]:
    """The keys of `entries` recorded as the source's backlog (none for most sources: their
    table rows are gone once their first poll's backlog is stored)."""
    if db.execute("select 1 from source_backlog where source_id = ? limit 1",
                  [source_id]).fetchone() is None:
        return frozenset()
    keys = sorted({key for entry in entries for key in entry_keys(entry)})
    found: set[str] = set()
    for start in range(0, len(keys), CHUNK):
        part = keys[start:start + CHUNK]
        found.update(str(r[0]) for r in db.execute(
            f"select key from source_backlog where source_id = ? and key in"
            f" ({','.join('?' * len(part))})", [source_id, *part]).fetchall())
    return frozenset(found)


def drain(db: sqlite_utils.Database, source_id: int, keys: Iterable[str]) -> None:
    """Forget the keys of an entry now stored (in its store transaction)."""
    db.conn.executemany("delete from source_backlog where source_id = ? and key = ?",
                        [(source_id, key) for key in keys])
