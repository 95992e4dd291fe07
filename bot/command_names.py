"""The command a message starts with, as the bot's gates read it.

Four gates ask «which command is this text?» before PTB's CommandHandler runs: the group
repeat check (bot.repeats), the channel gate (bot.channels), the forwarded-command gate
(bot.forwards, which borrowed bot.channels') and the forum's delivery topic (bot.threads).
Three copies of the parse (`words[0][1:].split("@", 1)[0].lower()`) became this one. It lives
in a module that imports nothing of the bot because bot.runtime imports bot.repeats at its top
and bot.channels imports bot.runtime: the parse in either of them would be an import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    """A command as typed: «/Search@nashra_bot  الغوطة» → name "search", words ("الغوطة",)."""

    name: str  # without the slash and the «@bot» suffix, lower case
    words: tuple[str, ...]  # what follows the command, split on white space

    @property
    def has_words(self) -> bool:
        """Whether anything but white space follows the command (a topic, for most)."""
        return bool(self.words)


def command_of(text: str) -> Command | None:
    """The command `text` starts with, or None for a text that is no command (its first word
    does not start with «/»). Leading white space is passed over, as Telegram strips it."""
    words = text.split()
    if not words or not words[0].startswith("/"):
        return None
    return Command(words[0][1:].split("@", 1)[0].lower(), tuple(words[1:]))


def command_name(text: str) -> str | None:
    """Only the name of the command `text` starts with («/Topics@bot x» → "topics"), or None."""
    command = command_of(text)
    return command.name if command is not None else None
