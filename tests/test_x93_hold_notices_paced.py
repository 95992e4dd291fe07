"""X93 (QA62-1): the operator's notices about groups that removed the bot went straight to
Telegram from each delivery task, outside the sender's limiter: several holds in a broadcast
broke the admin chat's one message a second, a 429 was not waited out, and the refused notice
was dropped for good (the hold was recorded as told before the send). Now they go through the
sender's limiter, a 429 is waited out, the holds of a moment are told in one message, and a
hold is recorded as told only once its notice went. The real Application and sender against
the emulator (Telegram's limits on), a real SQLite file."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from botkit import ADMIN, BotHarness, running_bot, sample_db
from delivery_helpers import add_chat
from test_x71_chat_holds import _no_gap, _queue

from bot.chat_holds import hold_chat, notice
from bot.hold_teller import Owed, folded
from bot.runtime import RUNTIME_KEY
from digests.storage import Database

GROUPS = tuple(-100900 - n for n in range(6))


def _setup(tmp_path: Path) -> Path:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, ADMIN, topics=())
        for n, group in enumerate(GROUPS):
            add_chat(db, group, type="supergroup", topics=("",))
            with db.transaction() as tx:
                tx.execute("update chats set title = ? where id = ?", [f"مجموعة {n}", group])
    return path


def _notes(h: BotHarness) -> list[str]:
    return [m.plain_text for m in h.emu.messages(ADMIN) if "لم يعد بوسعي النشر" in m.plain_text]


def _held(h: BotHarness) -> int:
    return int(h.db.db.execute("select count(*) from chats where deactivated_reason like"
                               " 'held: %'").fetchone()[0])


async def test_removed_groups_are_told_paced_once_and_never_lost(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = _setup(tmp_path)
    async with running_bot(path) as h:
        _no_gap(h)
        h.emu.rate_limits(True)
        for n, group in enumerate(GROUPS):
            h.emu.add_chat(group, title=f"مجموعة {n}")
            h.emu.block(group, "kicked")
        # Telegram refuses the first message to the operator: it is waited out, not lost
        h.emu.inject_429(1, 1, chat_id=ADMIN)
        article, story = h.db.db.execute("select id, coalesce(story_id, id) from articles"
                                         " limit 1").fetchone()
        for group in GROUPS:
            _queue(h.db, group, article, story)
        h.app.bot_data[RUNTIME_KEY].sender.wake()
        await h.until(lambda: _held(h) == len(GROUPS))
        await h.until(lambda: all(any(f"«مجموعة {n}»" in note for note in _notes(h))
                                  for n in range(len(GROUPS))))
        await h.settle()
        told = _notes(h)
        for n in range(len(GROUPS)):  # each group named once, in all
            assert sum(note.count(f"«مجموعة {n}»") for note in told) == 1, told
        # the operator's chat kept to Telegram's one message a second: the notices took their
        # slots from the sender's limiter, and the 429 was waited out (the message then went)
        assert h.emu.counters["429:chat"] == 0, dict(h.emu.counters)
        assert any("hold notice rate-limited" in r.message for r in caplog.records)
        # recorded as told: not told again
        assert h.db.db.execute("select count(*) from chat_notices where what = 'hold'"
                               ).fetchone()[0] == len(GROUPS)
    # a restart owes nothing: no notice again
    async with running_bot(path) as h:
        await h.settle()
        assert _notes(h) == []


async def test_a_hold_not_told_before_a_stop_is_told_at_the_next_start(tmp_path: Path) -> None:
    """The hold is recorded told only once its notice went: one held while the Bot API
    refused every message to the operator is told after a restart."""
    path = _setup(tmp_path)
    with Database(path) as db:
        hold_chat(db, GROUPS[0], "Forbidden: bot was kicked from the group chat",
                  datetime.now(timezone.utc))
    async with running_bot(path) as h:
        [note] = await h.until(lambda: _notes(h))
        assert "«مجموعة 0»" in note and "أضف البوت إلى المجموعة من جديد" in note, note


def test_the_stories_waiting_are_counted_with_their_noun() -> None:
    """QA62-10: «(٢ في الانتظار)», a bare numeral; a newsroom writes «(خبران في الانتظار)»."""
    assert "(خبران في الانتظار)" in notice("grp", "supergroup", "removed", 2, "ar")
    assert "(٥ أخبار في الانتظار)" in notice("grp", "supergroup", "removed", 5, "ar")
    assert "(خبر في الانتظار)" in notice("grp", "supergroup", "removed", 1, "ar")
    assert "(5 waiting)" in notice("grp", "supergroup", "removed", 5, "en")
    two = folded([Owed(-1, "a", "supergroup", "removed", 2),
                  Owed(-2, "b", "supergroup", "removed", 3)], "ar")
    assert "في محادثتين: «a»، «b»" in two and "(٥ أخبار في الانتظار)" in two, two
    assert "كل مجموعة منها" in two, two
