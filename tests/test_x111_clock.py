"""QA73-6/-7: the core takes the caller's clock. An unfollow marks the alerts it skips with the
time it is given (the bot's rt.now, which tests and the demo pin), not the wall clock; the
settings changes need their `now`."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime

import pytest

from delivery_helpers import add_chat, rows
from digests import subscriptions
from digests.models import iso
from digests.storage import Database
from test_x42_delivery import queue, two_topics

PINNED = datetime(2025, 3, 4, 5, 6, tzinfo=UTC)  # far from the wall clock


@pytest.mark.parametrize("how", ["topic", "id", "ids"])
def test_an_unfollow_marks_its_skipped_alerts_at_the_time_given(database: Database,
                                                                how: str) -> None:
    egypt, _syria, _both = two_topics(database)
    add_chat(database, 1, topics=("مصر",))
    queue(database, 1, egypt)
    [sub] = subscriptions.list_subscriptions(database, 1)
    if how == "topic":
        subscriptions.unsubscribe_topic(database, 1, "مصر", now=PINNED)
    elif how == "id":
        subscriptions.unsubscribe_id(database, 1, sub.id, now=PINNED)
    else:
        subscriptions.unsubscribe_ids(database, 1, [(sub.id, sub.topic_key)], now=PINNED)
    [row] = rows(database, "chat_id = 1")
    assert (row["status"], row["sent_at"]) == ("skipped", iso(PINNED))


@pytest.mark.parametrize("change", [subscriptions.set_mode, subscriptions.set_quiet_hours,
                                    subscriptions.set_utc_offset])
def test_a_settings_change_has_no_wall_clock_default(change: object) -> None:
    now = inspect.signature(change).parameters["now"]  # type: ignore[arg-type]
    assert now.default is inspect.Parameter.empty
