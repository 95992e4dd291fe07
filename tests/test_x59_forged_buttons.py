"""QA38 A8: forged callback data holding a «.» («../../», «0000000000000000.999») was answered
with the story button's wording («لم يعد هذا الخبر محفوظًا خلف الزر …»); now only what is (or
is shaped exactly like) a story button gets it, anything else the generic «انتهت صلاحية هذا
الزر». Real bot on the emulator."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.i18n import t


async def test_forged_dotted_data_gets_the_generic_refusal(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [hello] = await h.say(READER, "/start")
        answers = {data: (await h.click_answer(hello, data=data)).get("text")
                   for data in ("../../", "0000000000000000.999", "x.1", "abcdefghijklmnop.3")}
    generic, story = t("button_expired", "ar"), t("story_button_expired", "ar")
    assert answers["../../"] == generic
    assert answers["0000000000000000.999"] == generic
    assert answers["x.1"] == generic
    assert answers["abcdefghijklmnop.3"] == story  # a story button whose id was purged
