"""X80 item 7 (session 19 review RE): who a /push goes to was worked out in three places —
digests.push_queue.enqueue_push (the rows), bot.pushes.followers (the «nobody follows» check)
and bot.chat_holds (a held chat's catch-up and the report's held note) — each its own SQL. Now
one rule, digests.push_queue.audience, and the same chats in all three: a topic under any name
of it («ترمب» and «ترامب»), the general digest's followers only, active chats for a push.

Real SQLite, the real queue; behaviour unchanged (test_pushes, test_x78_hold_push prove it).
"""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from bot.chat_holds import HELD
from bot.pushes import followers
from digests.push_queue import audience, enqueue_push
from digests.storage import Database
from digests.subscriptions import subscribe, upsert_chat

NOW = datetime(2018, 3, 25, 12, tzinfo=UTC)


def _chats(database: Database) -> None:
    for chat, topic in ((1, "ترامب"), (2, "ترمب"), (3, ""), (4, "الغوطة"), (5, "ترامب")):
        upsert_chat(database, chat, now=NOW)
        subscribe(database, chat, topic, now=NOW)
    with database.transaction() as tx:  # chat 5 is held: no push rows, still in the audience
        tx.execute(f"update chats set active = 0, deactivated_reason = '{HELD}x' where id = 5")


def _audience(database: Database, topic: str | None) -> list[Any]:
    follows, values = audience(database.db, topic)
    return [r[0] for r in database.db.execute(
        f"select c.id from chats c where {follows} order by c.id", values).fetchall()]


def test_one_audience_for_every_push_count(database: Database) -> None:
    _chats(database)
    assert _audience(database, "ترمب") == [1, 2, 5]  # any name of the topic, held or not
    assert _audience(database, None) == [3]  # the general digest's followers only
    rt: Any = SimpleNamespace(db=database)
    assert followers(rt, "ترامب") == 2 and followers(rt, None) == 1  # active ones
    plan = enqueue_push(database, topic=None, now=NOW)
    queued = {r[0] for r in database.db.execute(
        "select chat_id from outbox where kind = ?", [plan.kind]).fetchall()}
    assert queued <= {3}
