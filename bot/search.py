"""/search TOPIC: a topic's latest news on request, in groups too.

In a private chat any plain text is a topic question (bot.answers.topic_question); in a group the
bot does not read the chat's conversation, so members ask with /search TOPIC. It answers exactly
like a typed topic (bot.answers.answer_topic: results, «المزيد», «🔔 تابع»…). Without a topic it
says how to use it; in a group that prompt opens a reply to it in the member's app (ForceReply),
and a member's reply to one of the bot's messages is answered as /search with its text (QA26
N10: Telegram delivers those replies even in privacy mode, and the reply «الغوطة» the prompt
invited got nothing). A reply that is conversation rather than a topic — small talk, or more
than MAX_TOPIC_WORDS words — is left alone, as the group's other messages are.
A member naming the bot («@nashra_bot الغوطة», «الغوطة @nashra_bot»: Telegram delivers those in
privacy mode too) is answered as /search with the rest of the text, or told how to ask when the
rest is no topic (QA31 G10: such messages got nothing).
"""

from __future__ import annotations

from telegram import ForceReply, MessageEntity, ReplyParameters, Update
from telegram.constants import ChatType, ParseMode
from telegram.ext import ContextTypes

from bot.answers import answer_topic
from bot.i18n import t
from bot.runtime import NO_PREVIEW, enter, send, ui
from bot.threads import thread_of
from digests.asked_topics import MAX_TOPIC_WORDS
from digests.greetings import small_talk

GROUPS = (ChatType.GROUP, ChatType.SUPERGROUP)


async def search_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/search TOPIC: the topic's latest news (the same answer as typing the topic)."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    query = " ".join(context.args or ()).strip()
    if query:
        await answer_topic(update, context, rt, query, offset=0, edit=False)
        return
    message = update.effective_message
    if chat.type not in GROUPS or message is None:
        await send(update, context, ui(lang, "search_usage"))
        return
    # the member's app opens a reply to the prompt (selective: theirs only), answered below
    await context.bot.send_message(
        chat.id, ui(lang, "search_usage"), parse_mode=ParseMode.HTML,
        link_preview_options=NO_PREVIEW, message_thread_id=thread_of(update),
        reply_parameters=ReplyParameters(message.message_id, allow_sending_without_reply=True),
        reply_markup=ForceReply(selective=True,
                                input_field_placeholder=t("search_placeholder", lang)))


async def group_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group member's text replying to one of the bot's own messages: answered as /search
    with that text, unless it reads as conversation (module docstring)."""
    message = update.effective_message
    if message is None or not message.text or message.reply_to_message is None:
        return
    replied = message.reply_to_message
    author = replied.from_user
    if author is None or author.id != context.bot.id or replied.forum_topic_created:
        return  # a reply to a member (or a forum topic's opening): their conversation
    text = message.text.strip()
    if not text or small_talk(text) or len(text.split()) > MAX_TOPIC_WORDS:
        return
    entered = enter(update, context)
    if entered is None:
        return
    await answer_topic(update, context, entered[0], text, offset=0, edit=False)


def without_mention(text: str, entities: list[tuple[int, int]], username: str) -> str | None:
    """The text without its mentions of @`username` (entities: (offset, length) in UTF-16
    units), or None when it does not mention the bot."""
    encoded = text.encode("utf-16-le")
    kept, last, found = [], 0, False
    for offset, length in sorted(entities):
        name = encoded[2 * offset:2 * (offset + length)].decode("utf-16-le", "replace")
        if name.lstrip("@").lower() == username.lower():
            found = True
            kept.append(encoded[2 * last:2 * offset].decode("utf-16-le", "replace"))
            last = offset + length
    if not found:
        return None
    kept.append(encoded[2 * last:].decode("utf-16-le", "replace"))
    return " ".join(" ".join(kept).split())


async def group_mention(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group member's text naming the bot: /search with the rest (module docstring); a reply
    naming someone else goes on as a reply (`group_reply`)."""
    message = update.effective_message
    if message is None or not message.text:
        return
    mentions = [(e.offset, e.length) for e in message.entities if e.type == MessageEntity.MENTION]
    text = without_mention(message.text, mentions, context.bot.username or "")
    if text is None:
        if message.reply_to_message is not None:
            await group_reply(update, context)
        return
    entered = enter(update, context)
    if entered is None:
        return
    rt, _chat, lang = entered
    if not text or small_talk(text) or len(text.split()) > MAX_TOPIC_WORDS:
        await send(update, context, ui(lang, "search_usage"))
        return
    await answer_topic(update, context, rt, text, offset=0, edit=False)
