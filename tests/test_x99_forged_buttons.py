"""QA65-9 (S3): a pressed button whose data no button of the bot ever carried («x», 64 «A»,
U+202E with a NUL) was answered «انتهت صلاحية هذا الزر», which says a button existed and
expired. Such data is now answered «هذا الزر لا يعمل. أعد الطلب من جديد.» / "This button does
not work. Ask again." Data shaped like a real id whose row is gone (a week-old button, purged)
keeps the expiry wording: it cannot be told from a forged one of the same shape.

Real parts: the bot against the emulator (tests/botkit.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db


@pytest.mark.parametrize("data", ["x", "A" * 64, "\u202e\x00", "../../", "A" * 16 + ".999"])
async def test_data_no_button_carries_is_not_said_to_have_expired(tmp_path: Path,
                                                                  data: str) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الغوطة")
        answer = await h.click_answer(msg, data=data)
        h.db.db.execute("update chats set language = 'en' where id = ?", [READER])
        en = await h.click_answer(msg, data=data)
    assert answer.get("text") == "هذا الزر لا يعمل. أعد الطلب من جديد.", answer
    assert en.get("text") == "This button does not work. Ask again.", en


async def test_an_id_shaped_like_ours_keeps_the_expiry_words(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [msg] = await h.say(READER, "الغوطة")
        story = await h.click_answer(msg, data="Z" * 16 + ".1")
        other = await h.click_answer(msg, data="Z" * 16)
    assert "لم يعد هذا الخبر محفوظًا" in story.get("text", ""), story
    assert other.get("text") == "انتهت صلاحية هذا الزر. أعد الطلب من جديد.", other
