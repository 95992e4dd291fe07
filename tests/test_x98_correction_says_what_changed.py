"""X98 (QA63-12): a correction alert said «🔄 تعديل · مقتل 17 شخصا في حريق مصنع بالجيزة» and no
more: the reader had to remember the «10» of the alert to see what was corrected. Each headline
a correction replaces is now kept (digests.earlier_headlines, migration 051), and the «🔄 تعديل»
block says what the chat read: the figures alone when only they changed («🔄 تعديل (١٠ ← ١٧) ·
…», "🔄 Revised (10 → 17) · …"), else a line «كان: …» / "Was: …" under the headline — the
headline the chat was sent, not a rewording it never saw. Real parts: a local news site, the
real poller's re-read of the corrected entry, real SQLite, the real sender and renderer against
the Telegram emulator (the rig of tests/test_x74_down_corrections.py)."""

from __future__ import annotations

import pytest
from telegram import Bot

from bot.emulator import Emulator
from bot.render import figures_text
from digests.earlier_headlines import Change, change
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.storage import Database
from test_x74_down_corrections import _report, _send, _start, site  # noqa: F401

FIRE = "مقتل {n} في حريق مصنع بالجيزة"
FIRE_MORE = "مقتل {n} {noun} في حريق مصنع بالجيزة"
RISE = "ارتفاع حصيلة حريق مصنع الجيزة إلى {n} قتيلا"
BODY = "قالت السلطات إن {n} أشخاص قتلوا في حريق اندلع في مصنع للنسيج بالجيزة فجر اليوم."
_MARKS = "\u200f\u200e\u2067\u2069"


async def _alert_then(database: Database, settings: Settings, site: SampleSite,  # noqa: F811
                      emu: Emulator, bot: Bot, lang: str, headlines: list[str]) -> list[str]:
    """The chat follows «حريق مصنع», is sent the first headline; the site then corrects the
    report in place to each of the others in turn, a poll and a send after each."""
    await _start(database, settings, site, "حريق مصنع")
    database.db.execute("update chats set language = ? where id = 42", [lang])
    for i, title in enumerate(headlines):
        n = "".join(c for c in title if c.isdigit()) or "10"
        await _report(site, database, settings, title, [BODY.format(n=n)], 20 * i)
        await _send(database, bot, 20 * i + 1)
    return [m.plain_text.translate({ord(c): None for c in _MARKS}) for m in emu.messages(42)]


async def test_a_changed_figure_is_shown_beside_the_mark(
        database: Database, settings: Settings, site: SampleSite,  # noqa: F811
        emu: Emulator, bot: Bot) -> None:
    first, revised = await _alert_then(
        database, settings, site, emu, bot, "ar",
        [FIRE_MORE.format(n=10, noun="أشخاص"), FIRE_MORE.format(n=17, noun="شخصا")])
    assert "مقتل 10 أشخاص" in first and "تعديل" not in first, first
    # the header says «🔄 تعديل «…»», the line only what changed (QA70-7: not twice)
    assert revised.startswith("🔄 تعديل «"), revised
    assert "\n(10 ← 17) · مقتل 17 شخصا في حريق مصنع بالجيزة" in revised, revised
    assert revised.count("تعديل") == 1, revised
    assert "كان:" not in revised, revised
    stored = database.db.execute("select headline from earlier_headlines").fetchall()
    assert [r[0] for r in stored] == [FIRE_MORE.format(n=10, noun="أشخاص")]


async def test_in_english_the_figures_read_left_to_right(
        database: Database, settings: Settings, site: SampleSite,  # noqa: F811
        emu: Emulator, bot: Bot) -> None:
    _first, revised = await _alert_then(database, settings, site, emu, bot, "en",
                                        [FIRE.format(n=10), FIRE.format(n=17)])
    # one word, said once (QA70-7: "Correction on" in the header, "Revised" on the line)
    assert revised.startswith("🔄 Correction on «"), revised
    assert "\n(10 → 17) · مقتل 17 في حريق مصنع بالجيزة" in revised, revised
    assert "Revised" not in revised and revised.count("🔄") == 1, revised


async def test_a_rewritten_headline_is_shown_as_it_was(
        database: Database, settings: Settings, site: SampleSite,  # noqa: F811
        emu: Emulator, bot: Bot) -> None:
    first, revised = await _alert_then(database, settings, site, emu, bot, "ar",
                                       [FIRE.format(n=10), RISE.format(n=17)])
    assert FIRE.format(n=10) in first
    lines = revised.splitlines()
    at = next(i for i, line in enumerate(lines) if RISE.format(n=17) in line)
    assert lines[at].startswith(RISE.format(n=17)), revised  # the header says «🔄 تعديل»
    assert revised.startswith("🔄 تعديل «") and revised.count("تعديل") == 1, revised
    assert lines[at + 1] == f"كان: {FIRE.format(n=10)}", revised


async def test_in_english_too(database: Database, settings: Settings, site: SampleSite,  # noqa: F811
                              emu: Emulator, bot: Bot) -> None:
    _first, revised = await _alert_then(database, settings, site, emu, bot, "en",
                                        [FIRE.format(n=10), RISE.format(n=17)])
    assert f"Was: {FIRE.format(n=10)}" in revised.splitlines(), revised


async def test_the_headline_the_chat_read_not_a_rewording_it_was_not_sent(
        database: Database, settings: Settings, site: SampleSite,  # noqa: F811
        emu: Emulator, bot: Bot) -> None:
    # 10 sent; the site rewords it (no new figure: nothing sent); then 17: the chat read «مقتل
    # 10 في حريق …», not the rewording, so that is what «كان» says
    texts = await _alert_then(
        database, settings, site, emu, bot, "ar",
        [FIRE.format(n=10), FIRE_MORE.format(n=10, noun="أشخاص"),
         FIRE_MORE.format(n=17, noun="شخصا")])
    assert len(texts) == 2, texts
    assert f"كان: {FIRE.format(n=10)}" in texts[1].splitlines(), texts[1]
    assert database.db.execute("select count(*) from earlier_headlines").fetchone()[0] == 2


def test_the_change_shown() -> None:
    # only the figures (and the counted noun after one) changed: the figures
    assert _change("مقتل 10 أشخاص في حريق", "مقتل 17 شخصا في حريق").figures == (("10", "17"),)
    assert _change("التضخم 14.4% في فبراير", "التضخم 15% في فبراير").figures == (("14.4", "15"),)
    assert _change("مقتل ١٢ في انهيار", "مقتل 9 في انهيار").figures == (("12", "9"),)
    # a word changed too, or a figure came or went: the headline as it was
    assert _change("مقتل 10 في حريق", "مصرع 17 في حريق").before == "مقتل 10 في حريق"
    assert _change("انفجار في بيروت", "مقتل 5 في انفجار في بيروت").before == "انفجار في بيروت"
    assert change("مقتل 10 في حريق", "مقتل 10 في  حريق") is None
    assert change("", "مقتل 10") is None
    assert figures_text((("14.4", "15"), ("2", "3")), "ar") == "١٤٫٤ ← ١٥، ٢ ← ٣"
    assert figures_text((("10", "17"),), "en") == "10 → 17"


def _change(before: str, after: str) -> Change:
    shown = change(before, after)
    assert shown is not None
    return shown


@pytest.mark.parametrize(("before", "after"), [
    ("خسائر بقيمة 10 ملايين دولار", "خسائر بقيمة 12 مليار دولار"),  # millions became billions
    ("مقتل 10 جنود في هجوم", "مقتل 17 مدنيا في هجوم"),  # soldiers became civilians
])
def test_a_figure_whose_noun_became_another_is_no_figure_change(before: str, after: str) -> None:
    """The counted noun after a figure may change its number («10 أشخاص» / «17 شخصا»), not its
    word: «(10 ← 12)» alone hid that ten million became twelve billion."""
    assert _change(before, after).before == before


@pytest.mark.parametrize(("before", "after"), [
    ("مقتل 10 أشخاص", "مقتل 17 شخصًا"), ("مقتل 3 قتلى", "مقتل 11 قتيلا"),
    ("خسائر 5 ملايين دولار", "خسائر 11 مليون دولار"), ("سجن 2 سنة", "سجن 5 سنوات"),
    ("إجلاء 10 مدنيين", "إجلاء 12 مدنيا"), ("بعد 3 دقائق", "بعد 11 دقيقة"),
])
def test_a_counted_noun_in_its_other_number_keeps_the_figures(before: str, after: str) -> None:
    assert _change(before, after).figures
