"""X55 (QA39 S6): an answer sent while the database refuses writes keeps its buttons — their
meaning is held in memory (bot.held_buttons), a press works, and the held ones are stored with
the next button the database takes. Real SQLite, real PTB against the emulator."""

from __future__ import annotations

import time
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.runtime import RUNTIME_KEY
from digests import subscriptions as subs


def _stored(h: object, data: str) -> bool:
    db = h.db  # type: ignore[attr-defined]
    return db.db.execute("select count(*) from callbacks where id = ?",
                         [data.split(".")[0]]).fetchone()[0] == 1


async def test_buttons_sent_while_the_database_is_busy_work(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        rt = h.app.bot_data[RUNTIME_KEY]
        rt.writes_skipped_until = time.monotonic() + 60  # a write was just refused (locked)
        [answer] = await h.say(READER, "لبنان")
        labels = answer.button_texts()
        follow = next((b for b in labels if "تابع" in b), None)
        assert follow is not None, labels  # was: no buttons at all
        data = next(b["callback_data"] for b in answer.buttons() if b.get("text") == follow)
        assert not _stored(h, data)
        await h.click(answer, follow)
        assert "لبنان" in [s.topic for s in subs.list_subscriptions(h.db, READER)]
        # the database takes writes again: the next stored button writes the held ones
        rt.writes_skipped_until = 0.0
        await h.say(READER, "سوريا")
        assert _stored(h, data)
        assert not rt.held.held
