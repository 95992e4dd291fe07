"""bot.callbacks: opaque ids, checked on the server (unknown, expired, other chat → nothing)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.callbacks import MAX_AGE, move_chat, new_callback, purge, resolve
from digests.storage import Database

NOW = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)


def test_roundtrip_and_opaque(database: Database) -> None:
    cb_id = new_callback(database, chat_id=5, action="subscribe",
                         payload={"topic": "الغوطة الشرقية"}, now=NOW)
    assert len(cb_id.encode()) <= 64
    assert "subscribe" not in cb_id and "5" != cb_id  # the id says nothing about the action
    cb = resolve(database, cb_id, chat_id=5, now=NOW + timedelta(minutes=1))
    assert cb is not None
    assert (cb.action, dict(cb.payload), cb.chat_id) == ("subscribe",
                                                         {"topic": "الغوطة الشرقية"}, 5)


def test_ids_are_unique(database: Database) -> None:
    ids = {new_callback(database, chat_id=1, action="x", now=NOW) for _ in range(200)}
    assert len(ids) == 200


def test_tampered_unknown_and_malformed_ids_resolve_to_nothing(database: Database) -> None:
    cb_id = new_callback(database, chat_id=5, action="more", now=NOW)
    for bad in (cb_id[:-1] + ("A" if cb_id[-1] != "A" else "B"), "", None, "x" * 65,
                "' or 1=1 --", "subscribe:الغوطة"):
        assert resolve(database, bad, chat_id=5, now=NOW) is None


def test_other_chat_cannot_use_a_button(database: Database) -> None:
    cb_id = new_callback(database, chat_id=5, action="more", now=NOW)
    assert resolve(database, cb_id, chat_id=6, now=NOW) is None
    assert resolve(database, cb_id, chat_id=5, now=NOW) is not None


def test_expired_and_purged(database: Database) -> None:
    old = new_callback(database, chat_id=5, action="more", now=NOW - MAX_AGE - timedelta(hours=1))
    fresh = new_callback(database, chat_id=5, action="more", now=NOW)
    assert resolve(database, old, chat_id=5, now=NOW) is None
    assert purge(database, now=NOW) == 1
    assert resolve(database, fresh, chat_id=5, now=NOW) is not None


def test_buttons_follow_a_migrated_group(database: Database) -> None:
    cb_id = new_callback(database, chat_id=-5, action="more", now=NOW)
    move_chat(database, -5, -1005)
    assert resolve(database, cb_id, chat_id=-5, now=NOW) is None
    assert resolve(database, cb_id, chat_id=-1005, now=NOW) is not None


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.none(), st.text(max_size=100), st.binary(max_size=64).map(
    lambda b: b.decode("latin-1"))), chat_id=st.integers(-10**13, 10**13))
def test_any_client_data_resolves_to_nothing_without_raising(
        database: Database, data: str | None, chat_id: int) -> None:
    assert resolve(database, data, chat_id=chat_id, now=NOW) is None
