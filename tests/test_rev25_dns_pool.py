"""REV s25: a hanging resolver holds only the lookups' own threads.

asyncio's loop.getaddrinfo runs on the loop's default executor (min(32, CPUs + 4) threads), the
one asyncio.to_thread shares: the fetch's QA73-1 deadline gives up on a lookup but cannot stop
its thread, so a poll of that many hosts behind a hanging resolver filled the pool and every
feed parse (digests.source_work's to_thread) waited behind the resolver.
"""

from __future__ import annotations

import asyncio
import os
import threading

import pytest

from digests import addresses
from digests.errors import TemporaryFetchError
from digests.fetcher import Fetcher
from digests.settings import Settings


async def test_hanging_lookups_leave_the_default_executor_free(
        settings: Settings, hanging_getaddrinfo: list[str]) -> None:
    strict = settings.replace(allow_private_sources=False, fetch_timeout_seconds=0.2)
    default_workers = min(32, (os.cpu_count() or 1) + 4)  # ThreadPoolExecutor's default
    async with Fetcher(strict) as fetcher:
        for i in range(default_workers + 2):
            with pytest.raises(TemporaryFetchError):
                await asyncio.wait_for(fetcher.fetch(f"http://news{i}.hang.test/feed.xml"), 30)
    assert len(hanging_getaddrinfo) >= 1
    # a feed parse after the poll: on a thread of the default executor
    assert await asyncio.wait_for(asyncio.to_thread(lambda: "parsed"), 5) == "parsed"


async def test_threads_held_by_a_hanging_resolver_are_bounded(
        hanging_getaddrinfo: list[str]) -> None:
    async def look(i: int) -> None:
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.2):
                await addresses.resolve_addresses(f"news{i}.hang.test", 443)

    await asyncio.gather(*(look(i) for i in range(3 * addresses.LOOKUP_THREADS)))
    await asyncio.gather(*(look(i) for i in range(3 * addresses.LOOKUP_THREADS)))
    held = [t for t in threading.enumerate() if t.name.startswith("dns-lookup")]
    assert 1 <= len(held) <= addresses.LOOKUP_THREADS
