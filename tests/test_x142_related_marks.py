"""X142 (QA79-11/-12): /digest's related links — a link once a message (under the first story
that lists it; the stories after it list their next links), each marked by its kind («من صفحة
الخبر:», «من الأرشيف:», «مصدر آخر:»), grouped page → archive → story, the archive newest first
and the story's other reports in the order they came out. Through the Telegram emulator (the
message as sent) and bot.render on its own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot

from bot.packer import LIMIT
from bot.render import render_bundle, render_digest
from bot.story_quotes import in_kind_order
from digests.models import Digest, RelatedItem, iso
from digests.records import related_to_json
from digests.storage import Database

SHARED = "https://old.example/shared"  # the archive link all three stories had (QA79-11)
HEADLINES = ("مقتل 19 مدنيا في قصف على الغوطة", "قافلة مساعدات تدخل دوما المحاصرة",
             "مجلس الأمن يبحث هدنة في الغوطة")


def _archive(path: Path, now: datetime) -> None:
    """Three stories from three sites, each with the SHARED archive link among its own."""
    def at(days: float) -> datetime:
        return now - timedelta(days=days)

    related = {
        1: (RelatedItem("هدنة <الآن> & غدا", "https://page.example/p", at(40), "page"),
            RelatedItem("تقرير لاحق", "https://late.example/s", at(0.05), "story"),
            RelatedItem("الغوطة قبل أسبوع", "https://old.example/week", at(7), "archive"),
            RelatedItem("الغوطة قبل ثلاثة أيام", SHARED, at(3), "archive"),
            RelatedItem("تقرير أول", "https://early.example/s", at(0.1), "story")),
        2: (RelatedItem("الغوطة قبل ثلاثة أيام", SHARED, at(3), "archive"),
            RelatedItem("قوافل سابقة", "https://old.example/convoys", at(9), "archive")),
        3: (RelatedItem("الغوطة قبل ثلاثة أيام", SHARED, at(3), "archive"),),
    }
    with Database(path) as db, db.transaction() as tx:
        for sid in (1, 2, 3):
            tx.execute("insert into sources (id, url, name, added_at) values (?,?,?,?)",
                       [sid, f"https://s{sid}.example/feed", f"مصدر {sid}", iso(now)])
        for n, title in enumerate(HEADLINES, start=1):
            when = iso(now - timedelta(hours=n))
            tx.execute(
                "insert into articles (id, source_id, url, url_key, content_hash, title,"
                " headline, published_at, fetched_at, updated_at, story_id,"
                " digest_related_json) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                [n, n, f"https://news{n}.example/{n}", f"news{n}.example/{n}", f"h{n}", title,
                 title, when, when, when, 10 * n, related_to_json(related[n])])


async def test_digest_shows_a_link_once_marked_and_in_order(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    _archive(path, datetime.now(timezone.utc))
    async with running_bot(path) as h:
        # an intro first (no topic followed yet), then the digest
        ar = (await h.say(READER, "/digest", n=2))[-1]
        en = (await h.say(READER + 1, "/digest", n=2, language_code="en"))[-1]
    html, text = ar.text, ar.plain_text
    assert len(text.encode("utf-16-le")) // 2 <= LIMIT  # Telegram's limit
    # QA79-11: once, under the first story; the second lists its next link, the third none
    assert html.count(f'href="{SHARED}"') == 1, html
    first, second, third = (text.index(h) for h in HEADLINES)
    assert first < text.index("الغوطة قبل ثلاثة أيام") < second < text.index("قوافل سابقة")
    assert text.count("روابط ذات صلة:") == 2, text  # the third story has no link left
    assert "روابط ذات صلة" not in text[third:], text
    # QA79-12: each link marked by its kind; page → archive (newest first) → story (in time)
    block = text[first:second]
    order = ["من صفحة الخبر: هدنة <الآن> & غدا", "من الأرشيف: الغوطة قبل ثلاثة أيام",
             "من الأرشيف: الغوطة قبل أسبوع", "مصدر آخر: تقرير أول", "مصدر آخر: تقرير لاحق"]
    places = [block.find(line) for line in order]
    assert -1 not in places and places == sorted(places), (places, block)
    assert "هدنة &lt;الآن&gt; &amp; غدا" in html  # a feed's title stays escaped
    assert "From the archive:" in en.plain_text and "Another source:" in en.plain_text
    assert en.text.count(f'href="{SHARED}"') == 1, en.text


NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)


def _item(title: str, kind: str, days: float | None) -> RelatedItem:
    when = None if days is None else NOW - timedelta(days=days)
    return RelatedItem(title, f"https://x.example/{title}", when, kind)  # type: ignore[arg-type]


def test_links_are_laid_out_by_kind_whatever_order_they_come_in() -> None:
    # a link to a gone page is replaced in its place (digests.live_links): a newer archive
    # piece after an older one, a story report before the archive
    items = (_item("s-late", "story", 0.1), _item("a-old", "archive", 9),
             _item("p", "page", 30), _item("a-new", "archive", 2), _item("s-early", "story", 0.5),
             _item("a-undated", "archive", None))
    assert [i.title for i in in_kind_order(items)] == [
        "p", "a-new", "a-old", "a-undated", "s-early", "s-late"]


def test_a_single_digest_marks_its_links_and_keeps_them() -> None:
    digest = Digest(url="https://news.example/1", source="مصدر", headline="مقتل 19",
                    published_at=NOW, article_id=1,
                    related=(_item("a", "archive", 2), _item("b", "story", 0.2)))
    ar = render_digest(digest, "ar", NOW)
    assert "<i>من الأرشيف:</i> <a" in ar and "<i>مصدر آخر:</i> <a" in ar, ar
    en = render_digest(digest, "en", NOW)
    assert "<i>\u200eFrom the archive:\u200e</i> <a" in en, en  # the colon after its words


def test_a_link_of_another_bundle_story_is_kept_when_alone() -> None:
    shared = _item("shared", "archive", 3)
    one = Digest(url="https://news.example/1", source="م", headline="خبر أول", article_id=1,
                 related=(shared,))
    two = Digest(url="https://news.example/2", source="م", headline="خبر ثان", article_id=2,
                 related=(shared,))
    both = "\n".join(render_bundle([one, two], "ar", NOW))
    assert both.count('href="https://x.example/shared"') == 1, both
    alone = render_bundle([two], "ar", NOW)[0]
    assert 'href="https://x.example/shared"' in alone, alone
