"""Which update goes to which handler, and the command menus Telegram shows.

`register_handlers(app)` adds every handler of the bot to a PTB Application: a gate for automatic
forwards and forwarded commands (bot.forwards) first, channel commands and a group's repeated ask
(bot.repeats) next, then a private reply adding a channel's topic, the reader and admin commands,
topic questions, buttons, inline queries and membership changes. `set_commands(app)` registers the
command menu in Arabic (also the default) and English, worded for groups in groups, with the
admin commands for each admin (bot.app's post_init calls it); `commands_for` builds one menu.
"""

from __future__ import annotations

import logging

from telegram import (
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    MessageEntity,
)
from telegram.error import TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import (
    answers,
    asked_again,
    buttons,
    channel_admin,
    channel_following,
    channels,
    chat_moves,
    edited_commands,
    followed_topics,
    following,
    forwards,
    inline,
    my_digest,
    other_messages,
    preferences,
    pushes,
    reader_cap,
    repeats,
    search,
    sources_admin,
    sources_rename,
    stats,
    welcome,
    zone_typed,
)
from bot.commands_chat import commands_for
from bot.ptb_types import App
from bot.runtime import RUNTIME_KEY, Runtime

log = logging.getLogger(__name__)


def register_handlers(app: App) -> None:
    """Every handler: reader and admin commands, topic text, buttons, inline, membership."""
    posts = filters.UpdateType.MESSAGE | filters.UpdateType.CHANNEL_POST
    # a supergroup's first update before the bot learnt which group it was: that group's rows
    # move first (bot.chat_moves; X45 left /topics saying «no topics» there)
    chat_moves.register(app)
    # a reader flooding a private chat: 20 answers a minute, then «تمهّل» once (QA65-11)
    reader_cap.register(app)
    # automatic forwards from a linked channel and forwarded commands are not commands (QA31)
    forwards.register(app)
    # a channel's answers are public posts: menus and lists get one line there (bot.channels)
    app.add_handler(MessageHandler(filters.UpdateType.CHANNEL_POST & filters.COMMAND,
                                   channels.on_channel_command), group=-1)
    # the same /digest, /search TOPIC … again in a group within a minute: pointed back (QA31 G4)
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.ChatType.GROUPS
                                   & filters.COMMAND, asked_again.asked_again), group=-1)
    # … and only to an answer whose handler returned: one a stop cut is never pointed at (T6)
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.ChatType.GROUPS
                                   & filters.COMMAND, repeats.answer_finished), group=1)
    # a private answer to «➕ أضف موضوعًا» adds a channel's topic (bot.channel_following), else goes on
    app.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.REPLY & filters.TEXT
        & ~filters.COMMAND, channel_following.channel_topic_reply), group=-1)
    for name, func in (("start", welcome.start), ("help", welcome.help_command),
                       ("search", search.search_command),
                       ("lang", preferences.lang_command),
                       ("language", preferences.lang_command),  # an alias (QA36 E12)
                       ("subscribe", following.subscribe_command),
                       ("unsubscribe", followed_topics.unsubscribe_command),
                       ("topics", followed_topics.topics_command),
                       ("digest", my_digest.digest_command),
                       ("settings", preferences.settings_command),
                       # the zone picker at once (QA47 Z8: README named /zone, none existed)
                       ("zone", zone_typed.zone_command),  # «/zone +3», «/zone تركيا» too
                       ("timezone", zone_typed.zone_command),
                       ("channels", channel_admin.channels_command),
                       ("push", pushes.push), ("sources", sources_admin.sources_command),
                       ("addsource", sources_admin.addsource),
                       ("removesource", sources_admin.removesource),
                       ("renamesource", sources_rename.renamesource),
                       ("ingest", sources_admin.ingest), ("stats", stats.stats)):
        app.add_handler(CommandHandler(name, func, filters=posts))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, welcome.chat_migrated))
    app.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.COMMAND,
        welcome.unknown_command))
    app.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND,
        answers.topic_question))
    # a member naming the bot in a group («@bot الغوطة») is a /search (QA31 G10)
    app.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND
        & filters.Entity(MessageEntity.MENTION), search.group_mention))
    # a member's reply to the bot's message in a group is a /search (QA26 N10)
    app.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.ChatType.GROUPS & filters.REPLY & filters.TEXT
        & ~filters.COMMAND, search.group_reply))
    # A sticker, photo, location … in a private chat: a caption is read as text, else a hint;
    # service messages (a pinned message, a chat photo changed) get nothing (QA10 F8).
    app.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & ~filters.TEXT
        & ~filters.StatusUpdate.ALL, other_messages.not_text))
    app.add_handler(MessageHandler(
        filters.UpdateType.EDITED_MESSAGE & filters.ChatType.PRIVATE & filters.TEXT
        & ~filters.COMMAND, other_messages.edited))
    # … and one edited into a command: not run, but told to send it anew (QA65-12); a private
    # command is remembered as it comes, so that its edit is told the command had run (QA76-10)
    app.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE & filters.COMMAND,
        edited_commands.remember), group=-2)
    app.add_handler(MessageHandler(
        filters.UpdateType.EDITED_MESSAGE & filters.ChatType.PRIVATE & filters.COMMAND,
        other_messages.edited_command))
    app.add_handler(CallbackQueryHandler(buttons.on_callback))
    app.add_handler(InlineQueryHandler(inline.inline_query))
    app.add_handler(ChatMemberHandler(welcome.my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))


async def set_commands(app: App) -> None:
    """The command menu: Arabic (also the default) and English, worded for groups in groups;
    admins see theirs too."""
    bot = app.bot
    await bot.set_my_commands(commands_for("ar"))
    await bot.set_my_commands(commands_for("ar"), language_code="ar")
    await bot.set_my_commands(commands_for("en"), language_code="en")
    groups = BotCommandScopeAllGroupChats()
    await bot.set_my_commands(commands_for("ar", group=True), scope=groups)
    await bot.set_my_commands(commands_for("en", group=True), scope=groups, language_code="en")
    rt: Runtime = app.bot_data[RUNTIME_KEY]
    for admin_id in sorted(rt.settings.admin_ids):
        scope = BotCommandScopeChat(admin_id)
        try:
            await bot.set_my_commands(commands_for("ar", admin_commands=True), scope=scope)
            await bot.set_my_commands(commands_for("en", admin_commands=True), scope=scope,
                                      language_code="en")
        except TelegramError as exc:  # the admin has not opened a chat with the bot yet
            log.info("admin command menu not set admin=%s error=%s", admin_id, exc)
