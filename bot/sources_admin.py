"""Source commands for admins: /sources, /addsource, /removesource and /ingest.

Long work never runs inside the handler's await chain (one chat's updates are handled one at a
time: bot.update_order): /addsource checks the link (digests.source_check:
one fetch, within FETCH_TIMEOUT_SECONDS) in a background task and answers when it knows; /ingest
starts the poll as a background task and reports when it is done (saying when a new source's
first poll only stored its articles: that backfill is not pushed). Replies that name a source or a
link are laid out by bot.admin.admin_lines; /addsource answers name the link they are about (two
checks in a row answer in the order the sites do) and reply to the command message. A link typed
without http:// or https:// is checked as https://, then as http:// when https:// cannot connect
(digests.source_check.check_link), and the answer says which one was used. The lines under
each source in /sources (health, entries cut or skipped, a moved feed) are bot.source_lines'.
"""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import datetime
from html import escape as escape_html
from typing import Any, Final, Literal

from telegram import Update
from telegram.ext import ContextTypes

from bot import ingest_faults, source_alerts, source_lines
from bot.admin import (
    admin_html,
    admin_lines,
    SQLITE_MAX_INT,
    admin_only,
    answer_lang,
    answer_privately,
    link_label,
    reply,
    source_name,
    tell,
    text_html,
    text_lines,
)
from bot.i18n import counted, list_sep, num, t
from bot.ingests import acknowledge, acknowledged, owe_ingest
from bot.lines import Line, Span, isolate_ltr
from bot.packer import pack
from bot.reader_clock import reader_now
from bot.reasons import error_text, reason_text
from bot.runtime import Runtime, chat_lang, runtime, ui, write_refused
from bot.source_notes import (
    added_during_poll,
    fetch_now,
    first_fetch_line,
    ingest_link_note,
    next_poll_line,
    page_note,
    page_trouble,
)
from bot.sources_rename import refusal
from digests import feed_twins, sources
from digests.errors import NashraError, SourceError
from digests.logs import strip_credentials
from digests.link_words import link_word
from digests.reader_sources import inherit_site_mutes
from digests.source_check import check_link, link_candidates
from digests.source_names import is_link, new_name_problem, visible_name
from digests.storage import FAULT_TEXT, FAULTS, DatabaseFault, fault_in, fault_of

log = logging.getLogger(__name__)

FAILING_NAMES = 5             # failing sources named after /ingest (the rest: /sources)
SOURCES_LISTED = 50           # /sources lists at most this many (QA14 F15: 159 → 25 messages)
CHECKING_NOTICE_SECONDS = 2.0  # a link check slower than this tells the admin it is under way
MAX_LINKS_AT_ONCE = 20         # links one /addsource adds (a pasted list); the rest: told


# bidi and zero-width marks typed around a number (RLM, LRM, ALM, isolates, ZWSP, BOM)
_MARKS_RE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
LAST_PAGE = 10**9  # any page past the end: cut to the last page by the caller


def page_asked(args: list[str] | None) -> int:
    """The page «/sources N» asks for (1 when none or not a number; «٢» is read too). Direction
    marks some Arabic keyboards put before a digit are dropped, and a number of any length past
    the end asks for the last page (QA44 T8: «‏2» and «999999999999» gave page 1). Pure."""
    word = _MARKS_RE.sub("", (args or [""])[0])
    if not word.isdecimal():
        return 1
    digits = word.lstrip("0٠۰０") or "0"
    # past 9 digits: past the end, whatever the number (never converted: huge ints are slow)
    return LAST_PAGE if len(digits) > 9 else max(int(digits), 1)


@admin_only
async def sources_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sources: every source with its health; paused ones last, marked, with how to resume."""
    rt = runtime(context)
    lang = answer_lang(rt, update)  # the admin's own (QA49 M6)
    items = sorted(sources.list_sources(rt.db, include_inactive=True),
                   key=lambda s: (not s.active, s.id))
    if not items:
        await answer_privately(update, context, [ui(lang, "sources_empty")])
        return
    ltr = lang != "ar"  # English lines keep their direction; Arabic ones get the RLM they need
    header: list[Line] = [(Span(t("sources_header", lang), bold=True, ltr=ltr),)]
    hidden, page, pages = 0, 1, 1
    if len(items) > SOURCES_LISTED:
        # Many sources: the counts, then those that need the admin (failing, never polled,
        # paused) before the healthy ones, cut at SOURCES_LISTED (QA14 F15)
        def state(s: Any) -> int:
            return 2 if not s.active else 0 if s.consecutive_failures else \
                1 if s.last_success_at is None else 3
        counts = [sum(1 for s in items if state(s) == k) for k in range(4)]
        header = [(Span(t("sources_summary", lang, total=num(len(items), lang),
                          failing=num(counts[0], lang), never=num(counts[1], lang),
                          paused=num(counts[2], lang), ok=num(counts[3], lang)),
                        bold=True, ltr=ltr),)]
        items = sorted(items, key=lambda s: (state(s), s.id))
        # «/sources 2» lists the next ones: every number is reachable in Telegram (QA40 N13)
        pages = -(-len(items) // SOURCES_LISTED)
        page = min(page_asked(context.args), pages)
        shown_page = items[(page - 1) * SOURCES_LISTED:page * SOURCES_LISTED]
        hidden, items = len(items) - len(shown_page), shown_page
    # an Arabic line starts with an RLM: the link is isolated, or «…/feed/» shows «/…/feed» and
    # an Arabic path comes before the host (QA10 F5)
    # a feed's `user:password@` is the operator's secret: listed without it (the stored URL keeps
    # it, the poll needs it)
    next_poll = next_poll_line(context, rt.now(), lang)  # as `sources list` says it (QA20 O4)
    if next_poll is not None:
        header = [*header, *text_lines(lang, next_poll)]
    unstored = ingest_faults.sources_note(rt, lang)  # a poll the database refused (QA40 N4)
    if unstored is not None:
        header = [*header, *text_lines(lang, unstored)]
    # pages refused (over the cap, errors): the feed looks healthy, the stories are bare (O5)
    trouble = page_trouble(rt.db, rt.now())
    chat = update.effective_chat
    local_now = rt.now() if chat is None else reader_now(rt.db.db, chat.id, rt.now())
    blocks = [[*admin_lines(lang, "source_line", id=num(s.id, lang),
                            name=source_name(s.name, lang),
                            health=source_lines.health(s, lang, local_now)),
               *(text_lines(lang, page_note(trouble[s.id], lang))
                 if s.active and s.id in trouble else []),
               *source_lines.cut_lines(s.id, lang, s.active),
               *source_lines.moved_lines(rt.db, s.id, lang),
               (Span(shown if ltr else isolate_ltr(shown, always=True), ltr=ltr),)]
              for s in items for shown in (strip_credentials(s.url),)]
    if hidden:
        blocks.append([(Span(t("sources_more", lang, n=num(hidden, lang)), ltr=ltr),)])
    if pages > 1:
        blocks.append([(Span(t("sources_page_next" if page < pages else "sources_page_last",
                               lang, page=num(page, lang), pages=num(pages, lang),
                               next=str(page + 1)), ltr=ltr),)])
    # split under Telegram's limit, one source never cut; feed URLs (keys in them) go to the
    # admin's private chat when asked in a group (QA20 O7)
    await answer_privately(update, context, pack([header, *blocks]))


@admin_only
async def addsource(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/addsource URL [NAME]: check the link, then add its feed (see `_add_checked`)."""
    rt = runtime(context)
    lang = chat_lang(rt, update)
    chat = update.effective_chat
    assert chat is not None
    # a link in «», quotes or markup is read, its scheme and host lower-cased (QA44 T4)
    args = [link_word(word) for word in context.args or []]
    if not args:
        await reply(update, context, ui(lang, "addsource_usage"))
        return
    message = update.effective_message
    reply_to = message.message_id if message else None
    if any(is_link(word) for word in args[1:]):  # a pasted list: each link added (QA40 N2)
        links = [args[0], *(word for word in args[1:] if is_link(word))]
        words = len(args) - len(links)
        rt.spawn(_add_several(rt, context, chat.id, links, words, lang, reply_to), "addsource")
        return
    name = visible_name(" ".join(args[1:])) or None  # only invisible marks: the feed's title
    refused = new_name_problem(rt.db, name) if name else None
    if refused is not None:  # another source's name, or one that reads as it (QA52 R10)
        await reply(update, context, refusal(refused, lang))
        return
    rt.spawn(_add_checked(rt, context, chat.id, args[0], name, lang, reply_to), "addsource")


# what one link of /addsource came to (`_add_checked`): a Literal, so mypy checks what the
# callers compare it with (review REV s22, item 9)
AddOutcome = Literal["added", "resumed", "resumed_fetched", ""]
ADDED: Final = "added"
RESUMED: Final = "resumed"  # a removed source added again
RESUMED_FETCHED: Final = "resumed_fetched"  # … one fetched before
REFUSED: Final = ""  # nothing added


async def _add_several(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                       links: list[str], words: int, lang: str, reply_to: int | None) -> None:
    """Add each of several links sent in one /addsource (at most MAX_LINKS_AT_ONCE), one after
    the other, each answered as one /addsource is; a progress line first and a count last,
    with one first fetch for all. Words among the links name nothing: a link never becomes a
    source's name (QA40 N2: «/addsource URL1 URL2 URL3» added URL1 named «URL2 URL3»)."""
    head = ui(lang, "addsource_several", n=num(min(len(links), MAX_LINKS_AT_ONCE), lang))
    if len(links) > MAX_LINKS_AT_ONCE:
        head += "\n" + ui(lang, "addsource_several_cut", max=num(MAX_LINKS_AT_ONCE, lang))
    if words:
        head += "\n" + ui(lang, "addsource_several_words")
    await tell(rt, context, chat_id, head, reply_to)
    taken = links[:MAX_LINKS_AT_ONCE]
    outcomes = [await _add_checked(rt, context, chat_id, link, None, lang, reply_to,
                                   fetch=False) for link in taken]
    added = sum(o == ADDED for o in outcomes)
    resumed = sum(o in (RESUMED, RESUMED_FETCHED) for o in outcomes)
    log.info("several sources chat=%s links=%d added=%d resumed=%d", chat_id, len(taken), added,
             resumed)
    # a source resumed is counted so, not «added» (QA58-12: «1 added» for a paused source)
    html = ui(lang, "addsource_several_done_resumed" if resumed else "addsource_several_done",
              n=num(len(taken), lang), added=num(added, lang), resumed=num(resumed, lang),
              failed=num(len(taken) - added - resumed, lang))
    if added or resumed:  # one fetch for all of them, as one /addsource says it: «for the
        # first time» only when one was never fetched (QA58-12)
        again = not any(o in (ADDED, RESUMED) for o in outcomes)
        html += "\n" + text_html(lang, first_fetch_line(await fetch_now(context), rt.now(), lang,
                                                        resumed=again))
    await tell(rt, context, chat_id, html, reply_to)


async def _add_checked(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int, link: str,
                       name: str | None, lang: str, reply_to: int | None = None, *,
                       fetch: bool = True) -> AddOutcome:
    """Add `link` only once it proved to be a feed (or a page that declares one), named `name`
    or else by the feed's own title; otherwise say why, and add nothing. Every answer names
    `link` and replies to the command (`reply_to`): the admin may have sent several. A link
    without a scheme is tried as https:// then http://; the answer ends with which was used.
    `fetch`: poll it at once and say so (False: the caller does, for several). Returns ADDED,
    RESUMED (a removed source added again), RESUMED_FETCHED (one fetched before), or REFUSED
    when nothing was added."""
    # the link as answers and logs name it: never its user:password@ (QA29 A5); the source
    # keeps it, to fetch with
    label = link_label(strip_credentials(link))
    candidates = link_candidates(link)
    tried: list[str] = []

    async def answer(key: str, scheme_line: bool = True, /, tail: str = "",
                     **values: str) -> None:
        html = admin_html(lang, key, **{"link": label, **values})
        if len(candidates) > 1 and scheme_line:  # typed without a scheme: say which was used
            used = tried[-1] if tried else candidates[0]
            html += "\n" + admin_html(lang, "addsource_scheme_fallback" if len(tried) > 1
                                       else "addsource_scheme", scheme=used.split("://", 1)[0])
        if tail:
            html += "\n" + text_html(lang, tail)
        await tell(rt, context, chat_id, html, reply_to)  # a 429 is waited out

    try:
        # The address check resolves DNS, which blocks: off the event loop. Writes stay on the
        # loop (one SQLite writer).
        sources.refuse_known(rt.db, candidates)  # before DNS and the fetch (QA69-9)
        url = await asyncio.to_thread(sources.validate_url, candidates[0], rt.settings)
        for candidate in (url, *candidates[1:]):  # before fetching anything
            sources.refuse_duplicate(rt.db, candidate)
        check = asyncio.ensure_future(check_link((url, *candidates[1:]), rt.settings,
                                                 tried=tried))
        done, _ = await asyncio.wait({check}, timeout=CHECKING_NOTICE_SECONDS)
        if not done:
            await answer("addsource_checking", False)
        checked = await check
        # the same feed under another query string («?n=3»): a duplicate too (QA44 T3)
        feed_twins.refuse_twin(await feed_twins.twin_of(
            rt.db, checked.url, rt.settings, private=checked.private_host))
        # a removed source added again is resumed, and the answer says so (QA10 F12)
        before = sources.find_source(rt.db, checked.url)
        resumed = before is not None and not before.active
        source = sources.add_source(rt.db, checked.url, settings=rt.settings, now=rt.now(),
                                    name=name or None, title=checked.title or None,
                                    require_dns=False, private_host=checked.private_host)
    except NashraError as exc:
        if isinstance(exc, DatabaseFault):  # the database's trouble, not the link's (REV s25
            # #4): one WARNING a minute and the admins' write alert, as every refused write
            FAULTS.report(exc.fault, "source add", logger=log)
            rt.writes.refused(exc.fault)
        else:
            log.info("source refused url=%s error=%s", strip_credentials(link), exc)
        # adding=True: nothing was added, so nothing will be retried by itself
        duplicate = exc.why is not None and exc.why.kind == "duplicate"  # of either scheme
        await answer("addsource_failed", not duplicate, error=error_text(exc, lang, adding=True))
        return REFUSED
    except Exception:  # a bug, not the link: the admin still gets an answer; details in the log
        log.exception("source check failed url=%s", strip_credentials(link))
        await answer("addsource_failed", error=reason_text(None, lang, adding=True))
        return REFUSED
    try:  # a site a chat muted: its new feed too (X69; else at its first article)
        with rt.db.transaction() as tx:
            inherit_site_mutes(tx, source.id, rt.now())
    except DatabaseFault as exc:  # the source is added: its answer goes; the refusal is
        # reported as every other (the admins' alert: QA73-4)
        write_refused(rt, exc, "source add", log)  # its WARNING, once a minute
        log.info("site mutes not extended at add source=%s error=%s", source.id, exc)
    except Exception:  # a bug: the answer goes all the same, with a traceback in the log
        log.exception("site mutes not extended at add source=%s", source.id)
    log.info("source checked and added id=%s url=%s page=%s entries=%s", source.id,
             strip_credentials(source.url), strip_credentials(checked.page_url or ""),
             checked.entries)
    named = {"id": num(source.id, lang), "name": source_name(source.name, lang)}
    # fetched at once, or the answer says when (QA20 O4: it waited for the next poll, unsaid)
    fetched_before = resumed and before is not None and (
        before.last_success_at or before.last_error_at) is not None
    tail = first_fetch_line(await fetch_now(context), rt.now(), lang,
                            resumed=fetched_before) if fetch else ""
    shown = link_label(strip_credentials(source.url))
    if resumed:
        await answer("addsource_resumed", link=shown, tail=tail, **named)
        return RESUMED_FETCHED if fetched_before else RESUMED
    if checked.page_url is not None:
        await answer("addsource_found", feed=shown, tail=tail, **named)
    else:  # the link as stored: with the scheme that answered (QA9 N5)
        await answer("addsource_ok", link=shown, tail=tail, **named)
    return ADDED


@admin_only
async def removesource(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/removesource ID: stop polling a source (its stored articles stay searchable)."""
    rt = runtime(context)
    lang = chat_lang(rt, update)
    args = context.args or []
    if len(args) != 1 or not args[0].isdecimal():  # isdecimal: «٥» as well as «5», never «²» (int() refuses it)
        await reply(update, context, ui(lang, "removesource_usage"))
        return
    source_id = int(args[0])
    if source_id > SQLITE_MAX_INT:  # no such source; SQLite could not even look it up
        await reply(update, context, ui(lang, "removesource_missing", id=num(source_id, lang)))
        return
    found = sources.get_source(rt.db, source_id)
    if found is not None and not found.active:
        await reply(update, context, ui(lang, "removesource_already", id=num(source_id, lang)))
        return
    try:
        source = sources.remove_source(rt.db, source_id)
    except SourceError:
        await reply(update, context, ui(lang, "removesource_missing", id=num(source_id, lang)))
        return
    await reply(update, context, admin_html(lang, "removesource_ok", id=num(source.id, lang),
                                           name=source_name(source.name, lang),
                                           url=source.url))


@admin_only
async def ingest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ingest: poll every source now, in the background; report when done. The request is
    recorded first (bot.ingests), so a bot killed mid-poll still answers after its restart."""
    rt = runtime(context)
    lang = chat_lang(rt, update)
    chat = update.effective_chat
    assert chat is not None
    note = ingest_link_note(context.args, lang)  # a link typed after it: it takes none (E11)
    if rt.ingest_task is not None and not rt.ingest_task.done():
        await acknowledged(rt.ingest_task)  # the first one's «بدأ» goes first (QA15 N10)
        html = (note + "\n" if note else "") + ui(lang, "ingest_running")
        fresh = added_during_poll(rt.db)
        if fresh:  # added after the poll started: not in it (QA20 O4)
            html += "\n" + text_html(lang, t("ingest_running_new", lang,
                                              count=num(fresh, lang)))
        await reply(update, context, html)
        return
    message = update.effective_message
    request_id = owe_ingest(rt.db, chat.id, lang, rt.now(),
                            message.message_id if message is not None else None,
                            bot_id=context.bot.id)  # ids start again for a new token (QA17)
    if request_id is None:  # the same message handed again after a restart: answered there
        log.info("redelivered /ingest ignored chat=%s", chat.id)
        return
    if note:
        await reply(update, context, note)
    # the poll starts whatever happens to the acknowledgement (a 429 must not lose the report)
    rt.ingest_task = rt.spawn(_run_ingest(rt, context, chat.id, lang, request_id,
                                          message.message_id if message is not None else None),
                              "ingest")


async def _run_ingest(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                      lang: str, request_id: int, reply_to: int | None = None) -> None:
    """Acknowledge, poll every source, report. Both answers wait out a 429 (bot.admin.tell);
    the poll starts at once, beside the acknowledgement (QA27 D5: it waited 4 min for an
    acknowledgement Telegram kept refusing), and the report goes after it. The final answer is
    stored before it is sent, and marked given after (bot.ingests)."""
    ack = asyncio.create_task(acknowledge(rt, context, chat_id, lang, asyncio.current_task(),
                                          reply_to), name="ingest-ack")
    try:
        html = await _poll_answer(rt, lang)
    finally:
        await asyncio.gather(ack, return_exceptions=True)  # «بدأ» before the report
    # stored, then sent (else owed: O1); sent even when the database will not store it (QA40 N4)
    # a reply to the /ingest, in its topic, as the «بدأ» (X80: in a busy chat, whose it is)
    await ingest_faults.finish(rt, context, chat_id, request_id, html, reply_to)
    # a failure or recovery this poll saw is told now, not at the next scheduled poll (X56)
    await source_alerts.after_poll(rt, context.bot)


async def _poll_answer(rt: Runtime, lang: str) -> str:
    """Poll every source now; the admin's final answer as Telegram HTML."""
    from digests.pipeline import poll_once

    # sources never read before: their first poll is backfill, stored but not pushed
    # (digests.pipeline), which the report says (QA10 F6)
    first = {s.id for s in sources.list_sources(rt.db) if s.last_success_at is None}
    try:
        summary = await poll_once(rt.db, rt.settings, now=rt.now(), only_due=False)
    except Exception as exc:  # any failure is answered: an /ingest never goes unanswered
        kind = fault_of(exc)
        if kind is not None:  # the database's own trouble: say which (QA16 F2), no traceback
            FAULTS.report(kind, "ingest", level=logging.ERROR, logger=log)
            ingest_faults.remember_unstored(rt, rt.now(), kind)  # /sources says so (QA40 N4)
            return ui(lang, "ingest_failed", error=FAULT_TEXT[kind])
        log.exception("manual ingest failed")  # (QA12 F2: a bug's error left it without reply)
        why = exc.why if isinstance(exc, NashraError) else None
        return ui(lang, "ingest_failed", error=reason_text(why, lang))
    if rt.sender is not None:
        rt.sender.wake()
    # a source removed (paused) while the poll ran was still polled: neither counted nor named
    # as failing (QA40 N8: «المصادر: ٧» for six active)
    active = {s.id for s in sources.list_sources(rt.db)}
    reports = [r for r in summary.reports if r.source_id in active]
    counts = {"sources": counted(len(reports), lang, "source", "sources"),
              "new": counted(summary.new, lang, "new article", "new articles"),
              "failed": num(sum(r.status == "failed" for r in reports), lang)}
    backfilled = sum(r.new for r in summary.reports if r.source_id in first)
    note = "\n" + ui(lang, "ingest_first_poll", new=counted(
        backfilled, lang, "new article", "new articles")) if backfilled else ""
    # the other sources' backfill: a new source's backlog, the old, the gone (X135: the count
    # of «new» held them, said nowhere)
    later = sum(r.backfill for r in reports if r.source_id not in first)
    if later:
        note += "\n" + ui(lang, "ingest_backfill", count=counted(later, lang, "article",
                                                                   "articles"))
    if summary.dropped:  # a feed listed more new entries than one poll takes (QA29 A3)
        note += "\n" + ui(lang, "ingest_dropped", dropped=counted(
            summary.dropped, lang, "older entry", "older entries"),
            cap=num(rt.settings.max_entries_per_feed, lang))
    corrected = sum(r.updated for r in reports)
    if corrected:  # a site's fix taken (QA55-12: only the log said so)
        note += "\n" + ui(lang, "ingest_corrected", count=num(corrected, lang))
    failing = [r for r in reports if r.status == "failed"]
    if not failing:
        return ui(lang, "ingest_done", **counts) + note
    # by number and name, as /sources lists them: several feeds of one site, or unnamed
    # sources named by their host, stay apart (QA8 F9)
    names = list_sep(lang).join(
        f"{num(r.source_id, lang)}: {source_name(r.name, lang)}" for r in failing[:FAILING_NAMES])
    if len(failing) > FAILING_NAMES:
        names += "…"
    # articles the database would not take (a full disk): why, in the report itself, as
    # /sources cannot have recorded it
    kind = next((k for r in failing if (k := fault_in(r.error)) is not None), None)
    if kind is not None:
        note = "\n⚠️ " + escape_html(FAULT_TEXT[kind]) + note
    return admin_html(lang, "ingest_done_failures", names=names, **counts) + note
