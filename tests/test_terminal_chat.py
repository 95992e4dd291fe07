"""bot.terminal_chat: the terminal view the offline demo and the sandbox share (each message
once and again when edited, buttons numbered; typed lines with a prompt or an echo)."""

from __future__ import annotations

import io
from dataclasses import replace

from bot.emulator import SentMessage
from bot.terminal_chat import Screen, Typing, message_block

QUIT = ("/quit", "/exit", "خروج")


def _message(text: str, *, chat: int = 7, message_id: int = 1,
             buttons: tuple[str, ...] = ()) -> SentMessage:
    markup = {"inline_keyboard": [[{"text": b, "callback_data": b} for b in buttons]]} \
        if buttons else None
    return SentMessage(chat_id=chat, message_id=message_id, text=text, plain_text=text,
                       parse_mode="HTML", reply_markup=markup, at=0.0, wall_time=0.0)


def test_a_message_block_indents_its_lines_and_numbers_its_buttons() -> None:
    m = _message('<b>عنوان</b>\n<a href="http://x.test/1">خبر</a> &amp; نص',
                 buttons=("🔔 تابع", "التالي"))
    assert message_block("🤖 head:", m) == (
        "🤖 head:\n   عنوان\n   خبر ⟨http://x.test/1⟩ & نص\n   [1] 🔔 تابع  [2] التالي\n\n")
    assert message_block("h:", _message("<b>x</b>"), bold=True) == "h:\n   \x1b[1mx\x1b[0m\n\n"


def test_the_screen_shows_each_message_once_and_again_when_edited() -> None:
    out = io.StringIO()
    screen = Screen(out)
    first, second = _message("a", buttons=("1",)), _message("b", chat=-5, message_id=1)

    def head(m: SentMessage, edited: bool) -> str:
        return f"{m.chat_id}{' edited' if edited else ''}:"

    assert screen.show([first, second], head) == 2
    assert screen.show([first, second], head) == 0  # same chat-and-id pairs, same edits
    assert screen.show([replace(first, text="a2", plain_text="a2", edits=1), second], head) == 1
    assert out.getvalue() == "7:\n   a\n   [1] 1\n\n-5:\n   b\n\n7 edited:\n   a2\n   [1] 1\n\n"


def test_a_number_presses_a_button_of_the_last_message_with_buttons() -> None:
    screen = Screen(io.StringIO())
    assert not screen.presses("1")  # no buttons yet: a number is a message
    with_buttons = _message("a", buttons=("x", "y"))
    screen.show([with_buttons, _message("plain", message_id=2)], lambda m, e: "")
    assert screen.presses("2") and not screen.presses("2a")
    assert screen.button("2") == (with_buttons, "y")
    assert screen.button("3") is None and screen.button("0") is None


def test_an_arabic_digit_presses_and_a_superscript_is_a_message() -> None:
    screen = Screen(io.StringIO())
    with_buttons = _message("a", buttons=("x", "y"))
    screen.show([with_buttons], lambda m, e: "")
    assert screen.presses("٢") and screen.button("٢") == (with_buttons, "y")
    assert not screen.presses("²")  # was pressed, then int("²") raised ValueError


def test_typing_on_a_pipe_echoes_and_stops_at_a_quit_word_or_the_end() -> None:
    out = io.StringIO()
    typing = Typing(out, "you> ", False, QUIT)
    typing.ask()
    assert out.getvalue() == ""  # no prompt on a pipe
    assert typing.take("  /start \n") == "/start"
    assert typing.take(" \n") == ""
    assert typing.take("خروج\n") is None and typing.take("") is None
    assert out.getvalue() == "you> /start\n"  # the quit word is not echoed


def test_typing_on_a_terminal_prompts_and_does_not_echo() -> None:
    out = io.StringIO()
    typing = Typing(out, "you> ", True, QUIT)
    typing.ask()
    assert typing.take("/help\n") == "/help"
    assert out.getvalue() == "you> "
