"""digests.first_person: whether a clause speaks in the first person (moved from bot.attribution,
which re-exports it; its older tests stay in test_attribution.py)."""

from __future__ import annotations

import bot.attribution
from digests.first_person import first_person


def test_we_and_i_outside_quotes() -> None:
    assert first_person("حققنا انتصارين متتاليين")
    assert first_person("لستُ قلقا على مستقبلي")
    assert not first_person("قال إن \"نحن الأفضل\" شعار قديم")
    assert not first_person("يعود الفريق هنا إلى أثينا")


def test_bot_attribution_re_exports_the_same_function() -> None:
    assert bot.attribution.first_person is first_person
