"""A chat's arrival and departure: /start (with deep links), /help and unknown commands, and the
bot's own membership changes (added to a group or channel, removed or blocked, a group migrating
to a supergroup).

/start with a deep-link payload follows that topic first (bot.following decodes the payload; a
payload it cannot decode is said to be not understood); then every /start shows the welcome and
example topics as buttons, which bot.answers answers. A t.me link to the bot pasted into a chat
acts the same (`start_with`).
In groups the welcome and /help say «اكتب /search الغوطة» (plain text there is not a question),
and speak to the group: «أهلًا بكم», «/topics — المواضيع التي تتابعها المجموعة».
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.ext import ContextTypes

from bot import callbacks, zones
from bot.following import decode_start_payload, subscribe
from bot.i18n import (
    ADMIN_COMMANDS,
    EXAMPLE_TOPICS,
    GROUP_COMMANDS,
    READER_COMMANDS,
    chat_worded,
    t,
)
from bot.lines import escape_text
from bot.runtime import (
    Runtime,
    button,
    chat_lang,
    ensure_chat,
    enter,
    keyboard,
    rtl,
    runtime,
    send,
    ui,
)
from digests import outbox

# ---------------------------------------------------------------------------------------------
# /start, /help


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start [payload]: follow a deep-linked topic if any, then the welcome and example topics."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    await start_with(update, context, rt, chat.id, lang, " ".join(context.args or []))


# The payload of the inline-mode button («no results»: open the bot); it follows nothing.
INLINE_PAYLOAD = "inline"


async def start_with(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                     chat_id: int, lang: str, payload: str) -> None:
    """/start with `payload` ("" for none): follow the deep-linked topic, or say that a broken
    link («t-!!!», cut short when copied) was not understood; then the welcome. Also what a
    pasted t.me link to this bot does (bot.answers)."""
    payload = payload.strip()
    if payload and payload != INLINE_PAYLOAD:
        topic = decode_start_payload(payload)
        if topic:
            await subscribe(update, context, rt, topic, lang, deep_link=True)
        else:
            await send(update, context, ui(lang, "deep_link_broken"))
    rows = [[button(rt, chat_id, topic, "search", {"query": topic})
             for topic in EXAMPLE_TOPICS[i:i + 3]] for i in range(0, len(EXAMPLE_TOPICS), 3)]
    how = t("welcome_group" if in_group(update) else "welcome_private", lang)
    chat = update.effective_chat
    hello = t(chat_worded("hello", chat.type if chat else None), lang)  # «أهلًا بكم» in a group
    await send(update, context, ui(lang, "welcome", hello=hello, how=how), keyboard(rows))


def in_group(update: Update) -> bool:
    """A group or supergroup: the bot does not read its conversation, so topics are asked
    with /search there."""
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


def help_text(lang: str, *, admin: bool, bot_username: str, group: bool = False) -> str:
    """Every command with its description; admin commands for admins. In a group the
    descriptions speak of the group («/topics — المواضيع التي تتابعها المجموعة», GROUP_COMMANDS)
    and the footer says /search TOPIC rather than «type any topic»."""
    idx = 1 if lang == "ar" else 2
    lines = [f"<b>{escape_text(t('help_header', lang))}</b>"]
    for command in READER_COMMANDS:
        words = GROUP_COMMANDS.get(command[0]) if group else None
        described = words[idx - 1] if words else command[idx]
        lines.append(f"/{command[0]} — {escape_text(described)}")
    if admin:
        lines.append(f"<b>{escape_text(t('help_admin_header', lang))}</b>")
        lines += [f"/{c[0]} — {escape_text(c[idx])}" for c in ADMIN_COMMANDS]
    lines.append(escape_text(t("help_footer_group" if group else "help_footer", lang,
                               bot=bot_username)))
    lines.append(escape_text(t("help_other_language", lang)))
    html = "\n".join(lines)
    return rtl(html) if lang == "ar" else html


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: every command (admin commands too, for admins)."""
    rt = runtime(context)
    ensure_chat(rt, update)
    lang = chat_lang(rt, update)
    user = update.effective_user
    await send(update, context, help_text(lang, admin=rt.is_admin(user.id if user else None),
                                          bot_username=context.bot.username or "bot",
                                          group=in_group(update)))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not know: show /help rather than nothing."""
    await help_command(update, context)


# ---------------------------------------------------------------------------------------------
# Membership


async def my_chat_member(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The bot was added to a group or channel (record it), or removed / blocked (deactivate)."""
    change = update.my_chat_member
    if change is None:
        return
    rt = runtime(context)
    ensure_chat(rt, update)
    status = change.new_chat_member.status
    if status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED):
        outbox.deactivate_chat(rt.db, change.chat.id, f"bot {status}", rt.now())


async def chat_migrated(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group became a supergroup: its subscriptions, queue, buttons and time zone take the new
    id."""
    message = update.effective_message
    if message is None or not message.migrate_to_chat_id:
        return
    rt = runtime(context)
    old, new = message.chat.id, message.migrate_to_chat_id
    zone = rt.db.db.execute("select time_zone, utc_offset_minutes from chats where id = ?",
                            [old]).fetchone()
    outbox.move_chat(rt.db, old, new)
    callbacks.move_chat(rt.db, old, new)
    if zone is not None:
        # the supergroup's row may predate the move (its own messages created it on the default
        # zone); the zone the group chose wins, with the offset delivery reads
        zones.carry_zone(rt.db, new, time_zone=zone[0], utc_offset_minutes=zone[1])
