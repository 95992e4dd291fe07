"""Chat preferences: /settings and /lang, the language picker, and the table of every settings
button's action (bot.buttons reads `ACTIONS`).

Split by job: the menu's frame (its text and buttons, who may press, a change and its toast) is
bot.settings_menu; the pickers of when (instant or a daily hour, quiet hours, the time zone)
are bot.time_pickers; what the settings say, bot.settings_words.

In groups only the group's admins change settings: a member is refused at the first press of
any settings or language button, and a bare /settings shows a member what is set, without
buttons. A channel's menu (bot.channel_admin, /channels) also offers the channel's language.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, Update
from telegram.ext import ContextTypes

from bot import time_pickers
from bot.callbacks import Callback
from bot.channel_admin import ACTIONS as CHANNEL_ACTIONS
from bot.channel_admin import scope_of
from bot.commands_chat import set_chat_menu
from bot.i18n import LANGUAGE_NAMES, t
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
from bot.settings_menu import (
    act_settings_menu,
    admins_line,
    allowed,
    back_row,
    chat_type_of,
    mark,
    opened,
    record_first,
    settings_message,
)
from digests import subscriptions
from digests.storage import DatabaseFault
from digests.language_words import language_asked
from digests.reader_text import echo


async def settings_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/settings: show the delivery settings with buttons to change them."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    if await member_sees_only(update, context, rt, chat.type, lang):
        # a group member who is no admin: what is set, and who changes it; no buttons that
        # refuse every press (QA54-15)
        text, _ = settings_message(rt, chat, lang, update=update)
        await send(update, context, text + "\n" + admins_line(update, rt, lang))
        return
    await send(update, context, *settings_message(rt, chat, lang, update=update))


async def member_sees_only(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                           chat_type: str, lang: str) -> bool:
    """Whether a bare /settings or /zone comes from a group member who is no admin: shown what
    is set, without the menu's buttons (each refused them at its press: QA54-15)."""
    return chat_type in ("group", "supergroup") and not await may_change(update, context)


def unsaved_buttons(rt: Runtime, rows: list[list[InlineKeyboardButton]]) -> bool:
    """Whether any of `rows`' buttons was sent unstored (bot.held_buttons: writes refused)."""
    return any(b.callback_data in rt.held.held for row in rows for b in row)


def stored_now(rt: Runtime) -> bool:
    """Store the held buttons now (one try: `button` skips writes for a few seconds after a
    lock, which may be gone); whether it worked."""
    try:
        rt.held.flush(rt.db)
    except DatabaseFault:
        return False
    rt.writes.worked()
    return True


def busy_key(rt: Runtime) -> str:
    """The «try again» text key for the write fault the process saw last (a lock: busy)."""
    return "reply_unsaved" if rt.writes.fault not in (None, "locked") else "reply_busy"


async def lang_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/lang: choose Arabic or English for this chat; «/lang en» (or English, عربي …) sets it
    at once (in a group: an admin)."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    if chat.type in ("group", "supergroup") and not await may_change(update, context):
        # a group's members cannot use its picker: refused at once, as /unsubscribe (QA31 G9)
        await refuse_group(update, context, lang)
        return
    asked = language_asked(context.args)
    if asked is not None:  # «/lang en» sets it, as the picker's button would (QA44 T11)
        subscriptions.set_language(rt.db, chat.id, asked)
        # a group's language is every member's: said so (QA49 M6)
        await send(update, context, ui(asked, "lang_set_group" if chat.type in (
            "group", "supergroup") else "lang_set"))
        await _menu_follows(update, context, rt, chat.id, asked,
                            group=chat.type in ("group", "supergroup"))
        return
    rows = [[button(rt, chat.id, mark(LANGUAGE_NAMES[code], lang == code, lang), "lang",
                    {"lang": code}) for code in ("ar", "en")]]
    if unsaved_buttons(rt, rows) and not stored_now(rt):
        # another program holds the database: the press would need a write too, and its
        # buttons live only in this process — «try again» now, as /subscribe says, not a menu
        # whose press is refused a moment later as «expired» (QA74-9)
        await send(update, context, t(busy_key(rt), lang))
        return
    typed = " ".join(context.args or []).strip()
    # «/lang french» said why the picker came (QA51 L10), as «/zone Mars» does
    unknown = ui(lang, "lang_unknown", typed=echo(typed)) + "\n" if typed else ""
    await send(update, context, unknown + ui(lang, "choose_lang"), keyboard(rows))


async def _act_lang(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    scope = scope_of(cb)
    # a group's language is its admins' choice, a channel's its admins'
    if not await allowed(update, context, rt, scope, lang):
        return
    new = "en" if cb.payload.get("lang") == "en" else "ar"
    record_first(rt, update, scope)  # else the update below finds no row: a choice lost
    subscriptions.set_language(rt.db, scope.target, new)
    if scope.channel:  # the channel's posts change language; this chat keeps its own
        chat = subscriptions.get_chat(rt.db, scope.target)
        await update.callback_query.answer(t("settings_saved", lang))
        if chat is not None:
            await edit_or_send(update, context, *settings_message(rt, chat, lang, scope))
        return
    said = "lang_set_group" if chat_type_of(update, scope) in ("group", "supergroup") \
        else "lang_set"  # a group's language is every member's (QA49 M6)
    await update.callback_query.answer(t(said, new))
    await edit_or_send(update, context, ui(new, said), None)
    await _menu_follows(update, context, rt, scope.target, new,
                        group=chat_type_of(update, scope) in ("group", "supergroup"))


async def _menu_follows(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                        chat_id: int, lang: str, *, group: bool) -> None:
    """The chat's «/» menu follows its new language, not the app's (QA36 E12): the last step
    of both the picker's button and «/lang en» (QA44 T11), with the admin's commands for an
    admin."""
    user = update.effective_user
    await set_chat_menu(context.bot, chat_id, lang, group=group,
                        admin=rt.is_admin(user.id if user else None))


async def _act_lang_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         cb: Callback, lang: str) -> None:
    """«🌐 اللغة» in a channel's menu: the language of its posts, the current one marked."""
    scope = await opened(update, context, rt, cb, lang)
    if scope is None:
        return
    chat = subscriptions.get_chat(rt.db, scope.target)
    current = chat.language if chat is not None and chat.language else \
        rt.settings.default_language
    rows = [[scope.button(rt, mark(LANGUAGE_NAMES[code], code == current, lang), "lang",
                          {"lang": code}) for code in ("ar", "en")], back_row(rt, scope, lang)]
    await edit_or_send(update, context, ui(lang, "choose_channel_lang"), keyboard(rows))


ACTIONS: dict[str, Action] = {
    **CHANNEL_ACTIONS,
    "lang_menu": _act_lang_menu,
    "settings_menu": act_settings_menu,
    **time_pickers.ACTIONS,
    "lang": _act_lang,
}
