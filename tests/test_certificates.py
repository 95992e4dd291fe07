"""An invalid TLS certificate is a distinct, permanent fetch failure with a long backoff.

Real HTTPS servers on 127.0.0.1 (tests/tlskit.py: certificates made by the openssl command)
stand behind host names a resolver we control points at loopback; the fetcher is the real one
(GuardedTransport, certifi's CAs unless a test trusts its own certificate). A source whose
certificate is invalid fails with a clear Arabic/English reason naming the host, waits
CERTIFICATE_RETRY_SECONDS, does not stop the other sources of its poll, and ingests again once
its certificate is valid.
"""

from __future__ import annotations

import re
import socket
import ssl
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from archivekit import get_article_by_url
from botkit import ADMIN, running_bot
from tlskit import Routes, certificate, needs_openssl, tls_site

from cli.ingest import format_report, format_source
from digests import addresses
from digests.addresses import GuardedTransport
from digests.errors import CertificateError, PermanentFetchError, TemporaryFetchError
from digests.fetch_failures import CERTIFICATE_RETRY_SECONDS, certificate_error
from digests.fetcher import Fetcher
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite, render_feed, render_page
from digests.settings import Settings
from digests.sources import add_source, get_source, list_sources
from digests.storage import Database

NOW = datetime.now(UTC).replace(microsecond=0)
AR_PREFIX = "شهادة الأمان (TLS) للموقع غير صالحة: "
EN_PREFIX = "the site's TLS certificate is invalid: "
RETRY = timedelta(seconds=CERTIFICATE_RETRY_SECONDS)


@pytest.fixture(autouse=True)
def example_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    """*.example resolves to 127.0.0.1 (where the TLS servers listen); other names as usual."""
    real = addresses.resolve_addresses

    async def resolve(host: str, port: int) -> list[str]:
        return ["127.0.0.1"] if host.endswith(".example") else await real(host, port)

    monkeypatch.setattr(addresses, "resolve_addresses", resolve)


def bare(text: str) -> str:
    """`text` without the direction marks and isolates the bot adds around mixed lines."""
    return re.sub("[\u200e\u200f\u2066-\u2069]", "", text)


def trusting(settings: Settings, cert: Path) -> GuardedTransport:
    """The fetcher's transport, trusting `cert` as if a known authority had issued it."""
    return GuardedTransport(settings, httpx.Limits(),
                            ssl_context=ssl.create_default_context(cafile=str(cert)))


def closed_port() -> int:
    """A loopback port nothing listens on (connections are refused: a temporary failure)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve_news(routes: Routes, base: str) -> str:
    """Put a one-article RSS feed and its page on the TLS site at `base`; returns the page URL."""
    article = {"slug": "ghouta-truce", "title": "مجلس الأمن يبحث هدنة في الغوطة الشرقية",
               "paragraphs": [("بحث مجلس الأمن الدولي مساء الخميس مشروع قرار يدعو إلى هدنة "
                               "إنسانية لمدة ثلاثين يومًا في الغوطة الشرقية."),
                              "وقال دبلوماسيون إن التصويت قد يجري خلال الأيام المقبلة."],
               "published": (NOW - timedelta(hours=1)).isoformat(),
               "summary": "مجلس الأمن يبحث هدنة إنسانية في الغوطة", "author": "مراسلنا"}
    feed = {"slug": "main", "format": "rss", "title": "أخبار الشبكة", "path": "/feed.xml"}
    routes["/feed.xml"] = (render_feed(feed, [article], base),
                           "application/rss+xml; charset=utf-8")
    routes["/news/ghouta-truce.html"] = (render_page(article, base).encode("utf-8"),
                                         "text/html; charset=utf-8")
    return f"{base}/news/ghouta-truce.html"


# --- the fetcher ------------------------------------------------------------------------------

@needs_openssl
@pytest.mark.parametrize(("case", "reason_ar", "reason_en", "openssl"), [
    ("self-signed", "موقّعة ذاتيًا", "self-signed", "self-signed certificate"),
    ("expired", "منتهية الصلاحية", "expired", "certificate has expired"),
    ("other name", "صادرة لاسم آخر", "issued for another name", "Hostname mismatch"),
])
async def test_an_invalid_certificate_is_a_permanent_certificate_error(
        settings: Settings, tmp_path: Path, case: str, reason_ar: str, reason_en: str,
        openssl: str) -> None:
    cert, key = certificate(tmp_path, "news.example", expired=case == "expired")
    # self-signed: the fetcher's own CAs; the others trust the certificate as an authority.
    transport = None if case == "self-signed" else trusting(settings, cert)
    host = "other.example" if case == "other name" else "news.example"
    with tls_site(cert, key) as (port, seen):
        async with Fetcher(settings, transport=transport) as fetcher:
            with pytest.raises(CertificateError) as info:
                await fetcher.fetch(f"https://{host}:{port}/feed.xml")
    error = info.value
    assert isinstance(error, PermanentFetchError)
    assert error.host == f"{host}:{port}"
    assert openssl in error.reason
    assert error.retry_after == CERTIFICATE_RETRY_SECONDS
    assert str(error).startswith(f"{AR_PREFIX}{host}:{port} — {reason_ar} / "
                                 f"{EN_PREFIX}{host}:{port} — {reason_en}.")
    assert seen == []  # no request went over the refused connection


@needs_openssl
async def test_the_message_names_the_host_and_no_secret_of_the_url(
        settings: Settings, tmp_path: Path) -> None:
    cert, key = certificate(tmp_path, "news.example")
    with tls_site(cert, key) as (port, _):
        async with Fetcher(settings) as fetcher:
            with pytest.raises(CertificateError) as info:
                await fetcher.fetch(f"https://reader:hunter2@news.example:{port}/feed.xml"
                                    "?token=s3cr3t-feed-key")
    message = str(info.value)
    assert f"news.example:{port}" in message
    for secret in ("hunter2", "s3cr3t", "reader", "token", "/feed.xml"):
        assert secret not in message


@needs_openssl
async def test_a_certificate_that_becomes_valid_is_fetched(settings: Settings,
                                                           tmp_path: Path) -> None:
    cert, key = certificate(tmp_path, "news.example")
    with tls_site(cert, key) as (port, seen):
        url = f"https://news.example:{port}/feed.xml"
        async with Fetcher(settings) as fetcher:
            with pytest.raises(CertificateError):
                await fetcher.fetch(url)
        async with Fetcher(settings, transport=trusting(settings, cert)) as fetcher:
            result = await fetcher.fetch(url)
    assert (result.status, result.body) == (200, b"ok")
    assert len(seen) == 1


async def test_a_bare_certificate_error_from_the_transport_is_classified_too(
        settings: Settings) -> None:
    """A transport that lets ssl's own error through (not wrapped by httpx) is caught as well."""
    def refuse(request: httpx.Request) -> httpx.Response:
        failure = ssl.SSLCertVerificationError(1, "certificate verify failed")
        failure.verify_code = 23
        failure.verify_message = "certificate revoked"
        raise failure

    async with Fetcher(settings, transport=httpx.MockTransport(refuse)) as fetcher:
        with pytest.raises(CertificateError) as info:
            await fetcher.fetch("https://news.example/feed.xml")
    assert str(info.value).startswith(f"{AR_PREFIX}news.example — ملغاة / "
                                      f"{EN_PREFIX}news.example — revoked.")


async def test_other_connection_failures_stay_temporary(settings: Settings) -> None:
    async with Fetcher(settings) as fetcher:
        with pytest.raises(TemporaryFetchError) as info:
            await fetcher.fetch(f"http://127.0.0.1:{closed_port()}/feed.xml")
    assert not isinstance(info.value, PermanentFetchError)
    assert info.value.retry_after is None
    assert "connection failed" in str(info.value)


def test_an_unknown_verify_code_still_reads_as_a_certificate_failure() -> None:
    failure = ssl.SSLCertVerificationError(1, "certificate verify failed")
    failure.verify_code = 4242
    failure.verify_message = "something new in OpenSSL"
    error = certificate_error("https://news.example:8443/x?k=v", failure)
    assert str(error).startswith(f"{AR_PREFIX}news.example:8443 — تعذر التحقق منها / "
                                 f"{EN_PREFIX}news.example:8443 — failed verification.")
    assert "(OpenSSL: something new in OpenSSL)" in str(error)
    assert "k=v" not in str(error)


# --- a poll ------------------------------------------------------------------------------------

@needs_openssl
async def test_a_poll_records_the_certificate_failure_and_the_others_still_ingest(
        settings: Settings, database: Database, tmp_path: Path) -> None:
    cert, key = certificate(tmp_path, "news.example")
    routes: Routes = {}
    with tls_site(cert, key, routes) as (port, seen), SampleSite() as site:
        page_url = serve_news(routes, f"https://news.example:{port}")
        # private_host: its check found it private (REV2 #8: an unchecked public-looking name
        # is not trusted; the stand-in resolver answers 127.0.0.1)
        bad = add_source(database, f"https://news.example:{port}/feed.xml", settings=settings,
                         now=NOW, name="شبكة الأخبار", private_host=True)
        good = add_source(database, site.feed_url("main"), settings=settings, now=NOW)
        down = add_source(database, f"http://127.0.0.1:{closed_port()}/feed.xml",
                          settings=settings, now=NOW)

        async with Fetcher(settings) as fetcher:
            first = await poll_once(database, settings, now=NOW, fetcher=fetcher)
        reports = {r.source_id: r for r in first.reports}
        failed = reports[bad.id]
        assert failed.status == "failed" and failed.error is not None
        assert failed.error.startswith(f"{AR_PREFIX}news.example:{port} — موقّعة ذاتيًا / "
                                       f"{EN_PREFIX}news.example:{port} — self-signed.")
        assert failed.next_poll_at == NOW + RETRY
        assert seen == []
        # The other sources of the same poll: one ingests, one fails as a temporary error.
        assert reports[good.id].status == "new" and reports[good.id].new > 0
        assert reports[down.id].status == "failed"
        assert "connection failed" in (reports[down.id].error or "")
        assert reports[down.id].next_poll_at == NOW + timedelta(
            minutes=settings.poll_interval_minutes)
        assert first.failed == 2 and first.new == reports[good.id].new

        # What the operator reads: the source's state, `sources list`, the `ingest` line.
        stored = get_source(database, bad.id)
        assert stored is not None
        assert stored.consecutive_failures == 1 and stored.last_success_at is None
        assert stored.last_error == failed.error and stored.next_poll_at == NOW + RETRY
        listing = format_source(stored)
        assert "آخر خطأ / last error" in listing and failed.error in listing
        line = format_report(failed)
        assert line.startswith(f"✗ [{bad.id}] شبكة الأخبار: فشل / failed — {AR_PREFIX}")
        assert (NOW + RETRY).strftime("%Y-%m-%d %H:%M UTC") in line

        # An hour later the source is not due: nothing is tried against the bad certificate.
        async with Fetcher(settings) as fetcher:
            later = await poll_once(database, settings, now=NOW + timedelta(hours=1),
                                    fetcher=fetcher)
        assert bad.id not in {r.source_id for r in later.reports}
        assert down.id in {r.source_id for r in later.reports}

        # The site fixes its certificate: the next poll ingests it as any healthy source.
        async with Fetcher(settings, transport=trusting(settings, cert)) as fetcher:
            fixed = await poll_once(database, settings, now=NOW + RETRY, fetcher=fetcher)
    recovered = {r.source_id: r for r in fixed.reports}[bad.id]
    assert (recovered.status, recovered.new, recovered.error) == ("new", 1, None)
    healthy = get_source(database, bad.id)
    assert healthy is not None
    assert healthy.consecutive_failures == 0 and healthy.last_success_at == NOW + RETRY
    article = get_article_by_url(database, page_url)
    assert article is not None and article.page_ok
    assert "هدنة إنسانية لمدة ثلاثين يومًا" in article.text
    assert seen == [("news.example", f"news.example:{port}")] * 2  # the feed, then the page


@needs_openssl
async def test_sources_in_the_bot_show_the_certificate_failure(
        settings: Settings, tmp_path: Path) -> None:
    cert, key = certificate(tmp_path, "news.example")
    with tls_site(cert, key) as (port, _), Database(settings.database_path) as db:
        add_source(db, f"https://news.example:{port}/feed.xml", settings=settings, now=NOW,
                   name="شبكة الأخبار", private_host=True)  # checked, found private (REV2 #8)
        async with Fetcher(settings) as fetcher:
            await poll_once(db, settings, now=NOW, fetcher=fetcher)
    async with running_bot(settings.database_path) as h:
        [listing] = await h.say(ADMIN, "/sources")
    assert "شبكة الأخبار" in listing.plain_text
    # one language, the reason and what to do; OpenSSL's words stay in the log and the CLI
    assert (f"شهادة الأمان لموقع news.example:{port} غير صالحة: موقّعة ذاتيًا. على الموقع "
            "إصلاحها") in bare(listing.plain_text)
    assert "self-signed" not in listing.plain_text and "OpenSSL" not in listing.plain_text
    async with running_bot(settings.database_path, admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
        [listing] = await h.say(ADMIN + 1, "/sources", language_code="en")
    assert (f"The security certificate of news.example:{port} is invalid: self-signed. The site"
            " must fix it") in bare(listing.plain_text)
    assert "شهادة" not in listing.plain_text


@needs_openssl
async def test_a_page_behind_an_invalid_certificate_waits_as_long_before_its_retry(
        settings: Settings, database: Database, tmp_path: Path) -> None:
    """The feed is fine, the article's page is on a host whose certificate is not: the article
    is stored from the feed, and its page is tried again only after CERTIFICATE_RETRY_SECONDS."""
    cert, key = certificate(tmp_path, "pages.example")
    routes: Routes = {}
    with tls_site(cert, key, routes) as (port, seen), SampleSite() as site:
        page_url = serve_news(routes, f"https://pages.example:{port}")
        feed, _ = routes["/feed.xml"]
        site.add_route("/feed.xml", Response(body=feed,
                                             content_type="application/rss+xml; charset=utf-8"))
        add_source(database, site.url("/feed.xml"), settings=settings, now=NOW)
        async with Fetcher(settings) as own:
            # pages.example stands on a loopback address: with ALLOW_PRIVATE_SOURCES only the
            # operator's hosts may (QA38 A4), as this test's «public» page host is taken to be
            own.private.trust(page_url)
            first = await poll_once(database, settings, now=NOW, fetcher=own)
        assert (first.new, first.reports[0].pages_failed, first.failed) == (1, 1, 0)
        row = database.db.execute("select page_status, page_error, page_retry_at from articles"
                                  " where url = ?", [page_url]).fetchone()
        assert row[0] == "feed_only"
        assert row[1].startswith(f"{AR_PREFIX}pages.example:{port} — موقّعة ذاتيًا")
        assert row[2] == (NOW + RETRY).isoformat()
        early = await poll_once(database, settings, now=NOW + timedelta(hours=1), only_due=False)
        assert early.pages_retried == 0
        async with Fetcher(settings, transport=trusting(settings, cert)) as fetcher:
            fetcher.private.trust(page_url)
            fixed = await poll_once(database, settings, now=NOW + RETRY, only_due=False,
                                    fetcher=fetcher)
    assert (fixed.pages_retried, fixed.pages_recovered) == (1, 1)
    assert seen == [("pages.example", f"pages.example:{port}")]  # only the recovered fetch
    article = get_article_by_url(database, page_url)
    assert article is not None and article.page_ok


@needs_openssl
async def test_addsource_refuses_a_feed_behind_an_invalid_certificate(
        settings: Settings, tmp_path: Path) -> None:
    """/addsource fetches the link first: a self-signed site is refused with the reason, and
    nothing is added (QA4 A5)."""
    cert, key = certificate(tmp_path, "news.example")
    with tls_site(cert, key) as (port, _), Database(settings.database_path):
        async with running_bot(settings.database_path) as h:
            [m] = await h.say(ADMIN, f"/addsource https://news.example:{port}/feed.xml")
            assert "تعذرت إضافة المصدر" in m.plain_text
            assert (f"شهادة الأمان لموقع news.example:{port} غير صالحة: موقّعة ذاتيًا"
                    in bare(m.plain_text))
            assert list_sources(h.db) == []
