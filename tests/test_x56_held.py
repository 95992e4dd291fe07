"""QA41 T2: the held updates survive a crash of the run that replays them — an entry leaves the
file only once its update was answered — and a held button press ages out like a command.
The real bot (PTB Application, handlers, reply limiter, update processor) on the emulator."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

import bot.limiter as limiter_module
from bot import held_updates
from bot.app import build_application, start_application, stop_application
from bot.emulator import Emulator, User
from digests.settings import Settings
from digests.storage import Database
from tests.botkit import TOKEN, sample_db

GROUP = -100538
ASKERS = 12


def _replies(emu: Emulator) -> list[int]:
    return [m.reply_to for m in emu.messages(GROUP) if m.reply_to is not None]


def _held_ids(path: Path) -> list[int]:
    return [d["update_id"] for d in held_updates.take_held(path, datetime.now(timezone.utc))]


def stop_and_restart_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group_limit: int
                           ) -> tuple[Emulator, Database, Path, Callable[[], Any]]:
    """A bot to stop and start again on one database and emulator: a group's window of
    `group_limit` answers held 600 s, a 1-s stop grace; (emulator, database, held file, a
    builder of the application). The caller stops the emulator and closes the database."""
    monkeypatch.setattr(limiter_module, "GROUP_LIMIT", group_limit)  # its window, shortened
    monkeypatch.setattr(limiter_module, "GROUP_WINDOW", 600.0)
    monkeypatch.setattr(held_updates, "STOP_GRACE_SECONDS", 1.0)
    db_path = sample_db(tmp_path)
    emu = Emulator().start()
    settings = Settings(database_path=db_path, telegram_bot_token=TOKEN,
                        telegram_api_base_url=emu.base_url, allow_private_sources=True)
    db = Database(db_path)
    db.db.execute("drop trigger if exists chats_new_chat_quiet")

    def build() -> Any:
        return build_application(settings, db, poll_sources=False,
                                 sender_options={"poll_seconds": 0.05})
    return emu, db, held_updates.held_path(db_path), build


async def test_a_crash_while_replaying_loses_no_held_asker(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    emu, db, held, build = stop_and_restart_parts(tmp_path, monkeypatch, 3)
    try:
        app = build()
        await start_application(app, poll_timeout=1)
        emu.add_group(GROUP, "مجموعة مزدحمة")
        asked = [emu.send_user_message(GROUP, "/help", user=User(id=7000 + i, first_name="m"))
                 for i in range(ASKERS)]
        await emu.await_for(lambda: len(_replies(emu)) >= 3 and emu.pending_updates() == 0,
                            timeout=30)
        await asyncio.wait_for(stop_application(app), timeout=30)
        assert 3 <= len(_replies(emu)) < ASKERS and held.is_file()
        # run 2: its own window is full after 3 more answers; the rest wait in it
        app = build()
        await start_application(app, poll_timeout=1)
        await emu.await_for(lambda: len(_replies(emu)) >= 6, timeout=30)
        await asyncio.sleep(1.0)
        answered = len(_replies(emu))
        assert answered < ASKERS
        # what a kill -9 right now would leave: every asker not answered yet, and only those
        crash_left = held.read_text(encoding="utf-8")
        assert len(_held_ids(held)) == ASKERS - answered
        held.write_text(crash_left, encoding="utf-8")
        await asyncio.wait_for(stop_application(app), timeout=30)
        held.write_text(crash_left, encoding="utf-8")  # the crash: no clean stop's re-hold
        # run 3, after the «crash»: room again; each asker answered, once
        monkeypatch.setattr(limiter_module, "GROUP_LIMIT", 20)
        monkeypatch.setattr(limiter_module, "GROUP_WINDOW", 60.5)
        app = build()
        await start_application(app, poll_timeout=1)
        try:
            await emu.await_for(lambda: len(_replies(emu)) >= ASKERS, timeout=60)
            await asyncio.sleep(1.0)
        finally:
            await asyncio.wait_for(stop_application(app), timeout=30)
        assert sorted(_replies(emu)) == sorted(asked)
        assert not held.exists()
    finally:
        db.close()
        emu.stop()


def _press(uid: int, message_date: datetime) -> Update:
    return Update.de_json({"update_id": uid, "callback_query": {
        "id": str(uid), "chat_instance": "c", "data": "x",
        "from": {"id": 5, "is_bot": False, "first_name": "r"},
        "message": {"message_id": 1, "date": int(message_date.timestamp()),
                    "chat": {"id": 5, "type": "private"}}}}, None)


def test_a_held_button_press_ages_out_like_a_command(tmp_path: Path) -> None:
    path = tmp_path / "x.held-updates.jsonl"
    now = datetime(2026, 11, 30, 23, 0, tzinfo=timezone.utc)
    # a press under a week-old message, held 7 h ago: too old; one held 1 h ago: answered
    held_updates.hold(path, _press(1, now - timedelta(days=7)), now=now - timedelta(hours=7))
    held_updates.hold(path, _press(2, now - timedelta(days=7)), now=now - timedelta(hours=1))
    # held again by a later stop: the first held time counts, not the new one
    held_updates.hold(path, _press(1, now - timedelta(days=7)), now=now - timedelta(minutes=1))
    assert [d["update_id"] for d in held_updates.take_held(path, now)] == [2]
    assert [json.loads(x)["update"]["update_id"] for x in path.read_text().splitlines()] == [2]
    held_updates.answered(path, _press(2, now))
    assert not path.exists()
