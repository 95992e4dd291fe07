"""X102 (QA66-2): a bot back after 39 days down sent its queued rows headed «📰 جديد» with
stories of five weeks ago. At the start, rows more than a day past due are skipped (the one
rule a held chat's kept rows follow, digests.late_rows) and the admins are told how many; rows
due within the day go as before. The real bot against the emulator on a real SQLite file; the
rows' times are set relative to the start; the unit test pins its clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from delivery_helpers import add_article, add_chat, add_source

from digests.late_rows import LATE_REASON, skip_late, was_down
from digests.models import iso
from digests.storage import Database
from tests.botkit import ADMIN, running_bot, sample_db

OLD, FRESH = 7901, 7902


def _queued(path: Path, now: datetime) -> None:
    db = Database(path)
    try:
        source = add_source(db, "مصدر التجربة")
        for reader, title, due in ((OLD, "خبر قبل خمسة أسابيع", now - timedelta(days=39)),
                                   (FRESH, "خبر من هذا الصباح", now - timedelta(hours=3))):
            article = add_article(db, source, title, story_id=None)
            add_chat(db, reader)
            db.db.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                          " status, not_before) values (?,?,?,'instant',?,'pending',?)",
                          [reader, -article.id, article.id, iso(due), iso(due)])
        # the last delivery before the stop: 39 days ago (a database that never delivered is
        # not «back from a stop»: test_a_database_that_never_delivered_keeps_its_rows)
        db.db.execute("insert into outbox (chat_id, story_id, kind, created_at, status, sent_at)"
                      " values (?, 9399, 'instant', ?, 'sent', ?)",
                      [OLD, iso(now - timedelta(days=39, hours=1)),
                       iso(now - timedelta(days=39, hours=1))])
    finally:
        db.close()


async def test_a_start_after_a_long_stop_drops_weeks_old_rows_and_says_so(tmp_path: Path
                                                                          ) -> None:
    path = sample_db(tmp_path)
    _queued(path, datetime.now(timezone.utc))
    async with running_bot(path) as h:
        await h.until(lambda: h.emu.messages(FRESH), timeout=15)
        await h.until(lambda: [m for m in h.emu.messages(ADMIN) if "⏳" in m.text], timeout=15)
        await h.settle()
        assert not h.emu.messages(OLD)  # never «📰 جديد» for a story of five weeks ago
        notes = [m.text for m in h.emu.messages(ADMIN) if "⏳" in m.text]
        row = h.db.db.execute("select status, last_error from outbox where chat_id = ?"
                              " and status != 'sent'", [OLD]).fetchone()
    assert tuple(row) == ("skipped", LATE_REASON)
    assert len(notes) == 1 and "أكثر من يوم (عدد المحادثات: ١)" in notes[0], notes
    assert "1 story (chats: 1) more than a day past due" in notes[0], notes


def test_the_rule_reads_the_due_time_and_one_chat_or_all(tmp_path: Path) -> None:
    now = datetime(2027, 1, 10, 4, 0, tzinfo=timezone.utc)
    path = sample_db(tmp_path)
    db = Database(path)
    try:
        for chat in (1, 2):
            add_chat(db, chat)
        rows = (  # (chat, created, due, status)
            (1, now - timedelta(days=3), now - timedelta(days=2), "pending"),  # late
            (1, now - timedelta(hours=30), now + timedelta(hours=2), "pending"),  # daily, due
            (1, now - timedelta(hours=23), None, "pending"),  # within the day
            (2, now - timedelta(days=5), None, "sending"),  # a killed run's, long ago
            (2, now - timedelta(days=5), None, "sent"))
        for n, (chat, created, due, status) in enumerate(rows):
            db.db.execute("insert into outbox (chat_id, story_id, kind, created_at, not_before,"
                          " status) values (?, ?, 'instant', ?, ?, ?)",
                          [chat, 9300 + n, iso(created), iso(due), status])
        with db.transaction() as tx:
            assert skip_late(tx, now, "held too long", chat_id=2) == (0, 0)  # pending only
            assert skip_late(tx, now, "x", statuses=("pending", "sending")) == (2, 2)
            tx.execute("update chats set active = 0 where id = 1")  # held: its own path
            tx.execute("update outbox set status = 'pending' where story_id = 9300")
            assert skip_late(tx, now, "x", active_only=True) == (0, 0)
            tx.execute("update outbox set status = 'skipped' where story_id = 9300")
        got = [r[0] for r in db.db.execute("select status from outbox order by story_id")]
    finally:
        db.close()
    assert got == ["skipped", "pending", "pending", "skipped", "sent"]


def test_a_database_that_never_delivered_keeps_its_rows(tmp_path: Path) -> None:
    """`was_down` needs a delivery more than a day old and none since (a new database's queue,
    or a test's rows dated in the past, are its first news)."""
    now = datetime(2027, 1, 10, 4, 0, tzinfo=timezone.utc)
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, 1)
        assert not was_down(db.db, now)
        db.db.execute("insert into outbox (chat_id, story_id, kind, created_at, status, sent_at)"
                      " values (1, 9400, 'instant', ?, 'sent', ?)",
                      [iso(now - timedelta(hours=2)), iso(now - timedelta(hours=2))])
        assert not was_down(db.db, now)  # delivered two hours ago
        assert was_down(db.db, now + timedelta(days=2))  # and nothing for two days since
