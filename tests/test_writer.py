"""digests.writer: a poll's store work in one worker thread with its own connection, and the bot
answering readers while a slow store step is in progress (QA14 F2, brief X10 item 1)."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlite_utils

from botkit import READER, running_bot, sample_db
from digests import processing, writer
from digests.models import Article
from digests.pipeline import poll_once
from digests.processing import StoreContext
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.sources import add_source, list_sources, remove_source
from digests.storage import Database
from digests.writer import Writer

WAIT = 30.0  # seconds a test waits for an event that must come (never reached when green)


def _thread_and_connection(db: Database) -> tuple[int, int]:
    return threading.get_ident(), id(db.conn)


def _insert_poll(db: Database, when: str) -> int:
    with db.transaction() as tx:
        return int(tx.execute("insert into polls (started_at, sources) values (?, 0)",
                              [when]).lastrowid or 0)


async def test_calls_run_in_one_thread_with_its_own_connection_in_order(
        database: Database) -> None:
    async with Writer(database) as w:
        seen = [await w.run(_thread_and_connection) for _ in range(3)]
        ids = [await w.run(_insert_poll, f"2026-11-30T00:00:0{i}") for i in range(3)]
    assert len(set(seen)) == 1
    thread, connection = seen[0]
    assert thread != threading.get_ident() and connection != id(database.conn)
    # committed by the writer's connection, read back through the caller's
    rows = database.db.execute("select id, started_at from polls order by id").fetchall()
    assert [r[0] for r in rows] == ids and [r[1][-1] for r in rows] == ["0", "1", "2"]


async def test_an_in_memory_database_runs_inline() -> None:
    with Database(":memory:") as memory:
        async with Writer(memory) as w:
            assert w.inline and w.db is memory
            assert await w.run(_thread_and_connection) == (threading.get_ident(),
                                                           id(memory.conn))


async def test_the_inline_switch_keeps_every_call_on_the_callers_thread(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "INLINE", True)
    async with Writer(database) as w:
        assert await w.run(_thread_and_connection) == (threading.get_ident(),
                                                       id(database.conn))


async def test_a_failing_call_raises_to_its_caller_and_the_writer_goes_on(
        database: Database) -> None:
    def broken(db: Database) -> None:
        with db.transaction() as tx:
            tx.execute("insert into polls (started_at, sources) values ('x', 0)")
            raise ValueError("step failed")

    async with Writer(database) as w:
        with pytest.raises(ValueError, match="step failed"):
            await w.run(broken)
        await w.run(_insert_poll, "y")
    assert [r[0] for r in database.db.execute("select started_at from polls")] == ["y"]


async def test_a_cancelled_caller_is_not_kept_waiting_for_the_call_in_progress(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bot stopping mid-poll stops at once (QA15 N4); the call in progress still commits whole
    in its thread, and the writer's connection closes after it."""
    entered, release, closed = threading.Event(), threading.Event(), threading.Event()

    def slow(db: Database) -> None:
        with db.transaction() as tx:
            tx.execute("insert into polls (started_at, sources) values ('slow', 0)")
            entered.set()
            assert release.wait(WAIT)

    real_close = Database.close

    def close(db: Database) -> None:
        real_close(db)
        if db is not database:
            closed.set()

    monkeypatch.setattr(Database, "close", close)

    async def poll() -> None:
        async with Writer(database) as w:
            await w.run(slow)

    task = asyncio.create_task(poll())
    assert await asyncio.to_thread(entered.wait, WAIT)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task  # returns while `slow` still holds its transaction
    assert not closed.is_set()
    release.set()
    assert await asyncio.to_thread(closed.wait, WAIT)
    assert [r[0] for r in database.db.execute("select started_at from polls")] == ["slow"]


async def test_readers_are_answered_while_a_slow_store_step_runs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bot answers /help while an article's store step is in progress (a step held in its
    thread until the test lets it go); before, the whole store ran on the event loop and the
    bot answered nobody until it was done. The article is stored once the step finishes.
    (A handler that writes waits for the article's transaction: SQLite has one writer.)"""
    entered, release = threading.Event(), threading.Event()
    loop_thread = threading.get_ident()
    step_threads: list[int] = []

    def slow_step(db: sqlite_utils.Database, article: Article, ctx: StoreContext) -> None:
        step_threads.append(threading.get_ident())
        entered.set()
        assert release.wait(WAIT), "the test never released the step"

    path = sample_db(tmp_path)  # built (once per session) before the step is slowed
    real_steps = processing.default_steps
    monkeypatch.setattr(processing, "default_steps", lambda: [slow_step, *real_steps()])
    now = datetime.now(timezone.utc)
    with SampleSite(with_sample=False) as site:
        site.feeds = [{"slug": "main", "path": "/feeds/main.xml", "format": "rss",
                       "title": "أخبار"}]
        site.publish(slug="slow", feed="main", title="خبر يتأخر حفظه",
                     paragraphs=["قال الوزير إن «الاجتماع سيعقد غدًا في العاصمة»."],
                     published=now - timedelta(minutes=5))
        async with running_bot(path) as h:
            for source in list_sources(h.db):
                remove_source(h.db, source.id)
            add_source(h.db, site.feed_url("main"), settings=h.settings, now=now)
            await h.say(READER, "/help")  # the reader's chat is recorded: no write left to do
            poll = asyncio.create_task(poll_once(h.db, h.settings, now=now, only_due=False))
            try:
                assert await asyncio.to_thread(entered.wait, WAIT), "the step never started"
                [answer] = await h.say(READER, "/help")  # answered with the step still held
                assert "/start" in answer.plain_text
                assert not release.is_set() and not poll.done()
            finally:
                release.set()
            summary = await poll
    assert summary.new == 1 and step_threads and loop_thread not in step_threads
