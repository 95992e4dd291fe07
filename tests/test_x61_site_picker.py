"""X61 item 3: «📡 المصادر» lists sites, not feeds — two feeds of one site are one button named
by the site («الجزيرة», not «الجزيرة — عاجل»), and a press mutes (or brings back) every feed
of it; a site only some of whose feeds are muted says so and a press mutes the rest. The real
bot on the emulator, real SQLite (digests.reader_sources.site_groups)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.reader_sources import muted, set_muted
from digests.models import iso
from digests.processing import StoreContext
from digests.reader_sources import site_groups
from digests.records import ARTICLE_SELECT, article_from_row
from digests.search_index import index_article
from digests.settings import Settings
from digests.sources import list_sources
from digests.storage import Database

WORD = "قرطاجنة"
FEEDS = (("https://www.aljazeera.net/feeds/breaking.xml", "الجزيرة — عاجل",
          "https://www.aljazeera.net/news/{n}"),
         ("https://feeds.aljazeera.example/economy.xml", "الجزيرة — اقتصاد",
          "https://aljazeera.net/ebusiness/{n}"),  # its feed lives elsewhere, its articles not
         ("https://feeds.bbci.co.uk/arabic/rss.xml", "بي بي سي عربي",
          "https://www.bbc.com/arabic/{n}"))
_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


def _archive(path: Path, now: datetime) -> dict[str, int]:
    ids: dict[str, int] = {}
    with Database(path) as db:
        for i, (feed, name, link) in enumerate(FEEDS):
            db.db.execute("insert into sources (url, name, added_at) values (?, ?, ?)",
                          [feed, name, iso(now)])
            source = int(db.db.execute("select id from sources where url = ?",
                                       [feed]).fetchone()[0])
            ids[name] = source
            n = 700_001 + i
            url = link.format(n=n)
            title = (f"مؤتمر في {WORD} عن الاقتصاد", f"سفن تصل {WORD} صباحا",
                     f"مهرجان {WORD} للسينما")[i]
            with db.transaction() as conn:
                conn.execute(
                    "insert into articles (id, source_id, url, url_key, content_hash, title,"
                    " published_at, body, fetched_at, updated_at) values (?,?,?,?,?,?,?,?,?,?)",
                    [n, source, url, url, f"h{n}", title, iso(now - timedelta(hours=i + 1)),
                     f"{title}. تفاصيل من {WORD}.", iso(now), iso(now)])
                row = list(conn.query(f"{ARTICLE_SELECT} where articles.id = ?", [n]))[0]
                index_article(conn, article_from_row(row),
                              StoreContext(now=now, settings=Settings()))
    return ids


def test_feeds_are_grouped_by_the_site_of_their_articles(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    ids = _archive(path, datetime.now(UTC))
    with Database(path) as db:
        groups = site_groups(db.db, list_sources(db))
    by_name = {g.name: g for g in groups}
    assert by_name["الجزيرة"].source_ids == (ids["الجزيرة — عاجل"], ids["الجزيرة — اقتصاد"])
    assert by_name["بي بي سي عربي"].source_ids == (ids["بي بي سي عربي"],)
    # the sample site's local feeds stay one site each, under their feeds' names
    assert "نشرة الشرق — الأخبار الرئيسية" in by_name and len(groups) == 3 + 2


def _picker(h: object) -> object:
    from botkit import BotHarness

    assert isinstance(h, BotHarness)
    return next(m for m in reversed(h.emu.messages(READER)) if any(
        "الجزيرة" in b for b in m.button_texts()))


async def test_a_site_is_one_button_and_mutes_all_its_feeds(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    ids = _archive(path, datetime.now(UTC))
    jazeera = {ids["الجزيرة — عاجل"], ids["الجزيرة — اقتصاد"]}
    async with running_bot(path) as h:
        [menu] = await h.say(READER, "/settings")
        h.emu.click(menu, "📡 المصادر")
        await h.until(lambda: next((m for m in h.emu.messages(READER)
                                    if "🔔 الجزيرة: تصل أخباره" in m.button_texts()), None))
        picker = _picker(h)
        labels = picker.button_texts()  # type: ignore[attr-defined]
        assert sum("الجزيرة" in b for b in labels) == 1, labels
        assert "🔔 بي بي سي عربي: تصل أخباره" in labels, labels
        toast = await h.click_answer(picker, "🔔 الجزيرة: تصل أخباره")  # type: ignore[arg-type]
        assert "كُتم الجزيرة" in toast.get("text", ""), toast
        assert muted(h.db, READER) == jazeera
        await h.until(lambda: "🔕 الجزيرة: مكتوم" in _picker(h).button_texts() or None)
        [found] = await h.say(READER, f"/search {WORD}")
        text = _MARKS.sub("", found.plain_text)
        assert "مهرجان" in text and "مؤتمر" not in text and "سفن" not in text, text
        # back whole
        toast = await h.click_answer(_picker(h), "🔕 الجزيرة: مكتوم")  # type: ignore[arg-type]
        assert "عاد الجزيرة" in toast.get("text", ""), toast
        assert muted(h.db, READER) == frozenset()
        # one feed muted (an older mute, or a feed added since): said, and a press completes it
        set_muted(h.db, READER, ids["الجزيرة — عاجل"], True, datetime.now(UTC))
        [menu] = await h.say(READER, "/settings")
        h.emu.click(menu, "📡 المصادر")
        await h.until(lambda: "🔕 الجزيرة: مكتوم جزئيًا" in _picker(h).button_texts() or None)
        await h.click_answer(_picker(h), "🔕 الجزيرة: مكتوم جزئيًا")  # type: ignore[arg-type]
        assert muted(h.db, READER) == jazeera
