"""QA76-5 (X133): a typed command refused because another program holds the write lock was
answered «قاعدة البيانات مشغولة الآن، أعد المحاولة بعد قليل» with no way to retry but retyping.
Now the answer carries «🔁 أعد المحاولة», which runs the same command with its words once the
lock is gone (its meaning held in memory meanwhile: bot.held_buttons). The real bot against
the emulator; the lock is a second connection's BEGIN IMMEDIATE."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests import subscriptions
from digests.storage import FAULTS


async def test_a_busy_subscribe_offers_a_retry_that_follows_once_the_lock_is_gone(
        tmp_path: Path) -> None:
    FAULTS.forget()
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.05) as h:
        await h.say(READER, "/start")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("begin immediate")
        try:
            [busy] = await h.say(READER, "/subscribe لبنان")
        finally:
            other.close()
        assert "مشغولة" in busy.plain_text, busy.plain_text
        assert busy.button_texts() == ["🔁 أعد المحاولة"], busy.button_texts()
        assert not subscriptions.list_subscriptions(h.db, READER)
        await h.click(busy, "🔁 أعد المحاولة")
        await h.until(lambda: [s.topic for s in subscriptions.list_subscriptions(h.db, READER)]
                      == ["لبنان"])


async def test_in_english_too(tmp_path: Path) -> None:
    FAULTS.forget()
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.05) as h:
        await h.say(READER, "/start", language_code="en")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("begin immediate")
        try:
            [busy] = await h.say(READER, "/subscribe Lebanon", language_code="en")
        finally:
            other.close()
        assert "busy" in busy.plain_text and busy.button_texts() == ["🔁 Try again"], \
            (busy.plain_text, busy.button_texts())
