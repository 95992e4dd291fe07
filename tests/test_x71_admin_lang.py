"""QA49 M6: in a group that speaks Arabic (X69: a group speaks one language to all), what only
one admin or member sees follows their own language: an English admin's /stats typed in the
group comes to their private chat in English (the line in the group stays Arabic), and an
English member's refused press is answered, in the alert only they see, in English. The real
Application against the emulator, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from bot.emulator_model import SentMessage

GROUP = -100950
JOHN, MEMBER = 1003, 3001


async def test_private_answers_and_alerts_follow_the_readers_language(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, JOHN})) as h:
        h.emu.add_group(GROUP, "مجموعة", admins=[ADMIN, JOHN])
        await h.say(GROUP, "/subscribe الغوطة", user=h.user(ADMIN))  # the group speaks Arabic
        # no choice stored: DEFAULT_LANGUAGE (since X86 the admin's app language is not adopted)
        assert h.db.db.execute("select language from chats where id = ?",
                               [GROUP]).fetchone()[0] in (None, "ar")
        john = h.user(JOHN, language_code="en")
        [line] = await h.say(GROUP, "/stats", user=john, timeout=20)
        assert "أرسلت الجواب" in line.plain_text  # the group's line: the group's language
        [private] = await h.emu.await_messages(JOHN, 1, timeout=20)
        assert "Statistics" in private.plain_text and "الإحصاءات" not in private.plain_text
        [menu] = await h.say(GROUP, "/settings", user=h.user(ADMIN))
        answer = await h.click_answer(menu, data=_first_data(menu),
                                      user=h.user(MEMBER, language_code="en"))
        assert answer.get("show_alert") and "only the group's admins" in answer["text"]
        answer = await h.click_answer(menu, data=_first_data(menu),
                                      user=h.user(MEMBER, language_code="ar"))
        assert "مشرفو المجموعة" in answer["text"]



def _first_data(message: SentMessage) -> str:
    assert message.reply_markup is not None
    return str(message.reply_markup["inline_keyboard"][0][0]["callback_data"])
