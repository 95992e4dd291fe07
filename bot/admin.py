"""Handlers for admins (settings.admin_ids): /push, /sources, /addsource, /removesource, /ingest,
/stats. Anyone else gets a polite refusal and nothing happens.

Long work never runs inside the handler's await chain (PTB handles one update at a time here:
bot/app.py leaves `concurrent_updates` off): /ingest starts the poll as a background task and
reports when it is done; /addsource checks the link (digests.source_check: one fetch, within
FETCH_TIMEOUT_SECONDS) in a background task and answers when it knows; /push only queues
deliveries (the sender delivers them) and a background task reports delivered / failed once the
push has finished.

Replies that name a source or a link (/sources, /addsource, /removesource, /ingest) are laid out
by one function, `admin_lines`: in Arabic each Latin run of a source's name («مصدر <b>x</b>»),
host or URL is isolated with LRMs, in English a line that would start with an Arabic name begins
with an LRM so it still reads left to right. /addsource answers name the link they are about
(two checks in a row answer in the order the sites do) and reply to the command message.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import unicodedata
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram import ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.i18n import num, relative_time, t
from bot.lines import LRM, Line, Span, clean, isolate_ltr, line_html
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
LINK_CHARS = 120  # a link named in a reply: longer ones keep their start and their end

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
                  html: str, reply_to: int | None = None) -> None:
    # allow_sending_without_reply: the command message may have been deleted meanwhile
    reply = (ReplyParameters(reply_to, allow_sending_without_reply=True)
             if reply_to is not None else None)
    await context.bot.send_message(chat_id, html, parse_mode=ParseMode.HTML,
                                   link_preview_options=NO_PREVIEW, reply_parameters=reply)


# ---------------------------------------------------------------------------------------------
# Naming sources and links

_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
# A chunk of a source name without spaces or Arabic that holds a Latin letter («<b>», «BBC»,
# «</b>»): isolated whole, so its brackets stay with it (isolate_ltr alone leaves «<» outside).
_NAME_LTR_RE = re.compile(rf"[^\s{_RTL}]*[A-Za-z][^\s{_RTL}]*")
_WRAPPED_RE = re.compile(f"({LRM}[^{LRM}]*{LRM})")  # a name's chunk `source_name` isolated
_RTL_RE = re.compile(f"[{_RTL}]")


def _first_strong_rtl(text: str) -> bool:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def source_name(name: str, lang: str) -> str:
    """A source's name as plain text for an admin reply in `lang` (one line; in Arabic, each
    Latin chunk of it wrapped in LRMs)."""
    name = clean(name)
    return _NAME_LTR_RE.sub(lambda m: f"{LRM}{m.group(0)}{LRM}", name) if lang == "ar" else name


def link_label(link: str) -> str:
    """A link as a reply names it: as given, or its start and end when over LINK_CHARS."""
    link = clean(link)
    if len(link) <= LINK_CHARS:
        return link
    return f"{link[:LINK_CHARS - 41]}…{link[-40:]}"


def _isolated(text: str) -> str:
    """An Arabic line with its Latin runs isolated (bot.lines.isolate_ltr), leaving alone the
    chunks `source_name` already isolated (isolating «<b>» again would split off its «<»)."""
    if not _RTL_RE.search(text):
        return text
    parts = _WRAPPED_RE.split(text)
    return "".join(part if i % 2 else isolate_ltr(part, always=True)
                   for i, part in enumerate(parts))


def admin_lines(lang: str, key: str, **values: str) -> list[Line]:
    """An admin reply as lines of plain text (escaped later by `line_html`), laid out for
    `lang`: Arabic lines get their Latin runs isolated (and their RLM from `line_html`);
    English lines that start with an Arabic name begin with an LRM. Names go in through
    `source_name`, links through `link_label`."""
    lines: list[Line] = []
    for text in t(key, lang, **values).split("\n"):
        if lang == "ar":
            lines.append((Span(_isolated(text)),))
        else:
            lines.append((Span(LRM + text if _first_strong_rtl(text) else text, ltr=True),))
    return lines


def admin_html(lang: str, key: str, **values: str) -> str:
    """`admin_lines` as one Telegram HTML message."""
    return "\n".join(line_html(line) for line in admin_lines(lang, key, **values))


# ---------------------------------------------------------------------------------------------
# /push


@admin_only
async def push(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/push [TOPIC]: queue a digest for TOPIC's followers, or the general digest for its
    followers (not every chat: one that follows only «الغوطة» never asked for it); report when
    delivered.

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
    """Active chats a push of `topic` would go to: its followers, or (None) the followers of the
    general digest — the chats outbox.enqueue_push queues."""
    sql = ("select count(distinct c.id) from chats c join subscriptions s on s.chat_id = c.id"
           " where c.active = 1 and s.topic_key = ?")
    return int(rt.db.db.execute(sql, [topic_key(topic) if topic is not None else ""]
                                ).fetchone()[0])


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
        n = source.consecutive_failures
        # Arabic puts the count after a label («إخفاقات متتالية: ١»); English counts a noun
        failures = num(n, lang) if lang == "ar" else f"{n} time" if n == 1 else f"{n} times"
        return t("health_failing", lang, failures=failures,
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
    blocks = [[*admin_lines(lang, "source_line", id=num(s.id, lang),
                            name=source_name(s.name, lang), health=_health(s, lang, rt)),
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
    message = update.effective_message
    rt.spawn(_add_checked(rt, context, chat.id, args[0], name, lang,
                          message.message_id if message else None), "addsource")


async def _add_checked(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int, link: str,
                       name: str | None, lang: str, reply_to: int | None = None) -> None:
    """Add `link` only once it proved to be a feed (or a page that declares one), named `name`
    or else by the feed's own title; otherwise say why, and add nothing. Every answer names
    `link` and replies to the command (`reply_to`): the admin may have sent several."""
    label = link_label(link)

    async def answer(key: str, **values: str) -> None:
        await _notify(rt, context, chat_id, admin_html(lang, key, link=label, **values),
                      reply_to)

    try:
        # The address check resolves DNS, which blocks: off the event loop. Writes stay on the
        # loop (one SQLite writer).
        url = await asyncio.to_thread(sources.validate_url, link, rt.settings)
        sources.refuse_duplicate(rt.db, url)  # before fetching anything
        check = asyncio.ensure_future(check_source(url, rt.settings))
        done, _ = await asyncio.wait({check}, timeout=CHECKING_NOTICE_SECONDS)
        if not done:
            await answer("addsource_checking")
        checked = await check
        source = sources.add_source(rt.db, checked.url, settings=rt.settings, now=rt.now(),
                                    name=name or checked.title or None, require_dns=False)
    except NashraError as exc:
        log.info("source refused url=%s error=%s", link, exc)
        # adding=True: nothing was added, so nothing will be retried by itself
        await answer("addsource_failed", error=error_text(exc, lang, adding=True))
        return
    except Exception:  # a bug, not the link: the admin still gets an answer; details in the log
        log.exception("source check failed url=%s", link)
        await answer("addsource_failed", error=reason_text(None, lang, adding=True))
        return
    log.info("source checked and added id=%s url=%s page=%s entries=%s", source.id, source.url,
             checked.page_url, checked.entries)
    named = {"id": num(source.id, lang), "name": source_name(source.name, lang)}
    if checked.page_url is not None:
        await answer("addsource_found", feed=link_label(source.url), **named)
    else:
        await answer("addsource_ok", **named)


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
    await send(update, context, admin_html(lang, "removesource_ok", id=num(source.id, lang),
                                           name=source_name(source.name, lang),
                                           url=source.url))


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
    names = ("، " if lang == "ar" else ", ").join(source_name(n, lang)
                                                 for n in failing[:FAILING_NAMES])
    if len(failing) > FAILING_NAMES:
        names += "…"
    await _notify(rt, context, chat_id, admin_html(lang, "ingest_done_failures", names=names,
                                                   **counts))


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
