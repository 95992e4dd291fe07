"""QA72-6: /stats counts what is due in messages (one a chat), the rows beside them, and while
they go out a rate and the time left — «مستحقة الآن: ٥٩٧٬٢٥٦» counted rows while 13,000 daily
digests were owed, and nothing told a 1–2 h broadcast apart from a minute's."""

from __future__ import annotations

from datetime import timedelta

from delivery_helpers import NOW, add_article, add_chat, add_source
from bot.i18n import t
from bot.stats_queue import rate_line
from digests import outbox_upkeep
from digests.models import iso
from digests.storage import Database


def _queue(db: Database) -> None:
    src = add_source(db, "a")
    arts = [add_article(db, src, f"خبر {n}", story_id=n) for n in range(1, 4)]
    for chat in range(100, 160):
        add_chat(db, chat)
    with db.transaction() as tx:
        for chat in range(100, 140):  # 40 chats due, 3 stories each: 40 messages, 120 rows
            for art in arts:
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at)"
                           " values (?, ?, ?, 'daily:x', ?)", [chat, art.story_id, art.id,
                                                               iso(NOW)])
        for chat in range(140, 160):  # 20 chats sent in the last 10 minutes
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status,"
                       " created_at, sent_at) values (?, 1, ?, 'daily:x', 'sent', ?, ?)",
                       [chat, arts[0].id, iso(NOW), iso(NOW - timedelta(minutes=3))])


def test_due_messages_rate_and_time_left(database: Database) -> None:
    """X125 (QA75-2): the 20 chats went over 3 minutes of steady sending (one every 9 s), so 40
    due at that rate (20 in 180 s: 6.7 a minute) is 6 minutes — not 20 over the whole 10-minute window (before: «٢ في
    الدقيقة (آخر ١٠ دقائق)؛ يبقى نحو ٢٠ دقيقة»)."""
    _queue(database)
    with database.transaction() as tx:  # spread the 20 sends over the 3 minutes before now
        for n, chat in enumerate(range(140, 160)):
            tx.execute("update outbox set sent_at = ? where chat_id = ?",
                       [iso(NOW - timedelta(seconds=180 - 9 * n)), chat])
    queue = outbox_upkeep.queue_stats(database, NOW)
    assert (queue.due, queue.due_chats, queue.chats_sent_recently) == (120, 40, 20)
    times = [NOW - timedelta(seconds=180 - 9 * n) for n in range(20)]
    ar = (rate_line(queue, times, NOW, "ar") or "").replace("\u200f", "")
    assert ar == "• يُرسل نحو ٧ في الدقيقة (قيس على ٣ دقائق من الإرسال)؛ يبقى نحو ٦ دقائق", ar
    assert rate_line(queue, times, NOW, "en") == \
        "• Sending about 7 a minute (measured over 3 min of sending); about 6 min left"


def test_the_due_line_says_messages_then_rows() -> None:
    from bot.i18n import amount

    ar = t("stats_queue", "ar", due_messages=amount(40, "ar", "message"),
           due_rows=amount(120, "ar", "article"), sending="٠")
    assert ar == "• مستحقة الآن: ٤٠ رسالة (فيها ١٢٠ خبرًا)، قيد الإرسال: ٠", ar
    en = t("stats_queue", "en", due_messages=amount(40, "en", "message"),
           due_rows="120 stories", sending="0")
    assert en == "• Due now: 40 messages (120 stories in them), being sent: 0", en


def test_no_rate_line_when_nothing_went_lately(database: Database) -> None:
    queue = outbox_upkeep.queue_stats(database, NOW)
    assert rate_line(queue, [], NOW, "ar") is None
