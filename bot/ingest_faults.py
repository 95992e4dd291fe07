"""/ingest when the database cannot be written (QA40 N4): the answer still goes, and /sources
says its states predate a poll that could not be stored.

On a full disk the poll failed, its answer «⚠️ فشل الجلب: القرص … ممتلئ» was built, and then
storing that answer (bot.ingests.record_answer, itself a write) raised: the admin saw «⏳ بدأ
جلب الأخبار…» and nothing else, and the next start said the poll was interrupted. Here the
answer is sent whether or not it could be stored, and stored (with «given») once the database
takes writes again, so a restart owes nothing. A poll whose outcome could not be written left
every source's state as it was («✅»): /sources says so until a later poll is recorded. The
memory of that is this process's (the database is what could not be written).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime

from telegram.ext import ContextTypes

from bot.admin import Told, deliver_owed
from bot.i18n import t
from bot.ingests import answered, record_answer
from bot.runtime import Runtime
from digests.models import iso
from digests.storage import FAULT_TEXT, Fault, fault_of

log = logging.getLogger(__name__)

STORE_RETRY_SECONDS = 30.0  # a report not stored is stored again this often …
STORE_RETRIES = 20          # … this many times (10 min), then a restart says «interrupted»


@dataclass(frozen=True)
class Unstored:
    """A poll whose outcome the database would not take: when, and why."""

    at: datetime
    kind: Fault


_UNSTORED: dict[str, Unstored] = {}  # database path → the last poll not stored


def remember_unstored(rt: Runtime, at: datetime, kind: Fault) -> None:
    """The poll of `at` could not be written (`kind`): /sources says so (`sources_note`)."""
    _UNSTORED[str(rt.db.path)] = Unstored(at, kind)
    log.warning("poll not stored at=%s fault=%s", iso(at), kind)


def sources_note(rt: Runtime, lang: str) -> str | None:
    """«⚠️ the poll of HH:MM UTC could not be stored: … the states below predate it» while no
    poll after it was recorded; None otherwise."""
    unstored = _UNSTORED.get(str(rt.db.path))
    if unstored is None:
        return None
    later = rt.db.db.execute("select 1 from polls where coalesce(finished_at, started_at) > ?"
                             " limit 1", [iso(unstored.at)]).fetchone()
    if later:  # a later poll was written (times kept to the second): the states are its own
        _UNSTORED.pop(str(rt.db.path), None)
        return None
    return t("sources_unstored", lang, when=f"{unstored.at:%H:%M}",
             fault=FAULT_TEXT[unstored.kind])


def _store(rt: Runtime, request_id: int, html: str, *, given: bool) -> Fault | None:
    """Store the final answer (and that it was given); the database's fault when it would
    not take it (any other error is raised)."""
    try:
        record_answer(rt.db, request_id, html, rt.now())
        if given:
            answered(rt.db, request_id, rt.now())
    except Exception as exc:
        kind = fault_of(exc)
        if kind is None:
            raise
        return kind
    return None


async def finish(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                 request_id: int, html: str, reply_to: int | None = None) -> None:
    """Store the final answer, send it (a reply to the /ingest message `reply_to`, as its
    «بدأ» is: X80), mark it given. An answer the database will not take is sent all the same,
    then stored every STORE_RETRY_SECONDS until it can be."""
    kind = _store(rt, request_id, html, given=False)
    if kind is None:
        if await deliver_owed(rt, context, chat_id, html, reply_to) is not Told.UNSENT:  # owed
            answered(rt.db, request_id, rt.now())
        return
    remember_unstored(rt, rt.now(), kind)
    log.warning("ingest answer not stored request=%s fault=%s: sent all the same",
                request_id, kind)
    told = await deliver_owed(rt, context, chat_id, html, reply_to)
    for _ in range(STORE_RETRIES):
        await asyncio.sleep(STORE_RETRY_SECONDS)
        if _store(rt, request_id, html, given=told is not Told.UNSENT) is None:
            log.info("ingest answer stored at last request=%s", request_id)
            return
