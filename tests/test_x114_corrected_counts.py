"""X114 (QA71-3): a count of people or a sum corrected in place is told («🔄 تعديل»).

CNN corrected «نشطاء لشبكتنا: 57 حافلة تقل أكثر من 3000 شخص غادرت الغوطة الشرقية» to «… 80
حافلة تقل أكثر من 5000 شخص …» (same link and GUID); the poll stored it and no reader was told:
`new_outcome` counted a new number only beside a toll word. Now a correction that changes a
count of people (evacuees, detainees, fighters …) or a sum is told (digests.story_figures); a
changed count of things (the buses alone), an hour or a date is not.

Real parts: a local news site, the real poller and its re-read of corrected entries, real
SQLite, the real sender and renderer against the emulator (test_x74_down_corrections' rig).
"""

from __future__ import annotations

from telegram import Bot

from bot.emulator import Emulator
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.storage import Database
from digests.story_figures import changed_figure
from digests.story_outcomes import new_outcome
from test_x74_down_corrections import _kinds, _report, _send, _start, site  # noqa: F401

BUSES = "نشطاء لشبكتنا: {buses} حافلة تقل أكثر من {people} شخص غادرت الغوطة الشرقية"
BODY = ["قال نشطاء لشبكتنا إن الحافلات غادرت الغوطة الشرقية صباح اليوم نحو الشمال."]


def test_which_changed_figures_are_worth_a_correction() -> None:
    old = BUSES.format(buses=57, people=3000)
    assert new_outcome([old], BUSES.format(buses=80, people=5000), corrected=True)
    assert not new_outcome([old], BUSES.format(buses=80, people=5000))  # a story update: no
    assert not new_outcome([old], BUSES.format(buses=80, people=3000), corrected=True)  # buses
    assert changed_figure(["إجلاء 3 آلاف مدني من الغوطة"], "إجلاء 5 آلاف مدني من الغوطة")
    assert changed_figure(["اعتقال 12 طالبا في إسطنبول"], "اعتقال 21 طالبا في إسطنبول")
    assert changed_figure(["منحة بقيمة 100 مليون دولار"], "منحة بقيمة 150 مليون دولار")
    assert not changed_figure(["القمة تنطلق في الساعة 10"], "القمة تنطلق في الساعة 11")
    assert not changed_figure(["سقوط 7 صواريخ على الرياض"], "سقوط 9 صواريخ على الرياض")
    assert not changed_figure(["اجتماع 2018 للقادة"], "اجتماع 2019 للقادة")
    assert not changed_figure(["إجلاء 3000 شخص"], "إجلاء آلاف الأشخاص")  # a figure dropped


async def test_the_reader_is_told_the_corrected_count_of_people(
        database: Database, settings: Settings, site: SampleSite,  # noqa: F811
        emu: Emulator, bot: Bot) -> None:
    await _start(database, settings, site, "الغوطة")
    await _report(site, database, settings, BUSES.format(buses=57, people=3000), BODY, 0)
    assert await _send(database, bot, 1) == 1
    await _report(site, database, settings, BUSES.format(buses=80, people=5000), BODY, 60)
    assert await _send(database, bot, 61) == 1, _kinds(database)
    told = emu.messages(42)[-1].plain_text
    assert "🔄 تعديل" in told and "5000 شخص" in told, told
    # the buses corrected alone after that: no third message
    await _report(site, database, settings, BUSES.format(buses=81, people=5000), BODY, 120)
    assert await _send(database, bot, 121) == 0, _kinds(database)
