"""X119 (session 25): /lang while another program holds the database (QA74-9).

During a `BEGIN EXCLUSIVE` held by another program (a sqlite3 shell, a backup), /lang sent its
picker, whose buttons could not be stored, and the press was answered «انتهت صلاحية هذا الزر.
أعد الطلب من جديد.» — false, and the language was not set. Now /lang says the database is busy
(in the reader's language), as /subscribe does; a press whose button is known nowhere while
writes are refused (its meaning held in memory and lost, as by a restart) says busy too, not
«expired»; after the lock the picker works."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, sample_db
from test_db_faults import bot_on, exclusive

from bot.runtime import RUNTIME_KEY
from digests import subscriptions

BUSY_AR = "قاعدة البيانات مشغولة الآن، أعد المحاولة بعد قليل"


async def test_the_language_picker_in_a_lock_says_busy_not_expired(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    async with bot_on(path) as h:
        await h.say(READER, "/start")
        await h.say(READER + 1, "/start", language_code="en")
        await h.say(READER + 1, "/lang en")
        other = exclusive(path)
        try:
            [busy] = await h.say(READER, "/lang")
            assert busy.plain_text == BUSY_AR and not busy.button_texts()
            [busy_en] = await h.say(READER + 1, "/lang")
            assert "busy" in busy_en.plain_text and not busy_en.button_texts(), busy_en.plain_text
            # a button sent unstored whose meaning this process lost (a restart): busy
            [settings] = await h.say(READER, "/settings")
            h.app.bot_data[RUNTIME_KEY].held.held.clear()
            answer = await h.click_answer(settings, settings.button_texts()[0])
            assert answer["text"] == BUSY_AR, answer
        finally:
            other.execute("ROLLBACK")
            other.close()
        [menu] = await h.say(READER, "/lang")  # the lock gone: the picker works
        answer = await h.click_answer(menu, "English")
        assert "انتهت" not in answer["text"]
        chat = subscriptions.get_chat(h.db, READER)
        assert chat is not None and chat.language == "en"
