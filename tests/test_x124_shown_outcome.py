"""X124 (X121's leftovers): a story's same-day update is judged by what the chat was shown, not by
what its sent reports say now.

digests.story_updates.sent_headlines and _new_outcome read a chat's sent reports as stored now.
A site correcting its report in place («مقتل 5» → «ارتفاع الحصيلة إلى 18 قتيلا») rewrites that
stored article; when the chat's «🔄 تعديل» of it was not sent (skipped, expired), the chat never
read 18 — yet another source's «18 قتيلا» of the same story the same day was no new outcome
(the chat «had» 18) and never came. The headline shown is the one digests.earlier_headlines
kept when the correction replaced it; its lead then is not kept, so such a report gives its
shown headline only (as digests.repeats._rising_toll reads it, X121). Invented texts; real
SQLite (digests.new_deliveries → story_updates)."""

from __future__ import annotations

from datetime import datetime

from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, later, rows
from test_x118_toll_repeats import AFRIN, AFRIN_SPLIT, AFRIN_TOLL, _sent

from digests import earlier_headlines, new_deliveries
from digests.models import Article, iso
from digests.storage import Database
from digests.story_updates import sent_headlines


def _enqueue(db: Database, article: Article, now: datetime) -> None:
    with db.transaction() as tx:
        new_deliveries.enqueue_article(tx, article, ctx(now))


def _corrected_after_the_send(db: Database, fix_status: str = "skipped") -> int:
    """Chat 1 (following «سوريا») was sent Afrin's 5 dead (story 14) at minute 1; at minute 30
    the site corrected it in place to 18, and the chat's «🔄 تعديل» row of it ended
    `fix_status` (sent at minute 31 when 'sent'). Returns the Afrin article's id."""
    src = add_source(db, "a")
    add_chat(db, 1, topics=("سوريا",))
    afrin = add_article(db, src, AFRIN[0], body=AFRIN[1], story_id=14, published=NOW)
    _sent(db, 1, afrin.id, 14, 1)
    with db.transaction() as tx:
        tx.execute("update articles set title = ?, headline = ?, body = ? where id = ?",
                   [AFRIN_TOLL[0], AFRIN_TOLL[0], AFRIN_TOLL[1], afrin.id])
        earlier_headlines.record(tx, afrin.id, AFRIN[0], AFRIN_TOLL[0], later(30))
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at, status,"
                   " sent_at) values (1, 14, ?, 'update:fix', ?, ?, ?)",
                   [afrin.id, iso(later(30)), fix_status,
                    iso(later(31)) if fix_status == "sent" else None])
    return afrin.id


def _another_report_of_18(db: Database) -> Article:
    """Another source's report of the story's 18 dead, the same morning (minute 40)."""
    return add_article(db, add_source(db, "b"), AFRIN_SPLIT[0], body=AFRIN_SPLIT[1],
                       story_id=14, published=later(40))


def test_a_toll_the_chat_was_never_shown_comes_as_an_update(database: Database) -> None:
    # failed before: no row (the chat «had» 18 — Afrin's report as stored after the correction)
    _corrected_after_the_send(database)
    report = _another_report_of_18(database)
    _enqueue(database, report, later(41))
    [row] = rows(database, "article_id = ?", [report.id])
    assert row["chat_id"] == 1 and row["status"] == "pending"
    assert str(row["kind"]).startswith("update:")


def test_the_headline_read_is_the_one_shown_at_the_send(database: Database) -> None:
    # failed before: the corrected headline, which the chat never read
    afrin = _corrected_after_the_send(database)
    assert sent_headlines(database.db, 1, 14) == [AFRIN[0]]
    assert sent_headlines(database.db, 1, 14, besides=afrin) == []


def test_once_the_correction_was_sent_the_chat_read_18(database: Database) -> None:
    # the «🔄 تعديل» was sent: the chat read 18, and the same 18 the same day is no update
    _corrected_after_the_send(database, fix_status="sent")
    assert sorted(sent_headlines(database.db, 1, 14)) == sorted([AFRIN[0], AFRIN_TOLL[0]])
    report = _another_report_of_18(database)
    _enqueue(database, report, later(41))
    assert rows(database, "article_id = ? and status = 'pending'", [report.id]) == []
