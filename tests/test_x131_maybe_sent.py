"""X131 (X125's note): the /push report's «maybe twice» count read only a row's latest error.
A send accepted and then reset (the message may have arrived) retried, answered 5xx (or 429)
the next time and delivered the third was delivered maybe twice, but its last_error was the
5xx's (the 429's is even dropped on success): not counted. The outbox keeps «was maybe sent»
on the row now (`outbox.maybe_sent`, migration 058_outbox_maybe_sent), set by
digests.outbox_states whenever a retry's error (or a crash's recovery) says the message may
have left; digests.push_queue.push_progress reads it beside the last error.

Real SQLite through the real state functions, with the errors as bot.send_failures words them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from digests import outbox_states
from digests.models import iso
from digests.push_queue import push_progress
from digests.storage import Database

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
RESET = ("NetworkError (maybe sent): httpx.RemoteProtocolError: Server disconnected without"
         " sending a response.")
TIMEOUT = "TimedOut (maybe sent): Timed out"
BAD_GATEWAY = "NetworkError (maybe sent): Bad Gateway"
FLOOD = "429 retry after 3 s"
READERS = (7101, 7102, 7103)


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    with Database(tmp_path / "nashra.db") as database:
        with database.transaction() as tx:
            tx.execute("insert into pushes (id, topic, created_at) values (1, null, ?)",
                       [iso(NOW)])
            for chat in READERS:
                tx.execute("insert into chats (id, type, language, active, mode, created_at)"
                           " values (?, 'private', 'ar', 1, 'instant', ?)", [chat, iso(NOW)])
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind,"
                           " created_at) values (?, 1, null, 'push:1', ?)", [chat, iso(NOW)])
        yield database


def _row(db: Database, chat: int) -> int:
    return int(db.db.execute("select id from outbox where chat_id = ?", [chat]).fetchone()[0])


def _tries(db: Database, chat: int, errors: list[str], *, refund: bool = False) -> None:
    """The chat's row claimed and retried once per error, then sent."""
    row = _row(db, chat)
    for error in errors:
        assert outbox_states.claim(db, [row]) == [row]
        outbox_states.retry_later(db, [row], NOW, error, refund_attempt=refund)
    assert outbox_states.claim(db, [row]) == [row]
    outbox_states.finish(db, [row], "sent", NOW + timedelta(minutes=1))


def test_a_reset_then_a_5xx_is_still_maybe_twice(db: Database) -> None:
    _tries(db, READERS[0], [RESET, BAD_GATEWAY])  # failed before: last_error the 5xx's
    _tries(db, READERS[1], [BAD_GATEWAY])  # an answer: no repeat
    _tries(db, READERS[2], [])
    progress = push_progress(db, 1)
    assert (progress.delivered, progress.failed, progress.repeats) == (3, 0, 1)


def test_a_timeout_then_a_429_is_still_maybe_twice(db: Database) -> None:
    # the 429's last_error is dropped on success (QA53 S4): nothing was left to read
    _tries(db, READERS[0], [TIMEOUT, FLOOD], refund=True)
    _tries(db, READERS[1], [FLOOD])
    _tries(db, READERS[2], [TIMEOUT])  # counted before too (its last error)
    assert push_progress(db, 1).repeats == 2


def test_an_outage_retry_and_a_crash_are_kept(db: Database) -> None:
    # the outage's words (bot.send_failures: «… (Telegram outage)», no attempt used)
    _tries(db, READERS[0], [f"{RESET} (Telegram outage)", BAD_GATEWAY], refund=True)
    # a kill with the message on the wire, then a 5xx after the restart
    row = _row(db, READERS[1])
    outbox_states.claim(db, [row])
    assert outbox_states.recover_in_flight(db) == 1
    _tries(db, READERS[1], [BAD_GATEWAY])
    _tries(db, READERS[2], [f"{BAD_GATEWAY} (Telegram outage)"], refund=True)
    assert push_progress(db, 1).repeats == 2
    flags = dict(db.db.execute("select chat_id, maybe_sent from outbox").fetchall())
    assert flags == {READERS[0]: 1, READERS[1]: 1, READERS[2]: 0}
