"""Chat preferences: /settings (instant alerts or a daily digest at an hour; quiet hours; the
time zone both are read in) and /lang, with the buttons that change them. In groups only the
group's admins change them."""

from __future__ import annotations

from collections.abc import Callable

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.callbacks import Callback
from bot.i18n import num, t
from bot.runtime import (
    Action,
    Runtime,
    button,
    enter,
    edit_or_send,
    keyboard,
    may_change,
    refuse_group,
    send,
    ui,
)
from digests import subscriptions


def hour_label(hour: int, lang: str) -> str:
    """«٢٠:٠٠» / "20:00"."""
    return num(hour, lang) + ":" + ("٠٠" if lang == "ar" else "00")


# Time zones of the Arabic-speaking world, by their UTC offset in minutes.
ZONES: tuple[tuple[int, str, str], ...] = (
    (0, "غرينتش", "GMT"),
    (60, "المغرب، الجزائر، تونس", "Morocco, Algeria, Tunisia"),
    (120, "مصر، ليبيا، لبنان، فلسطين", "Egypt, Libya, Lebanon, Palestine"),
    (180, "مكة، بغداد، دمشق، عمّان", "Mecca, Baghdad, Damascus, Amman"),
    (240, "الإمارات، عُمان", "UAE, Oman"),
)


def zone_label(minutes: int, lang: str) -> str:
    """«UTC+3 (مكة، بغداد…)» for a preset offset, «UTC+5:30» otherwise."""
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    label = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    names = {m: (ar if lang == "ar" else en) for m, ar, en in ZONES}
    return f"{label} ({names[minutes]})" if minutes in names else label


def settings_text(chat: subscriptions.Chat, lang: str) -> str:
    """The chat's delivery settings as an HTML message."""
    mode = t("mode_instant", lang) if chat.mode == "instant" else t(
        "mode_daily", lang, hour=hour_label(chat.daily_hour, lang))
    if chat.quiet_start is None or chat.quiet_end is None:
        quiet = t("quiet_none", lang)
    else:
        quiet = t("quiet_range", lang, start=hour_label(chat.quiet_start, lang),
                  end=hour_label(chat.quiet_end, lang))
    return ui(lang, "settings_now", mode=mode, quiet=quiet,
              zone=zone_label(chat.utc_offset_minutes, lang))


def settings_keyboard(rt: Runtime, chat_id: int, lang: str) -> InlineKeyboardMarkup | None:
    """Buttons: instant, daily (then an hour), quiet hours (then a range), time zone."""
    return keyboard([
        [button(rt, chat_id, t("btn_instant", lang), "mode", {"mode": "instant"}),
         button(rt, chat_id, t("btn_daily", lang), "daily_menu")],
        [button(rt, chat_id, t("btn_quiet", lang), "quiet_menu"),
         button(rt, chat_id, t("btn_zone", lang), "zone_menu")],
    ])


async def settings_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/settings: show the delivery settings with buttons to change them."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    await send(update, context, settings_text(chat, lang), settings_keyboard(rt, chat.id, lang))


QUIET_PRESETS: tuple[tuple[int, int], ...] = ((22, 7), (23, 8), (0, 6), (21, 6))
HOURS: tuple[int, ...] = (6, 7, 8, 9, 12, 15, 18, 20, 21, 22)


async def lang_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/lang: choose Arabic or English for this chat."""
    entered = enter(update, context)
    if entered is None:
        return
    rt, chat, lang = entered
    rows = [[button(rt, chat.id, "العربية", "lang", {"lang": "ar"}),
             button(rt, chat.id, "English", "lang", {"lang": "en"})]]
    await send(update, context, ui(lang, "choose_lang"), keyboard(rows))


async def _settings_change(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                           lang: str, change: Callable[[], subscriptions.Chat]) -> None:
    assert update.callback_query is not None
    if not await may_change(update, context):
        await refuse_group(update, context, lang)
        return
    chat = change()
    await update.callback_query.answer(t("settings_saved", lang))
    await edit_or_send(update, context, settings_text(chat, lang),
                        settings_keyboard(rt, chat.id, lang))


async def _act_mode(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    mode: subscriptions.Mode = "daily" if cb.payload.get("mode") == "daily" else "instant"
    hour = cb.payload.get("hour")
    await _settings_change(update, context, rt, lang, lambda: subscriptions.set_mode(
        rt.db, cb.chat_id, mode, int(hour) if hour is not None else None))


async def _act_daily_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                          cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    buttons = [button(rt, cb.chat_id, hour_label(h, lang), "mode", {"mode": "daily", "hour": h})
               for h in HOURS]
    chat = subscriptions.get_chat(rt.db, cb.chat_id)
    zone = zone_label(chat.utc_offset_minutes if chat else 180, lang)
    await edit_or_send(update, context, ui(lang, "choose_hour", zone=zone),
                        keyboard([buttons[i:i + 5] for i in range(0, len(buttons), 5)]))


async def _act_quiet_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                          cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    rows = [[button(rt, cb.chat_id, f"{hour_label(s, lang)} – {hour_label(e, lang)}", "quiet",
                    {"start": s, "end": e})] for s, e in QUIET_PRESETS]
    rows.append([button(rt, cb.chat_id, t("btn_quiet_off", lang), "quiet", {})])
    await edit_or_send(update, context, ui(lang, "choose_quiet"), keyboard(rows))


async def _act_quiet(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                     cb: Callback, lang: str) -> None:
    start, end = cb.payload.get("start"), cb.payload.get("end")
    await _settings_change(update, context, rt, lang, lambda: subscriptions.set_quiet_hours(
        rt.db, cb.chat_id, None if start is None else int(start),
        None if end is None else int(end)))


async def _act_zone_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                         cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer()
    rows = [[button(rt, cb.chat_id, zone_label(m, lang), "zone", {"minutes": m})]
            for m, _, _ in ZONES]
    await edit_or_send(update, context, ui(lang, "choose_zone"), keyboard(rows))


async def _act_zone(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    minutes = int(cb.payload.get("minutes", 180))
    await _settings_change(update, context, rt, lang, lambda: subscriptions.set_utc_offset(
        rt.db, cb.chat_id, minutes))


async def _act_lang(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    if not await may_change(update, context):  # a group's language is its admins' choice
        await refuse_group(update, context, lang)
        return
    new = "en" if cb.payload.get("lang") == "en" else "ar"
    subscriptions.set_language(rt.db, cb.chat_id, new)
    await update.callback_query.answer(t("lang_set", new))
    await edit_or_send(update, context, ui(new, "lang_set"), None)


ACTIONS: dict[str, Action] = {
    "mode": _act_mode,
    "daily_menu": _act_daily_menu,
    "quiet_menu": _act_quiet_menu,
    "quiet": _act_quiet,
    "zone_menu": _act_zone_menu,
    "zone": _act_zone,
    "lang": _act_lang,
}
