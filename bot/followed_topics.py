"""The topics a chat follows: /topics lists them, /unsubscribe and the ❌ buttons remove them.

/unsubscribe TOPIC removes the topic as /subscribe reads it (another spelling, its English name,
the name a sentence holds); bare /unsubscribe shows the chat's topics, each with «❌», and
«/unsubscribe all» asks first (bot.unfollow_all). In groups only the group's admins remove
topics; a channel's topics are removed from its menu in a private chat (bot.channel_following),
after re-checking the presser administers the channel. The lists are bot.topic_lists'; replies
speak to the chat as it is (bot.i18n.chat_worded).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.callbacks import Callback
from bot.channel_admin import may_manage, scope_of
from bot.i18n import chat_worded, t
from bot.runtime import (
    Action,
    Runtime,
    edit_or_send,
    enter,
    keyboard,
    may_change,
    refuse_group,
    send,
    ui,
)
from bot.topic_lists import (
    channel_topics,
    shown_topic,
    topics_listing,
    unsubscribe_as_written,
    unsubscribe_list,
)
from bot.unfollow_all import ACTIONS as ALL_ACTIONS
from bot.unfollow_all import ask_unsubscribe_all, asks_all
from digests import subscriptions
from digests.general_names import is_general_name
from digests.named_questions import named_topic
from digests.reader_text import echo
from digests.topic_keys import readable
from digests.topic_names import arabic_topic, is_latin

log = logging.getLogger(__name__)


async def unsubscribe_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/unsubscribe [TOPIC]: stop following TOPIC, or choose among the chat's topics."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    if not await may_change(update, context):
        await refuse_group(update, context, lang)
        return
    topic = " ".join(context.args or []).strip()
    if asks_all(topic):  # «/unsubscribe all», «الكل»: every topic, once confirmed (QA36 E5)
        await ask_unsubscribe_all(update, context, rt, chat.id, chat.type, lang)
        return
    if readable(topic):  # the reply names the topic as stored: «الغوطه» typed
        # removes «الغوطة»; invisible marks alone are no topic: the list is shown (QA15 N8)
        removed = unsubscribe_typed(rt, chat.id, topic)
        key = "unsubscribed" if removed else "not_subscribed"
        # a second «/unsubscribe Ghouta» names it as the first did, «Ghouta (الغوطة)» (QA36 E12)
        mapped = None if removed else arabic_topic(topic)
        shown = (shown_topic(removed.topic, lang) if removed
                 else shown_topic(mapped, lang) if mapped else echo(topic))
        await send(update, context, ui(lang, chat_worded(key, chat.type), topic=shown))
        return
    text, markup = unsubscribe_list(rt, chat.id, lang)
    await send(update, context, text, markup)


def unsubscribe_typed(rt: Runtime, chat_id: int, topic: str) -> subscriptions.Subscription | None:
    """Remove the chat's topic the reader typed, read as /subscribe reads it (QA26 N1): its key
    or another spelling of it («الغوطه»), its English name («Trump» stops «ترامب», «Liverpool»
    «ليفربول»), the name a sentence holds («اخبار العراق» → «العراق»), and last its text as
    shown (`unsubscribe_as_written`: a topic stored before today's rules). None when the chat
    follows none of them."""
    if is_general_name(topic):  # «/unsubscribe النشرة العامة» stops the general digest (QA40 N1)
        return subscriptions.unsubscribe_topic(rt.db, chat_id, "", now=rt.now())
    candidates = [topic, arabic_topic(topic) or topic]
    if not is_latin(topic):
        candidates.append(named_topic(rt.db.db, topic))
    for candidate in dict.fromkeys(candidates):
        removed = subscriptions.unsubscribe_topic(rt.db, chat_id, candidate, now=rt.now())
        if removed is not None:
            return removed
    return unsubscribe_as_written(rt, chat_id, topic)


async def topics_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/topics: the chat's subscriptions and how they are delivered."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    text, markup = topics_listing(rt, chat.id, lang)
    await send(update, context, text, markup)


# ---------------------------------------------------------------------------------------------
# Buttons


async def _remove_topic(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                        cb: Callback, lang: str,
                        listing: Callable[[Runtime, int, str], tuple[str, InlineKeyboardMarkup | None]],
                        ) -> None:
    """Remove the pressed topic, show `listing` again in place without it, then confirm (a
    channel's topic pressed in a private chat: after re-checking the presser administers the
    channel, with the channel's list)."""
    assert update.callback_query is not None
    scope = scope_of(cb)
    if not await may_manage(update, context, rt, scope, lang):
        return
    key = cb.payload.get("key")  # the topic the ❌ was made for (QA38 A5); older buttons: none
    sub = subscriptions.unsubscribe_id(rt.db, scope.target, int(cb.payload.get("id", 0)),
                                       key if isinstance(key, str) else None,
                                       now=rt.now())
    # a stale ❌ (removed before) is not «تم.»: the list shown again says what is left (N12)
    await update.callback_query.answer(t("done" if sub else "topic_already_removed", lang))
    text, markup = channel_topics(rt, scope, lang) if scope.channel else listing(
        rt, scope.target, lang)
    await edit_or_send(update, context, text, markup)  # the list without the topic just removed
    if sub is None:
        return
    chat = update.effective_chat
    worded = chat_worded("unsubscribed", "channel" if scope.channel else
                         chat.type if chat else None)
    # a mis-tap cut a channel's whole digest with no way back in sight (QA49 M7): «↩️ تراجع»
    undo = keyboard([[scope.button(rt, t("btn_undo_unsubscribe", lang), "resub",
                                   {"topic": sub.topic})]])
    await send(update, context, ui(lang, worded, topic=shown_topic(sub.topic, lang)), undo)


async def _act_resub(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                     cb: Callback, lang: str) -> None:
    """«↩️ تراجع» under a removal's confirmation: the topic is followed again (an admin's
    press in a group; a channel's after checking the presser still administers it)."""
    query = update.callback_query
    assert query is not None
    scope = scope_of(cb)
    if not await may_manage(update, context, rt, scope, lang):
        return
    topic = cb.payload.get("topic")
    if not isinstance(topic, str):
        await query.answer(t("button_expired", lang), show_alert=True)
        return
    sub, _ = subscriptions.subscribe(rt.db, scope.target, topic, now=rt.now())
    log.info("unsubscribe undone chat=%s topic=%s", scope.target, sub.topic)
    await query.answer()
    await edit_or_send(update, context, ui(lang, "topic_followed_again",
                                           topic=shown_topic(sub.topic, lang)), None)


async def _act_unsub(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                     cb: Callback, lang: str) -> None:
    await _remove_topic(update, context, rt, cb, lang, unsubscribe_list)


async def _act_unsub_topics(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                            cb: Callback, lang: str) -> None:
    """❌ under /topics (a topic that matches nothing): remove it; the listing is shown again
    in place, without it."""
    await _remove_topic(update, context, rt, cb, lang, topics_listing)


ACTIONS: dict[str, Action] = {
    "unsub": _act_unsub,
    "unsub_topics": _act_unsub_topics,
    "resub": _act_resub,
    **ALL_ACTIONS,
}
