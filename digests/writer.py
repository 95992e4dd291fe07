"""A poll's writer: one worker thread with its own SQLite connection, off the event loop.

Storing an article runs its processing steps (search index, story, digest, deliveries:
digests.processing) — seconds of CPU for a poll of long pages. Run on the event loop, that froze
every reader of the bot meanwhile (QA14 F2). A poll therefore hands its database work to a
`Writer`: `await writer.run(fn, *args)` calls `fn(db, *args)` in the writer's one thread, with
the writer's own `Database` (a second connection to the same file; sqlite3 connections are never
shared between threads here), one call at a time, in the order they were made. Each call keeps
its own transactions (`db.transaction()`), so an article and its steps still commit together.

The process still has one writer at a time: SQLite's write lock (BEGIN IMMEDIATE, WAL) lets one
connection write while the other's writer waits (busy_timeout), and readers never wait. So a bot
handler writing on the event loop's connection meanwhile (a chat recorded, a button stored)
waits at most for the article transaction in progress — not for the whole poll — and reads
never wait.

An in-memory database cannot be opened twice; its calls run inline (on the caller's thread), as
they all did before. `INLINE = True` makes every writer inline (the responsiveness benchmark's
baseline).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from digests.storage import Database

log = logging.getLogger(__name__)

_T = TypeVar("_T")

INLINE = False  # benchmarks/responsiveness.py: the baseline, every store on the event loop


class Writer:
    """Runs database work in one worker thread with its own connection (see the module doc).

    Use as ``async with Writer(db) as writer: await writer.run(fn, *args)``.
    """

    def __init__(self, db: Database) -> None:
        self.source = db
        self.inline = INLINE or db.path == ":memory:"
        self.db: Database = db  # the worker's own connection once entered
        self._pool: ThreadPoolExecutor | None = None
        # set when the writer's caller was cancelled or failed: a long call in progress (a
        # poll's digest refresh) checks it between articles and returns, as the interpreter
        # waits for this thread at exit (QA64-13: 30 s after Ctrl-C, then SIGKILL)
        self.stopping = threading.Event()

    async def __aenter__(self) -> Writer:
        if not self.inline:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="nashra-writer")
            loop = asyncio.get_running_loop()
            # opened in its own thread: the connection lives and dies there
            self.db = await loop.run_in_executor(
                self._pool, functools.partial(Database, self.source.path, migrate=False))
        return self

    async def run(self, fn: Callable[..., _T], *args: Any) -> _T:
        """`fn(db, *args)` in the writer's thread (inline for an in-memory database)."""
        if self._pool is None:
            return fn(self.db, *args)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(fn, self.db, *args))

    async def __aexit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kind is not None:
            self.stopping.set()
        closing = pool.submit(self.db.close)  # after the call in progress, in its thread
        pool.shutdown(wait=False)
        if kind is None:
            await asyncio.wrap_future(closing)
        # Cancelled or failed: the call in progress finishes in its thread (its transaction
        # commits or rolls back whole) and the connection closes after it; the caller is not
        # kept waiting for it (a bot stopping mid-poll stops at once, QA15 N4).
