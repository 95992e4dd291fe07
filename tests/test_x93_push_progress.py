"""X93 (QA62-2): a long push was silent between «📤 النشرة في قائمة الإرسال» and its report (101 s
at 2,000 chats). Now the answer is edited with the push's progress in chats while it goes, and
once more when it ends. The real Application and sender against the emulator (one reader's
send answered late keeps the push going; the edit interval shortened by patching)."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import ADMIN, BotHarness, running_bot
from pushkit import general_readers
from test_x71_chat_holds import _no_gap

import bot.push_watch
from bot.push_watch import Estimate, progress_text
from digests.push_queue import PushProgress

READERS = (7101, 7102, 7103)



def _answer(h: BotHarness) -> str | None:
    found = [m for m in h.emu.messages(ADMIN) if "في قائمة الإرسال" in m.plain_text]
    return found[0].plain_text if found else None


async def test_the_push_answer_shows_its_progress(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.push_watch, "PROGRESS_EDIT_SECONDS", 0.2)
    seen: list[str] = []
    async with running_bot(general_readers(tmp_path, READERS)) as h:
        _no_gap(h)
        h.emu.slow_next(1, 3.0, chat_id=READERS[-1])  # the push lasts while it is answered
        await h.say(ADMIN, "/push")
        await h.until(lambda: (seen.append(_answer(h) or "") or "جارٍ الإرسال" in seen[-1]))
        assert "من ٣ محادثات" in seen[-1] and "بقيت: ١" in seen[-1], seen[-1]
        await h.until(lambda: any("انتهت النشرة" in m.plain_text for m in h.emu.messages(ADMIN)))
        await h.until(lambda: "انتهى الإرسال" in (_answer(h) or ""))
        assert "جارٍ الإرسال" not in (_answer(h) or "")


def test_the_progress_line_counts_chats_with_their_noun() -> None:
    p = PushProgress(push_id=1, chats=2000, delivered=904, failed=12, pending=1084)
    assert progress_text(p, "ar", 100.0) == ("\u200f⏳ جارٍ الإرسال — سُلّمت: ٩٠٤، فشلت: ١٢، "
                                              "بقيت: ١٠٨٤ من ٢٠٠٠ محادثة، نحو دقيقتين.")
    assert progress_text(p, "en", 30.0) == ("⏳ Sending — 904 delivered, 12 failed, 1084 left of"
                                             " 2000 chats, under a minute to go.")
    clock = iter([0.0, 10.0]).__next__
    estimate = Estimate(clock)
    assert estimate.left(PushProgress(1, 100, 0, 0, 100)) is None
    assert estimate.left(PushProgress(1, 100, 20, 0, 80)) == 40.0


async def test_stats_during_a_push_counts_chats_and_says_it_goes_on(tmp_path: Path) -> None:
    async with running_bot(general_readers(tmp_path, READERS)) as h:
        _no_gap(h)
        h.emu.slow_next(1, 4.0, chat_id=READERS[-1])  # the push lasts while it is answered
        await h.say(ADMIN, "/push")
        await h.until(lambda: all(h.emu.messages(r) for r in READERS))  # the last one on the wire
        [stats] = await h.say(ADMIN, "/stats")
        text = stats.plain_text
        assert "نشرة جارية: سُلّمت: ٢، فشلت: ٠، بقيت: ١ من ٣ محادثات" in text, text
        assert "وانتهى" not in text and "وما زال جاريًا" in text, text
