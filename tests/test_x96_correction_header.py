"""X96 (QA63-12): a correction alert came headed «📰 جديد «حريق مصنع»» over a bundle whose only
story is «🔄 تعديل · …»: the header called a corrected report new news. A bundle that holds only
reports the chat was sent before and now gets corrected (digests.correction_updates) is headed
«🔄 تعديل «…»» / "🔄 Correction on …". Real parts: a local news site, the real poller's re-read of
the corrected entry, real SQLite, the real sender and renderer against the emulator (the
rig of tests/test_x84_revised_toll.py).

What changed («كان: …», «١٠ ← ١٧») is shown since X98: tests/test_x98_correction_says_what_changed.py."""

from __future__ import annotations


from telegram import Bot

from bot.emulator import Emulator
from bot.render import origin_header
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.storage import Database
from test_x74_down_corrections import site  # noqa: F401
from test_x84_revised_toll import _run


async def test_a_correction_alert_is_headed_as_a_correction(
        database: Database, settings: Settings, site: SampleSite,  # noqa: F811
        emu: Emulator, bot: Bot) -> None:
    first, revised = await _run(database, settings, site, emu, bot, "ar")
    assert first.splitlines()[0].lstrip("\u200f\u200e").startswith("📰 جديد"), first
    head = revised.splitlines()[0].lstrip("\u200f\u200e")
    assert head.startswith("🔄 تعديل") and "«انهيار»" in head and "جديد" not in head, revised


async def test_in_english_too(database: Database, settings: Settings,
                              site: SampleSite, emu: Emulator, bot: Bot) -> None:  # noqa: F811
    _first, revised = await _run(database, settings, site, emu, bot, "en")
    head = revised.splitlines()[0].lstrip("\u200f\u200e")
    assert head.startswith("🔄 Correction") and "New on" not in head, revised


def test_a_bundle_with_news_keeps_the_news_header() -> None:
    assert origin_header(["حريق"], "ar", "instant") == "📰 جديد «حريق»"
    assert origin_header(["حريق"], "ar", "instant", revised=True) == "🔄 تعديل «حريق»"
    assert origin_header([""], "en", "instant", revised=True) == "🔄 Correction"
    # a daily digest is named as the day's, whatever it holds
    assert origin_header(["حريق"], "ar", "daily:2026-12-02", revised=True).startswith(
        "📰 نشرتك اليومية")
