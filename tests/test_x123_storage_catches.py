"""QA73-4's leftovers (X123): the bot's handlers catch the project's storage errors, not sqlite3's.

The storage boundary (digests.fault_connection, 701ce6f) raises a locked, full, read-only or
damaged file as a DatabaseFault. Before, ~15 places in bot/ caught every `sqlite3.Error` and
read it as «locked»: a constraint or a statement's own mistake was a WARNING without traceback,
and a held button's mark SQLite refused for such a reason was kept in memory to be flushed —
where it failed again under every later answer with a button. Now a fault is handled as
bot.update_errors handles it (one WARNING a minute and the admins' write alert where the bot
has its runtime) and anything else shows with its traceback.

The real bot against the emulator and real SQLite files; a lock is a second connection's, as
another program's would be; «another reason» is a trigger that aborts, a real SQLite error.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from delivery_helpers import rows
from lockkit import locked_while
from test_more_stories import _queue_daily

from bot import bundle_buttons, buttons, hold_expiry, repeats
from bot.runtime import RUNTIME_KEY
from bot.sender import MAX_BUNDLE
from digests.storage import FAULTS, Database

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
APOLOGY = "عذرًا، حدث خطأ"


def _no_marks(path: Path) -> None:
    """A trigger refusing every button mark (callbacks.take's update): SQLite's own error, not
    the file's."""
    other = sqlite3.connect(path)
    other.execute("create trigger no_marks before update of action on callbacks begin"
                  " select raise(abort, 'button marks refused by a test trigger'); end")
    other.commit()
    other.close()


async def test_a_mark_refused_for_another_reason_is_the_presss_apology_not_every_later_ones(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Before: the press answered as if the database were busy (mark kept in memory, a WARNING
    «writes are refused»), and every later answer with a button flushed that mark first and
    failed — the reader's next /search got «عذرًا، حدث خطأ». Now the press itself gets the
    apology, its traceback is logged, and the next answer comes whole."""
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        await h.say(READER, "/start")
        [answer] = await h.say(READER, "الغوطة")
        related = next((b for b in answer.button_texts() if "روابط الخبر" in b), None)
        assert related is not None, answer.button_texts()
        _no_marks(path)
        with caplog.at_level(logging.INFO):
            pressed = await h.click_answer(answer, related)
        assert APOLOGY in str(pressed.get("text")), pressed  # was: the links, sent
        assert any(r.exc_info and "test trigger" in str(r.exc_info[1]) for r in caplog.records)
        rt = h.app.bot_data[RUNTIME_KEY]
        assert not rt.held.used  # no mark kept to be flushed under the next answer
        [again] = await h.say(READER, "الغوطة")
        assert APOLOGY not in again.plain_text and again.button_texts(), again.plain_text


async def test_the_rest_button_under_a_lock_still_sends_the_rest_and_tells_the_admins(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """«📰 more» with more than MORE_PRESS_PAGES pages, the rest's own button refused (locked):
    the reader gets the whole rest at once, as before; the admins' write alert now hears of it
    (before: one WARNING line, rt.writes never told). The refusal is one WARNING, FAULTS'
    line of the minute (REV s26: its own line was a second WARNING each time, unthrottled)."""
    FAULTS.forget()
    path = tmp_path / "rest.db"
    with Database(path) as db:
        _queue_daily(db, (1,), MAX_BUNDLE + 45)
    async with running_bot(path, busy_seconds=0.05) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        await h.settle()
        bundle = h.emu.messages(1)[-1]
        label = next(t for t in bundle.button_texts() if t.startswith("📰"))
        monkeypatch.setattr(buttons, "_new_more", locked_while(buttons._new_more, path))
        with caplog.at_level(logging.INFO, logger="bot.buttons"):
            await h.click(bundle, label, n=4)  # 45 stories: pages of 10, 10, 10, 15
            await h.settle()
        got = h.emu.messages(1)[1:]
        assert not any(t.startswith("📰") for m in got for t in m.button_texts())
        assert h.app.bot_data[RUNTIME_KEY].writes.fault == "locked"
    mine = [r for r in caplog.records if r.name == "bot.buttons"]
    assert any("more button for the rest not stored" in r.getMessage() for r in mine), mine
    assert [r.levelno for r in mine if r.levelno >= logging.WARNING] == [logging.WARNING], \
        [(r.levelname, r.getMessage()) for r in mine]


def _broken_articles(path: Path) -> Database:
    """A database whose articles table is gone: a statement's own error, not the file's."""
    db = Database(path)
    db.conn.execute("pragma legacy_alter_table = on")  # its triggers and views left as they are
    db.conn.execute("alter table articles rename to articles_gone")
    return db


@pytest.mark.parametrize("site", ["chat_state", "headlines", "try_expire"])
def test_an_unforeseen_sqlite_error_shows_its_traceback(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, site: str) -> None:
    """The fallback is kept (no pointer back, unlabelled buttons, /stats answered), but the
    error is logged as a bug, with its traceback; before, a WARNING line or nothing at all."""
    db = _broken_articles(tmp_path / "n.db")
    if site == "try_expire":
        db.conn.execute("alter table chat_notices rename to chat_notices_gone")
        db.conn.commit()
    with caplog.at_level(logging.INFO):
        if site == "chat_state":
            assert repeats.chat_state(db, 5) is None
        elif site == "headlines":
            assert bundle_buttons.headlines(db, [1, 2]) == []
        else:
            db.db.execute("insert into chats (id, type, active, deactivated_at,"
                          " deactivated_reason, created_at) values (5, 'group', 0, ?,"
                          " 'held: bot kicked', ?)", ["2026-10-01T00:00:00+00:00"] * 2)
            hold_expiry.try_expire(db, NOW, 30)
    db.close()
    traced = [r for r in caplog.records if r.exc_info is not None]
    assert traced and all(r.levelno == logging.ERROR for r in traced), \
        [(r.levelname, r.getMessage()) for r in caplog.records]
