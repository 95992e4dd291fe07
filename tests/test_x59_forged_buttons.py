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
    # data no button carries: «does not work», not «expired» (QA65-9, tests/test_x99_forged_buttons)
    generic, story = t("button_invalid", "ar"), t("story_button_expired", "ar")
    assert answers["../../"] == generic
    assert answers["0000000000000000.999"] == generic
    assert answers["x.1"] == generic
    assert answers["abcdefghijklmnop.3"] == story  # a story button whose id was purged


async def test_a_typed_entity_is_not_split_into_topics(tmp_path: Path) -> None:
    """QA38 A8 (S11): «&lt;script&gt; الغوطة» was answered «هذه عدة مواضيع: «&lt»، «script&gt»،
    «الغوطة»» (split at the entity's «;»)."""
    several = t("several_asked", "ar").split("{")[0]
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        [entity] = await h.say(READER, "&lt;script&gt; الغوطة", timeout=30)
        [listed] = await h.say(READER, "الغوطة؛ عفرين", timeout=30)
    assert several not in entity.plain_text
    assert several in listed.plain_text  # a real list is still one
