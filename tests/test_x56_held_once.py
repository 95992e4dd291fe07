"""X53's left (item 5): a handler a stop cancels after part of its answer went is not held — held,
it was answered again after the restart and the asker read the start of it twice. A handler
cancelled before anything went is still held and answered after the restart. The real bot
(PTB Application, handlers, reply limiter, update processor) on the emulator."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

import bot.limiter as limiter_module
from bot.app import start_application, stop_application
from bot.emulator import User
from tests.test_x56_held import stop_and_restart_parts

GROUP = -100539


async def test_an_answer_cut_by_the_stop_after_its_first_message_is_not_given_twice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a group's window of one message: the /digest's first part goes, the rest waits in it
    emu, db, held, build = stop_and_restart_parts(tmp_path, monkeypatch, 1)
    try:
        app = build()
        await start_application(app, poll_timeout=1)
        emu.add_group(GROUP, "مجموعة")
        # a member's question whose answer takes several messages; a second member's, after it
        first = emu.send_user_message(GROUP, "/digest", user=User(id=7101, first_name="m"))
        second = emu.send_user_message(GROUP, "/help", user=User(id=7102, first_name="n"))
        await emu.await_for(lambda: len(emu.messages(GROUP)) >= 1, timeout=30)
        await asyncio.sleep(0.5)
        await asyncio.wait_for(stop_application(app), timeout=30)
        replied = [m.reply_to for m in emu.messages(GROUP)]
        assert replied.count(first) == 1 and second not in replied
        kept = {json.loads(line).get("update", json.loads(line))["message"]["message_id"]
                for line in held.read_text(encoding="utf-8").splitlines()}
        assert kept == {second}  # the second asker only: nothing of theirs went
        monkeypatch.setattr(limiter_module, "GROUP_LIMIT", 20)
        monkeypatch.setattr(limiter_module, "GROUP_WINDOW", 60.5)
        app = build()
        await start_application(app, poll_timeout=1)
        try:
            await emu.await_for(lambda: second in [m.reply_to for m in emu.messages(GROUP)],
                                timeout=30)
            await asyncio.sleep(1.0)
        finally:
            await asyncio.wait_for(stop_application(app), timeout=30)
        replied = [m.reply_to for m in emu.messages(GROUP)]
        assert replied.count(first) == 1  # not the first part of its answer again
        assert not held.exists()
    finally:
        db.close()
        emu.stop()
