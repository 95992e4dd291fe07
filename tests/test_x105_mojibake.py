"""X105: articles stored as mojibake before X94 (QA63-1, QA63-8) are repaired.

digests.mojibake undoes a wrong decoding only when exact and confidently Arabic (Hypothesis:
random Arabic misread → repaired to itself; right Arabic, English, mixed, emoji never changed);
migration 053_mojibake_articles repairs a real SQLite file written by the pre-X94 reading (a poll
of a news site on 127.0.0.1 with the session ≤ 22 charset choice), opened by today's code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils
from archivekit import get_article_by_url
from hypothesis import given, settings as hsettings, strategies as st
from migration_kit import archive_before

from digests import encoding, feeds, page_fetch
from digests.charset_guess import text_reading
from digests.mojibake import MISREADS, Misread, repair, repair_all
from digests.mojibake_repair import MIGRATION, repair_articles
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.source_backlog import m060_source_backlog
from digests.search import search
from digests.settings import Settings
from digests.sources import add_source, get_source
from digests.storage import Database

NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)
NAME = "صحيفة الأيام"
TITLE = "وزير المالية يعلن موازنة جديدة"
TEXT = ("وقال مسؤول في وزارة الصحة إن الحصيلة ارتفعت بعد غارات استهدفت أحياء سكنية في المدينة،"
        " مشيرا إلى أن فرق الإنقاذ ما زالت تبحث عن مفقودين تحت الأنقاض.")

# Words both Arabic charsets hold (ISO-8859-6 has no Persian letters), with the common ones.
WORDS = ["في", "من", "على", "إلى", "عن", "أن", "الوزير", "المالية", "يعلن", "موازنة", "جديدة",
         "قال", "مسؤول", "وزارة", "الصحة", "الحصيلة", "ارتفعت", "غارات", "أحياء", "سكنية",
         "المدينة", "فرق", "الإنقاذ", "تبحث", "مفقودين", "تحت", "الأنقاض", "صحيفة", "الأيام",
         "شؤون", "ظهر", "ذلك", "ضد", "ثم", "خبر", "غزة", "بيروت", "ءامن", "لبنان", "طائرة"]
# what charset_guess calls Arabic text: with a common word («في», «من», «ال»…)
arabic_text = st.lists(st.sampled_from(WORDS), min_size=2, max_size=30).map(" ".join).filter(
    lambda t: text_reading(t).words > 0)

PAIRS = [("cp1256", "latin-1"), ("cp1256", "cp1252"), ("iso8859-6", "cp1256"),
         ("iso8859-6", "latin-1"), ("utf-8", "cp1256"), ("utf-8", "latin-1")]


@given(text=arabic_text, pair=st.sampled_from(PAIRS))
@hsettings(max_examples=300, deadline=None)
def test_random_arabic_read_wrong_is_repaired_to_itself(text: str, pair: tuple[str, str]) -> None:
    right, wrong = pair
    misread = text.encode(right).decode(wrong, errors="replace")
    before = text_reading(misread)
    if "\ufffd" in misread:
        assert repair(misread) is None  # a byte the wrong charset lost: no exact repair
    elif before.letters >= 3 and before.share >= 0.9 and before.words == 0:
        # ISO-8859-6 read as windows-1256 with no «ي و ى ه ق» is all Arabic letters («من من»
        # reads «هو هو», real Arabic): repaired only when it is sure, never wrongly
        assert repair(misread) in (None, text)
    else:
        assert repair(misread) == text


@given(text=arabic_text)
@hsettings(max_examples=300, deadline=None)
def test_right_arabic_is_never_changed(text: str) -> None:
    assert repair(text) is None
    assert repair_all((text, text, "")) is None


english = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7e), max_size=200)
emoji = st.sampled_from(["😀", "🔥", "🇸🇦", "❤️", "👍🏽", "📰"])


@given(text=english)
def test_english_is_never_changed(text: str) -> None:
    assert repair(text) is None


@given(parts=st.lists(st.one_of(arabic_text, english, emoji), min_size=1, max_size=8))
@hsettings(max_examples=300, deadline=None)
def test_mixed_and_emoji_text_is_never_changed(parts: list[str]) -> None:
    text = " ".join(parts)
    assert repair(text) is None
    assert repair_all((text, text)) is None


@pytest.mark.parametrize("text", ["café au lait naïve", "Größe München", "Ñandú señor",
                                  "Apple تطلق iPhone في السعودية", "صحيفة الأيام 😀",
                                  "ÞÓÐ", "€ 5 — “quoted”"])
def test_latin_and_mixed_examples_are_kept(text: str) -> None:
    assert repair(text) is None


@pytest.mark.parametrize("title", ["شاهد.. هذا هو رئيس حملة ترامب لعام 2020",
                                   "هؤلاء خصوم بوتين انتخابياً.. والأصابع تشير لمرشح واحد"])
def test_a_right_title_the_other_charset_gives_a_common_word_is_kept(title: str) -> None:
    # corpus titles with no common word: read as ISO-8859-6 they gain one («هو» → «من»)
    assert repair(title) is None
    assert repair_all((title, "", "")) is None


def test_the_misreads_qa63_found_are_repaired() -> None:
    assert repair("صحêلة انأêاه") == NAME  # QA63-1
    assert repair("èزêر انهانêة êظنو هèازوة جدêدة") == TITLE
    assert repair("ÇáãÍßãÉ ÊÕÏÑ ÍßãåÇ Ýí ÞÖíÉ ÇáÝÓÇÏ") == "المحكمة تصدر حكمها في قضية الفساد"
    assert Misread("latin", "cp1256") in MISREADS


def test_a_short_title_is_repaired_with_its_article() -> None:
    title = "غزة بيروت"  # no common word of its own
    wrong = (title.encode("iso8859-6").decode("cp1256"), TEXT.encode("iso8859-6").decode("cp1256"))
    assert repair(wrong[0]) is None
    assert repair_all(wrong) == (title, TEXT)


# --- the migration on a file the pre-X94 reading wrote ---------------------------------------

Detect = Callable[[bytes, Mapping[str, str] | None], str]


def _old_detect(original: Detect) -> Detect:
    """Sessions ≤ 22's choice: UTF-8, else the first declared legacy charset, else windows-1256."""
    def detect(body: bytes, headers: Mapping[str, str] | None = None) -> str:
        if original(body, headers) == "utf-8":
            return "utf-8"
        for name in encoding.declared_charsets(body, headers):
            codec = encoding._codec(name)
            if codec and codec not in {"utf-8", "ascii"}:
                return codec
        return encoding.FALLBACK
    return detect


def _feed(name: str, title: str, path: str, enc: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel>'
            f"<title>{name}</title><link>/</link><description>x</description><item>"
            f"<title>{title}</title><link>{path}</link><guid>{path}</guid>"
            f"<pubDate>Wed, 02 Dec 2026 01:00:00 GMT</pubDate><description>{TEXT}</description>"
            "</item></channel></rss>").encode(enc)


def _page(title: str, enc: str) -> bytes:
    paragraphs = "".join(f"<p>{TEXT} {i}</p>" for i in range(4))
    return (f'<!doctype html><html lang="ar"><head><title>{title}</title></head><body><article>'
            f"<h1>{title}</h1>{paragraphs}</article></body></html>").encode(enc)


CASES = [  # (path, feed name, title, body encoding, charset suffix, what sessions ≤ 22 read)
    ("iso", NAME, TITLE, "iso-8859-6", "", "cp1256"),  # QA63-1: no charset
    ("l1", "جريدة الشروق", "المحكمة تصدر حكمها في قضية الفساد", "cp1256",
     "; charset=iso-8859-1", "latin-1"),  # QA63-8
    ("u8", "وكالة الأنباء", "الحكومة تقر خطة للنقل العام", "utf-8", "", "utf-8"),  # right
]


async def _old_archive(path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch,
                       site: SampleSite) -> None:
    """The three CASES polled the pre-X94 way into `path`, before migration 053, each source
    named as sessions ≤ 22 read its feed's title."""
    for key, name, title, enc, suffix, _ in CASES:
        site.add_route(f"/{key}/feed.xml", Response(body=_feed(name, title, f"/{key}/a.html", enc),
                                                    content_type="text/xml" + suffix))
        site.add_route(f"/{key}/a.html", Response(body=_page(title, enc),
                                                  content_type="text/html" + suffix))
    with monkeypatch.context() as patch:
        patch.setattr(encoding, "detect_encoding", _old_detect(encoding.detect_encoding))
        patch.setattr(feeds, "unreadable", lambda body, headers=None: None)
        patch.setattr(page_fetch, "unreadable", lambda body, headers=None: None)
        with archive_before(path, MIGRATION) as old:
            m060_source_backlog(old.db)  # today's poll writes X135's table and column
            for key, name, _, enc, _, read_as in CASES:
                add_source(old, site.url(f"/{key}/feed.xml"), settings=settings, now=NOW,
                           title=name.encode(enc).decode(read_as))
            summary = await poll_once(old, settings, now=NOW)
            assert summary.new == 3
            mis = get_article_by_url(old, site.url("/iso/a.html"))
            assert mis is not None and mis.title == "èزêر انهانêة êظنو هèازوة جدêدة"
            assert not search(old.db, "المالية", now=NOW).hits


async def test_the_migration_repairs_a_file_the_old_reading_wrote(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.db"
    with SampleSite(with_sample=False) as site:
        await _old_archive(path, settings, monkeypatch, site)
        with Database(path) as db:  # today's code: migration 053 runs on open
            for key, name, title, _, _, _ in CASES:
                article = get_article_by_url(db, site.url(f"/{key}/a.html"))
                assert article is not None
                assert article.title == title
                assert TEXT + " 0" in article.paragraphs
                source = get_source(db, article.source_id)
                assert source is not None and source.name == name
            [wanted] = db.db.execute("select id from articles where title = ?",
                                     [TITLE]).fetchone()
            hits = search(db.db, "المالية", now=NOW).hits
            assert [h.digest.article_id for h in hits] == [wanted]
            [headline] = db.db.execute(
                "select headline from articles where title = ?", [TITLE]).fetchone()
            assert "ê" not in headline and "وزير" in headline
            # idempotent: a second run changes nothing
            with db.transaction() as tx:
                again = repair_articles(tx)
            assert (again.articles, again.sources) == (0, 0)


async def test_a_migration_killed_after_a_commit_still_renames_a_short_source_name(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Review REV2 #4: a name too short to repair alone is repaired by the misread its articles
    were. The renames ran after the last chunk, from this run's articles only: a migration
    killed after a chunk's commit found those articles right on the rerun, and the name stayed
    misread. Each chunk now renames its sources before its commit."""
    from digests import data_migrations

    short = "غزة بيروت"  # no common word of its own
    path = tmp_path / "old.db"
    with SampleSite(with_sample=False) as site:
        site.add_route("/s/feed.xml", Response(body=_feed(short, TITLE, "/s/a.html", "iso-8859-6"),
                                               content_type="text/xml"))
        site.add_route("/s/a.html", Response(body=_page(TITLE, "iso-8859-6"),
                                             content_type="text/html"))
        with monkeypatch.context() as patch:
            patch.setattr(encoding, "detect_encoding", _old_detect(encoding.detect_encoding))
            patch.setattr(feeds, "unreadable", lambda body, headers=None: None)
            patch.setattr(page_fetch, "unreadable", lambda body, headers=None: None)
            with archive_before(path, MIGRATION) as old:
                m060_source_backlog(old.db)  # today's poll writes X135's table and column
                misread = short.encode("iso-8859-6").decode("cp1256")
                assert repair(misread) is None
                source = add_source(old, site.url("/s/feed.xml"), settings=settings, now=NOW,
                                    title=misread)
                assert (await poll_once(old, settings, now=NOW)).new == 1

    class Killed(Exception):
        pass

    def killed(db: sqlite_utils.Database) -> None:  # the chunk is committed, then it dies
        commit(db)
        raise Killed

    commit = data_migrations.commit_chunk
    with monkeypatch.context() as patch:
        patch.setattr(data_migrations, "commit_chunk", killed)
        with pytest.raises(Killed):
            Database(path)
    with Database(path) as db:  # the rerun
        article = get_article_by_url(db, site.url("/s/a.html"))
        assert article is not None and article.title == TITLE
        renamed = get_source(db, source.id)
        assert renamed is not None and renamed.name == short
