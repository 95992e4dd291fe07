"""The word tables, built once per process in a worker thread, never on the event loop (X104).

Rendering a bundle folds its stories (digests.story_folds: the similarity IDF table of
digests.similarity) and picks their faces and names (the frequency and article tables of
digests.arabic); a reader's question or search reads the same tables. Each is built lazily from
the frozen word list (digests/data/word_freq.tsv.gz) on its first use: 0.5–3 s of CPU on this
2-core host, which on the event loop froze the bot once per process — the first push's first
message left 1.3–2.7 s after /push, and no reader's answer or other send moved meanwhile (X97).

`start` builds them in a thread of their own (the bot starts it in post_init); `ready` lets a
coroutine wait for them without blocking the loop, and starts the build if nothing did. The
courier awaits it before rendering a bundle and the update processor before running a handler
(bot.update_order), so no table is ever built on the loop; past the first seconds of a process
`ready` returns at once. The tables are the same lru-cached functions as before, called from
another thread: the results are identical. A poll's writer thread (digests.writer) may meet a
table still being built and build its own copy meanwhile: wasted CPU once, never a wrong table.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import Future

from digests import arabic, similarity

log = logging.getLogger(__name__)

_lock = threading.Lock()
_built: Future[None] | None = None  # per process: the tables are module-level caches


def build() -> None:
    """Build every lazily built table a rendering, a fold, a question or a search reads: the
    lru-cached builders themselves (a reader such as arabic.definite_share skips its table for
    a key it has never seen)."""
    arabic._key_counts()       # index key → frequency (arabic.key_frequency)
    arabic._definite_counts()  # … written with «ال» (arabic.definite_share)
    similarity._key_counts()   # analyzed key → count, and the IDF total (similarity.idf)


def start() -> Future[None]:
    """Start building the tables in a worker thread (once per process); their future."""
    global _built
    with _lock:
        if _built is None:
            _built = Future()
            # running: a waiter cancelled while it waits can never cancel the build (and with
            # it every other waiter)
            _built.set_running_or_notify_cancel()
            try:
                threading.Thread(target=_build, args=(_built,), name="nashra-tables",
                                 daemon=True).start()
            except RuntimeError:  # «can't start new thread»: no waiter may wait for ever
                log.exception("word tables not built ahead; they are built on first use")
                _built.set_result(None)
        return _built


def _build(done: Future[None]) -> None:
    try:
        build()
    except Exception:  # each table is then built on its first use, as before
        log.exception("word tables not built ahead; they are built on first use")
    done.set_result(None)


async def ready() -> None:
    """Return once the tables are built, waiting off the loop (starts the build if needed)."""
    built = start()
    if not built.done():
        await asyncio.wrap_future(built)
