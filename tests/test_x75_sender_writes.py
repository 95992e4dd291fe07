"""Brief X75 item 4 (X69's «Left»): the sender's refused outbox writes did not feed the admins'
database alert — an idle bot whose only writes were deliveries (alerts due while another
program held the lock) told nobody. bot.courier.ReportedWrites reports each outbox write to
`Runtime.writes` once bot.db_alerts.watch hooks it (`hear_sender`). The real bot and sender
against the emulator, a real lock held by a second connection on the real file."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot import db_alerts, runtime
from delivery_helpers import add_article, add_chat, add_source
from digests.models import iso
from tests.botkit import ADMIN, BotHarness, running_bot, sample_db

READER = 5151


def _admin_texts(h: BotHarness) -> list[str]:
    return [m.text for m in h.emu.messages(ADMIN)]


async def test_a_lock_met_only_by_deliveries_is_told_then_its_end(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_alerts, "CHECK_SECONDS", 0.1)
    monkeypatch.setattr(db_alerts, "GRACE", 1.5)
    monkeypatch.setattr(runtime, "UNSAVED_SECONDS", 0.1)
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.2) as h:
        await h.settle()
        source = add_source(h.db, "مصدر التجربة")
        article = add_article(h.db, source, "خبر عاجل للتجربة", story_id=None)
        add_chat(h.db, READER)
        due = datetime.now(timezone.utc) + timedelta(seconds=1)  # due once the lock is held
        h.db.db.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                        " status, not_before) values (?,?,?,'instant',?,'pending',?)",
                        [READER, -article.id, article.id, iso(due), iso(due)])
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("begin immediate")  # another program holds the write lock; nobody types
        try:
            down = await h.until(lambda: [t for t in _admin_texts(h)
                                          if "لا تقبل الكتابة" in t], timeout=15)
            assert h.emu.messages(READER) == []  # nothing sent: the claim was refused
        finally:
            holder.execute("rollback")
            holder.close()
        # the lock gone, the sender's claim works: the alert goes and the admins hear «up»
        await h.until(lambda: h.emu.messages(READER), timeout=15)
        up = await h.until(lambda: [t for t in _admin_texts(h) if "عادت الكتابة" in t],
                           timeout=15)
    assert len(down) == 1 and "locked by another program" in down[0]
    assert len(up) == 1
