"""X57 (QA36 E12): small wordings through the real bot — a refused word is named in the
singular with one colon, a second /unsubscribe of an English name shows it as the first did
(«Ghouta (الغوطة)»), and a voice note is told it cannot be heard."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db


async def test_one_refused_word_is_said_in_the_singular(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [en] = await h.say(READER, "/subscribe Ghouta, و", language_code="en")
        text = en.plain_text
        assert "I did not follow «و»: it is not the name of a topic" in text, text
        refused = next(line for line in text.split("\n") if "«و»" in line)
        assert refused.count(":") == 1, refused
        [ar] = await h.say(READER + 1, "/subscribe الغوطة، و")
        assert "لم أتابع «و»: ليس اسم موضوع يُبحث عنه." in ar.plain_text, ar.plain_text


async def test_a_second_unsubscribe_names_the_topic_as_the_first(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe Ghouta", language_code="en")
        [first] = await h.say(READER, "/unsubscribe Ghouta", language_code="en")
        assert "Ghouta (الغوطة)" in first.plain_text, first.plain_text
        [second] = await h.say(READER, "/unsubscribe Ghouta", language_code="en")
        assert "You do not follow «Ghouta (الغوطة)»" in second.plain_text.replace(
            "\u200e", ""), second.plain_text


async def test_a_voice_note_is_told_it_cannot_be_heard(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        for chat, code, words in ((READER, "ar", "لا أستطيع الاستماع إلى الرسائل الصوتية"),
                                  (READER + 1, "en", "I cannot listen to voice messages")):
            await h.say(chat, "/start", language_code=code)
            before = len(h.emu.messages(chat))
            h.emu.send_user_content(chat, "voice", user=h.user(chat, code))
            got = await h.emu.await_messages(chat, before + 1, timeout=10)
            assert words in got[-1].plain_text, got[-1].plain_text
        before = len(h.emu.messages(READER))
        h.emu.send_user_content(READER, "sticker", user=h.user(READER))
        got = await h.emu.await_messages(READER, before + 1, timeout=10)
        assert "الاستماع" not in got[-1].plain_text and "اكتب اسم موضوع" in got[-1].plain_text
