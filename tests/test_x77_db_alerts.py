"""Brief X77 items 1–2 (QA53 S1, S2 at 3,000 chats): the admins' database alert is timely, names
its fault and tells a change of fault once. The real bot and sender against the emulator, a
real lock held by a second connection on the real file, and the real disk's free space read
against a raised MIN_FREE_BYTES for «full».

- S2 (a lock met only by deliveries told nobody) held before X75's 143cec3; re-checked here.
- S1: the «down» came up to GRACE + CHECK_SECONDS after the first refusal (54 s after a 60-s lock
  ended); a full disk after a «down» was never named; the «up» named no fault.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot import db_alerts, runtime
from bot.db_alerts import MIN_FREE_BYTES, WriteState, check
from bot.runtime import WriteHealth
from delivery_helpers import add_article, add_chat, add_source
from digests.models import iso
from tests.botkit import ADMIN, BotHarness, running_bot, sample_db

READER = 7707
ROOM = 10 * MIN_FREE_BYTES


def _admin_texts(h: BotHarness, needle: str) -> list[str]:
    return [m.text for m in h.emu.messages(ADMIN) if needle in m.text]


def _due_alert(h: BotHarness, chat_id: int, title: str, *, in_seconds: float = 0.0) -> None:
    """A pending alert for `chat_id`, due in `in_seconds`: from then on the sender tries to
    claim it every second."""
    source = add_source(h.db, f"مصدر {title}")
    article = add_article(h.db, source, title, story_id=None)
    add_chat(h.db, chat_id)
    due = datetime.now(timezone.utc) + timedelta(seconds=in_seconds)
    h.db.db.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                    " status, not_before) values (?,?,?,'instant',?,'pending',?)",
                    [chat_id, -article.id, article.id, iso(due), iso(due)])


async def test_a_lock_met_only_by_deliveries_is_told_at_the_grace_not_a_check_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """S2 + S1's timing: nobody types, only a due alert meets the lock. CHECK_SECONDS is 30 and
    GRACE 1: the alert must come about GRACE after the first refusal (before: at the first
    check, ~28 s later). The wide gap leaves a loaded host room (it passes in ~2-3 s)."""
    monkeypatch.setattr(db_alerts, "CHECK_SECONDS", 30.0)
    monkeypatch.setattr(db_alerts, "GRACE", 1.0)
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.2) as h:
        await h.settle()
        _due_alert(h, READER, "خبر عاجل للتجربة", in_seconds=1.0)
        due_at = time.monotonic() + 1.0
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("begin immediate")  # another program holds the write lock
        try:
            down = await h.until(lambda: _admin_texts(h, "لا تقبل الكتابة"), timeout=40)
            took = time.monotonic() - due_at
            assert h.emu.messages(READER) == []  # nothing sent under the lock
        finally:
            holder.execute("rollback")
            holder.close()
        await h.until(lambda: h.emu.messages(READER), timeout=15)  # the claim works again
        up = await h.until(lambda: _admin_texts(h, "عادت الكتابة"), timeout=20)
    assert took < 15.0, took  # GRACE (1 s) + the sender's 1-s retries, not CHECK_SECONDS (30 s)
    assert len(down) == 1 and "يقفلها برنامج آخر" in down[0], down
    assert "locked by another program" in down[0]
    assert len(up) == 1 and "The cause was: locked by another program" in up[0], up


async def test_a_full_disk_after_a_told_lock_is_told_once_and_the_up_names_both(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """S1: a lock told, then the disk fills while writes still fail: one more «down» naming the
    disk (before: nothing, `told` blocked it); the «up» names both faults."""
    monkeypatch.setattr(db_alerts, "CHECK_SECONDS", 0.2)
    monkeypatch.setattr(db_alerts, "GRACE", 1.0)
    monkeypatch.setattr(runtime, "UNSAVED_SECONDS", 0.1)
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.2) as h:
        await h.settle()
        _due_alert(h, READER, "خبر عاجل للتجربة", in_seconds=0.5)
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("begin immediate")
        try:
            await h.until(lambda: _admin_texts(h, "لا تقبل الكتابة"), timeout=15)
            monkeypatch.setattr(db_alerts, "MIN_FREE_BYTES", 1 << 62)  # the real disk: «full»
            full = await h.until(lambda: _admin_texts(h, "القرص الذي يحمل قاعدة البيانات ممتلئ"),
                                 timeout=10)
            await asyncio.sleep(1.0)  # more checks while both faults last: no third message
        finally:
            holder.execute("rollback")
            holder.close()
        monkeypatch.setattr(db_alerts, "MIN_FREE_BYTES", 1 << 20)  # space freed
        await h.until(lambda: h.emu.messages(READER), timeout=15)
        up = await h.until(lambda: _admin_texts(h, "عادت الكتابة"), timeout=15)
    downs = _admin_texts(h, "لا تقبل الكتابة")
    assert len(downs) == 2 and len(full) == 1, downs
    assert "يقفلها برنامج آخر" in downs[0] and "the disk holding the database is full" in downs[1]
    assert len(up) == 1 and "locked by another program, then the disk is full" in up[0], up


async def test_a_full_disk_freed_is_up_at_the_next_check_with_no_write(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """S1: «up» came 106 s after the disk was freed (it waited for a poll's write). A disk told
    full from its free space alone is up once the space is back."""
    monkeypatch.setattr(db_alerts, "CHECK_SECONDS", 0.2)
    monkeypatch.setattr(db_alerts, "GRACE", 0.5)
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.2) as h:
        await h.settle()
        monkeypatch.setattr(db_alerts, "MIN_FREE_BYTES", 1 << 62)
        down = await h.until(lambda: _admin_texts(h, "لا تقبل الكتابة"), timeout=10)
        monkeypatch.setattr(db_alerts, "MIN_FREE_BYTES", 1 << 20)
        up = await h.until(lambda: _admin_texts(h, "عادت الكتابة"), timeout=10)
    assert len(down) == 1 and "القرص" in down[0]
    assert len(up) == 1 and "The cause was: the disk is full" in up[0]


def test_a_lasting_refusal_then_the_senders_writes_is_no_alarm() -> None:
    """S1 cause 1 (fixed by X75's ReportedWrites; the rule kept): a poll refused at 30 s after
    waiting from 0, then writes that work from 31 s: no «down» at the next check."""
    writes, state = WriteHealth(), WriteState()
    writes.refused("locked", at=30.0, began=0.0, lasting=True)
    state, told = check(state, writes, ROOM, 40.0, grace=60, gap=1800)
    assert told == []
    writes.worked(at=31.0)
    state, told = check(state, writes, ROOM, 70.0, grace=60, gap=1800)
    assert told == []
