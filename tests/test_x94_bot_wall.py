"""QA63-5: a Cloudflare challenge (403, `Server: cloudflare`, «Just a moment...») was «يمنع
الوصول … جرّب رابطًا آخر للخلاصة», which sends the admin hunting for links that are all blocked
the same way. Now it is named as bot protection. A real site on 127.0.0.1.
"""

from __future__ import annotations

import pytest

from bot.reasons import reason_text
from digests.errors import NashraError
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.source_check import check_source

CHALLENGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
             b"<script src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1'></script>"
             b"</body></html>")


async def _why(settings: Settings, status: int, headers: dict[str, str], body: bytes
               ) -> tuple[str, str, str]:
    with SampleSite(with_sample=False) as site:
        site.add_route("/cf/feed.xml", Response(status=status, body=body, headers=headers,
                                                content_type="text/html; charset=UTF-8"))
        with pytest.raises(NashraError) as caught:
            await check_source(site.url("/cf/feed.xml"), settings)
    why = caught.value.why
    assert why is not None
    return why.kind, reason_text(why, "ar", adding=True), reason_text(why, "en", adding=True)


@pytest.mark.parametrize("status", [403, 503])
async def test_a_cloudflare_challenge_is_named(settings: Settings, status: int) -> None:
    kind, ar, en = await _why(settings, status, {"Server": "cloudflare",
                                                  "CF-RAY": "8e1f2a3b4c5d6e7f-CDG"}, CHALLENGE)
    assert kind == "bot_wall"
    assert "Cloudflare" in ar and "البوتات" in ar and "جرّب رابطًا آخر" not in ar
    assert "blocks bots" in en and "NashraBot" in en


async def test_a_plain_403_stays_a_refusal(settings: Settings) -> None:
    kind, ar, _ = await _why(settings, 403, {}, b"<h1>Forbidden</h1>")
    assert kind == "http_status" and "يمنع الوصول" in ar
