"""Upgrades of an old database (QA22 U1, U4): migration 030 pins the language old groups spoke,
and 004's digest backfill commits as it goes (a killed start keeps its work) and says how far it
is — on real SQLite files left as an older version left them (tests/migration_kit)."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

import pytest
from migration_kit import archive_before

from digests import data_migrations, digest, migrations
from digests.storage import Database

NOW = datetime.now(timezone.utc).isoformat(timespec="seconds")


def test_old_groups_keep_the_language_they_spoke_when_the_default_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    with archive_before(path, "030_pin_group_languages") as old:
        with old.transaction() as db:
            for chat_id, kind, lang in ((-100600, "supergroup", None), (-100700, "supergroup",
                                        "en"), (-100800, "channel", None),
                                        (2001, "private", None)):
                db.execute("insert into chats (id, type, language, created_at)"
                           " values (?, ?, ?, ?)", [chat_id, kind, lang, NOW])
    monkeypatch.setattr(data_migrations, "UPGRADE_LANGUAGE", [])
    data_migrations.set_upgrade_language("ar")  # the .env of the first start after the upgrade
    with Database(path) as db:
        langs = dict(db.conn.execute("select id, language from chats"))
    assert langs == {-100600: "ar", -100700: "en", -100800: "ar", 2001: None}
    data_migrations.set_upgrade_language("en")  # the operator changes DEFAULT_LANGUAGE later
    with Database(path) as db:
        assert db.migrate() == []
        assert dict(db.conn.execute("select id, language from chats"))[-100600] == "ar"


def old_archive(path: Path, n: int) -> None:
    """`n` articles stored by a version before digests (migrations up to 003)."""
    with archive_before(path, "004_backfill_digests") as old, old.transaction() as db:
        db.execute("insert into sources (id, url, name, added_at) values (1, 'http://x/f',"
                   " 'مصدر', ?)", [NOW])
        for i in range(1, n + 1):
            db.execute(
                "insert into articles (id, source_id, url, url_key, content_hash, title,"
                " published_at, body, fetched_at, updated_at) values (?, 1, ?, ?, ?, ?, ?, ?,"
                " ?, ?)",
                [i, f"http://x/{i}", f"x/{i}", f"h{i}", f"خبر رقم {i} عن الاقتصاد", NOW,
                 f"قال وزير المالية إن النمو بلغ {i} بالمئة هذا العام. وأضاف أن الحكومة ستواصل"
                 " الإصلاحات.", NOW, NOW])


def test_a_killed_backfill_keeps_its_batches_and_the_next_start_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "ancient.db"
    old_archive(path, 450)
    real = digest.store_digest
    calls = {"n": 0}

    def dies_at_250(*args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] > 250:
            raise KeyboardInterrupt  # the operator's Ctrl-C in the middle of the migration
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(digest, "store_digest", dies_at_250)
    with pytest.raises(KeyboardInterrupt):
        Database(path)
    with Database(path, migrate=False) as db:
        assert "004_backfill_digests" not in db.applied_migrations()
        kept = db.conn.execute("select count(*) from articles where digested_at is not null"
                               ).fetchone()[0]
    assert kept == 200  # the first batch was committed, the second rolled back
    monkeypatch.setattr(digest, "store_digest", real)
    monkeypatch.setattr(data_migrations, "PROGRESS_SECONDS", 0.0)
    with caplog.at_level(logging.INFO), Database(path) as db:
        assert db.conn.execute("select count(*) from articles where digested_at is null"
                               ).fetchone()[0] == 0
        assert "004_backfill_digests" in db.applied_migrations()
    progress = [r.getMessage() for r in caplog.records
                if "migration progress name=004_backfill_digests" in r.getMessage()]
    assert progress and "total=250" in progress[-1] and "done=250" in progress[-1]
    assert any("migration started name=004_backfill_digests" in r.getMessage()
               for r in caplog.records)


async def test_an_old_group_answers_in_its_language_after_the_default_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA22 U1 in the chat: the old Arabic group's /topics stays Arabic under
    DEFAULT_LANGUAGE=en, while a group whose language is still unknown follows the default."""
    from botkit import ADMIN, running_bot

    path = tmp_path / "old.db"
    with archive_before(path, "030_pin_group_languages") as old, old.transaction() as db:
        db.execute("insert into chats (id, type, title, created_at) values (-100600,"
                   " 'supergroup', 'قديمة', ?)", [NOW])
        db.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                   " values (-100600, 'ترامب', 'ترامب', ?)", [NOW])
    monkeypatch.setattr(data_migrations, "UPGRADE_LANGUAGE", [])
    data_migrations.set_upgrade_language("ar")  # the first start after the upgrade
    Database(path).close()
    with Database(path) as later, later.transaction() as sql:  # one stored later with no language
        sql.execute("insert into chats (id, type, title, created_at, language) values (-100900,"
                    " 'supergroup', 'أخرى', ?, NULL)", [NOW])
    async with running_bot(path, default_language="en") as h:  # .env changed later
        for group in (-100600, -100900):
            h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        [old_reply] = await h.say(-100600, "/topics", user=h.user(ADMIN, "ar"))
        [unknown_reply] = await h.say(-100900, "/topics", user=h.user(ADMIN, "ar"))
    assert "المواضيع التي تتابعها المجموعة" in old_reply.plain_text, old_reply.plain_text
    assert "The topics" not in old_reply.plain_text
    # the control: a group with no language stored follows the new default, as the old one
    # would have without the migration
    assert unknown_reply.plain_text.startswith("This group follows"), unknown_reply.plain_text


def test_a_long_migration_says_it_is_still_running(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """003 and 006 index or group every article in one go: a line now and then says they work."""
    import time

    from digests import storage

    path = tmp_path / "n.db"
    Database(path).close()
    monkeypatch.setattr(storage, "HEARTBEAT_SECONDS", 0.05)
    monkeypatch.setattr(storage, "MIGRATIONS", [*migrations.MIGRATIONS,
                                                ("999_slow", lambda db: time.sleep(0.3))])
    with caplog.at_level(logging.INFO), Database(path) as db:
        assert "999_slow" in db.applied_migrations()
    beats = [r.getMessage() for r in caplog.records if "migration running" in r.getMessage()]
    assert len(beats) >= 2 and all("name=999_slow" in b for b in beats)
    assert any("migration applied name=999_slow seconds=" in r.getMessage()
               for r in caplog.records)
