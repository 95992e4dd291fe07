"""X101 (session 24): QA68's other search findings.

- QA68-2: colloquial football words («الماتش», «الكورة») are searched as the news's own
  («مباراة», «كرة»): the archive's «ماتش» is the magazine «باريس ماتش», its «الكورة» a town.
- QA68-3: a name's g written «ج» (Egypt) finds the «غ» spelling and back («الروهينجا» /
  «الروهينغا», «جوتيريس» / «غوتيريش»), and «شي جين بينغ» is «شي جينبينغ».
- QA68-4: «يوم الجمعة» alone is Friday's news, as «اخبار يوم الجمعة» (and "Friday", QA68-16).
- QA68-5: a rare phrase widened to all its words lists the articles holding them near one
  another before those holding them paragraphs apart.
Invented articles over a real SQLite file, and the real bot against the Telegram emulator."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from delivery_helpers import add_article, add_source, ctx

from digests.day_words import asked_date
from digests.search import search
from digests.search_index import index_article
from digests.storage import Database

FILLER = " ".join(["وقالت مصادر إن الوضع ما زال على حاله في المنطقة."] * 4)
ARTICLES = {
    "match": ("الأهلي يفوز في مباراة الدوري", "فاز الأهلي في مباراة مثيرة أمس."),
    "magazine": ("ممثلة تتحدث لمجلة فرنسية", "قالت الممثلة لمجلة باريس ماتش إنها سعيدة."),
    "football": ("نجم كرة القدم يعتزل", "أعلن نجم كرة القدم اعتزاله."),
    "town": ("احتجاجات في بلدة الكورة", "تتسع الاحتجاجات في الكورة الإيرانية."),
    "rohingya": ("لاجئو الروهينغا في بنغلاديش", "يعيش لاجئو الروهينغا في المخيمات."),
    "guterres": ("غوتيريش يدعو إلى التهدئة", "دعا الأمين العام غوتيريش إلى التهدئة."),
    "xi": ("شي جينبينغ رئيسا لولاية ثانية", "انتخب البرلمان شي جينبينغ رئيسا."),
    "near": ("تحالفات جديدة في بغداد", "تستعد القوى لخوض الانتخابات المقبلة في العراق."),
    "apart": ("مقابلة مع السفير", f"تحدث السفير عن الانتخابات في بلاده. {FILLER}"
              " وزار بعدها العراق."),
    "phrase": ("الانتخابات العراقية: موعد جديد", "حددت المفوضية موعد الانتخابات العراقية."),
}


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Database, dict[int, str]]:
    db = Database(tmp_path / "n.db")
    source = add_source(db, "news")
    names: dict[int, str] = {}
    for name, (title, body) in ARTICLES.items():
        # the near mention two days older than the one paragraphs apart: latest first alone
        # would list the far one first
        published = datetime.now(UTC) - timedelta(days=3 if name == "near" else 1)
        article = add_article(db, source, title, body=body, published=published)
        with db.transaction() as tx:
            index_article(tx, article, ctx())
        names[article.id] = name
    return db, names


def _found(archive: tuple[Database, dict[int, str]], query: str) -> list[str]:
    db, names = archive
    return [names[h.digest.article_id] for h in search(db.db, query, limit=50).hits
            if h.digest.article_id is not None]


@pytest.mark.parametrize(("query", "wanted"), [
    ("الماتش", ["match"]),
    ("ماتش الاهلي", ["match"]),
    ("اخبار الكورة", ["football"]),
    ("الكوره", ["football"]),
    ("الروهينجا", ["rohingya"]),
    ("جوتيريس", ["guterres"]),
    ("شي جين بينغ", ["xi"]),  # written as one word or two (digests.variants.JOINED)
])
def test_the_word_as_readers_type_it(archive: tuple[Database, dict[int, str]], query: str,
                                     wanted: list[str]) -> None:
    assert _found(archive, query) == wanted


def test_a_widened_phrase_lists_the_words_near_one_another_first(
        archive: tuple[Database, dict[int, str]]) -> None:
    found = _found(archive, "الانتخابات العراقية")
    assert found[0] == "phrase" and found.index("near") < found.index("apart"), found


@pytest.mark.parametrize("typed", ["يوم الجمعة", "Friday", "on Friday"])
def test_a_weekday_alone_asks_for_that_days_news(typed: str) -> None:
    asked = asked_date(typed, date(2018, 4, 1))
    assert asked is not None and asked.news_only and asked.day == date(2018, 3, 30)


@pytest.mark.parametrize("typed", ["يوم الأرض", "صلاة الجمعة", "الجمعة", "Black Friday"])
def test_a_named_day_is_still_a_topic(typed: str) -> None:
    assert asked_date(typed, date(2018, 4, 1)) is None


async def test_the_bot_answers_friday_with_its_news(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = "\n".join(m.plain_text for m in await h.say(READER, "يوم الجمعة"))
        assert "«يوم الجمعة»" not in got and "📰" in got, got  # the day, not a results page
