"""X67 (RC item 1): a stored button's used places are written by one function,
bot.callbacks.mark_places, for a press (take_index) and for the places held_buttons kept in
memory while the database refused writes (its flush, one transaction). Real SQLite."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from bot import callbacks
from bot.held_buttons import HeldButtons
from digests.storage import Database

NOW = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)


def _done(db: Database, cb_id: str) -> list[object]:
    row = db.db.execute("select payload from callbacks where id = ?", [cb_id]).fetchone()
    return list(json.loads(row[0]).get("done", []))


def test_mark_places_adds_only_new_places(database: Database) -> None:
    cb_id = callbacks.new_callback(database, chat_id=5, action=callbacks.STORY,
                                   payload={"ids": [1, 2, 3], "done": [2, "x"]}, now=NOW)
    with database.transaction() as tx:
        assert callbacks.mark_places(tx, cb_id, {3, 1, 2})
    assert _done(database, cb_id) == [2, 1, 3]  # the stray "x" dropped, new places in order
    with database.transaction() as tx:
        assert not callbacks.mark_places(tx, cb_id, {1, 3})
        assert not callbacks.mark_places(tx, "nosuchid", {1})
    assert not callbacks.take_index(database, cb_id, 2)
    assert _done(database, cb_id) == [2, 1, 3]


def test_take_index_once_and_flush_of_places_kept_in_memory(database: Database) -> None:
    cb_id = callbacks.new_callback(database, chat_id=5, action=callbacks.STORY,
                                   payload={"ids": [1, 2, 3, 4]}, now=NOW)
    assert callbacks.take_index(database, cb_id, 4)
    assert not callbacks.take_index(database, cb_id, 4)
    held = HeldButtons()
    held.used_places[cb_id] = {1, 3}  # as take_index leaves them when the write is refused
    held.flush(database)
    assert _done(database, cb_id) == [4, 1, 3]
    assert not held.used_places
    assert not callbacks.take_index(database, cb_id, 3)
