"""X136 (2, X131's maybe-sent rows): a row that failed for good after a send that went out and
got no answer (accepted, then the connection reset: the reader may have it) was reported
«failed» by the /push report (digests.push_queue.push_progress, bot.pushes.failure_reasons)
and by /stats (bot.stats.stats_values, bot.stats_lines.yesterday_line). It is «maybe sent»
now: a count of its own, neither delivered nor failed, and out of the delivery rate.

Real SQLite through the real state functions, with the errors as bot.send_failures words them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from bot.pushes import failure_reasons, push_report
from bot.runtime import Runtime
from bot.stats import stats_values
from bot.stats_lines import yesterday_line
from digests import outbox_states
from digests.models import iso
from digests.push_queue import push_progress
from digests.storage import Database

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
RESET = ("NetworkError (maybe sent): httpx.RemoteProtocolError: Server disconnected without"
         " sending a response.")
TIMEOUT = "TimedOut (maybe sent): Timed out"
BAD_GATEWAY = "NetworkError (maybe sent): Bad Gateway"
READERS = (7101, 7102, 7103, 7104)


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


def _tries(db: Database, chat: int, errors: list[str], end: str, when: datetime = NOW,
           last_error: str | None = None) -> None:
    """The chat's row claimed and retried once per error, then ended `end` at `when`."""
    row = _row(db, chat)
    for error in errors:
        assert outbox_states.claim(db, [row]) == [row]
        outbox_states.retry_later(db, [row], when, error)
    assert outbox_states.claim(db, [row]) == [row]
    outbox_states.finish(db, [row], end, when, last_error)


def _four(db: Database, when: datetime = NOW) -> None:
    """Reader 0: reset, then failed for good on a 5xx; reader 1: its last try timed out and
    the row failed; reader 2: 5xx only, failed; reader 3: sent."""
    _tries(db, READERS[0], [RESET], "failed", when, "Bad Gateway (gave up)")
    _tries(db, READERS[1], [BAD_GATEWAY], "failed", when, TIMEOUT)
    _tries(db, READERS[2], [BAD_GATEWAY], "failed", when, "Bad Gateway (gave up)")
    _tries(db, READERS[3], [], "sent", when)


def test_the_push_report_says_maybe_sent(db: Database) -> None:
    _four(db)
    progress = push_progress(db, 1)
    # failed before: 1 delivered, 3 failed
    assert (progress.delivered, progress.failed, progress.maybe, progress.pending) == (1, 1, 2, 0)
    assert progress.delivered + progress.failed + progress.maybe + progress.held == 4
    reasons = failure_reasons(db, 1)
    assert reasons == [("Bad Gateway (gave up)", 1)]  # only reader 2's
    text = push_report(progress, reasons, "ar")
    assert "سُلّمت: ١، فشلت: ١." in text, text
    assert "❔ ربما وصلت: ٢ — خرج إرسالها ولم يصل رد تيليجرام" in text, text
    english = push_report(progress, reasons, "en")
    assert "1 delivered, 1 failed." in english and "❔ Maybe delivered: 2 — " in english


def test_only_maybe_sent_is_no_failure(db: Database) -> None:
    for chat in READERS:
        _tries(db, chat, [RESET], "failed", NOW, "Bad Gateway (gave up)")
    progress = push_progress(db, 1)
    assert (progress.delivered, progress.failed, progress.maybe) == (0, 0, 4)
    text = push_report(progress, failure_reasons(db, 1), "en")
    assert text.startswith("✅ Digest finished: 0 delivered, 0 failed."), text
    assert "Maybe delivered: 4" in text


def test_a_chat_blocked_after_a_maybe_sent_try_may_have_it(db: Database) -> None:
    row = _row(db, READERS[0])
    outbox_states.claim(db, [row])
    outbox_states.retry_later(db, [row], NOW, TIMEOUT)
    outbox_states.deactivate_chat(db, READERS[0], "Forbidden: bot was blocked by the user", NOW)
    progress = push_progress(db, 1)
    assert (progress.maybe, progress.failed) == (1, 0)


def _rt(db: Database, now: datetime) -> Runtime:
    return cast(Runtime, SimpleNamespace(db=db, now=lambda: now, sender=None))


def test_stats_count_maybe_sent_apart(db: Database) -> None:
    _four(db, NOW - timedelta(hours=1))
    values = stats_values(_rt(db, NOW), "en")
    # failed before: 3 failed, a rate of 25%
    assert (values["sent"], values["failed"], values["maybe"], values["rate"]) == (
        "1", "1", "2", "50%")
    # yesterday's line counts «failed» alike
    line = yesterday_line(_rt(db, NOW + timedelta(days=1)), "en")
    assert line is not None and line.endswith("delivered 1, failed 1"), line


def test_stats_shows_the_maybe_line(db: Database) -> None:
    _four(db, NOW - timedelta(hours=1))
    values = stats_values(_rt(db, NOW), "ar")
    assert values["maybe"] == "٢"
    values = stats_values(_rt(db, NOW + timedelta(days=2)), "ar")
    assert values["maybe"] == ""  # said only when there are some
