"""/digest and a day's news: «نشرتي» now, and the top stories of a day a reader asks for.

/digest is "my digest now": the chat's topics first (a few stories each, their quotes that name
the topic first), then the general top stories; when the chat's muted sources hold every story
it would show, one line says so, as a search does (QA48 R12: «here are the latest stories» then
«no news on your topics»); a report whose page is gone (HTTP 404/410) is
not offered there (bot.stories.live_digests), though a search still finds it. «آخر الأخبار» typed
as a question is answered the same way, and «مين فاز امبارح» with that day's top stories
(bot.answers). Days and dates are the chat's (bot.reader_clock).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from telegram import Update
from telegram.error import TimedOut
from telegram.ext import ContextTypes

from bot import reader_clock, repeats
from bot.day_search import day_key, day_title
from bot.i18n import chat_worded, t
from bot.reader_sources import muted as muted_sources
from bot.render import render_bundle
from bot.result_parts import topic_quotes_first
from bot.runtime import Runtime, enter, may_change, own_lang, send, ui
from bot.stories import latest_digests, live_digests, search_page
from digests import subscriptions
from digests.asked_topics import topic_text
from digests.errors import QueryError
from digests.models import Digest
from digests.records import ARTICLE_SELECT, article_from_row
from digests.related import live_related
from digests.story_folds import fold_ids
from digests.story_rows import story_articles

log = logging.getLogger(__name__)

DIGEST_STORIES = 8
FOLD_ROUNDS = 3  # fold, fill the room left, fold again: a digest is not cut short by a fold
TOPIC_STORIES = 3  # a followed topic's stories in /digest


async def digest_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """My digest now: my topics first, then the general top stories (see `my_digest`)."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    await send_my_digest(update, context, rt, chat.id, chat.type, lang)


async def member_refused(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         chat_type: str, lang: str) -> bool:
    """Whether a group member who is no admin asked for the whole digest here, told in their
    own language to ask in a private chat (QA54-7: a member's /digest posted 3,681 characters to
    a group of 40, and any member could do it again; the admins choose what the group gets, as
    with its topics and settings). /search stays open to members: one page, five stories."""
    if chat_type not in ("group", "supergroup") or await may_change(update, context):
        return False
    user = update.effective_user
    lang = own_lang(rt, user, lang) if user is not None else lang
    bot = context.bot.username or "bot"
    if update.callback_query is not None:
        await update.callback_query.answer(t("digest_group_members", lang, bot=bot),
                                           show_alert=True)
    else:
        await send(update, context, ui(lang, "digest_group_members", bot=bot))
        asking = update.effective_message
        if asking is not None:  # the asker's own line: no later /digest is pointed at it
            repeats.recent_answers(context).answer_cut(asking.chat_id, asking.message_id)
    return True


async def send_my_digest(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         chat_id: int, chat_type: str, lang: str) -> None:
    """Send the chat's digest now (`my_digest`), saying so first when it follows nothing; in a
    group, to its admins only (`member_refused`)."""
    if await member_refused(update, context, rt, chat_type, lang):
        return
    now = rt.now()
    subs = subscriptions.list_subscriptions(rt.db, chat_id)
    topics = [s.topic for s in subs if s.topic]
    muted = muted_sources(rt.db, chat_id)
    digests = my_digest(rt, topics, now, muted)
    if not digests:  # one answer: nothing, or all of it in muted sources (QA48 R12)
        key = ("digest_only_muted" if muted and my_digest(rt, topics, now)
               else chat_worded("digest_empty", chat_type) if subs else "digest_nothing_new")
        await send(update, context, ui(lang, key))
        return
    if not subs:
        # a preface: a repeat is pointed at the digest itself, never at this line (QA44 T6)
        try:
            await send(update, context, ui(lang, chat_worded("digest_no_subs", chat_type)),
                       preface=True)
        except TimedOut:
            # QA48 R6: Telegram answered late, so the line was most likely delivered; it
            # promises the latest news, so the digest still follows (not sent again: X66 C4)
            log.warning("digest preface timed out chat=%s: Telegram may have delivered it; "
                        "the digest follows", chat_id)
    for html in render_bundle(live_related(rt.db.db, digests), lang,
                              reader_now(rt, chat_id, now), header=True):
        await send(update, context, html)


def reader_now(rt: Runtime, chat_id: int, now: datetime | None = None) -> datetime:
    """`now` (default: the runtime's) in the chat's time zone, for the days it reads and the
    dates it is shown (bot.reader_clock: the one path answers, inline results and deliveries
    share)."""
    return reader_clock.reader_now(rt.db.db, chat_id, now or rt.now())


async def send_days_news(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         chat_id: int, chat_type: str, lang: str, back: int) -> None:
    """The top stories of the day `back` days before the reader's today («مين فاز امبارح»:
    yesterday's, midnight to midnight in the chat's time zone; QA33 S1), as /digest shows them.
    A day without news is said so, and the latest stories follow under that line, never under
    the day's title (QA54-1: last week's news came headed «📰 أخبار أمس»). In a group, to its
    admins only (`member_refused`)."""
    if await member_refused(update, context, rt, chat_type, lang):
        return
    shown_now = reader_now(rt, chat_id)
    day_end = reader_clock.day_before(shown_now, back)
    muted = muted_sources(rt.db, chat_id)
    one_day = timedelta(days=1)
    # a day not come yet has no news, whatever date a feed gave a story (X87)
    digests = [] if back < 0 else latest_digests(rt.db, now=day_end, limit=DIGEST_STORIES,
                                                  window=one_day, muted=muted, fall_back=False)
    # headed by the day it covers, in the reader's zone (QA47 Z5: at 01:30 «yesterday» is the
    # day that ended 90 minutes ago, and «📰 نشرة الأخبار» named none)
    day = (shown_now - timedelta(days=back)).date()
    title = day_title(day, shown_now.date(), lang)
    if not digests:
        if back > 0 and muted and latest_digests(rt.db, now=day_end, limit=1,
                                                 window=one_day, fall_back=False):
            await send(update, context, ui(lang, "digest_only_muted"))
            return
        digests = latest_digests(rt.db, now=rt.now(), limit=DIGEST_STORIES, muted=muted)
        if not digests:
            await send(update, context, ui(lang, chat_worded("digest_empty", chat_type)))
            return
        key, values = day_key("days_none", day, shown_now.date(), lang)
        title = t(key, lang, **values)
    for html in render_bundle(live_related(rt.db.db, digests), lang, shown_now, header=True,
                              title=title):
        await send(update, context, html)


def my_digest(rt: Runtime, topics: list[str], now: datetime,
              muted: frozenset[int] = frozenset()) -> list[Digest]:
    """«نشرتي»: for each followed topic (in the order followed) its best TOPIC_STORIES stories,
    newest first, their quotes that name the topic first as its search lists them
    (`topic_quotes_first`); then the general top stories; DIGEST_STORIES in all, no story twice.

    A topic's stories come first so that newer general stories never push them out. The
    reports of `muted` sources (the chat's, bot.reader_sources) are not among them (X61). Two
    stored stories of one event are shown once (digests.story_folds, the delivered bundles'
    rule: QA64-12), the earlier listed kept.
    """
    out: list[Digest] = []
    seen: set[int] = set()

    def add(items: list[Digest], limit: int) -> None:
        fresh: list[Digest] = []
        for d in items:
            key = d.story_id if d.story_id is not None else -(d.article_id or 0)
            if key not in seen and len(fresh) < limit:
                seen.add(key)
                fresh.append(d)
        fresh.sort(key=lambda d: d.published_at.timestamp() if d.published_at else 0,
                   reverse=True)
        out.extend(fresh[:DIGEST_STORIES - len(out)])

    for topic in topics:
        if len(out) >= DIGEST_STORIES:
            break
        try:  # more than shown: a story already listed under another topic is skipped
            page = search_page(rt.db, topic, offset=0, limit=TOPIC_STORIES * 4, now=now,
                               muted=muted)
        except QueryError:
            continue
        # the topic's quotes first, as its search shows them (QA25 E13: one order for one
        # reader's topic; the general stories after keep their ranked order)
        asked = topic_text(topic)
        about = [d for d in live_digests(rt.db, page.digests) if _about(rt, topic, d)]
        add([topic_quotes_first(d, asked) for d in about], TOPIC_STORIES)
    general: list[Digest] | None = None
    for _ in range(FOLD_ROUNDS):
        if len(out) < DIGEST_STORIES:
            if general is None:
                general = latest_digests(rt.db, now=now, limit=DIGEST_STORIES * 2, muted=muted)
            add(general, DIGEST_STORIES)
        # two stored stories of one event are one block, as in a delivered bundle (QA64-12:
        # one match twice, items ٦ and ٧); a story folded away leaves room for the next
        kept = set(fold_ids(rt.db.db, [d.article_id for d in out if d.article_id is not None]))
        folded = len(out)
        out[:] = [d for d in out if d.article_id is None or d.article_id in kept]
        if len(out) == folded:
            break
    return out


def _about(rt: Runtime, topic: str, digest: Digest) -> bool:
    """Whether a story found by the topic's search is about the topic, by the rule its alerts
    use (digests.topic_match.alert_matches) for any of its reports: a column that names
    «ليفربول» once in passing is found by the search but is not listed under the topic (QA42
    B4); the general stories after may still list it."""
    from digests.topic_match import alert_matches  # late: it builds on the analysis modules

    if digest.story_id is not None:
        articles = story_articles(rt.db.db, digest.story_id)
    elif digest.article_id is not None:
        articles = [article_from_row(r) for r in rt.db.db.query(
            f"{ARTICLE_SELECT} where articles.id = ?", [digest.article_id])]
    else:
        return True  # nothing to judge it by: the search's word stands
    return any(alert_matches(topic, a) for a in articles)
