"""X84 (2): a report corrected in place whose toll went DOWN («مقتل 12» → «مقتل 9») reached the
reader as «🔄 تحديث · مقتل 9»: read after «مقتل 12», that is 9 more dead, new news. A report
the chat was sent before and now gets again corrected (digests.correction_updates: the only
way one article reaches a chat twice) is marked «🔄 تعديل» / "🔄 Revised" instead, its toll
down or up; a new report of the story stays «🔄 تحديث». Real parts: a local news site, the real
poller's re-read of the corrected entry, real SQLite, the real sender and renderer against the
emulator."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.storage import Database
from test_x74_down_corrections import NOW, _kinds, _report, _send, _start, site  # noqa: F401

CRASH = "مقتل {n} في انهيار مبنى سكني في {city}"
BODY = "قال الدفاع المدني إن {n} أشخاص قتلوا في انهيار المبنى فجر اليوم في {city}."
SAID = "وخفض الدفاع المدني حصيلة القتلى إلى {n} بعد أن كانت {was}."


async def _run(database: Database, settings: Settings, site: SampleSite,  # noqa: F811
               emu: Emulator, bot: Bot, lang: str) -> list[str]:
    await _start(database, settings, site, "انهيار")
    database.db.execute("update chats set language = ? where id = 42", [lang])
    await _report(site, database, settings, CRASH.format(n=12, city="حلب"),
                  [BODY.format(n=12, city="حلب")], 0)
    assert await _send(database, bot, 1) == 1
    await _report(site, database, settings, CRASH.format(n=9, city="حلب"),
                  [BODY.format(n=9, city="حلب"), SAID.format(n=9, was=12)], 20)
    assert await _send(database, bot, 21) == 1
    return [m.plain_text for m in emu.messages(42)]


async def test_a_toll_revised_down_says_it_is_a_revision(
        database: Database, settings: Settings, site: SampleSite,  # noqa: F811
        emu: Emulator, bot: Bot) -> None:
    first, revised = await _run(database, settings, site, emu, bot, "ar")
    assert "12" in first and "🔄" not in first, first
    assert "تعديل" in revised and "تحديث" not in revised and "9" in revised, revised
    assert _kinds(database)[-1].startswith("update:")


async def test_in_english_too(database: Database, settings: Settings,
                              site: SampleSite, emu: Emulator, bot: Bot) -> None:  # noqa: F811
    _first, revised = await _run(database, settings, site, emu, bot, "en")
    assert "Correction" in revised and "Update" not in revised, revised  # QA70-7
