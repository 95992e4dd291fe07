"""Inline buttons: resolve a pressed button's opaque id (bot.callbacks) and run its action.

Each handler module declares its own `ACTIONS` (action name → coroutine); an unknown, expired or
foreign id, or an action nobody declares, gets a polite answer and nothing happens — worded
for what the button was (`refusal_key`: a story that is no longer kept, a button of another
chat; QA21 R4).

The «more stories» button under a delivered digest (QA17 R2) is handled here: its payload holds
the article ids the digest counted but did not show (bot.courier made it, for that chat only),
and the topics the digest came for; pressed, it sends those stories once, without a header, as
the digest showed its own (QA21 R7): pages of compact blocks (`more_pages`), numbered on from
page to page («١١.»), each page with its «📖 خبر n» buttons, their quotes chosen for the
topics. In a group anyone may press it (it reads, it changes no setting).

A compact delivered digest (QA18 R16) has a «📖 ١» button per story whose block leaves
something out (bot.bundle_buttons.story_rows; data «<id>.<n>», the stored id's payload holding the shown
article ids): pressed, it sends that story's full digest — its every quote and related link —
once per button (a double press, or a second reader of a group, is told it is above). In a
channel it answers with an alert instead (bot.render.story_alert: the story's rest, cut to
Telegram's 200 characters), every time, to whoever pressed: a message in a channel would be a
new post notifying every reader because one of them pressed, and a private message cannot reach
a reader who never started the bot — the alert works for anyone, subscriber or not.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Mapping
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot import (
    answers,
    callbacks,
    channel_following,
    command_guess,
    followed_topics,
    following,
    link_answers,
    preferences,
    reader_sources,
    topic_choice,
)
from bot.bundle_buttons import _new_more, page_story_rows
from bot.i18n import lang_of, num, t
from bot.reader_clock import reader_now
from bot.render import has_details, render_bundle, render_digest_messages, story_alert
from bot.runtime import Action, Runtime, chat_lang, runtime, send, write_refused
from bot.shown_stories import MAX_BUNDLE
from bot.stories import digest_by_article, live_digests
from digests import subscriptions
from digests.records import ARTICLE_SELECT, digest_from_row
from digests.related import live_related
from digests.storage import DatabaseFault

log = logging.getLogger(__name__)

MORE_STORIES = callbacks.MORE_STORIES  # the courier's button (bot.courier)
MAX_MORE_IDS = 500  # a payload is ours, but never trust a length
# The «more» stories go as pages of this many compact blocks, each page with its story buttons
# (a delivered bundle shows as many: bot.sender.MAX_BUNDLE; ten stories fit one message).
MORE_PAGE = 10
# One press sends at most this many pages; the rest wait under a new «📰 اعرض الأخبار الأخرى
# (n)» on the last page (QA48 R7: 190 stories came as 19 messages at once)
MORE_PRESS_PAGES = 2


async def _act_more_stories(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                            cb: callbacks.Callback, lang: str) -> None:
    query = update.callback_query
    assert query is not None
    raw = cb.payload.get("articles", [])
    ids = [int(a) for a in raw if isinstance(a, int)][:MAX_MORE_IDS] \
        if isinstance(raw, list) else []
    if not rt.held.take(rt.db, cb.id, action=MORE_STORIES):  # in memory if writes are refused
        await query.answer(t("more_already_sent", lang), show_alert=True)
        return
    found = {r["id"]: r for r in rt.db.db.query(
        f"{ARTICLE_SELECT} where articles.id in ({','.join('?' * len(ids))})", ids)} \
        if ids else {}
    rows = [found[a] for a in ids if a in found]
    if not rows:
        await query.answer(t("more_gone", lang), show_alert=True)
        return
    await query.answer()
    now = reader_now(rt.db.db, cb.chat_id, rt.now())  # dated in the chat's zone (QA33 S8)
    digests = live_related(rt.db.db, [digest_from_row(r) for r in rows])
    topics = _topics(cb.payload)
    # numbered on from the bundle's own stories («١١.», «📖 خبر ١١»: QA26 N5); a button stored
    # before the count was kept came under a full bundle of MAX_BUNDLE
    after = cb.payload.get("after", MAX_BUNDLE)
    # (a «more» button under a page of them (MORE_PRESS_PAGES) numbers on past the pages)
    after = after if isinstance(after, int) and 0 <= after <= MAX_MORE_IDS else MAX_BUNDLE
    pages = more_pages(len(digests))
    rest = _rest_button(rt, cb.chat_id, digests, pages, topics, after, lang)
    if rest is not None:
        pages = pages[:MORE_PRESS_PAGES]
    sent = 0
    try:
        # Pages of MORE_PAGE compact blocks numbered on from page to page, each with its own
        # story buttons, as a delivered bundle is (QA21 R7: the stories came whole, 3–4 long
        # messages of ~30 lines a story, right after a bundle of two lines a story).
        for start, end in pages:
            page = digests[start:end]
            shown = [int(d.article_id or 0) for d in page]
            places = [i + 1 for i, d in enumerate(page) if has_details(d, lang, now, topics)]
            keyboard = page_story_rows(rt.db, cb.chat_id, shown, places, lang, now,
                                       first=after + start + 1, topics=topics)
            if rest is not None and end == pages[-1][1]:
                keyboard = [*keyboard, rest]
            messages = render_bundle(page, lang, now, header=False, compact=True,
                                     first=after + start + 1, quotes_for=topics)
            for i, html in enumerate(messages):
                last = i == len(messages) - 1
                await send(update, context, html,
                           InlineKeyboardMarkup(keyboard) if last and keyboard else None)
                sent += 1
    except Exception:
        if not sent:  # nothing reached the reader: the button works again
            rt.held.give_back(rt.db, cb.id, action=MORE_STORIES)
        raise
    log.info("more stories sent chat=%s stories=%d messages=%d", cb.chat_id, len(rows), sent)


def _rest_button(rt: Runtime, chat_id: int, digests: list[Any], pages: list[tuple[int, int]],
                 topics: list[str], after: int, lang: str) -> list[InlineKeyboardButton] | None:
    """The «more» button row for the stories past MORE_PRESS_PAGES pages, stored now (None
    when all fit one press, or when it cannot be stored: then all of them go, as before)."""
    if len(pages) <= MORE_PRESS_PAGES:
        return None
    cut = pages[MORE_PRESS_PAGES - 1][1]
    ids = [int(d.article_id) for d in digests[cut:] if d.article_id]
    if not ids:
        return None
    try:
        cb_id = _new_more(rt.db, chat_id, ids, topics, rt.now(), after + cut)
    except DatabaseFault as exc:  # writes refused: the whole rest goes at once, as before,
        # and the refusal is reported as every other (the admins' alert: QA73-4)
        write_refused(rt, exc, "more button", log)  # its WARNING, once a minute
        log.info("more button for the rest not stored chat=%s error=%r", chat_id, exc)
        return None
    except Exception:  # a bug: the rest goes all the same, the traceback shows (QA73-4)
        log.exception("more button for the rest not stored chat=%s", chat_id)
        return None
    return [InlineKeyboardButton(t("more_button", lang, count=num(len(ids), lang)),
                                 callback_data=cb_id)]


def more_pages(n: int) -> list[tuple[int, int]]:
    """The (start, end) of each page of `n` «more» stories: MORE_PAGE a page, the last taking
    a remainder of one or two (31 stories: 10, 10, 11 — not a page of one)."""
    pages = [(i, min(i + MORE_PAGE, n)) for i in range(0, n, MORE_PAGE)]
    if len(pages) > 1 and pages[-1][1] - pages[-1][0] <= 2:
        pages[-2:] = [(pages[-2][0], n)]
    return pages


def _topics(payload: Mapping[str, Any]) -> list[str]:
    """The topics a button's payload keeps (a bundle's, bot.bundle_buttons); [] if none."""
    raw = payload.get("topics", [])
    return [x for x in raw if isinstance(x, str)] if isinstance(raw, list) else []


async def _act_more_sent(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         cb: callbacks.Callback, lang: str) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer(t("more_already_sent", lang), show_alert=True)


async def _act_story(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                     cb: callbacks.Callback, lang: str) -> None:
    """A compact bundle's «📖 n»: story n's full digest (see the module docstring)."""
    query = update.callback_query
    chat = update.effective_chat
    assert query is not None
    raw = cb.payload.get("articles", [])
    ids = [a for a in raw if isinstance(a, int)] if isinstance(raw, list) else []
    n = cb.index
    if n is None or not 1 <= n <= len(ids):  # a forged place: nothing of ours
        log.info("story button refused reason=place chat=%s", cb.chat_id)
        await query.answer(t("story_button_expired", lang), show_alert=True)
        return
    found = digest_by_article(rt.db, ids[n - 1])
    # a report whose page is gone since is replaced by its story's newest live one
    digests = live_related(rt.db.db, live_digests(rt.db, [found])) if found else []
    if not digests:
        await query.answer(t("story_gone", lang), show_alert=True)
        return
    now = reader_now(rt.db.db, cb.chat_id, rt.now())  # dated in the chat's zone (QA33 S8)
    if chat is not None and chat.type == ChatType.CHANNEL:
        # what the block's quote was chosen for: the alert leaves that quote out
        await query.answer(story_alert(digests[0], lang, now, _topics(cb.payload)),
                           show_alert=True)
        log.info("story alert chat=%s place=%d", cb.chat_id, n)
        return
    if not rt.held.take_index(rt.db, cb.id, n):  # in memory if writes are refused
        await query.answer(t("story_already_sent", lang), show_alert=True)
        return
    await query.answer()
    sent = 0
    try:
        for html in render_digest_messages(digests[0], lang, now):
            await send(update, context, html)
            sent += 1
    except Exception:
        if not sent:  # nothing reached the reader: the button works again
            rt.held.give_back_index(rt.db, cb.id, n)
        raise
    log.info("story sent chat=%s place=%d messages=%d", cb.chat_id, n, sent)


ACTIONS: dict[str, Action] = {**answers.ACTIONS, **link_answers.ACTIONS, **following.ACTIONS,
                              **followed_topics.ACTIONS, **channel_following.ACTIONS,
                              **preferences.ACTIONS, **reader_sources.ACTIONS,
                              **topic_choice.ACTIONS, **command_guess.ACTIONS,
                              MORE_STORIES: _act_more_stories,
                              f"{MORE_STORIES}:done": _act_more_sent,
                              callbacks.STORY: _act_story}


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Resolve a pressed button's opaque id and run its action; unknown ids do nothing."""
    query = update.callback_query
    chat = update.effective_chat
    if query is None:
        return
    rt = runtime(context)
    chat_id = chat.id if chat else 0
    lang = chat_lang(rt, update)
    if chat is not None and subscriptions.get_chat(rt.db, chat_id) is None:
        # a chat the bot no longer keeps (a group since moved to a supergroup: its rows went
        # to the new id) has no language of its own: the presser's, not the default (QA31 G7)
        user = update.effective_user
        lang = lang_of(user.language_code if user else None, None, rt.settings.default_language)
    cb = callbacks.resolve(rt.db, query.data, chat_id=chat_id, now=rt.now(), log_unknown=False)
    if cb is None:  # a button sent while the database refused to store it (bot.held_buttons)
        cb = rt.held.resolve(query.data, chat_id=chat_id, now=rt.now())
        if cb is not None:
            # stored now, so a once-only action can mark it used (callbacks.take found no row
            # and «🔗 روابط الخبر» said the links were above, never sent: RB). Should the
            # database still refuse, the action's own write meets the same refusal
            with contextlib.suppress(DatabaseFault):
                rt.held.flush(rt.db)
    if cb is None or cb.action not in ACTIONS:
        refused = callbacks.refusal(rt.db, query.data, chat_id=chat_id, now=rt.now())
        if refused.reason == "unknown" and rt.writes.refused_since is not None:
            # no row while writes are refused: a button whose meaning was never stored (and
            # lost from memory) — «expired» would be false: the database is busy (QA74-9)
            busy = "reply_unsaved" if rt.writes.fault not in (None, "locked") else "reply_busy"
            log.info("callback refused reason=busy chat=%s fault=%s", chat_id, rt.writes.fault)
            await query.answer(t(busy, lang), show_alert=True)
            return
        if refused.reason == "unknown":  # not in memory either (resolve left it to us)
            log.info("callback refused reason=unknown chat=%s", chat_id)
        await query.answer(t(refusal_key(refused), lang), show_alert=True)
        return
    await ACTIONS[cb.action](update, context, rt, cb, lang)


def refusal_key(refused: callbacks.Refusal) -> str:
    """The answer to a refused button, worded for what it was (QA21 R4: «أعد الطلب من جديد»
    under a story's button, where nothing can be asked again): any button of another chat says
    so (QA49 M11: a menu's tokens replayed elsewhere said «انتهت صلاحية», README says «هذا
    الزر من محادثة أخرى»); a story's or a «more» button's expired (or purged) id says the
    stories are no longer kept behind it (and where to find them: /search, /digest); any other
    button (a search's page, a menu: asked again by its command), that it expired, to ask
    again."""
    story = refused.story or refused.action == callbacks.STORY
    more = refused.action is not None and refused.action.startswith(MORE_STORIES)
    if refused.reason == "other_chat":
        return "button_other_chat"
    if refused.reason == "malformed":  # data no button of ours carries: forged (QA65-9)
        return "button_invalid"
    if story:
        return "story_button_expired"
    if more:
        return "more_button_expired"
    return "button_expired"
