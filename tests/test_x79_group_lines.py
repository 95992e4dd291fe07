"""X79 (QA51 L8): in a group, the line for members who read the other language sat between
«Try one of these topics:» and the buttons it introduces, and /help's «🌐 Arabic / العربية: /lang»
sent members to a command they are refused. The line now comes above the prompt, and a group's
/help says who changes the language, in the other language (Arabic sentence in an English group,
English in an Arabic one, each laid out in its own direction). The real bot (PTB), emulator."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import subscriptions

ARABIC_LINE = "🌐 بالعربية: يغيّر مشرفو المجموعة لغتها بالأمر /lang"
ENGLISH_LINE = "🌐 In English: the group's admins change its language with /lang"


def _lines(text: str) -> list[str]:
    return text.replace("\u200e", "").replace("\u200f", "").rstrip().split("\n")


async def test_a_groups_other_language_line_sits_well_and_names_the_admins(
        tmp_path: Path) -> None:
    english, arabic = -100791, -100792
    async with running_bot(sample_db(tmp_path)) as h:
        for group in (english, arabic):
            h.emu.add_group(group, "group", admins=[ADMIN])
            subscriptions.upsert_chat(h.db, group, now=datetime.now(UTC), type="supergroup")
        subscriptions.set_language(h.db, english, "en")
        subscriptions.set_language(h.db, arabic, "ar")
        [start] = await h.say(english, "/start", user=h.user(READER, "ar"))
        assert _lines(start.plain_text)[-2:] == [ARABIC_LINE, "Try one of these topics:"]
        assert start.button_texts()  # the topics the prompt introduces

        [en_help] = await h.say(english, "/help", user=h.user(READER, "ar"))
        assert _lines(en_help.plain_text)[-1] == ARABIC_LINE, en_help.plain_text
        assert "🌐 Arabic / العربية: /lang" not in en_help.plain_text
        # /zone says «(admins)», as /settings and /lang do (QA51 L11)
        assert "/zone or /timezone — Pick the group's time zone directly (admins)" in _lines(
            en_help.plain_text), en_help.plain_text
        [ar_help] = await h.say(arabic, "/help", user=h.user(READER, "ar"))
        raw_last = ar_help.plain_text.rstrip().split("\n")[-1]
        assert raw_last == ENGLISH_LINE, raw_last  # no RLM: laid out left to right
        assert "English / الإنجليزية" not in ar_help.plain_text

        [private] = await h.say(READER, "/help", language_code="en")  # a reader may use /lang
        assert _lines(private.plain_text)[-1] == "🌐 Arabic / العربية: /lang"
