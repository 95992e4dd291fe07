"""The fetcher against a real loopback server (and a MockTransport for the public-IP cases)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from digests.errors import PermanentFetchError, TemporaryFetchError
from digests.fetcher import PAGE_MAX_BYTES, Fetcher
from digests.samplesite import Request, Response, SampleSite, gzip_bomb, redirect
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database


@pytest.fixture
def site(settings: Settings) -> Iterator[SampleSite]:
    with SampleSite() as running:
        # a source on the site: with ALLOW_PRIVATE_SOURCES only a source's host may be on a
        # loopback address, its pages too (QA38 A4, digests.private_hosts)
        with Database(settings.database_path) as db:
            add_source(db, running.url("/feed.xml"), settings=settings,
                       now=datetime(2026, 1, 1, tzinfo=UTC), require_dns=False)
        yield running


@pytest.fixture
def fast(settings: Settings) -> Settings:
    return settings.replace(fetch_timeout_seconds=2.0, max_body_bytes=200_000)


async def test_get_then_conditional_get_answers_304(site: SampleSite, settings: Settings) -> None:
    async with Fetcher(settings) as fetcher:
        first = await fetcher.fetch(site.feed_url("main"))
        assert first.status == 200 and b"<rss" in first.body
        assert first.etag and first.last_modified
        by_etag = await fetcher.fetch(site.feed_url("main"), etag=first.etag)
        by_date = await fetcher.fetch(site.feed_url("main"), last_modified=first.last_modified)
    assert by_etag.not_modified and by_etag.status == 304 and by_etag.body == b""
    assert by_date.not_modified
    sent = [r for r in site.requests if r.path == "/feeds/main.xml"]
    assert sent[1].headers["if-none-match"] == first.etag
    assert sent[2].headers["if-modified-since"] == first.last_modified


async def test_user_agent_names_the_bot(site: SampleSite, settings: Settings) -> None:
    async with Fetcher(settings) as fetcher:
        await fetcher.fetch(site.feed_url("main"))
    assert site.requests[-1].headers["user-agent"].startswith("NashraBot/")


async def test_redirects_are_followed_and_limited(site: SampleSite, settings: Settings) -> None:
    site.add_route("/old-feed", redirect("/feeds/main.xml", 301))
    site.add_route("/loop", redirect("/loop"))
    async with Fetcher(settings) as fetcher:
        result = await fetcher.fetch(site.url("/old-feed"))
        assert result.final_url == site.feed_url("main") and result.status == 200
        with pytest.raises(PermanentFetchError, match="too many redirects"):
            await fetcher.fetch(site.url("/loop"))
    assert site.hits("/loop") == settings.max_redirects + 1


async def test_gzip_bomb_stops_at_the_decompressed_cap(site: SampleSite, fast: Settings) -> None:
    bomb = gzip_bomb(64 * 1024 * 1024)
    assert len(bomb.body) < 200_000  # small on the wire, 64 MB inflated
    site.add_route("/bomb.xml", bomb)
    async with Fetcher(fast) as fetcher:
        with pytest.raises(PermanentFetchError, match="cap"):
            await fetcher.fetch(site.url("/bomb.xml"))


@pytest.mark.parametrize("chunked", [False, True])
async def test_oversized_body_is_refused(site: SampleSite, fast: Settings, chunked: bool) -> None:
    body = b"x" * 300_000
    if chunked:  # no usable Content-Length up front: the stream itself is cut at the cap
        site.add_route("/big", Response(body=body, headers={"Content-Encoding": "identity"}))
    else:
        site.add_route("/big", Response(body=body))
    async with Fetcher(fast) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch(site.url("/big"))
    assert "(١٩٥٫٣ كيلوبايت) / response body over the 195.3 KB cap" in str(info.value)


async def test_server_errors_are_temporary_and_client_errors_permanent(
        site: SampleSite, settings: Settings) -> None:
    site.add_route("/500", Response(status=500))
    site.add_route("/403", Response(status=403))
    async with Fetcher(settings) as fetcher:
        with pytest.raises(TemporaryFetchError) as temporary:
            await fetcher.fetch(site.url("/500"))
        with pytest.raises(PermanentFetchError) as permanent:
            await fetcher.fetch(site.url("/403"))
        with pytest.raises(PermanentFetchError):
            await fetcher.fetch(site.url("/missing"))
    assert temporary.value.status == 500
    assert permanent.value.status == 403


async def test_429_carries_retry_after(site: SampleSite, settings: Settings) -> None:
    site.add_route("/busy", Response(status=429, headers={"Retry-After": "120"}))
    # An HTTP-date Retry-After is measured against the response's own Date header.
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=120), usegmt=True)
    site.add_route("/busy-date", Response(status=503, headers={"Retry-After": later}))
    async with Fetcher(settings) as fetcher:
        with pytest.raises(TemporaryFetchError) as seconds:
            await fetcher.fetch(site.url("/busy"))
        with pytest.raises(TemporaryFetchError) as http_date:
            await fetcher.fetch(site.url("/busy-date"))
    assert (seconds.value.status, seconds.value.retry_after) == (429, 120.0)
    assert http_date.value.retry_after is not None
    assert 100.0 <= http_date.value.retry_after <= 121.0


async def test_timeout_is_temporary(site: SampleSite, fast: Settings) -> None:
    site.add_route("/slow", Response(body=b"late", delay=8.0))
    async with Fetcher(fast) as fetcher:
        with pytest.raises(TemporaryFetchError, match="timed out"):
            await fetcher.fetch(site.url("/slow"))


async def test_connection_refused_is_temporary(settings: Settings) -> None:
    with SampleSite(with_sample=False) as gone:
        url = gone.url("/feed")
    async with Fetcher(settings) as fetcher:
        with pytest.raises(TemporaryFetchError):
            await fetcher.fetch(url)


async def test_private_address_refused_unless_allowed(site: SampleSite, settings: Settings
                                                      ) -> None:
    strict = settings.replace(allow_private_sources=False)
    async with Fetcher(strict) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch(site.feed_url("main"))
    assert "ALLOW_PRIVATE_SOURCES" in str(info.value) and "خاص" in str(info.value)
    assert site.hits() == 0  # refused before connecting
    async with Fetcher(settings) as fetcher:
        assert (await fetcher.fetch(site.feed_url("main"))).status == 200


async def test_each_redirect_hop_is_checked_against_the_private_rule(settings: Settings) -> None:
    strict = settings.replace(allow_private_sources=False)
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://127.0.0.1:9/internal"})

    async with Fetcher(strict, transport=httpx.MockTransport(handler)) as fetcher:
        with pytest.raises(PermanentFetchError, match="127.0.0.1"):
            await fetcher.fetch("http://93.184.216.34/feed")  # a public IP literal: no DNS
    assert seen == ["http://93.184.216.34/feed"]


async def test_per_host_concurrency_is_bounded(site: SampleSite, settings: Settings) -> None:
    lock = threading.Lock()
    state = {"now": 0, "peak": 0}

    def slow(request: Request) -> Response:
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
        time.sleep(0.05)
        with lock:
            state["now"] -= 1
        return Response(body=b"ok", conditional=False)

    site.add_route("/p", slow)
    async with Fetcher(settings) as fetcher:
        await asyncio.gather(*(fetcher.fetch(site.url("/p")) for _ in range(8)))
    assert state["peak"] == settings.per_host_concurrency == 2


async def test_cache_control_max_age_is_reported(site: SampleSite, settings: Settings) -> None:
    site.add_route("/cached", Response(body=b"<rss/>",
                                       headers={"Cache-Control": "public, max-age=1800"}))
    async with Fetcher(settings) as fetcher:
        assert (await fetcher.fetch(site.url("/cached"))).max_age == 1800.0


async def test_fetch_outside_context_is_a_programming_error(settings: Settings) -> None:
    with pytest.raises(RuntimeError):
        await Fetcher(settings).fetch("http://127.0.0.1:9/")


async def test_errors_carry_the_reason_an_admin_is_told(site: SampleSite, settings: Settings
                                                         ) -> None:
    """Each failure names its kind and host (never the path or query) for the bot to word."""
    site.add_route("/busy.xml", Response(status=503, body=b"busy"))
    site.add_route("/big.xml", Response(body=b"x" * 5000))
    host = f"127.0.0.1:{site.port}"
    small = Settings(database_path=settings.database_path, allow_private_sources=True,
                     fetch_timeout_seconds=5.0, max_body_bytes=1000)
    cases = [(site.url("/missing.xml?token=secret"), settings, ("http_status", host, "404")),
             (site.url("/busy.xml"), settings, ("server_error", host, "503")),
             (site.url("/big.xml"), small, ("too_big", host, "1000")),
             ("http://127.0.0.1:9/feed.xml", settings, ("refused", "127.0.0.1:9", "")),
             ("http://nonexistent.invalid/feed", settings, ("unknown_host", "nonexistent.invalid",
                                                            ""))]
    for url, used, expected in cases:
        async with Fetcher(used) as fetcher:
            with pytest.raises((PermanentFetchError, TemporaryFetchError)) as info:
                await fetcher.fetch(url)
        why = info.value.why
        assert why is not None and (why.kind, why.host, why.detail) == expected, url


async def test_a_private_address_is_refused_with_its_reason(site: SampleSite) -> None:
    strict = Settings(allow_private_sources=False, fetch_timeout_seconds=5.0)
    async with Fetcher(strict) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch(site.url("/feeds/main.xml"))
    assert info.value.why is not None and info.value.why.kind == "private_address"


# --- QA14: malformed hosts (F1), the cached refusal's URL (F12), non-pages and the page cap (F5,
# F13)

MALFORMED = ["http://xn--zz/y", "http://xn--/x", "http://[::1/", f"http://{'a' * 64}.com/feed",
             "http://example.com:99999/x"]


@pytest.mark.parametrize("private", [True, False])
@pytest.mark.parametrize("url", MALFORMED)
async def test_a_malformed_host_is_a_permanent_invalid_url(settings: Settings, url: str,
                                                           private: bool) -> None:
    """QA14 F1: httpx.InvalidURL, idna's IDNAError, the idna codec's UnicodeError and
    urlsplit's ValueError all leave the fetcher as one PermanentFetchError."""
    async with Fetcher(settings.replace(allow_private_sources=private)) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch(url)
    assert "invalid URL" in str(info.value) and "رابط غير صالح" in str(info.value)
    assert info.value.why is not None and info.value.why.kind == "invalid_url"


@pytest.mark.parametrize("target", ["http://xn--/feed", "http://xn--zz/y",
                                    f"http://{'b' * 64}.net/"])
async def test_a_redirect_to_a_malformed_host_is_a_permanent_invalid_url(
        site: SampleSite, settings: Settings, target: str) -> None:
    site.add_route("/redir-idna", redirect(target, 302))
    async with Fetcher(settings) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch(site.url("/redir-idna"), page=True)
    # httpx reads the Location of any 3xx as it answers (Response.next_request), so a target
    # it cannot parse fails that hop: the error names the page, its cause the bad host.
    assert info.value.url in (target, site.url("/redir-idna"))
    assert info.value.why is not None and info.value.why.kind == "invalid_url"
    assert "label" in str(info.value)


async def test_a_cached_refusal_names_the_url_at_hand(site: SampleSite, settings: Settings
                                                      ) -> None:
    """QA14 F12: the verdict is cached per origin, the message is the URL being fetched."""
    strict = settings.replace(allow_private_sources=False)
    first, second = site.url("/feed-internal.xml"), site.url("/secret?x=1")
    async with Fetcher(strict) as fetcher:
        for url in (first, second, second):
            with pytest.raises(PermanentFetchError) as info:
                await fetcher.fetch(url)
            message = str(info.value)
            assert url in message and "ALLOW_PRIVATE_SOURCES" in message
            assert (first in message) == (url == first), message
            assert info.value.why is not None and info.value.why.kind == "private_address"
    assert site.hits() == 0


async def test_a_refusal_at_connect_time_is_cached_with_the_url_at_hand(settings: Settings
                                                                        ) -> None:
    """The connect-time refusal (AddressRefused: a host that rebinds) is remembered the same
    way: a later URL on that origin is named, not the first one."""
    strict = settings.replace(allow_private_sources=False)
    async with Fetcher(strict) as fetcher:
        fetcher._remember_refusal("http://93.184.216.34/first", "10.0.0.7")
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch("http://93.184.216.34/second")
    assert "/second" in str(info.value) and "/first" not in str(info.value)
    assert "10.0.0.7" in str(info.value)


@pytest.mark.parametrize("content_type, word", [
    ("image/png", "an image"), ("application/pdf", "a PDF file"),
    ("audio/mpeg", "an audio file"), ("video/mp4; codecs=avc1", "a video")])
async def test_a_page_that_is_an_image_pdf_audio_or_video_is_refused(
        site: SampleSite, settings: Settings, content_type: str, word: str) -> None:
    """QA14 F13: refused as a page from its headers; the same URL fetched as a feed is read."""
    site.add_route("/media", Response(body=b"\x89PNG" + b"\0" * 5000, content_type=content_type))
    async with Fetcher(settings) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch(site.url("/media"), page=True)
        assert (await fetcher.fetch(site.url("/media"))).body.startswith(b"\x89PNG")
    assert word in str(info.value) and "وليس صفحة خبر" in str(info.value)
    assert info.value.status is None  # not a 404/410: the page is not taken for gone


class _CountingStream(httpx.AsyncByteStream):
    """A 10 MB body (starting with `head`) that counts how much of it was read."""

    def __init__(self, head: bytes = b"") -> None:
        self.read = 0
        self.head = head

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for n in range(160):
            self.read += 65536
            yield (self.head if n == 0 else b"").ljust(65536, b"\0")


async def test_a_non_page_body_is_not_downloaded(settings: Settings) -> None:
    stream = _CountingStream()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "application/pdf"}, stream=stream)

    async with Fetcher(settings, transport=httpx.MockTransport(handler)) as fetcher:
        with pytest.raises(PermanentFetchError, match="PDF"):
            await fetcher.fetch("http://93.184.216.34/report.pdf", page=True)
    assert stream.read == 0


async def test_pages_have_a_lower_body_cap_than_feeds(site: SampleSite, settings: Settings
                                                      ) -> None:
    """QA14 F5: PAGE_MAX_BYTES for pages, MAX_BODY_BYTES for feeds."""
    size = PAGE_MAX_BYTES + 1024
    assert settings.max_body_bytes > size
    for chunked in (False, True):
        headers = {"Content-Encoding": "identity"} if chunked else {}
        site.add_route("/long.html", Response(body=b"<p>" + b"x" * size, headers=headers))
        async with Fetcher(settings) as fetcher:
            with pytest.raises(PermanentFetchError) as info:
                await fetcher.fetch(site.url("/long.html"), page=True)
            assert len((await fetcher.fetch(site.url("/long.html"))).body) == size + 3
        assert info.value.why is not None and info.value.why.kind == "too_big"
        assert info.value.why.detail == str(PAGE_MAX_BYTES)
        # QA15 N12: «(4194304 بايت)» was the cap in raw bytes
        assert "يتجاوز الحد (٤ ميغابايت) / response body over the 4 MB cap" in str(info.value)
    small = settings.replace(max_body_bytes=1000)  # a lower MAX_BODY_BYTES still rules pages
    site.add_route("/mid.html", Response(body=b"<p>" + b"x" * 2000))
    async with Fetcher(small) as fetcher:
        with pytest.raises(PermanentFetchError, match="cap"):
            await fetcher.fetch(site.url("/mid.html"), page=True)


async def test_a_file_labelled_text_html_is_refused_by_its_first_bytes(
        site: SampleSite, settings: Settings) -> None:
    """QA14 F13: «binary labelled text/html» — a PNG served as a page."""
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 300_000
    site.add_route("/imghtml.html", Response(body=png))  # text/html; charset=utf-8
    async with Fetcher(settings) as fetcher:
        with pytest.raises(PermanentFetchError, match="an image") as info:
            await fetcher.fetch(site.url("/imghtml.html"), page=True)
        assert (await fetcher.fetch(site.url("/imghtml.html"))).body == png  # as a feed: read
    assert "image/png" in str(info.value)


async def test_a_labelled_page_body_stops_at_its_first_chunk(settings: Settings) -> None:
    stream = _CountingStream(b"%PDF-1.7\n")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "text/html"}, stream=stream)

    async with Fetcher(settings, transport=httpx.MockTransport(handler)) as fetcher:
        with pytest.raises(PermanentFetchError, match="PDF"):
            await fetcher.fetch("http://93.184.216.34/report.html", page=True)
    assert stream.read == 65536  # one chunk of 160


async def test_a_malformed_host_is_named_as_such(settings: Settings) -> None:
    async with Fetcher(settings) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch("http://xn--/x")
    assert "malformed host name" in str(info.value) and "مكتوب خطأ" in str(info.value)


# --- QA15 N12: the words of a redirect to a malformed host, the cap, credentials in messages


@pytest.mark.parametrize("target", ["http://xn--zz/y", "http://xn--/feed"])
async def test_a_redirect_to_a_malformed_host_says_so_in_plain_words(
        site: SampleSite, settings: Settings, target: str) -> None:
    """It read «رابط غير صالح / invalid URL: …/redir-idna: IDNAError: Malformed A-label …»."""
    site.add_route("/redir-idna", redirect(target, 302))
    async with Fetcher(settings) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch(site.url("/redir-idna"), page=True)
    text = str(info.value)
    assert text.startswith(f"رابط غير صالح / invalid URL: {site.url('/redir-idna')}: "), text
    assert "يحوّل إلى اسم مضيف مكتوب خطأ / redirects to a malformed host name (" in text, text
    assert "Error:" not in text, text  # no exception class name


@pytest.mark.parametrize("private", [True, False])
async def test_an_error_never_repeats_the_user_part_of_a_url(
        site: SampleSite, settings: Settings, private: bool) -> None:
    """A stored page_error repeated `user:pass@` of the link: a 404 (allowed address) and the
    private-address refusal (not allowed) both name the URL without it."""
    url = site.url("/nothing-here").replace("http://", "http://reader:s3cret@")
    async with Fetcher(settings.replace(allow_private_sources=private)) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch(url, page=True)
    text = str(info.value)
    assert "s3cret" not in text and "reader" not in text, text
    assert site.url("/nothing-here") in text, text
    assert info.value.why is not None and "s3cret" not in info.value.why.detail
    # the reason of an invalid link carries the link itself: the bot words it for an admin
    async with Fetcher(settings) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch("http://reader:s3cret@xn--zz/y")
    assert info.value.why is not None and info.value.why.detail == "http://xn--zz/y"
    assert "s3cret" not in str(info.value)


@pytest.mark.parametrize("url", MALFORMED)
async def test_a_malformed_link_is_named_in_plain_words(settings: Settings, url: str) -> None:
    """«…:99999/x: ValueError: Port out of range» read as the raw exception too."""
    async with Fetcher(settings) as fetcher:
        with pytest.raises(PermanentFetchError) as info:
            await fetcher.fetch(url)
    text = str(info.value)
    assert "اسم المضيف مكتوب خطأ / malformed host name (" in text, text
    for raw in (": ValueError:", ": IDNAError:", ": InvalidURL:", ": UnicodeError:"):
        assert raw not in text, text
