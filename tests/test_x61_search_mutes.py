"""X61 item 1: a chat's muted sources are left out by the search itself (digests.search's
queries, bot.stories.search_page), not dropped from a page after ranking — so every page is
full, «المزيد» goes on where it should, and the header's total counts only what the chat reads.
Real SQLite (the search over a real index) and the real bot on the emulator."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.reader_sources import set_muted
from bot.stories import search_page
from digests.models import iso
from digests.processing import StoreContext
from digests.records import ARTICLE_SELECT, article_from_row
from digests.search import search
from digests.search_index import index_article
from digests.settings import Settings
from digests.storage import Database

WORD = "زمردستان"  # a made-up place: only the articles below name it
# twelve distinct stories (no two headlines alike, so none folds into another)
HEADS = ("وفد", "اجتماع", "قصف", "مساعدات", "انتخابات", "زلزال", "احتجاجات", "اتفاق",
         "مهرجان", "إضراب", "فيضان", "معرض")
_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")
TITLE = re.compile(r"^[٠-٩0-9]+\. (.+)$", re.M)


def _source(db: Database, name: str, now: datetime) -> int:
    db.db.execute("insert into sources (url, name, added_at) values (?, ?, ?)",
                  [f"https://{name}.example/feed", name, iso(now)])
    return int(db.db.execute("select id from sources where name = ?", [name]).fetchone()[0])


def _add(db: Database, article_id: int, source_id: int, title: str, published: datetime,
         now: datetime) -> None:
    """An article stored and indexed as the ingest step does."""
    url = f"https://s{source_id}.example/a/{article_id}"
    with db.transaction() as conn:
        conn.execute(
            "insert into articles (id, source_id, url, url_key, content_hash, title, published_at,"
            " body, fetched_at, updated_at) values (?,?,?,?,?,?,?,?,?,?)",
            [article_id, source_id, url, url, f"h{article_id}", title, iso(published),
             f"{title}. تفاصيل الخبر في {WORD} كما رواها المراسل رقم {article_id}.",
             iso(now), iso(now)])
        row = list(conn.query(f"{ARTICLE_SELECT} where articles.id = ?", [article_id]))[0]
        index_article(conn, article_from_row(row), StoreContext(now=now, settings=Settings()))


def _twelve(db: Database, now: datetime, first_id: int = 900_001) -> tuple[int, int]:
    """Twelve reports naming WORD: the four newest from «مكتوم», eight from «مسموع»."""
    kept, gone = _source(db, "مسموع", now), _source(db, "مكتوم", now)
    for i, head in enumerate(HEADS):
        source = gone if i < 4 else kept
        _add(db, first_id + i, source, f"{head} في {WORD}", now - timedelta(hours=1 + i), now)
    return kept, gone


def test_pages_are_full_and_totals_true(database: Database) -> None:
    now = datetime.now(UTC)
    kept, gone = _twelve(database, now)
    whole = search_page(database, WORD, offset=0, limit=5, now=now)
    assert whole.total == 12 and len(whole.digests) == 5
    muted = frozenset({gone})
    first = search_page(database, WORD, offset=0, limit=5, now=now, muted=muted)
    second = search_page(database, WORD, offset=5, limit=5, now=now, muted=muted)
    third = search_page(database, WORD, offset=10, limit=5, now=now, muted=muted)
    assert [len(p.digests) for p in (first, second, third)] == [5, 3, 0]
    assert first.total == 8 and first.total_exact and first.has_more
    assert second.total == 8 and not second.has_more
    shown = [d.article_id for p in (first, second) for d in p.digests]
    assert len(set(shown)) == 8
    sources = dict(database.db.execute(
        "select id, source_id from articles where id >= 900001").fetchall())
    assert {sources[a] for a in shown} == {kept}
    assert search(database.db, WORD, now=now, muted=muted).total == 8


def test_a_common_topic_counts_without_the_muted_source(database: Database) -> None:
    """Past CANDIDATES matches the topic is probed newest first and counted apart
    (search_candidates.match_count, story_count): both leave the muted source out."""
    now = datetime.now(UTC)
    kept, gone = _source(database, "مسموع", now), _source(database, "مكتوم", now)
    for i in range(150):  # the newest 40 from the muted source
        _add(database, 800_000 + i, gone if i < 40 else kept, f"خبر رقم {i} عن {WORD}",
             now - timedelta(minutes=10 + i), now)
    result = search(database.db, WORD, now=now, limit=5, muted=frozenset({gone}),
                    fold_stories=True)
    assert result.total == 110 and result.stories == 110
    assert {h.digest.source for h in result.hits} == {"مسموع"}
    assert search(database.db, WORD, now=now, limit=5).total == 150


async def test_the_bot_pages_a_muted_chat_in_full(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    now = datetime.now(UTC)
    with Database(path) as db:
        _kept, gone = _twelve(db, now)
        set_muted(db, READER, gone, True, now)
    async with running_bot(path) as h:
        [page] = await h.say(READER, f"/search {WORD}")
        text = _MARKS.sub("", page.plain_text)
        assert f"نتائج «{WORD}»: ١ إلى ٥ من ٨" in text, text
        assert len(TITLE.findall(text)) == 5 and "مكتوم" not in text, text
        await h.click(page, "المزيد", n=0)
        more = await h.until(lambda: next((m for m in h.emu.messages(READER)[-1:]
                                           if _MARKS.sub("", m.plain_text) != text), None))
        later = _MARKS.sub("", more.plain_text)
        assert f"٦ إلى ٨ من ٨" in later, later
        assert len(TITLE.findall(later)) == 3 and "مكتوم" not in later, later
        assert "المزيد" not in more.button_texts()
        # another chat mutes nothing: it reads all twelve
        [other] = await h.say(READER + 1, f"/search {WORD}")
        assert "١ إلى ٥ من ١٢" in _MARKS.sub("", other.plain_text)


async def test_a_topic_found_only_in_muted_sources_says_so(tmp_path: Path) -> None:
    """Nothing left once the chat's mutes are applied: the reply says the muted sources hold
    it and how to bring them back, not that the archive has no news of it."""
    path = sample_db(tmp_path)
    now = datetime.now(UTC)
    with Database(path) as db:
        gone = _source(db, "مكتوم", now)
        _add(db, 900_101, gone, f"وفد يزور {WORD}", now - timedelta(hours=1), now)
        set_muted(db, READER, gone, True, now)
    async with running_bot(path) as h:
        [answer] = await h.say(READER, f"/search {WORD}")
        text = _MARKS.sub("", answer.plain_text)
        assert f"كل ما وجدته عن «{WORD}» من مصادر مكتومة" in text and "/settings" in text, text
        assert "لم أجد" not in text, text
        [other] = await h.say(READER + 1, f"/search {WORD}")
        assert "وفد يزور" in other.plain_text
