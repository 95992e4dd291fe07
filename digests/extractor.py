"""Page extraction off the event loop: worker threads, or a worker process for big batches.

Extraction (lxml + trafilatura) is CPU work. A handful of pages go to threads so the loop keeps
other requests moving; a poll with many new pages sends them to a worker process, so extraction
uses a second core while the event loop stores articles (in threads the GIL would serialize the
two). A lost worker (killed, out of memory) falls back to threads for the rest of the poll.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from digests.models import Page
from digests.pages import extract_page

log = logging.getLogger(__name__)

# A poll with at least this many new pages has them extracted in a worker process.
PROCESS_POOL_MIN_PAGES = 100


def _extract_timed(html: str, url: str) -> tuple[Page, float]:
    """extract_page plus the CPU seconds it took (runs in a worker thread or process)."""
    started = time.thread_time()
    page = extract_page(html, url)
    return page, time.thread_time() - started


class Extractor:
    """Extracts pages in threads, or in a worker process for big batches. `close()` when done."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._pool_broken = False

    async def extract(self, html: str, url: str, *, batch: int) -> tuple[Page, float]:
        """The page and the CPU seconds its extraction took; `batch` is the poll's page count.

        Raises:
            ParseError: the text is not an HTML page.
        """
        if (batch >= PROCESS_POOL_MIN_PAGES and (os.cpu_count() or 1) > 1
                and not self._pool_broken):
            if self._pool is None:
                workers = max(1, min(4, (os.cpu_count() or 2) - 1))
                self._pool = ProcessPoolExecutor(
                    max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
            loop = asyncio.get_running_loop()
            try:
                return await loop.run_in_executor(self._pool, _extract_timed, html, url)
            except (BrokenProcessPool, OSError) as exc:  # worker killed (OOM …): use threads
                if not self._pool_broken:
                    log.warning("extraction worker lost, using threads error=%r", exc)
                self._pool_broken = True
        return await asyncio.to_thread(_extract_timed, html, url)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
