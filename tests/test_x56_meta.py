"""Item 7: the `meta` key/value helper (digests.meta_values) that feed_moves and source_alerts
share: writes join the caller's transaction, a prefix is matched literally. Real SQLite."""

from __future__ import annotations

import pytest

from digests import meta_values
from digests.settings import Settings
from digests.storage import Database


def test_meta_values_in_the_callers_transaction_and_by_literal_prefix(
        database: Database, settings: Settings) -> None:
    with database.transaction() as sql:
        meta_values.put(sql, "a_b:1", "one")
        meta_values.put(sql, "axb:2", "two")  # LIKE 'a_b:%' would take it too
        meta_values.put(sql, "a_b:3", "three")
    assert meta_values.items(database, "a_b:") == [("a_b:1", "one"), ("a_b:3", "three")]
    assert meta_values.get(database, "axb:2") == "two"
    with pytest.raises(RuntimeError):
        with database.transaction() as sql:
            meta_values.delete(sql, "a_b:1")
            meta_values.put(sql, "a_b:9", "nine")
            raise RuntimeError("the caller's transaction fails")
    assert meta_values.items(database, "a_b:") == [("a_b:1", "one"), ("a_b:3", "three")]
    with database.transaction() as sql:
        meta_values.delete(sql, "a_b:1")
    assert meta_values.get(database, "a_b:1") is None
