"""Page extraction off the event loop: threads for a few pages, a worker process for many."""

from __future__ import annotations

import pytest

from digests import extractor
from digests.errors import ParseError
from digests.extractor import Extractor

HTML = ("<html><body><article><h1>عنوان الخبر</h1><p>فقرة أولى من متن الخبر طويلة بما يكفي لتعد "
        "نصاً.</p></article></body></html>")


@pytest.mark.parametrize("batch", [1, 500])
async def test_extracts_in_threads_or_a_worker_process(batch: int) -> None:
    pool = Extractor()
    try:
        page, cpu = await pool.extract(HTML, "http://x.example/a", batch=batch)
        with pytest.raises(ParseError):
            await pool.extract("   ", "http://x.example/b", batch=batch)
    finally:
        pool.close()
    assert page.title == "عنوان الخبر" and page.paragraphs and cpu >= 0.0


async def test_worker_process_is_only_started_for_big_batches(
        monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[object] = []

    class CountingPool:
        def __init__(self, **kwargs: object) -> None:
            started.append(kwargs)

        def submit(self, fn, *args):  # type: ignore[no-untyped-def]
            from concurrent.futures import Future

            future: Future[object] = Future()
            future.set_result(fn(*args))
            return future

        def shutdown(self, **_: object) -> None:
            pass

    monkeypatch.setattr(extractor, "ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr(extractor.os, "cpu_count", lambda: 2)
    pool = Extractor()
    await pool.extract(HTML, "http://x.example/a", batch=extractor.PROCESS_POOL_MIN_PAGES - 1)
    assert started == []
    await pool.extract(HTML, "http://x.example/a", batch=extractor.PROCESS_POOL_MIN_PAGES)
    await pool.extract(HTML, "http://x.example/a", batch=extractor.PROCESS_POOL_MIN_PAGES)
    pool.close()
    assert len(started) == 1  # one pool per poll, reused
