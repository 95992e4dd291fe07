"""The admins told in Telegram when the database stops taking writes, and when it takes them
again (QA43 C2).

A full disk, a database locked by another program (a sqlite3 shell, a backup) or a file made
read-only under the bot showed only as ERROR lines: 240 s of full disk and 4 failed polls gave 0
admin messages, and the failing-source alerts cannot stand in, as their bookkeeping is itself a
write. `watch(rt, bot)` runs beside the bot: every TICK it weighs what the process's own writes
met (`Runtime.writes`: a chat recorded, a button stored, a scheduled poll, a handler's write
refused, the sender's outbox writes: `hear_sender`), and every CHECK_SECONDS the disk's free
space; it writes nothing itself (X69: it used to probe with a one-row write on a connection of
its own, a second writer beside the project's one). When the
refusals have lasted GRACE (a backup's short lock is not news), every admin gets one message
saying what, since when and what to do; when a write works again, one message saying so. A
disk with less than MIN_FREE_BYTES free is «full» whatever the small writes do (a poll's bigger
ones do not fit). The state is kept in memory, as telling it needs no write; a new «down»
message comes at most once per REPEAT_GAP (a flapping lock). `step` and `check` are the pure
rules.

QA53 (3,000 chats): the alert must come while the fault lasts and name it. A refusal seen in the
last FRESH seconds stands at the check's time (the sender tries every second while rows are
due), and the watch weighs what the writes met every TICK (memory only; the disk's free space
is read every CHECK_SECONDS), so the admins hear within GRACE + about a second of the first
refusal, not up to GRACE + CHECK_SECONDS later, and the «up» within a TICK of the first write
that works (the sender's included, bot.courier.ReportedWrites). A different fault after a
«down» (a lock, then a full disk) is told once more, with its name; the «up» names the faults
it ends. At start it also tells the admins when the last run was killed mid-broadcast
(bot.restart_note, QA53 S5).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path
from typing import Any, Literal

from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot import restart_note
from bot.runtime import Runtime, WriteHealth
from digests.db_faults import FAULT_LOG, DatabaseFault, Fault

log = logging.getLogger(__name__)

CHECK_SECONDS = 10.0  # how often the disk's free space is read (a disk_usage call)
GRACE = 60.0  # writes failing at least this long (seconds) are told
REPEAT_GAP = 30 * 60.0  # at most one «down» message this often
MIN_FREE_BYTES = 1 << 20  # less free space than this on the database's disk is «full»
TICK = 1.0  # how often the writes' outcome (memory) is weighed
FRESH = 5.0  # a refusal this recent (seconds) still stands at the check: writers retry every 1 s

Say = Literal["down", "up"]


@dataclass(frozen=True)
class WriteState:
    """What the watch knows (monotonic seconds): since when writes fail and with what fault,
    whether the admins were told, when they were last told «down», and the last write that
    worked it has taken in."""

    failing_since: float | None = None
    fault: Fault | None = None
    told: bool = False
    told_at: float | None = None
    worked_seen: float | None = None
    told_faults: tuple[Fault, ...] = ()  # the faults the admins heard of, this run of refusals


def step(state: WriteState, fault: Fault | None, now: float, *, grace: float = GRACE,
         gap: float = REPEAT_GAP) -> tuple[WriteState, Say | None]:
    """The state after a write meeting `fault` (None: the write worked) at `now`, and what to
    tell the admins: «down» once writes have failed for `grace` (not twice within `gap`), once
    more for each other fault met after it (a lock, then a full disk: QA53 S1), «up» when they
    work again after a «down»."""
    if fault is None:
        return WriteState(told_at=state.told_at, worked_seen=state.worked_seen), (
            "up" if state.told else None)
    since = state.failing_since if state.failing_since is not None else now
    state = replace(state, failing_since=since, fault=fault)
    if state.told:
        if fault in state.told_faults:
            return state, None
        return replace(state, told_faults=(*state.told_faults, fault)), "down"
    if now - since < grace:
        return state, None
    if state.told_at is not None and now - state.told_at < gap:
        return state, None
    return replace(state, told=True, told_at=now, told_faults=(fault,)), "down"


@dataclass(frozen=True)
class Told:
    """One message for the admins: what, the fault, for how many minutes writes failed, and
    (for «up») every fault told in that run of refusals."""

    say: Say
    fault: Fault | None
    minutes: int
    faults: tuple[Fault, ...] = ()


def check(state: WriteState, writes: WriteHealth, free: int | None, now: float, *,
          grace: float = GRACE, gap: float = REPEAT_GAP) -> tuple[WriteState, list[Told]]:
    """`step` over what happened since the last check: the write that last worked (when new),
    then the refusals since it (the first and the latest: «60 s of refused writes» is their
    span, so one refused write before an idle minute is no alarm). A refused scheduled write
    (`writes.lasting`: the poll, tried again only a poll interval later) lasts until now: an
    idle bot's lock is told once GRACE has passed with no write working (QA48 R3); so does one
    refused within FRESH seconds (the writers try again every second or so: QA53 S1). A nearly
    full disk is «full» now, whatever the small writes did."""
    if free is not None and free < MIN_FREE_BYTES:
        seen: list[tuple[Fault | None, float]] = [("full", now)]
    else:
        seen = []
        if state.fault == "full" and writes.fault is None and state.failing_since is not None:
            seen.append((None, now))  # told from the free space alone, which is back (QA53 S1)
        if writes.worked_at is not None and writes.worked_at != state.worked_seen:
            seen.append((None, writes.worked_at))
        if writes.refused_since is not None and writes.fault is not None:
            seen.append((writes.fault, writes.refused_since))
            seen.append((writes.fault, writes.refused_at or writes.refused_since))
            latest = writes.refused_at or writes.refused_since
            if writes.lasting or now - latest <= FRESH:  # a refused poll; or still refusing
                seen.append((writes.fault, max(now, latest)))
    told = []
    for fault, at in seen:
        before = state
        state, say = step(state, fault, at, grace=grace, gap=gap)
        if say is not None:
            since = before.failing_since if say == "up" else state.failing_since
            minutes = max(1, round((at - (since if since is not None else at)) / 60))
            told.append(Told(say, state.fault if say == "down" else before.fault, minutes,
                             () if say == "down" else before.told_faults))
    return replace(state, worked_seen=writes.worked_at), told


def free_bytes(path: Path) -> int | None:
    """Free space on the disk holding `path` (None when it cannot be read)."""
    try:
        return shutil.disk_usage(path.parent if path.parent.exists() else Path(".")).free
    except OSError:
        return None


def cause(fault: Fault, lang: str, *, short: bool = False) -> str:
    """The cause as the admins read it (bot.texts_alerts «db_cause_*»; QA53 S1: «busy, try
    again shortly» named no cause): the full Arabic phrase, or its core for an «up»."""
    from bot.i18n import t

    said = t(f"db_cause_{fault}", lang)
    return said.rpartition(": ")[2].partition(" (")[0] if short else said


def text(say: Say, fault: Fault | None, minutes: int, faults: tuple[Fault, ...] = (),
         lang: str = "") -> str:
    """The admins' message in `lang` (the admin's stored language), Arabic first then English
    when it is not known (bot.texts_alerts; HTML-escaped): a «down» names its fault and what
    to do (QA66-7: the Arabic half said the cause only), an «up» the faults it ends
    (`faults`, else `fault`)."""
    from bot.i18n import t

    ended = faults or ((fault,) if fault else ())
    parts = []
    for lang in ((lang,) if lang in ("ar", "en") else ("ar", "en")):
        if say == "down":
            what = "" if fault is None else (
                f"{cause(fault, lang)}؛ {t(f'db_advice_{fault}', lang)}" if lang == "ar"
                else FAULT_LOG.get(fault, ""))
            parts.append(t("db_writes_down", lang, minutes=_minutes(minutes, lang),
                           what=escape(what)))
            continue
        line = t("db_writes_up", lang, minutes=_minutes(minutes, lang), what="")
        if ended:
            names = t("db_cause_then", lang).join(cause(f, lang, short=True) for f in ended)
            line += "\n" + t("db_cause_was", lang, causes=escape(names))
        parts.append(line)
    return "\n\n".join(parts)


def _minutes(minutes: int, lang: str) -> str:
    from bot.i18n import amount

    return amount(minutes, lang, "minute")


def _language(rt: Runtime, admin: int, known: dict[int, str]) -> str:
    """The admin's stored language, read now (a read works while writes are refused), else
    the one read at start (`known`), else "" (both languages)."""
    try:
        known[admin] = restart_note.admin_language(rt.db, admin) or known.get(admin, "")
    except DatabaseFault as exc:  # a damaged or unreadable file: what was read before, or both
        # (DEBUG: the alert being sent is the news, once per admin per alert)
        log.debug("admin language not read admin=%s error=%s", admin, exc)
    except Exception:  # a bug: the same, with its traceback (QA73-5)
        log.exception("admin language not read admin=%s", admin)
    return known.get(admin, "")


async def tell(rt: Runtime, bot: Any, message: str | Callable[[str], str],
               known: dict[int, str] | None = None) -> int:
    """Send to every admin straight (no outbox: that is a write); how many got it. A
    `message` made per language is said in each admin's own (QA66-7)."""
    sent = 0
    known = {} if known is None else known
    for admin in sorted(rt.settings.admin_ids):
        said = message if isinstance(message, str) else message(_language(rt, admin, known))
        try:
            await bot.send_message(admin, said, parse_mode=ParseMode.HTML)
            sent += 1
        except TelegramError as exc:
            log.warning("database alert not sent admin=%s error=%s", admin, exc)
    return sent


def hear_sender(rt: Runtime) -> None:
    """The sender's outbox writes feed `rt.writes` too (bot.courier.Courier.report_writes):
    a lock that meets only deliveries (an idle bot with alerts due) is told as the chat
    records' and polls' are (X69 «Left»; brief X75). Idempotent; nothing before the sender."""
    courier = getattr(rt.sender, "courier", None)
    if courier is not None:
        courier.report_writes(rt.writes)


async def watch(rt: Runtime, bot: Any, path: Path) -> None:
    """Weigh the writes every TICK (the free space every CHECK_SECONDS) until cancelled; tell
    the admins what `check` says."""
    # Read before any await: this task is made before the sender's, whose first pass recovers
    # the rows a killed run left 'sending' (QA53 S5: the admins heard nothing of it).
    # rows more than a day past due are dropped first, not sent as new (QA66-2)
    late = restart_note.drop_late(rt.db, rt.now())
    left = restart_note.note(rt.db)
    state = WriteState()
    hear_sender(rt)
    known: dict[int, str] = {}  # the admins' languages, read while the database works
    for admin in sorted(rt.settings.admin_ids):
        _language(rt, admin, known)
    if left is not None or late is not None:  # each admin in their language (QA62-6)
        for admin in sorted(rt.settings.admin_ids):
            lang = known.get(admin, "")
            said = [restart_note.late_text(late, lang)] if late is not None else []
            said += [restart_note.text(left, lang)] if left is not None else []
            try:
                await bot.send_message(admin, "\n\n".join(said), parse_mode=ParseMode.HTML)
            except TelegramError as exc:
                log.warning("restart note not sent admin=%s error=%s", admin, exc)
    free: int | None = None
    read_at = -CHECK_SECONDS
    while True:
        await asyncio.sleep(min(TICK, CHECK_SECONDS))
        try:
            hear_sender(rt)  # a sender started after the watch
            if time.monotonic() - read_at >= CHECK_SECONDS:
                free = await asyncio.to_thread(free_bytes, path)
                read_at = time.monotonic()
            state, told = check(state, rt.writes, free, time.monotonic(), grace=GRACE,
                                gap=REPEAT_GAP)
            for one in told:
                log.warning("database writes failing: admins told fault=%s minutes=%d"
                            if one.say == "down" else
                            "database writes work again: admins told fault=%s minutes=%d",
                            one.fault, one.minutes)
                await tell(rt, bot, functools.partial(text, one.say, one.fault, one.minutes,
                                                      one.faults), known)
        except asyncio.CancelledError:
            raise
        except Exception:  # the watch goes on
            log.exception("database write watch failed")
