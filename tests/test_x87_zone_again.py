"""X87 (review REV of session 21): «/zone +3» typed when the chat is on +3 already answered «…،
كما كان.» and repeated the fixed offset's daylight-saving note each time. The note is said when
the offset is set, not when it is typed again. The real bot against the emulator."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

NOTE_AR, NOTE_EN = "فرق ثابت لا يتبع التوقيت الصيفي", "fixed offset with no daylight saving"


async def test_the_fixed_offset_note_is_said_once(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [first] = await h.say(READER, "/zone +3")
        [again] = await h.say(READER, "/zone +3")
        [en_again] = await h.say(READER + 1, "/zone UTC+3", language_code="en")
        [en_twice] = await h.say(READER + 1, "/zone UTC+3", language_code="en")
    assert NOTE_AR in first.plain_text, first.plain_text
    assert "كما كان" in again.plain_text and NOTE_AR not in again.plain_text, again.plain_text
    assert NOTE_EN in en_again.plain_text, en_again.plain_text
    assert "as it was" in en_twice.plain_text and NOTE_EN not in en_twice.plain_text, (
        en_twice.plain_text)
