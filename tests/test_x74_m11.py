"""X74 item 7 (QA49 M11's notes).

- An operator's /ingest typed in a forum topic: its «⏳ بدأ جلب الأخبار» lands in that topic as a
  reply to the command, as /push, /removesource and /stats do (before: reply_to None, so in a
  busy topic nobody could tell whose /ingest it was).
- A menu button's token replayed in another chat is refused with the README's words, «هذا الزر
  من محادثة أخرى، ولا يعمل هنا.», as a story button's is (before: «انتهت صلاحية هذا الزر»,
  which says to ask again).

Real parts: the real Application (PTB) against the emulator, a real SQLite file.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from botkit import ADMIN, READER, running_bot, sample_db

FORUM, OTHER = -100902, -100903


async def test_ingest_in_a_forum_topic_replies_to_the_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import digests.pipeline

    async def hanging(*args: object, **kwargs: object) -> None:  # no network: the poll waits
        await asyncio.sleep(3600)

    path = sample_db(tmp_path)  # built by a real poll first
    monkeypatch.setattr(digests.pipeline, "poll_once", hanging)
    async with running_bot(path) as h:
        h.emu.add_group(FORUM, "منتدى", admins=[ADMIN], forum=True)
        before = len(h.emu.messages(FORUM))
        asked = h.emu.send_user_message(FORUM, "/ingest", user=h.user(ADMIN), extra={
            "message_thread_id": 77, "is_topic_message": True})
        [started] = (await h.emu.await_messages(FORUM, before + 1, timeout=10))[before:]
        assert "بدأ" in started.plain_text, started.plain_text
        assert started.message_thread_id == 77 and started.reply_to == asked


async def test_a_menu_token_from_another_chat_says_so(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(FORUM, "منتدى", admins=[ADMIN])
        h.emu.add_group(OTHER, "مجموعة أخرى", admins=[READER])
        [menu] = await h.say(FORUM, "/settings", user=h.user(ADMIN))
        token = menu.buttons()[0]["callback_data"]
        [mine] = await h.say(OTHER, "/settings", user=h.user(READER))
        answer = await h.click_answer(mine, data=token, user=h.user(READER))
        assert answer.get("text") == "هذا الزر من محادثة أخرى، ولا يعمل هنا.", answer
        assert answer.get("show_alert")
        # an unknown token still says it expired
        unknown = await h.click_answer(mine, data="x" * 22, user=h.user(READER))
        assert "هذا الزر لا يعمل" in str(unknown.get("text")), unknown  # forged (QA65-9)
