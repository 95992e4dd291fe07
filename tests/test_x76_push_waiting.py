"""QA50 E6: `/push` answered «أُرسلت هذه الأخبار إلى المتابعين من قبل (سُلّمت …)» while the
followers' rows of those stories were still pending (alerts of a re-added source, due two
minutes later): the admin stops waiting, or pushes by another route. The answer tells queued from
sent: how many are queued for the followers and when they go (the admin's clock), and how many
went before.

Real PTB Application against the emulator, real SQLite (the sample archive; the followers' rows
queued by digests.new_deliveries.insert_rows, as a poll queues an alert).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from bot.i18n import clock_time
from bot.reader_clock import reader_zone
from bot.zones import chat_zone_words
from digests import subscriptions
from digests.models import iso
from digests.new_deliveries import insert_rows
from digests.push_queue import _top_stories
from digests.storage import Database



def plain(text: str) -> str:
    """`text` without the direction marks around its Latin runs («(\u200eUTC+3\u200e)»)."""
    return text.replace("\u200e", "").replace("\u200f", "")


def due_words(db: Database, due: datetime) -> str:
    """«نحو الساعة ٩:٠٥», after «غدًا» when that is tomorrow in the admin's clock (X114,
    QA71-6: bot.i18n.clock_time's unpadded hour, the day, then the zone words)."""
    zone = reader_zone(db.db, ADMIN)
    local = due.astimezone(zone)
    day = "غدًا " if local.date() != datetime.now(UTC).astimezone(zone).date() else ""
    return f"{day}نحو الساعة {clock_time(local, 'ar')} {chat_zone_words(db, ADMIN, 'ar', due)}"


def _queue(path: Path, *, pending: int, due_in: timedelta) -> datetime:
    """The reader follows the general digest and has rows for the push's top stories: the first
    `pending` still pending (due in `due_in`, an instant alert), the others sent. Returns when
    the pending ones are due."""
    now = datetime.now(UTC)
    due = now + due_in
    with Database(path) as db:
        subscriptions.upsert_chat(db, READER, now=now)
        subscriptions.subscribe(db, READER, "", now=now)
        top = _top_stories(db.db, now, 5)
        assert len(top) == 5
        with db.transaction() as tx:
            insert_rows(tx, [(READER, s, a, "instant", iso(due)) for s, a in top[:pending]], now)
            insert_rows(tx, [(READER, s, a, "instant", None) for s, a in top[pending:]], now)
            tx.execute("update outbox set status = 'sent', sent_at = ? where not_before is null",
                       [iso(now)])
            # the rows' own time is what these tests read: no quiet hours (new chats get
            # 23:00–07:00 local, which would move the alerts' time at night; tested below)
            tx.execute("update chats set quiet_start = null, quiet_end = null where id = ?",
                       [READER])
    return due


async def test_a_push_of_stories_still_queued_says_they_are_queued_and_when(
        tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    due = _queue(path, pending=5, due_in=timedelta(minutes=3))
    async with running_bot(path) as h:
        [answer] = await h.say(ADMIN, "/push")
        text = answer.plain_text
        assert "أُرسلت" not in text and "سُلّمت" not in text, text
        assert ("٥ أخبار في قائمة الإرسال لمتابعي النشرة العامة الآن، تُرسل "
                + due_words(h.db, due)) in plain(text), text
        assert h.db.db.execute("select count(*) from outbox where kind like 'push:%'"
                               ).fetchone()[0] == 0  # nothing queued twice


async def test_some_queued_some_sent_are_told_apart(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _queue(path, pending=2, due_in=timedelta(minutes=2))
    async with running_bot(path) as h:
        [answer] = await h.say(ADMIN, "/push")
        assert "خبران في قائمة الإرسال لمتابعي النشرة العامة" in answer.plain_text, \
            answer.plain_text
        assert "وأُرسل ٣ أخبار منها من قبل" in answer.plain_text


async def test_stories_all_sent_are_said_sent(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _queue(path, pending=0, due_in=timedelta(0))
    async with running_bot(path) as h:
        [answer] = await h.say(ADMIN, "/push")
        assert "أُرسلت هذه الأخبار إلى المتابعين من قبل" in answer.plain_text
        assert "قائمة الإرسال" not in answer.plain_text


async def test_queued_alerts_held_by_the_readers_quiet_hours_are_told_at_their_end(
        tmp_path: Path) -> None:
    """Review RA: the alerts the sender holds until the reader's quiet hours end go then, not at
    their own not_before — the admin is told the end of the quiet hours (in the admin's clock).
    The quiet hours are set around the reader's present hour, so the test holds at any hour."""
    path = sample_db(tmp_path)
    _queue(path, pending=5, due_in=timedelta(minutes=3))
    with Database(path) as db:
        local = datetime.now(UTC).astimezone(reader_zone(db.db, READER))
        start, end = local.hour, (local.hour + 2) % 24
        db.db.execute("update chats set quiet_start = ?, quiet_end = ? where id = ?",
                      [start, end, READER])
        quiet_end = local.replace(hour=end, minute=0, second=0, microsecond=0)
        if quiet_end <= local:
            quiet_end += timedelta(days=1)
    async with running_bot(path) as h:
        [answer] = await h.say(ADMIN, "/push")
        text = answer.plain_text
        assert "٥ أخبار في قائمة الإرسال لمتابعي النشرة العامة الآن، تُرسل " + due_words(
            h.db, quiet_end) in plain(text), text
