"""X83 (QA55-11, S3): /addsource of a feed over MAX_BODY_BYTES is not told to «send the feed
link itself».

`/addsource` of a 12 MB RSS feed answered «الصفحة على … أكبر من الحد (١٠ ميغابايت). أرسل رابط
الخلاصة نفسها.»: the check refused any answer over the cap as if it were a web page. A poll
reads such a feed up to the cap and keeps its whole entries (digests.feed_prefix, QA35 L2); the
check now reads it the same way: a feed whose first part holds whole entries is a source (as
its polls will read it), one with none whole is told as a feed over the limit, with
MAX_BODY_BYTES, and a page over the limit is still read for the feed its head declares.

Real parts: a local HTTP site, the real fetcher and check, the bot's reason words.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot.reasons import reason_text
from digests.errors import SourceError
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.source_check import check_source

CAP = 64 * 1024


def _rss(items: int, text: int) -> bytes:
    body = "".join(f"<item><title>خبر رقم {i}</title><link>http://x.test/{i}</link>"
                   f"<description>{'ن' * text}</description></item>" for i in range(items))
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>خلاصة' \
           f' كبيرة</title>{body}</channel></rss>'.encode()


def _feed(body: bytes) -> Response:
    return Response(body=body, content_type="application/rss+xml; charset=utf-8")


async def test_a_feed_over_the_cap_is_read_as_a_poll_reads_it(settings: Settings) -> None:
    small = dataclasses.replace(settings, max_body_bytes=CAP)
    with SampleSite(with_sample=False) as site:
        many = site.add_route("/many.xml", _feed(_rss(400, 300)))  # whole entries up front
        giant = site.add_route("/giant.xml", _feed(_rss(1, 3 * CAP)))  # not one whole
        page = site.add_route("/big.html", Response(
            body=b'<html><head><link rel="alternate" type="application/rss+xml" '
                 b'href="/many.xml"></head><body>' + b"x" * (2 * CAP) + b"</body></html>"))
        found = await check_source(many, small)
        with pytest.raises(SourceError) as refused:
            await check_source(giant, small)
        via_page = await check_source(page, small)
    assert found.title == "خلاصة كبيرة" and 0 < found.entries < 400
    why = refused.value.why
    assert why is not None
    arabic, english = reason_text(why, "ar", adding=True), reason_text(why, "en", adding=True)
    assert "أرسل رابط الخلاصة نفسها" not in arabic and "Send the link of the feed" not in english
    assert "الخلاصة على" in arabic and "MAX_BODY_BYTES" in arabic, arabic
    assert "The feed on" in english and "MAX_BODY_BYTES" in english, english
    assert via_page.url == many and via_page.page_url == page
