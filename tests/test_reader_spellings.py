"""Search as readers type it, the leftovers (QA24 R3, R4, R6; session 13, X37).

On a real SQLite archive (and the real PTB bot on the emulator for the answers' wording):
- Persian/Kurdish letters fold for index and query: «ڤلاديمير بوتين», «ترمپ»;
- «الإمام» is not the preposition «أمام», and «الإمام على» / «محمد على» read «… علي»;
- «الوضع في غزة» is «غزة», a word of asking alone («كم») is no topic;
- «ايه سي ميلان» and «ايه بي سي» keep «ايه» (the letter A);
- «#سوريا_تحترق» is «سوريا»;
- Latin pronouns and modals («May», «us») match no Arabic story through an English title;
- migration 033_reader_spellings re-indexes the rows keyed the old way and rewrites old topics.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from test_search import add

from digests import subscriptions as subs
from digests import topic_keys
from digests.arabic import key, normalize
from digests.asked_topics import topic_shown, topic_text
from digests.named_questions import named_topic
from digests.query import plan_query
from digests.reader_spellings import MIGRATION, needs_reindex, reindex_changed
from digests.search import search
from digests.search_index import FTS_TABLE
from digests.storage import Database

NOW = datetime(2026, 1, 1, 12, tzinfo=UTC)


@pytest.fixture
def db(database: Database) -> Database:
    rows = [
        ("ڤلاديمير پوتين يزور الصين", "قال الرئيس الروسي ڤلاديمير پوتين إن الزيارة ناجحة."),
        ("ترمب يلتقي فلاديمير بوتين", "التقى ترمب الرئيس فلاديمير بوتين في هلسنكي."),
        ("وفاة الإمام في مسجد المدينة", "أم الإمام المصلين للمرة الأخيرة قبل وفاته."),
        ("ذكرى الإمام علي", "أحيا الزوار ذكرى الإمام علي في النجف."),
        ("برشلونة يفوز أمام إشبيلية", "فاز برشلونة أمام إشبيلية بهدفين."),
        ("ريال مدريد يتعادل أمام خيتافي", "تعادل ريال مدريد أمام خيتافي."),
        ("شركة ناشئة تنظف السيارات", "تستخدم شركة May Mobility الماء فقط."),
        ("شائعة وفاة ستالون", "ظهر في مسلسل This Is Us على شبكة إن بي سي."),
        ("نادي ميلان للبيع", "أعلن نادي ايه سي ميلان بيع حصة من أسهمه."),
        ("هيئة الإذاعة البريطانية", "قالت بي بي سي إن البرنامج توقف."),
        ("شبكة ايه بي سي الأمريكية", "نقلت شبكة ايه بي سي عن مسؤولين قولهم."),
    ]
    rows += [(f"غارات على سوريا رقم {i}", "قتل مدنيون في سوريا اليوم.") for i in range(6)]
    rows += [(f"مسيرة في غزة رقم {i}", "تظاهر الآلاف في غزة اليوم.") for i in range(6)]
    for n, (title, body) in enumerate(rows, 1):
        add(database, n, title, body)
    return database


def _titles(database: Database, query: str) -> list[str]:
    hits = search(database.db, query, limit=20, now=NOW).hits
    return [h.digest.headline for h in hits]


# --- letters, keys and plans (pure) -------------------------------------------------------

@pytest.mark.parametrize("typed, folded", [
    ("ڤلاديمير", "فلاديمير"), ("ترمپ", "ترمب"), ("چين", "جين"), ("ژاپن", "زابن"),
    ("گوگل", "كوكل"), ("ترکیا", "تركيا"), ("ڨالمة", "قالمه"),
])
def test_persian_and_kurdish_letters_fold(typed: str, folded: str) -> None:
    assert normalize(typed) == folded


def test_the_imam_is_not_the_preposition() -> None:
    assert key("أمام") == key("إمام") == "امام"
    assert {key(w) for w in ("الإمام", "الامام", "للإمام", "والإمام", "بالإمام")} == {"الامام"}
    assert key("الإمام") != key("أمام")


@pytest.mark.parametrize("typed, terms", [
    ("الإمام على", ("الامام", "علي")), ("محمد على", ("محمد", "علي")),
    ("الإمام علي", ("الامام", "علي")),
    ("على", ()), ("ما على", ()),  # alone, or after a word of asking: the preposition
])
def test_a_last_ala_after_a_name_is_ali(typed: str, terms: tuple[str, ...]) -> None:
    assert plan_query(typed).terms == terms


@pytest.mark.parametrize("typed, topic", [
    ("الوضع في غزة", "غزة"), ("كيف الوضع في غزة", "غزة"), ("أخبار غزة", "غزة"),
    ("آخر أخبار سوريا", "سوريا"), ("الوضع الإنساني في غزة", "الوضع الإنساني في غزة"),
    ("ايه سي ميلان", "ايه سي ميلان"), ("ايه بي سي", "ايه بي سي"),
    ("ايه اخبار مصر النهاردة", "مصر"), ("US sanctions", "sanctions"),
])
def test_topics_as_readers_type_them(typed: str, topic: str) -> None:
    assert topic_text(typed) == topic


@pytest.mark.parametrize("typed", ["كم", "ليش", "شو", "مين", "May", "us"])
def test_a_word_of_asking_or_a_pronoun_alone_is_no_topic(typed: str) -> None:
    assert plan_query(typed).terms == ()
    with pytest.raises(subs.QueryError):
        topic_keys.key_of(typed)


def test_the_news_words_alone_are_still_searched() -> None:
    assert plan_query("آخر الأخبار").terms == ("اخر", "اخبار")


def test_needs_reindex() -> None:
    assert needs_reindex("زار ڤلاديمير") and needs_reindex("قال للإمام")
    assert needs_reindex("صلى خلف الإمام")
    assert not needs_reindex("فاز أمام إشبيلية") and not needs_reindex("إمام المسجد")


# --- search on a real archive -------------------------------------------------------------

def test_folded_letters_find_the_news_spelling(db: Database) -> None:
    both = {"ڤلاديمير پوتين يزور الصين", "ترمب يلتقي فلاديمير بوتين"}
    assert set(_titles(db, "ڤلاديمير بوتين")) == both
    assert set(_titles(db, "فلاديمير بوتين")) == both
    assert _titles(db, "ترمپ") == ["ترمب يلتقي فلاديمير بوتين"]


def test_the_imam_search_finds_no_football(db: Database) -> None:
    assert set(_titles(db, "الإمام")) == {"وفاة الإمام في مسجد المدينة", "ذكرى الإمام علي"}
    for typed in ("الإمام على", "الإمام علي"):
        assert _titles(db, typed) == ["ذكرى الإمام علي"], typed
    assert search(db.db, "أمام", now=NOW).mode == "none"  # the preposition alone (QA28 T6)


def test_latin_words_match_no_english_title(db: Database) -> None:
    for typed in ("May", "Theresa May", "us sanctions", "Kim"):
        assert search(db.db, typed, now=NOW).hits == (), typed
    assert _titles(db, "May Mobility") == ["شركة ناشئة تنظف السيارات"]  # a name as written


def test_spelled_letters_keep_their_a(db: Database) -> None:
    assert _titles(db, "ايه سي ميلان") == ["نادي ميلان للبيع"]
    assert _titles(db, "ايه بي سي")[0] == "شبكة ايه بي سي الأمريكية"
    assert "هيئة الإذاعة البريطانية" not in _titles(db, "ايه بي سي")[:1]
    assert topic_shown("ايه سي ميلان") == "ايه سي ميلان"


def test_a_hashtag_is_its_names(db: Database) -> None:
    assert named_topic(db.db, "#سوريا_تحترق") == "سوريا"
    assert topic_shown(named_topic(db.db, "#سوريا_تحترق")) == "سوريا"
    # a name stays whole, stored without its «#» and «_» (QA28 T8)
    assert named_topic(db.db, "#الغوطة_الشرقية") == "الغوطة الشرقية"


# --- migration 033 ---------------------------------------------------------------------------

def _old_keys(database: Database, article_id: int, title: str, body: str) -> None:
    """Index an article as the code before session 13 did: letters unfolded, «الإمام» keyed
    «امام»."""
    def old(text: str) -> str:
        return " ".join(w.replace("الامام", "امام") for w in normalize(text).split())
    with database.transaction() as tx:
        tx.execute(f"update {FTS_TABLE} set title_keys = ?, body_keys = ? where rowid = ?",
                   [old(title).replace("ف", "ڤ"), old(body), article_id])


def test_the_migration_reindexes_only_changed_rows(db: Database) -> None:
    _old_keys(db, 1, "ڤلاديمير پوتين يزور الصين", "")
    _old_keys(db, 3, "وفاة الامام في مسجد المدينة", "")
    assert "ڤلاديمير پوتين يزور الصين" not in _titles(db, "فلاديمير بوتين")
    with db.transaction() as tx:
        assert reindex_changed(tx) == 3  # the Persian letters (1) and «الإمام» (3, 4), no football
    assert "ڤلاديمير پوتين يزور الصين" in _titles(db, "فلاديمير بوتين")
    assert "وفاة الإمام في مسجد المدينة" in _titles(db, "الإمام")


def test_the_reindex_says_how_far_it_is(db: Database, monkeypatch: pytest.MonkeyPatch,
                                        caplog: pytest.LogCaptureFixture) -> None:
    from digests import data_migrations, reader_spellings

    monkeypatch.setattr(data_migrations, "PROGRESS_SECONDS", 0.0)
    monkeypatch.setattr(reader_spellings, "CHUNK", 10)
    total = db.db.execute("select count(*) from articles").fetchone()[0]
    with caplog.at_level(logging.INFO), db.transaction() as tx:
        reindex_changed(tx)
    lines = [r.getMessage() for r in caplog.records
             if "migration progress name=033_reader_spellings" in r.getMessage()]
    assert len(lines) == -(-total // 10) and f"done={total} total={total}" in lines[-1]


def _store_before(database: Database, chat_id: int, topic: str, topic_key: str) -> None:
    with database.transaction() as tx:
        tx.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                   " values (?,?,?,?)", [chat_id, topic, topic_key, NOW.isoformat()])
        tx.execute("delete from _migrations where name = ?", [MIGRATION])


def test_the_migration_rewrites_old_topics(db: Database) -> None:
    for chat in (1, 2):
        subs.upsert_chat(db, chat, now=NOW)
    _store_before(db, 1, "الوضع في غزة", "وضع في غزه")
    _store_before(db, 1, "كم", "كم")
    _store_before(db, 1, "ترمپ", "ترمپ")
    _store_before(db, 1, "الإمام", "امام")
    subs.subscribe(db, 2, "غزة", now=NOW)
    _store_before(db, 2, "الوضع في غزة", "وضع في غزه")  # followed already: one row stays
    assert db.migrate() == [MIGRATION]
    assert [(s.topic, s.topic_key) for s in subs.list_subscriptions(db, 1)] == [
        ("غزة", "غزه"), ("ترمپ", "ترمب"), ("الإمام", "الامام")]
    assert [s.topic for s in subs.list_subscriptions(db, 2)] == ["غزة"]
    assert db.migrate() == []


# --- the bot's words ------------------------------------------------------------------------

async def test_an_unknown_latin_name_is_answered_honestly(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        for typed in ("Kylo", "May"):  # «Kim» is «كيم» since X138 (QA78-19)
            [msg] = await h.say(READER, typed)
            text = msg.plain_text
            assert f"لم أجد أخبارًا عن «{typed}»" in text.replace("\u200e", ""), text
            assert "سوريا" not in text and msg.button_texts() == [], text
        [en] = await h.say(READER + 1, "May", language_code="en")
        assert "I found no news about" in en.plain_text and "سوريا" not in en.plain_text


async def test_subscribe_as_readers_type_it(tmp_path: Path) -> None:
    """/subscribe of a hashtag follows its name; «الوضع في X» follows X; «ايه سي ميلان» keeps its
    «ايه»; a word of asking alone is not followed."""
    async with running_bot(sample_db(tmp_path)) as h:
        [tag] = await h.say(READER, "/subscribe #الغوطة_تحترق")
        assert "«الغوطة»" in tag.plain_text and "تحترق" not in tag.plain_text, tag.plain_text
        [gaza] = await h.say(READER, "/subscribe الوضع في دمشق")
        assert "«دمشق»" in gaza.plain_text and "الوضع" not in gaza.plain_text, gaza.plain_text
        [milan] = await h.say(READER, "/subscribe ايه سي ميلان")
        assert "«ايه سي ميلان»" in milan.plain_text, milan.plain_text
        [asking] = await h.say(READER, "/subscribe كم")
        assert "تمت متابعة" not in asking.plain_text, asking.plain_text
        assert [s.topic for s in subs.list_subscriptions(h.db, READER)] == [
            "الغوطة", "دمشق", "ايه سي ميلان"]
