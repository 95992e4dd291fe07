"""X58 (QA40 N13/N6): /sources past SOURCES_LISTED (50) listed 50 and the other numbers, which
/removesource and /renamesource need, could not be seen in Telegram; «/sources 2» lists the
next page, each page says which it is and how to get the next, and every source is on one
page. The real bot against the emulator, 120 sources in a real SQLite archive."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, running_bot

from digests.models import iso
from digests.storage import Database


async def _pages(h: object, command: str, lang: str | None = None) -> str:
    emu = h.emu  # type: ignore[attr-defined]
    user = ADMIN if lang is None else ADMIN + 1
    before = len(emu.messages(user))
    await h.say(user, command, language_code=lang)  # type: ignore[attr-defined]
    await h.settle()  # type: ignore[attr-defined]
    return "\n".join(m.plain_text for m in emu.messages(user)[before:]).replace(
        "\u200f", "").replace("\u200e", "")


async def test_every_source_is_on_a_page_of_sources(tmp_path: Path) -> None:
    path = tmp_path / "many.db"
    now = datetime.now(UTC)
    with Database(path) as db, db.transaction() as tx:
        for n in range(120):
            tx.execute("insert into sources (id, url, name, added_at, last_success_at)"
                       " values (?, ?, ?, ?, ?)",
                       [n + 1, f"https://s{n}.example/feed.xml", f"مصدر {n}", iso(now),
                        iso(now)])
    async with running_bot(path, admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
        seen: set[int] = set()
        first = await _pages(h, "/sources")
        assert "الصفحة ١ من ٣ — التالية: /sources 2" in first, first[-300:]
        for text in (first, await _pages(h, "/sources 2"), await _pages(h, "/sources ٣")):
            shown = {int(m) for m in re.findall(r"s(\d+)\.example/feed", text)}
            assert len(shown) <= 50 and not shown & seen, sorted(shown & seen)
            seen |= shown
        assert seen == set(range(120))
        assert "الصفحة ٣ من ٣ — الأولى: /sources" in text, text[-300:]
        beyond = await _pages(h, "/sources 9")  # past the last page: the last page
        assert "الصفحة ٣ من ٣" in beyond
        # «²» is a digit to str.isdigit but not to int(): the first page, not a crashed handler
        assert "الصفحة ١ من ٣" in await _pages(h, "/sources ²")
        renamed = await _pages(h, "/renamesource ² اسم")
        assert renamed and "Traceback" not in renamed
        en = await _pages(h, "/sources 2", "en")
        assert "Page 2 of 3 — next: /sources 3" in en, en[-300:]


async def test_a_feed_link_with_a_tracking_parameter_is_the_same_source(tmp_path: Path) -> None:
    """QA40 N7: «/addsource …/main.xml?utm=x» after «…/main.xml» was source 2, fetched twice."""
    from digests import sources
    from digests.samplesite import SampleSite

    with SampleSite() as site:
        async with running_bot(tmp_path / "fresh.db") as h:
            main = site.feed_url("main")
            [ok] = await h.say(ADMIN, f"/addsource {main}", timeout=20)
            assert "✅" in ok.plain_text, ok.plain_text
            for link in (f"{main}?utm=x", f"{main}?utm_source=tg&utm_medium=x"):
                [again] = await h.say(ADMIN, f"/addsource {link}", timeout=20)
                assert "مضاف" in again.plain_text and "تعذرت" in again.plain_text, \
                    again.plain_text
            assert len(sources.list_sources(h.db)) == 1
