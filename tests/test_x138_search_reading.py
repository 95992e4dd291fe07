"""X138 (session 27): how the bot reads a search query and answers it (QA78-7 … -19).

QA78-7/-8: «Trump كيم» was told «Trump» is not in the archive, «Trump Kim» searched «ترامب»
alone; both are «ترامب كيم» now (digests.topic_names.names_in / mixed_read,
digests.named_questions.english_read), and «Kim» is «كيم», not «هل تقصد: KIDS» (QA78-19).
QA78-9: a pasted sentence was searched by its first six words and said to hold «all its words»;
it is searched by the rarest words some article holds together, named in the note.
QA78-10: «🔔 تابع» under a page that left a word out followed the text typed; it follows the
header's topic, or is not offered when the left-out word has a «هل تقصد».
QA78-11/-18: one typo in a 2–3-word topic («قمة ترامب كين», «الغوطة الشرقبة») got nothing, or
was searched without the word silently; «هل تقصد» names the topic the archive holds.
QA78-14/-16: «هل تقصد» labels without a proclitic, a slip's fix first; after a typo is
followed, only the names as common as the best are offered to follow.
QA78-15: the order is by calendar day in the reader's zone, the same 20 minutes later.

Real parts: the search over a real SQLite archive (tests/searchkit.py), and the bot against the
Telegram emulator (tests/botkit.py).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import READER, running_bot
from delivery_helpers import add_article, add_source
from searchkit import archive

from bot.answers import followed_topic
from digests import subscriptions
from digests.named_questions import reader_topic
from digests.search import search
from digests.search_order import ranked
from digests.storage import Database
from digests.suggestions import suggest
from digests.topic_names import mixed_read, name_in, names_in


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


SUMMIT = {f"s{i}": (f"قمة ترامب وكيم تقترب {i}",
                    f"قال مسؤولون إن قمة ترامب وكيم جونغ أون تقترب، وإن ترامب وكيم سيلتقيان {i}.")
          for i in range(3)}
TRUMP = {f"t{i}": (f"ترامب يوقع قرارا {i}", f"وقع الرئيس ترامب قرارا جديدا اليوم {i}.")
         for i in range(4)}
KANE = {"kane": ("هاري كين يسجل", "سجل هاري كين هدفين لتوتنهام.")}


def test_english_names_are_each_read() -> None:
    assert names_in("Trump Kim") == ["ترامب", "كيم"]
    assert names_in("Putin Erdogan") == ["بوتين", "أردوغان"]
    assert names_in("trump news") == ["ترامب"] and names_in("سوريا") == []
    assert name_in("Kim") == "كيم"  # was «هل تقصد: KIDS؟» (QA78-19)
    assert name_in("Kim Jong Un") == "كيم جونغ أون"  # the full name still matched whole
    assert mixed_read("Trump كيم") == "ترامب كيم"
    assert mixed_read("ترامب Kim") == "ترامب كيم"
    assert mixed_read("ماكرون Macron") == "ماكرون"  # a name written in Arabic too, once
    assert mixed_read("Trump") is None and mixed_read("غزة") is None
    assert mixed_read("اخبار Zzyzx") is None


def test_two_english_names_and_a_mixed_query_search_both(tmp_path: Path) -> None:
    with Database(tmp_path / "n.db") as db:
        names = archive(db, {**SUMMIT, **TRUMP})
        for typed in ("Trump Kim", "Trump كيم", "ترامب Kim"):
            topic = reader_topic(db.db, typed)
            assert topic == "ترامب كيم", typed
            result = search(db.db, topic)
            assert result.note != "dropped", typed
            assert {names[h.digest.article_id] for h in result.hits
                    if h.digest.article_id} == set(SUMMIT), typed
        # a name alone with no pair in the archive stays one name
        assert reader_topic(db.db, "Trump Zzyzx") == "ترامب"


async def test_the_bot_searches_a_mixed_query_without_a_false_word(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Database(path) as db:
        archive(db, {**SUMMIT, **TRUMP})
    async with running_bot(path) as h:
        [got] = await h.say(READER, "Trump كيم")
        text = _plain(got.plain_text)
    assert "لم أجد «Trump»" not in text, text
    assert "بحثت عن «ترامب كيم»" in text and "قمة ترامب وكيم" in text, text
    assert "ترامب يوقع قرارا" not in text, text


# QA78-9: a sentence whose first words are generic; its rare words are in one article
SENTENCE = ("قال مسؤولون في المنظمة إن الوضع الصحي في المخيمات يزداد سوءا مع انتشار الكوليرا"
            " بين النازحين")
GENERIC = {f"g{i}": (f"تقرير {i}", f"قال مسؤولون في المنظمة إن الوضع الصحي جيد {i}.")
           for i in range(6)}
FIRST_SIX = {"first": ("مسؤولون: الوضع الصحي مستقر", "قال مسؤولون في المنظمة إن الوضع الصحي"
                                                      " في المخيمات مستقر.")}
CHOLERA = {"cholera": ("الكوليرا تنتشر بين النازحين", "يزداد الوضع سوءا مع انتشار الكوليرا بين"
                                                      " النازحين في المخيمات.")}


def test_a_sentence_is_searched_by_its_rarest_words_and_says_them(tmp_path: Path) -> None:
    with Database(tmp_path / "n.db") as db:
        names = archive(db, {**GENERIC, **FIRST_SIX, **CHOLERA})
        result = search(db.db, SENTENCE)
    found = {names[h.digest.article_id] for h in result.hits if h.digest.article_id}
    assert found == {"cholera"}, found  # was «first»: its first six words, «all its words»
    assert result.note == "all" and "الكوليرا" in result.searched, result.searched
    assert result.message is not None and "من كلماتها: «" in result.message, result.message
    assert "كل كلماتها" not in result.message


async def test_the_bot_names_the_words_a_sentence_was_searched_by(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Database(path) as db:
        archive(db, {**GENERIC, **FIRST_SIX, **CHOLERA})
    async with running_bot(path) as h:
        [got] = await h.say(READER, SENTENCE)
        text = _plain(got.plain_text)
    assert "هذه أخبار فيها من كلماتها: «" in text and "«الكوليرا»" in text, text
    assert "كل كلماتها" not in text and "الكوليرا تنتشر" in text, text


def test_the_follow_button_follows_the_header() -> None:
    assert followed_topic("الغوطة كككك", "dropped", ("كككك",), False) == "الغوطة"
    assert followed_topic("محمد صلا", "dropped", ("صلا",), True) is None
    assert followed_topic("شو صار بعفرين", None, (), False) == "عفرين"


SALAH = {f"m{i}": (f"محمد صلاح يسجل {i}", f"سجل محمد صلاح هدفا لليفربول {i}.") for i in range(4)}


async def test_the_bot_follows_what_the_page_shows(tmp_path: Path) -> None:
    """QA78-10: «رئيس الوزرا» was headed «رئيس» and «🔔 تابع» followed «رئيس الوزرا»."""
    path = tmp_path / "n.db"
    with Database(path) as db:
        archive(db, SALAH)
    async with running_bot(path) as h:
        [got] = await h.say(READER, "ليفربول زقزقزق")
        assert "لم أجد «زقزقزق»" in _plain(got.plain_text), got.plain_text
        follow = [b for b in got.button_texts() if "تابع" in b]
        assert follow, got.button_texts()
        await h.click(got, follow[0])
        assert [s.topic for s in subscriptions.list_subscriptions(h.db, READER)] == ["ليفربول"]
        # a left-out word with a «هل تقصد»: the reader picks it first, no follow of «محمد»
        [got] = await h.say(READER + 1, "محمد صلا")
        assert "محمد صلاح" in got.button_texts(), got.button_texts()
        assert not [b for b in got.button_texts() if "تابع" in b], got.button_texts()


def test_a_typo_in_a_held_word_gets_the_topic_the_archive_holds(tmp_path: Path) -> None:
    with Database(tmp_path / "n.db") as db:
        archive(db, {**SUMMIT, **TRUMP, **KANE})
        result = search(db.db, "قمة ترامب كين")
    assert result.hits == () and "قمة ترامب كيم" in result.suggestions, result.suggestions


GHOUTA = {f"gh{i}": (f"قصف على الغوطة الشرقية {i}", f"تعرضت الغوطة الشرقية لقصف عنيف {i}.")
          for i in range(6)}


def test_a_typo_in_a_second_word_is_not_dropped_silently(tmp_path: Path) -> None:
    """QA78-18: «الغوطة الشرقبة» was read as a sentence about «الغوطة», searched without a
    word said."""
    with Database(tmp_path / "n.db") as db:
        archive(db, GHOUTA)
        assert reader_topic(db.db, "الغوطة الشرقبة") == "الغوطة الشرقبة"
        result = search(db.db, "الغوطة الشرقبة")
    assert result.note == "dropped" and result.dropped == ("الشرقبة",), result
    assert result.suggestions == ("الغوطة الشرقية",), result.suggestions


async def test_a_typo_in_a_topic_offers_the_topic_in_the_chat(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Database(path) as db:
        archive(db, {**SUMMIT, **TRUMP, **KANE})
    async with running_bot(path) as h:
        [got] = await h.say(READER, "قمة ترامب كين")
        assert "قمة ترامب كيم" in got.button_texts(), got.button_texts()
        [found] = await h.click(got, "قمة ترامب كيم")
        assert "قمة ترامب وكيم" in found.plain_text, found.plain_text


def test_did_you_mean_reads_as_a_topic(tmp_path: Path) -> None:
    """QA78-14: «السعودبة» → «هل تقصد: والسعودية»; «سيناا» → «السينما» before «سيناء»."""
    with Database(tmp_path / "n.db") as db:
        archive(db, {**{f"sa{i}": (f"السعودية تعلن {i}", f"أعلنت السعودية اليوم {i}.")
                        for i in range(3)},
                     "and": ("قمة بين مصر والسعودية", "اجتمع قادة مصر والسعودية.")})
        assert suggest(db.db, "السعودبة") == ["السعودية"]
    with Database(tmp_path / "m.db") as db:
        archive(db, {**{f"c{i}": (f"مهرجان السينما {i}", f"افتتح مهرجان السينما {i}.")
                        for i in range(5)},
                     **{f"n{i}": (f"هجوم في سيناء {i}", f"وقع هجوم في شمال سيناء {i}.")
                        for i in range(2)}})
        assert suggest(db.db, "سيناا")[0] == "سيناء"


async def test_following_a_typo_offers_only_the_name(tmp_path: Path) -> None:
    """QA78-16: after «ترانب» was followed, «🔔 تراقب» and «🔔 تراب» were offered too."""
    path = tmp_path / "n.db"
    with Database(path) as db:
        archive(db, {**{f"t{i}": (f"ترامب يقرر {i}", f"قرر ترامب اليوم {i}.") for i in range(20)},
                     "dust": ("عاصفة تراب", "غطى تراب كثيف المدينة."),
                     "watch": ("الشرطة تراقب", "قالت إن الشرطة تراقب الوضع.")})
    async with running_bot(path) as h:
        [got] = await h.say(READER, "/subscribe ترانب")
    assert got.button_texts() == ["🔔 ترامب"], got.button_texts()


def test_the_order_is_by_calendar_day_and_stable(tmp_path: Path) -> None:
    """QA78-15: spans of 24 hours counted back from now listed 31, 31, 1 April, 31 March, and
    the same query 20 minutes later in another order. Four matches of one tier, scored: the
    order is by calendar day in UTC+3 (31 March begins at 21:00 UTC on the 30th), the day's
    by score (today's newest first), whatever the hour of the search."""
    now = datetime(2018, 3, 31, 12, 0, tzinfo=UTC)
    with Database(tmp_path / "n.db") as db:
        source = add_source(db, "news")
        when = {31: datetime(2018, 3, 31, 6, 0, tzinfo=UTC), 302: datetime(2018, 3, 30, 13, 0,
                tzinfo=UTC), 301: datetime(2018, 3, 30, 11, 0, tzinfo=UTC),
                29: datetime(2018, 3, 29, 20, 30, tzinfo=UTC)}
        score = {31: 3.0, 302: 2.0, 301: 1.0, 29: 5.0}
        day = {}
        cands: list[tuple[int, float, int | None]] = []
        for name, published in when.items():
            article = add_article(db, source, f"الغوطة {name}", published=published)
            day[article.id] = name
            cands.append((article.id, score[name], None))
        orders = [[day[c[0]] for c in ranked(db.db, cands, None, 10, now + timedelta(minutes=m))]
                  for m in (0, 20, 120)]
    assert orders[0] == [31, 302, 301, 29], orders  # was 31, 30, 29, 30
    assert orders[0] == orders[1] == orders[2], orders


def test_a_date_alone_is_a_day_beside_its_phrase() -> None:
    """QA78-19: «٢٠ مارس» alone was only a phrase; «أخبار ٢٠ مارس» that day's news."""
    from datetime import date

    from digests.day_words import date_alone

    today = date(2018, 3, 31)
    assert date_alone("٢٠ مارس", today) == date(2018, 3, 20)
    assert date_alone("20 March", today) == date(2018, 3, 20)
    assert date_alone("١٤ آذار", today) == date(2018, 3, 14)  # searched as the name too
    for text in ("سوريا ٢٠ مارس", "أخبار ٢٠ مارس", "قوى ١٤ آذار", "الغوطة", "20"):
        assert date_alone(text, today) is None, text


async def test_the_bot_offers_the_news_of_a_date_typed_alone(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    with Database(path) as db:
        archive(db, {"meet": ("ولي العهد يلتقي ترامب في 20 مارس", "يلتقي ولي العهد ترامب في 20"
                                                                 " مارس في واشنطن.")})
    async with running_bot(path) as h:
        [got] = await h.say(READER, "20 مارس")
        offers = [b for b in got.button_texts() if b.startswith("📅 أخبار يوم ٢٠ مارس")]
        assert offers and "ولي العهد يلتقي ترامب" in got.plain_text, got.button_texts()
        [day] = await h.click(got, offers[0])
        assert "٢٠ مارس" in day.plain_text, day.plain_text  # that day's news, as «أخبار ٢٠ مارس»
        assert "نتائج" not in day.plain_text, day.plain_text
