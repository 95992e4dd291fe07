"""A channel's settings and topics, managed from a private chat: /channels («قنواتي»).

Any reader of a channel can press the buttons under its posts, so a channel gets no menus
(bot.channels); its admins manage it from a private chat with the bot instead. /channels lists
the channels the bot knows (active chats of type channel) that the user administers with the
right to post or to change the channel's info — asked of Telegram (getChatMember) at that
moment, so a user sees only their own channels. Choosing one opens /settings' menu acting on the
channel (bot.preferences), which also leads to its language and its topic list (bot.channel_following),
with «↪️ رجوع» back to the list.

The buttons stay opaque ids bound to the private chat (bot.callbacks: a forged or foreign id does
nothing); their stored payload names the channel (`CHANNEL_KEY`). A `Scope` says which chat a
button shows and which it acts on; every press in a channel's scope asks Telegram again whether
the presser still administers it (`may_manage`): a demoted admin is refused with one line, and a
channel the bot was removed from is said to be out of reach, with nothing changed. A topic is
added to the channel by answering the «➕» message in the private chat (`remember_prompt`,
bot.channel_following).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any, Literal

from telegram import (
    Bot,
    ChatMember,
    ChatMemberAdministrator,
    ChatMemberOwner,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes

from bot import chat_holds
from bot.callbacks import Callback
from bot.i18n import t
from bot.runtime import (
    Action,
    Runtime,
    button,
    edit_or_send,
    enter,
    keyboard,
    may_change,
    refuse_group,
    send,
    ui,
)
from digests import subscriptions
from digests.storage import Database

log = logging.getLogger(__name__)

# The payload key of a button that acts on a channel from a private chat.
CHANNEL_KEY = "channel"
# Channels asked about per /channels (each is one getChatMember call), and at once.
MAX_CHANNELS = 100
CONCURRENT_CHECKS = 8
CHECK_TIMEOUT_SECONDS = 10.0

Access = Literal["admin", "not_admin", "gone", "unchecked"]


@dataclass(frozen=True)
class Scope:
    """Where a menu is shown (`chat_id`, the chat its buttons are bound to) and which chat it
    changes (`target`): the same chat, or a channel managed from a private chat."""

    chat_id: int
    target: int

    @property
    def channel(self) -> bool:
        """True when the menu acts on a channel from elsewhere (a private chat)."""
        return self.target != self.chat_id

    def button(self, rt: Runtime, text: str, action: str,
               payload: dict[str, Any] | None = None) -> InlineKeyboardButton:
        """A button bound to `chat_id` whose payload also names the target channel, if any."""
        data = dict(payload or {})
        if self.channel:
            data[CHANNEL_KEY] = self.target
        return button(rt, self.chat_id, text, action, data)


def scope_of(cb: Callback) -> Scope:
    """The scope a pressed button was made in: its payload's channel, else its own chat."""
    target = cb.payload.get(CHANNEL_KEY)
    if isinstance(target, int) and not isinstance(target, bool):
        return Scope(cb.chat_id, target)
    return Scope(cb.chat_id, cb.chat_id)


def same_chat(chat_id: int) -> Scope:
    """The scope of a chat's own menu."""
    return Scope(chat_id, chat_id)


def known_channels(db: Database, limit: int = MAX_CHANNELS) -> list[subscriptions.Chat]:
    """The active channels the bot knows (added as admin, or subscribed by a post), by title."""
    ids = [row[0] for row in db.db.execute(
        "select id from chats where type = 'channel' and active = 1"
        " order by title collate nocase, id limit ?", [limit])]
    return [chat for chat_id in ids if (chat := subscriptions.get_chat(db, chat_id)) is not None]


def _may_manage_member(member: ChatMember) -> bool:
    """An owner, or an administrator who may post or change the channel's info (one who may
    only delete posts or invite users does not choose what the channel publishes)."""
    if isinstance(member, ChatMemberOwner):
        return True
    if isinstance(member, ChatMemberAdministrator):
        return bool(member.can_post_messages or member.can_change_info)
    return False


async def channel_access(bot: Bot, db: Database, channel_id: int, user_id: int) -> Access:
    """Whether `user_id` administers the channel now (asked of Telegram): "admin",
    "not_admin", "gone" (not a known active channel, or Telegram refuses: the bot was removed)
    or "unchecked" (Telegram did not answer: try again)."""
    chat = subscriptions.get_chat(db, channel_id)
    if chat is None or chat.type != ChatType.CHANNEL or not chat.active:
        return "gone"
    try:
        member = await bot.get_chat_member(channel_id, user_id,
                                           read_timeout=CHECK_TIMEOUT_SECONDS)
    except (Forbidden, BadRequest) as exc:
        log.info("channel out of reach channel=%s error=%s", channel_id, exc)
        return "gone"
    except TelegramError as exc:
        log.warning("getChatMember failed channel=%s error=%s", channel_id, exc)
        return "unchecked"
    return "admin" if _may_manage_member(member) else "not_admin"


@dataclass(frozen=True)
class Managed:
    """What /channels found: the channels the user administers, in title order, and whether
    Telegram left some unanswered (those may be the user's too: asking again may list them)."""

    channels: tuple[subscriptions.Chat, ...]
    unchecked: bool = False


async def managed_channels(bot: Bot, db: Database, user_id: int) -> Managed:
    """The known channels `user_id` administers now, asked of Telegram a few at a time."""
    channels = known_channels(db)
    gate = asyncio.Semaphore(CONCURRENT_CHECKS)

    async def check(chat: subscriptions.Chat) -> Access:
        async with gate:
            return await channel_access(bot, db, chat.id, user_id)

    answers = await asyncio.gather(*(check(chat) for chat in channels))
    return Managed(tuple(chat for chat, access in zip(channels, answers, strict=True)
                         if access == "admin"), unchecked="unchecked" in answers)


def channel_title(chat: subscriptions.Chat | None, channel_id: int) -> str:
    """A channel as the menus name it: its title, else its id."""
    return (chat.title if chat is not None and chat.title else str(channel_id))


def channel_heading(chat: subscriptions.Chat, lang: str, default_language: str) -> str:
    """The first line of a channel's menu (HTML): which channel, in which language it gets its
    posts (`default_language` when it never chose)."""
    language = "en" if (chat.language or default_language) == "en" else "ar"
    return ui(lang, "channel_menu_title", title=channel_title(chat, chat.id),
              language=t(f"language_{language}", lang))


def channels_listing(rt: Runtime, chat_id: int, found: Managed,
                     lang: str, bot_username: str) -> tuple[str, InlineKeyboardMarkup | None]:
    """The /channels answer: a button per channel (opening its settings), or how to add one;
    a line more when Telegram did not answer for some channel."""
    later = "\n" + ui(lang, "channels_unchecked") if found.unchecked else ""
    if not found.channels:
        return ui(lang, "channels_none", bot=bot_username) + later, None
    rows = [[Scope(chat_id, chat.id).button(rt, "📢 " + channel_title(chat, chat.id),
                                            "settings_menu")] for chat in found.channels]
    return ui(lang, "channels_header") + later, keyboard(rows)


async def channels_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/channels: in a private chat, the channels the user administers; elsewhere one line
    saying to send it in a private chat (a group's answer is seen by all its members)."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    user = update.effective_user
    bot_username = context.bot.username or "bot"
    if chat.type != ChatType.PRIVATE or user is None:
        await send(update, context, ui(lang, "channels_private_only", bot=bot_username))
        return
    found = await managed_channels(context.bot, rt.db, user.id)
    log.info("channels listed user=%s channels=%d unchecked=%s", user.id, len(found.channels),
             found.unchecked)
    text, markup = channels_listing(rt, chat.id, found, lang, bot_username)
    # a channel the bot may no longer post in is named, not silently left out (QA49 M2)
    lost = await chat_holds.held_channels_for(context.bot, rt.db, user.id, rt.is_admin(user.id))
    line = chat_holds.held_line(lost, lang, rt.now())
    if line and not found.channels:  # not «I know no channel» above the held ones (QA55-9)
        text = ui(lang, "channels_only_held") + (
            "\n" + ui(lang, "channels_unchecked") if found.unchecked else "")
    await send(update, context, text + ("\n\n" + line if line else ""), markup)


async def _act_channels(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                        cb: Callback, lang: str) -> None:
    """«↪️ رجوع» from a channel's menu: the list again, asked of Telegram again."""
    query = update.callback_query
    assert query is not None
    user = update.effective_user
    await query.answer()
    found = await managed_channels(context.bot, rt.db, user.id) if user else Managed(())
    await edit_or_send(update, context, *channels_listing(rt, cb.chat_id, found, lang,
                                                          context.bot.username or "bot"))


def back_to_list(rt: Runtime, scope: Scope, lang: str) -> list[InlineKeyboardButton]:
    """The «↪️ رجوع» row of a channel's menu: back to /channels' list."""
    return [button(rt, scope.chat_id, t("btn_back", lang), "channels")]


async def may_manage(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                     scope: Scope, lang: str) -> bool:
    """Whether this press (or command) may change the scope's target, refusing when not.

    A chat's own menu: as bot.runtime.may_change (groups: admins only). A channel's menu in a
    private chat: the presser must still administer the channel, asked of Telegram at every
    press; a refusal answers the press and replaces the menu with one line (and «↪️ رجوع»)."""
    if not scope.channel:
        if await may_change(update, context):
            return True
        await refuse_group(update, context, lang)
        return False
    chat = update.effective_chat
    user = update.effective_user
    access: Access = "not_admin"
    if chat is not None and chat.type == ChatType.PRIVATE and user is not None:
        access = await channel_access(context.bot, rt.db, scope.target, user.id)
    if access == "admin":
        return True
    channel = subscriptions.get_chat(rt.db, scope.target)
    key = {"gone": "channel_gone", "unchecked": "channel_unchecked"}.get(access,
                                                                         "channel_not_admin")
    log.info("channel change refused channel=%s user=%s access=%s", scope.target,
             user.id if user else None, access)
    title = channel_title(channel, scope.target)
    if update.callback_query is not None:
        await update.callback_query.answer(t(key, lang, title=title)[:200], show_alert=True)
    await edit_or_send(update, context, ui(lang, key, title=title),
                       keyboard([back_to_list(rt, scope, lang)]))
    return False


# A channel's topic is added by answering the bot's «➕» message in the private chat (ForceReply):
# (private chat, that message's id) → the channel. Stored in SQLite for a day (digests.prompts, X25),
# so an answer after a restart still adds the topic; memory (the newest MAX_PROMPTS) is only the
# fallback when the database refuses the write.
PROMPTS_KEY = "channel_topic_prompts"
MAX_PROMPTS = 1000


def remember_prompt(context: ContextTypes.DEFAULT_TYPE, chat_id: int, message_id: int,
                    channel_id: int) -> None:
    """Remember that a reply to `message_id` in `chat_id` names a topic for `channel_id`."""
    prompts: dict[tuple[int, int], int] = context.application.bot_data.setdefault(PROMPTS_KEY, {})
    prompts[(chat_id, message_id)] = channel_id
    while len(prompts) > MAX_PROMPTS:  # oldest first: dicts keep insertion order
        del prompts[next(iter(prompts))]


def prompted_channel(context: ContextTypes.DEFAULT_TYPE, chat_id: int,
                     message_id: int) -> int | None:
    """The channel a reply to `message_id` in `chat_id` adds a topic to, if that message was a
    «➕» prompt."""
    prompts: dict[tuple[int, int], int] = context.application.bot_data.get(PROMPTS_KEY, {})
    return prompts.get((chat_id, message_id))


ACTIONS: dict[str, Action] = {"channels": _act_channels}
