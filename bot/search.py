"""/search TOPIC: a topic's latest news on request, in groups too.

In a private chat any plain text is a topic question (bot.answers.topic_question); in a group the
bot does not read the chat's conversation, so members ask with /search TOPIC. It answers exactly
like a typed topic (bot.answers.answer_topic: results, «المزيد», «🔔 تابع»…). Without a topic it
says how to use it.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from bot.answers import answer_topic
from bot.runtime import enter, send, ui


async def search_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/search TOPIC: the topic's latest news (the same answer as typing the topic)."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, _, lang = entered
    query = " ".join(context.args or ()).strip()
    if not query:
        await send(update, context, ui(lang, "search_usage"))
        return
    await answer_topic(update, context, rt, query, offset=0, edit=False)
