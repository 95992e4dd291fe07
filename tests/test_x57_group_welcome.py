"""X57 (QA36 E10): a group's welcome ends with one line in the other language pointing to
/lang — Arabic in an English group (its language is the adder's), the bilingual line of /help
in an Arabic one; a private welcome has none. The real bot."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import subscriptions


async def test_a_groups_welcome_points_the_other_language_to_lang(tmp_path: Path) -> None:
    english, arabic = -100581, -100582
    async with running_bot(sample_db(tmp_path)) as h:
        for group in (english, arabic):
            h.emu.add_group(group, "group", admins=[ADMIN])
            subscriptions.upsert_chat(h.db, group, now=datetime.now(UTC), type="supergroup")
        subscriptions.set_language(h.db, english, "en")
        subscriptions.set_language(h.db, arabic, "ar")
        [en] = await h.say(english, "/start", user=h.user(READER, "ar"))
        # above «Try one of these topics:», which its buttons follow (X79, QA51 L8)
        last = en.plain_text.rstrip().split("\n")[-2]
        assert "بالعربية" in last and "/lang" in last, en.plain_text
        assert en.plain_text.startswith("Welcome") or "Nashra" in en.plain_text
        [ar] = await h.say(arabic, "/start", user=h.user(READER, "ar"))
        assert "🌐 English / الإنجليزية: /lang" in ar.plain_text.replace("\u200e", ""), ar.plain_text
        [private] = await h.say(READER, "/start")
        assert "English / الإنجليزية" not in private.plain_text.replace("\u200e", "")


async def test_added_by_an_english_admin_the_introduction_is_arabic_with_the_english_line(
        tmp_path: Path) -> None:
    """Since X86 (QA58-4) a group speaks its /lang choice, else DEFAULT_LANGUAGE, whatever the
    adding admin's Telegram language: the introduction is Arabic, its last line points to /lang."""
    group = -100583
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "group", admins=[ADMIN])
        before = len(h.emu.messages(group))
        h.emu.chat_member_update(group, new_status="administrator", old_status="left",
                                 user=h.user(ADMIN, "en"))
        [intro] = (await h.emu.await_messages(group, before + 1, timeout=10))[before:]
        assert intro.plain_text.startswith("مرحبًا بالجميع"), intro.plain_text
        last = intro.plain_text.rstrip().split("\n")[-1].replace("\u200e", "")
        assert "English" in last and "/lang" in last, intro.plain_text
