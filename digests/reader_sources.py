"""A chat's muted sources below the bot (X61): sites, not feeds; rows queued before a mute.

A reader thinks in sites («الجزيرة»), not in the feeds an operator polls («الجزيرة — عاجل»,
«الجزيرة — اقتصاد»): the /settings picker (bot.reader_sources) lists one button per site
(`site_groups`), and muting a site mutes each of its feeds (rows of chat_muted_sources, migration
040_reader_sources, stay per feed: the search, the enqueue step and the sender read them as they
are). A feed's site is the site of its newest article's link (digests.story_sites.site_of, cut
to its registrable domain by digests.site_domains: sport.aljazeera.net is aljazeera.net; an
agency's feed host, «feeds.example», is not where its articles live), else of the feed's own
link; on a local server (the sample site, the demo) each feed is its own site, as story_sites
counts them. Its name is its feed's without the section («فرانس 24 — دولي» → «فرانس 24»); a
site of one feed keeps the feed's whole name.

A feed the operator adds later to a muted site is muted too (X69): a chat that muted every
other feed of the site (its active ones; when none is active, its removed ones) gets a row for
the new feed (`inherit_site_mutes`) — when /addsource adds it (its site then the feed link's
host) and when its first article is stored (its site then the article's: the enqueue step calls
it before queueing, so that article is not queued for the chat). A site muted only partly is
left as it is.

A row queued before its chat muted the source is skipped by the sender (`muted_rows`, one query
per pass for every due row; `skip_muted` records them with MUTED_REASON, which /stats does not
count as a lost delivery).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from digests.models import Source
from digests.outbox_skips import CHUNK, skip_rows_and_items
from digests.site_domains import registrable_site
from digests.storage import Database
from digests.story_sites import site_name, site_of

log = logging.getLogger(__name__)

MUTED_REASON = "source muted by the chat"


@dataclass(frozen=True)
class SiteGroup:
    """One site of the picker: its key (`site_of`), the name a reader knows it by, and its
    feeds' source ids (in the operator's order)."""

    site: str
    name: str
    source_ids: tuple[int, ...]


def source_site(db: sqlite_utils.Database, source: Source) -> str:
    """The site of a feed: its newest article's (a scan from the newest row that stops at the
    first of this feed), else the feed link's own host; as its registrable domain
    (digests.site_domains: sport.aljazeera.net is aljazeera.net; QA48 R14)."""
    row = db.execute("select url from articles where source_id = ? order by id desc limit 1",
                     [source.id]).fetchone()
    site = (site_of(str(row[0]), source.id) if row else "") or site_of(source.url, source.id)
    return registrable_site(site)


def site_groups(db: sqlite_utils.Database, sources: Sequence[Source]) -> list[SiteGroup]:
    """`sources` grouped by site, in the order each site's first feed comes."""
    order: list[str] = []
    feeds: dict[str, list[Source]] = {}
    for source in sources:
        site = source_site(db, source) or f"#{source.id}"
        if site not in feeds:
            order.append(site)
        feeds.setdefault(site, []).append(source)
    groups = []
    for site in order:
        members = feeds[site]
        name = (members[0].name if len(members) == 1
                else site_name(members[0].name, members[0].url))
        groups.append(SiteGroup(site, name.strip() or site,
                                tuple(s.id for s in members)))
    return groups


def inherit_site_mutes(db: sqlite_utils.Database, source_id: int, now: datetime) -> int:
    """Mute feed `source_id` for every chat that muted all the other feeds of its site (see
    the module doc); how many chats. No mute at all: one query and nothing else."""
    if db.execute("select 1 from chat_muted_sources limit 1").fetchone() is None:
        return 0
    from digests.sources import list_sources  # late: digests.sources is the operator's side

    everyone = list_sources(db, include_inactive=True)
    group = next((g for g in site_groups(db, everyone) if source_id in g.source_ids), None)
    if group is None:
        return 0
    others = [s for s in everyone if s.id != source_id and s.id in group.source_ids]
    active = [s.id for s in others if s.active]
    ids = active or [s.id for s in others]
    if not ids:
        return 0
    chats = [int(r[0]) for r in db.execute(
        f"""select chat_id from chat_muted_sources where source_id in ({','.join('?' * len(ids))})
            group by chat_id having count(distinct source_id) = ?
            except select chat_id from chat_muted_sources where source_id = ?""",
        [*ids, len(ids), source_id]).fetchall()]
    db.conn.executemany("insert or ignore into chat_muted_sources (chat_id, source_id, created_at)"
                        " values (?, ?, ?)", [(c, source_id, now.isoformat()) for c in chats])
    if chats:
        log.info("feed muted with its site source=%s site=%s chats=%d", source_id, group.site,
                 len(chats))
    return len(chats)


def muted_rows(db: sqlite_utils.Database, row_ids: Iterable[int]) -> set[int]:
    """The outbox rows among `row_ids` whose article's source their chat has muted."""
    ids = sorted(set(row_ids))
    found: set[int] = set()
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        found.update(int(r[0]) for r in db.execute(
            "select o.id from outbox o join articles a on a.id = o.article_id"
            " join chat_muted_sources m on m.chat_id = o.chat_id and m.source_id = a.source_id"
            f" where o.id in ({','.join('?' * len(part))})", part).fetchall())
    return found


def muted_items(db: sqlite_utils.Database,
                items: Sequence[tuple[int, int | None, int, int]]) -> set[tuple[int, int]]:
    """Of these daily digest items (chat, article, row, place: digests.daily_rows), the
    (row, place) of those whose article's source their chat has muted."""
    chats = sorted({c for c, _a, _r, _p in items})
    if not chats:
        return set()
    muted: set[tuple[int, int]] = set()
    for start in range(0, len(chats), CHUNK):
        part = chats[start:start + CHUNK]
        muted.update((int(c), int(s)) for c, s in db.execute(
            "select chat_id, source_id from chat_muted_sources"
            f" where chat_id in ({','.join('?' * len(part))})", part).fetchall())
    if not muted:
        return set()
    arts = sorted({a for c, a, _r, _p in items if a is not None
                   and any(m[0] == c for m in muted)})
    source: dict[int, int] = {}
    for start in range(0, len(arts), CHUNK):
        part = arts[start:start + CHUNK]
        source.update((int(a), int(s)) for a, s in db.execute(
            f"select id, source_id from articles where id in ({','.join('?' * len(part))})",
            part).fetchall())
    return {(r, p) for c, a, r, p in items
            if a is not None and (c, source.get(a, -1)) in muted}


def skip_muted(db: Database, row_ids: Iterable[int], now: datetime,
               items: Iterable[tuple[int, int]] = ()) -> int:
    """Record still-pending rows, and daily digest items (row, place), skipped because their
    chat muted the source (MUTED_REASON). Returns how many were."""
    n = skip_rows_and_items(db, row_ids, list(items), MUTED_REASON, now)
    if n:
        log.info("rows of muted sources skipped at send time rows=%d", n)
    return n


def move_mutes(tx: sqlite_utils.Database, old_id: int, new_id: int) -> None:
    """A group that became a supergroup keeps its mutes (digests.outbox_states.move_chat, in
    its transaction): the rows take the new id; one the new id has already stays once."""
    tx.execute("update or ignore chat_muted_sources set chat_id = ? where chat_id = ?",
               [new_id, old_id])
    tx.execute("delete from chat_muted_sources where chat_id = ?", [old_id])
