"""QA73-5: a catch meant for database trouble that also caught bugs logs the bug with its
traceback at ERROR (it logged DEBUG, or one WARNING line with a repr); database trouble keeps
its own line. The features still degrade as before (no note, no button, no label)."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from bot import bundle_buttons, restart_note
from digests.db_faults import as_fault
from digests.storage import Database

CLOCK = lambda: datetime(2026, 12, 2, 8, 0, tzinfo=UTC)  # noqa: E731


def _records(caplog: pytest.LogCaptureFixture) -> list[tuple[int, bool]]:
    return [(r.levelno, r.exc_info is not None) for r in caplog.records]


def _raise(exc: BaseException) -> Any:
    def fail(*args: object, **kwargs: object) -> Any:
        raise exc
    return fail


def test_a_bug_reading_the_in_flight_rows_is_logged_with_its_traceback(
        database: Database, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(restart_note, "in_flight", _raise(TypeError("a bug")))
    assert restart_note.note(database) is None
    assert _records(caplog) == [(logging.ERROR, True)]
    caplog.clear()
    monkeypatch.setattr(restart_note, "in_flight",
                        # as the storage boundary raises it (X123: a bare sqlite3 error is a bug)
                        _raise(as_fault(sqlite3.OperationalError("database is locked"))))
    assert restart_note.note(database) is None
    assert _records(caplog) == [(logging.WARNING, False)]


def test_a_bug_storing_story_buttons_is_logged_with_its_traceback(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    writes: Any = SimpleNamespace(attempt=_raise(KeyError("a bug")))
    assert bundle_buttons.story_rows(writes, 1, [5], [1], "ar", CLOCK) == []
    assert _records(caplog) == [(logging.ERROR, True)]
    caplog.clear()
    writes.attempt = _raise(as_fault(sqlite3.DatabaseError("database disk image is malformed")))
    assert bundle_buttons.story_rows(writes, 1, [5], [1], "ar", CLOCK) == []
    assert _records(caplog) == [(logging.WARNING, False)]


def test_a_bug_reading_the_labels_is_logged_with_its_traceback(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    db: Any = SimpleNamespace(db=SimpleNamespace(execute=_raise(AttributeError("a bug"))))
    assert bundle_buttons.headlines(db, [1, 2]) == []
    assert _records(caplog) == [(logging.ERROR, True)]
