"""QA73-1/-2: a hanging resolver is bounded by FETCH_TIMEOUT_SECONDS, and not asked at all
where its answer is not needed.

The resolvers here never answer until the test ends (an asyncio.Event or a threading.Event held
shut): before the fixes the fetch and validate_url waited for the resolver itself. The outer
bounds (wait_for, join) are only there so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digests import addresses
from digests.errors import Reason, SourceError, TemporaryFetchError
from digests.fetcher import Fetcher
from digests.settings import Settings
from digests.sources import load_sources_file, validate_url
from digests.storage import Database

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def strict(settings: Settings) -> Settings:
    return settings.replace(allow_private_sources=False, fetch_timeout_seconds=0.2)


async def test_a_hanging_lookup_fails_the_fetch_with_its_timeout(
        strict: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    never = asyncio.Event()

    async def hang(host: str, port: int) -> list[str]:
        await never.wait()
        return ["93.184.216.34"]

    monkeypatch.setattr(addresses, "resolve_addresses", hang)
    async with Fetcher(strict) as fetcher:
        with pytest.raises(TemporaryFetchError) as info:
            await asyncio.wait_for(fetcher.fetch("http://news.hang.test/feed.xml"), 30)
    assert info.value.why == Reason("timeout", "news.hang.test", "0.2")
    assert "timed out resolving" in str(info.value) and "انتهت المهلة" in str(info.value)


def _in_thread(call: object) -> list[object]:
    """Run `call` on a thread given 30 s; what it returned or raised (empty: still running)."""
    out: list[object] = []

    def run() -> None:
        try:
            out.append(call())  # type: ignore[operator]
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            out.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(30)
    return out


def test_validate_url_gives_up_on_a_hanging_lookup_at_the_fetch_timeout(
        strict: Settings, hanging_getaddrinfo: list[str]) -> None:
    out = _in_thread(lambda: validate_url("https://news.hang.test/rss", strict))
    assert out, "validate_url still waiting for the resolver"
    error = out[0]
    assert isinstance(error, SourceError)
    assert error.why == Reason("timeout", "news.hang.test", "0.2")
    assert "timed out" in str(error) and "انتهت مهلة" in str(error)


def test_require_dns_false_asks_no_resolver(strict: Settings, hanging_getaddrinfo: list[str]) -> None:
    out = _in_thread(lambda: validate_url("https://news.hang.test/rss", strict,
                                          require_dns=False))
    assert out == ["https://news.hang.test/rss"]
    assert hanging_getaddrinfo == []


def test_the_sources_file_is_read_without_a_lookup_per_line(
        strict: Settings, hanging_getaddrinfo: list[str], tmp_path: Path) -> None:
    path = tmp_path / "sources.txt"
    path.write_text("".join(f"https://news{i}.hang.test/rss\n" for i in range(5)),
                    encoding="utf-8")

    def load() -> int:
        with Database(strict.database_path) as database:  # sqlite: on the thread that uses it
            return len(load_sources_file(database, strict, NOW, path, check=False))

    assert _in_thread(load) == [5]
    assert hanging_getaddrinfo == []
