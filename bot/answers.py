"""Answers to readers: a topic typed in a private chat, its pages, and their buttons.

Any plain text in a private chat is a topic question answered from the archive: the best matching
stories, one page at a time (bot.stories), rendered by bot.render, with buttons to follow the
topic (handled in bot.following), see more («المزيد», the next page edited in place; «السابق»
back) and open a story's related links (bot.link_answers). A link in the text is looked up
instead, never followed (bot.link_answers); «آخر الأخبار» gets the news itself, as /digest gives
it (bot.my_digest). HTML tags around a topic are left out («<b>غزة</b>» asks about «غزة»); a
number alone («١٢٣») or a text too long to be a topic (a pasted headline,
`digests.asked_topics.topic_too_long`) is searched but never offered for following. Replies a
group gets speak of the group (bot.i18n.chat_worded). The line above the results and the order
of a story's quotes are bot.result_parts'.
Greetings and small talk («مرحبا», «hello», «شكرا»: digests.greetings) get a short welcome and
what to type, never a search or a follow button; several topics typed at once («سوريا، لبنان،
مصر»: digests.several_topics) get one button each and «🔔 تابعها كلها».
English names are searched as their Arabic topic, also inside a few Latin words («Gaza Strip»).
A topic button (the welcome's examples, nearby spellings when nothing is found) asks that topic.
Buttons carry opaque ids; bot.buttons resolves them and runs the `ACTIONS` declared at the end
of this module.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.callbacks import Callback
from bot.day_search import day_key, day_page
from bot.i18n import chat_worded, format_date, list_sep, num, t, topic_label
from bot.latin_help import latin_miss, latin_synonym, latin_synonym_in
from bot.lines import utf16_len
from bot.link_answers import answer_link
from bot.my_digest import reader_now, send_days_news, send_my_digest
from bot.reader_clock import reader_zone
from bot.packer import LIMIT
from bot.reader_sources import muted as muted_sources
from bot.render import render_results
from bot.result_parts import numbers_left, related_label, search_note, topic_quotes_first
from bot.results_header import (  # noqa: F401 (results_topic: callers)
    header_topic,
    results_topic,
    without_words,
)
from bot.runtime import (
    Action,
    Runtime,
    button,
    chat_lang,
    edit_or_send,
    ensure_chat,
    keyboard,
    runtime,
    send,
    ui,
)
from bot.stories import search_page
from bot.zone_typed import zone_command
from digests.asked_topics import (
    STRAY_NUMBER,
    asks_for_news,
    days_back,
    topic_shown,
    topic_text,
    topic_too_long,
)
from digests.errors import QueryError
from digests.greetings import after_greeting, small_talk
from digests.named_questions import english_read, reader_topic
from digests.query import followable, lone_name, no_words
from digests.reader_text import echo, links_in, strip_markup
from digests.day_words import asked_date, asked_day, asked_month, date_alone, news_of
from digests.zone_words import asks_for_zone
from digests.related import live_related
from digests.several_topics import several_topics
from digests.topic_names import arabic_topic, is_adjective, is_latin

PAGE_SIZE = 5
PASTED_WORDS = 6  # a text this long read as one name it holds is a pasted headline (QA36 E10)
HEADLINE_SEPARATORS = ("..", ":", " - ", " | ", "،")


# ---------------------------------------------------------------------------------------------
# Topic questions


async def topic_question(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any plain text in a private chat: answer with the best matching stories."""
    message = update.effective_message
    if message is None or not message.text:
        return
    rt = runtime(context)
    ensure_chat(rt, update)
    text = message.text.strip()
    name = context.bot.username
    if name:  # «@nashra_bot الغوطة», as /help shows for any chat, is «الغوطة» here (QA26 N15)
        text = re.sub(rf"(?<!\w)@{re.escape(name)}(?!\w)", " ", text, flags=re.IGNORECASE)
        text = " ".join(text.split())
    if not text:  # the name alone: said as a greeting
        await send(update, context, ui(chat_lang(rt, update), "small_talk_hello"))
        return
    if asks_for_zone(text):  # «التوقيت», "time zone": the zone picker, no search (QA47 Z8)
        await zone_command(update, context)
        return
    await answer_topic(update, context, rt, text, offset=0, edit=False)


async def answer_topic(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                       query: str, *, offset: int, edit: bool, day: str | None = None) -> None:
    """Send (or, for «المزيد», edit in place) one page of results for `query`; `day` (a local
    date, ISO) keeps a page of «سوريا امبارح» to that day (bot.day_search)."""
    chat = update.effective_chat
    assert chat is not None
    lang = chat_lang(rt, update)
    now = rt.now()
    talk = None if offset or update.callback_query else small_talk(query)
    if talk:  # «مرحبا», «hello», «شكرا»: a welcome and what to type, nothing to follow (QA26 N3)
        await send(update, context, ui(lang, chat_worded(f"small_talk_{talk}", chat.type)))
        return
    if not offset:  # «السلام عليكم، شو الاخبار؟»: what follows the greeting is asked (QA57-9)
        query = after_greeting(query) or query
    links = links_in(query)
    if links:  # a link, even inside a sentence, is looked up: never searched or followed
        await answer_link(update, context, rt, links[0], lang, several=len(links) > 1)
        return
    # «أخبار ١٥ آذار», «سوريا يوم ١٥ مارس»: a date in words, either month series (X80, Z10)
    dated = None if offset or day is not None else asked_date(
        query, reader_now(rt, chat.id).date())
    if dated is not None and dated.news_only:
        back = (reader_now(rt, chat.id).date() - dated.day).days
        if back:  # a day not come yet is said so too, not answered with today's (X87)
            await send_days_news(update, context, rt, chat.id, chat.type, lang, back)
        else:
            await send_my_digest(update, context, rt, chat.id, chat.type, lang)
        return
    if dated is not None:  # a topic on that day, as «سوريا امبارح» (bot.day_search)
        query, day = dated.rest, dated.day.isoformat()
    # «أخبار آذار», "news March": a month with no day was searched as the word «آذار» (X84)
    month = None if offset or day is not None else asked_month(query)
    if month is not None:
        await send(update, context, ui(lang, "month_alone", month=echo(month),
                                       day=num(15, lang)))
        return
    if not offset and asks_for_news(query):  # «آخر الأخبار»: the news itself, as /digest gives
        back = days_back(query)  # «مين فاز امبارح», «اخبار الامس»: that day's (QA33 S1)
        if back:
            await send_days_news(update, context, rt, chat.id, chat.type, lang, back)
        else:
            await send_my_digest(update, context, rt, chat.id, chat.type, lang)
        return
    query = strip_markup(query[:4000])[:200] or query[:200]  # «<b>غزة</b>» asks about «غزة»
    if not offset and STRAY_NUMBER.fullmatch(query.strip()):
        # «1» typed alone (a list's item picked where the list had no buttons) matched a «1»
        # in some 2018 story, shown as if it answered (QA58-8): no topic, asked for a name
        await send(update, context, ui(lang, "nothing_found_unfollowable", query=echo(query)))
        return
    several = () if offset else several_topics(rt.db.db, query)
    if several:  # «سوريا، لبنان، مصر»: one button for each, or follow them all (QA26 N2)
        await send(update, context, *several_question(rt, chat.id, several, lang))
        return
    # «Syria» is «سوريا», «Gaza Strip» «غزة»: the archive is Arabic; «Trump Kim» and «Trump
    # كيم» are «ترامب كيم» (QA78-7/-8)
    mapped = english_read(rt.db.db, query)
    # «Brexit», a name the search reads as «بريكست»: said and answered as «Ghouta» (QA74-16)
    synonym = None if mapped else latin_synonym(query)
    # «brexit news», «Brexit deal»: read as «Iran deal» is, «from … I searched for …» (QA76-6)
    partial = None if mapped or synonym else latin_synonym_in(query)
    mapped = mapped or synonym or partial
    latin = mapped is None and is_latin(query)
    lead = None
    if mapped:
        whole = (arabic_topic(query) is not None or synonym is not None) and not is_adjective(
            query)
        lead = ui(lang, "latin_mapped" if whole else "latin_partial", latin=echo(query),
                  topic=mapped)
    # «شكو ماكو بالعراق», «اريد اعرف اخبار ترامب»: a sentence the archive does not cover is
    # answered, headed and offered for following as the news names it holds (QA24 R1); an
    # English name as its Arabic topic, as `run.py search` reads it
    typed = query
    # «٢٠ مارس» alone: searched as written (it may be a name, «١٤ آذار»), that day's news
    # offered beside (QA78-19)
    day_offer = None if offset or day is not None else day_news_button(
        rt, chat.id, typed, lang, reader_now(rt, chat.id).date())
    query = synonym or partial or reader_topic(rt.db.db, query)
    # «سوريا امبارح», "Syria today": that day's stories, the day said (QA47 Z4); «المزيد»
    # carries the day asked
    local = reader_now(rt, chat.id)
    day_back = asked_day(typed) if day is None and not offset else None
    on_date = date.fromisoformat(day) if day else (
        (local - timedelta(days=day_back)).date() if day_back is not None else None)
    # a pasted headline read as one name it holds: said above the results, its own article
    # may not be among them (QA36 E10). A headline here: six words or more with a number or a
    # headline's separator («مصر..الاستثمارات … 20%»), not a question («هو ايه اللي حصل في
    # الغوطة» is asked, and answered by its name without a note)
    one_name = (query != typed and not latin and len(typed.split()) >= PASTED_WORDS
                and not any(mark in typed for mark in "?؟")
                and (any(ch.isdigit() for ch in typed)
                     or any(sep in typed for sep in HEADLINE_SEPARATORS)))
    # «١٢٣» or a pasted headline may be searched, never offered for following (the follow
    # would be refused: QA10 F14)
    can_follow = followable(query) and not topic_too_long(query)
    try:
        # the chat's muted sources are left out by the search itself: full pages, true totals
        # (bot.reader_sources; X61)
        muted = muted_sources(rt.db, chat.id)
        # a day not come yet has no news, whatever date a feed gave a story: the latest, said
        # so, as the news-only path and inline answer it (review REV s22, item 14)
        zone = reader_zone(rt.db.db, chat.id)
        on_day = None if on_date is None or on_date > local.date() else day_page(
            rt.db, query, on_date, zone, offset=offset, limit=PAGE_SIZE, now=now, muted=muted)
        # ordered by the calendar days the reader's dates read (QA78-15)
        page = on_day or search_page(rt.db, query, offset=offset, limit=PAGE_SIZE, now=now,
                                     muted=muted, zone=zone)
    except QueryError:
        name = lone_name(query)  # «علي» alone: the preposition «على» has the same key
        await send(update, context, ui(lang, "name_alone", name=name) if name
                   else ui(lang, "latin_topic", query=echo(query)) if latin  # «May» alone
                   # «ا» × 4000 is no word, not a stop-word: nothing found (QA56-8)
                   else ui(lang, "nothing_found_unfollowable", query=echo(query))
                   if no_words(query)
                   else ui(lang, "nothing_searchable", query=echo(query))
                   if any(ch.isalnum() for ch in query) else ui(lang, "no_words"))
        return
    if page.digests and numbers_left(query, page):  # «الساعة 10.30/ليلا» found only «30»
        page = replace(page, digests=(), total=0, has_more=False)
    day_said = ""  # said on every page: «المزيد» replaces the page that said it (QA52 R5)
    if on_date is not None and page.digests:  # the day said: kept, or none that day (QA47 Z4)
        key, values = day_key("topic_day", on_date, local.date(), lang)
        said = ui(lang, key, **values) if on_day else ui(
            # «Syria (سوريا)» in English, as the header below names it; a day not come yet
            # is said so (X87)
            lang, "topic_day_none_future" if on_date > local.date() else "topic_day_none",
            query=topic_label(topic_shown(query) or query, lang, with_arabic=True),
            date=format_date(datetime(on_date.year, on_date.month, on_date.day), lang))
        lead = "\n".join(n for n in (lead, said) if n)
        day_said = said
    carried = {"day": on_date.isoformat()} if on_date is not None and on_day else {}
    listed = len(page.digests)  # «المزيد» goes on from the last result searched
    if page.digests:  # a «🔗 روابط الخبر» button only where a link is left
        page = replace(page, digests=tuple(live_related(rt.db.db, page.digests)))
    if not page.digests:
        if offset:
            if update.callback_query:
                await update.callback_query.answer(t("no_more", lang))
            return
        if latin:  # a Latin word no table maps: the names near it, or what to do (QA51 L5)
            await send(update, context, *latin_miss(rt, chat.id, query, lang))
            return
        # «Tariq Ramadan (طارق رمضان)» in English, as the other buttons (QA74-17)
        rows: list[list[InlineKeyboardButton]] = [
            [button(rt, chat.id, topic_label(s, lang, with_arabic=True), "search",
                    {"query": s})] for s in page.suggestions[:5]]
        # the topic asked, not the question: «مين ربح بالانتخابات اللبنانية» was echoed and
        # offered for following whole (QA57-10); as the found results' header and button do
        asked = topic_shown(query) or query
        # found only in sources muted here: said so, not «nothing» (X61)
        text = ui(lang, "found_only_muted" if page.muted_hidden
                  else chat_worded("nothing_found", chat.type) if can_follow
                  else "nothing_found_unfollowable",
                  # «Kirkuk (كركوك)» as the other English answers name it (QA51 L6)
                  query=echo(topic_label(asked, lang, with_arabic=True)))
        if lead:
            text = lead + "\n" + text
        if page.suggestions:
            text += "\n" + ui(lang, "did_you_mean")
        if day_offer is not None:
            rows.append([day_offer])
        if can_follow:
            rows.append([button(rt, chat.id, t("btn_subscribe", lang), "subscribe",
                                {"topic": asked})])
        await send(update, context, text, keyboard(rows))
        return
    # the header names what was searched: «كاظم على» the archive reads as the name is «كاظم
    # علي», not «كاظم» (QA28 T1); the quotes that name it first, as a delivered bundle's key
    # quote (QA23 S11)
    searched = page.read_as or query
    # a pasted text (a forwarded digest) searched by the names it holds is headed by them
    # (QA31 G6); `run.py search` heads its results the same way (bot.results_header)
    shown = header_topic(searched, lang, page.note, page.dropped)
    if page.note == "pasted" and page.dropped:
        searched = page.dropped[0]
    asked = topic_text(searched)
    page = replace(page, digests=tuple(topic_quotes_first(d, asked) for d in page.digests))
    messages = render_results(page.digests, lang, reader_now(rt, chat.id), query=shown,
                              offset=offset,
                              total=page.total, total_exact=page.total_exact)
    note = "\n".join(n for n in (lead, search_note(page, lang)) if n)
    if one_name and not note:
        note = ui(lang, "note_pasted_one", words=f"«{echo(query)}»")
    # say above the results that they are not an exact answer; a later page, only the day
    above = note if offset == 0 else day_said
    if above:
        if utf16_len(above) + 1 + utf16_len(messages[0]) <= LIMIT:
            messages[0] = above + "\n" + messages[0]
        else:
            messages.insert(0, above)
    # each names its story's first words: read alone by a screen reader, «🔗 روابط الخبر ٣»
    # meant nothing, and the numbers skip the stories without links (QA36 E6)
    related_buttons = [button(rt, chat.id, related_label(offset + i + 1, d.headline, lang),
                              "related", {"article_id": d.article_id})
                       for i, d in enumerate(page.digests) if d.related and d.article_id]
    rows = [related_buttons[i:i + 2] for i in range(0, len(related_buttons), 2)]
    if page.suggestions and offset == 0:  # «ارودغان» found once; «أردوغان» is far more common
        ask = ui(lang, "did_you_mean")
        if utf16_len(messages[-1]) + 1 + utf16_len(ask) <= LIMIT:
            messages[-1] += "\n" + ask
        else:
            messages.append(ask)
        rows += [[button(rt, chat.id, topic_label(s, lang, with_arabic=True), "search",
                         {"query": s})] for s in page.suggestions[:3]]
    # the topic the header names, not the text typed (QA33 S6: «شو صار بعفرين» followed «بعفرين»)
    follows = followed_topic(query, page.note, page.dropped, bool(page.suggestions))
    last_row = [button(rt, chat.id, t("btn_subscribe", lang), "subscribe",
                       {"topic": follows})] if can_follow and follows else []
    # the page buttons on a row of their own, the last, «السابق» before «المزيد»: «المزيد» stays
    # where the thumb found it (QA54-4: beside «🔔 تابع» the row went from 2 to 3 buttons after
    # the first «المزيد», and a second tap at the same place landed on «السابق»)
    pages: list[InlineKeyboardButton] = []
    if offset > 0:  # after «المزيد»: back to the page before
        pages.append(button(rt, chat.id, t("btn_prev", lang), "more",
                            {"query": query, "offset": max(0, offset - PAGE_SIZE), **carried}))
    if page.has_more:
        pages.append(button(rt, chat.id, t("btn_more", lang), "more",
                            {"query": query, "offset": offset + listed, **carried}))
    rows += [row for row in ([day_offer] if day_offer else [], last_row, pages) if row]
    markup = keyboard(rows)
    if update.callback_query is not None and edit:  # «المزيد»/«السابق» (QA36 E7): the toast
        # says which page came, as a silent edit in place told a screen reader nothing
        try:
            await update.callback_query.answer(t(
                "page_toast", lang, first=num(offset + 1, lang),
                last=num(offset + len(page.digests), lang), total=num(page.total, lang)))
        except BadRequest:
            pass  # answered already
    if edit and len(messages) == 1:  # «المزيد»: the page replaces the one whose button was pressed
        await edit_or_send(update, context, messages[0], markup)
        return
    for i, html in enumerate(messages):
        await send(update, context, html, markup if i == len(messages) - 1 else None)


def day_news_button(rt: Runtime, chat_id: int, typed: str, lang: str,
                    today: date) -> InlineKeyboardButton | None:
    """«📅 أخبار ٢٠ مارس ٢٠١٨» for a text that is only a date (digests.day_words.date_alone):
    it asks that day's news, as «أخبار ٢٠ مارس» does; None for any other text."""
    asked = date_alone(typed, today)
    if asked is None:
        return None
    shown = format_date(datetime(asked.year, asked.month, asked.day), lang)
    return button(rt, chat_id, t("day_news_offer", lang, date=shown), "search",
                  {"query": news_of(typed)})


def followed_topic(query: str, note: str | None, dropped: tuple[str, ...],
                   fixed: bool) -> str | None:
    """What «🔔 تابع» under a page of results follows: the topic its header names
    (`topic_shown`) — without the words the search left out as missing from the archive —
    or None when those words have a «هل تقصد» spelling, which the reader picks first (its
    page has its own button). QA78-10: «رئيس الوزرا» was headed «رئيس», and «🔔 تابع» followed
    «رئيس الوزرا», a phrase the news never writes: a follow that could never alert."""
    if note == "dropped" and dropped:
        if fixed:
            return None
        return topic_shown(without_words(query, dropped)) or None
    return topic_shown(query) or query


def several_question(rt: Runtime, chat_id: int, topics: tuple[str, ...],
                     lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    """Several topics typed as one question: they are named, each with a button that asks it,
    and «🔔 تابعها كلها» follows them all (the list is split again by bot.following)."""
    labels = [topic_label(arabic_topic(x) or x, lang, with_arabic=True) for x in topics]
    text = ui(lang, "several_asked", topics=list_sep(lang).join(f"«{label}»" for label in labels))
    rows = [[button(rt, chat_id, "🔎 " + label, "search", {"query": topic})]
            for topic, label in zip(topics, labels)]
    rows.append([button(rt, chat_id, t("btn_follow_all", lang), "subscribe",
                        {"topic": "، ".join(topics)})])
    return text, keyboard(rows)

# ---------------------------------------------------------------------------------------------
# Buttons


async def _act_search(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                      cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    await answer_topic(update, context, rt, str(cb.payload.get("query", "")), offset=0,
                       edit=False)


async def _act_more(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    offset = int(cb.payload.get("offset", 0))
    day = cb.payload.get("day")  # a page of «سوريا امبارح» (bot.day_search)
    await answer_topic(update, context, rt, str(cb.payload.get("query", "")), offset=offset,
                       edit=True, day=str(day) if day else None)
    await _answer_quietly(update)


async def _answer_quietly(update: Update) -> None:
    try:
        assert update.callback_query is not None
        await update.callback_query.answer()
    except BadRequest:
        pass  # already answered (e.g. "no more results")


ACTIONS: dict[str, Action] = {
    "search": _act_search,
    "more": _act_more,
}
