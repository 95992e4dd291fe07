"""Commands posted in a channel (QA16 N6): every answer there is a public post.

In a channel the bot's answer to a command reaches every reader, and any reader can press its
buttons (bot.runtime.may_change lets only the channel's admins change anything by a press, but
the menus would still be public clutter). So a channel gets no menus, lists or links from a command: /settings,
/topics, /search, /start, /help, /lang, /channels and a bare /subscribe or /unsubscribe (which
offer buttons) are answered with one short line telling the admin to send /channels to the bot
in a private chat, where the channel's settings and topics are managed (bot.channel_admin).
Only `/subscribe TOPIC` and `/unsubscribe TOPIC` are carried out, answered with their one line
(without /subscribe's share link: bot.following). /digest still posts the channel's digest: that
is news for its readers. Admin commands refuse a channel post as before (bot.admin).
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.command_names import command_of
from bot.runtime import chat_lang, runtime, send, ui

log = logging.getLogger(__name__)

# Commands a channel may use with a topic: they change what it follows, in one answer line.
WITH_TOPIC = frozenset({"subscribe", "unsubscribe"})
# Commands whose answer would be a menu, a list or a reader's help: one line instead.
ANSWERED_BRIEFLY = frozenset({"settings", "topics", "search", "start", "help", "lang",
                              "channels", "zone", "timezone"})


def channel_command(text: str) -> tuple[str, bool] | None:
    """The command of a channel post («/Topics@nashra_bot x» → ("topics", True)) and whether a
    topic follows it, or None for a post that is no command."""
    command = command_of(text)
    return (command.name, command.has_words) if command is not None else None


async def on_channel_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Runs before the command handlers for a channel post: answer a menu's or a list's command
    with one line and stop there; let the others through."""
    post = update.channel_post
    if post is None or post.text is None:
        return
    parsed = channel_command(post.text)
    if parsed is None:
        return
    command, has_topic = parsed
    if command in WITH_TOPIC and has_topic:
        return  # carried out by its handler
    if command not in ANSWERED_BRIEFLY and command not in WITH_TOPIC:
        return  # /digest; admin commands refuse on their own
    rt = runtime(context)
    lang = chat_lang(rt, update)
    log.info("channel command answered briefly chat=%s command=%s", post.chat.id, command)
    await send(update, context, ui(lang, "channel_no_menus", bot=context.bot.username or "bot"))
    raise ApplicationHandlerStop
