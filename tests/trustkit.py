"""Test kit for private-host trust (ALLOW_PRIVATE_SOURCES): an «internal» service on 127.0.0.2
serving a secret feed, DNS names that answer its address, the private-host cache forgotten
around each test, and the trust flags the sources table holds. test_x106_private_trust and
test_x109_private_trust each kept a copy (REV s25's duplicates review, D5)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest

from digests import addresses, private_hosts
from digests.samplesite import Response, SampleSite
from digests.storage import Database

INTERNAL = "127.0.0.2"  # the «internal» service's address: private, yet on this host
FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>لوحة داخلية</title>'
        '<item><title>كلمة السر للخادم الداخلي</title><link>{base}/item1</link>'
        '<description>سري للغاية</description></item></channel></rss>')
PAGE = ("<html><body><article><h1>كلمة السر للخادم الداخلي</h1>"
        + "<p>سري للغاية، لا يُنشر خارج الشبكة الداخلية للشركة مهما كان السبب.</p>" * 4
        + "</article></body></html>")
NOW = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)


def feed_response(base: str) -> Response:
    """FEED as a site serves it, its item linked under `base`."""
    return Response(body=FEED.format(base=base).encode(), content_type="application/rss+xml")


@contextmanager
def internal_site(items_host: str | None = None) -> Iterator[SampleSite]:
    """The internal service: FEED at /secret.xml, its item on `items_host` (with the site's
    port) and PAGE at /item1 when given, else linked at the site's own address."""
    with SampleSite(with_sample=False, host=INTERNAL) as site:
        base = f"http://{items_host}:{site.port}" if items_host else site.base_url
        site.add_route("/secret.xml", feed_response(base))
        if items_host:
            site.add_route("/item1", Response(body=PAGE.encode()))
        yield site


def names_answer_internal(monkeypatch: pytest.MonkeyPatch, names: Iterable[str]) -> None:
    """A stand-in resolver: `names` answer INTERNAL, any other host itself."""
    internal = frozenset(names)

    async def resolve(host: str, port: int) -> list[str]:
        return [INTERNAL] if host in internal else [host]

    monkeypatch.setattr(addresses, "resolve_addresses", resolve)


@pytest.fixture(autouse=True)
def fresh_trust_cache() -> Iterator[None]:
    """The 30 s cache of the database's trusted hosts, forgotten before and after each test of
    a module that imports this fixture (autouse there)."""
    private_hosts.forget_cache()
    yield
    private_hosts.forget_cache()


def flags(db: Database) -> dict[str, int | None]:
    """Each source's address → its stored private-host trust (1, 0; None: not decided)."""
    return {str(u): f for u, f in db.db.execute("select url, private_host from sources")}
