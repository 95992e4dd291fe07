"""Nothing sent twice after a restore (digests.restore_record, digests.backups.restore): what the
replaced file delivered since the backup is carried into the restored one, on real SQLite files
through the real outbox step, and end to end with the bot, the emulator and a news site."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from delivery_helpers import add_chat

from digests import backups, new_deliveries, processing, restore_record
from digests.models import Article, iso
from digests.processing import StoreContext
from digests.records import ARTICLE_SELECT, article_from_row
from digests.settings import Settings
from digests.storage import Database

NOW = datetime.now(timezone.utc).replace(microsecond=0)


def new_article(db: Database, url: str, title: str, story_id: int | None) -> Article:
    """An article row as the archive stores a fetched entry, with a given address (the same
    article fetched again after a restore keeps its address, not its id)."""
    with db.transaction() as tx:
        if story_id is not None and not tx.execute("select 1 from stories where id = ?",
                                                   [story_id]).fetchone():
            tx.execute("insert into stories (id, created_at, headline) values (?, ?, ?)",
                       [story_id, iso(NOW), title])
        cur = tx.execute(
            """insert into articles (source_id, url, url_key, content_hash, title, body,
                                     published_at, fetched_at, updated_at, story_id, headline)
               values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [url, url, f"hash:{url}", title, title, iso(NOW), iso(NOW), iso(NOW), story_id,
             title])
        row = next(iter(tx.query(f"{ARTICLE_SELECT} where articles.id = ?", [cur.lastrowid])))
    return article_from_row(row)


def enqueue(db: Database, article: Article) -> list[processing.StoreContext]:
    context = StoreContext(NOW, Settings())
    with db.transaction() as tx:
        new_deliveries.enqueue_article(tx, article, context)
    return [context]


def outbox(db: Database, chat_id: int) -> list[tuple[str, str, str | None, str | None]]:
    return [tuple(r) for r in db.conn.execute(  # type: ignore[misc]
        "select a.url, o.status, o.sent_at, o.last_error from outbox o join articles a"
        " on a.id = o.article_id where o.chat_id = ? order by o.id", [chat_id])]


def test_articles_fetched_again_after_a_restore_are_not_alerted_again(tmp_path: Path) -> None:
    """A chat alerted after the backup of a story (two reports) gets neither report again when
    the restored bot fetches them anew — whichever comes first; a chat the story never reached
    gets it as usual (nothing lost)."""
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, 701, topics=("ترامب",))
        add_chat(db, 702, topics=("ترامب",))
    saved = tmp_path / "saved.db"
    backups.backup(path, saved)
    first, second = "https://s1.test/trump-1", "https://s1.test/trump-2"
    sent_at = iso(NOW - timedelta(minutes=30))
    with Database(path) as db:  # the bot goes on: a story of two reports, 701 alerted of it
        a1 = new_article(db, first, "ترامب يلتقي رئيس وزراء اليابان في واشنطن", 9001)
        new_article(db, second, "ترامب واليابان: اتفاق تجاري", 9001)
        with db.transaction() as tx:
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status,"
                       " created_at, sent_at) values (701, 9001, ?, 'instant', 'sent', ?, ?)",
                       [a1.id, sent_at, sent_at])
    report = backups.restore(saved, path, now=NOW)
    assert (report.carried.rows, report.carried.addresses, report.carried.error) == (1, 2, "")
    with Database(path) as db:
        # the restored bot's poll: the second report first, in a story of its own id
        again = new_article(db, second, "ترامب واليابان: اتفاق تجاري", 555)
        enqueue(db, again)
        assert outbox(db, 701) == [(second, "sent", sent_at, restore_record.DELIVERED_NOTE)]
        assert outbox(db, 702) == [(second, "pending", None, None)]  # never had it: owed
        # then the first report, in the same story: no second row for 701 (it has the story)
        enqueue(db, new_article(db, first, "ترامب يلتقي رئيس وزراء اليابان في واشنطن", 555))
        assert [r[1] for r in outbox(db, 701)] == ["sent"]
        # a report the old file never had is news: alerted as usual
        enqueue(db, new_article(db, "https://s1.test/trump-3", "ترامب في طوكيو", 556))
        assert outbox(db, 701)[-1][:2] == ("https://s1.test/trump-3", "pending")


def due_rows(tmp_path: Path) -> tuple[Path, Path, dict[str, int]]:
    """A live file and its backup holding four waiting deliveries; after the backup the live
    file sends one of them. Returns (live, backup, outbox ids by name)."""
    path = sample_db(tmp_path)
    past, later = iso(NOW - timedelta(minutes=10)), iso(NOW + timedelta(hours=20))
    ids: dict[str, int] = {}
    with Database(path) as db:
        add_chat(db, 801)
        add_chat(db, 802)
        arts = [r[0] for r in db.conn.execute("select id from articles order by id limit 3")]
        with db.transaction() as tx:
            for name, chat, story, art, due in (
                    ("sent_since", 801, 9101, arts[0], past),  # the old bot sent it since
                    ("still_owed", 802, 9102, arts[1], past),  # the old bot had not yet
                    ("no_article", 801, 9103, None, past),  # a row of no article: old rule
                    ("tomorrow", 802, 9104, arts[2], later)):  # not due: stays
                ids[name] = int(tx.execute(
                    "insert into outbox (chat_id, story_id, article_id, kind, not_before,"
                    " created_at) values (?, ?, ?, 'instant', ?, ?)",
                    [chat, story, art, due, iso(NOW - timedelta(hours=1))]).lastrowid or 0)
    saved = tmp_path / "saved.db"
    backups.backup(path, saved)
    with Database(path) as db, db.transaction() as tx:
        tx.execute("update outbox set status = 'sent', sent_at = ? where id = ?",
                   [iso(NOW - timedelta(minutes=5)), ids["sent_since"]])
    return path, saved, ids


def statuses(path: Path, ids: dict[str, int]) -> dict[str, str]:
    with Database(path) as db:
        return {name: db.conn.execute("select status from outbox where id = ?",
                                      [i]).fetchone()[0] for name, i in ids.items()}


def test_the_backups_waiting_deliveries_are_settled_as_the_replaced_file_did(tmp_path: Path
                                                                             ) -> None:
    path, saved, ids = due_rows(tmp_path)
    report = backups.restore(saved, path, now=NOW)
    assert statuses(path, ids) == {"sent_since": "sent", "still_owed": "pending",
                                   "no_article": "skipped", "tomorrow": "pending"}
    assert (report.marked_sent, report.skipped) == (1, 1)


def test_an_unreadable_replaced_file_falls_back_to_skipping_what_is_due(tmp_path: Path) -> None:
    path, saved, ids = due_rows(tmp_path)
    with Database(path) as db:
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path.write_bytes(b"\xa5" * path.stat().st_size)  # the damage that called for the restore
    report = backups.restore(saved, path, now=NOW)
    assert report.carried.error and report.skipped == 3
    assert statuses(path, ids) == {"sent_since": "skipped", "still_owed": "skipped",
                                   "no_article": "skipped", "tomorrow": "pending"}
    assert any(p.name.endswith(".db") or ".before-restore-" in p.name
               for p in report.moved_aside)


def test_resend_carries_nothing(tmp_path: Path) -> None:
    path, saved, ids = due_rows(tmp_path)
    report = backups.restore(saved, path, now=NOW, resend=True)
    assert report.carried.rows == 0 and report.skipped == 0
    assert set(statuses(path, ids).values()) == {"pending"}
    with Database(path) as db:
        assert db.conn.execute("select 1 from sqlite_master where name = ?",
                               [restore_record.TABLE]).fetchone() is None


def test_deliveries_queued_is_logged_only_once_committed(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    """QA22 U9: a full disk rolled the store back 12 times, and each time «deliveries queued»
    had been logged for alerts never stored."""
    import asyncio

    from digests import sources
    from digests.pipeline import poll_once
    from digests.samplesite import SampleSite

    path = tmp_path / "nashra.db"
    settings = Settings(database_path=path, allow_private_sources=True,
                        fetch_timeout_seconds=5.0)
    steps = processing.default_steps

    def failing_last() -> list[processing.Step]:
        def disk_full(*_: object) -> None:
            import sqlite3
            raise sqlite3.OperationalError("database or disk is full")
        return [*steps(), disk_full]

    with SampleSite() as site, Database(path) as db:
        sources.add_source(db, site.feed_url("main"), settings=settings, now=NOW)
        asyncio.run(poll_once(db, settings, now=NOW, only_due=False))  # first poll: backfill
        add_chat(db, 901, topics=("عمّان",))
        add_chat(db, 902, topics=("عمّان",))
        site.publish(slug="amman", feed="main", title="قمة عربية طارئة في عمّان لبحث التصعيد",
                     paragraphs=["قال وزير الخارجية الأردني إن القمة ستبحث وقف التصعيد."],
                     published=datetime.now(timezone.utc))
        monkeypatch.setattr(processing, "default_steps", failing_last)
        with caplog.at_level(logging.INFO):
            asyncio.run(poll_once(db, settings, now=NOW, only_due=False))
        said = [r.getMessage() for r in caplog.records]
        assert db.conn.execute("select count(*) from outbox").fetchone()[0] == 0
        assert not [m for m in said if "deliveries queued" in m]
        monkeypatch.setattr(processing, "default_steps", steps)
        caplog.clear()
        with caplog.at_level(logging.INFO):
            asyncio.run(poll_once(db, settings, now=NOW, only_due=False))
        queued = [r.getMessage() for r in caplog.records if "deliveries queued" in r.getMessage()]
        rows = db.conn.execute("select count(*) from outbox").fetchone()[0]
    assert queued and rows >= 1
    assert sum(int(m.split("rows=")[1].split()[0]) for m in queued) == rows


async def test_a_restored_bot_does_not_alert_again_what_its_readers_had(tmp_path: Path) -> None:
    """End to end: backup → more polls and alerts → restore → poll again: the reader is not
    sent again what the replaced file had sent, and gets what is new."""
    from bot.app import poll_job
    from digests import sources
    from digests.samplesite import SampleSite

    path = sample_db(tmp_path)
    saved = tmp_path / "saved.db"

    async def poll(h: object) -> None:
        app = h.app  # type: ignore[attr-defined]
        db = h.db  # type: ignore[attr-defined]
        with db.transaction() as tx:  # POLL_INTERVAL_MINUTES later: the source is due
            tx.execute("update sources set next_poll_at = null")
        done = db.conn.execute("select count(*) from polls").fetchone()[0]
        app.job_queue.run_once(poll_job, 0)  # the scheduled poll, run now
        await h.until(lambda: db.conn.execute(  # type: ignore[attr-defined]
            "select count(*) from polls where finished_at is not null").fetchone()[0] > done,
            timeout=30)

    def publish(site: SampleSite, slug: str, title: str, text: str) -> None:
        site.publish(slug=slug, feed="main", title=title, paragraphs=[text],
                     published=datetime.now(timezone.utc))

    with SampleSite() as site:
        async with running_bot(path) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            sources.add_source(h.db, site.feed_url("main"), settings=h.settings,
                               now=datetime.now(timezone.utc))
            await poll(h)  # the source's first poll: what it holds is not news
            await h.say(READER, "/subscribe عمّان")
            backups.backup(path, saved)  # the operator's nightly backup, the bot running
            publish(site, "amman-summit", "قمة عربية طارئة في عمّان لبحث التصعيد",
                    "قال وزير الخارجية الأردني إن «القمة ستبحث سبل وقف التصعيد في المنطقة "
                    "بشكل عاجل» خلال اجتماع الخميس.")
            await poll(h)
            await h.emu.await_messages(READER, 2, timeout=20)
            assert "قمة عربية طارئة في عمّان" in h.emu.messages(READER)[-1].plain_text
            await h.settle()
            with h.db.transaction() as tx:  # sent a while before the failure: past the
                tx.execute("update outbox set sent_at = ?",  # sender's INSTANT_GAP hold
                           [iso(datetime.now(timezone.utc) - timedelta(minutes=10))])
        report = backups.restore(saved, path)  # the bot stopped, the operator restores
        assert report.carried.rows >= 1
        async with running_bot(path) as h:
            publish(site, "amman-airport", "افتتاح مطار جديد في عمّان بحضور الملك",
                    "افتتح العاهل الأردني مبنى الركاب الجديد في مطار الملكة علياء الدولي "
                    "جنوب عمّان، بطاقة استيعابية تبلغ ١٢ مليون مسافر سنويا.")
            await poll(h)  # fetches the summit again (the backup lacks it) and the airport
            await h.emu.await_messages(READER, 1, timeout=20)
            await h.settle()
            await asyncio_sleep(1.0)  # the sender's next rounds: nothing more is due
            texts = [m.plain_text for m in h.emu.messages(READER)]
            summit = h.db.conn.execute(
                "select o.status, o.last_error from outbox o join articles a on"
                " a.id = o.article_id where a.url like '%amman-summit%' and o.chat_id = ?",
                [READER]).fetchall()
    assert len(texts) == 1 and "مطار جديد في عمّان" in texts[0], texts
    assert not any("قمة عربية طارئة" in t for t in texts)
    assert summit == [("sent", restore_record.DELIVERED_NOTE)]


async def asyncio_sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)


def test_run_py_restore_says_what_it_carried_or_why_not(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    path, saved, _ = due_rows(tmp_path)

    def restore(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, str(root / "run.py"), "--db", str(path),
                               "restore", str(saved), *args], capture_output=True, text=True,
                              timeout=120)

    done = restore()
    assert done.returncode == 0, done.stderr
    assert "will not be sent again (4 deliveries of stories with 3 links" in done.stdout
    assert "due deliveries marked sent: 1, skipped: 1" in done.stdout
    assert "لن يُرسل ثانيةً" in done.stdout
    path.write_bytes(b"\xa5" * 8192)  # the current file unreadable: the old rule, said so
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    done = restore()
    assert done.returncode == 0, done.stderr
    assert "could not be read" in done.stdout and "تعذّرت قراءة" in done.stdout
