"""X141 (QA79-4, QA79-5): a story's face shows its outcome; a followed topic's alert quotes
the news.

QA79-4: Afrin's fall reached a reader under the older «… تتوغل في مدينة عفرين» (the advance)
though «… تسيطر بالكامل على مدينة عفرين» (full control) was in the story: the two headlines
tied on the face score, the queued report stays on a tie, and the «outcome» rule
(digests.story_outcomes.new_outcome) knew results of matches, firings and tolls, not a capture.
Full control of a place is now an outcome: the face of an instant alert and of a daily digest,
and a same-day «🔄 تحديث» for a chat that was sent the advance.

QA79-5: a «عفرين» follower's alert quoted the first quote naming «عفرين» — a side pledge — not
the key quote the digest leads with. A story whose headline names the followed topic now shows
its key quote (the first of the story's); a quote naming the topic only for a story that came
for a mention in its body (QA21 R1), none when no quote is of the story (QA46 G9).

Invented headlines, leads and quotes («تل الورد» is no real town); real SQLite, the real
enqueue path, sender and renderer against the Telegram emulator.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from bot.origins import bundle_topics
from bot.story_quotes import key_quote
from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests.models import Digest, Quote
from digests.new_deliveries import enqueue_article
from digests.records import quotes_to_json
from digests.storage import Database
from digests.story_face import face_index, faces
from digests.story_outcomes import full_control, new_outcome
from test_x42_delivery import make_sender, queue

TOWN = "تل الورد"
ADVANCE = "قوات الجيش والفصائل الحليفة تتوغل في مدينة تل الورد الشمالية"
ENTRY = "شاهد.. مقاتلون من الفصائل يدخلون تل الورد"
FULL = "قوات الجيش والفصائل الحليفة تسيطر بالكامل على مدينة تل الورد الشمالية"
ANNOUNCED = 'الرئيس يعلن "السيطرة الكاملة" على وسط مدينة تل الورد'


# --- QA79-4: full control is an outcome -----------------------------------------------------

def test_full_control_of_a_place_is_an_outcome() -> None:
    for told in (FULL, ANNOUNCED, "الجيش يعلن سيطرته على كامل منطقة تل الورد",
                 "القوات الحكومية تستعيد السيطرة الكاملة على البلدة",
                 "قائد ميداني: سيطرنا بالكامل على تل الورد"):
        assert full_control(told), told
    for not_told in (ADVANCE, ENTRY, "القوات تسيطر على وسط مدينة تل الورد",
                     "الجيش يأمل في حصار تل الورد بالكامل الليلة",  # a wish, no control
                     "الجيش يسعى للسيطرة الكاملة على تل الورد",  # a purpose
                     "هل يسيطر الجيش بالكامل على تل الورد؟",  # a question
                     "قد تسيطر القوات بالكامل على تل الورد خلال ساعات",  # a hedge
                     "إخلاء جنوب البلدة بالكامل.. وعمليات عسكرية بمحيطها"):  # no control word
        assert not full_control(not_told), not_told
    # after the advance or the entry: the outcome; after control told already or a fall: not
    assert new_outcome([ADVANCE], FULL) and new_outcome([ADVANCE, ENTRY], ANNOUNCED)
    assert new_outcome(["الجيش يسيطر على 60٪ من تل الورد"], FULL)  # partial → full
    assert not new_outcome([ANNOUNCED], FULL) and not new_outcome([FULL], FULL)
    assert not new_outcome(["حداد في الإقليم بعد سقوط تل الورد"], FULL)
    # control alone after an entry stays no outcome (X63: a third source's retelling)
    assert not new_outcome([ADVANCE, ENTRY], "القوات تسيطر على وسط مدينة تل الورد")


def test_the_advance_and_full_control_tie_so_the_outcome_rule_decides() -> None:
    """Why the face stayed: the two headlines share as much with the others; on a tie the
    queued report stays (face_index's `current`)."""
    heads = [ADVANCE, ANNOUNCED, ENTRY, FULL]
    assert face_index(heads, 0) == 0  # the queued advance, before the outcome rule
    assert face_index(heads, 0, eligible=[1, 3]) == 3  # among the reports telling the outcome


def _afrin_like(database: Database) -> tuple[int, ...]:
    """Story 79: the advance (07:00), the announcement (08:00), the entry (10:00), full control
    (14:00), each from its own site; returns their article ids."""
    out = []
    for n, (title, hour) in enumerate(((ADVANCE, 7), (ANNOUNCED, 8), (ENTRY, 10), (FULL, 14))):
        out.append(add_article(database, add_source(database, f"موقع {n}"), title, story_id=79,
                               body=f"{title}. وقال مراسلنا إن الوضع يتغير بسرعة.",
                               published=NOW.replace(hour=hour) - timedelta(days=1)).id)
    return tuple(out)


def test_the_face_of_the_queued_advance_is_full_control(database: Database) -> None:
    advance, _announced, _entry, full = _afrin_like(database)
    # failed before: {79: advance}
    assert faces(database.db, [79], current={79: advance}) == {79: full}
    assert faces(database.db, [79]) == {79: full}  # /digest (no queued report): as before


async def test_an_instant_alert_shows_the_outcome_as_the_face(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 1, topics=(TOWN,))
    advance, *_rest = _afrin_like(database)
    queue(database, 1, next(a for a in _articles(database) if a.id == advance))
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    assert FULL in message.plain_text and ADVANCE not in message.plain_text  # failed before


async def test_a_daily_digest_shows_the_outcome_as_the_face(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 1, topics=(TOWN,), mode="daily")
    add_chat(database, 2, topics=(TOWN,), mode="daily", language="en")
    advance, *_rest = _afrin_like(database)
    for chat in (1, 2):
        queue(database, chat, next(a for a in _articles(database) if a.id == advance),
              kind="daily:2026-11-29")
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: NOW)
    await sender.drain(timeout=20)  # type: ignore[attr-defined]
    for chat in (1, 2):
        [message] = emu.messages(chat)
        assert FULL in message.plain_text and ADVANCE not in message.plain_text, chat


async def test_a_chat_sent_the_advance_gets_full_control_as_an_update(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 1, topics=(TOWN,))
    first = add_article(database, add_source(database, "أ"), ADVANCE, story_id=80,
                        body=f"{ADVANCE}. وقال مراسلنا إن الاشتباكات مستمرة.",
                        published=NOW - timedelta(hours=6))
    with database.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at, status,"
                   " sent_at) values (1, 80, ?, 'instant', ?, 'sent', ?)",
                   [first.id, (NOW - timedelta(hours=6)).isoformat(),
                    (NOW - timedelta(hours=6)).isoformat()])
    full = add_article(database, add_source(database, "ب"), FULL, story_id=80,
                       body=f"{FULL}. وأعلن الرئيس انتهاء العملية في المدينة.",
                       published=NOW - timedelta(minutes=5))
    with database.transaction() as tx:
        enqueue_article(tx, full, ctx(NOW))
    [row] = rows(database, "article_id = ?", [full.id])  # failed before: no row
    assert str(row["kind"]).startswith("update:") and row["status"] == "pending"
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    assert "🔄 تحديث" in message.plain_text and FULL in message.plain_text


def _articles(database: Database) -> list:  # type: ignore[type-arg]
    from digests.records import ARTICLE_SELECT, article_from_row

    return [article_from_row(r) for r in database.db.query(f"{ARTICLE_SELECT} order by id")]


# --- QA79-5: a followed topic's alert quotes the news ---------------------------------------

KEY = Quote("نهب المتاجر والمقار الحكومية جرى في وضح النهار أمام الأهالي", "مرصد حقوقي")
SIDE = Quote(f"سنجعل {TOWN} كابوسا دائما للقوات المهاجمة", "قادة محليون")
OFF = Quote("أسعار الوقود سترتفع الشهر المقبل", "وزير الطاقة")
LOOTING = f"عمليات نهب في {TOWN} على أيدي مسلحين بعد دخول الفصائل"


def _digest(headline: str, *quotes: Quote) -> Digest:
    return Digest(url="https://news.example/x", source="س", headline=headline, quotes=quotes)


def test_news_of_the_topic_shows_its_key_quote() -> None:
    # failed before: 1 (the side pledge, the first quote naming «تل الورد»)
    assert key_quote(_digest(LOOTING, KEY, SIDE), "ar", [TOWN]) == 0
    assert key_quote(_digest(LOOTING, KEY, SIDE), "ar", [""]) == 0  # the general digest
    # the key quote off the story (no word of the headline, no topic): the one naming it
    assert key_quote(_digest(LOOTING, OFF, SIDE), "ar", [TOWN]) == 1
    # none of the story: no quote (QA46 G9)
    assert key_quote(_digest(LOOTING, OFF), "ar", [TOWN]) is None
    # a story that came for a mention in its body: the quote naming the topic (QA21 R1)
    review = _digest("قراءة في الصحف: أزمة الوقود وتحالفات المنطقة", OFF, SIDE)
    assert key_quote(review, "ar", [TOWN]) == 1 and key_quote(review, "ar", [""]) == 0
    assert key_quote(review, "en", [TOWN]) == 1  # English lines choose the same


async def test_a_followed_topics_alert_quotes_the_key_quote(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 1, topics=(TOWN,))
    add_chat(database, 2, topics=("",))
    add_chat(database, 3, topics=(TOWN,), language="en")
    article = add_article(database, add_source(database, "مصدر"), LOOTING, story_id=81,
                          body=f"{LOOTING}. وأفاد مرصد حقوقي بأن النهب طال المتاجر.")
    database.db.execute("update articles set quotes_json = ?, digested_at = fetched_at"
                        " where id = ?", [quotes_to_json([KEY, SIDE]), article.id])
    for chat in (1, 2, 3):
        queue(database, chat, article)
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: NOW)
    await sender.drain(timeout=20)  # type: ignore[attr-defined]
    for chat in (1, 2, 3):
        [message] = emu.messages(chat)
        text = message.plain_text
        # failed before for chats 1 and 3: the side pledge
        assert KEY.text in text and SIDE.text not in text, chat
