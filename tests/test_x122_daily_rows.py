"""X122 (QA72-3): a daily-digest reader costs one outbox row a day, not one a story (~46).

The rig (tests/x122_days.py) runs three simulated days for 200 chats. The messages must be
byte-identical to what main's code sent before the change (tests/golden/x122/messages.json:
one sha256 a message, in order, and /stats' story counts, written by main's code (8464dfb,
again at 201247b: the same) with NASHRA_X122_WRITE=1; set
NASHRA_X122_DUMP=path to write the whole log for a diff). And the daily chats must cost at
most 2 outbox rows a chat a day (main: one per story, ~12 a day in this rig).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from telegram import Bot

from bot.emulator import Emulator
from digests.storage import Database
from x122_days import DayRun, run_days

GOLDEN = Path(__file__).parent / "golden" / "x122" / "messages.json"


def _digest(run: DayRun) -> list[str]:
    return [hashlib.sha256(json.dumps(m.as_list(), ensure_ascii=False).encode()).hexdigest()
            for m in run.messages]


@pytest.fixture
async def days(database: Database, emu: Emulator, bot: Bot) -> DayRun:
    run = await run_days(database, emu, bot)
    if os.environ.get("NASHRA_X122_DUMP"):
        Path(os.environ["NASHRA_X122_DUMP"]).write_text(json.dumps(
            {"messages": [m.as_list() for m in run.messages], "daily_rows": run.daily_rows,
             "daily_chats": run.daily_chats, "instant_rows": run.instant_rows,
             "outbox_bytes": run.outbox_bytes}, ensure_ascii=False, indent=0), encoding="utf-8")
    if os.environ.get("NASHRA_X122_WRITE"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps({"messages": len(run.messages), "stats": list(run.stats),
                                      "sha256": _digest(run)}, indent=0) + "\n",
                          encoding="utf-8")
    return run


async def test_three_days_send_the_same_messages_in_one_row_a_daily_chat_a_day(
        days: DayRun) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(days.messages) == golden["messages"]
    assert _digest(days) == golden["sha256"]
    # and /stats counts the same stories: behind «more» buttons, lost, waiting
    assert list(days.stats) == golden["stats"]
    # the scenario's events happened: a toll update, the «more» button, the kill's repeat
    assert any("27 قتيلا" in m.text and "تحديث" in m.text for m in days.messages)
    assert any("اعرض الأخبار الأخرى" in b for m in days.messages for b in m.buttons)
    # main: one row a story, 22.3 a daily chat a day in this rig
    assert days.rows_per_daily_chat_day <= 2, (days.daily_rows, days.daily_chats)
