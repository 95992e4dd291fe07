"""X46 (QA33 S1, S2, S4): dialect «اللي», days and «who won?» verbs are no topic words; an
all-words answer lists the headlines holding every word first; «يوم الأرض» keeps «يوم» — on a
real SQLite archive, the real search and the real bot."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from test_search import NOW, add

from bot.runtime import RUNTIME_KEY
from digests import subscriptions as subs
from digests.asked_topics import asks_for_news, days_back, topic_shown
from digests.query import plan_query
from digests.search import search
from digests.storage import Database


@pytest.mark.parametrize("typed, terms", [
    ("ايه اللي حصل في مصر", ("مصر",)),
    ("الاخبار اللي عن ترامب", ("ترامب",)),
    ("مين فاز بالكلاسيكو", ("كلاسيكو",)),
    ("ترامب امبارح", ("ترامب",)),
    ("مين فاز بالمباراة امبارح", ("مباراه",)),
    ("يوم الأرض", ("يوم", "ارض")),
    ("اخبار يوم الأرض", ("يوم", "ارض")),
])
def test_function_and_day_words_are_no_topic(typed: str, terms: tuple[str, ...]) -> None:
    assert plan_query(typed).terms == terms
    assert not asks_for_news(typed)


@pytest.mark.parametrize("typed, back", [
    ("مين فاز امبارح", 1), ("شو صار اليوم", 0), ("اخبار الامس", 1), ("شو صار", 0),
    ("امبارح", 1), ("آخر الأخبار", 0),
])
def test_a_question_of_only_asking_and_day_words_asks_for_the_news(typed: str, back: int) -> None:
    assert asks_for_news(typed)
    assert days_back(typed) == back


def test_headers_name_the_topic() -> None:
    assert topic_shown("ايه اللي حصل في مصر") == "مصر"
    assert topic_shown("يوم الأرض") == "يوم الأرض"


@pytest.fixture
def db(database: Database) -> Database:
    # newer body mentions of every word, older headlines that hold them all (QA33 S2)
    for n in range(6):
        add(database, 100 + n, f"خبر عن الخليج رقم {n}",
            "قالت بريطانيا إن ولي العهد السعودي سيزور المنطقة.", days_ago=1 + n * 0.1)
    add(database, 200, "ولي العهد السعودي يصل إلى بريطانيا", "بدأ الزيارة.", days_ago=9)
    add(database, 201, "بريطانيا تستقبل ولي العهد السعودي", "استقبال رسمي.", days_ago=10)
    add(database, 300, "قمر صناعي يسقط على الأرض", "يتجه القمر نحو الأرض.", days_ago=0.5)
    add(database, 301, "قتلى في يوم الأرض", "أحيا الفلسطينيون يوم الأرض.", days_ago=1)
    return database


def test_all_words_lists_headlines_first(db: Database) -> None:
    result = search(db.db, "ولي العهد السعودي في بريطانيا", limit=5, now=NOW)
    assert result.mode == "all"
    assert [h.digest.article_id for h in result.hits][:2] == [200, 201]


def test_land_day_keeps_its_day(db: Database) -> None:
    result = search(db.db, "يوم الأرض", limit=5, now=NOW)
    assert [h.digest.article_id for h in result.hits] == [301]


async def test_the_bot_answers_days_and_dialect(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    now = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    with Database(path) as database:
        for n in range(3):
            add(database, 900200 + n, f"مصر تعلن نتائج الانتخابات رقم {n}",
                "أعلنت مصر نتائج الانتخابات.")
        add(database, 900210, "لي كه تشيانغ يلتقي وفدا", "حصل لقاء في مصر ولي العهد.")
    async with running_bot(path) as h:
        h.app.bot_data[RUNTIME_KEY].clock = lambda: now
        [egypt] = await h.say(READER, "ايه اللي حصل في مصر")
        assert "نتائج «مصر»" in egypt.plain_text, egypt.plain_text
        assert "مصر تعلن نتائج الانتخابات" in egypt.plain_text
        # «مين فاز امبارح»: yesterday's news, nothing searched or offered for following
        with Database(path) as database:
            add(database, 900300, "خبر الأمس الكبير", "حدث كبير.",
                days_ago=(NOW - (now - timedelta(hours=18))).total_seconds() / 86400)
            add(database, 900301, "خبر اليوم الجديد", "حدث جديد.",
                days_ago=(NOW - (now - timedelta(hours=1))).total_seconds() / 86400)
        [yesterday] = await h.say(READER, "مين فاز امبارح")
        assert "خبر الأمس الكبير" in yesterday.plain_text, yesterday.plain_text
        assert "خبر اليوم الجديد" not in yesterday.plain_text
        assert "تابع" not in yesterday.plain_text and "فاز امبارح" not in yesterday.plain_text
        await h.say(READER, "/subscribe مين فاز امبارح")
        assert not [s for s in subs.list_subscriptions(h.db, READER) if "فاز" in s.topic]


async def test_the_follow_button_follows_the_topic_shown(tmp_path: Path) -> None:
    """QA33 S6: the 🔔 button under «نتائج «عفرين»» (asked «شو صار بعفرين») followed «بعفرين»."""
    path = sample_db(tmp_path)
    with Database(path) as database:
        for n in range(3):
            add(database, 900400 + n, f"معارك في عفرين رقم {n}", "تتواصل المعارك في عفرين.")
    async with running_bot(path) as h:
        [afrin] = await h.say(READER, "شو صار بعفرين")
        assert "نتائج «عفرين»" in afrin.plain_text, afrin.plain_text
        [done] = await h.click(afrin, "🔔 تابع هذا الموضوع")
        assert "«عفرين»" in done.plain_text, done.plain_text
        assert [s.topic for s in subs.list_subscriptions(h.db, READER)] == ["عفرين"]


def test_a_missing_word_beside_a_found_one_gets_the_phrase_proposed(database: Database) -> None:
    """QA33 S5: «محمد صلا» searched «محمد» alone with no «هل تقصد»."""
    for n in range(6):
        add(database, 500 + n, f"محمد صلاح يسجل هدفا رقم {n}", "سجل محمد صلاح هدفا.")
    add(database, 510, "محمد بن راشد يفتتح معرضا", "افتتح محمد بن راشد المعرض.")
    add(database, 511, "صلة الرحم", "عن صلة الرحم.")
    result = search(database.db, "محمد صلا", limit=5, now=NOW)
    assert result.note == "dropped" and result.suggestions == ("محمد صلاح",)
    assert "محمد صلاح" in (result.message or "")


async def test_following_a_misspelling_proposes_the_name(tmp_path: Path) -> None:
    """QA33 S6: «/subscribe اردغان» followed «اردغان» silently (0 alerts)."""
    path = sample_db(tmp_path)
    with Database(path) as database:
        for n in range(5):
            add(database, 900500 + n, f"أردوغان يتوعد رقم {n}", "قال الرئيس أردوغان إن بلاده سترد.")
    async with running_bot(path) as h:
        [done] = await h.say(READER, "/subscribe اردغان")
        assert "هل تقصد" in done.plain_text, done.plain_text
        [again] = await h.click(done, "🔔 أردوغان")
        assert "«أردوغان»" in again.plain_text, again.plain_text
        [plain] = await h.say(READER, "/subscribe الغوطة")
        assert "هل تقصد" not in plain.plain_text


def test_a_flag_beside_a_word_is_its_country(database: Database) -> None:
    """QA33 S4: «🇪🇬 انتخابات» searched «انتخابات» alone (the flag dropped silently)."""
    from digests.named_questions import reader_topic

    add(database, 600, "انتخابات مصر: تمديد التصويت", "مددت مصر التصويت في الانتخابات.")
    add(database, 601, "انتخابات في ولاية أمريكية", "جرت انتخابات محلية.", days_ago=0.2)
    topic = reader_topic(database.db, "🇪🇬 انتخابات")
    assert topic == "مصر انتخابات"
    assert [h.digest.article_id for h in search(database.db, topic, now=NOW).hits] == [600]
    assert reader_topic(database.db, "🇪🇬") == "مصر"


def test_a_past_event_lists_its_big_story_first(database: Database) -> None:
    """QA33 S3: «الاوسكار» a month on listed later passing items first and the ceremony's
    results, told by three sources, at #7; a topic in the news keeps latest first."""
    for n, source in enumerate(("BBC", "CNN", "RT")):
        add(database, 700 + n, f"أوسكار 2018: الفائزون رقم {n}", "أعلنت جوائز أوسكار.",
            days_ago=20, story_id=70, source=source)
    for n in range(4):
        add(database, 710 + n, f"نجمة الأوسكار تعلن شيئا رقم {n}", "قالت نجمة أوسكار.",
            days_ago=8 + n)
    titles = [h.digest.article_id for h in
              search(database.db, "الاوسكار", limit=5, now=NOW, fold_stories=True).hits]
    assert titles[0] in (700, 701, 702), titles
    # in the news today: latest first, the big story after
    add(database, 720, "الأوسكار تعلن موعدا جديدا", "أعلنت أكاديمية أوسكار.", days_ago=0.5)
    titles = [h.digest.article_id for h in
              search(database.db, "الاوسكار", limit=5, now=NOW, fold_stories=True).hits]
    assert titles[0] == 720, titles
