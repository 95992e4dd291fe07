"""Inline buttons: resolve a pressed button's opaque id (bot.callbacks) and run its action.

Each handler module declares its own `ACTIONS` (action name → coroutine); an unknown, expired or
foreign id, or an action nobody declares, gets a polite answer and nothing happens.

The «more stories» button under a delivered digest (QA17 R2) is handled here: its payload holds
the article ids the digest counted but did not show (bot.courier made it, for that chat only);
pressed, it sends those stories as a bundle without a header, once. In a group anyone may
press it (it reads, it changes no setting).

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

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot import answers, callbacks, following, preferences
from bot.i18n import t
from bot.render import render_bundle, render_digest_messages, story_alert
from bot.runtime import Action, Runtime, chat_lang, runtime, send
from bot.stories import digest_by_article, live_digests
from digests.records import ARTICLE_SELECT, digest_from_row
from digests.related import live_related

log = logging.getLogger(__name__)

MORE_STORIES = callbacks.MORE_STORIES  # the courier's button (bot.courier)
MAX_MORE_IDS = 500  # a payload is ours, but never trust a length


async def _act_more_stories(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                            cb: callbacks.Callback, lang: str) -> None:
    query = update.callback_query
    assert query is not None
    raw = cb.payload.get("articles", [])
    ids = [int(a) for a in raw if isinstance(a, int)][:MAX_MORE_IDS] \
        if isinstance(raw, list) else []
    if not callbacks.take(rt.db, cb.id, action=MORE_STORIES):
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
    now = rt.now()
    messages = render_bundle(live_related(rt.db.db, [digest_from_row(r) for r in rows]), lang,
                             now, header=False)
    sent = 0
    try:
        for html in messages:
            await send(update, context, html)
            sent += 1
    except Exception:
        if not sent:  # nothing reached the reader: the button works again
            callbacks.give_back(rt.db, cb.id, action=MORE_STORIES)
        raise
    log.info("more stories sent chat=%s stories=%d messages=%d", cb.chat_id, len(rows), sent)


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
    now = rt.now()
    if chat is not None and chat.type == ChatType.CHANNEL:
        raw_topics = cb.payload.get("topics", [])  # what the block's quote was chosen for
        topics = [x for x in raw_topics if isinstance(x, str)] if isinstance(raw_topics, list) \
            else []
        await query.answer(story_alert(digests[0], lang, now, topics), show_alert=True)
        log.info("story alert chat=%s place=%d", cb.chat_id, n)
        return
    if not callbacks.take_index(rt.db, cb.id, n):
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
            callbacks.give_back_index(rt.db, cb.id, n)
        raise
    log.info("story sent chat=%s place=%d messages=%d", cb.chat_id, n, sent)


ACTIONS: dict[str, Action] = {**answers.ACTIONS, **following.ACTIONS, **preferences.ACTIONS,
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
    lang = chat_lang(rt, update)
    chat_id = chat.id if chat else 0
    cb = callbacks.resolve(rt.db, query.data, chat_id=chat_id, now=rt.now())
    if cb is None or cb.action not in ACTIONS:
        refused = callbacks.refusal(rt.db, query.data, chat_id=chat_id, now=rt.now())
        await query.answer(t(refusal_key(refused), lang), show_alert=True)
        return
    await ACTIONS[cb.action](update, context, rt, cb, lang)


def refusal_key(refused: callbacks.Refusal) -> str:
    """The answer to a refused button, worded for what it was (QA21 R4: «أعد الطلب من جديد»
    under a story's button, where nothing can be asked again): a story's or a «more» button
    of another chat says so; their expired (or purged) id says the stories are no longer kept
    behind it (and where to find them: /search, /digest); any other button (a search's page,
    a menu: asked again by its command), that it expired, to ask again."""
    story = refused.story or refused.action == callbacks.STORY
    more = refused.action is not None and refused.action.startswith(MORE_STORIES)
    if refused.reason == "other_chat" and (story or more):
        return "button_other_chat"
    if story:
        return "story_button_expired"
    if more:
        return "more_button_expired"
    return "button_expired"
