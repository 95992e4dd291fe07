"""The admins told in Telegram when the database stops taking writes, and when it takes them
again (QA43 C2).

A full disk, a database locked by another program (a sqlite3 shell, a backup) or a file made
read-only under the bot showed only as ERROR lines: 240 s of full disk and 4 failed polls gave 0
admin messages, and the failing-source alerts cannot stand in, as their bookkeeping is itself a
write. `watch(rt, bot)` runs beside the bot: every CHECK_SECONDS it `probe`s the database with a
one-row write on a connection of its own (in a thread: a lock's wait must not stop the event
loop) and looks at the disk's free space. When writes have failed for GRACE (a backup's short
lock is not news), every admin gets one message saying what, since when and what to do; when a
write works again, one message saying so. The state is kept in memory, as telling it needs no
write; a new «down» message comes at most once per REPEAT_GAP (a flapping lock). `step` is the
pure rule.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import sqlite3
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any, Literal

from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.runtime import Runtime
from digests.db_faults import FAULT_LOG, FAULT_TEXT, Fault, fault_of

log = logging.getLogger("bot.app")

CHECK_SECONDS = 30.0  # how often the database is probed
GRACE = 60.0  # writes failing at least this long (seconds) are told
REPEAT_GAP = 30 * 60.0  # at most one «down» message this often
PROBE_TIMEOUT = 5.0  # a probe waits this long for another writer's lock
MIN_FREE_BYTES = 1 << 20  # less free space than this on the database's disk is «full»
PROBE_KEY = "db_write_probe"

Say = Literal["down", "up"]


@dataclass(frozen=True)
class WriteState:
    """What the watch knows (monotonic seconds): since when writes fail and with what fault,
    whether the admins were told, and when they were last told «down»."""

    failing_since: float | None = None
    fault: Fault | None = None
    told: bool = False
    told_at: float | None = None


def step(state: WriteState, fault: Fault | None, now: float, *, grace: float = GRACE,
         gap: float = REPEAT_GAP) -> tuple[WriteState, Say | None]:
    """The state after a probe finding `fault` (None: the write worked) at `now`, and what to
    tell the admins: «down» once writes have failed for `grace` (not twice within `gap`),
    «up» when they work again after a «down»."""
    if fault is None:
        return WriteState(told_at=state.told_at), ("up" if state.told else None)
    since = state.failing_since if state.failing_since is not None else now
    state = replace(state, failing_since=since, fault=fault)
    if state.told or now - since < grace:
        return state, None
    if state.told_at is not None and now - state.told_at < gap:
        return state, None
    return replace(state, told=True, told_at=now), "down"


def free_bytes(path: Path) -> int | None:
    """Free space on the disk holding `path` (None when it cannot be read)."""
    try:
        return shutil.disk_usage(path.parent if path.parent.exists() else Path(".")).free
    except OSError:
        return None


def probe(path: Path, timeout: float | None = None) -> Fault | None:
    """Try one small write (a row in meta, committed) on a connection of its own: the fault
    that refused it, or None. A disk with less than MIN_FREE_BYTES free is «full» even when the
    small write still found room (the poll's bigger ones did not)."""
    free = free_bytes(path)
    if free is not None and free < MIN_FREE_BYTES:
        return "full"
    try:
        con = sqlite3.connect(path, timeout=PROBE_TIMEOUT if timeout is None else timeout,
                              isolation_level=None)
        try:
            con.execute("begin immediate")
            con.execute("insert into meta (key, value) values (?, ?) on conflict (key) do update "
                        "set value = excluded.value",
                        [PROBE_KEY, datetime.now(timezone.utc).isoformat(timespec="seconds")])
            con.execute("commit")
        finally:
            con.close()
    except sqlite3.Error as exc:
        fault = fault_of(exc)
        if fault is None:  # not the database's trouble (a missing table: an old file)
            log.warning("database write probe failed error=%s", exc)
        return fault
    return None


def text(say: Say, fault: Fault | None, minutes: int) -> str:
    """The admins' message, Arabic first then English (bot.texts_alerts; HTML-escaped)."""
    from bot.i18n import num, t

    what = FAULT_TEXT.get(fault, "") if fault else ""
    whats = {"ar": escape(what.partition(" / ")[0]),
             "en": escape(FAULT_LOG.get(fault, "") if fault else "")}
    key = "db_writes_down" if say == "down" else "db_writes_up"
    return "\n\n".join(t(key, lang, minutes=num(minutes, lang), what=whats[lang])
                        for lang in ("ar", "en"))


async def tell(rt: Runtime, bot: Any, message: str) -> int:
    """Send to every admin straight (no outbox: that is a write); how many got it."""
    sent = 0
    for admin in sorted(rt.settings.admin_ids):
        try:
            await bot.send_message(admin, message, parse_mode=ParseMode.HTML)
            sent += 1
        except TelegramError as exc:
            log.warning("database alert not sent admin=%s error=%s", admin, exc)
    return sent


async def watch(rt: Runtime, bot: Any, path: Path) -> None:
    """Probe every CHECK_SECONDS until cancelled; tell the admins what `step` says."""
    state = WriteState()
    while True:
        await asyncio.sleep(CHECK_SECONDS)
        try:
            fault = await asyncio.to_thread(probe, path)
            now = time.monotonic()
            since = state.failing_since
            state, say = step(state, fault, now, grace=GRACE, gap=REPEAT_GAP)
            if say is None:
                continue
            minutes = max(1, round((now - (since if since is not None else now)) / 60))
            log.warning("database writes %s fault=%s minutes=%d",
                        "failing: admins told" if say == "down" else "work again: admins told",
                        state.fault or fault, minutes)
            await tell(rt, bot, text(say, state.fault or fault, minutes))
        except asyncio.CancelledError:
            raise
        except Exception:  # the watch goes on
            log.exception("database write watch failed")
