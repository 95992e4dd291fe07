"""QA37 T1: a stop with a backlog of group commands is prompt, and the commands it leaves
unanswered (their askers saw 👀) are answered after the restart, each once. The real bot (PTB
Application, handlers, reply limiter) against the emulator, stopped and started again on the
same database and the same emulator."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import bot.limiter as limiter_module
from bot import held_updates
from bot.app import build_application, start_application, stop_application
from bot.emulator import Emulator, User
from digests.settings import Settings
from digests.storage import Database
from tests.botkit import TOKEN, sample_db

GROUP = -100537
ASKERS = 12


def _replies(emu: Emulator) -> list[int]:
    return [m.reply_to for m in emu.messages(GROUP) if m.reply_to is not None]


async def test_a_stop_with_a_group_backlog_is_prompt_and_the_rest_is_answered_after_restart(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limiter_module, "GROUP_LIMIT", 3)  # a group's window, shortened
    monkeypatch.setattr(limiter_module, "GROUP_WINDOW", 600.0)  # … and held long
    monkeypatch.setattr(held_updates, "STOP_GRACE_SECONDS", 1.0)
    db_path = sample_db(tmp_path)
    emu = Emulator().start()
    settings = Settings(database_path=db_path, telegram_bot_token=TOKEN,
                        telegram_api_base_url=emu.base_url, allow_private_sources=True)
    db = Database(db_path)
    db.db.execute("drop trigger if exists chats_new_chat_quiet")
    try:
        app = build_application(settings, db, poll_sources=False,
                                sender_options={"poll_seconds": 0.05})
        await start_application(app, poll_timeout=1)
        emu.add_group(GROUP, "مجموعة مزدحمة")
        asked = [emu.send_user_message(GROUP, "/help", user=User(id=7000 + i, first_name="m"))
                 for i in range(ASKERS)]
        await emu.await_for(lambda: len(_replies(emu)) >= 3 and emu.pending_updates() == 0,
                            timeout=30)
        # the window is full for 600 s: PTB's own stop would wait for it; ours returns
        await asyncio.wait_for(stop_application(app), timeout=30)
        first = _replies(emu)
        assert 3 <= len(first) < ASKERS
        held = held_updates.held_path(db_path)
        assert held.is_file()
        monkeypatch.setattr(limiter_module, "GROUP_LIMIT", 20)  # the next start: room again
        monkeypatch.setattr(limiter_module, "GROUP_WINDOW", 60.5)
        app = build_application(settings, db, poll_sources=False,
                                sender_options={"poll_seconds": 0.05})
        await start_application(app, poll_timeout=1)
        try:
            await emu.await_for(lambda: len(_replies(emu)) >= ASKERS, timeout=60)
            await asyncio.sleep(1.0)  # nothing more comes: each asker answered once
        finally:
            await asyncio.wait_for(stop_application(app), timeout=30)
        assert sorted(_replies(emu)) == sorted(asked)
        assert not held.exists()
    finally:
        db.close()
        emu.stop()


def test_held_updates_older_than_the_replay_window_are_dropped(tmp_path: Path) -> None:
    from datetime import datetime, timedelta, timezone

    from telegram import Update

    path = tmp_path / "x.held-updates.jsonl"
    now = datetime(2026, 11, 30, 23, 0, tzinfo=timezone.utc)

    def update(uid: int, at: datetime) -> Update:
        return Update.de_json({"update_id": uid, "message": {
            "message_id": uid, "date": int(at.timestamp()), "text": "/help",
            "chat": {"id": GROUP, "type": "supergroup", "title": "g"}}}, None)

    held_updates.hold(path, update(5, now - timedelta(minutes=3)))
    held_updates.hold(path, update(4, now - timedelta(hours=7)))
    held_updates.hold(path, update(3, now - timedelta(minutes=9)))
    held_updates.hold(path, update(5, now - timedelta(minutes=3)))  # held twice: once
    with open(path, "a", encoding="utf-8") as f:
        f.write('{"update_id": 9, "mess')  # cut by a crash
    assert [d["update_id"] for d in held_updates.take_held(path, now)] == [3, 5]
    # the file keeps the two until each is answered (QA41 T2: bot.held_updates.answered)
    assert [d["update_id"] for d in held_updates.take_held(path, now)] == [3, 5]
