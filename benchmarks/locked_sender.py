"""The bot while another program holds the database's write lock and deliveries fall due.

QA16 F1's situation: a `sqlite3` shell holds `BEGIN IMMEDIATE` (here another connection of this
process) for --hold seconds while --chats chats each have a delivery falling due. The real
Application runs against the emulator (tests/botkit.py) on the connection `run_bot` opens (a
2 s busy timeout); a reader sends /help (no write) every 0.25 s from a thread of its own. Figures:
the reader's answer times while the lock is held, the messages sent meanwhile, how long after
the release every chat had its message, and chats that got it twice.

    .venv/bin/python benchmarks/locked_sender.py [--chats 100] [--hold 8]
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

PACE = 0.25  # seconds between the reader's messages
READER = 2000
FIRST_CHAT = 50_000


def _queue(path: Path, chats: int, due: datetime) -> None:
    """`chats` subscribed chats, each with one instant delivery falling due at `due`."""
    from digests.models import iso
    from digests.storage import Database

    with Database(path) as db, db.transaction() as tx:
        article, story = tx.execute("select id, coalesce(story_id, -id) from articles"
                                    " order by id desc limit 1").fetchone()
        for chat in range(FIRST_CHAT, FIRST_CHAT + chats):
            tx.execute("insert into chats (id, type, language, active, mode, created_at)"
                       " values (?, 'private', 'ar', 1, 'instant', ?)", [chat, iso(due)])
            # A new chat gets quiet hours 23:00–07:00 local (migration 027): without this the
            # deliveries are held whenever the benchmark runs in that window of the day.
            tx.execute("update chats set quiet_start = null, quiet_end = null where id = ?",
                       [chat])
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                       " status, not_before) values (?, ?, ?, 'instant', ?, 'pending', ?)",
                       [chat, story, article, iso(due), iso(due)])


async def run(chats: int, hold: float) -> dict[str, Any]:
    from botkit import running_bot, sample_db

    from bot.app import HANDLER_BUSY_SECONDS

    with tempfile.TemporaryDirectory() as tmp:
        path = sample_db(Path(tmp))
        due = datetime.now(timezone.utc) + timedelta(seconds=3)
        _queue(path, chats, due)
        async with running_bot(path, busy_seconds=HANDLER_BUSY_SECONDS) as h:
            await h.say(READER, "/start")
            other = sqlite3.connect(path, isolation_level=None, timeout=5)
            other.execute("BEGIN IMMEDIATE")
            other.execute("update _migrations set applied_at = applied_at")
            locked_at = time.monotonic()
            sent: list[float] = []
            before = len(h.emu.messages(READER))
            stop = threading.Event()

            def reader() -> None:
                while not stop.is_set():
                    sent.append(time.monotonic())
                    h.emu.send_user_message(READER, "/help")
                    stop.wait(PACE)

            thread = threading.Thread(target=reader, daemon=True)
            thread.start()
            await asyncio.sleep(hold)
            stop.set()
            await asyncio.to_thread(thread.join)
            during = sum(1 for m in h.emu.sent_log() if m.chat_id >= FIRST_CHAT)
            other.execute("ROLLBACK")
            other.close()
            released = time.monotonic()
            answers = (await h.emu.await_messages(READER, before + len(sent),
                                                  timeout=120))[before:]
            waits = [a.at - s for a, s in zip(answers, sent)]
            await h.until(lambda: len({m.chat_id for m in h.emu.sent_log()
                                       if m.chat_id >= FIRST_CHAT}) == chats, timeout=120)
            all_done = time.monotonic() - released
            per_chat = Counter(m.chat_id for m in h.emu.sent_log() if m.chat_id >= FIRST_CHAT)
    return {"help_ms_median": 1000 * statistics.median(waits),
            "help_ms_max": 1000 * max(waits), "answers": len(waits),
            "sent_during_lock": during, "all_delivered_s_after_release": all_done,
            "chats_twice": sum(1 for n in per_chat.values() if n > 1),
            "lock_s": released - locked_at}


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=100)
    parser.add_argument("--hold", type=float, default=8.0, help="seconds the lock is held")
    args = parser.parse_args(argv)
    figures = asyncio.run(run(args.chats, args.hold))
    print(f"chats={args.chats} hold={args.hold}s")
    for key, value in figures.items():
        print(f"  {key:32} {value:,.1f}" if isinstance(value, float) else f"  {key:32} {value}")
    return figures


if __name__ == "__main__":
    main()
