"""A prompt stop, and the updates it leaves unanswered answered after the restart (QA37 T1).

PTB's `Application.stop` handles every update already fetched before it returns. A group's
answers go at Telegram's 20 a minute (bot.reply_limiter), so a backlog of 120 group commands kept
a SIGTERM'd bot answering for minutes — past systemd's 90-s stop timeout — and after the kill the
rest were never answered, although each asker had been shown 👀 (bot.update_order.Heard).

`watch_stop` notices the stop (the Application's `running` turns false) and tells the update
processor: an update whose handler has not started is not run; one still running after
STOP_GRACE_SECONDS (its answer held in the group's window) is cancelled. Each such update is
written to `<database>.held-updates.jsonl` as the Bot API sent it, and the next start puts them
back in the update queue (`replay`), oldest first, so the asker who saw 👀 gets the answer.

Why a file and not Telegram's redelivery: the offset is one mark, «everything before this id is
read». PTB's `Updater.stop` confirms it for every update fetched before `Application.stop` even
begins, and a webhook has no redelivery at all, so unanswered updates cannot be left with
Telegram. A held update older than REPLAY_HOURS is dropped with a log line: a day-old answer
to «/digest» is noise. A handler cancelled mid-answer (rare: the wait is before the send) may
answer twice; an update the bot is killed (SIGKILL) on is lost, as before.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from telegram import Update

log = logging.getLogger(__name__)

STOP_GRACE_SECONDS = 8.0  # running answers get this long after a stop begins (systemd: 90 s)
REPLAY_HOURS = 6.0
_WATCH_STEP = 0.2


def held_path(database: Path) -> Path:
    """The file beside the database that keeps the updates a stop left unanswered."""
    return database.with_name(database.name + ".held-updates.jsonl")


def hold(path: Path, update: object) -> None:
    """Append one unanswered update (flushed at once: a kill right after keeps it)."""
    if not isinstance(update, Update):
        return
    line = json.dumps(update.to_dict(), ensure_ascii=False, separators=(",", ":"))
    with open(path, "a", encoding="utf-8") as f:
        f.write(line + "\n")
        f.flush()
        os.fsync(f.fileno())
    log.info("update held for the next start update_id=%s", update.update_id)


def take_held(path: Path, now: datetime) -> list[dict[str, Any]]:
    """The held updates still worth answering, oldest first; the file is removed."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    path.unlink(missing_ok=True)
    kept: list[dict[str, Any]] = []
    seen: set[int] = set()
    for line in lines:
        try:
            data = json.loads(line)
        except json.JSONDecodeError:  # a line cut by a crash
            continue
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int) \
                or data["update_id"] in seen:
            continue
        seen.add(data["update_id"])
        sent = _date(data)
        if sent is not None and now - sent > timedelta(hours=REPLAY_HOURS):
            log.info("held update too old, dropped update_id=%s", data.get("update_id"))
            continue
        kept.append(data)
    kept.sort(key=lambda d: int(d.get("update_id") or 0))
    return kept


def _date(data: dict[str, Any]) -> datetime | None:
    for key in ("message", "edited_message", "channel_post"):
        message = data.get(key)
        if isinstance(message, dict) and isinstance(message.get("date"), int):
            return datetime.fromtimestamp(message["date"], timezone.utc)
    return None


async def replay(app: Any, path: Path) -> int:
    """Put the held updates back in `app`'s update queue (before polling starts)."""
    held = take_held(path, datetime.now(timezone.utc))
    for data in held:
        update = Update.de_json(data, app.bot)
        if update is not None:
            await app.update_queue.put(update)
    if held:
        log.info("held updates replayed count=%d", len(held))
    return len(held)


async def watch_stop(app: Any, processor: Any, grace: float | None = None) -> None:
    """Wait for the Application to run and then to stop; then make the processor drop what
    has not started and, after `grace`, cancel what still runs (see the module docstring)."""
    while not app.running:
        await asyncio.sleep(_WATCH_STEP)
    while app.running:
        await asyncio.sleep(_WATCH_STEP)
    processor.begin_stop()
    await asyncio.sleep(STOP_GRACE_SECONDS if grace is None else grace)
    processor.cancel_running()


__all__ = ["STOP_GRACE_SECONDS", "held_path", "hold", "replay", "take_held", "watch_stop"]
