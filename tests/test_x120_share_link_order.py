"""X120 (session 26), QA74-4: a share link's question comes last, the welcome only to a new chat.

The link's «🔔 تابع «…»» question came first, then the whole welcome with its five topic buttons:
the one button the reader came for was above five others and off-screen on a phone. Now a chat
new to the bot gets the welcome first and the link's answer (asked, followed or refused) last;
a reader the bot knows gets the answer alone.
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.deep_links import encode_start_payload
from digests import subscriptions


async def test_the_question_is_the_last_thing_a_new_reader_sees(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "/start " + encode_start_payload("كورونا 2020"), n=2)
        await h.settle()
        assert h.emu.messages(READER) == got  # nothing after the question
        welcome, ask = got
        assert "أهلًا بك" in welcome.plain_text and len(welcome.button_texts()) == 5
        assert "يطلب هذا الرابط متابعة" in ask.plain_text, ask.plain_text
        assert ask.button_texts() == ["🔔 تابع «كورونا 2020»"], ask.button_texts()
        [done] = await h.click(ask, ask.button_texts()[0])
        assert "تمت متابعة" in done.plain_text
        # a refusal is last too, in English as well
        got = await h.say(READER + 1, "/start " + encode_start_payload("زززز قققق"), n=2,
                          language_code="en")
        assert "Welcome" in got[0].plain_text, got[0].plain_text
        assert "no searchable words" in got[1].plain_text and not got[1].button_texts()


async def test_a_reader_the_bot_knows_gets_the_links_answer_alone(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        for topic, said in (("كورونا 2020", "يطلب هذا الرابط متابعة"),
                            ("الغوطة", "تمت متابعة «الغوطة» عبر الرابط")):
            before = len(h.emu.messages(READER))
            [answer] = await h.say(READER, "/start " + encode_start_payload(topic))
            await h.settle()
            assert len(h.emu.messages(READER)) == before + 1, topic  # no welcome again
            assert said in answer.plain_text.replace("\u200e", ""), answer.plain_text
            assert "أهلًا بك" not in answer.plain_text
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == ["الغوطة"]
        # /start alone still welcomes
        [again] = await h.say(READER, "/start")
        assert "أهلًا بك" in again.plain_text


async def test_a_reader_back_after_blocking_gets_the_welcome_back_then_the_answer(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        h.db.db.execute("update chats set active = 0 where id = ?", [READER])  # blocked, kept
        h.db.conn.commit()
        got = await h.say(READER, "/start " + encode_start_payload("كورونا 2020"), n=2)
        await h.settle()
        assert h.emu.messages(READER)[-2:] == got
        assert "أهلًا بعودتك" in got[0].plain_text and "الغوطة" in got[0].plain_text
        assert got[1].button_texts() == ["🔔 تابع «كورونا 2020»"], got[1].plain_text
