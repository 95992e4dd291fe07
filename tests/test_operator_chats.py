"""QA20 O7 and O8: an admin's /sources and /stats typed in a group are answered in private (the
feed URLs and the bot's figures are not posted to the group), and a reader back after blocking
the bot is told which topics they still follow. Real PTB against the emulator, real SQLite."""

from __future__ import annotations

import re
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import sources

GROUP = -100777


def _bare(text: str) -> str:
    return re.sub("[\u200e\u200f\u2066-\u2069]", "", text)


async def test_sources_and_stats_in_a_group_go_to_the_admins_private_chat(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_chat(GROUP, type="supergroup", title="غرفة الأخبار", admins=[ADMIN])
        await h.say(ADMIN, "/start")  # the admin has a private chat with the bot
        urls = [s.url for s in sources.list_sources(h.db)]
        private_before = len(h.emu.messages(ADMIN))
        for command in ("/sources", "/stats"):
            [note] = await h.say(GROUP, command, user=h.user(ADMIN))
            assert _bare(note.plain_text).startswith("📬 أرسلت الجواب إليك في محادثة خاصة")
        group_text = "\n".join(m.plain_text for m in h.emu.messages(GROUP))
        assert not any(url in group_text for url in urls), group_text
        assert "الإحصاءات" not in group_text
        private = "\n".join(m.plain_text for m in h.emu.messages(ADMIN)[private_before:])
        assert all(url in _bare(private) for url in urls), private
        assert "📊 الإحصاءات" in private
        # an admin who never started the bot (Telegram refuses to write first): told how
        h.emu.block(ADMIN, "cant_initiate")
        [hint] = await h.say(GROUP, "/sources", user=h.user(ADMIN))
        assert _bare(hint.plain_text).startswith("🔒 يُجاب هذا الأمر في محادثة خاصة فقط"), \
            hint.plain_text
        assert "/start" in hint.plain_text
        assert not any(url in hint.plain_text for url in urls)


async def test_sources_in_a_private_chat_is_answered_there(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [listing] = await h.say(ADMIN, "/sources")
        assert "المصادر" in listing.plain_text and "📬" not in listing.plain_text


async def test_a_reader_back_after_blocking_the_bot_is_told_what_they_still_follow(
        tmp_path: Path) -> None:
    """The reader blocked the bot (a push found it blocked: the chat is deactivated, its topics
    kept). Back with /start, the welcome names the topics still followed and how to stop; a
    reader who was never lost gets the plain welcome."""
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        await h.say(READER + 1, "/subscribe الغوطة")
        h.emu.block(READER, "blocked")
        await h.say(ADMIN, "/push الغوطة")
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 20)
        assert h.db.db.execute("select active from chats where id = ?",
                               [READER]).fetchone()[0] == 0
        h.emu.unblock(READER)
        [welcome] = await h.say(READER, "/start")
        text = _bare(welcome.plain_text)
        assert "أهلًا بك في نشرة" in text
        assert "👋 أهلًا بعودتك. ما زلت تتابع: «الغوطة» — لإيقاف متابعة: /unsubscribe" in text
        [again] = await h.say(READER, "/start")  # active now: said once
        assert "أهلًا بعودتك" not in again.plain_text
        [other] = await h.say(READER + 1, "/start")
        assert "أهلًا بعودتك" not in other.plain_text


async def test_a_reader_who_unblocks_the_bot_is_told_at_once(tmp_path: Path) -> None:
    """Telegram tells the bot when a private user unblocks it (my_chat_member kicked → member):
    the reader hears which topics are still followed before any alert, in English if theirs."""
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة", language_code="en")
        h.emu.chat_member_update(READER, old_status="member", new_status="kicked",
                                 user=h.user(READER, "en"))
        await h.until(lambda: h.db.db.execute("select active from chats where id = ?",
                                              [READER]).fetchone()[0] == 0, 10)
        before = len(h.emu.messages(READER))
        h.emu.chat_member_update(READER, old_status="kicked", new_status="member",
                                 user=h.user(READER, "en"))
        await h.emu.await_messages(READER, before + 1, timeout=10)
        text = _bare(h.emu.messages(READER)[before].plain_text)
        assert text.startswith("👋 Welcome back. You still follow: «Ghouta (الغوطة)»"), text
        assert "/unsubscribe" in text
