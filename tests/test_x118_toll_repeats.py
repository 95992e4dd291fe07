"""QA74-15 (X118): a toll update of a chat's own story (Afrin: 5 → 18 dead) is not skipped as a
«repeat» of another story the chat had whose headline shares the toll's words («ارتفاع حصيلة
قصف ريف إدلب إلى 27 قتيلا»); a report repeating another story's own figure still is.
Invented texts; real SQLite (digests.repeats.repeated_chats, repeating_rows)."""

from __future__ import annotations

from datetime import timedelta

from delivery_helpers import NOW, add_article, add_chat, add_source, later
from digests.models import iso
from digests.repeats import Queued, repeated_chats, repeating_rows, report, stored_report
from digests.storage import Database

AFRIN = ("سوريا: مقتل 5 أشخاص في انفجار سيارة مفخخة في عفرين",
         "قتل 5 أشخاص في انفجار سيارة مفخخة وسط مدينة عفرين شمال سوريا، بحسب المرصد السوري.")
AFRIN_TOLL = ("سوريا: ارتفاع حصيلة انفجار عفرين إلى 18 قتيلا",
              "ارتفعت حصيلة انفجار السيارة المفخخة في مدينة عفرين إلى 18 قتيلا، بحسب المرصد"
              " السوري لحقوق الإنسان.")
IDLIB_TOLL = ("سوريا: ارتفاع حصيلة قصف ريف إدلب إلى 27 قتيلا و40 جريحا",
              "ارتفعت حصيلة القصف الجوي على ريف إدلب إلى 27 قتيلا و40 جريحا، بحسب المرصد"
              " السوري لحقوق الإنسان.")
# the same Afrin toll, under a story the index kept apart (one event split in two)
AFRIN_SPLIT = ("ارتفاع حصيلة انفجار السيارة المفخخة في عفرين إلى 18 قتيلا",
               "ارتفعت حصيلة انفجار السيارة المفخخة في مدينة عفرين شمال سوريا إلى 18 قتيلا، وفق"
               " المرصد السوري.")


def _sent(db: Database, chat: int, article_id: int, story: int, minutes: int) -> None:
    with db.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at, status,"
                   " sent_at) values (?, ?, ?, 'instant', ?, 'sent', ?)",
                   [chat, story, article_id, iso(later(minutes)), iso(later(minutes))])


def _setup(db: Database, other: tuple[str, str]) -> int:
    """Chat 1 had Afrin's 5 dead (story 14), then `other` (story 12); returns the toll
    update's article id (story 14)."""
    src = add_source(db, "a")
    add_chat(db, 1, topics=("سوريا",))
    first = add_article(db, src, AFRIN[0], body=AFRIN[1], story_id=14, published=NOW)
    _sent(db, 1, first.id, 14, 1)
    idlib = add_article(db, src, other[0], body=other[1], story_id=12,
                        published=later(20))
    _sent(db, 1, idlib.id, 12, 21)
    return add_article(db, src, AFRIN_TOLL[0], body=AFRIN_TOLL[1], story_id=14,
                       published=later(30)).id


def test_an_own_storys_rising_toll_is_no_repeat_of_another_storys_toll(
        database: Database) -> None:
    update_id = _setup(database, IDLIB_TOLL)
    update = report(*AFRIN_TOLL, later(30))
    assert repeated_chats(database.db, update_id, update, 14, [1], later(40)) == {}
    # at send time too (the QA74 case: the Idlib toll pushed before the update's bundle)
    with database.transaction() as tx:
        row = tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at)"
                         " values (1, 14, ?, 'update:2026-11-29', ?)",
                         [update_id, iso(later(31))]).lastrowid
    assert row is not None
    assert repeating_rows(database.db, [Queued(row, 1, update_id, 14)],
                          later(40)) == []


def test_the_same_figure_under_another_story_is_still_a_repeat(database: Database) -> None:
    update_id = _setup(database, AFRIN_SPLIT)
    update = stored_report(database.db, update_id)
    assert update is not None and update.dead == frozenset({18.0})
    found = repeated_chats(database.db, update_id, update, 14, [1], later(40))
    assert set(found) == {1}


def test_the_window_still_applies(database: Database) -> None:
    update_id = _setup(database, IDLIB_TOLL)
    update = report(*AFRIN_TOLL, later(30))
    assert repeated_chats(database.db, update_id, update, 14, [1],
                          later(40) + timedelta(days=3)) == {}
