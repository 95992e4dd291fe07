"""Chat preferences: /settings (instant alerts or a daily digest at an hour; quiet hours; the
time zone both are read in) and /lang, with the buttons that change them.

Time zones are IANA names with daylight saving time (bot.zones); a chat that chose a fixed
offset before zones existed keeps it until it picks a zone.

In groups only the group's admins change settings: a member is refused at the first press of
any settings or language button. Pickers mark the current choice «✓» and have «↪️ رجوع».

The same menu manages a channel from a private chat (bot.channel_admin, /channels): a button's
`Scope` names the chat it acts on; the menu's first line names the channel, it also offers the
channel's language and topics, and every press re-checks that the presser administers it.
"""

from __future__ import annotations

from collections.abc import Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot import menu_sync
from bot.callbacks import Callback
from bot.channel_admin import ACTIONS as CHANNEL_ACTIONS
from bot.channel_admin import (
    Scope,
    back_to_list,
    channel_heading,
    may_manage,
    same_chat,
    scope_of,
)
from bot.commands_chat import set_chat_menu
from bot.i18n import LANGUAGE_NAMES, chat_worded, t
from bot.runtime import (
    Action,
    Runtime,
    button,
    edit_or_send,
    enter,
    keyboard,
    may_change,
    new_chat,
    own_lang,
    record_chat,
    refuse_group,
    send,
    ui,
)
from bot.zones import (
    ZONE_NAMES,
    ZONES,
    chat_offset,
    chat_zone,
    set_fixed_offset,
    set_zone,
    shown_zone,
    zone_label,
)
from bot.topic_choice import settings_part
from bot.settings_words import (  # noqa: F401 (hour_label, moved_note, settings_text: callers)
    hour_label,
    moved_note,
    next_digest_note,
    quiet_change_note,
    saved_toast,
    settings_text,
    waiting_alerts,
)
from digests import delivery_times, subscriptions
from digests.storage import DatabaseFault
from digests.language_words import language_asked
from digests.reader_text import echo


def _mark(text: str, current: bool, lang: str) -> str:
    """A picker's current choice is marked «✓» and said in words, «✓ ٩:٠٠ (مختار)»: a screen
    reader spoke «check mark» alone (QA36 E9)."""
    return t("btn_selected", lang, label=text) if current else text


def _back(rt: Runtime, scope: Scope, lang: str) -> list[InlineKeyboardButton]:
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
        [scope.button(rt, _mark(t("btn_instant", lang), chat is not None and not daily,
                              lang),
                      "mode", {"mode": "instant"}),
         scope.button(rt, _mark(t("btn_daily", lang), daily, lang), "daily_menu")],
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


def _settings_message(rt: Runtime, chat: subscriptions.Chat, lang: str,
                      scope: Scope | None = None, update: Update | None = None
                      ) -> tuple[str, InlineKeyboardMarkup | None]:
    """The settings text and buttons of `chat` (a channel's headed by its name); shown in a
    forum group's topic (`update`), where its news goes and «📍 انشر هنا» (bot.topic_choice)."""
    scope = scope or same_chat(chat.id)
    text = settings_text(chat, lang, shown_zone(rt.db, chat), now=rt.now())
    if scope.channel:
        text = channel_heading(chat, lang, rt.settings.default_language) + "\n" + text
    where, more = (None, []) if update is None or scope.channel else \
        settings_part(rt, update, chat.id, lang)
    if where:
        text += "\n\n" + where
    return text, settings_keyboard(rt, scope.chat_id, lang, chat, scope=scope, more=more)


async def settings_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/settings: show the delivery settings with buttons to change them."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    if await member_sees_only(update, context, rt, chat.type, lang):
        # a group member who is no admin: what is set, and who changes it; no buttons that
        # refuse every press (QA54-15)
        text, _ = _settings_message(rt, chat, lang, update=update)
        await send(update, context, text + "\n" + _admins_line(update, rt, lang))
        return
    await send(update, context, *_settings_message(rt, chat, lang, update=update))


async def member_sees_only(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                           chat_type: str, lang: str) -> bool:
    """Whether a bare /settings or /zone comes from a group member who is no admin: shown what
    is set, without the menu's buttons (each refused them at its press: QA54-15)."""
    return chat_type in ("group", "supergroup") and not await may_change(update, context)


def _admins_line(update: Update, rt: Runtime, lang: str) -> str:
    """«في المجموعات، يغيّر الإعدادات … مشرفو المجموعة وحدهم.» in the member's own language."""
    user = update.effective_user
    return ui(own_lang(rt, user, lang) if user is not None else lang, "group_admins_only")


def zone_seen(update: Update, rt: Runtime, chat_id: int, lang: str) -> str:
    """A group member's bare /zone: «التوقيت الآن: الأردن (UTC+3)» and who changes it."""
    chat = subscriptions.get_chat(rt.db, chat_id) or new_chat(rt, update)
    return ui(lang, "zone_now", zone=_zone_now(rt, chat_id, chat, lang)) + "\n" + _admins_line(
        update, rt, lang)


def _target(rt: Runtime, update: Update, scope: Scope) -> subscriptions.Chat | None:
    """The chat a picker acts on: its record, or for this chat not recorded yet (the database
    refused it: a lock) the chat its first record will be, defaults and all (QA76-18)."""
    chat = subscriptions.get_chat(rt.db, scope.target)
    if chat is None and not scope.channel:
        chat = new_chat(rt, update)
    return chat


def _record_first(rt: Runtime, update: Update, scope: Scope) -> None:
    """Record this chat before a change that needs its row: the press may come after a lock
    that refused its record (QA76-18: set_mode's AssertionError, «حدث خطأ»). A refusal now
    raises DatabaseFault: the press is told «busy» (bot.update_errors)."""
    if not scope.channel and subscriptions.get_chat(rt.db, scope.target) is None:
        record_chat(rt, update)
        rt.writes.worked()


# 23:00–07:00 first: the quiet hours a new chat starts with (migration 027), so that the picker
# marks it and a reader who tried another can come back (QA26 N6)
NEW_CHAT_QUIET = subscriptions.NEW_CHAT_QUIET
QUIET_PRESETS: tuple[tuple[int, int], ...] = (NEW_CHAT_QUIET, (22, 7), (23, 8), (0, 6), (21, 6))
HOURS: tuple[int, ...] = (6, 7, 8, 9, 12, 15, 18, 20, 21, 22)


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
    rows = [[button(rt, chat.id, _mark(LANGUAGE_NAMES[code], lang == code, lang), "lang",
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


def _chat_type(update: Update, scope: Scope) -> str | None:
    """The type of the chat a picker speaks of: a group's picker speaks of the group, a
    channel's (in a private chat) of the channel."""
    if scope.channel:
        return "channel"
    chat = update.effective_chat
    return chat.type if chat else None


async def _allowed(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                   scope: Scope, lang: str) -> bool:
    """In groups only the admins press settings buttons: a member is refused at the first
    press, before the shared message changes for everyone; a channel's menu asks Telegram
    again at every press whether the presser administers the channel
    (bot.channel_admin.may_manage)."""
    return await may_manage(update, context, rt, scope, lang)


async def _settings_change(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                           scope: Scope, lang: str,
                           change: Callable[[], subscriptions.Chat],
                           waiting: Callable[[], int] | None = None) -> None:
    """Apply `change` and say what is now set; `waiting` counts, before the change, the alerts
    a switch to daily moves to the digest (said in the toast, QA42 B10)."""
    assert update.callback_query is not None
    if not await _allowed(update, context, rt, scope, lang):
        return
    _record_first(rt, update, scope)
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
    await edit_or_send(update, context, *_settings_message(rt, chat, lang, scope, update))
    # another admin's menu showing what this replaced shows what is set now (QA49 M8)
    await menu_sync.changed(update, context, scope.target, scope, lang,
                            lambda their_scope, their_lang: _settings_message(
                                rt, chat, their_lang, their_scope))


async def _act_settings_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                             cb: Callback, lang: str) -> None:
    """«↪️ رجوع»: the settings again, unchanged (a channel chosen in /channels' list: its
    settings)."""
    assert update.callback_query is not None
    scope = scope_of(cb)
    if not await _allowed(update, context, rt, scope, lang):
        return
    chat = _target(rt, update, scope)
    await update.callback_query.answer()
    if chat is not None:
        await edit_or_send(update, context, *_settings_message(rt, chat, lang, scope, update))


async def _opened(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                  cb: Callback, lang: str) -> Scope | None:
    """A picker's press: the chat it acts on, the press answered — or None (refused and told)."""
    assert update.callback_query is not None
    scope = scope_of(cb)
    if not await _allowed(update, context, rt, scope, lang):
        return None
    await update.callback_query.answer()
    return scope


async def allowed_press(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                        cb: Callback, lang: str) -> Scope | None:
    """A settings press's scope when the presser may change it (not yet answered), else None
    (refused and told): for pickers of other modules (bot.reader_sources)."""
    scope = scope_of(cb)
    return scope if await _allowed(update, context, rt, scope, lang) else None


opened = _opened  # the same, answered: for bot.reader_sources
back_row = _back


async def _act_mode(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    mode: subscriptions.Mode = "daily" if cb.payload.get("mode") == "daily" else "instant"
    hour = cb.payload.get("hour")
    scope = scope_of(cb)
    await _settings_change(update, context, rt, scope, lang, lambda: subscriptions.set_mode(
        rt.db, scope.target, mode, int(hour) if hour is not None else None, now=rt.now()),
        waiting=(lambda: waiting_alerts(rt.db, scope.target)) if mode == "daily" else None)


async def _act_daily_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                          cb: Callback, lang: str) -> None:
    scope = await _opened(update, context, rt, cb, lang)
    if scope is None:
        return
    chat = _target(rt, update, scope)
    current = chat.daily_hour if chat is not None and chat.mode == "daily" else None
    buttons = [scope.button(rt, _mark(hour_label(h, lang), h == current, lang), "mode",
                            {"mode": "daily", "hour": h}) for h in HOURS]
    rows = [buttons[i:i + 5] for i in range(0, len(buttons), 5)] + [_back(rt, scope, lang)]
    await edit_or_send(update, context, ui(lang, chat_worded("choose_hour",
                                                             _chat_type(update, scope)),
                                           zone=_zone_now(rt, scope.target, chat, lang)),
                       keyboard(rows))


def _zone_now(rt: Runtime, chat_id: int, chat: subscriptions.Chat | None, lang: str) -> str:
    """The chat's zone as its label says it now, «السعودية (UTC+3)» (a chat not recorded yet:
    the zone its record will get)."""
    named = shown_zone(rt.db, chat) if chat is not None else chat_zone(rt.db, chat_id)
    return zone_label(chat_offset(named, chat.utc_offset_minutes if chat else 180, rt.now()),
                      lang, named)


async def _act_quiet_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                          cb: Callback, lang: str) -> None:
    scope = await _opened(update, context, rt, cb, lang)
    if scope is None:
        return
    chat = _target(rt, update, scope)
    now = (chat.quiet_start, chat.quiet_end) if chat is not None else (None, None)
    presets = list(QUIET_PRESETS)
    if now[0] is not None and now[1] is not None and now not in presets:
        presets.insert(0, (now[0], now[1]))  # a range set otherwise is shown ✓ too
    rows = [[scope.button(rt, _mark(t("btn_quiet_range", lang, start=hour_label(s, lang),
                                      end=hour_label(e, lang)), (s, e) == now, lang),
                          "quiet", {"start": s, "end": e})] for s, e in presets]
    rows.append([scope.button(rt, _mark(t("btn_quiet_off", lang), now[0] is None, lang),
                              "quiet", {})])
    rows.append(_back(rt, scope, lang))
    # the hours' zone, as the hour picker names it (QA47 Z9)
    await edit_or_send(update, context, ui(lang, "choose_quiet") + "\n"
                       + ui(lang, "zone_now", zone=_zone_now(rt, scope.target, chat, lang)),
                       keyboard(rows))


async def _act_quiet(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                     cb: Callback, lang: str) -> None:
    start, end = cb.payload.get("start"), cb.payload.get("end")
    scope = scope_of(cb)
    await _settings_change(update, context, rt, scope, lang, lambda: subscriptions.set_quiet_hours(
        rt.db, scope.target, None if start is None else int(start),
        None if end is None else int(end), rt.now()))


async def _act_zone_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         cb: Callback, lang: str) -> None:
    scope = await _opened(update, context, rt, cb, lang)
    if scope is None:
        return
    await edit_or_send(update, context, *zone_picker(rt, scope, lang, _chat_type(update, scope),
                                                     _target(rt, update, scope)))


def zone_picker(rt: Runtime, scope: Scope, lang: str, chat_type: str | None,
                chat: subscriptions.Chat | None = None) -> tuple[str, InlineKeyboardMarkup | None]:
    """The zone picker: the zone now set, then one button a zone (the current one «✓»);
    `chat`: the chat it acts on, when the caller has it (one not recorded yet: its defaults)."""
    chat = chat or subscriptions.get_chat(rt.db, scope.target)
    current = shown_zone(rt.db, chat) if chat is not None else chat_zone(rt.db, scope.target)
    idx = 1 if lang == "ar" else 2
    buttons = [scope.button(rt, _mark(entry[idx], entry[0] == current, lang), "zone",
                            {"zone": entry[0]}) for entry in ZONES]
    rows = [buttons[i:i + 3] for i in range(0, len(buttons), 3)] + [_back(rt, scope, lang)]
    text = ui(lang, chat_worded("choose_zone", chat_type)) + "\n" + ui(
        lang, "zone_now", zone=_zone_now(rt, scope.target, chat, lang))
    return text, keyboard(rows)


async def _act_zone(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    zone = cb.payload.get("zone")
    scope = scope_of(cb)
    if isinstance(zone, str) and zone in ZONE_NAMES:
        await _settings_change(update, context, rt, scope, lang,
                               lambda: set_zone(rt.db, scope.target, zone, rt.now()))
        return
    if zone is not None or "minutes" not in cb.payload:
        # a zone no longer offered (or no zone at all): refused, the picker shown again; it
        # silently set UTC+3 (QA47 Z11)
        assert update.callback_query is not None
        if not await _allowed(update, context, rt, scope, lang):
            return
        await update.callback_query.answer(t("zone_gone", lang), show_alert=True)
        await edit_or_send(update, context,
                           *zone_picker(rt, scope, lang, _chat_type(update, scope)))
        return
    # A button from before session 4 carries a fixed offset: it still works.
    minutes = int(cb.payload["minutes"])
    await _settings_change(update, context, rt, scope, lang, lambda: set_fixed_offset(
        rt.db, scope.target, minutes, rt.now()))


async def _act_lang(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    scope = scope_of(cb)
    # a group's language is its admins' choice, a channel's its admins'
    if not await _allowed(update, context, rt, scope, lang):
        return
    new = "en" if cb.payload.get("lang") == "en" else "ar"
    _record_first(rt, update, scope)  # else the update below finds no row: a choice lost
    subscriptions.set_language(rt.db, scope.target, new)
    if scope.channel:  # the channel's posts change language; this chat keeps its own
        chat = subscriptions.get_chat(rt.db, scope.target)
        await update.callback_query.answer(t("settings_saved", lang))
        if chat is not None:
            await edit_or_send(update, context, *_settings_message(rt, chat, lang, scope))
        return
    said = "lang_set_group" if _chat_type(update, scope) in ("group", "supergroup") \
        else "lang_set"  # a group's language is every member's (QA49 M6)
    await update.callback_query.answer(t(said, new))
    await edit_or_send(update, context, ui(new, said), None)
    await _menu_follows(update, context, rt, scope.target, new,
                        group=_chat_type(update, scope) in ("group", "supergroup"))


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
    scope = await _opened(update, context, rt, cb, lang)
    if scope is None:
        return
    chat = subscriptions.get_chat(rt.db, scope.target)
    current = chat.language if chat is not None and chat.language else \
        rt.settings.default_language
    rows = [[scope.button(rt, _mark(LANGUAGE_NAMES[code], code == current, lang), "lang",
                          {"lang": code}) for code in ("ar", "en")], _back(rt, scope, lang)]
    await edit_or_send(update, context, ui(lang, "choose_channel_lang"), keyboard(rows))


ACTIONS: dict[str, Action] = {
    **CHANNEL_ACTIONS,
    "lang_menu": _act_lang_menu,
    "settings_menu": _act_settings_menu,
    "mode": _act_mode,
    "daily_menu": _act_daily_menu,
    "quiet_menu": _act_quiet_menu,
    "quiet": _act_quiet,
    "zone_menu": _act_zone_menu,
    "zone": _act_zone,
    "lang": _act_lang,
}
