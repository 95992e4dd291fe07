"""X93 (QA62-7): a send Telegram accepted but answered after the client's 30 s read timeout was
sent again, the chat got it twice and nobody was told; three such slow answers in a row were
taken for an outage that paused every send. The README said «a late answer is still waited
for»: now the sender waits SEND_READ_TIMEOUT for a delivery's answer (no duplicate, no outage),
and a send that still gets no answer is sent again (at least once) and counted in the push
report as a possible repeat, as after a kill. The real Application and sender against the
emulator; the timeouts shortened by patching (the emulator answers late, not the wall clock
of the test)."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import ADMIN, running_bot
from pushkit import general_readers, push_report
from delivery_helpers import add_chat
from test_x71_chat_holds import _no_gap

import bot.app
import bot.courier
from bot.runtime import RUNTIME_KEY
from digests.storage import Database

READERS = (7001, 7002, 7003, 7004)
SLOW = READERS[:3]




async def test_a_late_answer_is_waited_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    monkeypatch.setattr(bot.app, "READ_TIMEOUT_SECONDS", 1.0)  # the client's (30 s in use)
    async with running_bot(general_readers(tmp_path, READERS)) as h:
        _no_gap(h)
        for reader in SLOW:  # accepted, answered after the client's timeout
            h.emu.slow_next(1, 2.5, chat_id=reader)
        await h.say(ADMIN, "/push")
        report = await h.until(lambda: push_report(h), 30)
        for reader in READERS:  # each got the digest once
            assert len(h.emu.messages(reader)) == 1, (reader, h.emu.messages(reader))
        assert "مرتين" not in report, report
        assert h.app.bot_data[RUNTIME_KEY].sender.courier.backoff.outage() is None


async def test_a_send_never_answered_is_sent_again_and_told(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bot.app, "READ_TIMEOUT_SECONDS", 1.0)
    monkeypatch.setattr(bot.courier, "SEND_READ_TIMEOUT", 1.0)  # no answer within it
    async with running_bot(general_readers(tmp_path, READERS)) as h:
        _no_gap(h)
        h.emu.slow_next(1, 2.5, chat_id=READERS[0])
        await h.say(ADMIN, "/push")
        report = await h.until(lambda: push_report(h), 30)
        assert len(h.emu.messages(READERS[0])) == 2  # at least once: sent again
        assert "قد تكون وصلت محادثة واحدة مرتين" in report, report


async def test_a_migrated_groups_retry_is_logged_under_its_new_id(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """QA62-7's log named the chat by its old id after the migration («chat=-5000023», the row
    had moved to -1009000000003)."""
    monkeypatch.setattr(bot.app, "READ_TIMEOUT_SECONDS", 1.0)
    monkeypatch.setattr(bot.courier, "SEND_READ_TIMEOUT", 1.0)
    old, new = -7300, -1009007300
    path = general_readers(tmp_path, READERS)
    with Database(path) as db:
        add_chat(db, old, type="group", topics=("",))
    async with running_bot(path) as h:
        _no_gap(h)
        h.emu.add_chat(old, type="group", title="grp")
        h.emu.migrate(old, new)
        h.emu.slow_next(1, 2.5, chat_id=new)
        await h.say(ADMIN, "/push")
        await h.until(lambda: push_report(h), 30)
    retried = [r.message for r in caplog.records if "delivery retried later" in r.message]
    assert retried and all(f"chat={new}" in m for m in retried), retried
