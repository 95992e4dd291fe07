"""Messages that look like commands but were not typed to the bot (QA31 G2, G8).

- A channel with a linked discussion group: Telegram copies every channel post into the group
  as an *automatic forward* (`is_automatic_forward`, sent as the channel). The bot already
  answered the post in the channel; answering the copy posted a refusal or a second digest in
  the group. Automatic forwards are ignored, whatever they hold.
- A forwarded message starting with «/subscribe الغوطة» (a channel post shared for discussion)
  is someone else's text, not the forwarder's command. In a group or a channel it is ignored;
  in a private chat a reader command gets one line saying commands are not run from forwarded
  messages, and an operator command goes on to bot.admin.admin_only, which says the same for it.

`register(app)` puts the gate before every other handler (group -2).
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop, ContextTypes, MessageHandler, filters

from bot.command_names import command_name
from bot.i18n import ADMIN_COMMANDS
from bot.ptb_types import App
from bot.runtime import chat_lang, runtime, send, ui

log = logging.getLogger(__name__)

OPERATOR_COMMANDS = frozenset(row[0] for row in ADMIN_COMMANDS)
GATE = ((filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST)
        & (filters.IS_AUTOMATIC_FORWARD | (filters.FORWARDED & filters.COMMAND)))


async def not_typed_here(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stop an automatic forward or a forwarded command before any handler runs it."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    if message.is_automatic_forward:
        log.info("automatic forward ignored chat=%s from=%s", chat.id,
                 message.sender_chat.id if message.sender_chat else None)
        raise ApplicationHandlerStop
    command = command_name(message.text or "")
    if chat.type == ChatType.PRIVATE and command is not None:
        if command in OPERATOR_COMMANDS:
            return  # bot.admin.admin_only answers it (admin_forwarded)
        await send(update, context, ui(chat_lang(runtime(context), update), "forwarded_command"))
    log.info("forwarded command ignored chat=%s command=%s", chat.id, command)
    raise ApplicationHandlerStop


def register(app: App) -> None:
    """The gate, before the channel commands (group -1) and every other handler."""
    app.add_handler(MessageHandler(GATE, not_typed_here), group=-2)
