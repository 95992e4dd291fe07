"""X60 (QA41 T3): the same-day «🔄 تحديث» rule (digests.story_outcomes) knew «يتأهل» and «يقصي»
but not «يطيح», «يتغلب», «يعبر», «خروج» nor a toll told as «مقتل 64»: a «ريال مدريد» follower
whose result report was «الريال يطيح بباريس» got nothing. And it took a pre-match promise
(«زيدان: سنلعب للفوز») for a result. Invented headlines; the delivery through the real enqueue
path, the real sender and renderer against the emulator (quiet hours off, as test_x52_outcome)."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests.new_deliveries import enqueue_article
from digests.storage import Database
from digests.story_outcomes import may_give_outcome, new_outcome
from test_x42_delivery import make_sender

PREVIEW = "الزمالك يستعد لمواجهة صعبة أمام الأهلي في القمة"
LEAD = "يلتقي الزمالك والأهلي مساء اليوم في قمة الدوري."


def test_the_missed_result_words_are_outcomes() -> None:
    for headline in ("الأهلي يطيح بالزمالك من الكأس", "الأهلي يتغلب على الزمالك",
                     "الأهلي يعبر الزمالك إلى النهائي", "خروج الزمالك من كأس مصر",
                     "تغلبت السيدات على المنتخب الضيف"):
        assert new_outcome([PREVIEW], headline), headline
    assert new_outcome(["12 قتيلا في انهيار مبنى بالإسكندرية"],
                       "مقتل 19 في انهيار مبنى بالإسكندرية")  # a toll that changed
    assert not new_outcome(["انهيار مبنى بالإسكندرية"],
                           "انهيار مبنى بالإسكندرية عبر 3 طوابق")  # «عبر» = via; no toll


def test_a_promise_or_a_purpose_is_no_result() -> None:
    for headline in ("مدرب الأهلي: سنلعب للفوز أمام الزمالك", "قائد الزمالك: سنفوز الليلة",
                     "الأهلي يسعى للفوز على الزمالك", "مدرب الزمالك: «لن نخسر القمة»",
                     "مهاجم الأهلي: سأتغلب على الإصابة"):
        assert not new_outcome([PREVIEW], headline), headline
        assert not may_give_outcome(headline), headline
    # a result once the promise was sent: the promise gave none
    assert new_outcome(["مدرب الأهلي: سنلعب للفوز أمام الزمالك"], "الأهلي يهزم الزمالك")
    # a quote that is no promise keeps its result
    assert new_outcome([PREVIEW], "مدرب الزمالك: خسارة القمة مؤلمة")


def test_a_question_or_a_result_told_as_who_went_through_is_no_new_result() -> None:
    assert not new_outcome([PREVIEW], "هل يطيح الأهلي بالزمالك الليلة؟")
    assert not new_outcome(["الرئيس يقيل وزير المالية"], "ما الأسباب التي أطاحت بوزير المالية؟")
    # «إلى ربع النهائي» gave the result: the same result in other words is no update
    assert not new_outcome(["الأهلي إلى نصف نهائي الكأس"], "الأهلي يتأهل على حساب الزمالك")
    assert not new_outcome(["الأهلي لربع النهائي بعد ليلة مثيرة"], "الأهلي يكتسح الزمالك")
    assert new_outcome(["الطريق إلى القمة يمر بالقاهرة"], "الأهلي يكتسح الزمالك")


def test_the_new_words_keep_their_other_senses_apart() -> None:
    # «تعبر عن» = expresses; «الخروج الآمن» of fighters; «تطيح» after a resignation told
    assert not new_outcome(["الكويت تدين إطلاق الصواريخ"],
                           "الكويت تدين إطلاق الصواريخ: تعبر عن تعنت المهاجمين")
    assert not new_outcome(["عرض بإخراج المسلحين من المدينة"],
                           "الحكومة تعرض الخروج الآمن على المسلحين")
    assert not new_outcome(["استقالة وزير النقل بعد الفضيحة"], "فضيحة تطيح بوزير النقل")
    # «يقود … لفوز» is a result, where «يسعى للفوز» is not
    assert new_outcome([PREVIEW], "صالح يقود الأهلي لفوز صعب على الزمالك")


async def test_the_follower_gets_the_result_told_with_a_missed_word(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 1, topics=("الزمالك",))
    one, two, three = (add_source(database, n) for n in ("مصدر أ", "مصدر ب", "مصدر ج"))
    preview = add_article(database, one, PREVIEW, story_id=41, body=LEAD,
                          published=NOW - timedelta(hours=8))
    enqueue_article(database.db, preview, ctx(NOW - timedelta(hours=8)))
    [first] = rows(database)
    database.db.execute("update outbox set status = 'sent', sent_at = ? where id = ?",
                        [(NOW - timedelta(hours=8)).isoformat(), first["id"]])
    promise = add_article(database, two, "مدرب الزمالك: سنلعب للفوز أمام الأهلي", story_id=41,
                          body=LEAD, published=NOW - timedelta(hours=3))
    enqueue_article(database.db, promise, ctx(NOW - timedelta(hours=3)))
    assert len(rows(database)) == 1  # a promise before the match: nothing
    result = add_article(database, three, "الأهلي يطيح بالزمالك من الكأس", story_id=41,
                         body="أطاح الأهلي بالزمالك من كأس مصر الليلة.",
                         published=NOW - timedelta(minutes=5))
    enqueue_article(database.db, result, ctx(NOW))
    [_, update] = rows(database)
    assert update["article_id"] == result.id and str(update["kind"]).startswith("update:")
    sender = make_sender(database, bot, render=None, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    assert "🔄 تحديث" in message.plain_text and "يطيح" in message.plain_text
