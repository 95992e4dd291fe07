"""X121 (brief item 2): a chat's own toll is what it was shown, not what its sent rows' articles
say now.

digests.repeats._rising_toll (X118, QA74-15) read the toll a chat had of its own story from its
sent rows' articles as stored now. A site correcting its report in place («مقتل 5» → «ارتفاع
الحصيلة إلى 18 قتيلا») rewrites that stored article before the correction is queued, so the
chat seemed to have read 18 already: the correction's own «🔄 تعديل» — the only way the chat
learns of 18 — was recorded skipped as a repeat of another story's toll (Idlib's 27). The
headline shown is the one digests.earlier_headlines kept when the correction replaced it; the
lead read then is not kept, so a report corrected after the chat's send gives its shown
headline only. Rows queued but not sent (pending, skipped, expired) were never read (status
'sent' only). Invented texts; real SQLite."""

from __future__ import annotations

from delivery_helpers import NOW, add_article, add_chat, add_source, later
from test_x118_toll_repeats import AFRIN, AFRIN_TOLL, IDLIB_TOLL, _sent

from digests import earlier_headlines
from digests.correction_updates import queue_corrections
from digests.models import iso
from digests.records import ARTICLE_SELECT, article_from_row
from digests.repeats import repeated_chats, report
from digests.storage import Database
from digests.story_updates import REPEAT_REASON


def _corrected_in_place(db: Database, article_id: int, minutes: int) -> None:
    """The site rewrites Afrin's report with the new toll (digests.article_updates: the text
    stored over the old, the replaced headline kept)."""
    with db.transaction() as tx:
        tx.execute("update articles set title = ?, headline = ?, body = ? where id = ?",
                   [AFRIN_TOLL[0], AFRIN_TOLL[0], AFRIN_TOLL[1], article_id])
        earlier_headlines.record(tx, article_id, AFRIN[0], AFRIN_TOLL[0], later(minutes))


def _setup(db: Database) -> int:
    """Chat 1 read Afrin's 5 dead (story 14), then Idlib's 27 (story 12); Afrin's report is then
    corrected in place to 18. Returns the Afrin article's id."""
    src = add_source(db, "a")
    add_chat(db, 1, topics=("سوريا",))
    afrin = add_article(db, src, AFRIN[0], body=AFRIN[1], story_id=14, published=NOW)
    _sent(db, 1, afrin.id, 14, 1)
    idlib = add_article(db, src, IDLIB_TOLL[0], body=IDLIB_TOLL[1], story_id=12,
                        published=later(20))
    _sent(db, 1, idlib.id, 12, 21)
    _corrected_in_place(db, afrin.id, 30)
    return afrin.id


def test_a_correction_raising_the_toll_the_chat_read_is_no_repeat(database: Database) -> None:
    # failed before: the correction row was recorded skipped as a repeat of Idlib's 27 (the
    # chat «had» 18: Afrin's stored headline after the correction)
    afrin = _setup(database)
    with database.transaction() as tx:
        article = article_from_row(next(iter(tx.query(
            f"{ARTICLE_SELECT} where articles.id = ?", [afrin]))))
        queued = queue_corrections(tx, article, AFRIN[0], AFRIN_TOLL[0], later(30))
    rows = database.db.execute(
        "select status, last_error from outbox where article_id = ? and kind != 'instant'",
        [afrin]).fetchall()
    assert REPEAT_REASON not in {r[1] for r in rows}
    assert queued == 1 and [r[0] for r in rows] == ["pending"]


def test_what_the_chat_read_after_the_correction_counts(database: Database) -> None:
    # once the corrected report was sent to the chat (its «🔄 تعديل»), the chat read 18: the
    # same 18 from a report of another story is the repeat it was
    afrin = _setup(database)
    with database.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at, status,"
                   " sent_at) values (1, 14, ?, 'update:fix', ?, 'sent', ?)",
                   [afrin, iso(later(31)), iso(later(31))])
    src = add_source(database, "b")
    split = add_article(database, src, AFRIN_TOLL[0], body=AFRIN_TOLL[1], story_id=16,
                        published=later(40))
    update = report(*AFRIN_TOLL, later(40))
    # another story's report of the same 18 (story 16): a repeat of what the chat read
    assert repeated_chats(database.db, split.id, update, 16, [1], later(41)) == {1: afrin}


def test_rows_never_sent_give_no_toll_the_chat_read(database: Database) -> None:
    # a higher toll queued for the chat but skipped, expired or still waiting for the daily
    # digest was never read: Afrin's later 18 is still news beside Idlib's 27
    src = add_source(database, "a")
    add_chat(database, 1, topics=("سوريا",))
    afrin = add_article(database, src, AFRIN[0], body=AFRIN[1], story_id=14, published=NOW)
    _sent(database, 1, afrin.id, 14, 1)
    other = add_article(database, src, AFRIN_TOLL[0], body=AFRIN_TOLL[1], story_id=14,
                        published=later(5))
    with database.transaction() as tx:
        for status in ("skipped", "pending", "failed"):
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                       " status) values (1, 14, ?, ?, ?, ?)",
                       [other.id, f"update:{status}", iso(later(6)), status])
    idlib = add_article(database, src, IDLIB_TOLL[0], body=IDLIB_TOLL[1], story_id=12,
                        published=later(20))
    _sent(database, 1, idlib.id, 12, 21)
    update_id = add_article(database, add_source(database, "b"), AFRIN_TOLL[0],
                            body=AFRIN_TOLL[1], story_id=14, published=later(30)).id
    update = report(*AFRIN_TOLL, later(30))
    assert repeated_chats(database.db, update_id, update, 14, [1], later(40)) == {}
