"""X140 (QA79-1, -3, -9, -10): one event the story index kept in two stories reaches a chat as
one alert — the search page's event-fold decision (digests.search_events.one_event) asked at
delivery (digests.event_folds, bot.delivery_plan) — while another event at the same place
still comes. Invented reports with the story vectors the story step stores, the real outbox
queue (new_deliveries.enqueue_article), the real bot's sender against the Telegram emulator
on a pinned clock."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from botkit import running_bot
from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from test_x124_search_events import HOSPITAL, TWEET, WARD

from digests import event_folds, new_deliveries, story_updates
from digests.models import Article, iso
from digests.similarity import story_vector
from digests.storage import Database

CHAT = 3000


def _store(db: Database, source: int, text: tuple[str, str], story: int,
           published: datetime) -> Article:
    """A report in its own story, with the story vector the story step keeps for it."""
    art = add_article(db, source, text[0], body=text[1], story_id=story, published=published)
    with db.transaction() as tx:
        tx.execute("insert into story_vectors (article_id, published_at, vector) values (?,?,?)",
                   [art.id, iso(published), story_vector(*text).to_blob()])
    return art


def _queue(db: Database, *articles: Article, now: datetime) -> None:
    """One fetch: the articles' deliveries queued in one transaction (as a poll stores them)."""
    with db.transaction() as tx:
        for art in articles:
            new_deliveries.enqueue_article(tx, art, ctx(now))


def _alerts(h: object) -> list[str]:
    return [m.plain_text for m in h.emu.messages(CHAT)]  # type: ignore[attr-defined]


async def test_two_stories_of_one_event_are_one_alert(tmp_path: Path) -> None:
    """QA79-1/-9: the hospital report (story 11) alerted at 09:00; the tweet after it, the same
    event kept in story 12, comes two hours later: no second «جديد» alert, recorded skipped as
    a repeat. The ward's opening at the same hospital (story 14), another event: its alert."""
    clock = [NOW]
    path = tmp_path / "x140.db"
    with Database(path) as db:
        bbc, cnn = add_source(db, "bbc"), add_source(db, "cnn")
        add_chat(db, CHAT, topics=("نتنياهو",))
        hospital = _store(db, bbc, HOSPITAL, 11, NOW - timedelta(minutes=20))
        tweet = _store(db, cnn, TWEET, 12, NOW + timedelta(hours=2) - timedelta(minutes=10))
        ward = _store(db, bbc, WARD, 14, NOW + timedelta(hours=4) - timedelta(minutes=10))
    async with running_bot(path, clock=lambda: clock[0]) as h:
        _queue(h.db, hospital, now=clock[0])
        await h.until(lambda: len(_alerts(h)) == 1 and not rows(h.db, "status != 'sent'"))
        clock[0] = NOW + timedelta(hours=2)
        _queue(h.db, tweet, now=clock[0])
        await h.until(lambda: rows(h.db, "article_id = ? and status != 'pending'", [tweet.id]))
        clock[0] = NOW + timedelta(hours=4)
        _queue(h.db, ward, now=clock[0])
        await h.until(lambda: len(_alerts(h)) == 2)
        await h.settle()
        got = _alerts(h)
        [skipped] = rows(h.db, "article_id = ?", [tweet.id])
    assert len(got) == 2, got
    assert "نقل نتنياهو إلى المستشفى" in got[0] and "يغرد" not in "".join(got), got
    assert "جناحا لعلاج السرطان" in got[1], got
    assert (skipped["status"], skipped["last_error"]) == ("skipped",
                                                          story_updates.REPEAT_REASON)


async def test_one_fetch_of_two_stories_of_one_event_is_one_story(tmp_path: Path) -> None:
    """QA79-10: two stories of one event queued by the same fetch go as one alert with the
    event once (the first queued), not two; the other event at the same place in the same
    fetch stays in the bundle."""
    clock = [NOW]
    path = tmp_path / "x140.db"
    with Database(path) as db:
        bbc, cnn = add_source(db, "bbc"), add_source(db, "cnn")
        add_chat(db, CHAT, topics=("نتنياهو",))
        hospital = _store(db, bbc, HOSPITAL, 11, NOW - timedelta(minutes=40))
        tweet = _store(db, cnn, TWEET, 12, NOW - timedelta(minutes=20))
        ward = _store(db, bbc, WARD, 14, NOW - timedelta(minutes=10))
    async with running_bot(path, clock=lambda: clock[0]) as h:
        _queue(h.db, hospital, tweet, ward, now=clock[0])
        await h.until(lambda: not rows(h.db, "status = 'pending'"))
        await h.settle()
        got = _alerts(h)
    assert len(got) == 1, got
    assert "نقل نتنياهو إلى المستشفى" in got[0] and "جناحا لعلاج السرطان" in got[0], got
    assert "يغرد" not in got[0], got


def test_the_fold_asks_only_other_stories_within_the_window(database: Database) -> None:
    """The decision itself: the tweet folds under the hospital report the chat was sent; the
    ward does not; the same words sent beyond FOLD_WINDOW, or under the same story, do not."""
    bbc, cnn = add_source(database, "bbc"), add_source(database, "cnn")
    add_chat(database, CHAT, topics=("نتنياهو",))
    hospital = _store(database, bbc, HOSPITAL, 11, NOW - timedelta(hours=1))
    tweet = _store(database, cnn, TWEET, 12, NOW)
    ward = _store(database, bbc, WARD, 14, NOW)
    with database.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at, status,"
                   " sent_at) values (?, 11, ?, 'instant', ?, 'sent', ?)",
                   [CHAT, hospital.id, iso(NOW - timedelta(hours=1)),
                    iso(NOW - timedelta(hours=1))])
    new = [event_folds.NewRow((1, -1), CHAT, tweet.id, 12),
           event_folds.NewRow((2, -1), CHAT, ward.id, 14)]
    [fold] = event_folds.fold_rows(database.db, new, NOW)
    assert (fold.key, fold.other, fold.update) == ((1, -1), hospital.id, False)
    assert event_folds.fold_rows(database.db, new, NOW + event_folds.FOLD_WINDOW
                                 + timedelta(hours=2)) == []
    same_story = [event_folds.NewRow((1, -1), CHAT, tweet.id, 11)]
    assert event_folds.fold_rows(database.db, same_story, NOW) == []
    # QA79-10: an update of story 11 going in the same bundle (not sent yet) tells the event
    with database.transaction() as tx:
        tx.execute("delete from outbox")
    assert event_folds.fold_rows(database.db, new, NOW) == []
    [fold] = event_folds.fold_rows(database.db, new, NOW, {CHAT: [(hospital.id, 11)]})
    assert (fold.key, fold.other) == ((1, -1), hospital.id)


def test_a_folded_story_s_next_day_report_still_comes_as_its_update(database: Database) -> None:
    """A fold must not keep a story's later news away: the chat whose alert of story 12 was
    folded into story 11 (skipped, stamped when decided) gets story 12's report of the next
    day as an update, as if it had been sent story 12 (story_updates.FOLDED); before, the
    skipped row kept every later report of the story from it."""
    bbc, cnn = add_source(database, "bbc"), add_source(database, "cnn")
    add_chat(database, CHAT, topics=("نتنياهو",))
    tweet = _store(database, cnn, TWEET, 12, NOW)
    with database.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at)"
                   " values (?, 12, ?, 'instant', ?)", [CHAT, tweet.id, iso(NOW)])
    [row] = rows(database, "article_id = ?", [tweet.id])
    assert event_folds.skip_folded(database, [(int(str(row["id"])), -1)], NOW) == 1
    home = _store(database, bbc, ("نتنياهو يغادر مستشفى هداسا في القدس بعد فحوص طبية",
                                  "غادر رئيس الوزراء الإسرائيلي بنيامين نتنياهو مستشفى هداسا"
                                  " في القدس صباح الجمعة بعد ليلة أجرى فيها الأطباء فحوصا"
                                  " طبية."), 12, NOW + timedelta(hours=20))
    _queue(database, home, now=NOW + timedelta(hours=20))
    [update] = rows(database, "article_id = ?", [home.id])
    assert (update["status"], str(update["kind"])[:7]) == ("pending", "update:")
