"""A feed that moved for good gets its new address stored (QA35 L3).

CNN's feed answered 301 → a new URL for two weeks: every poll went to the old address first, the
source's URL never changed, nothing said so; when the old address stops redirecting (the usual
end of a site move) the source breaks with no hint of where it went. Now a poll that reached the
feed through permanent redirects only (301/308: digests.fetcher's `moved`) counts it in the `meta`
table (`feed_move:<id>` → the target and the polls in a row that saw it); after
REDIRECT_ADOPT_POLLS in a row (at least digests.settings.REDIRECT_ADOPT_MIN, so one misconfigured
answer moves nothing) to the same target the source takes the new URL, unless another source
already has it. The move is
logged once (key=value) and remembered (`feed_moved:<id>` → the old URL) for /sources to say. A
temporary redirect (302/303/307), a poll without redirect or a failed one starts the count over.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from digests import meta_values
from digests.sources import find_source
from digests.storage import Database
from digests.logs import strip_credentials
from digests.private_hosts import forget_cache, host_of
from digests.settings import REDIRECT_ADOPT_MIN

log = logging.getLogger(__name__)

COUNT_KEY = "feed_move:"
MOVED_KEY = "feed_moved:"


@dataclass(frozen=True)
class Move:
    """What one poll's redirect did: counted, stored, or refused (another source has it)."""

    target: str
    seen: int
    stored: bool = False
    taken_by: int | None = None


def note(db: Database, source_id: int, target: str | None, needed: int) -> Move | None:
    """Count this poll's permanent redirect of a source to `target` (None: none this poll) and
    store the new URL once it was seen `needed` polls in a row (at least REDIRECT_ADOPT_MIN)."""
    key = f"{COUNT_KEY}{source_id}"
    if target is None:
        if meta_values.get(db, key) is not None:
            with db.transaction() as sql:
                meta_values.delete(sql, key)
        return None
    raw = meta_values.get(db, key)
    last = json.loads(raw) if raw else {}
    seen = int(last.get("seen", 0)) + 1 if last.get("to") == target else 1
    if seen < max(REDIRECT_ADOPT_MIN, needed):
        with db.transaction() as sql:
            meta_values.put(sql, key, json.dumps({"to": target, "seen": seen}))
        return Move(target, seen)
    other = find_source(db, target)
    if other is not None and other.id != source_id:
        with db.transaction() as sql:  # counted on, so the refusal is logged once
            meta_values.put(sql, key, json.dumps({"to": target, "seen": seen}))
        if seen == max(REDIRECT_ADOPT_MIN, needed):
            log.warning("feed moved permanently, new address kept by another source "
                        "source=%s to=%s other=%s", source_id, strip_credentials(target),
                        other.id)
        return Move(target, seen, taken_by=other.id)
    with db.transaction() as sql:
        row = sql.execute("select url from sources where id = ?", [source_id]).fetchone()
        if row is None:
            return None
        # a host the source's site moved it to is the site's word, not the operator's: it may
        # not be private unless it is the same host (REV s24: a 301 to a name that later
        # resolves to 10.x read the internal service into digests)
        same = host_of(str(row[0])) == host_of(target)
        sql.execute("update sources set url = ?, private_host = case when ? then private_host"
                    " else 0 end where id = ?", [target, int(same), source_id])
        meta_values.delete(sql, key)
        meta_values.put(sql, f"{MOVED_KEY}{source_id}", row[0])
    forget_cache()
    log.warning("feed moved permanently, new address stored source=%s from=%s to=%s polls=%d",
                source_id, strip_credentials(row[0]), strip_credentials(target), seen)
    return Move(target, seen, stored=True)


def moved_from(db: Database, source_id: int) -> str | None:
    """The address a source had before its feed moved for good (None: never moved)."""
    return meta_values.get(db, f"{MOVED_KEY}{source_id}")
