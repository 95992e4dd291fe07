"""Which hosts may be private when ALLOW_PRIVATE_SOURCES is set: the operator's own (QA38 A4).

The key used to lift the private-address rule for every connection: one intranet source, and any
feed's article links and redirects could reach the operator's network, and what they read was
shown to readers (read-back SSRF). Now a private or loopback address is allowed only for a host
of a source the operator added (the `sources` table, or the URL a fetch of a feed or of
/addsource starts from) and so for that host's own pages; a redirect or an article link to any
other private host is refused as without the key. Link-local addresses (169.254.0.0/16,
fe80::/10) and cloud metadata services (100.100.100.200, fd00:ec2::254) are refused even then.

Not every stored source is the operator's word (REV s24 finding 1): a feed a page declared, or a
redirect target adopted after repeated 301s, was stored without the operator typing its host; a
host that was public then could later resolve to 10.x (DNS rebinding) and a poll would read the
internal service into readers' digests. So each source row says whether its host may be private
(`sources.private_host`, migration 054): 1 only for a host the operator typed that resolved to
a private address when it was added, 0 for any other (declared on another host, an adopted move
to another host, a typed host that was public). A row that does not say (NULL: written by hand)
is judged by its host's form alone, `local_by_form`, which cannot be rebound.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

# the pure host checks live in host_forms (QA73-22); named here too, as sources, addresses,
# source_check and feed_moves import them from this module
from digests.host_forms import host_of, local_by_form, never_allowed
from digests.sqlite_uri import read_only_uri

log = logging.getLogger(__name__)

SOURCE_HOSTS_SECONDS = 30.0  # an added source's host is trusted within this long (or at once
# through `PrivateHosts.trust`, which a fetch of a feed calls)
_cache: dict[str, tuple[float, frozenset[str]]] = {}


def trusted_row(url: str, private_host: object) -> bool:
    """Whether a stored source (its `url`, its `private_host` column) may reach private
    addresses: its flag when set, else its host's form. Pure."""
    if private_host is None:
        return local_by_form(host_of(url))
    return bool(private_host)


def m054_private_source_hosts(db: sqlite_utils.Database) -> None:
    """Add `sources.private_host` and decide the rows stored before it conservatively: how
    they came (typed, declared by a page, adopted after 301s) was not recorded, so only a
    host private by its form (`local_by_form`: a literal or a local name) keeps its trust; a
    source on a public-looking name that serves from a private address must be added again
    (/removesource, then /addsource: its check records the address it resolved to)."""
    columns = {c.name for c in db["sources"].columns}
    if "private_host" not in columns:
        db.execute("alter table sources add column private_host integer")
    rows = db.execute("select id, url from sources where private_host is null").fetchall()
    untrusted = []
    for source_id, url in rows:
        trusted = local_by_form(host_of(str(url)))
        db.execute("update sources set private_host = ? where id = ?",
                   [1 if trusted else 0, source_id])
        if not trusted:
            untrusted.append(source_id)
    if untrusted:  # REV2: an intranet feed on a public-looking name would fail without a word
        log.info("migration 054: sources on a public-looking name may no longer reach a private"
                 " address (matters only with ALLOW_PRIVATE_SOURCES=true; re-add such a feed with"
                 " /removesource then /addsource) count=%d ids=%s", len(untrusted),
                 ",".join(str(i) for i in untrusted[:50]))


def source_hosts(database_path: Path | str) -> frozenset[str]:
    """The hosts of the stored sources that may be private (`trusted_row`; read-only, cached
    a few seconds); empty when there is no database yet."""
    key = str(database_path)
    cached = _cache.get(key)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    hosts: frozenset[str] = frozenset()
    try:
        conn = sqlite3.connect(read_only_uri(Path(database_path).resolve()), uri=True,
                               timeout=2.0)
        try:
            try:
                rows = conn.execute("select url, private_host from sources").fetchall()
            except sqlite3.OperationalError:  # a database before migration 054
                rows = [(url, None) for (url,) in conn.execute("select url from sources")]
            hosts = frozenset(h for (url, flag) in rows
                              if (h := host_of(str(url))) and trusted_row(str(url), flag))
        finally:
            conn.close()
    except sqlite3.Error as exc:  # fails closed (no host trusted); no file yet is no news
        (log.warning if Path(database_path).exists() else log.debug)(
            "source hosts unread path=%s error=%s", key, exc)
    _cache[key] = (time.monotonic() + SOURCE_HOSTS_SECONDS, hosts)
    return hosts


def forget_cache() -> None:
    """Drop the cached source hosts (a test, or a source just added)."""
    _cache.clear()


class PrivateHosts:
    """The hosts one fetcher may reach on private addresses (none without the key)."""

    def __init__(self, allow: bool, database_path: Path | str | None) -> None:
        self.allow = allow
        self._database_path = database_path
        self._trusted: set[str] = set()  # links the operator typed to this fetcher
        self._polled: frozenset[str] = frozenset()  # the current poll's rows that trust theirs
        self.seen_private: set[str] = set()  # hosts this fetcher reached on a private address

    def saw_private(self, host: str) -> None:
        """`host` was allowed and resolved to a private address (GuardedBackend): a source
        added from it is one whose host was private when the operator added it."""
        self.seen_private.add(host.lower().strip("[]"))

    def trust(self, url: str) -> None:
        """`url` is the operator's: a link typed to /addsource or `sources add` (a stored
        source's trust comes from its row: `polled`, `source_hosts`)."""
        if self.allow and (host := host_of(url)):
            self._trusted.add(host)

    def polled(self, urls: Iterable[str]) -> None:
        """The URLs of the stored sources a poll starting now reads whose rows trust them
        (`trusted_row`), replacing the last poll's: a fetcher that serves many polls
        (digests.scheduler) follows the database, so trust dropped there (a re-add whose
        check found the host public) holds until the next poll, not until a restart (review
        REV2 #7: a set kept for the fetcher's life)."""
        self._polled = frozenset(h for url in urls if (h := host_of(url))) if self.allow \
            else frozenset()

    def allows(self, host: str) -> bool:
        """Whether `host` may resolve to a private (not link-local/metadata) address."""
        if not self.allow:
            return False
        host = host.lower().strip("[]")
        if host in self._trusted or host in self._polled:
            return True
        if self._database_path is None:
            return False
        return host in source_hosts(self._database_path)
