"""X110 (QA66-9, X102's follow-up): the operator's view of the database and its copies.

/stats said nothing of the database's size (only a warning under 100 MB free) and only the last
24 h; `run.py backup list` wrote a 3.6 MB backup named «list»; the bot's own copy before an
upgrade was stamped «bot running» (the bot held the lock while it took it) — a backup list would
have said a running bot took it, and nobody but the bot itself was there.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import backups, subscriptions
from digests.backup_list import listed_backups
from digests.models import iso
from digests.upgrade_backups import backup_before_upgrade

ROOT = Path(__file__).resolve().parent.parent


async def test_stats_says_the_database_size_and_yesterday(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 7})) as h:
        now = datetime.now(UTC)
        # yesterday (24–48 h ago): one poll that stored 7 articles, 3 stories delivered, 1 failed
        h.db.db.execute("insert into polls (started_at, finished_at, sources, new, unchanged,"
                        " failed) values (?, ?, 1, 7, 0, 0)",
                        [iso(now - timedelta(hours=30)), iso(now - timedelta(hours=30))])
        subscriptions.upsert_chat(h.db, READER, now=now)
        stories = [r[0] for r in h.db.db.execute(
            "select distinct story_id from articles where story_id is not null limit 4")]
        for story, status in zip(stories, ("sent", "sent", "sent", "failed"), strict=True):
            h.db.db.execute("insert into outbox (chat_id, story_id, kind, status, created_at,"
                            " sent_at) values (?, ?, 'instant', ?, ?, ?)",
                            [READER, story, status, iso(now - timedelta(hours=31)),
                             iso(now - timedelta(hours=30))])
        h.db.conn.commit()
        [ar] = await h.say(ADMIN, "/stats")
        text = ar.plain_text.replace("\u200f", "").replace("\u200e", "")
        assert "• حجم قاعدة البيانات: " in text and "بايت" in text.split("حجم")[1], text
        assert "• أمس (من ٤٨ إلى ٢٤ ساعة مضت): أخبار جديدة ٧، سُلّمت ٣، فشلت ١" in text, text
        [en] = await h.say(ADMIN + 7, "/stats", language_code="en")
        text = en.plain_text.replace("\u200e", "")
        assert "• Database size: " in text and "B" in text.split("Database size")[1], text
        assert "• Yesterday (48 to 24 h ago): new articles 7, delivered 3, failed 1" in text, text


def test_the_copy_before_an_upgrade_is_not_stamped_bot_running(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    copy = backup_before_upgrade(db, "051_x", "052_y", now=datetime(2026, 12, 2, tzinfo=UTC))
    assert copy is not None
    [row] = [b for b in listed_backups(db, cwd=tmp_path) if b.path == copy]
    assert row.made_by == backups.UPGRADE_COPY, row
    restored = tmp_path / "moved" / "nashra.db"
    restored.parent.mkdir()
    report = backups.restore(copy, restored)
    assert report.bot_running == backups.UPGRADE_COPY  # the bot ran on after it: not kept


def test_backup_list_lists_and_writes_no_file_named_list(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    (tmp_path / "backups" / "daily").mkdir(parents=True)
    backups.backup(db, tmp_path / "backups" / "daily" / "nashra-2026-12-01.db")
    backup_before_upgrade(db, "051_x", "052_y", now=datetime(2026, 12, 2, tzinfo=UTC))
    env = {"DATABASE_PATH": str(db), "TELEGRAM_BOT_TOKEN": "", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, str(ROOT / "run.py"), "backup", "list"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert not (tmp_path / "list").exists()
    assert "nashra-2026-12-01.db" in out.stdout and "before-upgrade-051" in out.stdout, out.stdout
    assert "قبل ترقية" in out.stdout and "before an upgrade" in out.stdout, out.stdout
    # a file named «list» is still written as ./list
    out = subprocess.run([sys.executable, str(ROOT / "run.py"), "backup", "./list"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and (tmp_path / "list").exists(), out.stderr
