"""A forum's news stays in the topic an admin chose (QA49 M3, M4; brief X71). The real
Application against the emulator (which refuses a closed topic, and General as topic 1, with
TOPIC_CLOSED as Telegram does), a real SQLite file.

- M3: a second admin's /subscribe in another topic no longer moves the group's news there: it
  is answered with where the news goes and «📍 انشر هنا»; only that press moves it, said in the
  new topic.
- M4: the delivery topic and General both closed: the group is held, its queue kept, its
  admins told in private, instead of failing every story.
"""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, READER, BotHarness, running_bot, sample_db

from bot.emulator_model import SentMessage

FORUM = -100900
SAMI = 1002


def _thread(h: BotHarness) -> int | None:
    return h.db.db.execute("select thread_id from chats where id = ?",
                           [FORUM]).fetchone()[0]  # type: ignore[no-any-return]


async def _say_in(h: BotHarness, text: str, user_id: int, thread: int | None,
                  n: int = 1) -> list[SentMessage]:
    before = len(h.emu.messages(FORUM))
    extra = {"message_thread_id": thread, "is_topic_message": True} if thread else {}
    h.emu.send_user_message(FORUM, text, user=h.user(user_id), extra=extra)
    return (await h.emu.await_messages(FORUM, before + n, timeout=10))[before:before + n]


async def test_another_admins_subscribe_offers_the_topic_and_moves_nothing(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, SAMI})) as h:
        h.emu.add_group(FORUM, "منتدى", admins=[ADMIN, SAMI], forum=True)
        offer, _ = await _say_in(h, "/subscribe سامسونغ", ADMIN, 77, n=2)
        assert "«العام»" in offer.plain_text  # where the news goes now: General
        [said] = await h.click(offer, "📍 انشر هنا", user=h.user(ADMIN))
        assert said.message_thread_id == 77 and _thread(h) == 77
        # Sami follows another topic in 88: the news stays in 77, Sami is told so
        offer, ok = await _say_in(h, "/subscribe الذهب", SAMI, 88, n=2)
        assert "الذهب" in ok.plain_text and "موضوع آخر" in offer.plain_text
        assert offer.message_thread_id == 88 and _thread(h) == 77
        # a member may not press it
        answer = await h.click_answer(offer, "📍 انشر هنا", user=h.user(READER))
        assert answer.get("show_alert") and _thread(h) == 77
        # Sami presses it: 88 from now on, said in 88
        [said] = await h.click(offer, "📍 انشر هنا", user=h.user(SAMI))
        assert said.message_thread_id == 88 and _thread(h) == 88
        # the same admin's /subscribe in the delivery topic offers nothing
        [only] = await _say_in(h, "/subscribe النفط", SAMI, 88)
        await h.settle()
        assert "النفط" in only.plain_text
        assert not [m for m in h.emu.messages(FORUM) if m.message_id > only.message_id]


async def test_general_and_the_delivery_topic_closed_hold_the_group_and_tell(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(FORUM, "منتدى المجتمع", admins=[ADMIN], forum=True)
        offer, _ = await _say_in(h, "/subscribe الغوطة", ADMIN, 77, n=2)
        await h.click(offer, "📍 انشر هنا", user=h.user(ADMIN))
        h.emu.close_topic(FORUM, 77)
        h.emu.close_topic(FORUM, 1)  # General
        private = len(h.emu.messages(ADMIN))
        h.emu.send_user_message(ADMIN, "/push الغوطة", user=h.user(ADMIN))
        await h.until(lambda: h.db.db.execute("select active from chats where id = ?",
                                              [FORUM]).fetchone()[0] == 0, 15)
        # The hold notice, not the push report's held line (X82), which names the group too.
        await h.until(lambda: any("لم يعد بوسعي النشر في «منتدى المجتمع»" in m.plain_text
                                  for m in h.emu.messages(ADMIN)[private:]), 10)
        [note] = [m.plain_text for m in h.emu.messages(ADMIN)[private:]
                  if "لم يعد بوسعي النشر في «منتدى المجتمع»" in m.plain_text]
        assert "مغلقان" in note and "انشر هنا" in note
        statuses = {r[0] for r in h.db.db.execute(
            "select status from outbox where chat_id = ?", [FORUM])}
        assert statuses == {"pending"}, statuses  # kept, not failed
