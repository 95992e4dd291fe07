"""X86 (3, QA58-16): a kept sandbox folder run again answered no /ingest — its emulator numbered
the operator's messages from 1 again, and the database kept the /ingest of the earlier run with
the same message id, so bot.ingests.owe_ingest took the new one for Telegram redelivering the
old one (silently ignored). The sandbox now has its emulator number messages past the ids the
database keeps (cli.sandbox_feeds.last_message_id, Emulator.continue_message_ids), as Telegram
never reuses one; a real redelivery (the same message id again) is still ignored.

Real parts: the real Application against the emulator, one SQLite file used by two runs; the poll
itself fails at once (no network), which is answered as any report is."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db

from bot.emulator import Emulator
from cli.sandbox_feeds import last_message_id


def _failing_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    import digests.pipeline

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no network in tests")

    monkeypatch.setattr(digests.pipeline, "poll_once", broken)


async def test_a_second_run_on_the_same_database_answers_its_ingest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sample_db(tmp_path)
    _failing_poll(monkeypatch)
    async with running_bot(path) as h:  # the earlier run
        started, report = await h.say(ADMIN, "/ingest", n=2, timeout=10)
        assert "بدأ" in started.plain_text and "فشل الجلب" in report.plain_text
    stored = last_message_id(path)
    assert stored >= 1
    async with running_bot(path) as h:  # the folder run again: as cli.sandbox starts it
        h.emu.continue_message_ids(stored)
        asked = h.emu.send_user_message(ADMIN, "/ingest", user=h.user(ADMIN))
        assert asked > stored
        started, report = await h.emu.await_messages(ADMIN, 2, timeout=10)
        assert "بدأ" in started.plain_text and "فشل الجلب" in report.plain_text


def test_message_ids_continue_past_the_stored_ones(tmp_path: Path) -> None:
    assert last_message_id(tmp_path / "none.db") == 0
    emu = Emulator()
    first = emu.send_user_message(5, "a")
    emu.continue_message_ids(40)
    assert first == 1 and emu.send_user_message(5, "b") == 41
    assert emu.send_user_message(6, "c") == 41  # every chat, also one not seen yet
    emu.continue_message_ids(3)  # never back
    assert emu.send_user_message(5, "d") == 42
