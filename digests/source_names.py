"""A source's name given by an admin: renaming, and never a link as a name (QA40 N2).

Several links pasted into one /addsource made the first a source *named after the others*
(«‎http://…/f03.xml http://…/f04.xml‎»), a name readers then saw under every story of it. A name
that holds a link is refused; `rename_source` repairs a name already stored (/renamesource).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from digests.errors import SourceError
from digests.reader_text import links_in
from digests.sources import default_name, get_source
from digests.storage import Database

log = logging.getLogger(__name__)

MAX_NAME_CHARS = 80  # a name is one line of /sources and of a digest's source line


def is_link(word: str) -> bool:
    """True for a word that is a link («http://…», «www.…», «bbc.com/arabic/…»)."""
    return "://" in word or bool(links_in(word))


def has_link(name: str) -> bool:
    """True when a name holds a link anywhere: no source is named so."""
    return any(is_link(word) for word in name.split())


@dataclass(frozen=True)
class Renamed:
    """A rename done: the source's id, its old and new names."""

    source_id: int
    old: str
    new: str


def rename_source(db: Database, source_id: int, name: str) -> Renamed:
    """Name source `source_id` `name` (spaces collapsed, cut at MAX_NAME_CHARS); an empty name
    gives back its default (the host, until its feed's title replaces it).

    Raises:
        SourceError: no such source, or the name holds a link.
    """
    source = get_source(db, source_id)
    if source is None:
        raise SourceError(f"no source {source_id}")
    new = " ".join(name.split())[:MAX_NAME_CHARS].strip() or default_name(source.url)
    if has_link(new):
        raise SourceError(f"a source name cannot hold a link: {new!r}")
    with db.transaction() as tx:
        tx.execute("update sources set name = ? where id = ?", [new, source_id])
    log.info("source renamed id=%s", source_id)
    return Renamed(source_id, source.name, new)
