"""QA64-7, QA64-10, QA64-3 (X95): every related link to a stored article is named by its own
source. Real SQLite through the reader's path (digests.related.live_related) and the links'
rendering (bot.story_quotes.related_lines).

- QA64-7: on one local port serving three feeds (the sample site), a "story" link was named
  «127.0.0.1:42343» while «ينقله أيضًا» named the feeds: the port alone names no feed.
- QA64-10/-3: an "archive" link carried no source at all, even another outlet's report of the
  same event hours before — the reader could not tell which outlet it opens.
"""

from __future__ import annotations

from datetime import timedelta

from bot.lines import Span
from bot.story_quotes import related_lines
from delivery_helpers import NOW, add_article, add_source
from digests.models import Digest, RelatedItem
from digests.related import live_related
from digests.storage import Database
from digests.urls import url_key

PORT = "http://127.0.0.1:42343"


def _at(database: Database, article_id: int, url: str) -> None:
    with database.transaction() as tx:
        tx.execute("update articles set url = ?, url_key = ? where id = ?",
                   [url, url_key(url), article_id])


_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069"))


def _text(lines: list[tuple[Span, ...]]) -> str:
    """The rendered links as read, without the direction marks around Latin names."""
    return "\n".join("".join(span.text for span in line) for line in lines).translate(_MARKS)


def test_links_on_one_local_port_are_named_by_their_feed(database: Database) -> None:
    bbc, f24, ours = (add_source(database, n) for n in ("BBC 3", "france24 1", "نشرة الشرق"))
    mine = add_article(database, ours, "شاحنات الأمم المتحدة تفرغ حمولتها في دوما", story_id=4,
                       published=NOW)
    convoy = add_article(database, bbc, "قافلة مساعدات أممية تدخل دوما", story_id=4,
                         published=NOW - timedelta(hours=3))
    leaving = add_article(database, f24, "قافلة المساعدات تغادر بسبب القصف", story_id=4,
                          published=NOW - timedelta(hours=1))
    for article, path in ((mine, "/o/1.html"), (convoy, "/b/2.html"), (leaving, "/f/3.html")):
        _at(database, article.id, PORT + path)
    links = (RelatedItem(convoy.title, PORT + "/b/2.html", convoy.published_at, "story"),
             RelatedItem(leaving.title, PORT + "/f/3.html", leaving.published_at, "story"))
    digest = Digest(url=PORT + "/o/1.html", source="نشرة الشرق", headline=mine.title,
                    published_at=mine.published_at, related=links, story_id=4,
                    article_id=mine.id)
    [shown] = live_related(database.db, [digest])
    text = _text(related_lines(shown, "ar", NOW))
    assert "127.0.0.1" not in text  # was: «— 127.0.0.1:42343 · …» for both
    assert "BBC 3" in text and "france24 1" in text


def test_an_archive_link_names_its_outlet(database: Database) -> None:
    sky, bbc = add_source(database, "skynews 12"), add_source(database, "BBC 5")
    mine = add_article(database, bbc, "السيسي في طريقه للفوز بولاية رئاسية ثانية", story_id=7,
                       published=NOW)
    early = add_article(database, sky, "تقديرات أولية.. السيسي يتجه لتحقيق فوز ساحق", story_id=8,
                        published=NOW - timedelta(hours=10))
    _at(database, mine.id, "https://www.bbc.com/arabic/a1")
    _at(database, early.id, "https://www.skynewsarabia.com/e2")
    link = RelatedItem(early.title, "https://www.skynewsarabia.com/e2", early.published_at,
                       "archive")
    digest = Digest(url="https://www.bbc.com/arabic/a1", source="BBC 5", headline=mine.title,
                    published_at=mine.published_at, related=(link,), story_id=7,
                    article_id=mine.id)
    [shown] = live_related(database.db, [digest])
    for lang in ("ar", "en"):
        text = _text(related_lines(shown, lang, NOW))
        assert "skynews 12" in text  # was: the date alone
