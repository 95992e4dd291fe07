"""What the settings say (split from bot.preferences): an hour as the pickers write it, the
/settings text, and a change's toast with its notes (the alerts a switch to daily moves, when the
next digest comes, quiet time ended or started by the change: QA36 E7, QA42 B10, QA47 Z2/Z9).
Pure but for the few reads of the chat's queue the notes need.
"""

from __future__ import annotations

from datetime import datetime

from bot import reader_clock
from bot.i18n import num, t
from bot.runtime import Runtime, ui
from bot.zones import chat_offset, zone_label, zone_words
from digests import delivery_times, subscriptions
from digests.storage import Database


def hour_label(hour: int, lang: str) -> str:
    """«٢٠:٠٠» / "20:00"."""
    return num(hour, lang) + ":" + ("٠٠" if lang == "ar" else "00")


def saved_toast(old: subscriptions.Chat | None, old_zone: str | None,
                new: subscriptions.Chat, zone: str | None, lang: str, now: datetime) -> str:
    """The toast of a settings change, saying what is now set: «✅ التنبيهات: نشرة يومية الساعة
    ٧:٠٠», «✅ ساعات الهدوء: من ٢٢:٠٠ إلى ٧:٠٠», «✅ التوقيت: مصر (UTC+2)» — «Settings saved»
    alone told a screen-reader user, who hears the toast and not the edited menu, nothing
    (QA36 E7). An hour is said with its zone, «٦:٠٠ بتوقيت السعودية (UTC+3)» (QA47 Z2)."""
    said = []
    words = zone_words(chat_offset(zone, new.utc_offset_minutes, now), lang, zone)
    if old is None or (old.mode, old.daily_hour) != (new.mode, new.daily_hour):
        said.append(t("saved_mode", lang, mode=t("mode_instant", lang) if new.mode == "instant"
                      else t("mode_daily", lang,
                             hour=hour_label(new.daily_hour, lang) + " " + words)))
    if old is None or (old.quiet_start, old.quiet_end) != (new.quiet_start, new.quiet_end):
        quiet = (t("quiet_none", lang) if new.quiet_start is None or new.quiet_end is None
                 else t("quiet_range", lang, start=hour_label(new.quiet_start, lang),
                        end=hour_label(new.quiet_end, lang)) + " " + words)
        said.append(t("saved_quiet", lang, quiet=quiet))
    if (old_zone, old.utc_offset_minutes if old else None) != (zone, new.utc_offset_minutes):
        said.append(t("saved_zone", lang, zone=zone_label(
            chat_offset(zone, new.utc_offset_minutes, now), lang, zone)))
    if not said:
        return t("settings_saved", lang)
    return "✅ " + ("؛ " if lang == "ar" else "; ").join(said)


def waiting_alerts(db: Database, chat_id: int) -> int:
    """The chat's alerts waiting to be sent (pending instant rows and story updates): a switch
    to daily moves them to the digest (digests.delivery_times.retime_chat)."""
    return int(db.db.execute(
        "select count(*) from outbox where chat_id = ? and status = 'pending'"
        " and (kind = 'instant' or kind like 'update:%')", [chat_id]).fetchone()[0])


def moved_note(n: int, hour: int, lang: str) -> str:
    """«٤ أخبار كانت تنتظر الإرسال ستصل في نشرة ٢٠:٠٠.» (Arabic number agreement)."""
    key = ("moved_daily_one" if n == 1 else "moved_daily_two" if n == 2
           else "moved_daily_few" if 3 <= n % 100 <= 10
           else "moved_daily_many" if 11 <= n % 100 <= 99 else "moved_daily_hundred")
    return t(key, lang, n=num(n, lang), hour=hour_label(hour, lang))


def next_digest_note(rt: Runtime, chat: subscriptions.Chat, lang: str) -> str:
    """«النشرة التالية: اليوم الساعة ٢٠:٠٠.» / «… غدًا …», today and tomorrow in the chat's zone
    (said in the toast's first line); an hour inside the quiet hours says it comes anyway."""
    now = rt.now()
    when = delivery_times.next_digest(rt.db.db, chat.id, now)
    local_now = reader_clock.reader_now(rt.db.db, chat.id, now)
    day = when.astimezone(local_now.tzinfo).date() if when else local_now.date()
    key = "next_digest_today" if day == local_now.date() else "next_digest_tomorrow"
    said = t(key, lang, hour=hour_label(chat.daily_hour, lang))
    if delivery_times.in_quiet(chat.daily_hour, chat.quiet_start, chat.quiet_end):
        # it comes at its hour all the same (delivery_times: quiet hours or not, QA47 Z1): said,
        # not a surprise at 6:00 (QA54-16)
        said += " " + t("daily_in_quiet", lang)
    return said


def quiet_change_note(rt: Runtime, chat: subscriptions.Chat, was_quiet: bool,
                      lang: str) -> str | None:
    """An instant chat's change of zone or quiet hours that ends or starts its quiet time now:
    «التنبيهات المنتظرة في طريقها الآن.» (held alerts go now) or «ساعات الهدوء الآن: تصل
    التنبيهات عند ٧:٠٠.» (QA47 Z9: the zone's toast said neither); None when nothing changed."""
    if chat.mode != "instant":
        return None
    until = delivery_times.quiet_until(rt.db.db, chat.id, rt.now())
    if was_quiet and until is None:
        return t("quiet_released", lang) if waiting_alerts(rt.db, chat.id) else None
    if until is not None and not was_quiet and chat.quiet_end is not None:
        return t("quiet_started", lang, hour=hour_label(chat.quiet_end, lang))
    return None


def settings_text(chat: subscriptions.Chat, lang: str, zone: str | None = None, *,
                  now: datetime) -> str:
    """The chat's delivery settings as an HTML message; a zone's offset as it is at `now`."""
    mode = t("mode_instant", lang) if chat.mode == "instant" else t(
        "mode_daily", lang, hour=hour_label(chat.daily_hour, lang))
    if chat.quiet_start is None or chat.quiet_end is None:
        quiet = t("quiet_none", lang)
    else:
        quiet = t("quiet_range", lang, start=hour_label(chat.quiet_start, lang),
                  end=hour_label(chat.quiet_end, lang))
    return ui(lang, "settings_now", mode=mode, quiet=quiet,
              zone=zone_label(chat_offset(zone, chat.utc_offset_minutes, now), lang, zone))
