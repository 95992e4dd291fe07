"""REV (session 24) #3: `earlier_headlines.read_before` compared a correction's time with the
send's, both stored to the second, with «>»: a correction in the same second as the send was
taken for one the chat had already read, and its «🔄 تعديل» showed no «كان». Real SQLite."""

from __future__ import annotations

from datetime import datetime, timedelta

from delivery_helpers import NOW, add_article, add_chat, add_source

from digests import earlier_headlines
from digests.models import iso
from digests.storage import Database

OLD = "مقتل 10 أشخاص في انفجار بالعاصمة"
NEW = "مقتل 17 شخصا في انفجار بالعاصمة"


def _sent_then_corrected(database: Database, sent: datetime, corrected: datetime) -> int:
    """The chat sent the article (OLD) at `sent`; the site corrects it to NEW at `corrected`,
    which queues the chat's «🔄» row. Returns that row's id."""
    add_chat(database, 1)
    article = add_article(database, add_source(database, "سكاي"), OLD, story_id=1)
    with database.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status, created_at,"
                   " sent_at) values (1, 1, ?, 'instant', 'sent', ?, ?)",
                   [article.id, iso(sent), iso(sent)])
        tx.execute("update articles set headline = ?, title = ? where id = ?",
                   [NEW, NEW, article.id])
        earlier_headlines.record(tx, article.id, OLD, NEW, corrected)
        row = tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at)"
                         " values (1, 1, ?, 'update:fix:x', ?)", [article.id, iso(corrected)])
    return int(row.lastrowid or 0)


def test_a_correction_in_the_second_of_the_send_is_what_the_chat_read(database: Database
                                                                       ) -> None:
    sent = NOW.replace(microsecond=200_000)
    row = _sent_then_corrected(database, sent, sent + timedelta(milliseconds=500))
    assert list(earlier_headlines.read_before(database.db, [row]).values()) == [OLD]


def test_a_correction_a_second_later_too(database: Database) -> None:
    row = _sent_then_corrected(database, NOW, NOW + timedelta(seconds=1))
    assert list(earlier_headlines.read_before(database.db, [row]).values()) == [OLD]


def test_a_headline_replaced_before_the_send_was_not_read(database: Database) -> None:
    row = _sent_then_corrected(database, NOW, NOW - timedelta(seconds=1))
    assert earlier_headlines.read_before(database.db, [row]) == {}
