"""QA76-12 and QA76-5's log line (X133): what the operator's log says of presses and answers
while another program holds the database's write lock.

- A press of a button held in memory (its meaning not stored: bot.held_buttons) logged
  «callback refused reason=unknown» whether it was served or answered «busy»: served, it logs
  no refusal; refused for the lock, «reason=busy».
- The minute's lock WARNING said «where=button» for a typed question whose answer's buttons
  were the first write refused: an operator looked for a press. It now says «a button of an
  answer».

The real bot against the emulator; the lock is a second connection's BEGIN IMMEDIATE.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db

from bot.emulator import SentMessage
from bot.runtime import RUNTIME_KEY
from digests.storage import FAULTS


def _data(message: SentMessage, text: str) -> str:
    return next(str(b.get("callback_data")) for b in message.buttons() if b.get("text") == text)


def _refusals(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "callback refused" in r.getMessage()]


async def test_held_presses_log_what_they_came_to(tmp_path: Path,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    FAULTS.forget()
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.05) as h:
        await h.say(READER, "/start")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("begin immediate")
        try:
            with caplog.at_level(logging.INFO):
                [answer] = await h.say(READER, "الغوطة")
                rt = h.app.bot_data[RUNTIME_KEY]
                held = [b for b in answer.button_texts()
                        if _data(answer, b) in rt.held.held]
                assert len(held) >= 2, answer.button_texts()
                related = next(b for b in held if "روابط" in b)
                await h.click(answer, related)  # served from memory
                await h.settle()
                assert _refusals(caplog) == [], _refusals(caplog)
                lost = next(b for b in held if b != related)
                del rt.held.held[_data(answer, lost)]  # gone from memory
                pressed = await h.click_answer(answer, lost)
                assert "مشغولة" in str(pressed.get("text")), pressed
        finally:
            other.close()
    refusals = _refusals(caplog)
    assert len(refusals) == 1 and "reason=busy" in refusals[0], refusals
    warned = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING
              and "locked" in r.getMessage()]
    assert warned and "where=button " not in warned[0] and "a button of an answer" in warned[0], \
        warned
