"""bot.threads end to end (QA16 F3): in a forum supergroup, answers go to the topic they were
asked in (a reader's search, an admin's command and its background report), deliveries to the
topic where an admin last chose what the group gets, and to General once that topic is closed;
a group without topics is sent no thread. The real Application against the emulator, which
refuses a thread in a group without topics and a message to a closed topic, as Telegram does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from botkit import ADMIN, READER, BotHarness, running_bot, sample_db

from bot.emulator_model import SentMessage

FORUM = -100900


def _thread_of_chat(h: BotHarness, chat_id: int) -> Any:
    return h.db.db.execute("select thread_id from chats where id = ?", [chat_id]).fetchone()[0]


async def _say_in(h: BotHarness, text: str, user_id: int, thread: int | None,
                  chat_id: int = FORUM, n: int = 1, topic: bool = True) -> list[SentMessage]:
    """`user_id` writes `text` in topic `thread` of the chat; the bot's next `n` messages."""
    before = len(h.emu.messages(chat_id))
    extra = ({"message_thread_id": thread, "is_topic_message": topic}
             if thread is not None else {})
    h.emu.send_user_message(chat_id, text, user=h.user(user_id), extra=extra)
    got = await h.emu.await_messages(chat_id, before + n, timeout=10)
    return got[before:before + n]


async def _choose(h: BotHarness, thread: int) -> None:
    """The admin's /subscribe in `thread` offers «📍 انشر هنا»; pressed, the topic is the
    delivery topic, said there."""
    offer, ok = await _say_in(h, "/subscribe الغوطة", ADMIN, thread, n=2)
    assert {offer.message_thread_id, ok.message_thread_id} == {thread}
    assert "الغوطة" in ok.plain_text and _thread_of_chat(h, FORUM) != thread
    [said] = await h.click(offer, "📍 انشر هنا", user=h.user(ADMIN))
    assert said.message_thread_id == thread and "هذا الموضوع" in said.plain_text
    assert _thread_of_chat(h, FORUM) == thread


async def test_answers_and_deliveries_go_to_the_forum_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(FORUM, "منتدى", admins=[ADMIN], forum=True)
        # a member's search in topic 77 is answered there, not in General
        answers = await _say_in(h, "/search الغوطة", READER, 77)
        assert {m.message_thread_id for m in answers} == {77}
        # a member's /subscribe is refused in the topic, and moves no delivery
        [refused] = await _say_in(h, "/subscribe سوريا", READER, 88)
        assert refused.message_thread_id == 88 and _thread_of_chat(h, FORUM) is None
        # the admin's /subscribe in topic 77: answered there with «📍 انشر هنا» (QA49 M3: the
        # delivery topic moves only by that choice); pressed, deliveries go there
        await _choose(h, 77)
        # the admin's /push from topic 55: its acknowledgement and its background report in
        # 55, the group's digest in 77
        seen = len(h.emu.messages(FORUM))
        h.emu.send_user_message(FORUM, "/push الغوطة", user=h.user(ADMIN),
                                extra={"message_thread_id": 55, "is_topic_message": True})
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(FORUM)[seen:]), 15)
        new = h.emu.messages(FORUM)[seen:]
        digests = [m for m in new if "📰" in m.plain_text]
        admin_answers = [m for m in new if m not in digests]
        assert digests and {m.message_thread_id for m in digests} == {77}
        assert len(admin_answers) >= 2 and {m.message_thread_id for m in admin_answers} == {55}


async def test_a_closed_delivery_topic_falls_back_to_general(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(FORUM, "منتدى", admins=[ADMIN], forum=True)
        await _choose(h, 77)
        h.emu.close_topic(FORUM, 77)
        seen = len(h.emu.messages(FORUM))
        h.emu.send_user_message(ADMIN, "/push الغوطة", user=h.user(ADMIN))
        await h.until(lambda: any("📰" in m.plain_text for m in h.emu.messages(FORUM)[seen:]),
                      15)
        [digest] = [m for m in h.emu.messages(FORUM)[seen:] if "📰" in m.plain_text]
        assert digest.message_thread_id is None  # General
        assert _thread_of_chat(h, FORUM) is None
        assert h.emu.refusals(400)  # Telegram's TOPIC_CLOSED, once
        # said in General, once, with how to choose another topic (QA49 M4)
        said = [m for m in h.emu.messages(FORUM)[seen:] if "مغلق" in m.plain_text]
        assert len(said) == 1 and said[0].message_thread_id is None
        assert "انشر هنا" in said[0].plain_text


async def test_a_group_without_topics_is_sent_no_thread(tmp_path: Path) -> None:
    """In a group without topics `message_thread_id` names a chain of replies; sending to it
    fails ("message thread not found"), so only a topic message's thread is answered to."""
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(-100901, "مجموعة", admins=[ADMIN])
        [m] = await _say_in(h, "/subscribe الغوطة", ADMIN, 12, chat_id=-100901, topic=False)
        assert m.message_thread_id is None and "الغوطة" in m.plain_text
        assert _thread_of_chat(h, -100901) is None
        assert not h.emu.refusals(400)


async def test_a_settings_button_an_admin_presses_moves_no_delivery(tmp_path: Path) -> None:
    """/settings only shows a menu (an admin's; a member gets what is set, without buttons:
    QA54-15); a press of one of its buttons in topic 66, a member's or an admin's, answers
    there and moves no delivery (QA49 M3: opening a submenu moved the group's news)."""
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(FORUM, "منتدى", admins=[ADMIN], forum=True)
        [menu] = await _say_in(h, "/settings", ADMIN, 66)
        assert menu.message_id and menu.message_thread_id == 66
        assert _thread_of_chat(h, FORUM) is None  # opening the menu changes nothing
        answer = await h.click_answer(menu, "🗓 يومية", user=h.user(READER))
        assert answer.get("show_alert") and _thread_of_chat(h, FORUM) is None
        h.emu.click(menu, "🗓 يومية", user=h.user(ADMIN))
        await h.until(lambda: any("النشرة اليومية" in m.plain_text
                                  for m in h.emu.messages(FORUM)))
        await h.settle()
        assert _thread_of_chat(h, FORUM) is None
        assert {m.message_thread_id for m in h.emu.messages(FORUM)} == {66}
