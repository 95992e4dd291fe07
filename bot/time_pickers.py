"""The settings' pickers of when (split from bot.preferences): instant or a daily digest at an
hour, quiet hours, and the time zone both are read in; and a group member's bare /zone.

Time zones are IANA names with daylight saving time (bot.zones); a chat that chose a fixed
offset before zones existed keeps it until it picks a zone. Each picker names the zone its
hours are read in (QA47 Z9). The menu they belong to, and the change a press makes:
bot.settings_menu.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.callbacks import Callback
from bot.channel_admin import Scope, scope_of
from bot.i18n import chat_worded, t
from bot.runtime import Action, Runtime, edit_or_send, keyboard, new_chat, ui
from bot.settings_menu import (
    admins_line,
    allowed,
    back_row,
    chat_type_of,
    mark,
    opened,
    settings_change,
    target_chat,
)
from bot.settings_words import hour_label, waiting_alerts
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
from digests import subscriptions

# 23:00–07:00 first: the quiet hours a new chat starts with (migration 027), so that the picker
# marks it and a reader who tried another can come back (QA26 N6)
NEW_CHAT_QUIET = subscriptions.NEW_CHAT_QUIET
QUIET_PRESETS: tuple[tuple[int, int], ...] = (NEW_CHAT_QUIET, (22, 7), (23, 8), (0, 6), (21, 6))
HOURS: tuple[int, ...] = (6, 7, 8, 9, 12, 15, 18, 20, 21, 22)


def zone_seen(update: Update, rt: Runtime, chat_id: int, lang: str) -> str:
    """A group member's bare /zone: «التوقيت الآن: الأردن (UTC+3)» and who changes it."""
    chat = subscriptions.get_chat(rt.db, chat_id) or new_chat(rt, update)
    return ui(lang, "zone_now", zone=_zone_now(rt, chat_id, chat, lang)) + "\n" + admins_line(
        update, rt, lang)


async def _act_mode(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    mode: subscriptions.Mode = "daily" if cb.payload.get("mode") == "daily" else "instant"
    hour = cb.payload.get("hour")
    scope = scope_of(cb)
    await settings_change(update, context, rt, scope, lang, lambda: subscriptions.set_mode(
        rt.db, scope.target, mode, int(hour) if hour is not None else None, now=rt.now()),
        waiting=(lambda: waiting_alerts(rt.db, scope.target)) if mode == "daily" else None)


async def _act_daily_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                          cb: Callback, lang: str) -> None:
    scope = await opened(update, context, rt, cb, lang)
    if scope is None:
        return
    chat = target_chat(rt, update, scope)
    current = chat.daily_hour if chat is not None and chat.mode == "daily" else None
    buttons = [scope.button(rt, mark(hour_label(h, lang), h == current, lang), "mode",
                            {"mode": "daily", "hour": h}) for h in HOURS]
    rows = [buttons[i:i + 5] for i in range(0, len(buttons), 5)] + [back_row(rt, scope, lang)]
    await edit_or_send(update, context, ui(lang, chat_worded("choose_hour",
                                                             chat_type_of(update, scope)),
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
    scope = await opened(update, context, rt, cb, lang)
    if scope is None:
        return
    chat = target_chat(rt, update, scope)
    now = (chat.quiet_start, chat.quiet_end) if chat is not None else (None, None)
    presets = list(QUIET_PRESETS)
    if now[0] is not None and now[1] is not None and now not in presets:
        presets.insert(0, (now[0], now[1]))  # a range set otherwise is shown ✓ too
    rows = [[scope.button(rt, mark(t("btn_quiet_range", lang, start=hour_label(s, lang),
                                     end=hour_label(e, lang)), (s, e) == now, lang),
                          "quiet", {"start": s, "end": e})] for s, e in presets]
    rows.append([scope.button(rt, mark(t("btn_quiet_off", lang), now[0] is None, lang),
                              "quiet", {})])
    rows.append(back_row(rt, scope, lang))
    # the hours' zone, as the hour picker names it (QA47 Z9)
    await edit_or_send(update, context, ui(lang, "choose_quiet") + "\n"
                       + ui(lang, "zone_now", zone=_zone_now(rt, scope.target, chat, lang)),
                       keyboard(rows))


async def _act_quiet(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                     cb: Callback, lang: str) -> None:
    start, end = cb.payload.get("start"), cb.payload.get("end")
    scope = scope_of(cb)
    await settings_change(update, context, rt, scope, lang, lambda: subscriptions.set_quiet_hours(
        rt.db, scope.target, None if start is None else int(start),
        None if end is None else int(end), rt.now()))


async def _act_zone_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         cb: Callback, lang: str) -> None:
    scope = await opened(update, context, rt, cb, lang)
    if scope is None:
        return
    await edit_or_send(update, context, *zone_picker(rt, scope, lang, chat_type_of(update, scope),
                                                     target_chat(rt, update, scope)))


def zone_picker(rt: Runtime, scope: Scope, lang: str, chat_type: str | None,
                chat: subscriptions.Chat | None = None) -> tuple[str, InlineKeyboardMarkup | None]:
    """The zone picker: the zone now set, then one button a zone (the current one «✓»);
    `chat`: the chat it acts on, when the caller has it (one not recorded yet: its defaults)."""
    chat = chat or subscriptions.get_chat(rt.db, scope.target)
    current = shown_zone(rt.db, chat) if chat is not None else chat_zone(rt.db, scope.target)
    idx = 1 if lang == "ar" else 2
    buttons = [scope.button(rt, mark(entry[idx], entry[0] == current, lang), "zone",
                            {"zone": entry[0]}) for entry in ZONES]
    rows = [buttons[i:i + 3] for i in range(0, len(buttons), 3)] + [back_row(rt, scope, lang)]
    text = ui(lang, chat_worded("choose_zone", chat_type)) + "\n" + ui(
        lang, "zone_now", zone=_zone_now(rt, scope.target, chat, lang))
    return text, keyboard(rows)


async def _act_zone(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    zone = cb.payload.get("zone")
    scope = scope_of(cb)
    if isinstance(zone, str) and zone in ZONE_NAMES:
        await settings_change(update, context, rt, scope, lang,
                              lambda: set_zone(rt.db, scope.target, zone, rt.now()))
        return
    if zone is not None or "minutes" not in cb.payload:
        # a zone no longer offered (or no zone at all): refused, the picker shown again; it
        # silently set UTC+3 (QA47 Z11)
        assert update.callback_query is not None
        if not await allowed(update, context, rt, scope, lang):
            return
        await update.callback_query.answer(t("zone_gone", lang), show_alert=True)
        await edit_or_send(update, context,
                           *zone_picker(rt, scope, lang, chat_type_of(update, scope)))
        return
    # A button from before session 4 carries a fixed offset: it still works.
    minutes = int(cb.payload["minutes"])
    await settings_change(update, context, rt, scope, lang, lambda: set_fixed_offset(
        rt.db, scope.target, minutes, rt.now()))


ACTIONS: dict[str, Action] = {
    "mode": _act_mode,
    "daily_menu": _act_daily_menu,
    "quiet_menu": _act_quiet_menu,
    "quiet": _act_quiet,
    "zone_menu": _act_zone_menu,
    "zone": _act_zone,
}
