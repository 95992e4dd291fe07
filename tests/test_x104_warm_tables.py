"""X104: the word tables a rendering and a reader's answer read (bot.warm_tables) are built in a
worker thread, never on the event loop. X97 measured the first push's story fold building the
similarity IDF table on the loop: ~3 s once per process, nothing else moving meanwhile.

The tables are built cold here (their caches cleared, each builder watched): the real bot on
the sample database answers a /push and a reader's question while a coroutine ticks; each
table must be built off the loop's thread, with the loop ticking while it is built (before the
fix: built inside the fold, on the loop, 0 ticks). No wall-clock time is asserted."""

from __future__ import annotations

import asyncio
import functools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from botkit import READER, running_bot, sample_db
from delivery_helpers import NOW, add_article, add_source
from test_x52_fold import MISSILE, OTHER

from bot import warm_tables
from digests import arabic, similarity
from digests.storage import Database
from digests.story_folds import fold_ids

TICKS = 3  # the loop's turns a table's build must see
TABLES = ((arabic, "_key_counts"), (arabic, "_definite_counts"), (similarity, "_key_counts"))


@dataclass
class Built:
    """One table's build: on the loop's thread or not, and how often the loop ticked meanwhile."""

    name: str
    on_loop: bool
    ticks: int


@dataclass
class Cold:
    """The watch over the cold tables' builds, and the loop's ticks."""

    loop_thread: int
    builds: list[Built]
    ticks: int = 0
    ticking: bool = False  # a coroutine ticks on the loop (`tick`)
    originals: tuple[Any, ...] = ()

    def clear(self) -> None:
        """Every table unbuilt again (the watched builders and the originals they call)."""
        for module, name in TABLES:
            getattr(module, name).cache_clear()
        for original in self.originals:
            original.cache_clear()

    async def tick(self) -> None:
        self.ticking = True
        while True:
            self.ticks += 1
            await asyncio.sleep(0)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample database (its first copy in a process ingests the sample site, which builds
    the tables: before they are made cold)."""
    return sample_db(tmp_path)


@pytest.fixture
def cold(sample: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Cold]:
    """The tables as in a fresh process: not built, no build started; each builder watched."""
    watch = Cold(threading.get_ident(), [], originals=tuple(getattr(m, n) for m, n in TABLES))
    monkeypatch.setattr(warm_tables, "_built", None)
    for (module, name), original in zip(TABLES, watch.originals):
        monkeypatch.setattr(module, name, _watched(watch, f"{module.__name__}.{name}", original))
    watch.clear()
    yield watch  # the originals are built by then: the tests after these find them warm


def _watched(watch: Cold, name: str, original: Callable[[], Any]) -> Callable[[], Any]:
    @functools.lru_cache(maxsize=1)
    def build() -> Any:
        before = watch.ticks
        table = original()
        on_loop = threading.get_ident() == watch.loop_thread
        # a quick build may end between two of the loop's turns: built in another thread, it
        # is held until the loop has ticked (a loop waiting for this table never would); on
        # the loop's own thread nothing can tick meanwhile
        waited = 0
        while watch.ticking and not on_loop and watch.ticks - before < TICKS and waited < 30_000:
            time.sleep(0.001)
            waited += 1
        watch.builds.append(Built(name, on_loop, watch.ticks - before))
        return table
    return build


def _off_the_loop(watch: Cold) -> None:
    assert sorted(b.name for b in watch.builds) == sorted(
        f"{m.__name__}.{n}" for m, n in TABLES), watch.builds  # each built once
    for built in watch.builds:
        assert not built.on_loop, built
        assert built.ticks >= TICKS, built  # the loop went on while the table was built


async def test_the_first_push_never_builds_a_table_on_the_loop(sample: Path, cold: Cold
                                                               ) -> None:
    ticker = asyncio.create_task(cold.tick())  # from before the start: post_init starts the build
    try:
        async with running_bot(sample) as h:
            await h.push_to((READER, READER + 1))
            assert h.emu.messages(READER) and h.emu.messages(READER + 1)
            assert h.emu.messages(READER)[0].text == h.emu.messages(READER + 1)[0].text
    finally:
        ticker.cancel()
    _off_the_loop(cold)


async def test_a_readers_first_question_never_builds_a_table_on_the_loop(
        sample: Path, cold: Cold) -> None:
    ticker = asyncio.create_task(cold.tick())
    try:
        async with running_bot(sample) as h:
            [answer] = await h.say(READER, "ترامب")
            assert answer.plain_text
            await warm_tables.ready()  # the fold's table too, though the question needs two
    finally:
        ticker.cancel()
    _off_the_loop(cold)


def test_the_tables_built_in_their_thread_fold_as_those_built_on_first_use(
        sample: Path, cold: Cold) -> None:
    """The same fold, its tables built lazily by the fold itself and then ahead by warm_tables'
    thread: the same stories folded (the same builders; only the thread differs). The sample's
    stories and X52's two stories of one missile (one folds) and a book fair."""
    with Database(sample) as db:
        ids = [int(r[0]) for r in db.db.execute(
            "select min(id) from articles where story_id is not null and length(body) >= 200"
            " group by story_id order by 1 limit 40").fetchall()]
        assert len(ids) >= 10  # the sample's stories: a broken sample fails here, not skips
        sky, cnn, ahram = (add_source(db, n) for n in ("سكاي", "سي إن إن", "الأهرام"))
        missile = add_article(db, sky, "الدفاع الجوي السعودي يعترض صاروخا باليستيا فوق الرياض",
                              story_id=9001, body=MISSILE, published=NOW - timedelta(hours=1))
        again = add_article(db, cnn, "السعودية تعترض صاروخا باليستيا أطلقه الحوثيون على الرياض",
                            story_id=9002, body=MISSILE.replace("مساء الأحد", "ليل الأحد"),
                            published=NOW - timedelta(minutes=20))
        fair = add_article(db, ahram, "افتتاح معرض القاهرة الدولي للكتاب", story_id=9003,
                           body=OTHER, published=NOW - timedelta(minutes=30))
        ids += [missile.id, again.id, fair.id]
        lazily = fold_ids(db.db, ids)
        assert lazily == tuple(a for a in ids if a != again.id)  # the tables decide a fold
        first_use = len(cold.builds)
        assert first_use and all(b.on_loop for b in cold.builds)  # built by the fold, here
        cold.clear()
        warm_tables.start().result(timeout=60)
        assert [b.on_loop for b in cold.builds[first_use:]] == [False] * 3
        assert fold_ids(db.db, ids) == lazily


def test_a_thread_that_cannot_start_leaves_no_waiter_waiting(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """REV2: `start` recorded the build before its thread started; when the thread could not
    start («can't start new thread») every later `ready` waited for ever — every update and
    every bundle. Now the build is marked done and each table is built on its first use."""
    monkeypatch.setattr(warm_tables, "_built", None)

    def refuse(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", refuse)
    assert warm_tables.start().done()

    async def wait() -> None:
        await asyncio.wait_for(warm_tables.ready(), timeout=5)

    asyncio.run(wait())
