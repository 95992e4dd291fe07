"""Handlers for admins (settings.admin_ids): /push, /sources, /addsource, /removesource, /ingest,
/stats. Anyone else gets a polite refusal and nothing happens.

Long work never runs inside the handler's await chain (PTB handles one update at a time here:
bot/app.py leaves `concurrent_updates` off): /ingest starts the poll as a background task and
reports when it is done; /addsource checks the link (digests.source_check: one fetch, within
FETCH_TIMEOUT_SECONDS) in a background task and answers when it knows; /push only queues
deliveries (the sender delivers them) and a background task reports delivered / failed once the
push has finished.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.i18n import num, relative_time, t
from bot.lines import Span
from bot.packer import pack
from bot.reasons import error_text, reason_text
from bot.runtime import NO_PREVIEW, Runtime, chat_lang, ensure_chat, runtime, send, ui
from digests import outbox, sources, subscriptions
from digests.errors import NashraError, QueryError, SourceError
from digests.models import iso, parse_iso
from digests.search import topic_key
from digests.source_check import check_source

log = logging.getLogger(__name__)

PROGRESS_POLL_SECONDS = 0.5
FAILING_NAMES = 5             # failing sources named after /ingest (the rest: /sources)
CHECKING_NOTICE_SECONDS = 2.0  # a link check slower than this tells the admin it is under way
PROGRESS_TIMEOUT_SECONDS = 6 * 3600

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def admin_only(func: Handler) -> Handler:
    """Refuse politely, and do nothing, unless the sender is in ADMIN_IDS."""

    @functools.wraps(func)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        rt = runtime(context)
        user = update.effective_user
        if not rt.is_admin(user.id if user else None):
            log.info("admin command refused user=%s", user.id if user else None)
            await send(update, context, ui(chat_lang(rt, update), "not_admin"))
            return
        ensure_chat(rt, update)
        await func(update, context)

    return wrapper


async def _notify(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                  html: str) -> None:
    await context.bot.send_message(chat_id, html, parse_mode=ParseMode.HTML,
                                   link_preview_options=NO_PREVIEW)


# ---------------------------------------------------------------------------------------------
# /push


@admin_only
async def push(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/push [TOPIC]: queue a digest for every subscriber (of TOPIC); report when delivered.

    The answer says which of the reasons applies when nothing is sent (nobody follows, no
    news, nothing the followers have not had), and the count of stories is what readers get:
    what was queued after the «never the same story twice» rule.
    """
    rt = runtime(context)
    lang = chat_lang(rt, update)
    chat = update.effective_chat
    assert chat is not None
    topic = " ".join(context.args or []).strip() or None
    if topic is not None and not topic_key(topic):
        await send(update, context, ui(lang, "nothing_searchable", query=topic))
        return
    if followers(rt, topic) == 0:
        await send(update, context, ui(lang, "push_no_followers_topic", topic=topic) if topic
                   else ui(lang, "push_no_followers"))
        return
    try:
        plan = outbox.enqueue_push(rt.db, topic=topic, now=rt.now())
    except QueryError:
        await send(update, context, ui(lang, "nothing_searchable", query=topic or ""))
        return
    if plan.stories == 0:
        await send(update, context, ui(lang, "push_no_stories_topic", topic=topic) if topic
                   else ui(lang, "push_no_stories"))
        return
    if plan.chats == 0:
        await send(update, context, ui(lang, "push_nothing_new"))
        return
    await send(update, context, ui(lang, "push_queued", chats=num(plan.chats, lang),
                                   stories=queued_stories(rt, plan.push_id, lang)))
    if rt.sender is not None:
        rt.sender.wake()
    rt.spawn(_report_push(rt, context, chat.id, plan.push_id, lang), f"push-{plan.push_id}")


def followers(rt: Runtime, topic: str | None) -> int:
    """Active chats a push of `topic` (None: the general push) would go to."""
    sql = ("select count(distinct c.id) from chats c join subscriptions s on s.chat_id = c.id"
           " where c.active = 1")
    args: list[Any] = []
    if topic is not None:
        sql += " and s.topic_key = ?"
        args.append(topic_key(topic))
    return int(rt.db.db.execute(sql, args).fetchone()[0])


def queued_stories(rt: Runtime, push_id: int, lang: str) -> str:
    """How many stories each chat of the push gets: «٣», or «٢–٥» when chats differ (a chat
    never gets a story twice, so those that had some get fewer)."""
    low, high = rt.db.db.execute(
        "select min(n), max(n) from (select count(*) as n from outbox where kind = ?"
        " group by chat_id)", [f"push:{push_id}"]).fetchone()
    low, high = int(low or 0), int(high or 0)
    return num(high, lang) if low == high else f"{num(low, lang)}–{num(high, lang)}"


async def _report_push(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                       push_id: int, lang: str) -> None:
    """Wait until every chat of the push is delivered or failed, then tell the admin."""
    if rt.sender is not None:
        try:
            progress = await rt.sender.wait_push(push_id, timeout=PROGRESS_TIMEOUT_SECONDS)
        except TimeoutError:
            progress = outbox.push_progress(rt.db, push_id)
    else:  # no sender in this process (another one works the outbox): watch the table
        loop = asyncio.get_running_loop()
        deadline = loop.time() + PROGRESS_TIMEOUT_SECONDS
        while True:
            progress = outbox.push_progress(rt.db, push_id)
            if progress.done or loop.time() > deadline:
                break
            await asyncio.sleep(PROGRESS_POLL_SECONDS)
    await _notify(rt, context, chat_id, ui(lang, "push_done",
                                           delivered=num(progress.delivered, lang),
                                           failed=num(progress.failed, lang)))


# ---------------------------------------------------------------------------------------------
# Sources


def _health(source: Any, lang: str, rt: Runtime) -> str:
    if source.consecutive_failures:
        return t("health_failing", lang, failures=num(source.consecutive_failures, lang),
                 error=reason_text(source.last_error_why, lang))
    if source.last_success_at is None:
        return t("health_never", lang)
    return t("health_ok", lang, when=relative_time(source.last_success_at, rt.now(), lang))


@admin_only
async def sources_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sources: every source with its health."""
    rt = runtime(context)
    lang = chat_lang(rt, update)
    items = sources.list_sources(rt.db)
    if not items:
        await send(update, context, ui(lang, "sources_empty"))
        return
    ltr = lang != "ar"  # English lines keep their direction; Arabic ones get the RLM they need
    header = [(Span(t("sources_header", lang), bold=True, ltr=ltr),)]
    blocks = [[(Span(t("source_line", lang, id=num(s.id, lang), name=s.name,
                       health=_health(s, lang, rt)), ltr=ltr),),
               (Span(s.url, ltr=ltr),)] for s in items[:200]]
    for html in pack([header, *blocks]):  # split under Telegram's limit, one source never cut
        await send(update, context, html)


@admin_only
async def addsource(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/addsource URL [NAME]: check the link, then add its feed (see `_add_checked`)."""
    rt = runtime(context)
    lang = chat_lang(rt, update)
    chat = update.effective_chat
    assert chat is not None
    args = context.args or []
    if not args:
        await send(update, context, ui(lang, "addsource_usage"))
        return
    name = " ".join(args[1:]).strip() or None
    rt.spawn(_add_checked(rt, context, chat.id, args[0], name, lang), "addsource")


async def _add_checked(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int, link: str,
                       name: str | None, lang: str) -> None:
    """Add `link` only once it proved to be a feed (or a page that declares one), named `name`
    or else by the feed's own title; otherwise say why, and add nothing."""
    try:
        # The address check resolves DNS, which blocks: off the event loop. Writes stay on the
        # loop (one SQLite writer).
        url = await asyncio.to_thread(sources.validate_url, link, rt.settings)
        sources.refuse_duplicate(rt.db, url)  # before fetching anything
        check = asyncio.ensure_future(check_source(url, rt.settings))
        done, _ = await asyncio.wait({check}, timeout=CHECKING_NOTICE_SECONDS)
        if not done:
            await _notify(rt, context, chat_id, ui(lang, "addsource_checking"))
        checked = await check
        source = sources.add_source(rt.db, checked.url, settings=rt.settings, now=rt.now(),
                                    name=name or checked.title or None, require_dns=False)
    except NashraError as exc:
        log.info("source refused url=%s error=%s", link, exc)
        await _notify(rt, context, chat_id,
                      ui(lang, "addsource_failed", error=error_text(exc, lang)))
        return
    except Exception:  # a bug, not the link: the admin still gets an answer; details in the log
        log.exception("source check failed url=%s", link)
        await _notify(rt, context, chat_id, ui(lang, "addsource_failed",
                                               error=reason_text(None, lang)))
        return
    log.info("source checked and added id=%s url=%s page=%s entries=%s", source.id, source.url,
             checked.page_url, checked.entries)
    if checked.page_url is not None:
        await _notify(rt, context, chat_id, ui(lang, "addsource_found", id=num(source.id, lang),
                                               name=source.name, feed=source.url))
    else:
        await _notify(rt, context, chat_id, ui(lang, "addsource_ok", id=num(source.id, lang),
                                               name=source.name))


@admin_only
async def removesource(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/removesource ID: stop polling a source (its stored articles stay searchable)."""
    rt = runtime(context)
    lang = chat_lang(rt, update)
    args = context.args or []
    if len(args) != 1 or not args[0].isdigit():  # isdigit: «٥» is accepted as well as «5»
        await send(update, context, ui(lang, "removesource_usage"))
        return
    source_id = int(args[0])
    found = sources.get_source(rt.db, source_id)
    if found is not None and not found.active:
        await send(update, context, ui(lang, "removesource_already", id=num(source_id, lang)))
        return
    try:
        source = sources.remove_source(rt.db, source_id)
    except SourceError:
        await send(update, context, ui(lang, "removesource_missing", id=num(source_id, lang)))
        return
    await send(update, context, ui(lang, "removesource_ok", id=num(source.id, lang),
                                   name=source.name, url=source.url))


# ---------------------------------------------------------------------------------------------
# /ingest and /stats


@admin_only
async def ingest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ingest: poll every source now, in the background; report when done."""
    rt = runtime(context)
    lang = chat_lang(rt, update)
    chat = update.effective_chat
    assert chat is not None
    if rt.ingest_task is not None and not rt.ingest_task.done():
        await send(update, context, ui(lang, "ingest_running"))
        return
    await send(update, context, ui(lang, "ingest_started"))
    rt.ingest_task = rt.spawn(_run_ingest(rt, context, chat.id, lang), "ingest")


async def _run_ingest(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                      lang: str) -> None:
    from digests.pipeline import poll_once

    try:
        summary = await poll_once(rt.db, rt.settings, now=rt.now(), only_due=False)
    except (NashraError, OSError) as exc:
        log.exception("manual ingest failed")
        why = exc.why if isinstance(exc, NashraError) else None
        await _notify(rt, context, chat_id, ui(lang, "ingest_failed",
                                               error=reason_text(why, lang)))
        return
    if rt.sender is not None:
        rt.sender.wake()
    counts = {"sources": num(len(summary.reports), lang), "new": num(summary.new, lang),
              "failed": num(summary.failed, lang)}
    failing = [r.name for r in summary.reports if r.status == "failed"]
    if not failing:
        await _notify(rt, context, chat_id, ui(lang, "ingest_done", **counts))
        return
    names = ("، " if lang == "ar" else ", ").join(failing[:FAILING_NAMES])
    if len(failing) > FAILING_NAMES:
        names += "…"
    await _notify(rt, context, chat_id, ui(lang, "ingest_done_failures", names=names, **counts))


def percent(n: int, lang: str) -> str:
    """«١٠٠٪» in Arabic (Arabic-Indic digits, the Arabic percent sign), "100%" in English."""
    return f"{num(n, lang)}٪" if lang == "ar" else f"{n}%"


def stats_values(rt: Runtime, lang: str) -> dict[str, str]:
    """The figures /stats shows, formatted for `lang`."""
    now = rt.now()
    chats = subscriptions.stats(rt.db)
    queue = outbox.queue_stats(rt.db, now)
    sql = rt.db.db
    articles = sql.execute("select count(*) from articles").fetchone()[0]
    stories = sql.execute("select count(*) from stories").fetchone()[0]
    last = sql.execute("select max(coalesce(finished_at, started_at)) from polls").fetchone()[0]
    since = iso(now - timedelta(days=1))
    sent, failed = sql.execute(
        "select coalesce(sum(status = 'sent'), 0), coalesce(sum(status = 'failed'), 0)"
        " from outbox where sent_at >= ?", [since]).fetchone()
    rate = percent(round(100 * sent / (sent + failed)), lang) if sent + failed else "—"
    return {
        "subscribers": num(chats.subscribers, lang), "active": num(chats.active_chats, lang),
        "subscriptions": num(chats.subscriptions, lang), "articles": num(articles, lang),
        "stories": num(stories, lang), "pending": num(queue.pending, lang),
        "last_poll": relative_time(parse_iso(last), now, lang) if last else t("never", lang),
        "sent": num(int(sent), lang), "failed": num(int(failed), lang), "rate": rate,
    }


@admin_only
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stats: subscribers, chats, articles, stories, queue, last poll, delivery rate."""
    rt = runtime(context)
    lang = chat_lang(rt, update)
    await send(update, context, ui(lang, "stats", **stats_values(rt, lang)))
