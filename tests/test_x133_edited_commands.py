"""QA76-1, -2, -10, -11 (X133): a private message edited into a command (bot.edited_commands).

- QA76-10: «/subscribe عفرين» edited into «/subscribe لبنان» was told «عدّلتَ رسالة فصارت أمرًا» (it
  was a command, and it ran) and its button followed Lebanon as well, unsaid; now «عدّلتَ الأمر
  بعد تنفيذه», «ما زلت تتابع «عفرين»» and a button that stops following it.
- QA76-1: an edit into a mistyped or another bot's command got no button and was told to
  resend the command the bot refuses; now the «هل تقصد» a new message gets, with its button.
- QA76-2: a reader's edit into /stats was invited to resend it; now told it is the operator's.
- QA76-11: a long command's button was cut mid-word and the text offered a cut command.

The real bot against the emulator (its `edit_user_message`), a copy of the sample database.
"""

from __future__ import annotations

from pathlib import Path

from botkit import BotHarness, READER, running_bot, sample_db

from bot.emulator import SentMessage
from digests import subscriptions


def _topics(h: BotHarness, chat: int) -> list[str]:
    return [s.topic for s in subscriptions.list_subscriptions(h.db, chat)]


async def _edited(h: BotHarness, chat: int, first: str, edit: str, *,
                  language_code: str = "ar") -> SentMessage:
    """`first` sent and answered, then edited into `edit`: the bot's answer to the edit."""
    message_id = h.emu.send_user_message(chat, first, language_code=language_code)
    await h.emu.await_messages(chat, 1, timeout=30)
    await h.settle()
    before = len(h.emu.messages(chat))
    h.emu.edit_user_message(chat, message_id, edit)
    return (await h.emu.await_messages(chat, before + 1, timeout=30))[before]


def bare(message: SentMessage) -> str:
    """The message's text without direction marks (LRM around «/subscribe»)."""
    return message.plain_text.replace("\u200e", "").replace("\u200f", "")


async def test_an_edited_subscribe_says_it_ran_and_what_is_still_followed(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        chat = READER + 50
        hint = await _edited(h, chat, "/subscribe عفرين", "/subscribe لبنان")
        assert _topics(h, chat) == ["عفرين"]
        text = bare(hint)
        assert "عدّلتَ الأمر بعد تنفيذه" in text and "فصارت أمرًا" not in text, text
        assert "ما زلت تتابع «عفرين»" in text and "/unsubscribe عفرين" in text, text
        assert hint.button_texts() == ["/subscribe لبنان", "/unsubscribe عفرين"], \
            hint.button_texts()
        await h.click(hint, "/unsubscribe عفرين")
        await h.until(lambda: _topics(h, chat) == [])
        await h.click(hint, "/subscribe لبنان")
        await h.until(lambda: _topics(h, chat) == ["لبنان"])
        # English alike, the topic shown by its English name
        en = READER + 51
        hint = await _edited(h, en, "/subscribe Ghouta", "/subscribe Lebanon",
                             language_code="en")
        assert "You edited the command after it had run" in bare(hint), bare(hint)
        assert "you still follow «" in bare(hint), bare(hint)
        assert len(hint.button_texts()) == 2 and hint.button_texts()[1].startswith(
            "/unsubscribe "), hint.button_texts()


async def test_an_edited_command_other_than_subscribe_is_still_said_to_have_run(
        tmp_path: Path) -> None:
    """«/topics» edited into «/settings»: the command ran; nothing is «still followed»."""
    async with running_bot(sample_db(tmp_path)) as h:
        chat = READER + 52
        hint = await _edited(h, chat, "/topics", "/settings")
        assert "عدّلتَ الأمر بعد تنفيذه" in bare(hint), bare(hint)
        assert "ما زلت تتابع" not in bare(hint)
        assert hint.button_texts() == ["/settings"]
        # a plain message edited into a command keeps its own words
        hint = await _edited(h, READER + 53, "لبنان", "/subscribe لبنان")
        assert "عدّلتَ رسالة فصارت أمرًا" in bare(hint), bare(hint)


async def test_an_edit_into_a_mistyped_or_other_bots_command_gets_the_guess(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        chat = READER + 60
        hint = await _edited(h, chat, "لبنان", "/subscripe لبنان")
        assert "هل تقصد /subscribe لبنان" in bare(hint), bare(hint)
        assert "رسالة جديدة" not in bare(hint), bare(hint)
        assert hint.button_texts() == ["/subscribe لبنان"], hint.button_texts()
        await h.click(hint, "/subscribe لبنان")
        await h.until(lambda: _topics(h, chat) == ["لبنان"])
        en = READER + 61
        hint = await _edited(h, en, "hi", "/follow Brexit", language_code="en")
        assert "Did you mean /subscribe Brexit" in bare(hint), bare(hint)
        assert "new message" not in bare(hint), bare(hint)
        assert hint.button_texts() == ["/subscribe Brexit"], hint.button_texts()
        # a name near nothing: unknown, and /help — no «send it as a new message: /foo»
        hint = await _edited(h, READER + 62, "لبنان", "/foo")
        assert "لا أعرف الأمر /foo" in bare(hint) and "/help" in bare(hint)
        assert "رسالة جديدة" not in bare(hint) and not hint.button_texts()


async def test_a_reader_is_not_invited_to_resend_an_operators_command(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        hint = await _edited(h, READER + 70, "مرحبا", "/stats")
        assert "لمشغّل البوت فقط" in bare(hint), bare(hint)
        assert "رسالة جديدة" not in bare(hint) and not hint.button_texts()
        hint = await _edited(h, READER + 71, "hi", "/stats", language_code="en")
        assert "for the bot's operator only" in bare(hint), bare(hint)


async def test_a_long_edited_command_is_offered_by_its_button_cut_at_a_word(
        tmp_path: Path) -> None:
    long = ("/subscribe الغوطة الشرقية وريف دمشق وحمص وحماة وحلب وإدلب ودير الزور والرقة والحسكة "
            "والقامشلي وعفرين ومنبج والباب وجرابلس وتل رفعت")
    async with running_bot(sample_db(tmp_path)) as h:
        hint = await _edited(h, READER + 80, "مرحبا", long)
        [label] = hint.button_texts()
        assert label.endswith("…") and long.startswith(label[:-1].rstrip()), label
        assert long[len(label[:-1].rstrip())] == " ", label  # cut at a word, not in one
        assert "اضغط الزر" in bare(hint) and "رسالة جديدة" not in bare(hint)


async def test_a_second_edit_changes_the_answer_and_its_button(tmp_path: Path) -> None:
    """QA76-3: «عفرين» edited into «/subscribe عفرين», then into «/subscribe لبنان»: the second
    edit got no word and the one button followed «عفرين». Now the answer is changed in place."""
    async with running_bot(sample_db(tmp_path)) as h:
        chat = READER + 90
        message_id = h.emu.send_user_message(chat, "عفرين")
        await h.emu.await_messages(chat, 1, timeout=30)
        await h.settle()
        h.emu.edit_user_message(chat, message_id, "/subscribe عفرين")
        hint = (await h.emu.await_messages(chat, 2, timeout=30))[-1]
        assert hint.button_texts() == ["/subscribe عفرين"]
        count = len(h.emu.messages(chat))
        h.emu.edit_user_message(chat, message_id, "/subscribe لبنان")
        await h.until(lambda: h.emu.messages(chat)[-1].button_texts() == ["/subscribe لبنان"])
        assert len(h.emu.messages(chat)) == count  # no second answer: the first one changed
        changed = h.emu.messages(chat)[-1]
        assert "/subscribe لبنان" in bare(changed) and "عفرين" not in bare(changed)
        await h.click(changed, "/subscribe لبنان")
        await h.until(lambda: _topics(h, chat) == ["لبنان"])
