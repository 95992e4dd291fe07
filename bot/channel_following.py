"""A channel's topics from a private chat: «📋 المواضيع» and «➕ أضف موضوعًا» in its menu.

A channel's menu (/channels, bot.channel_admin) lists its topics, each with «❌» (removed by
bot.followed_topics) and «↪️ رجوع» to its settings. «➕» sends a message asking for the topic,
which Telegram opens a reply to; the reply, even after a restart (digests.prompts), is followed
for the channel as /subscribe follows a topic (bot.following), if the sender still administers
it. The lists are bot.topic_lists'.
"""

from __future__ import annotations

import logging

from telegram import ForceReply, Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.callbacks import Callback
from bot.channel_admin import (
    Scope,
    channel_title,
    may_manage,
    prompted_channel,
    remember_prompt,
    scope_of,
)
from bot.following import subscribe
from bot.i18n import t
from bot.runtime import (
    Action,
    Runtime,
    chat_lang,
    edit_or_send,
    ensure_chat,
    runtime,
    ui,
    write_refused,
)
from bot.topic_lists import channel_topics
from digests import prompts, subscriptions
from digests.storage import DatabaseFault

log = logging.getLogger(__name__)


async def _act_channel_topics(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                              cb: Callback, lang: str) -> None:
    """«📋 المواضيع» in a channel's menu (a private chat): the channel's topics."""
    assert update.callback_query is not None
    scope = scope_of(cb)
    if not scope.channel:  # only a channel's menu makes this button
        await update.callback_query.answer(t("button_expired", lang), show_alert=True)
        return
    if not await may_manage(update, context, rt, scope, lang):
        return
    await update.callback_query.answer()
    await edit_or_send(update, context, *channel_topics(rt, scope, lang))


async def _act_channel_add_topic(update: Update, context: ContextTypes.DEFAULT_TYPE,
                                 rt: Runtime, cb: Callback, lang: str) -> None:
    """«➕ أضف موضوعًا» under a channel's topics: a message asking for the topic, which Telegram
    opens a reply to (ForceReply); the reply is `channel_topic_reply`'s."""
    query = update.callback_query
    assert query is not None
    scope = scope_of(cb)
    if not scope.channel:
        await query.answer(t("button_expired", lang), show_alert=True)
        return
    if not await may_manage(update, context, rt, scope, lang):
        return
    await query.answer()
    title = channel_title(subscriptions.get_chat(rt.db, scope.target), scope.target)
    prompt = await context.bot.send_message(
        scope.chat_id, ui(lang, "channel_add_topic_prompt", title=title), parse_mode="HTML",
        reply_markup=ForceReply(input_field_placeholder=t("channel_add_topic_placeholder",
                                                          lang)))
    try:  # stored, so that an answer after a restart still adds the topic (brief X25)
        prompts.remember(rt.db, scope.chat_id, prompt.message_id, scope.target, now=rt.now())
    except DatabaseFault as exc:  # locked or full: this run still knows the prompt, and the
        # refusal is reported as every other (the admins' alert: QA73-4)
        write_refused(rt, exc, "channel prompt", log)  # its WARNING, once a minute
        log.info("prompt kept in memory only chat=%s error=%s", scope.chat_id, exc)
        remember_prompt(context, scope.chat_id, prompt.message_id, scope.target)
    except Exception:  # a bug: kept in memory too, with its traceback
        log.exception("prompt kept in memory only chat=%s", scope.chat_id)
        remember_prompt(context, scope.chat_id, prompt.message_id, scope.target)


async def channel_topic_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A private text replying to a «➕» prompt: the channel named there follows it (if the
    sender still administers the channel), and nothing else answers it. Any other message goes
    on to the usual handlers (registered before them, bot.app)."""
    message = update.message
    if message is None or message.reply_to_message is None or not message.text:
        return
    rt = runtime(context)
    replied = message.reply_to_message.message_id
    channel = prompts.prompted(rt.db, message.chat.id, replied, now=rt.now())
    if channel is None:
        channel = prompted_channel(context, message.chat.id, replied)  # not stored (locked)
    if channel is None:
        return
    ensure_chat(rt, update)
    await subscribe(update, context, rt, message.text.strip(), chat_lang(rt, update),
                    scope=Scope(message.chat.id, channel))
    raise ApplicationHandlerStop


ACTIONS: dict[str, Action] = {
    "channel_add_topic": _act_channel_add_topic,
    "channel_topics": _act_channel_topics,
}
