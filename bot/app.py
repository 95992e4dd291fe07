"""The PTB 22 Application: handlers, command menus, scheduled polling and the sender.

`build_application(settings, db)` returns a ready Application whose Bot talks to
TELEGRAM_API_BASE_URL (Telegram, a self-hosted Bot API server, or the emulator). Its post_init
registers the command menu in Arabic and English and starts the sender (bot.sender.Sender) as a
background task; post_stop cancels it. The JobQueue polls the sources every
POLL_INTERVAL_MINUTES (the job starts the poll as a background task, which a stop cancels like
/ingest's) and purges old callback ids daily (a chat's time zone needs no job: its offset is
read from the zone when it is used, bot.zones.chat_offset).
`run_bot(settings)` runs it with long polling, or as a webhook when WEBHOOK_URL is set; while
the Bot API has not answered at start, a WARNING every 15 s says so (bot.api_noise.StartWatch).

Database: handlers, jobs and the sender use `Runtime.db` on the event loop; a poll's store work
runs in its own writer thread and connection (digests.writer). A handler that writes waits for
the article transaction in progress, if any (SQLite has one writer); reads never wait.

Logging: the httpx logger stays at WARNING (its INFO lines carry the token in URLs) and the
root handler redacts the token anyway (digests.logs).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import secrets
import sqlite3
import sys
from collections.abc import Callable
from datetime import datetime, time, timezone
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    Update,
)
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import (
    answers,
    api_noise,
    buttons,
    callbacks,
    channel_admin,
    channels,
    following,
    inline,
    preferences,
    pushes,
    search,
    sources_admin,
    stats,
    threads,
    welcome,
)
from bot.admin import retry_seconds
from bot.ingests import prune_ingests
from bot.i18n import ADMIN_COMMANDS, GROUP_COMMANDS, READER_COMMANDS, bilingual, t
from bot.runtime import RUNTIME_KEY, Runtime, chat_lang, runtime, ui, utc_now
from bot.send_failures import DEACTIVATING
from digests import outbox_states, outbox_upkeep, subscriptions
from digests.errors import ConfigError
from digests.logs import url_for_log
from digests.settings import Settings
from digests.storage import (
    FAULT_TEXT,
    FAULTS,
    Database,
    DatabaseInUse,
    fault_of,
    hold_lock,
)

log = logging.getLogger(__name__)

OPTIONS_KEY = "nashra_options"
WATCH_KEY = "nashra_start_watch"  # bot.api_noise.StartWatch of run_bot, told at post_init
FIRST_POLL_SECONDS = 5.0
STOP_TIMEOUT_SECONDS = 10.0
# How long a call to Telegram may take to answer (PTB's default is 5 s). A digest Telegram
# answers late was delivered all the same, and a timeout there is "maybe sent": re-sent, a
# duplicate the reader sees (QA12 F5: 12 s answers repeated every message). Long polls are
# timed apart (getUpdates adds its own timeout).
READ_TIMEOUT_SECONDS = 30.0
WRITE_TIMEOUT_SECONDS = 30.0
# How long a write on the event loop's connection waits for SQLite's write lock: the article
# transaction of a poll in progress takes well under it; a lock another program holds is met
# briefly and answered «busy» instead of freezing every reply 30 s (QA16 F1).
HANDLER_BUSY_SECONDS = 2.0
# A reader's answer when the database cannot take a write (bilingual: said before the chat's
# language could be stored).
BUSY_REPLY = FAULT_TEXT["locked"]
UNSAVED_REPLY = bilingual("unsaved")


def api_urls(settings: Settings) -> tuple[str, str]:
    """PTB's `base_url` and `base_file_url` from TELEGRAM_API_BASE_URL.

    "https://api.telegram.org/bot" → files at "https://api.telegram.org/file/bot" (the same rule
    holds for a self-hosted Bot API server and the emulator).
    """
    base = settings.telegram_api_base_url.rstrip("/")
    if base.endswith("/bot"):
        return base, base[: -len("/bot")] + "/file/bot"
    return base, base + "/file"


def commands_for(lang: str, *, admin_commands: bool = False, group: bool = False
                 ) -> list[BotCommand]:
    """The command menu in one language (descriptions ≤ 256 characters, as Telegram wants);
    `group` words the reader commands for a group (GROUP_COMMANDS), as /help there does."""
    idx = 1 if lang == "ar" else 2
    rows = READER_COMMANDS + (ADMIN_COMMANDS if admin_commands else ())
    menu = []
    for row in rows:
        text = row[idx]
        if group and row[0] in GROUP_COMMANDS:
            text = GROUP_COMMANDS[row[0]][idx - 1]
        menu.append(BotCommand(row[0], text[:256]))
    return menu


def build_application(settings: Settings, db: Database, *,
                      clock: Callable[[], datetime] = utc_now, start_sender: bool = True,
                      poll_sources: bool = True, sender_options: dict[str, object] | None = None
                      ) -> Application:
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
    app = (ApplicationBuilder()
           .token(settings.telegram_bot_token)
           .base_url(base_url)
           .base_file_url(file_url)
           .read_timeout(READ_TIMEOUT_SECONDS)
           .write_timeout(WRITE_TIMEOUT_SECONDS)
           .post_init(_post_init)
           .post_stop(_post_stop)
           .post_shutdown(_post_shutdown)
           .build())
    app.bot_data[RUNTIME_KEY] = Runtime(settings=settings, db=db, clock=clock)
    app.bot_data[OPTIONS_KEY] = {"start_sender": start_sender,
                                 "sender_options": dict(sender_options or {})}
    register_handlers(app)
    app.add_error_handler(on_error)
    if app.job_queue is not None:
        if poll_sources:
            app.job_queue.run_repeating(poll_job, interval=settings.poll_interval_minutes * 60,
                                        first=FIRST_POLL_SECONDS, name="poll-sources")
        app.job_queue.run_daily(purge_job, time=time(3, 30, tzinfo=timezone.utc),
                                name="purge-callbacks")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return app


def register_handlers(app: Application) -> None:
    """Every handler: reader and admin commands, topic text, buttons, inline, membership."""
    posts = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST
    # a channel's answers are public posts: menus and lists get one line there (bot.channels)
    app.add_handler(MessageHandler(filters.UpdateType.CHANNEL_POST & filters.COMMAND,
                                   channels.on_channel_command), group=-1)
    # a private answer to «➕ أضف موضوعًا» adds a channel's topic (bot.following), else goes on
    app.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.REPLY & filters.TEXT
        & ~filters.COMMAND, following.channel_topic_reply), group=-1)
    for name, func in (("start", welcome.start), ("help", welcome.help_command),
                       ("search", search.search_command),
                       ("lang", preferences.lang_command),
                       ("subscribe", following.subscribe_command),
                       ("unsubscribe", following.unsubscribe_command),
                       ("topics", following.topics_command), ("digest", answers.digest_command),
                       ("settings", preferences.settings_command),
                       ("channels", channel_admin.channels_command),
                       ("push", pushes.push), ("sources", sources_admin.sources_command),
                       ("addsource", sources_admin.addsource),
                       ("removesource", sources_admin.removesource),
                       ("ingest", sources_admin.ingest), ("stats", stats.stats)):
        app.add_handler(CommandHandler(name, func, filters=posts))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, welcome.chat_migrated))
    app.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.COMMAND,
        welcome.unknown_command))
    app.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND,
        answers.topic_question))
    # A sticker, photo, location … in a private chat: a caption is read as text, else a hint;
    # service messages (a pinned message, a chat photo changed) get nothing (QA10 F8).
    app.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & ~filters.TEXT
        & ~filters.StatusUpdate.ALL, welcome.not_text))
    app.add_handler(MessageHandler(
        filters.UpdateType.EDITED_MESSAGE & filters.ChatType.PRIVATE & filters.TEXT
        & ~filters.COMMAND, welcome.edited))
    app.add_handler(CallbackQueryHandler(buttons.on_callback))
    app.add_handler(InlineQueryHandler(inline.inline_query))
    app.add_handler(ChatMemberHandler(welcome.my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))


async def set_commands(app: Application) -> None:
    """The command menu: Arabic (also the default) and English, worded for groups in groups;
    admins see theirs too."""
    bot = app.bot
    await bot.set_my_commands(commands_for("ar"))
    await bot.set_my_commands(commands_for("ar"), language_code="ar")
    await bot.set_my_commands(commands_for("en"), language_code="en")
    groups = BotCommandScopeAllGroupChats()
    await bot.set_my_commands(commands_for("ar", group=True), scope=groups)
    await bot.set_my_commands(commands_for("en", group=True), scope=groups, language_code="en")
    rt: Runtime = app.bot_data[RUNTIME_KEY]
    for admin_id in sorted(rt.settings.admin_ids):
        scope = BotCommandScopeChat(admin_id)
        try:
            await bot.set_my_commands(commands_for("ar", admin_commands=True), scope=scope)
            await bot.set_my_commands(commands_for("en", admin_commands=True), scope=scope,
                                      language_code="en")
        except TelegramError as exc:  # the admin has not opened a chat with the bot yet
            log.info("admin command menu not set admin=%s error=%s", admin_id, exc)


async def _post_init(app: Application) -> None:
    rt: Runtime = app.bot_data[RUNTIME_KEY]
    watch = app.bot_data.get(WATCH_KEY)
    if watch is not None:  # getMe answered: the start is no longer waiting on a silent API
        watch.ready()
        # run_bot: a stop signal does not wait out PTB's retry backoff (QA16 N7)
        api_noise.install_stop_signals(asyncio.get_running_loop())
    try:
        await set_commands(app)
    except TelegramError as exc:
        log.warning("setMyCommands failed error=%s", exc)
    options = app.bot_data[OPTIONS_KEY]
    if options["start_sender"]:
        from bot.origins import bundle_topics
        from bot.sender import Sender

        # Delivered digests name the topic they came for (bot.origins).
        rt.sender = Sender(rt.db, app.bot, rt.settings, clock=rt.clock, topics_of=bundle_topics,
                           **options["sender_options"])
        rt.sender_task = asyncio.create_task(rt.sender.run(), name="sender")
    # Reports of pushes a stopped or killed process still owed its admins (QA12 F1).
    from bot.pushes import resume_reports

    resume_reports(rt, ContextTypes.DEFAULT_TYPE(app))
    # … and the answers of /ingest requests it was killed or stopped in the middle of (X8).
    from bot.ingests import resume_ingests

    resume_ingests(rt, ContextTypes.DEFAULT_TYPE(app))
    log.info("bot ready username=%s admins=%d", app.bot.username, len(rt.settings.admin_ids))
    if not rt.settings.admin_ids:  # QA10 F7: an operator's first start says how to become one
        log.warning("ADMIN_IDS is empty: nobody can run admin commands. To learn your Telegram "
                    "id, send /stats to the bot in a private chat: it answers with your id. "
                    "Put it in ADMIN_IDS and restart")


async def _post_stop(app: Application) -> None:
    """Stop background work while the bot can still talk (before shutdown)."""
    rt: Runtime = app.bot_data[RUNTIME_KEY]
    if rt.sender is not None and rt.sender_task is not None and not rt.sender_task.done():
        # Graceful: messages already on the wire finish, so none is sent twice after the
        # restart (QA12 F4); the rest stay pending for the next start.
        try:
            await rt.sender.stop(STOP_TIMEOUT_SECONDS)
        except Exception:  # stopping must go on whatever the sender's state
            log.exception("sender did not stop gracefully")
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


async def _post_shutdown(app: Application) -> None:
    await _post_stop(app)


def webhook_options(settings: Settings) -> dict[str, object]:
    """Arguments of run_webhook/start_webhook for WEBHOOK_URL: PTB serves the URL's path on
    WEBHOOK_LISTEN:WEBHOOK_PORT (TLS usually ends at a reverse proxy in front) and checks a fresh
    random secret token Telegram sends with every update."""
    return {"listen": settings.webhook_listen, "port": settings.webhook_port,
            "url_path": urlsplit(settings.webhook_url).path.lstrip("/"),
            "webhook_url": settings.webhook_url, "secret_token": secrets.token_urlsafe(32),
            "allowed_updates": Update.ALL_TYPES}


async def start_application(app: Application, *, poll_timeout: int = 10,
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


async def stop_application(app: Application) -> None:
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


async def poll_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Scheduled poll of the due sources, as a background task (skipped while an admin's
    /ingest or the previous scheduled poll runs).

    The job only starts the task: PTB's stop waits for running jobs, and a poll waiting for a
    site that never answers kept a stopping bot up to FETCH_TIMEOUT_SECONDS (QA15 N4). As a
    task (`Runtime.spawn`) it is cancelled at stop like /ingest's: what is stored stays
    stored, a page half-fetched is fetched again at the next poll."""
    rt = runtime(context)
    if any(task is not None and not task.done() for task in (rt.ingest_task, rt.poll_task)):
        return
    rt.poll_task = rt.spawn(scheduled_poll(rt), "scheduled-poll")


async def scheduled_poll(rt: Runtime) -> None:
    """Poll the due sources once; wake the sender when something new was stored."""
    from digests.pipeline import poll_once

    try:
        summary = await poll_once(rt.db, rt.settings, now=rt.now(), only_due=True)
    except asyncio.CancelledError:
        log.info("scheduled poll stopped with the bot; what it stored stays stored")
        raise
    except Exception as exc:
        fault = fault_of(exc)
        if fault is None:
            log.exception("scheduled poll failed")
        else:  # the poll could not even start its record: once a minute, no traceback
            FAULTS.report(fault, "scheduled poll", level=logging.ERROR, logger=log)
        return
    log.info("scheduled poll sources=%d new=%d failed=%d", len(summary.reports), summary.new,
             summary.failed)
    if rt.sender is not None and summary.new:
        rt.sender.wake()


async def purge_job(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Daily: forget button ids older than a week; prune finished deliveries and answered
    /ingest requests (QA16 N2: both only grew), a batch at a time, updates handled between."""
    rt = runtime(context)
    removed = callbacks.purge(rt.db, now=rt.now())
    log.info("callbacks purged count=%d", removed)
    now = rt.now()
    while outbox_upkeep.prune(rt.db, now, max_batches=1) == outbox_upkeep.PRUNE_BATCH:
        await asyncio.sleep(0)
    prune_ingests(rt.db, now)


# A reader's answer refused with 429 is handled again once after the wait (no apology: that would
# be one more message into the flood); longer waits are dropped, the reader can ask again.
REPLY_RETRY_MAX_WAIT = 60.0
_RETRIED_KEY = "retried_updates"
_TROUBLE_KEY = "polling_trouble"

# answerCallbackQuery for a press older than ~15 s (QA14 F9)
STALE_PRESS = ("query is too old", "query id is invalid")


async def _handle_again(app: Application, update: Update, wait: float) -> None:
    """The update whose answer Telegram refused with 429, handled once more after the wait (QA9
    N3: a reader's /search or /digest got no answer at all). Handlers answer from the database: a
    search or digest is answered again; a follow already made answers that it is followed."""
    await asyncio.sleep(wait)
    await app.process_update(update)  # a second refusal reaches on_error while the id is held
    app.bot_data.get(_RETRIED_KEY, set()).discard(update.update_id)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure and tell the user politely (the token never appears: see digests.logs).

    A reply refused because the user blocked the bot (or removed it from the group)
    deactivates the chat instead, as the sender does; one refused with 429 is handled again
    once after the wait.
    """
    error = context.error
    rt: Runtime = context.application.bot_data[RUNTIME_KEY]
    chat = update.effective_chat if isinstance(update, Update) else None
    if isinstance(error, Forbidden) and chat is not None \
            and any(reason in str(error).lower() for reason in DEACTIVATING):
        # its queue is skipped too
        outbox_states.deactivate_chat(rt.db, chat.id, str(error), rt.now())
        return
    if isinstance(error, RetryAfter):  # flooding this chat: an apology would be one more
        wait = retry_seconds(error)
        retried: set[int] = context.application.bot_data.setdefault(_RETRIED_KEY, set())
        again = (isinstance(update, Update) and update.update_id not in retried
                 and wait <= REPLY_RETRY_MAX_WAIT)
        log.warning("reply rate-limited chat=%s wait=%.1f again=%s", chat.id if chat else None,
                    wait, again)
        if again:
            assert isinstance(update, Update)
            retried.add(update.update_id)
            context.application.create_task(_handle_again(context.application, update, wait))
        return
    if isinstance(error, BadRequest) and any(p in str(error).lower() for p in STALE_PRESS):
        # a button pressed long ago (while the bot was down): Telegram no longer takes its
        # answer; the press did its work or nothing, and a second answer would fail too (F9)
        log.info("button press too old to answer update_id=%s",
                 update.update_id if isinstance(update, Update) else None)
        return
    if not isinstance(update, Update) and isinstance(error, NetworkError):
        # the polling loop's own failure (a 502 page, a dropped connection): one WARNING a
        # minute, no traceback (QA14 F6: two tracebacks per failed long poll)
        trouble = context.application.bot_data.setdefault(_TROUBLE_KEY, api_noise.PollingTrouble())
        trouble.report(error)
        return
    fault = fault_of(error)
    if fault is None and isinstance(error, sqlite3.IntegrityError) and chat is not None \
            and "foreign key" in str(error).lower() and FAULTS.last is not None \
            and subscriptions.get_chat(rt.db, chat.id) is None:
        fault = FAULTS.last  # its chat could not be recorded (bot.runtime.ensure_chat)
    if fault is not None:
        # another program holds the database, or its disk is full: one WARNING a minute, not a
        # traceback per update (QA16 F1, F2), and the reader is told it is temporary
        FAULTS.report(fault, "update", logger=log)
        if isinstance(update, Update):
            await _tell_fault(update, context, BUSY_REPLY if fault == "locked" else UNSAVED_REPLY)
        return
    if isinstance(error, BadRequest) and any(g in str(error).lower() for g in threads.GONE_TOPIC):
        # asked in a forum topic that is closed (or gone): Telegram refuses our answer there;
        # not a bug of ours — one line, and the apology goes to General (QA17)
        log.warning("reply refused: the forum topic is closed or deleted chat=%s error=%s",
                    chat.id if chat else None, error)
    else:
        log.error("update failed update_id=%s error=%r",
                  update.update_id if isinstance(update, Update) else None, error, exc_info=error)
    if not isinstance(update, Update):
        return
    lang = rt.settings.default_language
    with contextlib.suppress(Exception):
        lang = chat_lang(rt, update)
        if update.callback_query is not None:
            await update.callback_query.answer(t("error", lang), show_alert=True)
        elif chat is not None:  # in a forum, to the topic it was asked in (not General) …
            await context.bot.send_message(chat.id, ui(lang, "error"), parse_mode="HTML",
                                           message_thread_id=_answer_thread(update, error))


async def _tell_fault(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
    """The bilingual «try again» of a write the database could not take (never raises)."""
    chat = update.effective_chat
    with contextlib.suppress(Exception):
        if update.callback_query is not None:
            await update.callback_query.answer(text[:200], show_alert=True)
        elif chat is not None:
            await context.bot.send_message(chat.id, text,
                                           message_thread_id=_answer_thread(update, None))


def _answer_thread(update: Update, error: BaseException | None) -> int | None:
    """The forum topic an apology goes to: the asking one, unless the failure was that topic
    being closed or deleted (then General, where it can be read)."""
    if isinstance(error, BadRequest) and any(g in str(error).lower() for g in threads.GONE_TOPIC):
        return None
    return threads.thread_of(update)


def run_bot(settings: Settings) -> int:
    """Run the real bot until interrupted: long polling, or a webhook when WEBHOOK_URL is set."""
    from digests.sources import load_sources_file

    try:  # one bot per database: a second one would send everything again (QA16 N1)
        lock = hold_lock(settings.database_path)
    except DatabaseInUse as exc:
        print(str(exc), file=sys.stderr)
        return 1
    db = Database(settings.database_path, busy_seconds=HANDLER_BUSY_SECONDS)
    try:
        added = load_sources_file(db, settings, datetime.now(timezone.utc))
        log.info("sources loaded added=%d", len(added))
        app = build_application(settings, db)
        # A few start-up retries ride out a short network hiccup; a wrong token or base URL
        # still ends with a clear message instead of a traceback (PTB's own tracebacks of the
        # start-up retries go to DEBUG: digests.logs). A server that never answers is said
        # every 15 s until the start gives up (QA15 N3).
        host = urlsplit(settings.telegram_api_base_url).netloc
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
    except InvalidToken:
        print(bilingual("start_token"), file=sys.stderr)
        return 1
    except BadRequest as exc:  # a NetworkError in PTB's classes, but Telegram did answer
        print(bilingual("start_refused", message=exc.message), file=sys.stderr)
        return 1
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        print(bilingual("start_port", port=settings.webhook_port, listen=settings.webhook_listen),
              file=sys.stderr)
        return 1
    except NetworkError as exc:
        host = urlsplit(settings.telegram_api_base_url).netloc
        print(bilingual("start_unreachable", host=host, error=type(exc).__name__),
              file=sys.stderr)
        return 1
    except TelegramError as exc:  # QA14 F4: 200 with a body that is not the Bot API's JSON
        host = urlsplit(settings.telegram_api_base_url).netloc
        print(bilingual("start_garbled", host=host, message=exc.message), file=sys.stderr)
        return 1
    finally:
        db.close()
        if lock is not None:
            lock.close()
    return 0


BOOTSTRAP_RETRIES = 3
# A Bot API that takes the connection and never answers: PTB tries getMe 1 + BOOTSTRAP_RETRIES
# times, each until READ_TIMEOUT_SECONDS, at once after a timeout; then run_bot's clean line.
START_BOUND_SECONDS = (1 + BOOTSTRAP_RETRIES) * READ_TIMEOUT_SECONDS

