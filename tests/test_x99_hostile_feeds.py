"""QA65-7 and -8 (S3): what hostile feeds are told and named.

- A billion-laughs feed (its entities rightly never expanded) was added under the literal name
  «&lol9;»; an entity left unexpanded is no title now, and the host names the source.
- A gzip bomb (zeros) was answered «raise MAX_BODY_BYTES»: what came is no feed at all (no
  root element, not one entry begun), so no cap would make it one. A feed whose first entry is
  past the cap keeps that advice, and so does «<rss>» followed by megabytes of «A», which cannot
  be told from a feed with a giant preamble (tests/test_x54_feeds).

Real parts: a site on 127.0.0.1 (digests.samplesite), the real fetcher and check.
"""

from __future__ import annotations

import gzip
from dataclasses import replace

import pytest

from bot.reasons import reason_text
from digests.errors import NashraError
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.source_check import check_source, clean_title, feed_title

LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "' + (f"&lol{i - 1};" if i > 1 else "&lol;") * 10 + '">'
                    for i in range(1, 10))
          + ']><rss version="2.0"><channel><title>&lol9;</title><item><title>خبر</title>'
            '<link>{base}/n/1</link></item></channel></rss>')
CAP = 256 * 1024


async def test_a_billion_laughs_feed_has_no_entity_for_a_name(settings: Settings) -> None:
    with SampleSite(with_sample=False) as site:
        site.add_route("/laughs.xml", Response(body=LAUGHS.format(base=site.base_url).encode(),
                                               content_type="application/rss+xml"))
        checked = await check_source(site.url("/laughs.xml"), settings)
    assert checked.title == "", checked.title
    body = LAUGHS.format(base="http://x").encode()
    assert feed_title(body) == ""


def test_known_entities_and_plain_titles_are_kept() -> None:
    # escaped three times: one level is left, as before (an HTML entity, not dropped)
    assert clean_title("أخبار &amp;quot;المحلية&amp;quot;") == "أخبار &quot;المحلية&quot;"
    assert clean_title("BBC &amp; Co") == "BBC & Co"
    assert clean_title("&lol9; وكالة") == "وكالة"
    assert clean_title("AT&T") == "AT&T"


def _bodies() -> dict[str, tuple[bytes, dict[str, str]]]:
    zeros = gzip.compress(b"\0" * (CAP * 4))
    return {"/bomb.xml": (zeros, {"Content-Encoding": "gzip"}),
            "/aaaa.xml": (b"A" * (CAP * 2), {}),
            "/giant.xml": (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                           b"<item><title>x</title><description>" + b"B" * (CAP * 2)
                           + b"</description></item></channel></rss>", {})}


@pytest.mark.parametrize("path", ["/bomb.xml", "/aaaa.xml", "/giant.xml"])
async def test_what_is_no_feed_is_not_told_to_raise_the_cap(settings: Settings,
                                                           path: str) -> None:
    body, headers = _bodies()[path]
    with SampleSite(with_sample=False) as site:
        site.add_route(path, Response(body=body, content_type="application/rss+xml",
                                      headers=headers))
        with pytest.raises(NashraError) as caught:
            await check_source(site.url(path), replace(settings, max_body_bytes=CAP))
    why = caught.value.why
    assert why is not None
    ar, en = reason_text(why, "ar", adding=True), reason_text(why, "en", adding=True)
    if path == "/giant.xml":  # a feed, its first entry past the cap: the cap is the cure
        assert why.kind == "feed_too_big" and "MAX_BODY_BYTES" in en, en
        return
    assert why.kind == "feed_no_entry", why
    assert "MAX_BODY_BYTES" not in en and "MAX_BODY_BYTES" not in ar
    assert "is no news feed" in en and "without a single entry" in en, en
    assert "ليس خلاصة أخبار" in ar and "دون خبر واحد" in ar, ar
