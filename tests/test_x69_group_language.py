"""X69 (8): a group speaks one language to all its members — decided (X65's open point, QA44 T11).

Before its language is set, a group answers in DEFAULT_LANGUAGE whoever asks (bot.runtime.user_code
gives no asker's language in a group), whoever added it (X86, QA58-4: no longer the adding
admin's Telegram language); /lang by an admin sets it. Never each asker in
their own: the group's deliveries go in one language, and its history would mix two. The real
bot on the emulator, a supergroup with no language, an English admin and an Arabic member.
"""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from bot.emulator import User

GROUP = -100969
MEMBER = 2969


async def test_a_group_answers_everyone_in_its_one_language(tmp_path: Path) -> None:
    english_admin = User(id=ADMIN, first_name="A", language_code="en")
    arabic_member = User(id=MEMBER, first_name="M", language_code="ar")
    english_member = User(id=MEMBER + 1, first_name="E", language_code="en")
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(GROUP, type="supergroup", title="مجموعة", admins=[ADMIN])
        [first] = await h.say(GROUP, "/help", user=english_member)
        assert "أوامر نشرة" in first.plain_text  # no language yet: the default, not the asker's
        [followed] = await h.say(GROUP, "/subscribe سوريا", user=english_admin)
        # not the admin's Telegram language either (X86, QA58-4): the group's own choice rules
        assert "تتابع المجموعة" in followed.plain_text or "المجموعة" in followed.plain_text
        await h.say(GROUP, "/lang en", user=english_admin)
        for who in (arabic_member, english_member, english_admin):
            [answer] = await h.say(GROUP, "/help", user=who)
            assert "Nashra commands" in answer.plain_text, (who.language_code, answer.plain_text)
        await h.say(GROUP, "/lang ar", user=english_admin)
        for who in (english_member, english_admin):
            [answer] = await h.say(GROUP, "/help", user=who)
            assert "أوامر نشرة" in answer.plain_text, (who.language_code, answer.plain_text)
