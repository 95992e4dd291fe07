"""QA35 L5: a daily-digest row a poll commits after the chat's digest went (its clock was the
poll's start, before the digest hour) joins the next digest instead of coming as a second
message under the same date.

Real parts: real SQLite, the real Sender (plan, bundle, claim, render, send) on the Telegram
emulator. The interleaving is forced, not timed: the late row is committed after the digest was
sent, or between the sender's read of the due rows and its claim.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from delivery_helpers import NOW, add_article, add_chat, add_source, rows
from telegram import Bot

from bot.emulator import Emulator
from bot.sender import Sender
from digests import outbox_states
from digests.models import Article, iso
from digests.settings import Settings
from digests.storage import Database

DAY = "daily:2026-11-29"  # chat 1's digest: 12:00 in UTC+3, NOW
NEXT = "daily:2026-11-30"


def _sender(database: Database, bot: Bot) -> Sender:
    settings = Settings(database_path=__import__("pathlib").Path(database.path),
                        send_rate_per_second=200.0)
    return Sender(database, bot, settings, clock=lambda: NOW, retry_delay=0.05,
                  instant_gap=timedelta(0))


def _queue(database: Database, article: Article) -> int:
    """A row as digests.new_deliveries writes it for a poll that started before 12:00."""
    with database.transaction() as tx:
        cur = tx.execute("insert into outbox (chat_id, story_id, article_id, kind, not_before,"
                         " created_at) values (?,?,?,?,?,?)",
                         [1, article.story_id, article.id, DAY, iso(NOW),
                          iso(NOW - timedelta(minutes=3))])
    return int(cur.lastrowid or 0)


def _setup(database: Database) -> tuple[Article, Article]:
    src = add_source(database, "src")
    first = add_article(database, src, "خبر الصباح", story_id=101)
    late = add_article(database, src, "خبر الجلب المتأخر", story_id=102)
    add_chat(database, 1, mode="daily", daily_hour=12)
    return first, late


async def test_a_row_committed_after_the_digest_went_joins_the_next(
        database: Database, emu: Emulator, bot: Bot) -> None:
    first, late = _setup(database)
    _queue(database, first)
    sender = _sender(database, bot)
    await sender.drain(timeout=20)
    assert len(emu.messages(1)) == 1
    late_id = _queue(database, late)  # the poll's commit, after the digest went
    await sender.drain(timeout=20)
    assert len(emu.messages(1)) == 1  # no second «📰 نشرتك اليومية» of the same date
    row = next(r for r in rows(database) if r["id"] == late_id)
    assert row["status"] == "pending" and row["kind"] == NEXT
    assert row["not_before"] == iso(NOW + timedelta(days=1))


async def test_a_row_committed_between_read_and_claim_joins_the_next(
        database: Database, emu: Emulator, bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    first, late = _setup(database)
    _queue(database, first)
    read = outbox_states.due_rows
    committed: list[int] = []

    def due_then_commit(*args: object, **kw: object) -> list[outbox_states.DueRow]:
        got = read(*args, **kw)  # type: ignore[arg-type]
        if got and not committed:  # the poll commits right after the sender's read
            committed.append(_queue(database, late))
        return got

    monkeypatch.setattr(outbox_states, "due_rows", due_then_commit)
    sender = _sender(database, bot)
    await sender.drain(timeout=20)
    await sender.drain(timeout=20)
    assert committed and len(emu.messages(1)) == 1
    row = next(r for r in rows(database) if r["id"] == committed[0])
    assert row["status"] == "pending" and row["kind"] == NEXT
