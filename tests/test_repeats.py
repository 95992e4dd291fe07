"""digests.repeats and the outbox's updates (QA19 N3): an update that says what the chat was
sent under another story in the last 48 h is recorded skipped, not queued; other chats, other
news and older deliveries keep their update. Invented texts; real SQLite."""

from __future__ import annotations

from datetime import datetime, timedelta

from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, later, rows
from digests import new_deliveries, story_updates
from digests.models import Article, iso
from digests.repeats import REPEAT_WINDOW, report, says_same
from digests.storage import Database

SEOUL = ("إيفانكا ترامب تصل إلى سيول لحضور ختام الأولمبياد الشتوي",
         "وصلت إيفانكا ترامب ابنة الرئيس الأميركي إلى سيول اليوم على رأس وفد أميركي لحضور حفل"
         " ختام الألعاب الأولمبية الشتوية في بيونغ تشانغ. ولن تلتقي أي مسؤول من كوريا الشمالية"
         " خلال زيارتها.")
SEOUL_AGAIN = ("إيفانكا ترامب في سيول على رأس وفد أميركي لختام الأولمبياد",
               "حلت إيفانكا ترامب ابنة الرئيس الأميركي في سيول على رأس وفد رفيع لحضور ختام"
               " الألعاب الأولمبية الشتوية. وقال البيت الأبيض إنها لن تلتقي مسؤولين من كوريا"
               " الشمالية.")
BACK_HOME = ("إيفانكا ترامب تعود إلى واشنطن بعد زيارة كوريا الجنوبية",
             "عادت إيفانكا ترامب إلى واشنطن اليوم بعد زيارة استمرت ثلاثة أيام. وأشادت بالتنظيم"
             " الكوري للألعاب.")
OIL = ("ارتفاع أسعار النفط بفعل تراجع المخزونات الأميركية",
       "ارتفعت أسعار النفط اليوم بعد أن أظهرت بيانات تراجع مخزونات الخام الأميركية أكثر من"
       " المتوقع. وصعد خام برنت إلى 66 دولارا للبرميل.")


def test_says_same_takes_a_rewrite_of_the_event_not_the_next_one_nor_other_news() -> None:
    seoul = report(*SEOUL, NOW)
    assert says_same(seoul, report(*SEOUL_AGAIN, later(60 * 30)))
    assert says_same(report(*SEOUL_AGAIN, later(60 * 30)), seoul)
    assert not says_same(seoul, report(*BACK_HOME, later(60 * 30)))  # the next development
    assert not says_same(seoul, report(*OIL, later(60 * 30)))


def _enqueue(db: Database, article: Article, now: datetime) -> None:
    with db.transaction() as tx:
        new_deliveries.enqueue_article(tx, article, ctx(now))


def _sent(db: Database, chat: int, article: Article, when: datetime) -> None:
    with db.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at, status,"
                   " sent_at) values (?, ?, ?, 'instant', ?, 'sent', ?)",
                   [chat, article.story_id, article.id, iso(when), iso(when)])


def test_an_update_repeating_another_story_the_chat_had_is_skipped(database: Database) -> None:
    """QA19: Ivanka Trump's visit under two stories. Chat 1 was sent both: the next day's
    report of story 20 says what story 10 said — recorded skipped, counted. Chat 2 never had
    story 10: its update comes. Chat 3 had story 10 more than 48 h before: its update comes."""
    src1, src2 = add_source(database, "a"), add_source(database, "b")
    for chat in (1, 2, 3):
        add_chat(database, chat, topics=("إيفانكا",))
    seoul = add_article(database, src1, SEOUL[0], body=SEOUL[1], story_id=10)
    plans = add_article(database, src1, "إيفانكا ترامب تستعد لرحلة آسيوية",
                        body="تستعد إيفانكا ترامب لرحلة إلى آسيا الأسبوع المقبل بحسب البيت"
                             " الأبيض.", story_id=20, published=NOW - timedelta(hours=2))
    _sent(database, 1, seoul, later(60 * 20))
    _sent(database, 3, seoul, NOW - REPEAT_WINDOW)
    for chat in (1, 2, 3):
        _sent(database, chat, plans, NOW)
    again = add_article(database, src2, SEOUL_AGAIN[0], body=SEOUL_AGAIN[1], story_id=20,
                        published=later(60 * 30))
    _enqueue(database, again, later(60 * 30))
    queued = rows(database, "article_id = ?", [again.id])
    assert {(r["chat_id"], r["status"]) for r in queued} == {
        (1, "skipped"), (2, "pending"), (3, "pending")}
    [skipped] = [r for r in queued if r["chat_id"] == 1]
    assert skipped["last_error"] == story_updates.REPEAT_REASON
    assert skipped["kind"].startswith("update:")
    assert story_updates.repeats_skipped(database.db, NOW) == 1
    assert story_updates.repeats_skipped(database.db, later(60 * 31)) == 0
    # the same report again changes nothing; news that is new still comes to chat 1 next day
    _enqueue(database, again, later(60 * 30))
    assert len(rows(database, "article_id = ?", [again.id])) == 3
    home = add_article(database, src2, BACK_HOME[0], body=BACK_HOME[1], story_id=20,
                       published=later(60 * 55))
    _enqueue(database, home, later(60 * 55))
    assert {r["chat_id"] for r in rows(database, "article_id = ? and status = 'pending'",
                                       [home.id])} == {1}


def test_a_report_of_the_same_story_is_never_taken_for_a_repeat(database: Database) -> None:
    """The update's own story (and one merged into it) is what the update updates: the chat
    having its earlier report is why the update comes, not a repeat."""
    src = add_source(database, "a")
    add_chat(database, 1, topics=("إيفانكا",))
    seoul = add_article(database, src, SEOUL[0], body=SEOUL[1], story_id=10)
    _sent(database, 1, seoul, NOW)
    with database.transaction() as tx:
        tx.execute("insert into stories (id, created_at, headline) values (11, ?, 'x')",
                   [iso(NOW)])
        tx.execute("insert into story_merges (merged_id, into_id, merged_at) values (11, 10, ?)",
                   [iso(NOW)])
    merged = add_article(database, src, SEOUL[0], body=SEOUL[1], story_id=11)
    _sent(database, 1, merged, NOW)
    again = add_article(database, src, SEOUL_AGAIN[0], body=SEOUL_AGAIN[1], story_id=10,
                        published=later(60 * 30))
    _enqueue(database, again, later(60 * 30))
    assert [r["status"] for r in rows(database, "article_id = ?", [again.id])] == ["pending"]


def test_the_send_time_check_skips_only_pending_updates_that_now_repeat(
        database: Database) -> None:
    """Brief X27 (digests.repeats.repeating_rows, skip_repeats): a queued update of story 20
    is judged against what the chat was sent under other stories by the time it goes — chat 1
    was sent story 10's report after the update was queued, chat 2 was not; a row no longer
    pending (sent meanwhile) is never rewritten."""
    from digests.repeats import Queued, repeating_rows, skip_repeats

    src1, src2 = add_source(database, "a"), add_source(database, "b")
    for chat in (1, 2):
        add_chat(database, chat, topics=("إيفانكا",))
    seoul = add_article(database, src1, SEOUL[0], body=SEOUL[1], story_id=10)
    again = add_article(database, src2, SEOUL_AGAIN[0], body=SEOUL_AGAIN[1], story_id=20,
                        published=later(60 * 30))
    with database.transaction() as tx:
        for chat in (1, 2):
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at)"
                       " values (?, 20, ?, 'update:2026-11-29', ?)", [chat, again.id, iso(NOW)])
    ids = {r["chat_id"]: int(str(r["id"])) for r in rows(database, "article_id = ?", [again.id])}
    queued = [Queued(ids[c], c, again.id, 20) for c in (1, 2)]
    assert repeating_rows(database.db, queued, later(60 * 40)) == []  # nothing sent yet
    _sent(database, 1, seoul, later(60 * 35))
    assert repeating_rows(database.db, queued, later(60 * 40)) == [ids[1]]
    assert repeating_rows(database.db, queued, later(60 * 35) + REPEAT_WINDOW
                          + timedelta(minutes=1)) == []  # out of the window
    with database.transaction() as tx:
        tx.execute("update outbox set status = 'sent' where id = ?", [ids[2]])
    assert skip_repeats(database, [ids[1], ids[2]]) == 1
    status = {r["chat_id"]: (r["status"], r["last_error"])
              for r in rows(database, "article_id = ?", [again.id])}
    assert status == {1: ("skipped", story_updates.REPEAT_REASON), 2: ("sent", None)}
    assert skip_repeats(database, []) == 0
