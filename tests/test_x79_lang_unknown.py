"""X79 (QA51 L10): `/lang french` showed the picker without a word that «french» was not
understood (`/zone Mars` says «I do not know the time zone «Mars»»). The picker now comes under
«I do not know the language «french»: I speak Arabic and English.» (in the chat's language; the
picker's own line is in both). The real bot (PTB) against the emulator, real SQLite."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests import subscriptions

_MARKS = str.maketrans("", "", "\u200e\u200f\u2066\u2067\u2069")
SAID = "I do not know the language «french»: I speak Arabic and English."


async def test_an_unknown_language_is_said_above_the_picker(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [m] = await h.say(READER, "/lang french", language_code="en")
        lines = m.plain_text.translate(_MARKS).split("\n")
        # an English chat reads its own language first (QA67-12)
        assert lines == [SAID, "Choose the language / اختر اللغة"], lines
        assert len(m.button_texts()) == 2  # the picker: العربية, English
        chat = subscriptions.get_chat(h.db, READER)
        assert chat is not None and chat.language == "en"  # as it was: nothing changed
        [plain] = await h.say(READER, "/lang", language_code="en")
        assert plain.plain_text.translate(_MARKS) == "Choose the language / اختر اللغة"
        [ar] = await h.say(READER + 1, "/lang <b>french</b>")  # escaped, said in Arabic
        assert ar.plain_text.translate(_MARKS).split("\n") == [
            "لا أعرف اللغة «<b>french</b>»: أتكلم العربية والإنجليزية.",
            "اختر اللغة / Choose the language"], ar.plain_text
