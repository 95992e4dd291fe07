"""QA63-4: a 503 with `Retry-After: 3600` at /addsource said «أعد المحاولة بعد قليل» / "try again
in a little while" though the site said when. Now the answer says the site's own wait. A real
site on 127.0.0.1.
"""

from __future__ import annotations

import pytest

from bot.reasons import reason_text
from digests.errors import NashraError
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.source_check import check_source


async def _why(settings: Settings, headers: dict[str, str]) -> str:
    with SampleSite(with_sample=False) as site:
        site.add_route("/e503/feed.xml", Response(status=503, body=b"<h1>maintenance</h1>",
                                                  headers=headers))
        with pytest.raises(NashraError) as caught:
            await check_source(site.url("/e503/feed.xml"), settings)
    why = caught.value.why
    assert why is not None and why.kind == "server_error"
    return reason_text(why, "ar", adding=True) + "\n" + reason_text(why, "en", adding=True)


async def test_a_503_that_says_when_is_told_when(settings: Settings) -> None:
    text = await _why(settings, {"Retry-After": "3600"})
    assert "بعد ساعة" in text and "in 1 h" in text and "٥٠٣" in text
    assert "بعد قليل" not in text and "little while" not in text


async def test_a_503_that_does_not_say_when(settings: Settings) -> None:
    text = await _why(settings, {})
    assert "بعد قليل" in text and "little while" in text
