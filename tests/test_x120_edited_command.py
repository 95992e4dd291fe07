"""X120 (session 26), QA74-13: a message edited into a command gets a button that runs it.

The edit is still not run (QA29 A7, QA65-12); the reply said «أرسله رسالة جديدة: /subscribe الغوطة»
and the reader had to type it again, where a mistyped command is offered a button
(bot.command_guess). The button is the same kind: an opaque id stored with the command and its
words, checked on the server; an operator's command is not offered to a reader.
"""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import subscriptions
from digests.storage import Database


def _topics(db: Database, chat: int) -> list[str]:
    return [s.topic for s in subscriptions.list_subscriptions(db, chat)]


async def test_the_edited_command_is_a_button_that_runs_it(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        chat = READER + 1001
        message_id = h.emu.send_user_message(chat, "الغوطه")
        await h.emu.await_messages(chat, 1, timeout=30)
        h.emu.edit_user_message(chat, message_id, "/subscribe الغوطة")
        hint = (await h.emu.await_messages(chat, 2, timeout=30))[1]
        assert "رسالة جديدة" in hint.plain_text and "اضغط الزر" in hint.plain_text, hint.text
        assert hint.button_texts() == ["/subscribe الغوطة"], hint.button_texts()
        assert _topics(h.db, chat) == []  # the edit itself ran nothing
        await h.click(hint, "/subscribe الغوطة")
        await h.until(lambda: _topics(h.db, chat) == ["الغوطة"])
        # callback data is an opaque id, not the command
        markup = hint.reply_markup or {}
        data = markup["inline_keyboard"][0][0]["callback_data"]
        assert "subscribe" not in data and "الغوطة" not in data
        # in English too
        en = READER + 1002
        message_id = h.emu.send_user_message(en, "hello", language_code="en")
        await h.emu.await_messages(en, 1, timeout=30)
        h.emu.edit_user_message(en, message_id, "/topics")
        hint = (await h.emu.await_messages(en, 2, timeout=30))[1]
        assert "press the button" in hint.plain_text and "new message" in hint.plain_text
        assert hint.button_texts() == ["/topics"]


async def test_no_button_for_an_operators_command_or_an_unknown_one(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        for n, edit in enumerate(("/stats", "/frobnicate now")):
            chat = READER + 1010 + n
            message_id = h.emu.send_user_message(chat, "الغوطه")
            await h.emu.await_messages(chat, 1, timeout=30)
            h.emu.edit_user_message(chat, message_id, edit)
            hint = (await h.emu.await_messages(chat, 2, timeout=30))[1]
            # X133 (QA76-1/-2): not invited to resend what the bot refuses
            assert "رسالة جديدة" not in hint.plain_text and "اضغط" not in hint.plain_text, edit
            assert ("لمشغّل البوت فقط" if n == 0 else "لا أعرف الأمر") in hint.plain_text, edit
            assert not hint.button_texts(), edit
        # the operator is offered theirs
        before = len(h.emu.messages(ADMIN))
        message_id = h.emu.send_user_message(ADMIN, "/statss")
        await h.emu.await_messages(ADMIN, before + 1, timeout=30)
        h.emu.edit_user_message(ADMIN, message_id, "/stats")
        hint = (await h.emu.await_messages(ADMIN, before + 2, timeout=30))[before + 1]
        assert hint.button_texts() == ["/stats"], hint.button_texts()
