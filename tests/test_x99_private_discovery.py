"""QA65-4 (S1): with ALLOW_PRIVATE_SOURCES=true, a web page given to /addsource that declared a
feed on ANOTHER private host (an «internal» service on 127.0.0.2) made the bot fetch and add that
feed, and its text was then searchable by every reader; once added, redirects to that host opened
too. The key allows only the operator's own hosts (README «Configuration»): a feed a page declares
is the page's word, refused as a redirect there is, with words naming the host.

QA65-2/-5 (S2): a link-local or cloud metadata address (169.254.169.254) was refused with «set
ALLOW_PRIVATE_SOURCES=true», already set, and which never allows it; now it has words of its own,
in /addsource (ar, en, key on and off) and in the CLI's message.

Real parts: a site on 127.0.0.1 and an «internal» one on 127.0.0.2 (digests.samplesite), the real
fetcher and check, the real bot against the emulator (tests/botkit.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db

from bot.reasons import reason_text
from digests.addresses import private_address_message
from digests.errors import NashraError
from digests.samplesite import Response, SampleSite, redirect
from digests.settings import Settings
from digests.source_check import check_source
from digests.sources import validate_url

SECRET_FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>لوحة داخلية</title>'
               '<item><title>كلمة السر للخادم الداخلي</title><link>{base}/item1</link>'
               '<description>سري للغاية</description></item></channel></rss>')


def _page(feed: str) -> bytes:
    return (f'<html><head><link rel="alternate" type="application/rss+xml" href="{feed}">'
            '</head><body>x</body></html>').encode()


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


@pytest.fixture
def internal() -> Iterator[SampleSite]:
    with SampleSite(with_sample=False, host="127.0.0.2") as site:
        site.add_route("/secret.xml", Response(body=SECRET_FEED.format(base=site.base_url)
                                               .encode(), content_type="application/rss+xml"))
        yield site


async def test_a_page_cannot_lead_to_a_feed_on_another_private_host(
        settings: Settings, internal: SampleSite) -> None:
    assert settings.allow_private_sources
    with SampleSite(with_sample=False) as site:
        site.add_route("/page1", Response(body=_page(internal.url("/secret.xml"))))
        with pytest.raises(NashraError) as caught:
            await check_source(site.url("/page1"), settings)
    assert internal.hits() == 0  # the internal service was never asked
    why = caught.value.why
    assert why is not None and why.kind == "private_address"
    host = f"127.0.0.2:{internal.port}"
    ar, en = reason_text(why, "ar", adding=True), reason_text(why, "en", adding=True)
    assert f"The page points to a feed on {host}" in en and "ALLOW_PRIVATE_SOURCES is on" in en
    assert f"add its link on {host} itself" in en and "set ALLOW_PRIVATE_SOURCES" not in en
    assert f"تشير إلى خلاصة على {host}" in ar and "مفعّل" in ar and "اضبط" not in ar
    # with the key off: the same page, refused with the key named as what allows it
    with SampleSite(with_sample=False) as site:
        site.add_route("/page1", Response(body=_page(internal.url("/secret.xml"))))
        with pytest.raises(NashraError) as off:
            await check_source(site.url("/page1"),
                               replace(settings, allow_private_sources=False))
    assert off.value.why is not None
    assert "ALLOW_PRIVATE_SOURCES=true" in reason_text(off.value.why, "en", adding=True)


async def test_a_page_s_feed_on_its_own_host_is_still_found(settings: Settings) -> None:
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", Response(body=SECRET_FEED.format(base=site.base_url)
                                             .encode(), content_type="application/rss+xml"))
        site.add_route("/page1", Response(body=_page(site.url("/feed.xml"))))
        checked = await check_source(site.url("/page1"), settings)
    assert checked.url == site.url("/feed.xml") and checked.page_url == site.url("/page1")


async def test_addsource_refuses_the_page_and_the_redirect_after_it(
        tmp_path: Path, internal: SampleSite) -> None:
    """The bot's answer names the host; nothing is added, so a redirect there stays refused
    (it was accepted after the page had added the internal feed)."""
    with SampleSite(with_sample=False) as site:
        site.add_route("/page1", Response(body=_page(internal.url("/secret.xml"))))
        site.add_route("/page4", redirect(internal.url("/secret.xml")))
        async with running_bot(sample_db(tmp_path)) as h:
            before = h.db.db.execute("select count(*) from sources").fetchone()[0]
            await h.say(ADMIN, f"/addsource {site.url('/page1')}")
            await h.settle()
            await h.say(ADMIN, f"/addsource {site.url('/page4')}")
            await h.settle()
            texts = [_plain(m.plain_text) for m in h.emu.messages(ADMIN)]
            after = h.db.db.execute("select count(*) from sources").fetchone()[0]
            hosts = [r[0] for r in h.db.db.execute("select url from sources")]
    assert after == before, texts[-4:]
    assert not any("127.0.0.2" in url for url in hosts)
    assert internal.hits() == 0
    said = "\n".join(texts)
    assert f"الصفحة تشير إلى خلاصة على 127.0.0.2:{internal.port}" in said, said[-800:]
    assert f"الرابط يحوّل إلى 127.0.0.2:{internal.port}" in said, said[-800:]
    assert "أُضيف المصدر" not in said and "فأضفت الخلاصة" not in said


async def test_a_metadata_address_is_refused_with_its_own_words(tmp_path: Path) -> None:
    """The bot (key on, as the sandbox runs it): no request leaves it, and the answer does not
    send the admin to a key that is set and would not help."""
    async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
        await h.say(ADMIN, "/addsource http://u:PASSW0RD@169.254.169.254/latest/")
        await h.settle()
        await h.say(ADMIN + 1, "/addsource http://169.254.169.254/latest/meta-data/",
                    language_code="en")
        await h.settle()
        ar = "\n".join(_plain(m.plain_text) for m in h.emu.messages(ADMIN))
        en = "\n".join(_plain(m.plain_text) for m in h.emu.messages(ADMIN + 1))
    assert "عنوان محلي الوصلة أو عنوان بيانات وصفية سحابية" in ar, ar[-500:]
    assert "ولا مع ALLOW_PRIVATE_SOURCES" in ar and "اضبط ALLOW_PRIVATE_SOURCES" not in ar
    assert "PASSW0RD" not in ar
    assert "is a link-local or cloud metadata address" in en, en[-500:]
    assert "set ALLOW_PRIVATE_SOURCES" not in en and "not even with" in en


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/",
                                 "http://[fe80::1]/feed", "http://100.100.100.200/latest/"])
async def test_key_off_the_same_words(settings: Settings, url: str) -> None:
    """With the key off (validate_url's refusal, then the fetcher's own)."""
    off = replace(settings, allow_private_sources=False)
    with pytest.raises(NashraError) as caught:
        validate_url(url, off)
    with pytest.raises(NashraError) as fetched:
        await check_source(url, off)
    for exc in (caught.value, fetched.value):
        assert exc.why is not None and exc.why.detail == "never", exc.why
        en = reason_text(exc.why, "en", adding=True)
        assert "link-local or cloud metadata" in en and "set ALLOW" not in en
        assert "never fetched" in str(exc) and "اضبط" not in str(exc)


@pytest.mark.parametrize("key_set", [True, False])
def test_the_cli_message_for_a_metadata_address(key_set: bool) -> None:
    """`run.py digest URL` prints the fetcher's message (QA65-5)."""
    url = "http://169.254.169.254/latest/meta-data/"
    text = private_address_message(url, "169.254.169.254", key_set=key_set)
    assert "never fetched" in text and "لا يُجلب أبدًا" in text
    assert "ALLOW_PRIVATE_SOURCES=true" not in text and "اضبط" not in text
    assert "set ALLOW_PRIVATE_SOURCES=true" in private_address_message(url, "10.0.0.1")
