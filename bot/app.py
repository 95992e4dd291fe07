"""The PTB 22 Application: building it, starting and stopping it, and running the real bot.

`build_application(settings, db)` returns a ready Application whose Bot talks to
TELEGRAM_API_BASE_URL (Telegram, a self-hosted Bot API server, or the emulator): its handlers
(bot.handlers; chats handled side by side, each chat's updates in order: bot.update_order), its
error handler (bot.update_errors.on_error) and its jobs (bot.jobs: the sources polled every
POLL_INTERVAL_MINUTES as a background task a stop cancels like /ingest's, and a daily purge). Its post_init registers the command menu in Arabic and English and starts
the sender (bot.sender.Sender) as a background task; post_stop stops it.
`start_application`/`stop_application` do in a running event loop what `run_polling` does (the
demo and tests). `run_bot(settings)` runs it with long polling, or as a webhook when WEBHOOK_URL
is set; while the Bot API has not answered at start, a WARNING every 15 s says so
(bot.api_noise.StartWatch), and a start that fails ends with one clear line (bot.startup).

Database: handlers, jobs and the sender use `Runtime.db` on the event loop; a poll's store work
runs in its own writer thread and connection (digests.writer). A handler that writes waits for
the article transaction in progress, if any (SQLite has one writer); reads never wait.

Logging: the httpx logger stays at WARNING (its INFO lines carry the token in URLs) and the
root handler redacts the token anyway (digests.logs). The modules split from this one log as
bot.app still, so an operator's filters keep working.

The names of those modules stay importable from here (`from bot.app import poll_job`).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ApplicationBuilder, ContextTypes

from bot import api_noise, held_updates, warm_tables
from bot.commands_chat import commands_for
from bot.handlers import register_handlers, set_commands
from bot.jobs import FIRST_POLL_SECONDS, poll_job, purge_job, schedule_jobs, scheduled_poll
from bot.limiter import RateLimiter
from bot.ptb_types import App
from bot.reply_limiter import ReplyLimiter
from bot.runtime import RUNTIME_KEY, Runtime, utc_now
from bot.startup import (
    BOOTSTRAP_RETRIES,
    CONFIG_STATUS,
    READ_TIMEOUT_SECONDS,
    START_BOUND_SECONDS,
    WRITE_TIMEOUT_SECONDS,
    api_urls,
    start_failure,
    start_status,
    token_refusal,
    webhook_options,
)
from bot.update_errors import (
    BUSY_REPLY,
    STALE_PRESS,
    UNSAVED_REPLY,
    on_error,
)
from bot.update_order import Asked, ChatOrderedProcessor, Heard
from digests.errors import ConfigError, StorageError
from digests.file_checks import drop_empty_journal, journal_files
from digests.logs import url_for_log, url_host
from digests.settings import Settings
from digests.start_warnings import admins_empty, listed_feeds, no_sources
from digests.storage import Database, DatabaseInUse, hold_lock

__all__ = [
    "BOOTSTRAP_RETRIES", "BUSY_REPLY", "FIRST_POLL_SECONDS", "HANDLER_BUSY_SECONDS",
    "OPTIONS_KEY", "READ_TIMEOUT_SECONDS", "STALE_PRESS",
    "START_BOUND_SECONDS", "STOP_TIMEOUT_SECONDS", "UNSAVED_REPLY", "WATCH_KEY",
    "WRITE_TIMEOUT_SECONDS", "api_urls", "build_application", "commands_for", "on_error",
    "poll_job", "purge_job", "register_handlers", "run_bot", "scheduled_poll", "set_commands",
    "start_application", "stop_application", "webhook_options",
]

log = logging.getLogger(__name__)

OPTIONS_KEY = "nashra_options"
HELD_KEY = "nashra_held_updates"  # (the update processor, the held updates' file)
STOP_WATCH_KEY = "nashra_stop_watch"  # bot.held_updates.watch_stop's task
CLOCK_WATCH_KEY = "nashra_clock_watch"  # bot.clock_watch.watch's task (QA43 C1)
DB_WATCH_KEY = "nashra_db_watch"  # bot.db_alerts.watch's task (QA43 C2)
WATCH_KEY = "nashra_start_watch"  # bot.api_noise.StartWatch of run_bot, told at post_init
STOP_TIMEOUT_SECONDS = 10.0
HEARD = "👀"  # the reaction on a group member's message whose answer is held (QA31 G1)
# How long a write on the event loop's connection waits for SQLite's write lock: the article
# transaction of a poll in progress takes well under it; a lock another program holds is met
# briefly and answered «busy» instead of freezing every reply 30 s (QA16 F1).
HANDLER_BUSY_SECONDS = 2.0


def build_application(settings: Settings, db: Database, *,
                      clock: Callable[[], datetime] = utc_now, start_sender: bool = True,
                      poll_sources: bool = True, sender_options: dict[str, object] | None = None
                      ) -> App:
    """The bot, ready for `run_polling`/`run_webhook` or manual `initialize`/`start`.

    Args:
        settings: token, API base URL, admins, poll interval, send rate.
        db: the open database (shared by handlers, jobs and the sender; one event loop).
        clock: what "now" is (tests and the demo may pin it).
        start_sender: start bot.sender.Sender in post_init (off when another process sends).
        poll_sources: schedule poll_once every POLL_INTERVAL_MINUTES.
        sender_options: extra keyword arguments for the Sender (tests: poll_seconds …).

    Raises:
        ConfigError: no TELEGRAM_BOT_TOKEN.
    """
    api_noise.install()  # PTB's «invalid JSON» tracebacks → one WARNING line (QA14 F4, F6)
    if not settings.telegram_bot_token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is empty: set it (from @BotFather) or run the "
                          "offline demo with `python run.py demo`")
    base_url, file_url = api_urls(settings)
    # one limiter for the sender and the bot's answers to readers (QA27 D1: bot.reply_limiter)
    limiter = RateLimiter(settings.send_rate_per_second)
    heard = Heard()
    replies = ReplyLimiter(limiter, heard)
    # a stop's unanswered updates are answered after the restart (QA37 T1: bot.held_updates)
    held = held_updates.held_path(settings.database_path)
    processor = ChatOrderedProcessor(heard, on_held=functools.partial(held_updates.hold, held),
                                     on_done=functools.partial(held_updates.answered, held))
    app = (ApplicationBuilder()
           .token(settings.telegram_bot_token)
           .base_url(base_url)
           .base_file_url(file_url)
           .read_timeout(READ_TIMEOUT_SECONDS)
           .write_timeout(WRITE_TIMEOUT_SECONDS)
           .post_init(_post_init)
           .post_stop(_post_stop)
           .post_shutdown(_post_shutdown)
           .rate_limiter(replies)
           # chats side by side, each chat's updates in order (QA31 G1: bot.update_order)
           .concurrent_updates(processor)
           .build())
    heard.react = functools.partial(_heard, app)
    app.bot_data[RUNTIME_KEY] = Runtime(settings=settings, db=db, clock=clock)
    app.bot_data[HELD_KEY] = (processor, held)
    app.bot_data[OPTIONS_KEY] = {"start_sender": start_sender,
                                 "sender_options": {"limiter": limiter,
                                                    **(sender_options or {})}}
    register_handlers(app)
    app.add_error_handler(on_error)
    schedule_jobs(app, settings, poll_sources=poll_sources)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return app


async def _heard(app: App, asked: Asked) -> object:
    """The «heard» sign on a member's message whose answer waits for the group's window."""
    return await app.bot.set_message_reaction(asked.chat_id, asked.message_id, HEARD)


async def _post_init(app: App) -> None:
    rt: Runtime = app.bot_data[RUNTIME_KEY]
    # the word tables a rendering and a reader's answer read, built in their own thread while
    # the start goes on (bot.warm_tables: 0.5–3 s that froze the loop at the first push)
    warm_tables.start()
    watch = app.bot_data.get(WATCH_KEY)
    if watch is not None:  # getMe answered: the start is no longer waiting on a silent API
        watch.ready()
        # run_bot: a stop signal does not wait out PTB's retry backoff (QA16 N7)
        api_noise.install_stop_signals(asyncio.get_running_loop())
    try:
        await set_commands(app)
    except TelegramError as exc:
        log.warning("setMyCommands failed error=%s", exc)
    processor, held = app.bot_data[HELD_KEY]
    await held_updates.replay(app, held)  # before polling: the held ones come first
    # not in rt.tasks: those are the bot's work in progress (the demo waits for them to end)
    app.bot_data[STOP_WATCH_KEY] = asyncio.create_task(
        held_updates.watch_stop(app, processor), name="stop-watch")
    if app.job_queue is not None:  # the jobs plan on the wall clock: re-planned when it jumps
        from bot import clock_watch

        from bot import db_alerts

        app.bot_data[CLOCK_WATCH_KEY] = asyncio.create_task(
            clock_watch.watch(app.job_queue, functools.partial(db_alerts.tell, rt, app.bot),
                              functools.partial(clock_watch.recent_lags, rt.db)),
            name="clock-watch")
    if rt.settings.admin_ids and rt.db.path != ":memory:":  # writes refused: admins told (C2)
        from bot import db_alerts

        app.bot_data[DB_WATCH_KEY] = asyncio.create_task(
            db_alerts.watch(rt, app.bot, Path(rt.db.path)), name="db-watch")
    options = app.bot_data[OPTIONS_KEY]
    if options["start_sender"]:
        from bot.origins import bundle_topics
        from bot.sender import Sender
        from digests import general_hold

        # Delivered digests name the topic they came for (bot.origins).
        # a general-only chat's minor stories wait for company (QA79-16); tests may say 0
        hold: dict[str, object] = {"general_hold": general_hold.GENERAL_HOLD}
        rt.sender = Sender(rt.db, app.bot, rt.settings, clock=rt.clock, topics_of=bundle_topics,
                           **{**hold, **options["sender_options"]})
        rt.sender_task = asyncio.create_task(rt.sender.run(), name="sender")
    # Reports of pushes a stopped or killed process still owed its admins (QA12 F1).
    from bot.pushes import resume_reports

    resume_reports(rt, ContextTypes.DEFAULT_TYPE(app))
    # … and the answers of /ingest requests it was killed or stopped in the middle of (X8).
    from bot.ingests import resume_ingests

    resume_ingests(rt, ContextTypes.DEFAULT_TYPE(app))
    log.info("bot ready username=%s admins=%d", app.bot.username, len(rt.settings.admin_ids))
    if not rt.settings.admin_ids:  # QA10 F7: an operator's first start says how to become one
        log.warning("%s", admins_empty())
    from bot import model_warning

    if model_warning.use_missing(rt.settings):  # stories quietly worse without it (QA41 T7)
        log.warning("%s", model_warning.start_line())


async def _post_stop(app: App) -> None:
    """Stop background work while the bot can still talk (before shutdown)."""
    rt: Runtime = app.bot_data[RUNTIME_KEY]
    if rt.sender is not None and rt.sender_task is not None and not rt.sender_task.done():
        # Graceful: messages already on the wire finish, so none is sent twice after the
        # restart (QA12 F4); the rest stay pending for the next start.
        try:
            await rt.sender.stop(STOP_TIMEOUT_SECONDS)
        except Exception:  # stopping must go on whatever the sender's state
            log.exception("sender did not stop gracefully")
    for key in (STOP_WATCH_KEY, CLOCK_WATCH_KEY, DB_WATCH_KEY):
        watch = app.bot_data.pop(key, None)
        if watch is not None:
            watch.cancel()
    tasks = [task for task in (rt.sender_task, *rt.tasks) if task is not None and not task.done()]
    for task in tasks:
        task.cancel()
    if tasks:
        # Bounded: a task that ignores cancellation must not keep the bot from stopping.
        done, pending = await asyncio.wait(tasks, timeout=STOP_TIMEOUT_SECONDS)
        for task in done:
            if not task.cancelled() and task.exception() is not None:
                log.warning("background task ended with error name=%s error=%r",
                            task.get_name(), task.exception())
        for task in pending:
            log.warning("background task did not stop in time name=%s", task.get_name())
    rt.sender_task = None


async def _post_shutdown(app: App) -> None:
    await _post_stop(app)


async def start_application(app: App, *, poll_timeout: int = 10,
                            webhook: dict[str, object] | None = None) -> None:
    """Start the bot inside a running event loop, as `run_polling`/`run_webhook` would (the demo
    and tests): initialize, post_init (command menus, sender), long polling or the webhook
    server, update processing."""
    await app.initialize()
    if app.post_init is not None:
        await app.post_init(app)
    assert app.updater is not None
    if webhook is not None:
        await app.updater.start_webhook(**webhook)  # type: ignore[arg-type]
    else:
        # as run_polling does: a failed poll reaches the error handler (on_error), not PTB's
        # own ERROR traceback
        def polling_error(exc: TelegramError) -> None:
            app.create_task(app.process_error(update=None, error=exc))

        await app.updater.start_polling(poll_interval=0.0, timeout=poll_timeout,
                                        allowed_updates=Update.ALL_TYPES,
                                        error_callback=polling_error)
    await app.start()


async def stop_application(app: App) -> None:
    """The reverse of `start_application`; safe to call after a partial start."""
    if app.updater is not None and app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    if app.post_stop is not None:
        await app.post_stop(app)
    await app.shutdown()
    if app.post_shutdown is not None:
        await app.post_shutdown(app)


def run_bot(settings: Settings) -> int:
    """Run the real bot until interrupted: long polling, or a webhook when WEBHOOK_URL is set.

    Returns the exit status: 0 after a stop, 2 for a token Telegram refuses (a configuration
    error), 1 for a start that failed otherwise (the database in use, the network down).
    """
    from digests.sources import list_sources, load_sources_file

    # a token Telegram refuses is said before the database (or its lock) is created or
    # upgraded (QA69-5: the refusal came after 50 migrations and the shipped sources)
    refused = token_refusal(settings) if settings.telegram_bot_token else None
    if refused is not None:
        print(refused, file=sys.stderr)
        return CONFIG_STATUS  # a configuration error: not restarted by the unit (REV2 #3)
    try:  # one bot per database: a second one would send everything again (QA16 N1)
        lock = hold_lock(settings.database_path)
    except DatabaseInUse as exc:
        print(str(exc), file=sys.stderr)
        return 1
    # the whole file checked at start (QA22 U7; digests.file_checks.START_CHECK_BYTES)
    alone = not any(p.exists() for p in journal_files(settings.database_path))
    try:
        db = Database(settings.database_path, busy_seconds=HANDLER_BUSY_SECONDS,
                      start_check=True)
    except StorageError:
        if lock is not None:
            lock.close()
        if alone:  # a refused start leaves the file as it found it (QA66-10)
            drop_empty_journal(settings.database_path)
        raise
    try:
        added = load_sources_file(db, settings, datetime.now(timezone.utc))
        log.info("sources loaded added=%d", len(added))
        if not list_sources(db):  # nothing to poll: say how to add one (QA30 O7)
            # a file whose lines were all refused does list feeds (QA55-13)
            log.warning("%s", no_sources(settings.sources_file,
                                         listed_feeds(settings.sources_file)))
        app = build_application(settings, db)
        # A few start-up retries ride out a short network hiccup; a wrong token or base URL
        # still ends with a clear message instead of a traceback (PTB's own tracebacks of the
        # start-up retries go to DEBUG: digests.logs). A server that never answers is said
        # every 15 s until the start gives up (QA15 N3).
        host = url_host(settings.telegram_api_base_url)  # never a proxy's user:password@ (QA65-1)
        with api_noise.StartWatch(host, START_BOUND_SECONDS) as watch:
            app.bot_data[WATCH_KEY] = watch
            if settings.webhook_url:
                # scheme and host only: a webhook path often holds a secret, the token's own
                # secret half included (QA14 F3)
                log.info("starting mode=webhook url=%s listen=%s:%s",
                         url_for_log(settings.webhook_url), settings.webhook_listen,
                         settings.webhook_port)
                app.run_webhook(bootstrap_retries=BOOTSTRAP_RETRIES,
                                **webhook_options(settings))  # type: ignore[arg-type]
            else:
                log.info("starting mode=polling api=%s", host)
                app.run_polling(allowed_updates=Update.ALL_TYPES,
                                bootstrap_retries=BOOTSTRAP_RETRIES)
    except (TelegramError, OSError) as exc:
        line = start_failure(exc, settings)
        if line is None:
            raise
        print(line, file=sys.stderr)
        return start_status(exc)
    finally:
        db.close()
        if lock is not None:
            lock.close()
    return 0
