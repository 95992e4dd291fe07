"""The terminal standing in for Telegram: what the offline demo and the sandbox share.

Both print the bot's messages from the emulator as terminal text, each once and again when
edited, with its buttons numbered, and both read typed lines (a prompt on a terminal; each line
echoed when stdin is a pipe; /quit to leave). They differ where it matters, so only these pieces
are here (session-14 review D4):

- bot.demo runs the bot in its own event loop (async reads on a thread) and shows one chat;
  cli.sandbox drives `run.py bot` processes from plain blocking reads and shows every chat;
- their words differ on purpose and are kept: the demo's prompt «أنت / you › » and «لا زر
  بالرقم» (bot.texts_bilingual), the sandbox's «أنت / you> » (test_x47 reads it) and «لا زر
  برقم»; the demo's head names the bot, the sandbox's the chat;
- the demo's «no button» is a note after which it still waits for the bot; the sandbox skips
  the wait.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO

from bot.emulator import SentMessage
from bot.lines import LRI, LRM, PDI, RLI, RLM

INDENT = "   "  # a message's lines under its head


def to_terminal(text: str, *, bold: bool = False) -> str:
    """Telegram HTML as readable terminal text: links as «text ⟨url⟩», tags dropped, no RLM,
    LRM, LRI or PDI (direction marks for Telegram's clients)."""
    def link(m: re.Match[str]) -> str:
        return f"{m.group(2)} ⟨{m.group(1)}⟩"

    text = re.sub(r'<a href="([^"]*)">(.*?)</a>', link, text, flags=re.S)
    if bold:
        text = re.sub(r"<b>(.*?)</b>", "\x1b[1m\\1\x1b[0m", text, flags=re.S)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(unmarked(text))


def unmarked(text: str) -> str:
    """`text` without Telegram's direction marks and isolates (RLM, LRM, LRI, RLI, PDI): a
    button label's headline is an isolate (bot.i18n_labels), which a terminal shows as junk."""
    for mark in (RLM, LRM, LRI, RLI, PDI):
        text = text.replace(mark, "")
    return text


def message_block(head: str, m: SentMessage, *, bold: bool = False) -> str:
    """One message as printed: its head line, its text indented, its buttons numbered from 1 on
    one line, then a blank line."""
    body = to_terminal(m.text if m.parse_mode else m.plain_text, bold=bold)
    block = head + "\n" + INDENT + body.replace("\n", "\n" + INDENT) + "\n"
    labels = [unmarked(label) for label in m.button_texts()]
    if labels:
        block += INDENT + "  ".join(f"[{i}] {label}" for i, label in enumerate(labels, 1)) + "\n"
    return block + "\n"


@dataclass
class Screen:
    """What the terminal has shown: each message once (again after each edit), and the buttons
    of the last message printed with buttons, which a typed number presses."""

    out: IO[str]
    bold: bool = False
    seen: dict[tuple[int, int], int] = field(default_factory=dict)  # (chat, message) → edits
    buttons: list[tuple[SentMessage, str]] = field(default_factory=list)

    def show(self, messages: Iterable[SentMessage],
             head: Callable[[SentMessage, bool], str]) -> int:
        """Print the messages not shown in their current state (`head(m, edited)` names each);
        returns how many."""
        printed = 0
        for m in messages:
            key = (m.chat_id, m.message_id)
            if self.seen.get(key) == m.edits:
                continue
            edited = key in self.seen
            self.seen[key] = m.edits
            self.out.write(message_block(head(m, edited), m, bold=self.bold))
            labels = m.button_texts()
            if labels:
                self.buttons = [(m, label) for label in labels]
            printed += 1
        if printed:
            self.out.flush()
        return printed

    def presses(self, line: str) -> bool:
        """Whether the typed line is a button's number (there are buttons to press). Decimal
        digits only: «²» is a digit to str.isdigit but not a number int() reads; «٢» is both."""
        return line.isdecimal() and bool(self.buttons)

    def button(self, line: str) -> tuple[SentMessage, str] | None:
        """The message and label of button number `line`, or None when there is no such one."""
        index = int(line) - 1
        return self.buttons[index] if 0 <= index < len(self.buttons) else None


@dataclass(frozen=True)
class Typing:
    """The typed side: a prompt before each read on a terminal; on a pipe no prompt, and each
    line echoed after it, so the output reads as a conversation. The words that leave are
    bot.demo.QUIT_WORDS: they hold an Arabic word the user types, which test_i18n allows in
    bot.demo alone."""

    out: IO[str]
    prompt: str
    interactive: bool
    quit_words: tuple[str, ...]

    def ask(self) -> None:
        if self.interactive:
            self.out.write(self.prompt)
            self.out.flush()

    def take(self, raw: str) -> str | None:
        """The line `raw` (as read, "" at the end of input) to act on: None to stop (end of
        input or a quit word), "" for a blank line (read the next)."""
        if not raw:
            return None
        line = raw.strip()
        if not line:
            return ""
        if line in self.quit_words:
            return None
        if not self.interactive:
            self.out.write(self.prompt + line + "\n")
        return line
