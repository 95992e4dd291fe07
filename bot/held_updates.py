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
to «/digest» is noise. The age is counted from the message's own date or, for what has none (a
button press), from when it was first held (QA41: presses were kept for ever).

The file outlives the replay (QA41 T2): an entry leaves it only once its update was handled
(`answered`, called by the update processor, rewrites the file atomically), so a crash (SIGKILL,
power cut) in the run that replays loses nothing — the next start replays what is still in it.
Before, the file was removed when the replay began and a kill -9 in the second run lost 56 of 80
askers. An entry held again by a second stop keeps its first line (its first held time).
A handler the stop cancels after part of its answer went is not held (bot.update_order's
PROGRESS, marked by bot.reply_limiter): held, it was answered again after the restart and the
asker read the start twice; the rest of that answer is lost instead (answered ⇒ not held).
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

from digests.file_modes import open_private

log = logging.getLogger(__name__)

STOP_GRACE_SECONDS = 8.0  # running answers get this long after a stop begins (systemd: 90 s)
REPLAY_HOURS = 6.0
_WATCH_STEP = 0.2


def held_path(database: Path) -> Path:
    """The file beside the database that keeps the updates a stop left unanswered."""
    return database.with_name(database.name + ".held-updates.jsonl")


def hold(path: Path, update: object, now: datetime | None = None) -> None:
    """Append one unanswered update (flushed at once: a kill right after keeps it)."""
    if not isinstance(update, Update):
        return
    at = now or datetime.now(timezone.utc)
    entry = {"held_at": int(at.timestamp()), "update": update.to_dict()}
    line = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    # readers' texts, names and usernames: 0600 like the database (QA60-16)
    with open_private(path) as f:
        f.write(line + "\n")
        f.flush()
        os.fsync(f.fileno())
    log.info("update held for the next start update_id=%s", update.update_id)


def _entries(path: Path) -> list[tuple[str, dict[str, Any], int | None]]:
    """The file's readable entries, each once (its first line): (line, update, held_at)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    out: list[tuple[str, dict[str, Any], int | None]] = []
    seen: set[int] = set()
    for line in lines:
        try:
            data = json.loads(line)
        except json.JSONDecodeError:  # a line cut by a crash
            continue
        if not isinstance(data, dict):
            continue
        held_at = data.get("held_at") if isinstance(data.get("held_at"), int) else None
        update = data.get("update") if "update" in data else data  # session 15's lines: bare
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int) \
                or update["update_id"] in seen:
            continue
        seen.add(update["update_id"])
        out.append((line, update, held_at))
    return out


def _rewrite(path: Path, lines: list[str]) -> None:
    """Replace the file by `lines` in one step (a crash leaves the old file or the new one)."""
    if not lines:
        path.unlink(missing_ok=True)
        return
    tmp = path.with_name(path.name + ".tmp")
    with open_private(tmp, truncate=True) as f:
        f.write("".join(line + "\n" for line in lines))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def take_held(path: Path, now: datetime) -> list[dict[str, Any]]:
    """The held updates still worth answering, oldest first. The file keeps exactly these
    (too old, repeated and cut lines go) until each is `answered`."""
    kept: list[tuple[str, dict[str, Any]]] = []
    entries = _entries(path)
    for line, data, held_at in entries:
        dates = [d for d in (_date(data), _stamp(held_at)) if d is not None]
        if dates and now - min(dates) > timedelta(hours=REPLAY_HOURS):
            log.info("held update too old, dropped update_id=%s", data.get("update_id"))
            continue
        kept.append((line, data))
    kept.sort(key=lambda pair: int(pair[1].get("update_id") or 0))
    if entries:
        _rewrite(path, [line for line, _ in kept])
    return [data for _, data in kept]


def answered(path: Path, update: object) -> None:
    """`update` was handled: its entry (if it was held) leaves the file, atomically."""
    update_id = getattr(update, "update_id", None)
    if not isinstance(update_id, int) or not path.exists():
        return
    entries = _entries(path)
    left = [line for line, data, _ in entries if data["update_id"] != update_id]
    if len(left) != len(entries):
        _rewrite(path, left)
        log.info("held update answered update_id=%s left=%d", update_id, len(left))


def _stamp(seconds: int | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, timezone.utc)


def _date(data: dict[str, Any]) -> datetime | None:
    for key in ("message", "edited_message", "channel_post"):
        message = data.get(key)
        if isinstance(message, dict) and isinstance(message.get("date"), int):
            return datetime.fromtimestamp(message["date"], timezone.utc)
    return None


async def replay(app: Any, path: Path) -> int:
    """Put the held updates back in `app`'s update queue (before polling starts); each stays
    in the file until the processor calls `answered` for it."""
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


__all__ = ["STOP_GRACE_SECONDS", "answered", "held_path", "hold", "replay", "take_held",
           "watch_stop"]
