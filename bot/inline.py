"""Inline mode: `@bot TOPIC` in any chat offers matching digests as articles to share.

Each result is one story rendered with bot.render.render_digest (one message, cut short if it
would not fit); an empty query offers the latest top stories. English names are searched as their
Arabic topic, as in a chat (`@bot Trump` is «ترامب», `@bot Gaza Strip` «غزة»). A day word
(«مين فاز امبارح», «اخبار الامس») or a date in words («اخبار ٥ آذار ٢٠١٨», "news of 5 March":
digests.day_words.asked_date, X80) offers that day's top stories, as a chat answer does
(bot.my_digest.send_days_news); a topic with a date is searched as typed here. Inline has no
chat: days and dates are read in the user's private chat's zone when stored, else UTC+3
(bot.reader_clock), and in the language chosen there (/lang) when stored, else the user's
Telegram one (QA67-4: a reader who chose English on an Arabic phone shared Arabic stories);
the sources the user muted there
(bot.reader_sources) are not offered, and when they hold every result a button says so (QA48
R12: 0 results with no hint).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from telegram import (
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Update,
)
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.i18n import format_date, lang_of, relative_time, t
from bot.lines import byline, clean, line_text, safe_url
from bot.reader_clock import day_before, reader_now
from bot.reader_sources import muted as muted_sources
from bot.render import render_digest
from bot.runtime import NO_PREVIEW, own_lang, runtime
from bot.stories import TOP_WINDOW, latest_digests, search_page
from digests.asked_topics import STRAY_NUMBER, asks_for_news, days_back
from digests.day_words import asked_date
from digests.errors import QueryError
from digests.models import Digest
from digests.named_questions import reader_topic
from digests.related import live_related

log = logging.getLogger(__name__)

MAX_RESULTS = 10
CACHE_SECONDS = 60


def _result(digest: Digest, lang: str, now: datetime, index: int) -> InlineQueryResultArticle:
    # laid out as a story's byline: «BBC عربي · منذ ٣ ساعات» after an RLM, not drawn «BBC
    # ساعات ٣ منذ · عربي»; in English the Arabic name closed and opened with an LRM, not
    # «CNN 3 · بالعربية hours ago» (QA67-4; Telegram lays a description out by its first letter)
    meta = " · ".join(p for p in (clean(digest.source),
                                  relative_time(digest.published_at, now, lang)) if p)
    description = line_text(byline(meta, lang)) if meta else ""
    result_id = str(digest.article_id if digest.article_id is not None else index)
    return InlineQueryResultArticle(
        id=result_id[:64],
        title=clean(digest.headline)[:200] or "—",
        description=description[:200] or None,
        url=safe_url(digest.url),  # Telegram refuses the whole answer for a bad URL
        input_message_content=InputTextMessageContent(
            render_digest(digest, lang, now), parse_mode=ParseMode.HTML,
            link_preview_options=NO_PREVIEW),
    )


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """`@bot TOPIC`: matching stories as articles to share (latest top stories when empty)."""
    query = update.inline_query
    if query is None:
        return
    rt = runtime(context)
    now = rt.now()
    # the user's private chat is the user's id: its zone when stored, else UTC+3 (QA33 S8)
    user = query.from_user.id if query.from_user else 0
    shown_now = reader_now(rt.db.db, user, now)
    # the sources the user muted in their private chat (its id is theirs) are not offered (X61)
    muted = muted_sources(rt.db, user) if user else frozenset()
    lang = (own_lang(rt, query.from_user, rt.settings.default_language) if query.from_user
            else lang_of(None, None, rt.settings.default_language))
    text = (query.query or "").strip()[:200]
    offset = int(query.offset) if (query.offset or "").isdigit() else 0
    digests: list[Digest] = []
    hidden = False  # every result was in a muted source
    next_offset = ""
    back = 0
    note = ""  # said on the button above the results: the day asked had no news
    dated = asked_date(text, shown_now.date()) if text else None
    if dated is not None and dated.news_only:  # «اخبار ٥ آذار», "news of 5 March" (X80)
        back, text = (shown_now.date() - dated.day).days, ""
    if text and asks_for_news(text):  # «آخر الأخبار», "latest news": the news itself
        back = days_back(text)  # «مين فاز امبارح»: that day's, as in a chat (brief X49)
        text = ""
    if text and STRAY_NUMBER.fullmatch(text):
        # «@bot 1» listed every story with a «1» in it, while a chat asks for a name (QA61-7,
        # as QA58-8): a half-typed query is the normal case inline; no results
        digests = []
    elif text:
        try:
            # «قديش عدد القتلى بالغوطة»: the news name it holds, as in a chat (QA24 R1)
            topic = reader_topic(rt.db.db, text)
            page = search_page(rt.db, topic, offset=offset, limit=MAX_RESULTS, now=now,
                               muted=muted)
            digests = list(page.digests)
            hidden = page.muted_hidden > 0
            if page.has_more:  # a next page really holds a story
                next_offset = str(offset + len(digests))
        except QueryError:
            digests = []
    elif offset == 0:
        window = timedelta(days=1) if back else TOP_WINDOW  # a day's, or the latest
        when = day_before(shown_now, back) if back else now
        # a day's stories only: older ones are not offered as that day's news (QA54-1's rule);
        # a day not come yet has none, whatever date a feed gave a story (as in a chat: review
        # REV of X87)
        digests = [] if back < 0 else latest_digests(
            rt.db, now=when, limit=MAX_RESULTS, window=window, muted=muted, fall_back=not back)
        hidden = back >= 0 and not digests and bool(muted) and bool(
            latest_digests(rt.db, now=when, limit=1, window=window, fall_back=not back))
        if back and not digests and not hidden:  # none that day: the latest, said so
            digests = latest_digests(rt.db, now=now, limit=MAX_RESULTS, muted=muted)
            day = (shown_now - timedelta(days=back)).replace(tzinfo=None)
            note = t("inline_day_future" if back < 0 else "inline_day_none", lang,
                     date=format_date(day, lang))
    digests = live_related(rt.db.db, digests)  # no "story" link to a page since gone
    results = [_result(d, lang, shown_now, offset + i) for i, d in enumerate(digests)]
    if not results and offset == 0 and (text or hidden):
        button_text = (t("inline_only_muted", lang) if hidden
                       else t("inline_nothing", lang, query=text[:50]))
        await query.answer([], cache_time=CACHE_SECONDS, is_personal=True,
                           button=InlineQueryResultsButton(text=button_text[:64],
                                                           start_parameter="inline"))
        return
    await query.answer(results, cache_time=CACHE_SECONDS, is_personal=True,
                       next_offset=next_offset,
                       button=InlineQueryResultsButton(text=note[:64], start_parameter="inline")
                       if note and results else None)

