"""The sources repository: feeds we poll, their health, and the shipped default list.

A source is a feed URL with its health: last success, last error, consecutive failures and the
next poll time. Failing sources back off exponentially (capped), a server's Retry-After is
honoured, and a healthy source is next polled after POLL_INTERVAL_MINUTES or its Cache-Control
max-age, whichever is longer. Removing a source deactivates it: its articles stay searchable and
the sources file does not bring it back; adding it again by hand does.

A source added without a name is named by its host until its feed is read: then it takes the
feed's own title (`adopt_feed_title`). A name an admin gave is never replaced.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from digests.addresses import is_private as _is_private
from digests.addresses import private_address_message, private_reason
from digests.archive import inserted_id
from digests.errors import Reason, SourceError
from digests.feed_urls import without_tracking
from digests.fetch_failures import arabic_digits, host_of, host_problem
from digests.logs import strip_credentials
from digests.models import Source, iso, parse_iso
from digests.private_hosts import forget_cache, host_of, local_by_form
from digests.poll_clock import ahead_ids
from digests.reader_text import strip_markup
from digests.settings import Settings
from digests.storage import Database
from digests.urls import is_http_url, url_key

log = logging.getLogger(__name__)

DEFAULT_SOURCES_FILE = Path(__file__).resolve().parent / "data" / "sources.txt"
MAX_BACKOFF = timedelta(hours=6)
MAX_RETRY_AFTER = timedelta(hours=24)
MAX_CACHE_AGE = timedelta(hours=6)


def source_from_row(row: Mapping[str, Any]) -> Source:
    return Source(
        id=row["id"], url=row["url"], name=row["name"], etag=row.get("etag"),
        last_modified=row.get("last_modified"),
        last_success_at=parse_iso(row.get("last_success_at")),
        last_error=row.get("last_error"), last_error_at=parse_iso(row.get("last_error_at")),
        consecutive_failures=row.get("consecutive_failures") or 0,
        next_poll_at=parse_iso(row.get("next_poll_at")), active=bool(row.get("active", 1)),
        last_error_why=Reason.decode(row.get("last_error_reason")),
        private_host=None if row.get("private_host") is None else bool(row["private_host"]),
    )


def lookup_within(host: str, port: int, seconds: float) -> list[Any]:
    """socket.getaddrinfo(host, port) given at most `seconds`, else TimeoutError.

    The blocking resolver has no timeout of its own (QA73-2: a hanging one held /addsource, a
    command line add and the bot's start for its own timeout, per URL). It runs on a daemon
    thread, left to finish on its own when the deadline passes: a lookup cannot be cancelled.
    """
    box: list[Any] = []
    done = threading.Event()

    def look() -> None:
        try:
            box.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except BaseException as exc:  # handed to the caller's thread as is
            box.append(exc)
        finally:
            done.set()

    threading.Thread(target=look, name="dns-lookup", daemon=True).start()
    if not done.wait(seconds):
        raise TimeoutError(f"resolving {host} timed out after {seconds:g} s")
    if isinstance(box[0], BaseException):
        raise box[0]
    return list(box[0])


def _written_address(host: str) -> str | None:
    """The address a host names without DNS: an IP literal, or localhost's loopback; else None."""
    bare = host.lower().strip("[]").rstrip(".")
    if bare == "localhost":
        return "127.0.0.1"
    try:
        return str(ipaddress.ip_address(bare.split("%")[0]))
    except ValueError:
        return None


def validate_url(url: str, settings: Settings, *, require_dns: bool = True) -> str:
    """The URL stripped (and its #fragment), or SourceError: not http(s), or a private address
    while refused.

    With `require_dns=False` the host is not resolved (an address literal or localhost is still
    judged as written): the fetcher checks the address again on every request, so nothing
    private slips through, a DNS outage at start-up does not drop the shipped feeds nor hold the
    start one lookup per line (QA73-2), and a link check_link has just fetched is not looked up
    twice. With it, the lookup is bounded by
    FETCH_TIMEOUT_SECONDS (a hanging resolver is a SourceError with the Reason «timeout»).
    """
    url = url.strip()
    if not is_http_url(url):
        raise SourceError(f"رابط غير صالح؛ يجب أن يبدأ بـ http:// أو https://: {url!r} / "
                          f"invalid URL, expected http:// or https://: {url!r}",
                          why=Reason("invalid_url", "", url))
    # a fragment is never sent to the server: «feed.xml#x» is feed.xml, stored so (QA44 T3)
    url = url.split("#", 1)[0]
    parts = urlsplit(url)
    host = parts.hostname or ""
    problem = host_problem(url)
    if problem is not None:
        raise SourceError(f"رابط غير صالح: اسم المضيف {host!r} مكتوب خطأ ({problem})؛ تحقق من "
                          f"الرابط / invalid URL: the host name {host!r} is malformed "
                          f"({problem}); check the URL", why=Reason("invalid_url", "", url))
    if settings.allow_private_sources:
        return url
    if not require_dns:
        # No lookup, but an address written out is judged at once: a sources-file line for
        # 127.0.0.1 is skipped at start with its reason (X83/X88), not added to fail every poll.
        written = _written_address(host)
        if written is not None and _is_private(written):
            raise SourceError(private_address_message(url, written),
                              why=private_reason(url, written))
        return url
    seconds = settings.fetch_timeout_seconds
    try:
        infos = lookup_within(host, parts.port or 80, seconds)
    except TimeoutError as exc:
        waited = arabic_digits(f"{seconds:g}")
        raise SourceError(f"انتهت مهلة حل اسم المضيف {host} بعد {waited} ث؛ حاول لاحقًا / "
                          f"resolving host {host} timed out after {seconds:g} s; try again later",
                          why=Reason("timeout", host_of(url), f"{seconds:g}")) from exc
    except (OSError, UnicodeError) as exc:
        raise SourceError(f"تعذر العثور على المضيف {host}: تحقق من الرابط / cannot resolve host "
                          f"{host}: check the URL ({exc})",
                          why=Reason("unknown_host", host_of(url))) from exc
    for info in infos:
        address = str(info[4][0])
        if _is_private(address):
            raise SourceError(private_address_message(url, address),
                              why=private_reason(url, address))
    return url


def _sql(db: Database | sqlite_utils.Database) -> sqlite_utils.Database:
    return db.db if isinstance(db, Database) else db


def get_source(db: Database | sqlite_utils.Database, source_id: int) -> Source | None:
    rows = list(_sql(db).query("select * from sources where id = ?", [source_id]))
    return source_from_row(rows[0]) if rows else None


def _feed_key(url: str) -> str:
    # http:// and https:// of one host and path are one feed (QA9 N5: a link typed without a
    # scheme, taken as https://, added a second copy of an http:// source); url_key drops
    # utm_* and the like, and a feed's link drops any «utm…» parameter too («?utm=x»: QA40 N7,
    # the same feed fetched twice at every poll and listed twice)
    return url_key(without_tracking(url)).split("://", 1)[-1]


def find_source(db: Database | sqlite_utils.Database, url: str) -> Source | None:
    """The source whose URL normalizes like `url`, whatever its scheme (active or not)."""
    key = _feed_key(url)
    for row in _sql(db).query("select * from sources"):
        if _feed_key(row["url"]) == key:
            return source_from_row(row)
    return None


def default_name(url: str) -> str:
    """The name of a source nobody named yet: its host."""
    return urlsplit(url).hostname or url


def refuse_duplicate(db: Database | sqlite_utils.Database, url: str) -> Source | None:
    """SourceError when `url` is an active source already; else the removed source it would
    bring back (or None)."""
    existing = find_source(db, url)
    if existing is not None and existing.active:
        raise already_added(existing)
    return existing


def refuse_known(db: Database | sqlite_utils.Database, candidates: Sequence[str]) -> None:
    """SourceError "duplicate" when a link to check (`link_candidates`: as typed, or with
    https:// and http://) is an active source already, normalised as `find_source` does; run
    before anything is resolved or fetched, so an unreachable site still reads «already there
    as number N» (QA69-9: `sources add` of a shipped source on a host without DNS said «Could
    not find the site»). A link that is no http(s) URL is left to `validate_url`."""
    for candidate in candidates:
        link = candidate.strip().split("#", 1)[0]
        if is_http_url(link) and host_problem(link) is None:
            refuse_duplicate(db, link)


def already_added(existing: Source) -> SourceError:
    """The "duplicate" SourceError naming `existing`, the active source a link repeats (this
    link, or the same feed under another query: digests.feed_twins)."""
    return SourceError(f"المصدر مضاف مسبقًا برقم {existing.id} ({existing.name}) / "
                       f"source already added as id {existing.id}: {existing.url}",
                       why=Reason("duplicate", detail=str(existing.id)))


def add_source(db: Database, url: str, *, settings: Settings, now: datetime,
               name: str | None = None, require_dns: bool = True,
               title: str | None = None, private_host: bool | None = None) -> Source:
    """Add a feed, named `name` (the operator's), else `title` (the feed's own), else its host.
    Re-adding a removed (paused) source brings it back under the name it had, unless the operator
    names it now: a feed's title never replaces a name (QA16 N5: «مصدر 0», given with --name,
    came back as «BBC»). `private_host`: whether its host may be private (ALLOW_PRIVATE_SOURCES;
    digests.private_hosts): its check's finding (CheckedSource.private_host: the typed host,
    resolved private); None for a link the operator gave unchecked (`sources add --no-check`,
    the sources file before or without its check, the demo): its host's form decides, as for
    migration 054's old rows (`local_by_form`: a public-looking name that was never seen
    private is not trusted to become private later; review REV2 #8). Raises SourceError for a
    bad URL, a refused address or a duplicate."""
    url = validate_url(url, settings, require_dns=require_dns)
    trusted = local_by_form(host_of(url)) if private_host is None else private_host
    existing = refuse_duplicate(db, url)
    given = (name or "").strip()
    name = given or strip_markup(title or "") or default_name(url)
    with db.transaction() as sql:
        # a database before migration 054 (a test's archive of an older schema) has no column
        columns = sql.table("sources").columns_dict
        trust = {"private_host": int(trusted)} if "private_host" in columns else {}
        if existing is not None:  # re-adding a removed source brings it back
            if not given and existing.name != default_name(existing.url):
                name = existing.name
            sql.table("sources").update(existing.id, {"active": 1, "name": name,
                                                "next_poll_at": None, **trust})
            source_id = existing.id
        else:
            source_id = inserted_id(sql.table("sources").insert({
                "url": url, "name": name, "added_at": iso(now), "active": 1,
                "consecutive_failures": 0, **trust}))
    forget_cache()  # its trust counts from the next fetch, not in 30 s
    log.info("source added id=%s url=%s private_host=%s", source_id, strip_credentials(url),
             int(trusted))
    source = get_source(db, source_id)
    assert source is not None
    return source


def adopt_feed_title(db: Database, source: Source, title: str) -> bool:
    """Name `source` by its feed's `title` when it is still named by its host (nobody named
    it). Returns True when the name changed."""
    title = strip_markup(title)  # «<b>وكالة</b>»: a feed's markup is no name (QA56-4)
    if not title or source.name != default_name(source.url) or title == source.name:
        return False
    with db.transaction() as sql:
        # only if the name is still the host: an admin may have renamed it meanwhile
        changed = sql.execute("update sources set name = ? where id = ? and name = ?",
                              [title, source.id, source.name]).rowcount
    if changed:
        log.info("source named by its feed id=%s name=%s", source.id, title)
    return bool(changed)


def list_sources(db: Database | sqlite_utils.Database, *, include_inactive: bool = False
                 ) -> list[Source]:
    """Every (active) source, by id."""
    where = "" if include_inactive else " where active = 1"
    return [source_from_row(r) for r in _sql(db).query(f"select * from sources{where} order by id")]


def due_sources(db: Database | sqlite_utils.Database, now: datetime) -> list[Source]:
    """Active sources whose next poll time has come (or was never set), and those scheduled by
    a clock that ran ahead and was set back (digests.poll_clock; QA40 N3: 3 hours without a
    poll)."""
    rows = list(_sql(db).query("select * from sources where active = 1 order by id"))
    ahead = ahead_ids(rows, now)
    if ahead:
        log.warning("clock set back: sources scheduled ahead are polled now count=%d",
                    len(ahead))
    return [s for s in map(source_from_row, rows)
            if s.next_poll_at is None or s.next_poll_at <= now or s.id in ahead]


def remove_source(db: Database, source_id: int) -> Source:
    """Remove (deactivate) a source. Raises SourceError when there is no such active source."""
    source = get_source(db, source_id)
    if source is None or not source.active:
        raise SourceError(f"لا يوجد مصدر برقم {source_id}؛ راجع `sources list` / "
                          f"no source with id {source_id}; see `sources list`",
                          why=Reason("no_source", detail=str(source_id)))
    with db.transaction() as sql:
        # Deactivated, not deleted: its articles stay searchable, and the sources file does
        # not bring a source back that the operator removed.
        sql.table("sources").update(source_id, {"active": 0, "next_poll_at": None})
    log.info("source removed id=%s url=%s", source_id, strip_credentials(source.url))
    return source


def parse_sources_file(text: str) -> list[tuple[str, str | None]]:
    """(url, name) pairs from a sources file: `URL [name …]` lines, `#` comments."""
    out: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url, _, name = line.partition(" ")
        out.append((url, name.strip() or None))
    return out


def load_sources_file(db: Database, settings: Settings, now: datetime,
                      path: Path | None = None, *, check: bool = True) -> list[Source]:
    """Add the sources listed in SOURCES_FILE (or the shipped list) that are not there yet.

    Invalid or refused lines are logged and skipped; a removed source is not brought back.
    `check`: the sources added are then fetched once (digests.sources_file): a page is
    followed to its feed, a source named by its feed's title, a broken link logged (kept).
    """
    path = path or settings.sources_file or DEFAULT_SOURCES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourceError(f"تعذرت قراءة ملف المصادر {path} / cannot read sources file {path}: "
                          f"{exc}") from exc
    added = []
    for url, name in parse_sources_file(text):
        if find_source(db, url) is not None:
            continue
        try:
            added.append(add_source(db, url, settings=settings, now=now, name=name,
                                    require_dns=False))
        except SourceError as exc:
            log.warning("sources file line skipped url=%s error=%s", strip_credentials(url), exc)
    if check and added:  # checked as /addsource checks a link (QA40 N13)
        from digests.sources_file import check_added

        check_added(db, settings, added)
        added = [s for s in (get_source(db, a.id) for a in added) if s is not None]
    return added


def backoff_delay(failures: int, settings: Settings) -> timedelta:
    """Delay before the next poll after `failures` consecutive failures (exponential, capped)."""
    base = timedelta(minutes=settings.poll_interval_minutes)
    exponent = min(max(failures - 1, 0), 20)
    return min(base * (2 ** exponent), MAX_BACKOFF)


def record_success(sql: sqlite_utils.Database, source_id: int, now: datetime,
                   settings: Settings, *, status: int, etag: str | None,
                   last_modified: str | None, max_age: float | None) -> None:
    """A poll that worked (200 or 304): reset failures, keep validators, schedule the next."""
    delay = timedelta(minutes=settings.poll_interval_minutes)
    if max_age is not None:
        delay = max(delay, min(timedelta(seconds=max_age), MAX_CACHE_AGE))
    changes: dict[str, Any] = {"last_polled_at": iso(now), "last_status": status,
                               "last_success_at": iso(now), "consecutive_failures": 0,
                               "next_poll_at": iso(now + delay)}
    if status != 304:  # a 304 keeps the validators we sent
        changes["etag"] = etag
        changes["last_modified"] = last_modified
    sql.table("sources").update(source_id, changes)


def record_failure(sql: sqlite_utils.Database, source_id: int, now: datetime,
                   settings: Settings, *, error: str, status: int | None = None,
                   retry_after: float | None = None, why: Reason | None = None) -> datetime:
    """A failed poll: count it, back off, honour Retry-After. Returns the next poll time.

    `error` is the full message (logs, CLI); `why` what the bot tells admins (None: unknown).
    """
    row = sql.execute("select consecutive_failures from sources where id = ?",
                      [source_id]).fetchone()
    failures = (row[0] if row else 0) + 1
    delay = backoff_delay(failures, settings)
    if retry_after is not None:
        delay = max(delay, min(timedelta(seconds=retry_after), MAX_RETRY_AFTER))
    next_poll = now + delay
    sql.table("sources").update(source_id, {
        "last_polled_at": iso(now), "last_status": status, "last_error": error[:500],
        "last_error_reason": why.encode() if why is not None else None,
        "last_error_at": iso(now), "consecutive_failures": failures,
        "next_poll_at": iso(next_poll)})
    return next_poll
