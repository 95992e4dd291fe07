"""/addsource's check: the network has FETCH_TIMEOUT_SECONDS, reading the feed its own bound
(QA56-2: a 6.4 MB feed served in 0.37 s was refused as «لم يرد الموقع … في المهلة» because the
bot's own parsing ran past the network's timeout). The sample site on 127.0.0.1, the real
fetcher and feedparser.
"""

from __future__ import annotations

import pytest

from bot.reasons import error_text
from digests.errors import FetchError, SourceError
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.source_check import check_source

RSS = "application/rss+xml"


def _heavy(site: SampleSite) -> bytes:
    """One feed of ~3 MB: feedparser needs well over a second for it (twice: entries, title),
    the site serves it from memory in a few milliseconds."""
    item = (f"<item><title>خبر</title><link>{site.url('/n/1.html')}</link>"
            f"<description>{'كلام ' * 300_000}</description></item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة'
            f'</title>{item}</channel></rss>').encode()


async def test_a_big_feed_served_at_once_is_not_refused_as_a_silent_site(
        settings: Settings) -> None:
    quick = settings.replace(fetch_timeout_seconds=0.5)  # the network's, not the reading's
    with SampleSite(with_sample=False) as site:
        site.add_route("/heavy.xml", Response(body=_heavy(site), content_type=RSS))
        checked = await check_source(site.url("/heavy.xml"), quick)
    assert checked.title == "وكالة" and checked.entries == 1


async def test_reading_past_its_own_bound_says_so_not_that_the_site_was_silent(
        settings: Settings) -> None:
    with SampleSite(with_sample=False) as site:
        site.add_route("/heavy.xml", Response(body=_heavy(site), content_type=RSS))
        with pytest.raises(SourceError) as caught:
            await check_source(site.url("/heavy.xml"), settings, parse_seconds=0.01)
    assert caught.value.why is not None and caught.value.why.kind == "slow_feed"
    arabic = error_text(caught.value, "ar", adding=True)
    assert "أجاب الموقع" in arabic and "لم يرد" not in arabic and "(١ ث)" in arabic  # whole seconds, in Arabic digits
    assert "answered" in error_text(caught.value, "en", adding=True)


async def test_a_silent_site_is_still_a_network_timeout(settings: Settings) -> None:
    quick = settings.replace(fetch_timeout_seconds=0.5)
    with SampleSite(with_sample=False) as site:
        site.add_route("/slow.xml", Response(body=b"<rss/>", content_type=RSS, delay=3.0))
        with pytest.raises(FetchError) as caught:
            await check_source(site.url("/slow.xml"), quick)
    assert caught.value.why is not None and caught.value.why.kind == "timeout"
    assert "لم يرد الموقع" in error_text(caught.value, "ar", adding=True)
