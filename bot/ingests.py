"""An admin's /ingest is owed its answer in the database, so a restart cannot swallow it.

The handler (bot.sources_admin.ingest) records the request before the poll starts
(`owe_ingest`); the poll's task writes its final answer there before sending it
(`record_answer`) and marks it given once Telegram took it or refused it for good (`answered`;
a transient error that outlasts bot.admin.deliver's retries leaves it owed, QA20 O1). A process killed in the
middle (SIGKILL, a crash) or stopped (SIGTERM cancels the poll) leaves the request owed; the next
start (`resume_ingests`, from bot.app) answers each: the stored answer when the poll had finished,
else «⚠️ توقف الجلب قبل أن يكتمل؛ أعد المحاولة بـ /ingest» — a poll is not run again behind the
admin's back (the scheduled poll catches up anyway). Migration 022_ingest_requests; the model is
the /push report (bot.pushes.resume_reports, QA12 F1). Telegram gives the restarted bot the
updates the killed one had not confirmed: the same /ingest message again within
REDELIVERY_WINDOW is ignored (its message id and bot are kept, migrations 023 and 026), so the
admin reads «توقف…» once and no second poll starts; answered requests are pruned after
KEEP_ANSWERED.

Order (QA15 N10): the poll's task sends «⏳ بدأ جلب الأخبار…» through `acknowledge`; a second
/ingest while it runs waits for that (`acknowledged`, at most ACK_WAIT_SECONDS) before it is
answered «الجلب جارٍ بالفعل», so the admin reads them in the order they happened.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from datetime import datetime, timedelta
from typing import Any

from telegram.ext import ContextTypes

from bot.admin import Told, deliver_owed, tell
from bot.runtime import Runtime, ui
from digests.models import iso
from digests.storage import Database

log = logging.getLogger(__name__)

# How long a second /ingest waits for the first one's «بدأ» (sent within milliseconds unless
# Telegram's flood control holds it; the chat's later updates wait for it: bot.update_order).
ACK_WAIT_SECONDS = 5.0
# The «بدأ» of each poll task, set once it went (or could not go): a waiter needs it before
# the task has even started to run.
_ACKS: weakref.WeakKeyDictionary[asyncio.Task[Any], asyncio.Event] = \
    weakref.WeakKeyDictionary()
# How long a recorded /ingest message counts as "redelivered" when it comes again: Telegram hands
# a restarted bot what the stopped one had not confirmed, within the restart's minutes. An older
# match is another message with a reused id (QA16 N3: a database reused with a new bot token,
# whose message ids start again, ignored the admin's /ingest silently forever).
REDELIVERY_WINDOW = timedelta(minutes=30)
# Answered requests are kept this long, then pruned (`prune_ingests`, the daily purge job).
KEEP_ANSWERED = timedelta(days=7)


def _ack(task: asyncio.Task[Any]) -> asyncio.Event:
    return _ACKS.setdefault(task, asyncio.Event())


async def acknowledge(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                      lang: str, task: asyncio.Task[Any] | None = None,
                      reply_to: int | None = None) -> None:
    """For the poll's task (`task`, by default the current one): send «⏳ بدأ جلب الأخبار…» (a
    429 waited out) as a reply to the /ingest message `reply_to` (QA49 M11: in a busy forum
    topic, whose /ingest it is), then let a second /ingest waiting in `acknowledged` be
    answered."""
    try:
        await tell(rt, context, chat_id, ui(lang, "ingest_started"), reply_to)
    finally:
        task = task or asyncio.current_task()
        if task is not None:
            _ack(task).set()


async def acknowledged(task: asyncio.Task[Any]) -> None:
    """Wait until the running poll `task` has sent its «بدأ» (at most ACK_WAIT_SECONDS)."""
    try:
        await asyncio.wait_for(_ack(task).wait(), ACK_WAIT_SECONDS)
    except TimeoutError:
        log.info("ingest acknowledgement still waiting; second /ingest answered first")


def owe_ingest(db: Database, chat_id: int, lang: str, now: datetime,
               message_id: int | None = None, bot_id: int | None = None) -> int | None:
    """Record that `chat_id` (an admin, in `lang`) asked bot `bot_id` for a poll with message
    `message_id`; returns the request id, or None when that message of that bot was recorded in
    the last REDELIVERY_WINDOW — Telegram gives a killed bot's last updates to the next start
    again, and a redelivered /ingest is the request the restart already answered, not a new one.
    Another bot's message with the same id (a database reused with a new token: its message ids
    start again) is a new request at once (QA17). A request recorded without its bot (before
    migration 026, or `bot_id` None) is taken as the same bot's."""
    with db.transaction() as tx:
        if message_id is not None and tx.execute(
                "select 1 from ingest_requests where chat_id = ? and message_id = ?"
                " and requested_at >= ? and (? is null or bot_id is null or bot_id = ?)",
                [chat_id, message_id, iso(now - REDELIVERY_WINDOW), bot_id, bot_id]).fetchone():
            return None
        cur = tx.execute("insert into ingest_requests (chat_id, lang, requested_at, message_id,"
                         " bot_id) values (?, ?, ?, ?, ?)",
                         [chat_id, lang, iso(now), message_id, bot_id])
    return int(cur.lastrowid or 0)


def record_answer(db: Database, request_id: int, html: str, now: datetime) -> None:
    """The poll finished: keep its final answer until it is given."""
    with db.transaction() as tx:
        tx.execute("update ingest_requests set finished_at = ?, report = ? where id = ?",
                   [iso(now), html, request_id])


def answered(db: Database, request_id: int, now: datetime) -> None:
    """The final answer went (or Telegram refused it for good): nothing is owed any more."""
    with db.transaction() as tx:
        tx.execute("update ingest_requests set reported_at = ? where id = ?",
                   [iso(now), request_id])


def prune_ingests(db: Database, now: datetime, *, keep: timedelta = KEEP_ANSWERED,
                  batch: int = 5000) -> int:
    """Delete requests answered more than `keep` ago (QA16 N2: the table only grew), in batches
    of `batch`, each its own short transaction; an unanswered one stays until it is answered.
    Returns how many went."""
    cutoff, removed = iso(now - keep), 0
    while True:
        with db.transaction() as tx:
            n = tx.execute("delete from ingest_requests where id in (select id from"
                           " ingest_requests where reported_at is not null and reported_at < ?"
                           " and requested_at < ? limit ?)", [cutoff, cutoff, batch]).rowcount
        removed += n
        if n < batch:
            return removed


def owed_ingests(db: Database) -> list[tuple[int, int, str, str | None]]:
    """(request id, admin chat id, language, final answer or None) of every unanswered
    /ingest, oldest first."""
    rows = db.db.execute("select id, chat_id, lang, report from ingest_requests"
                         " where reported_at is null order by id").fetchall()
    return [(int(i), int(c), str(lang), report) for i, c, lang, report in rows]


def resume_ingests(rt: Runtime, context: ContextTypes.DEFAULT_TYPE) -> int:
    """At start: answer each /ingest a stopped or killed process still owed (its stored answer,
    or that it stopped before it finished), in the background; returns how many."""
    owed = owed_ingests(rt.db)
    if owed:
        rt.spawn(_answer_owed(rt, context, owed), "ingest-resume")
        log.info("ingest answers resumed count=%d", len(owed))
    return len(owed)


async def _answer_owed(rt: Runtime, context: ContextTypes.DEFAULT_TYPE,
                       owed: list[tuple[int, int, str, str | None]]) -> None:
    for request_id, chat_id, lang, report in owed:
        told = await deliver_owed(rt, context, chat_id, report or ui(lang, "ingest_interrupted"))
        if told is not Told.UNSENT:  # the API still down: owed to the next start (QA20 O1)
            answered(rt.db, request_id, rt.now())
