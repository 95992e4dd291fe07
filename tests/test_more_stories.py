"""The stories a delivered digest counts but does not show (QA17 R2): the line under them never
promises a button that is not there, and /stats counts them as delivered only once the button
is pressed. The real Application (PTB) and sender against the emulator, real SQLite files."""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from botkit import ADMIN, running_bot
from delivery_helpers import NOW, add_article, add_chat, add_source, rows
from telegram import Bot

from bot import bundle_buttons
from bot.emulator import Emulator
from bot.origins import bundle_topics
from bot.render import more_line
from bot.sender import MAX_BUNDLE, Sender
from digests.models import Article, iso
from digests.settings import Settings
from digests.storage import Database


def _queue_daily(db: Database, chats: tuple[int, ...], n: int) -> list[Article]:
    src = add_source(db, "src")
    arts = [add_article(db, src, f"خبر رقم {i}", story_id=100 + i) for i in range(n)]
    for chat in chats:
        add_chat(db, chat, mode="daily", language="en" if chat == 2 else "ar")
        with db.transaction() as tx:
            for a in arts:
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                           " status) values (?,?,?,?,?, 'pending')",
                           [chat, a.story_id, a.id, "daily:2026-11-29", iso(NOW)])
    return arts


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


def test_the_line_without_a_button_promises_none() -> None:
    assert more_line(3, [""], "ar") == "و٣ أخبار أخرى — في الزر أدناه"
    assert more_line(3, [""], "ar", button=False) == "و٣ أخبار أخرى — أهم الأخبار الآن في /digest"
    assert more_line(1, ["سوريا"], "ar", button=False) == "وخبر آخر — في /search سوريا"
    assert more_line(38, ["سوريا"], "en", button=False) == "And 38 more stories — in /search سوريا"
    for lang in ("ar", "en"):
        for topics in ([""], ["سوريا"], ["سوريا", ""]):
            line = more_line(5, topics, lang, button=False)
            assert "الزر" not in line and "button" not in line


async def test_a_button_that_cannot_be_stored_leaves_the_digest_hint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unforeseen failure storing the button's id: the digest goes, its line pointing to
    /digest, and no button under it."""
    path = tmp_path / "nobutton.db"
    with Database(path) as db:
        _queue_daily(db, (1, 2), MAX_BUNDLE + 3)

    def broken(*args: Any) -> str:
        raise RuntimeError("the callbacks table is gone")

    monkeypatch.setattr(bundle_buttons, "_new_more", broken)
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        for chat, line in ((1, "و٣ أخبار أخرى — أهم الأخبار الآن في /digest"),
                           (2, "And 3 more stories — /digest has the top stories now")):
            delivered = h.emu.messages(chat)
            whole = _plain("\n".join(m.plain_text for m in delivered))
            assert line in whole
            assert "الزر" not in whole and "button" not in whole
            assert all(m.button_texts() == [] for m in delivered)



def _quick_sender(database: Database, bot: Bot, now: list[float]) -> Sender:
    """A recovered sender whose writes give up after 0.01 s under a lock, on the clock `now`."""
    settings = Settings(database_path=Path(database.path), send_rate_per_second=500.0)
    s = Sender(database, bot, settings, clock=lambda: NOW, instant_gap=timedelta(0),
               topics_of=bundle_topics)
    s.courier.writes.monotonic = lambda: now[0]
    s.courier.writes.wait = 0.01
    s.recover()
    return s


async def test_under_a_lock_the_digest_waits_and_then_comes_with_its_button(
        database: Database, bot: Bot, emu: Emulator) -> None:
    """The button's id is stored before anything is claimed or rendered: while another program
    holds the lock the digest waits (nothing sent, rows pending), never goes with a line
    promising a button it lacks."""
    _queue_daily(database, (1,), MAX_BUNDLE + 2)
    now = [100.0]
    s = _quick_sender(database, bot, now)
    other = sqlite3.connect(database.path, isolation_level=None, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")
    other.execute("update _migrations set applied_at = applied_at")
    try:
        assert await s.run_once() == 0
        assert emu.sent_log() == []
        assert {r["status"] for r in rows(database)} == {"pending"}
        assert database.db.execute("select count(*) from callbacks").fetchone()[0] == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
    now[0] += 2.0
    assert await s.drain(timeout=5) >= 1
    delivered = emu.messages(1)
    assert "وخبران آخران — في الزر أدناه" in _plain(delivered[-1].plain_text)
    assert delivered[-1].button_texts() == ["📰 اعرض الأخبار الأخرى (٢)"]


def _figures(text: str) -> tuple[int, int]:
    """(delivered, behind the button) in an English /stats answer."""
    [sent] = re.findall(r"(\d+) delivered", text)
    behind = re.findall(r"not counted as delivered\): (\d+)", text)
    return int(sent), int(behind[0]) if behind else 0


async def test_stats_counts_the_stories_behind_the_button_once_it_is_pressed(
        tmp_path: Path) -> None:
    path = tmp_path / "stats.db"
    with Database(path) as db:
        _queue_daily(db, (1, 2), MAX_BUNDLE + 3)
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [before] = await h.say(ADMIN, "/stats", language_code="en")
        # 26 rows marked sent; 20 stories shown, 6 behind the two buttons
        assert _figures(before.plain_text) == (20, 6)
        last = h.emu.messages(1)[-1]
        await h.click(last, "📰 اعرض الأخبار الأخرى (٣)")
        [after] = await h.say(ADMIN, "/stats", language_code="en")
        assert _figures(after.plain_text) == (23, 3)
        await h.click(h.emu.messages(2)[-1], "📰 Show the other stories (3)")
        [done] = await h.say(ADMIN, "/stats", language_code="en")
        assert _figures(done.plain_text) == (26, 0)
        assert "not counted as delivered" not in done.plain_text


async def test_a_button_whose_digest_never_went_is_forgotten(
        database: Database, bot: Bot, emu: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    """The button's id is stored, then the claim meets another program's lock: nothing is sent,
    and that id is deleted once the database takes it (before anything else is claimed), so
    only the button the chat really got names those stories."""
    from digests import outbox

    _queue_daily(database, (1,), MAX_BUNDLE + 2)
    now = [100.0]
    s = _quick_sender(database, bot, now)
    other = sqlite3.connect(database.path, isolation_level=None, timeout=0.1)
    real_claim = outbox.claim

    def claim_under_lock(db: Database, ids: Any) -> list[int]:
        if not other.in_transaction:
            other.execute("BEGIN IMMEDIATE")
            other.execute("update _migrations set applied_at = applied_at")
        return real_claim(db, ids)

    monkeypatch.setattr(outbox, "claim", claim_under_lock)
    assert await s.run_once() == 0
    assert emu.sent_log() == [] and s.courier.writes.owed == 1  # the id's deletion
    assert database.db.execute("select count(*) from callbacks").fetchone()[0] == 1
    other.execute("ROLLBACK")
    other.close()
    monkeypatch.setattr(outbox, "claim", real_claim)
    now[0] += 2.0
    assert await s.drain(timeout=5) >= 1
    [(kept,)] = database.db.execute("select id from callbacks").fetchall()
    assert emu.messages(1)[-1].buttons()[0]["callback_data"] == kept


def test_stats_count_a_story_behind_buttons_once_and_pressed_wins(database: Database) -> None:
    """A row named by two buttons (a digest re-sent after a «maybe sent» timeout) is behind
    the button once; once either button is pressed it is delivered."""
    import json

    from bot.stats import behind_buttons

    arts = _queue_daily(database, (1,), 2)
    with database.transaction() as tx:
        tx.execute("update outbox set status = 'sent', sent_at = ?", [iso(NOW)])
        for cb in ("first", "second"):
            tx.execute("insert into callbacks (id, chat_id, action, payload, created_at)"
                       " values (?, 1, 'more_stories', ?, ?)",
                       [cb, json.dumps({"articles": [arts[1].id]}), iso(NOW)])
    since = iso(NOW - timedelta(days=1))
    assert behind_buttons(database, since) == 1
    assert behind_buttons(database, iso(NOW + timedelta(seconds=1))) == 0  # sent before that
    database.db.execute("update callbacks set action = 'more_stories:done' where id = 'first'")
    assert behind_buttons(database, since) == 0
