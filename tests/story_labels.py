"""Story buttons as a test reads them (QA36 E6): «📖 خبر ٣: ترامب يعلن…» — the story's number
before the colon, its first words after it."""

from __future__ import annotations

from bot.emulator import SentMessage

_MARKS = ("\u200e", "\u200f")  # an English label opens with an LRM (its words are Arabic)


def _bare(label: str) -> str:
    return label.lstrip("".join(_MARKS))


def story_numbers(message: SentMessage) -> list[str]:
    """The buttons' «📖 خبر n» parts, in order («📖 خبر ٣: ترامب…» → «📖 خبر ٣»)."""
    return [_bare(b).split(":", 1)[0] for b in message.button_texts()]


def story_label(message: SentMessage, n: str) -> str:
    """The whole label of story `n`'s button («١», "3"), as sent."""
    return next(b for b in message.button_texts()
                if _bare(b).split(":", 1)[0].split()[-1] == n)
