"""Page extraction off the event loop: worker threads, or a worker process for big batches.

Extraction (lxml + trafilatura) is CPU work. A handful of pages go to threads so the loop keeps
other requests moving; a poll with many new pages sends them to a worker process, so extraction
uses a second core while the event loop stores articles (in threads the GIL would serialize the
two). A lost worker (killed, out of memory) falls back to threads for the rest of the poll.

A page's text is cut at MAX_ARTICLE_CHARS where it is extracted, so analysis, the search index
and storage never see more (QA14 F5: one 4.9-million-character paragraph took 18 s of quote
finding and 25 MB of database).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from digests.models import Page
from digests.pages import extract_page

log = logging.getLogger(__name__)

# A poll with at least this many new pages has them extracted in a worker process.
PROCESS_POOL_MIN_PAGES = 100
# The most text kept from one page, in characters. The corpus' longest article is 15,144
# characters (99.9th percentile 8,370), so this keeps every real article whole with room to
# spare (~6×), while a page that is one endless paragraph costs at most ~1 s of analysis.
MAX_ARTICLE_CHARS = 100_000
ELLIPSIS = "…"


def cap_paragraphs(paragraphs: tuple[str, ...], limit: int = MAX_ARTICLE_CHARS
                   ) -> tuple[str, ...]:
    """`paragraphs` cut to at most `limit` characters in all: whole paragraphs while they fit,
    then the one that does not cut at a space (with «…»), then nothing."""
    kept: list[str] = []
    left = limit
    for paragraph in paragraphs:
        if len(paragraph) <= left:
            kept.append(paragraph)
            left -= len(paragraph)
            continue
        room = left - len(ELLIPSIS)
        if room > 0:
            head = paragraph[:room]
            space = head.rfind(" ")
            head = head[:space] if space > room // 2 else head  # a word is not cut if it can be
            if head.strip():
                kept.append(head.rstrip() + ELLIPSIS)
        break
    return tuple(kept)


def cap_page(page: Page, limit: int | None = None) -> Page:
    """`page` with its text cut to `limit` characters (default MAX_ARTICLE_CHARS, read at the
    call); the page itself when it fits."""
    limit = MAX_ARTICLE_CHARS if limit is None else limit
    if sum(map(len, page.paragraphs)) <= limit:
        return page
    return replace(page, paragraphs=cap_paragraphs(page.paragraphs, limit))


def _extract_timed(html: str, url: str) -> tuple[Page, float]:
    """extract_page, its text capped, plus the CPU seconds it took (runs in a worker thread or
    process)."""
    started = time.thread_time()
    page = cap_page(extract_page(html, url))
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
