"""digests.search against a real SQLite file: index in step, ranking, phrases, folding, safety."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import digests.search_candidates as candidates_module
import digests.search_order as order_module
from digests.arabic import STOP_WORDS, index_key, tokens
from digests.migrations import MIGRATIONS
from digests.models import Article, iso
from digests.processing import StoreContext, default_steps
from digests.records import ARTICLE_SELECT, article_from_row
from digests.related import related_articles
from digests.search import search, topic_key
from digests.topic_match import article_matches
from digests.search_index import index_article, matched_words, unindex_article
from digests.settings import Settings
from digests.suggestions import suggest
from digests.storage import Database

NOW = datetime(2018, 3, 25, 12, 0, tzinfo=UTC)


def add(db: Database, article_id: int, title: str, body: str, *, days_ago: float = 1.0,
        story_id: int | None = None, source: str = "BBC") -> Article:
    """Insert an article through the real tables and index it as the ingest step does."""
    sql = db.db
    sql.execute("insert or ignore into sources (url, name, added_at) values (?, ?, ?)",
                [f"https://{source.lower()}.example/feed", source, iso(NOW)])
    source_id = sql.execute("select id from sources where name = ?", [source]).fetchone()[0]
    url = f"https://{source.lower()}.example/a/{article_id}"
    with db.transaction() as conn:
        conn.execute(
            "insert into articles (id, source_id, url, url_key, content_hash, title, published_at,"
            " body, fetched_at, updated_at, story_id) values (?,?,?,?,?,?,?,?,?,?,?)",
            [article_id, source_id, url, url, f"h{article_id}", title,
             iso(NOW - timedelta(days=days_ago)), body, iso(NOW), iso(NOW), story_id])
        article = load(conn, article_id)
        index_article(conn, article, StoreContext(now=NOW, settings=Settings()))
    return article


def load(sql: sqlite_utils.Database, article_id: int) -> Article:
    rows = list(sql.query(f"{ARTICLE_SELECT} where articles.id = ?", [article_id]))
    return article_from_row(rows[0])


def ids(result: object) -> list[int]:
    return [h.digest.article_id or 0 for h in result.hits]  # type: ignore[attr-defined]


@pytest.fixture
def db(database: Database) -> Database:
    add(database, 1, "قصف عنيف على الغوطة الشرقية", "تواصل القصف على بلدات الغوطة.", days_ago=2)
    add(database, 2, "مساعدات إنسانية", "دخلت قافلة مساعدات إلى دوما بالغُوطة الشرقية.",
        days_ago=1)
    add(database, 3, "الضغوط الاقتصادية تتزايد", "ضغوط على الحكومة في بيروت.", days_ago=1)
    add(database, 4, "اجتماع في لبنان", "زار الوزير للبنان وتحدث عن الغوطة ثم عن الشرقية.",
        days_ago=3)
    return database


def test_clitic_forms_are_found_and_look_alikes_are_not(db: Database) -> None:
    result = search(db.db, "الغوطة", now=NOW)
    assert sorted(ids(result)) == [1, 2, 4]
    assert result.total == 3
    assert result.terms == ("غوطه",)
    assert 3 not in ids(search(db.db, "غوطة", now=NOW))
    assert ids(search(db.db, "الضغوط", now=NOW)) == [3]


def test_matched_words_are_as_written(db: Database) -> None:
    hit = next(h for h in search(db.db, "غوطة", now=NOW).hits if h.digest.article_id == 2)
    assert hit.matched == ("بالغُوطة",)
    hit4 = next(h for h in search(db.db, "لبنان", now=NOW).hits)
    assert hit4.matched == ("لبنان", "للبنان")


def test_title_match_outranks_body_match(db: Database) -> None:
    add(db, 10, "تقرير عن عفرين اليوم", "نص قصير.", days_ago=1)
    add(db, 11, "تقرير اليوم", "نص قصير عن عفرين.", days_ago=1)
    assert ids(search(db.db, "عفرين", now=NOW)) == [10, 11]


def test_recency_breaks_equal_relevance(db: Database) -> None:
    add(db, 20, "حلب", "خبر عن حلب.", days_ago=30)
    add(db, 21, "حلب", "خبر عن حلب.", days_ago=0.5)
    assert ids(search(db.db, "حلب", now=NOW)) == [21, 20]


def test_phrase_first_then_all_words(db: Database) -> None:
    result = search(db.db, "الغوطة الشرقية", now=NOW, widen=False)
    assert result.mode == "phrase" and result.note is None
    assert sorted(ids(result)) == [1, 2]  # 4 has both words, not together
    widened = search(db.db, "الغوطة الشرقية", now=NOW)  # a rare phrase: 4 follows (QA12 F6)
    assert widened.mode == "phrase" and widened.note == "more" and widened.exact == 2
    assert sorted(ids(widened)[:2]) == [1, 2] and ids(widened)[2:] == [4]
    fallback = search(db.db, "الشرقية بيروت الغوطة", now=NOW)
    assert fallback.mode == "none" and fallback.message  # no article has all three words
    assert ids(fallback) == [] and fallback.total == 0
    both = search(db.db, "لبنان الغوطة", now=NOW)
    assert both.mode == "all" and ids(both) == [4]


def test_ali_is_searched_as_a_name_with_the_rest_as_fallback(database: Database) -> None:
    add(database, 1, "الأميرال علي شمخاني في موسكو", "قال علي شمخاني إن …", days_ago=1)
    add(database, 2, "شمخاني يرد", "رد شمخاني على الانتقادات.", days_ago=1)
    add(database, 3, "ردا على شمخاني", "نص", days_ago=2)  # «على» + name: the same keys
    add(database, 4, "محمد بن سلمان", "قال علي بن سلمان …", days_ago=1)
    add(database, 5, "تحالف الحوثيين وعلي شمخاني", "نص", days_ago=3)  # «وعلي»: a key of its own
    named = search(database.db, "علي شمخاني", now=NOW)
    assert named.mode == "phrase" and named.message is None
    assert sorted(ids(named)) == [1, 3, 5]  # before: «شمخاني» alone, articles 1, 2, 3 and 5
    assert "علي" not in named.hits[0].matched  # «على» would be highlighted everywhere
    assert sorted(ids(search(database.db, "على شمخاني", now=NOW))) == [1, 2, 3, 5]
    rest = search(database.db, "علي سلمان", now=NOW)  # the name not found: the rest is
    assert ids(rest) == [4] and rest.message and "الاسم كاملًا" in rest.message
    lone = search(database.db, "علي", now=NOW)
    assert lone.hits == () and lone.message and "«علي» وحده" in lone.message
    assert "الاسم كاملًا" in lone.message


def test_a_name_phrase_on_the_common_topic_path(database: Database,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import digests.search as search_module

    monkeypatch.setattr(search_module, "CANDIDATES", 2)  # its alternatives under a column filter
    add(database, 1, "علي شمخاني", "نص", days_ago=3)
    add(database, 2, "خبر", "وعلي شمخاني", days_ago=2)
    add(database, 3, "خبر آخر", "قال علي شمخاني", days_ago=1)
    result = search(database.db, "علي شمخاني", now=NOW, limit=1)
    assert result.total == 3 and ids(result) == [3]


def test_folding_keeps_the_best_report_of_each_story(database: Database) -> None:
    add(database, 1, "الغوطة: هدنة", "الغوطة الغوطة", story_id=7, days_ago=1)
    add(database, 2, "هدنة في الغوطة", "الغوطة", story_id=7, days_ago=1)
    add(database, 3, "الغوطة", "الغوطة", story_id=7, days_ago=2)
    add(database, 4, "الغوطة اليوم", "نص", story_id=8, days_ago=1)
    add(database, 5, "الغوطة أمس", "نص", days_ago=1)
    flat = search(database.db, "الغوطة", now=NOW)
    folded = search(database.db, "الغوطة", now=NOW, fold_stories=True)
    assert len(flat.hits) == 5 and flat.total == 5
    assert len(folded.hits) == 3
    stories = [h.digest.story_id for h in folded.hits]
    assert sorted(s for s in stories if s) == [7, 8] and None in stories
    best7 = next(h for h in flat.hits if h.digest.story_id == 7)
    assert best7.digest.article_id in ids(folded)


def test_stories_count_what_a_folded_list_shows(database: Database) -> None:
    add(database, 1, "الغوطة: هدنة", "الغوطة", story_id=7, days_ago=1)
    add(database, 2, "هدنة في الغوطة", "الغوطة", story_id=7, days_ago=1)
    add(database, 3, "الغوطة اليوم", "نص", story_id=8, days_ago=1)
    add(database, 4, "الغوطة أمس", "نص", days_ago=1)  # in no story: a story of its own
    for fold in (False, True):
        result = search(database.db, "الغوطة", now=NOW, limit=1, fold_stories=fold)
        assert (result.total, result.stories, result.stories_exact) == (4, 3, True)
    assert search(database.db, "غوطا", now=NOW).stories == 0


def test_stories_of_a_common_topic_are_a_lower_bound(database: Database,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import digests.search as search_module

    monkeypatch.setattr(search_module, "CANDIDATES", 3)  # the common-topic path
    for i in range(1, 9):  # ids grow with time: 8 articles, 6 stories (6, 7, 8 are story 100)
        add(database, i, f"خبر {i} عن دمشق", "دمشق", days_ago=9 - i,
            story_id=100 if i >= 6 else None)
    # under STORY_COUNT_MAX matches every match's story is counted (QA23 S13: «من ٩٠ على الأقل»
    # for 693 articles); the ranking still reads only the newest 3
    counted = search(database.db, "دمشق", now=NOW, limit=1, fold_stories=True)
    assert counted.total == 8 and (counted.stories, counted.stories_exact) == (6, True)
    assert ids(counted) == [8]
    assert search(database.db, "دمشق", now=NOW, limit=1).stories_exact is False  # not folded
    monkeypatch.setattr(search_module, "STORY_COUNT_MAX", 7)  # past it: those ranked
    first = search(database.db, "دمشق", now=NOW, limit=1, fold_stories=True)
    # the 3 newest matches were ranked: one story; the rest were not read
    assert first.total == 8 and (first.stories, first.stories_exact) == (1, False)
    wide = search(database.db, "دمشق", now=NOW, limit=3, fold_stories=True)
    # the page needed more stories, so more matches were ranked — here all of them: exact
    assert (wide.stories, wide.stories_exact) == (6, True)


@settings(max_examples=40, deadline=None)
@given(stories=st.lists(st.one_of(st.none(), st.integers(1, 4)), min_size=1, max_size=12),
       candidates=st.integers(1, 6), limit=st.integers(1, 4), offset=st.integers(0, 6),
       fold=st.booleans())
def test_story_counts_are_exact_or_a_true_lower_bound(
        tmp_path_factory: pytest.TempPathFactory, stories: list[int | None], candidates: int,
        limit: int, offset: int, fold: bool) -> None:
    import digests.search as search_module

    saved, search_module.CANDIDATES = search_module.CANDIDATES, candidates
    try:
        with Database(tmp_path_factory.mktemp("stories") / "n.db") as database:
            for i, story in enumerate(stories, start=1):
                add(database, i, f"خبر {i} عن دمشق", "نص", days_ago=20 - i, story_id=story)
            result = search(database.db, "دمشق", now=NOW, limit=limit, offset=offset,
                            fold_stories=fold)
    finally:
        search_module.CANDIDATES = saved
    true_count = len({s for s in stories if s is not None}) + stories.count(None)
    assert result.total == len(stories)
    if result.stories_exact:
        assert result.stories == true_count
    else:
        assert 1 <= result.stories <= true_count and len(stories) > candidates


def test_paging_with_limit_and_offset(database: Database) -> None:
    for i in range(1, 8):
        add(database, i, f"خبر {i} عن دمشق", "دمشق", days_ago=i)
    first = search(database.db, "دمشق", now=NOW, limit=3)
    second = search(database.db, "دمشق", now=NOW, limit=3, offset=3)
    assert first.total == second.total == 7
    assert ids(first) == [1, 2, 3] and ids(second) == [4, 5, 6]


def test_common_topics_rank_title_matches_and_recent_first(database: Database,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import digests.search as search_module

    monkeypatch.setattr(search_module, "CANDIDATES", 3)
    monkeypatch.setattr(search_module, "COUNT_CAP", 6)
    monkeypatch.setattr(candidates_module, "COUNT_CAP", 6)  # the total counted there
    for i in range(1, 8):  # ids grow with time: 7 is the newest
        title = "دمشق اليوم" if i in (3, 5) else "خبر"
        add(database, i, title, "نص عن دمشق", days_ago=8 - i)
    first = search(database.db, "دمشق", now=NOW, limit=2)
    assert first.total == 6  # counted up to the cap
    assert ids(first) == [5, 7]  # among the 3 newest: the title match first, then the newest
    assert ids(search(database.db, "دمشق", now=NOW, limit=2, offset=2)) == [6, 4]
    everything = search(database.db, "دمشق", now=NOW, limit=10)  # all fit: bm25 path, exact
    assert everything.total == 7 and ids(everything)[:2] == [5, 3]


def test_folded_pages_of_a_common_topic_reach_its_older_stories(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import digests.search as search_module

    monkeypatch.setattr(search_module, "CANDIDATES", 3)  # the common-topic path
    for i in range(1, 11):  # ids grow with time; the 4 newest reports are one story
        add(database, i, f"خبر {i} عن دمشق", "دمشق", days_ago=11 - i,
            story_id=100 if i >= 7 else i)
    first = search(database.db, "دمشق", now=NOW, limit=2, fold_stories=True)
    assert len(first.hits) == 2  # the 3 newest are one story: more were ranked to fill the page
    seen: list[int | None] = []
    for offset in range(0, 10, 2):
        seen += [h.digest.story_id for h in
                 search(database.db, "دمشق", now=NOW, limit=2, offset=offset,
                        fold_stories=True).hits]
    assert sorted(s for s in seen if s is not None) == [1, 2, 3, 4, 5, 6, 100]


def test_id_lists_are_chunked_for_sqlite(database: Database,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import digests.search as search_module

    for i in range(1, 8):
        add(database, i, f"خبر {i} عن دمشق", "دمشق", days_ago=i)
    whole = search(database.db, "دمشق", now=NOW, limit=40_000)  # more than SQLite's 32,766
    assert len(whole.hits) == 7
    monkeypatch.setattr(search_module, "CANDIDATES", 2)  # the common-topic path
    common = search(database.db, "دمشق", now=NOW, limit=3, offset=2)
    import digests.search_index as index_module

    original = index_module.chunks
    monkeypatch.setattr(candidates_module, "chunks", lambda ids: original(ids, 2))
    monkeypatch.setattr(order_module, "chunks", lambda ids: original(ids, 2))
    monkeypatch.setattr(index_module, "chunks", lambda ids: original(ids, 2))
    assert ids(search(database.db, "دمشق", now=NOW, limit=7)) == ids(whole)
    assert ids(search(database.db, "دمشق", now=NOW, limit=3, offset=2)) == ids(common)
    assert len(common.hits) == 3


def test_index_follows_update_and_delete(db: Database) -> None:
    with db.transaction() as conn:
        conn.execute("update articles set title = ?, body = ? where id = 1",
                     ["زيارة إلى طهران", "وصل الوفد إلى طهران."])
        index_article(conn, load(conn, 1), StoreContext(now=NOW, settings=Settings()))
    assert 1 not in ids(search(db.db, "الغوطة", now=NOW))
    assert ids(search(db.db, "طهران", now=NOW)) == [1]
    with db.transaction() as conn:
        conn.execute("delete from articles where id = 2")  # the trigger unindexes
    assert ids(search(db.db, "الغوطة", now=NOW)) == [4]
    assert db.db.execute("select count(*) from articles_fts where rowid = 2").fetchone()[0] == 0
    with db.transaction() as conn:
        unindex_article(conn, 4)
    assert search(db.db, "الغوطة", now=NOW).hits == ()


def test_index_is_the_first_processing_step() -> None:
    assert default_steps()[0] is index_article


def test_migration_indexes_existing_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    old = sqlite_utils.Database(conn)
    conn.execute("create table _migrations (id integer primary key, name text unique,"
                 " applied_at text)")
    for name, fn in MIGRATIONS[:2]:
        fn(old)
        conn.execute("insert into _migrations (name, applied_at) values (?, ?)", [name, iso(NOW)])
    conn.execute("insert into sources (id, url, name, added_at) values (1, 'u', 'BBC', 'x')")
    conn.execute("insert into articles (id, source_id, url, url_key, content_hash, title, body,"
                 " fetched_at, updated_at) values (5, 1, 'u5', 'u5', 'h', 'عفرين', 'نص',"
                 " 'x', 'x')")
    conn.commit()
    conn.close()
    with Database(path) as database:
        assert "003_search_index" in database.applied_migrations()
        assert ids(search(database.db, "عفرين", now=NOW)) == [5]


def test_only_stop_words_get_a_helpful_message(db: Database) -> None:
    for query in ("في من على", "", "   ", "!!!", "😀🔥", "the of"):
        result = search(db.db, query, now=NOW)
        assert result.hits == () and result.total == 0
        assert result.message and "الغوطة" in result.message


def test_nothing_found_suggests_nearby_spellings(db: Database) -> None:
    result = search(db.db, "الغوطا", now=NOW)
    assert result.hits == () and result.mode == "none"
    assert "الغوطة" in result.suggestions
    assert "الغوطة" in (result.message or "")
    assert "الغوطة" in suggest(db.db, "غوطا")
    assert suggest(db.db, "في") == []


@pytest.mark.parametrize("query", [
    '"', '""', "AND", "OR NOT", "-x", "(", ")", "NEAR(a b)", "title_keys:غوطة", "*", "^غوطة",
    "غوطة*", "a:b", "{title_keys}: x", "'", "\\", "\x00", "🇸🇾 الغوطة", "الغوطة " * 400,
    "x" * 2000, "Trump's \"deal\" (AND) -NOT", "\u200f\u200e", "ٌٍَُ",
])
def test_hostile_queries_never_raise(db: Database, query: str) -> None:
    result = search(db.db, query, now=NOW)
    assert isinstance(result.total, int)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300), limit=st.integers(1, 20), offset=st.integers(0, 5),
       fold=st.booleans())
def test_any_string_is_a_safe_query(db: Database, query: str, limit: int, offset: int,
                                    fold: bool) -> None:
    result = search(db.db, query, limit=limit, offset=offset, now=NOW, fold_stories=fold)
    assert len(result.hits) <= limit
    assert result.total >= len(result.hits)
    if not result.hits:
        assert result.message or offset > 0 or result.total > 0


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet=st.sampled_from(list('الغوطة الشرقية لبنان"()-*:^{}AND OR')),
                     max_size=40))
def test_any_string_is_safe_on_the_common_topic_path(db: Database, query: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import digests.search as search_module

    monkeypatch.setattr(search_module, "CANDIDATES", 1)  # every topic counts as a common one
    result = search(db.db, query, now=NOW, fold_stories=True)
    assert result.total >= len(result.hits)


def test_english_and_latin_names(database: Database) -> None:
    add(database, 1, "Trump meets Macron", "The elections were discussed.")
    assert ids(search(database.db, "trump", now=NOW)) == [1]
    assert ids(search(database.db, "ELECTION", now=NOW)) == [1]
    assert search(database.db, "Trump", now=NOW).hits[0].matched == ("Trump",)


def test_topic_key_and_article_matches(db: Database) -> None:
    assert topic_key("الغوطة") == topic_key("غوطة") == topic_key("  بالغوطة ")
    assert topic_key("الغوطة الشرقية") == "غوطه شرقيه"
    assert topic_key("في") == ""
    a1, a4 = load(db.db, 1), load(db.db, 4)
    assert article_matches("غوطة", a1) and article_matches("الغوطة", a4)
    assert article_matches("الغوطة الشرقية", a1)
    assert not article_matches("الغوطة الشرقية", a4)  # both words, not as a phrase
    assert not article_matches("الضغوط", a1)
    assert not article_matches("في", a1)


def test_related_articles_are_earlier_coverage(database: Database) -> None:
    add(database, 1, "قافلة مساعدات تدخل دوما", "نص", days_ago=10)
    add(database, 2, "قصف على دوما وحرستا", "نص", days_ago=8)
    add(database, 3, "أخبار الطقس", "نص", days_ago=7)
    add(database, 4, "قافلة ثانية تدخل دوما", "نص", days_ago=1)
    add(database, 5, "قافلة تدخل دوما من جديد", "نص", days_ago=0)  # later: excluded
    related = related_articles(database.db, load(database.db, 4))
    assert [a.id for a in related][:1] == [1]
    assert 4 not in {a.id for a in related} and 5 not in {a.id for a in related}
    assert 3 not in {a.id for a in related}
    assert related_articles(database.db, load(database.db, 3)) == []


def test_related_articles_need_a_title_term_and_skip_same_titles(database: Database) -> None:
    add(database, 1, "قافلة مساعدات تدخل دوما", "نص", days_ago=9)
    add(database, 2, "قافلة مساعدات تدخل دوما", "نص", days_ago=8)      # same title as 4
    add(database, 3, "أخبار اليوم", "قافلة مساعدات إلى دوما", days_ago=5)  # only in the body
    add(database, 4, "قافلة مساعدات تدخل دوما", "نص", days_ago=1)
    assert [a.id for a in related_articles(database.db, load(database.db, 4))] == []
    add(database, 5, "دوما: قافلة ثالثة", "نص", days_ago=0)
    assert [a.id for a in related_articles(database.db, load(database.db, 5))] == [4]
    older = related_articles(database.db, load(database.db, 5),
                             before=NOW - timedelta(days=2))
    assert [a.id for a in older] == [2]  # same title as 1: the newer of the two is kept


def _matched_by_tokens(text: str, terms: list[str]) -> list[str]:
    wanted = set(terms) - STOP_WORDS or set(terms)
    seen: dict[str, int] = {}
    for t in tokens(text):
        if index_key(t.norm) in wanted and t.text not in seen:
            seen[t.text] = t.start
    return sorted(seen, key=seen.__getitem__)


WORDS = ["الغوطة", "بالغُوطة", "وللغوطة", "الضغوط", "لبنان", "للبنان", "لبن", "حزب", "الله",
         "والله", "عبدالله", "Trump", "TRUMP's", "countries", "country", "قـــال", "ﻻ", "٢٠١٨",
         "إيران", "الإيرانية", "المسلحين", "مسلح", "x_y", "😀", "«", ".", "\u200f"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25),
       st.lists(st.sampled_from(["غوطه", "لبنان", "الله", "trump", "country", "مسلح", "ايران",
                                 "2018", "في"]), min_size=1, max_size=3),
       st.sampled_from([" ", "", "\n", "، "]))
def test_matched_words_are_every_matching_word_as_written(words: list[str], terms: list[str],
                                                          sep: str) -> None:
    text = sep.join(words)
    assert matched_words(text, terms) == _matched_by_tokens(text, terms)


def test_a_question_answers_like_its_topic(db: Database) -> None:
    topic = search(db.db, "الغوطة", now=NOW)
    asked = search(db.db, "ما آخر أخبار الغوطة؟", now=NOW)
    assert ids(asked) == ids(topic) and asked.total == topic.total > 0
    assert asked.note is None and asked.message is None


def test_a_word_that_matches_nothing_is_dropped_with_a_note(db: Database) -> None:
    result = search(db.db, "الغوطة Macron", now=NOW)
    assert ids(result) == ids(search(db.db, "الغوطة", now=NOW)) != []
    assert result.note == "dropped" and result.dropped == ("Macron",)
    assert result.message is not None and "Macron" in result.message
    # every word unknown: nothing found, no word dropped
    none = search(db.db, "Macron Zzyzx", now=NOW)
    assert none.hits == () and none.note is None


def test_the_all_words_fallback_is_noted(db: Database) -> None:
    result = search(db.db, "الشرقية الغوطة", now=NOW)  # both words, never in this order
    assert result.mode == "all" and result.note == "all" and result.hits


def test_a_name_is_found_in_every_spelling(database: Database) -> None:
    add(database, 1, "ترامب يهاجم وسائل الإعلام", "قال الرئيس ترامب.", source="CNN")
    add(database, 2, "ترمب يوقع قرارًا", "وقع الرئيس ترمب.", source="alarabia")
    add(database, 3, "مساعدات إلى الغوطة", "قافلة مساعدات.")
    for query in ("ترامب", "ترمب", "أخبار ترمب"):
        result = search(database.db, query, now=NOW)
        assert sorted(ids(result)) == [1, 2] and result.note is None, query
    hit = next(h for h in search(database.db, "ترامب", now=NOW).hits
               if h.digest.article_id == 2)
    assert "ترمب" in hit.matched  # highlighted as the article writes it


MACRON = ("دعا الرئيس الفرنسي إيمانويل ماكرون طهران إلى الضغط على دمشق لوقف قصف الغوطة الشرقية."
          " وقال ماكرون في اتصال هاتفي مع نظيره الإيراني حسن روحاني إن على إيران أن تستخدم نفوذها"
          " لدى النظام السوري. وأضاف الرئيس الفرنسي أن الوضع الإنساني في الغوطة كارثي، وأن"
          " المدنيين المحاصرين يحتاجون إلى ممرات آمنة ودخول قوافل المساعدات الطبية والغذائية."
          " وتتعرض بلدات الغوطة منذ أسابيع لقصف جوي ومدفعي أوقع مئات القتلى.")


def test_related_articles_need_shared_names_not_a_shared_phrase(database: Database) -> None:
    add(database, 1, "الأردن يدعو للضغط على إسرائيل لوقف انتهاكاتها للمقدسات بالقدس",
        "دعت وزارة الخارجية الأردنية المجتمع الدولي إلى الضغط على إسرائيل لوقف انتهاكاتها"
        " المتكررة في القدس المحتلة والمسجد الأقصى المبارك. وقال المتحدث باسم الوزارة إن"
        " اقتحامات المستوطنين لباحات الأقصى تستفز مشاعر المسلمين، وإن المملكة تتابع الوصاية"
        " الهاشمية على المقدسات الإسلامية والمسيحية في المدينة. وطالب الأردن مجلس الأمن"
        " بتحمل مسؤولياته تجاه الأقصى والمقدسات.", days_ago=6)
    add(database, 2, "إطلاق حملة فلسطينية دولية للضغط على الاحتلال لوقف الاعتقال الإداري",
        "أطلقت مؤسسات حقوقية فلسطينية حملة دولية للضغط على الاحتلال لوقف سياسة الاعتقال"
        " الإداري بحق الأسرى. وقالت هيئة شؤون الأسرى إن أكثر من خمسمئة أسير يقبعون في"
        " السجون دون تهمة أو محاكمة، وإن الاعتقال الإداري يجدد كل ستة أشهر بقرار عسكري."
        " ودعت الحملة البرلمانات الأوروبية والمنظمات الحقوقية إلى التضامن مع الأسرى"
        " الإداريين المضربين عن الطعام.", days_ago=5)
    add(database, 3, "مقتل مدنيين في قصف على الغوطة الشرقية",
        "قتل عشرات المدنيين في قصف جوي ومدفعي شنته قوات النظام السوري على بلدات الغوطة"
        " الشرقية قرب دمشق. وقال ناشطون إن الطائرات استهدفت دوما وحرستا وعربين، وإن فرق"
        " الدفاع المدني تواصل انتشال الضحايا من تحت الأنقاض. ويعيش نحو أربعمئة ألف شخص"
        " محاصرين في الغوطة منذ سنوات، في ظل نقص حاد في الغذاء والدواء، بينما تطالب الأمم"
        " المتحدة بهدنة إنسانية وإدخال المساعدات إلى الغوطة.", days_ago=4)
    add(database, 4, "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة", MACRON, days_ago=1)
    related = [a.id for a in related_articles(database.db, load(database.db, 4))]
    assert related == [3]  # the Ghouta shelling, not «للضغط على … لوقف» elsewhere


def _election(database: Database, phrase_hits: int) -> None:
    """`phrase_hits` articles say «الانتخابات المصرية»; four more hold both words apart (one in
    its headline, newest of all; three in the body only); one holds only one word."""
    for i in range(phrase_hits):
        add(database, 100 + i, f"تقرير {i}", "بدأت الانتخابات المصرية اليوم.", days_ago=5 + i)
    add(database, 1, "بدء فرز الأصوات في انتخابات الرئاسة المصرية", "نص الخبر.", days_ago=6)
    add(database, 2, "الرئاسة", "الانتخابات الرئاسية المصرية بدأت.", days_ago=0.5)
    add(database, 3, "تصويت", "جرت الانتخابات. وقالت الحكومة المصرية إنها راضية.", days_ago=0.2)
    add(database, 4, "مقابلة", "قال مرشح الانتخابات الرئاسية إن المصرية فازت.", days_ago=1)
    add(database, 5, "الانتخابات العراقية", "جرت الانتخابات في بغداد.", days_ago=0.1)


def test_a_rare_phrase_is_followed_by_the_all_words_hits(database: Database) -> None:
    """QA12 F6: three phrase hits shut out fifteen all-words hits. Now: phrase hits first, then
    the headlines with every word, then the bodies; no article twice; a note says so."""
    _election(database, 3)
    result = search(database.db, "الانتخابات المصرية", now=NOW)
    got = ids(result)
    assert sorted(got[:3]) == [100, 101, 102]  # the phrase first, whatever the recency
    assert got[3] == 1  # the headline with both words, though older than 2, 3 and 4
    assert sorted(got[4:]) == [2, 3, 4] and len(got) == len(set(got)) == 7
    assert 5 not in got
    assert result.note == "more" and result.exact == 3 and result.total == 7
    assert result.message and "3 مقالات" in result.message and "3 articles" in result.message
    paged = [h for off in range(0, 7, 2)
             for h in ids(search(database.db, "الانتخابات المصرية", now=NOW, limit=2,
                                 offset=off))]
    assert paged == got  # pages of the widened list are slices of one order
    narrow = search(database.db, "الانتخابات المصرية", now=NOW, widen=False)
    assert sorted(ids(narrow)) == [100, 101, 102] and narrow.note is None
    assert narrow.exact == narrow.total == 3


def test_a_common_phrase_stands_alone(database: Database) -> None:
    """A phrase with a page or more of hits (WIDEN_BELOW) is not widened."""
    from digests.search import WIDEN_BELOW

    _election(database, WIDEN_BELOW)
    result = search(database.db, "الانتخابات المصرية", now=NOW, limit=50)
    assert sorted(ids(result)) == list(range(100, 100 + WIDEN_BELOW))
    assert result.note is None and result.message is None


def test_a_widened_answer_folds_stories_across_both_parts(database: Database) -> None:
    """A story with a phrase report is shown once, by that report; its all-words report
    does not come back among the widened hits."""
    add(database, 100, "تقرير", "بدأت الانتخابات المصرية اليوم.", days_ago=5, story_id=7)
    add(database, 1, "فرز الأصوات في انتخابات الرئاسة المصرية", "نص", days_ago=0.1, story_id=7)
    add(database, 2, "انتخابات الرئاسة المصرية", "نص", days_ago=1)
    result = search(database.db, "الانتخابات المصرية", now=NOW, fold_stories=True)
    assert ids(result) == [100, 2] and result.stories == 2 and result.note == "more"


def test_a_followed_topic_matches_a_headline_with_all_its_words(database: Database) -> None:
    _election(database, 1)
    headline, body_only, one_word = (load(database.db, i) for i in (1, 3, 5))
    assert article_matches("الانتخابات المصرية", headline)
    assert not article_matches("الانتخابات المصرية", body_only)
    assert not article_matches("الانتخابات المصرية", one_word)
    assert article_matches("الانتخابات المصرية", load(database.db, 100))
    # a one-word topic is unchanged; spellings count in a headline too
    add(database, 6, "ترمب يلتقي نتانياهو", "نص", days_ago=1)
    assert article_matches("نتنياهو ترامب", load(database.db, 6))


def test_spelling_variants_of_foreign_names_find_each_other(database: Database) -> None:
    """QA12 F10 on a real index: «ستيفن هوكينج» finds the articles that write «هوكينغ»;
    «فيس بوك» and «فيسبوك» find each other; «جوجل» finds «غوغل»; a subscription too."""
    add(database, 1, "وفاة عالم الفيزياء ستيفن هوكينغ", "رحل ستيفن هوكينغ عن 76 عاما.")
    add(database, 2, "حملة على فيسبوك", "نشر الناشطون على فيسبوك صورا.")
    add(database, 3, "صفحة على فيس بوك", "قال إن صفحته على فيس بوك أغلقت.")
    add(database, 4, "غوغل تطلق خدمة", "أعلنت شركة غوغل خدمة جديدة.")
    add(database, 5, "الغرب والشرق", "قرب الحدود رغم التشنج.")
    assert ids(search(database.db, "ستيفن هوكينج", now=NOW)) == [1]
    assert sorted(ids(search(database.db, "فيس بوك", now=NOW))) == [2, 3]
    assert sorted(ids(search(database.db, "فيسبوك", now=NOW))) == [2, 3]
    assert ids(search(database.db, "جوجل", now=NOW)) == [4]
    assert ids(search(database.db, "قوقل", now=NOW)) == [4]
    assert ids(search(database.db, "تشنغ", now=NOW)) == []  # the name Cheng is not a spasm
    assert article_matches("هوكينج", load(database.db, 1))
    assert article_matches("فيس بوك", load(database.db, 2))


def test_a_rare_misspelling_offers_the_common_spelling(database: Database) -> None:
    """QA12: «ارودغان» is in one article, «أردوغان» in many: the one hit is shown with
    «هل تقصد: أردوغان». A rare word whose neighbour differs at its end (grammar) is left alone."""
    from digests.suggestions import RARE_MIN

    for i in range(RARE_MIN):
        add(database, 100 + i, f"أردوغان يزور المدينة {i}", "قال الرئيس أردوغان وشعار الحملة.",
            days_ago=2 + i / 10)
    add(database, 1, "محطة نووية تركية", "تحدث ارودغان عن المحطة وعن شعاره الجديد.")
    result = search(database.db, "ارودغان", now=NOW)
    assert ids(result) == [1] and result.suggestions == ("أردوغان",)
    assert result.message and "هل تقصد: أردوغان" in result.message
    assert "Did you mean: أردوغان" in result.message
    assert search(database.db, "أردوغان", now=NOW).suggestions == ()
    assert search(database.db, "شعاره", now=NOW).suggestions == ()  # «شعار»: a suffix, no typo
    assert search(database.db, "نتنياهوو", now=NOW).total == 0


def test_suggestions_leave_out_rare_typos_and_second_spellings(database: Database) -> None:
    """«اردغان» found nothing: «أردوغان» is proposed, not the corpus's one-off typo «أرودغان»
    beside it; «بوتبن»: «بوتين» once, not «بوتن» too (search finds both spellings)."""
    from digests.suggestions import RARE_RATIO

    for i in range(RARE_RATIO):
        add(database, 100 + i, f"أردوغان وبوتين {i}",
            "التقى بوتين وأردوغان." + (" وقال بوتن" if i < 5 else ""), days_ago=2 + i / 10)
    add(database, 1, "محطة", "تحدث أرودغان عن المحطة.")
    assert suggest(database.db, "اردغان") == ["أردوغان"]
    assert suggest(database.db, "بوتبن") == ["بوتين"]


_WORDS = ["الانتخابات", "المصرية", "الرئاسية", "الغوطة", "الشرقية", "فيس", "بوك", "فيسبوك",
          "ترمب", "ترامب", "مصر"]


@pytest.fixture
def wide_db(database: Database) -> Database:
    """Articles whose titles and bodies mix a few topic words in many orders."""
    import random

    rng = random.Random(5)
    for i in range(1, 41):
        title = " ".join(rng.sample(_WORDS, 3))
        body = " ".join(rng.choice(_WORDS) for _ in range(8))
        add(database, i, title, body, days_ago=rng.random() * 30,
            story_id=rng.choice([None, None, 1, 2, 3]))
    return database


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3), fold=st.booleans())
def test_a_widened_answer_starts_with_exactly_the_phrase_hits(wide_db: Database,
                                                              words: list[str],
                                                              fold: bool) -> None:
    """Invariant: whatever the query, the widened list begins with the phrase's own answer,
    in the same order, holds no article twice, and only ever adds (never drops) articles."""
    from digests.search import WIDEN_BELOW

    query = " ".join(words)
    narrow = search(wide_db.db, query, limit=100, now=NOW, widen=False, fold_stories=fold)
    wide = search(wide_db.db, query, limit=100, now=NOW, fold_stories=fold)
    got = ids(wide)
    event(f"note={wide.note}")
    assert len(got) == len(set(got))
    if wide.note == "more":
        assert got[:len(ids(narrow))] == ids(narrow)  # folded too: a story's phrase report
        assert wide.exact == narrow.total < WIDEN_BELOW and wide.total >= wide.exact
        assert len(got) > len(ids(narrow))
    else:
        assert got == ids(narrow) and wide.total == narrow.total


def test_abu_dhabi_typed_apart_finds_it_written_as_one_word(database: Database) -> None:
    """QA18 R13: «ابو ظبي» searched «ابو» alone (0 of 5 relevant): the news writes «أبوظبي»."""
    add(database, 1, "وفاة الناقد علي أبو شادي", "توفي الناقد السينمائي علي أبو شادي.")
    add(database, 2, "طواف أبوظبي للدراجات", "انطلقت المرحلة الثالثة من طواف أبوظبي.")
    result = search(database.db, "ابو ظبي", now=NOW)
    assert ids(result) == [2] and result.note is None


def test_a_kunya_is_never_searched_alone_after_its_name_is_dropped(database: Database) -> None:
    """A name the archive lacks («ابو زعبل») must not fall back to a bare «ابو»."""
    add(database, 1, "وفاة الناقد علي أبو شادي", "توفي الناقد السينمائي علي أبو شادي.")
    add(database, 2, "ابن بطوطة", "رحلة ابن بطوطة.")
    for query in ("ابو زعبل", "ابن خلدونيات", "أم قيسونة"):
        result = search(database.db, query, now=NOW)
        assert result.hits == () and result.note is None, query
    # a word that is no kunya is still dropped as before
    dropped = search(database.db, "شادي زعبلاوي", now=NOW)
    assert ids(dropped) == [1] and dropped.note == "dropped"


def test_la_liga_in_the_egyptian_spelling(database: Database) -> None:
    """QA18 R13: «الليجا» found nothing; the news writes «الليغا»."""
    add(database, 1, "راموس: مستمرون بالقتال في الليغا", "قال راموس إن الفريق سيقاتل.")
    add(database, 2, "مزيج من الأخبار", "خبر عن مزيجا من الأشياء.")
    assert ids(search(database.db, "الليجا", now=NOW)) == [1]
    assert ids(search(database.db, "الليغا", now=NOW)) == [1]


PASTED = ("أفادت تقارير صحفية محلية بأن الأوضاع تزداد سوءا يوما بعد يوم في الغوطة الشرقية قرب"
          " دمشق، حيث يعاني السكان من نقص حاد في الغذاء والدواء وسط استمرار العمليات العسكرية"
          " وتحذيرات متكررة من منظمات الإغاثة بشأن مصير آلاف العائلات العالقة هناك")


def test_a_pasted_paragraph_is_searched_by_the_names_in_it(database: Database) -> None:
    """QA18 R13: a pasted paragraph found nothing (searched by its first, generic words)."""
    add(database, 1, "قصف على الغوطة الشرقية", "تعرضت الغوطة الشرقية قرب دمشق لقصف عنيف.")
    add(database, 2, "دمشق تستضيف معرضا", "افتتح في دمشق معرض للكتاب.")
    add(database, 3, "الطقس", "أمطار غزيرة في الغوطة الشرقية.", days_ago=3)
    result = search(database.db, PASTED, now=NOW)
    assert ids(result) == [1] and result.note == "pasted"
    assert result.dropped == ("الغوطة الشرقية", "دمشق")
    assert result.message is not None and "«الغوطة الشرقية»" in result.message
    # with no article naming both, the first name alone
    database.db.execute("delete from articles where id = 1")
    again = search(database.db, PASTED, now=NOW)
    assert ids(again) == [3] and again.dropped == ("الغوطة الشرقية",)
    # a short text is never searched this way
    assert search(database.db, "تقارير صحفية محلية عن الغوطة الشرقية", now=NOW).note != "pasted"


def test_a_name_spelled_like_a_preposition_must_be_written_as_the_name(
        database: Database) -> None:
    """QA23 S8: «الإمام علي» found «حازم إمام، على شائعات» and «عادل إمام على»: the index keys
    «علي» and «على» alike; a name kept last must be written «علي» in the article."""
    add(database, 1, "حازم إمام يرد", "رد نجم الزمالك حازم إمام على شائعات استبعاده")
    add(database, 2, "الزعيم يعلق", "وعلق عادل إمام على ما تم تداوله")
    # only the preposition: nothing, and not «إمام» alone as the rest of the name
    nothing = search(database.db, "الإمام علي", now=NOW)
    assert ids(nothing) == [] and nothing.note is None
    add(database, 3, "ذكرى الزهراء", "ابنة النبي وزوجة ابن عمه الإمام علي ووالدة الأئمة")
    assert ids(search(database.db, "الإمام علي", now=NOW)) == [3]
    # kept first, the name is read as a name even where a source wrote «على» (a typo)
    add(database, 4, "ولي العهد يتعهد", "ومرشدها الأعلى آية الله على خامنئي")
    add(database, 5, "طهران ترفض", "قال المرشد علي خامنئي إن")
    assert sorted(ids(search(database.db, "علي خامنئي", now=NOW))) == [4, 5]
