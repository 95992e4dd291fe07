"""X60's left: a «🔗 روابط الخبر» button sent while the database refused writes (bot.held_buttons),
pressed while it still refuses them. The links need no write: the reader gets them, once — the
used mark is kept in memory until the database takes it (then stored as used, so a press after
a restart says they were sent). A stored button pressed while writes are refused likewise, and a
delivered bundle's «📖 n».

Real SQLite (a connection that refuses writes: PRAGMA query_only, what a full disk or a read-only
file gives), the real bot on the emulator.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.runtime import RUNTIME_KEY
from digests.storage import Database


def _action(db: object, data: str) -> str | None:
    row = db.db.execute("select action from callbacks where id = ?",  # type: ignore[attr-defined]
                        [data.partition(".")[0]]).fetchone()
    return None if row is None else str(row[0])


async def test_held_links_button_pressed_while_writes_are_refused(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        rt = h.app.bot_data[RUNTIME_KEY]
        rt.writes_skipped_until = time.monotonic() + 60  # a write was just refused (locked)
        [answer] = await h.say(READER, "الغوطة")
        button = next(b for b in answer.buttons() if "روابط الخبر" in b.get("text", ""))
        data = button["callback_data"]
        assert data.partition(".")[0] in rt.held.held  # held, not stored
        rt.writes_skipped_until = 0.0
        h.db.conn.execute("PRAGMA query_only = 1")  # … and the database still refuses
        try:
            # was: nothing at all (the once-only mark's write raised in the handler)
            [links] = await h.click(answer, button["text"], timeout=5.0)
            assert "http" in links.text, links.text
            again = await h.click_answer(answer, button["text"])
            assert again.get("show_alert"), again  # once: the second press says they are above
            assert len(h.emu.messages(READER)) == 3  # /start, the answer, the links: no more
        finally:
            h.db.conn.execute("PRAGMA query_only = 0")
        # writes work again: the next stored button writes the held one, already used
        await h.say(READER, "النفط")
        assert _action(h.db, data) == "related:done"
        assert not rt.held.held and not rt.held.used


async def test_stored_links_button_pressed_while_writes_are_refused(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        rt = h.app.bot_data[RUNTIME_KEY]
        [answer] = await h.say(READER, "الغوطة")
        button = next(b for b in answer.buttons() if "روابط الخبر" in b.get("text", ""))
        assert _action(h.db, button["callback_data"]) == "related"  # stored
        h.db.conn.execute("PRAGMA query_only = 1")
        try:
            [links] = await h.click(answer, button["text"], timeout=5.0)
            assert "http" in links.text, links.text
            again = await h.click_answer(answer, button["text"])
            assert again.get("show_alert"), again
        finally:
            h.db.conn.execute("PRAGMA query_only = 0")
        rt.writes_skipped_until = 0.0
        await h.say(READER, "النفط")  # a stored button: the used mark goes with it
        assert _action(h.db, button["callback_data"]) == "related:done"
        assert not rt.held.used


async def test_story_button_pressed_while_writes_are_refused(tmp_path: Path) -> None:
    """A delivered bundle's «📖 خبر ١» (a stored button, a place of it used once)."""
    from test_story_buttons import _queue

    path = tmp_path / "bundle.db"
    with Database(path) as db:
        _queue(db, {1: "private"})
    async with running_bot(path) as h:
        await h.until(lambda: h.emu.messages(1))
        [bundle] = h.emu.messages(1)
        first = next(b["text"] for b in bundle.buttons() if "١" in b.get("text", ""))
        rt = h.app.bot_data[RUNTIME_KEY]
        h.db.conn.execute("PRAGMA query_only = 1")
        try:
            # was: nothing (the place's mark raised in the handler)
            [story] = await h.click(bundle, first, timeout=5.0)
            assert "خبر رقم 0" in story.plain_text, story.plain_text
            again = await h.click_answer(bundle, first)
            assert again.get("show_alert"), again
        finally:
            h.db.conn.execute("PRAGMA query_only = 0")
        rt.held.flush(h.db)  # what the next stored button does
        data = next(b["callback_data"] for b in bundle.buttons() if b["text"] == first)
        [payload] = h.db.db.execute("select payload from callbacks where id = ?",
                                    [data.partition(".")[0]]).fetchone()
        assert 1 in json.loads(payload)["done"] and not rt.held.used_places
