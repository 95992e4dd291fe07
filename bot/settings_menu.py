"""The settings menu's frame (split from bot.preferences): its text and buttons, who may press
them, and a press that changes a setting and says what is now set.

In groups only the group's admins change settings: a member is refused at the first press of
any settings button. Pickers mark the current choice «✓» and have «↪️ رجوع». The same menu
manages a channel from a private chat (bot.channel_admin, /channels): a button's `Scope` names
the chat it acts on, and every press re-checks that the presser administers it.

The pickers themselves: bot.time_pickers (daily hour, quiet hours, zone), bot.preferences
(/settings, /lang and the language picker), bot.reader_sources (muted sites).
"""

from __future__ import annotations

from collections.abc import Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot import menu_sync
from bot.callbacks import Callback
from bot.channel_admin import (
    Scope,
    back_to_list,
    channel_heading,
    may_manage,
    same_chat,
    scope_of,
)
from bot.i18n import t
from bot.runtime import Runtime, edit_or_send, keyboard, new_chat, own_lang, record_chat, ui
from bot.zones import chat_zone, shown_zone
from bot.topic_choice import settings_part
from bot.settings_words import (
    moved_note,
    next_digest_note,
    quiet_change_note,
    saved_toast,
    settings_text,
)
from digests import delivery_times, general_hold, subscriptions


def mark(text: str, current: bool, lang: str) -> str:
    """A picker's current choice is marked «✓» and said in words, «✓ ٩:٠٠ (مختار)»: a screen
    reader spoke «check mark» alone (QA36 E9)."""
    return t("btn_selected", lang, label=text) if current else text


def back_row(rt: Runtime, scope: Scope, lang: str) -> list[InlineKeyboardButton]:
    """The «↪️ رجوع» row of a picker: back to the settings."""
    return [scope.button(rt, t("btn_back", lang), "settings_menu")]


def settings_keyboard(rt: Runtime, chat_id: int, lang: str,
                      chat: subscriptions.Chat | None = None, *,
                      scope: Scope | None = None,
                      more: list[list[InlineKeyboardButton]] | None = None
                      ) -> InlineKeyboardMarkup | None:
    """Buttons: instant, daily (then an hour), quiet hours (then a range), time zone; the
    current alert mode marked «✓». A channel's menu (`scope` acting on a channel) adds its
    topics and language, and «↪️ رجوع» to the list of channels; `more` rows last (a forum's
    «📍 انشر هنا», bot.topic_choice)."""
    scope = scope or same_chat(chat_id)
    daily = chat is not None and chat.mode == "daily"
    rows = [
        [scope.button(rt, mark(t("btn_instant", lang), chat is not None and not daily,
                               lang),
                      "mode", {"mode": "instant"}),
         scope.button(rt, mark(t("btn_daily", lang), daily, lang), "daily_menu")],
        [scope.button(rt, t("btn_quiet", lang), "quiet_menu"),
         scope.button(rt, t("btn_zone", lang), "zone_menu")],
        # the sources the chat reads: mute one (bot.reader_sources, QA36 E5)
        [scope.button(rt, t("btn_reader_sources", lang), "reader_sources")],
    ]
    if scope.channel:
        rows.append([scope.button(rt, t("btn_channel_topics", lang), "channel_topics"),
                     scope.button(rt, t("btn_channel_lang", lang), "lang_menu")])
        rows.append(back_to_list(rt, scope, lang))
    return keyboard([*rows, *(more or [])])


def settings_message(rt: Runtime, chat: subscriptions.Chat, lang: str,
                     scope: Scope | None = None, update: Update | None = None
                     ) -> tuple[str, InlineKeyboardMarkup | None]:
    """The settings text and buttons of `chat` (a channel's headed by its name); shown in a
    forum group's topic (`update`), where its news goes and «📍 انشر هنا» (bot.topic_choice)."""
    scope = scope or same_chat(chat.id)
    text = settings_text(chat, lang, shown_zone(rt.db, chat), now=rt.now())
    if chat.mode == "instant" and general_hold.general_only(rt.db.db, chat.id):
        text += "\n\n" + t("settings_general_hold", lang)  # what waits, and how long (QA79-16)
    if scope.channel:
        text = channel_heading(chat, lang, rt.settings.default_language) + "\n" + text
    where, more = (None, []) if update is None or scope.channel else \
        settings_part(rt, update, chat.id, lang)
    if where:
        text += "\n\n" + where
    return text, settings_keyboard(rt, scope.chat_id, lang, chat, scope=scope, more=more)


def admins_line(update: Update, rt: Runtime, lang: str) -> str:
    """«في المجموعات، يغيّر الإعدادات … مشرفو المجموعة وحدهم.» in the member's own language."""
    user = update.effective_user
    return ui(own_lang(rt, user, lang) if user is not None else lang, "group_admins_only")


def target_chat(rt: Runtime, update: Update, scope: Scope) -> subscriptions.Chat | None:
    """The chat a picker acts on: its record, or for this chat not recorded yet (the database
    refused it: a lock) the chat its first record will be, defaults and all (QA76-18)."""
    chat = subscriptions.get_chat(rt.db, scope.target)
    if chat is None and not scope.channel:
        chat = new_chat(rt, update)
    return chat


def record_first(rt: Runtime, update: Update, scope: Scope) -> None:
    """Record this chat before a change that needs its row: the press may come after a lock
    that refused its record (QA76-18: set_mode's AssertionError, «حدث خطأ»). A refusal now
    raises DatabaseFault: the press is told «busy» (bot.update_errors)."""
    if not scope.channel and subscriptions.get_chat(rt.db, scope.target) is None:
        record_chat(rt, update)
        rt.writes.worked()


def chat_type_of(update: Update, scope: Scope) -> str | None:
    """The type of the chat a picker speaks of: a group's picker speaks of the group, a
    channel's (in a private chat) of the channel."""
    if scope.channel:
        return "channel"
    chat = update.effective_chat
    return chat.type if chat else None


async def allowed(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                  scope: Scope, lang: str) -> bool:
    """In groups only the admins press settings buttons: a member is refused at the first
    press, before the shared message changes for everyone; a channel's menu asks Telegram
    again at every press whether the presser administers the channel
    (bot.channel_admin.may_manage)."""
    return await may_manage(update, context, rt, scope, lang)


async def settings_change(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                          scope: Scope, lang: str,
                          change: Callable[[], subscriptions.Chat],
                          waiting: Callable[[], int] | None = None) -> None:
    """Apply `change` and say what is now set; `waiting` counts, before the change, the alerts
    a switch to daily moves to the digest (said in the toast, QA42 B10)."""
    assert update.callback_query is not None
    if not await allowed(update, context, rt, scope, lang):
        return
    record_first(rt, update, scope)
    before = (subscriptions.get_chat(rt.db, scope.target), chat_zone(rt.db, scope.target))
    moved = waiting() if waiting is not None else 0
    was_quiet = delivery_times.quiet_until(rt.db.db, scope.target, rt.now()) is not None
    chat = change()
    after = (chat, chat_zone(rt.db, scope.target))
    toast = saved_toast(before[0], before[1], chat, after[1], lang, rt.now())
    if moved and chat.mode == "daily":
        toast += "\n" + moved_note(moved, chat.daily_hour, lang)
    old = before[0]
    if chat.mode == "daily" and (old is None or before[1] != after[1] or (
            old.mode, old.daily_hour, old.utc_offset_minutes) != (
            chat.mode, chat.daily_hour, chat.utc_offset_minutes)):
        # today or tomorrow: a new hour after today's digest starts tomorrow (QA47 Z9)
        toast += "\n" + next_digest_note(rt, chat, lang)
    quiet_now = quiet_change_note(rt, chat, was_quiet, lang)
    if quiet_now:
        toast += "\n" + quiet_now
    # the choice already made («✓ ⚡ فورية» pressed): nothing «saved» to say (QA26 N12)
    await update.callback_query.answer(toast if before != after else None)
    await edit_or_send(update, context, *settings_message(rt, chat, lang, scope, update))
    # another admin's menu showing what this replaced shows what is set now (QA49 M8)
    await menu_sync.changed(update, context, scope.target, scope, lang,
                            lambda their_scope, their_lang: settings_message(
                                rt, chat, their_lang, their_scope))


async def act_settings_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                            cb: Callback, lang: str) -> None:
    """«↪️ رجوع»: the settings again, unchanged (a channel chosen in /channels' list: its
    settings)."""
    assert update.callback_query is not None
    scope = scope_of(cb)
    if not await allowed(update, context, rt, scope, lang):
        return
    chat = target_chat(rt, update, scope)
    await update.callback_query.answer()
    if chat is not None:
        await edit_or_send(update, context, *settings_message(rt, chat, lang, scope, update))


async def opened(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                 cb: Callback, lang: str) -> Scope | None:
    """A picker's press: the chat it acts on, the press answered — or None (refused and told)."""
    assert update.callback_query is not None
    scope = scope_of(cb)
    if not await allowed(update, context, rt, scope, lang):
        return None
    await update.callback_query.answer()
    return scope


async def allowed_press(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                        cb: Callback, lang: str) -> Scope | None:
    """A settings press's scope when the presser may change it (not yet answered), else None
    (refused and told): for pickers of other modules (bot.reader_sources)."""
    scope = scope_of(cb)
    return scope if await allowed(update, context, rt, scope, lang) else None
