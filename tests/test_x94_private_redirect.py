"""QA63-9: a feed link that redirects to another host of the same machine was refused with «To
allow it, set ALLOW_PRIVATE_SOURCES=true» while it was already true, and without a word of the
redirect (the admin typed 127.0.0.1, the answer named localhost). Now the refusal says what the
key allows when it is on, and that the link redirected. A real site on 127.0.0.1.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.reasons import reason_text
from digests.errors import NashraError
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.source_check import check_source


async def _refusal(settings: Settings) -> NashraError:
    with SampleSite(with_sample=False) as site:
        moved = f"http://localhost:{site.port}/site/rss"
        site.add_route("/moved/feed.xml", Response(status=301, body=b"",
                                                   headers={"Location": moved}))
        with pytest.raises(NashraError) as caught:
            await check_source(site.url("/moved/feed.xml"), settings)
    return caught.value


async def test_a_redirect_to_another_private_host_with_the_key_on(settings: Settings) -> None:
    why = (await _refusal(settings)).why
    assert why is not None and why.kind == "private_address"
    ar, en = reason_text(why, "ar", adding=True), reason_text(why, "en", adding=True)
    assert "set ALLOW_PRIVATE_SOURCES=true" not in en and "اضبط" not in ar
    assert "redirects to localhost" in en and "يحوّل إلى localhost" in ar
    assert "ALLOW_PRIVATE_SOURCES is on" in en and "مفعّل" in ar


async def test_the_same_redirect_with_the_key_off(settings: Settings) -> None:
    why = (await _refusal(replace(settings, allow_private_sources=False))).why
    assert why is not None and why.kind == "private_address"
    en = reason_text(why, "en", adding=True)
    assert "set ALLOW_PRIVATE_SOURCES=true" in en
