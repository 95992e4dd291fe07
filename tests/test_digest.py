"""digests.digest: condense (pure), the store_digest step, load_digest, the backfill migration."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import given
from hypothesis import strategies as st

from digests import digest as digest_module
from digests.digest import condense, load_digest, merge_related, quotable, store_digest
from digests.models import Article, Digest, RelatedItem, iso
from digests.processing import StoreContext, default_steps, run_steps
from digests.search_index import index_article
from digests.settings import Settings
from digests.storage import Database
from digests.urls import url_key

ROOT = Path(__file__).resolve().parents[1]
SEED_FILE = ROOT / "digests" / "data" / "sample" / "ghouta-article.txt"
GOLDEN = ROOT / "tests" / "golden" / "digests"
SEED_URL = "https://news.example/news/ghouta-macron-rouhani.html"
NOW = datetime(2018, 3, 12, 12, 0, tzinfo=timezone.utc)
UTC = timezone.utc


def seed_article(**changes: object) -> Article:
    """The seed article as an Article: title, paragraphs and its «مواضيع ذات صلة» block."""
    lines = [ln.strip() for ln in SEED_FILE.read_text(encoding="utf-8").splitlines()]
    end = lines.index("مواضيع ذات صلة")
    block = [ln for ln in lines[end + 1:] if ln]
    related = tuple(
        RelatedItem(title=block[i], url=f"https://news.example/related/{i // 3}",
                    published_at=datetime.fromisoformat(block[i + 2]).replace(tzinfo=UTC))
        for i in range(0, len(block), 3))
    article = Article(id=1, source_id=1, source_name="نشرة الشرق", url=SEED_URL, title=lines[0],
                      published_at=datetime(2018, 2, 25, 18, 20, tzinfo=UTC),
                      paragraphs=tuple(ln for ln in lines[1:end] if ln), related=related)
    return replace(article, **changes)  # type: ignore[arg-type]


def other(n: int, title: str, *, source_id: int = 2, day: int = 20, url: str | None = None,
          paragraphs: tuple[str, ...] = ("نص قصير عن الخبر نفسه.",)) -> Article:
    return Article(id=n, source_id=source_id, source_name=f"مصدر {source_id}",
                   url=url or f"https://other{source_id}.example/a/{n}", title=title,
                   published_at=datetime(2018, 2, day, 9, 0, tzinfo=UTC), paragraphs=paragraphs)


# --- condense (pure) ---------------------------------------------------------------------------

def test_condense_seed_acceptance() -> None:
    digest = condense(seed_article())
    assert digest.headline == "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
    texts = [q.text for q in digest.quotes]
    assert texts[0].startswith("لوضع حد للهجمات العشوائية على السكان المحاصرين في الغوطة الشرقية")
    assert digest.quotes[0].speaker in {"الرئاسة الفرنسية", "ماكرون",
                                        "الرئيس الفرنسي إيمانويل ماكرون"}
    assert any("ينبغي لإيران تهدئة المخاوف بشأن برنامجها للصواريخ البالستية" in t for t in texts)
    assert not any("هاتفيًا" == t or "جورنال دو ديمانش" in t for t in texts)
    assert [(r.title, iso(r.published_at), r.kind) for r in digest.related] == [
        ('الأردن يدعو للضغط على "إسرائيل" لوقف انتهاكاتها للمقدسات بالقدس',
         "2019-08-18T14:55:10+00:00", "page"),
        ('اطلاق حملة فلسطينية دولية للضغط على الاحتلال لوقف "الاعتقال الإداري"',
         "2021-08-08T20:31:44+00:00", "page"),
        ("مقتل 19 مدنيًا في قصف للنظام السوري على الغوطة الشرقية",
         "2018-03-08T18:40:13+00:00", "page"),
    ]


def test_condense_seed_golden() -> None:
    """The whole digest of the seed, as `run.py digest --json` prints it."""
    archive = [other(7, "الغوطة الشرقية تحت القصف لليوم الخامس", source_id=1, day=22)]
    story = [other(8, "ماكرون يحض روحاني على الضغط على دمشق - فرانس 24", source_id=3, day=25)]
    got = condense(seed_article(story_id=4), archive=archive, story=story).to_json()
    path = GOLDEN / "ghouta.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8"))


def test_condense_without_title_uses_the_lead() -> None:
    digest = condense(seed_article(title="BBC News عربي"))
    assert digest.headline.startswith("دعا الرئيس الفرنسي إيمانويل ماكرون")


def test_condense_uses_the_summary_when_the_page_was_not_fetched() -> None:
    article = Article(id=3, source_id=1, source_name="س", url="https://x.example/3",
                      title="عنوان الخبر هنا", paragraphs=(), page_ok=False,
                      summary="وقال المتحدث باسم الحكومة إن المعابر ستفتح غدا أمام الشاحنات.")
    digest = condense(article)
    assert [(q.speaker, q.text) for q in digest.quotes] == [
        ("المتحدث باسم الحكومة", "المعابر ستفتح غدا أمام الشاحنات")]


def test_condense_archive_must_be_earlier_and_not_itself() -> None:
    article = seed_article(related=())
    later = other(9, "خبر لاحق عن الغوطة", day=28)
    earlier = other(10, "خبر سابق عن الغوطة", day=20)
    itself = replace(article, id=1)
    digest = condense(article, archive=[later, earlier, itself])
    assert [(r.url, r.kind) for r in digest.related] == [(earlier.url, "archive")]


def test_merge_related_order_dedup_self_and_limit() -> None:
    page = [RelatedItem("ص1", "https://a.example/1?utm_source=x"),
            RelatedItem("ص2", "https://a.example/2#top"),
            RelatedItem("نفسه", "HTTPS://A.example/self")]
    archive = [RelatedItem("أ1", "https://a.example/1", kind="archive"),  # same as page 1
               RelatedItem("أ2", "https://b.example/2", kind="archive"),
               RelatedItem("أ3", "https://b.example/3", kind="archive"),
               RelatedItem("أ4", "https://b.example/4", kind="archive")]
    story = [RelatedItem("ق1", "https://c.example/1", kind="story"),
             RelatedItem("ق2", "https://c.example/2", kind="story"),
             RelatedItem("ق3", "https://c.example/3", kind="story")]
    got = merge_related("https://a.example/self", page, archive, story)
    assert [r.title for r in got] == ["ص1", "ص2", "أ2", "ق1", "ق2"]
    assert len({url_key(r.url) for r in got}) == len(got) == 5
    # Without story reports the archive fills the room.
    assert [r.title for r in merge_related("https://a.example/self", page, archive, [])] == [
        "ص1", "ص2", "أ2", "أ3", "أ4"]
    # A page block of five leaves no room at all.
    five = [RelatedItem(f"ص{i}", f"https://p.example/{i}") for i in range(7)]
    assert [r.kind for r in merge_related("https://x.example/", five, archive, story)] == ["page"] * 5


# --- the processing step on a real SQLite file -------------------------------------------------

def _source(db: Database, n: int) -> int:
    with db.transaction() as sql:
        sql.table("sources").insert({"id": n, "url": f"https://src{n}.example/feed.xml",
                                     "name": f"مصدر {n}", "added_at": iso(NOW)})
    return n


def _store(db: Database, article: Article, *, story_id: int | None = None, steps: bool = True,
           ) -> Article:
    """Insert an article row (as the ingest pipeline does) and run the index and digest steps."""
    row = {
        "id": article.id, "source_id": article.source_id, "guid": None, "url": article.url,
        "url_key": url_key(article.url), "content_hash": f"h{article.id}",
        "title": article.title, "published_at": iso(article.published_at),
        "body": "\n".join(article.paragraphs), "summary": article.summary,
        "related_json": json.dumps([r.to_json() for r in article.related], ensure_ascii=False),
        "fetched_at": iso(NOW), "updated_at": iso(NOW), "story_id": story_id,
    }
    stored = replace(article, story_id=story_id)
    with db.transaction() as sql:
        sql.table("articles").insert(row)
        if steps:
            run_steps(sql, stored, StoreContext(NOW, Settings()), [index_article, store_digest])
    return stored


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(tmp_path / "nashra.db")
    for n in (1, 2, 3):
        _source(database, n)
    return database


def test_store_digest_is_a_default_step_after_search() -> None:
    names = [f"{s.__module__}.{s.__name__}" for s in default_steps()]
    assert "digests.digest.store_digest" in names
    assert names.index("digests.digest.store_digest") > names.index("digests.search_index.index_article")


def test_store_and_load_digest(db: Database) -> None:
    _store(db, other(5, "القصف على الغوطة الشرقية يتواصل", source_id=1, day=21))
    _store(db, other(6, "الغوطة الشرقية: قوافل المساعدات تنتظر", source_id=2, day=23))
    seed = _store(db, seed_article(id=11, source_id=1))
    digest = load_digest(db.db, seed.id)
    assert isinstance(digest, Digest)
    assert digest.headline == "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
    assert digest.source == "مصدر 1"
    assert digest.quotes == condense(seed).quotes
    kinds = [r.kind for r in digest.related]
    assert kinds[:3] == ["page"] * 3 and set(kinds[3:]) <= {"archive"}
    row = db.db.table("articles").get(seed.id)
    assert row["digested_at"] == iso(NOW)
    assert json.loads(row["quotes_json"])[0]["speaker"] == digest.quotes[0].speaker
    assert load_digest(db.db, 999) is None


def test_load_digest_before_digesting_falls_back_to_the_title(db: Database) -> None:
    _store(db, other(5, "عنوان الخبر - BBC News عربي", source_id=1), steps=False)
    digest = load_digest(db.db, 5)
    assert digest is not None and digest.headline == "عنوان الخبر - BBC News عربي"
    assert digest.quotes == ()


def test_story_links_both_ways(db: Database) -> None:
    first = _store(db, other(20, "ماكرون يحض روحاني على وقف قصف الغوطة", source_id=2, day=25),
                   story_id=7)
    same_source = _store(db, other(21, "روحاني وماكرون يبحثان الغوطة", source_id=1, day=25),
                         story_id=7)
    seed = _store(db, seed_article(id=22, source_id=1, related=()), story_id=7)
    seed_digest = load_digest(db.db, seed.id)
    assert seed_digest is not None and seed_digest.story_id == 7
    story_links = [r.url for r in seed_digest.related if r.kind == "story"]
    assert story_links == [first.url]  # other sources only, never itself
    # The earlier report now links to both later ones from other sources.
    first_digest = load_digest(db.db, first.id)
    assert first_digest is not None
    assert sorted(r.url for r in first_digest.related if r.kind == "story") == sorted(
        [same_source.url, seed.url])
    assert all(r.url != first.url for r in first_digest.related)


def test_store_digest_reads_the_story_id_set_by_the_step_before(db: Database) -> None:
    article = other(30, "خبر للقصة", source_id=2)
    _store(db, other(31, "خبر آخر للقصة", source_id=1), story_id=9)
    _store(db, article, steps=False)
    with db.transaction() as sql:
        sql.execute("update articles set story_id = 9 where id = 30")
        store_digest(sql, article, StoreContext(NOW, Settings()))  # article.story_id is None
    digest = load_digest(db.db, 30)
    assert digest is not None and digest.story_id == 9
    assert [r.kind for r in digest.related] == ["story"]


def test_backfill_migration_digests_old_articles(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database = Database(path)
    _source(database, 1)
    _source(database, 2)
    _store(database, seed_article(id=40, source_id=1), steps=False)
    _store(database, other(41, "خبر قديم آخر", source_id=2,
                           paragraphs=("وقال الوزير إن الطريق ستفتح غدا أمام السيارات.",)),
           steps=False)
    with database.transaction() as sql:
        for n in (40, 41):
            index_article(sql, database_article(sql, n), StoreContext(NOW, Settings()))
        # An old file: the backfill migration has not run yet.
        sql.execute("delete from _migrations where name = '004_backfill_digests'")
    database.close()
    reopened = Database(path)  # start-up applies the pending migration
    assert "004_backfill_digests" in reopened.applied_migrations()
    rows = {r["id"]: r for r in reopened.db.query("select * from articles")}
    assert all(r["digested_at"] for r in rows.values())
    assert rows[40]["headline"] == "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
    assert json.loads(rows[41]["quotes_json"]) == [
        {"text": "الطريق ستفتح غدا أمام السيارات", "speaker": "الوزير", "kind": "reported"}]
    reopened.close()


def database_article(sql: sqlite_utils.Database, article_id: int) -> Article:
    from digests.records import ARTICLE_SELECT, article_from_row

    return article_from_row(next(iter(sql.query(ARTICLE_SELECT + " where articles.id = ?",
                                                [article_id]))))


def test_related_kinds_and_dates_survive_storage(db: Database) -> None:
    _store(db, seed_article(id=50, source_id=1))
    digest = load_digest(db.db, 50)
    assert digest is not None
    assert [iso(r.published_at) for r in digest.related[:3]] == [
        "2019-08-18T14:55:10+00:00", "2021-08-08T20:31:44+00:00", "2018-03-08T18:40:13+00:00"]
    assert digest.to_json()["related"][0]["kind"] == "page"
    assert timedelta(0) <= NOW - (digest.published_at or NOW)


def test_story_links_migration_after_a_story_backfill(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database = Database(path)
    _source(database, 1)
    _source(database, 2)
    a = _store(database, other(60, "ماكرون يحض روحاني على وقف قصف الغوطة", source_id=1, day=25))
    b = _store(database, other(61, "روحاني وماكرون يبحثان الغوطة هاتفيا", source_id=2, day=25))
    with database.transaction() as sql:
        # Stories assigned after the digests were made (as the story backfill does).
        sql.execute("update articles set story_id = 3 where id in (60, 61)")
        sql.execute("delete from _migrations where name = '007_digest_story_links'")
    database.close()
    reopened = Database(path)
    for article, other_report in ((a, b), (b, a)):
        digest = load_digest(reopened.db, article.id)
        assert digest is not None
        assert [(r.url, r.kind) for r in digest.related if r.kind == "story"] == [
            (other_report.url, "story")]
    reopened.close()


_URLS = st.sampled_from([
    "https://a.example/1", "https://A.example/1#x", "https://a.example/1?utm_source=t",
    "https://a.example/2", "https://b.example/3", "https://b.example/4/", "https://c.example/5",
    "https://c.example/6", "https://d.example/7", SEED_URL, "",
])


@given(st.lists(_URLS, max_size=8), st.lists(_URLS, max_size=8), st.lists(_URLS, max_size=8))
def test_related_links_invariants(page: list[str], archive: list[str], story: list[str]) -> None:
    got = merge_related(SEED_URL, [RelatedItem("ص", u) for u in page],
                        [RelatedItem("أ", u, kind="archive") for u in archive],
                        [RelatedItem("ق", u, kind="story") for u in story])
    keys = [url_key(r.url) for r in got]
    assert len(got) <= 5
    assert len(set(keys)) == len(keys)
    assert url_key(SEED_URL) not in keys and all(r.url for r in got)
    order = {"page": 0, "archive": 1, "story": 2}
    assert [order[r.kind] for r in got] == sorted(order[r.kind] for r in got)
    # Nothing is dropped while there is room.
    distinct = {url_key(u) for u in page + archive + story if u} - {url_key(SEED_URL)}
    assert len(got) == min(5, len(distinct))


def test_digests_of_older_rules_are_refreshed_newest_first_links_included(
        db: Database) -> None:
    from digests.digest import CONDENSER_VERSION, refresh_digests

    _store(db, other(5, "القصف على الغوطة الشرقية يتواصل", source_id=1, day=21))
    seed = _store(db, seed_article(id=11, source_id=1))
    plain = _store(db, other(12, "خبر ثالث", source_id=2,
                             paragraphs=("وقال الوزير إن الطريق ستفتح غدا أمام السيارات.",)))
    fresh = {n: db.db.table("articles").get(n) for n in (5, 11, 12)}
    assert {r["digest_version"] for r in fresh.values()} == {CONDENSER_VERSION}
    # As if an older condenser had made these two digests: stale quotes, an old headline, a link
    # older rules chose.
    stale = '[{"title": "قديم", "url": "https://old.example/x", "published_at": null, "kind": "archive"}]'
    with db.transaction() as sql:
        sql.execute("update articles set quotes_json = '[]', headline = 'قديم', digest_version = 0,"
                    " digest_related_json = ? where id in (11, 12)", [stale])
    with db.transaction() as sql:
        assert refresh_digests(sql, limit=1) == 1  # newest first: article 12
    assert db.db.table("articles").get(12)["quotes_json"] == fresh[12]["quotes_json"]
    assert db.db.table("articles").get(11)["digest_version"] == 0
    with db.transaction() as sql:
        assert refresh_digests(sql) == 1
        assert refresh_digests(sql) == 0  # every digest is current now
    row = db.db.table("articles").get(seed.id)
    assert row["quotes_json"] == fresh[11]["quotes_json"]
    assert row["headline"] == "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
    assert row["digest_related_json"] == fresh[11]["digest_related_json"]  # links made again
    assert "old.example" not in (db.db.table("articles").get(12)["digest_related_json"] or "")
    assert row["digested_at"] == fresh[11]["digested_at"]  # not a new digest: nothing sent again
    assert plain.id == 12


def test_the_version_migration_marks_old_digests_for_refresh(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database = Database(path)
    _source(database, 1)
    _store(database, seed_article(id=40, source_id=1))
    _store(database, other(41, "لم يُلخص بعد", source_id=1), steps=False)
    with database.transaction() as sql:
        # An old file: the column did not exist; recreate that state's meaning.
        sql.execute("update articles set digest_version = null")
        sql.execute("delete from _migrations where name = '010_digest_version'")
        sql.execute("drop index articles_digest_version")
        sql.execute("alter table articles drop column digest_version")
    database.close()
    reopened = Database(path)
    rows = {r["id"]: r for r in reopened.db.query("select id, digest_version from articles")}
    assert rows[40]["digest_version"] == 0  # digested by an older condenser: refreshed later
    assert rows[41]["digest_version"] is None  # never digested: the backfill's job
    reopened.close()


def test_an_old_file_gets_digests_before_the_version_column_exists(tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    database = Database(path)
    _source(database, 1)
    _store(database, seed_article(id=50, source_id=1), steps=False)
    with database.transaction() as sql:
        index_article(sql, database_article(sql, 50), StoreContext(NOW, Settings()))
        # A file from before migrations 004 and 010: no digests, no version column.
        sql.execute("delete from _migrations where name in"
                    " ('004_backfill_digests', '010_digest_version')")
        sql.execute("drop index articles_digest_version")
        sql.execute("alter table articles drop column digest_version")
    database.close()
    reopened = Database(path)  # 004 digests the row, then 010 adds the column
    row = reopened.db.table("articles").get(50)
    assert row["headline"] == "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
    assert row["digested_at"] is not None and row["digest_version"] == 0
    reopened.close()


# --- the finder's input is bounded (QA14 F2: a hostile one-paragraph page froze the bot) --------

@given(st.lists(st.text(alphabet="قال إن «» \"الوزير.،", max_size=300), max_size=8))
def test_quotable_keeps_real_sized_paragraphs_whole(paragraphs: list[str]) -> None:
    """Paragraphs inside the bounds (every real article: see QUOTE_PARAGRAPH_CHARS) pass as they are."""
    kept = [p for p in paragraphs if sum(p.count(m) for m in '"“”«»„')
            <= digest_module.QUOTE_PARAGRAPH_MARKS]
    assert quotable(kept) == tuple(kept)


def test_quotable_bounds_a_hostile_paragraph_at_a_word() -> None:
    """One 660 KB paragraph of short quotes and one of nested marks are cut before a word, under
    the character and mark bounds, and the article under its total."""
    short = "وقال الوزير «نعم» " * 36_000
    nested = "قال «" * 130_000 + "»" * 130_000
    for para in (short, nested):
        (kept,) = quotable([para])
        assert para.startswith(kept) and len(kept) <= digest_module.QUOTE_PARAGRAPH_CHARS
        assert sum(kept.count(m) for m in "«»") <= digest_module.QUOTE_PARAGRAPH_MARKS
        assert para[len(kept)] == " "  # cut before a word, never inside one
    many = quotable(["الغوطة " * 5_000] * 30)  # no marks: the character bounds cut
    assert sum(map(len, many)) <= digest_module.QUOTE_TEXT_CHARS
    assert len(many) < 30 and all(len(p) <= digest_module.QUOTE_PARAGRAPH_CHARS for p in many)


def test_condense_reads_quotes_of_a_long_article_within_the_bound() -> None:
    """A quote in the first paragraphs of an article padded with a huge paragraph is still found."""
    first = "وقال وزير الخارجية الفنلندي ماتي كوسكينن إن بلاده سترسل قافلة مساعدات إلى الإقليم فورا."
    article = Article(id=1, source_id=1, source_name="مصدر", url="https://news.example/a",
                      title="قافلة مساعدات",
                      paragraphs=(first, "قال «" * 50_000 + "»" * 50_000))
    digest = condense(article)
    assert [q.speaker for q in digest.quotes][:1] == ["وزير الخارجية الفنلندي ماتي كوسكينن"]
