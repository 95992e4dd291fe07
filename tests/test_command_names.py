"""bot.command_names: the one parse of «which command does this text start with» that the
repeat, channel, forwarded-command and forum-topic gates share."""

from __future__ import annotations

from bot.command_names import Command, command_name, command_of
from bot.repeats import ask_of
from bot.threads import SETTING_COMMANDS


def test_the_name_loses_its_slash_and_bot_suffix_and_is_lower_case() -> None:
    assert command_of("/Search@nashra_bot  الغوطة  الشرقية ") == Command(
        "search", ("الغوطة", "الشرقية"))
    assert command_of("  /TOPICS") == Command("topics", ())
    assert command_name("/Topics@a@b x") == "topics"


def test_a_text_that_is_no_command_has_none() -> None:
    for text in ("", "   ", "أخبار اليوم", "subscribe لبنان", "x /digest"):
        assert command_of(text) is None
        assert command_name(text) is None


def test_white_space_alone_after_the_command_is_no_topic() -> None:
    assert command_of("/unsubscribe \u00a0 \t") == Command("unsubscribe", ())
    assert command_of("/subscribe\nلبنان") == Command("subscribe", ("لبنان",))


def test_the_gates_read_it_alike() -> None:
    # bot.repeats keeps the words as typed, joined by one space
    assert ask_of("/Search@bot   الغوطة\tالشرقية") == "search الغوطة الشرقية"
    assert ask_of("/search") is None and ask_of("/help") is None
    # bot.threads: only /subscribe makes its topic the delivery topic, however it is written
    assert command_name("/SUBSCRIBE@nashra_bot غزة") in SETTING_COMMANDS
    assert command_name("//subscribe") not in SETTING_COMMANDS
