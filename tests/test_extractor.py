"""Page extraction off the event loop: threads for a few pages, a worker process for many."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


# --- QA14 F5: the text kept from one page is capped where it is extracted

def test_cap_paragraphs_keeps_whole_paragraphs_then_cuts_one_at_a_space() -> None:
    paragraphs = ("أ" * 40, "ب" * 40, "كلمة " * 20, "د" * 40)
    capped = extractor.cap_paragraphs(paragraphs, 130)
    assert capped[:2] == paragraphs[:2] and len(capped) == 3
    assert capped[2].endswith("…") and capped[2][:-1] == ("كلمة " * 9).strip()
    assert extractor.cap_paragraphs(paragraphs, 10_000) == paragraphs
    assert extractor.cap_paragraphs(("x" * 50,), 30) == ("x" * 29 + "…",)  # no space: cut anyway
    assert extractor.cap_paragraphs(("abc",), 1) == ()


@given(st.lists(st.text(alphabet="اب ت\n", max_size=60), max_size=8),
       st.integers(min_value=0, max_value=300))
def test_capped_text_fits_and_is_a_prefix(paragraphs: list[str], limit: int) -> None:
    original = tuple(paragraphs)
    capped = extractor.cap_paragraphs(original, limit)
    assert sum(map(len, capped)) <= limit
    if sum(map(len, original)) <= limit:
        assert capped == original
    else:
        assert len(capped) <= len(original)
        if capped:
            assert capped[:-1] == original[:len(capped) - 1]  # whole paragraphs before the cut
            last = capped[-1].removesuffix("…").rstrip()
            assert original[len(capped) - 1].startswith(last)


async def test_a_one_paragraph_page_is_cut_at_max_article_chars() -> None:
    word = "الغوطة "
    html = f"<html><body><article><h1>عنوان</h1><p>{word * 30_000}</p></article></body></html>"
    pool = Extractor()
    try:
        page, _ = await pool.extract(html, "http://x.example/long", batch=1)
        short, _ = await pool.extract(HTML, "http://x.example/a", batch=1)
    finally:
        pool.close()
    text = "".join(page.paragraphs)
    assert len(word * 30_000) > extractor.MAX_ARTICLE_CHARS >= len(text) > 0.9 * \
        extractor.MAX_ARTICLE_CHARS
    assert text.endswith("الغوطة…")
    assert short.paragraphs == ("فقرة أولى من متن الخبر طويلة بما يكفي لتعد نصاً.",)
