"""X116 (QA72-2): the running sender plans in slices (bot.delivery_plan.Planner.plan_sliced),
so a reader's update is answered while a long pass (a daily digest to many chats) is still
planning — not after it, as when the pass held the event loop (/stats after 6–30 s)."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot import delivery_plan
from botkit import READER, running_bot, sample_db
from digests import subscriptions
from digests.models import iso

CHATS = 80
SLOW = 0.05  # seconds a chat's planning takes here until the reader is answered


async def test_a_reader_is_answered_while_a_long_pass_plans(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        replies_before = len(h.emu.messages(READER))
        calls: list[bool] = []  # per chat planned: had the reader been answered by then?
        real = delivery_plan.choose_shown

        def slow_choose(*args: Any, **kw: Any) -> Any:
            answered = len(h.emu.messages(READER)) > replies_before
            calls.append(answered)
            if not answered:  # a long pass, as 1,000 chats × 46 rows made one (QA72-1)
                time.sleep(SLOW)
            return real(*args, **kw)

        monkeypatch.setattr(delivery_plan, "choose_shown", slow_choose)
        articles = [r[0] for r in h.db.db.execute(
            "select id from articles where story_id is not null order by id limit 2")]
        now = datetime.now(UTC)
        for chat in range(5000, 5000 + CHATS):
            subscriptions.upsert_chat(h.db, chat, now=now)
            subscriptions.subscribe(h.db, chat, "", now=now)
        with h.db.transaction() as tx:  # two daily rows a chat, due now: one pass plans them
            for chat in range(5000, 5000 + CHATS):
                for a in articles:
                    tx.execute("insert into outbox (chat_id, story_id, article_id, kind,"
                               " created_at) select ?, story_id, id, 'daily:2026-11-29', ?"
                               " from articles where id = ?", [chat, iso(now), a])
        await h.until(lambda: calls)  # the pass has begun
        h.emu.send_user_message(READER, "/help")
        await h.emu.await_messages(READER, replies_before + 1)
        await h.until(lambda: len(calls) >= CHATS)
        # the reader's answer came while the pass still planned chats (before X116: only
        # after its last chat, every chat planned before the answer)
        assert any(calls), "the reader was answered only after the whole pass"
        assert not all(calls)
