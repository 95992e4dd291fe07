"""The sources a SOURCES_FILE just added, checked as /addsource checks a link (QA40 N13).

Lines were added unchecked (a DNS outage at the first start must not drop the shipped feeds:
tests/test_sources.py), so a newsroom's list got broken sources failing every poll, an HTML
page that declares its feed polled as «not a feed», and every source that never worked named
by its host («127.0.0.1، 127.0.0.1، 127.0.0.1» in /stats). Each source the file added now is
fetched once (digests.source_check, a few at a time, each within FETCH_TIMEOUT_SECONDS): a page
that declares its feed becomes that feed (unless it is a source already), a source nobody named
takes its feed's title, and a link that does not work is kept (it may be a passing outage) but
named in one WARNING line per link with the reason, and counted in a summary line.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from digests import private_hosts
from digests.errors import NashraError
from digests.logs import strip_credentials
from digests.models import Source
from digests.settings import Settings
from digests.storage import Database

log = logging.getLogger(__name__)

AT_ONCE = 8  # links checked at the same time
# The whole check's bound: the bot's start waits for it (a silent site must not hold the start
# for FETCH_TIMEOUT_SECONDS); a link not checked by then is left as added, and logged.
CHECK_BUDGET_SECONDS = 10.0


@dataclass(frozen=True)
class FileCheck:
    """What the check of the sources a file added came to (counts)."""

    feeds: int = 0     # a feed: named by its title when nobody named it
    pages: int = 0     # a page: its feed stored instead
    broken: int = 0    # kept, told in the log


async def _check_all(sources: Sequence[Source], settings: Settings) -> list[object]:
    from digests.source_check import check_link, link_candidates

    gate = asyncio.Semaphore(AT_ONCE)

    async def one(source: Source) -> object:
        async with gate:
            try:
                return await check_link(link_candidates(source.url), settings)
            except Exception as exc:  # a link that does not work is told, never fatal
                return exc

    tasks = [asyncio.ensure_future(one(s)) for s in sources]
    await asyncio.wait(tasks, timeout=CHECK_BUDGET_SECONDS)
    out: list[object] = []
    for task in tasks:
        if task.done():
            out.append(task.result())
        else:  # not checked in time: left as added (its first poll tells)
            task.cancel()
            out.append(None)
    await asyncio.gather(*tasks, return_exceptions=True)
    return out


def check_added(db: Database, settings: Settings, added: Sequence[Source]) -> FileCheck:
    """Check the sources a sources file just added and repair what the check shows (see the
    module). Runs its own event loop: called where none runs (the bot's and the command line's
    start); inside a running loop nothing is checked (logged)."""
    from digests.sources import default_name, find_source

    if not added:
        return FileCheck()
    try:
        asyncio.get_running_loop()
        log.info("sources file check skipped: inside a running event loop count=%d", len(added))
        return FileCheck()
    except RuntimeError:
        pass
    results = asyncio.run(_check_all(added, settings))
    feeds = pages = broken = 0
    for source, result in zip(added, results):
        shown = strip_credentials(source.url)
        if result is None:
            log.warning("sources file link not checked in time url=%s seconds=%.0f", shown,
                        CHECK_BUDGET_SECONDS)
            continue
        if isinstance(result, BaseException):
            broken += 1
            why = result.why.kind if isinstance(result, NashraError) and result.why else "error"
            log.warning("sources file link does not work url=%s reason=%s error=%s", shown, why,
                        str(result).splitlines()[0][:200] if str(result) else type(result).__name__)
            continue
        url, title = getattr(result, "url", source.url), getattr(result, "title", "") or ""
        changes: dict[str, object] = {}
        if url != source.url:
            other = find_source(db, url)
            if other is None or other.id == source.id:
                changes["url"] = url
                pages += 1
                log.info("sources file page followed to its feed page=%s feed=%s", shown,
                         strip_credentials(url))
            else:
                log.warning("sources file page declares a feed already stored source=%s page=%s",
                            other.id, shown)
        else:
            feeds += 1
        # the operator's file names the host: private if the check found it so, or by its form;
        # a page's feed on another host never (REV s24, digests.private_hosts)
        if url == source.url or "url" in changes:
            same = private_hosts.host_of(url) == private_hosts.host_of(source.url)
            changes["private_host"] = int(bool(getattr(result, "private_host", False)) or (
                same and private_hosts.local_by_form(private_hosts.host_of(url))))
        if title and source.name == default_name(source.url):  # nobody named it
            changes["name"] = title
        if changes:
            with db.transaction() as tx:
                tx.table("sources").update(source.id, changes)
    log.info("sources file checked count=%d feeds=%d pages=%d broken=%d", len(added), feeds,
             pages, broken)
    return FileCheck(feeds, pages, broken)
