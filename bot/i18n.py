"""Every user-facing string of the bot, in Arabic and English, plus numerals and relative times.

Arabic is the default; a chat gets English when its user's Telegram `language_code` starts with
"en" or after /lang. `t(key, lang, **values)` formats a string; values are inserted as given, so
callers that produce HTML must escape dynamic values themselves (bot.render does).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal

Lang = Literal["ar", "en"]

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

_AR_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
              "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def lang_of(language_code: str | None, stored: str | None = None, default: str = "ar") -> Lang:
    """The interface language: a stored choice (/lang) wins, then Telegram's language_code."""
    if stored in ("ar", "en"):
        return stored  # type: ignore[return-value]
    if language_code:
        return "en" if language_code.lower().startswith("en") else "ar"
    return "en" if default == "en" else "ar"


def num(n: int, lang: str) -> str:
    """An integer written with Arabic-Indic digits in Arabic, ASCII digits in English."""
    text = str(n)
    return text.translate(_ARABIC_DIGITS) if lang == "ar" else text


def _ar_count(n: int, one: str, two: str, few: str, many: str) -> str:
    """Arabic counted noun: ساعة / ساعتين / ٣ ساعات / ١١ ساعة (the grammar of numerals)."""
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return f"{num(n, 'ar')} {few}"
    return f"{num(n, 'ar')} {many}"


def format_date(dt: datetime, lang: str) -> str:
    """A calendar date: «٣ فبراير ٢٠١٨» / "3 Feb 2018"."""
    if lang == "ar":
        return f"{num(dt.day, 'ar')} {_AR_MONTHS[dt.month - 1]} {num(dt.year, 'ar')}"
    return f"{dt.day} {_EN_MONTHS[dt.month - 1]} {dt.year}"


def relative_time(dt: datetime | None, now: datetime, lang: str) -> str:
    """«منذ ٣ ساعات» / "3 hours ago"; a date past a week; "" when the time is unknown.

    Times in the future (clock skew between a source and us) read as "just now".
    """
    if dt is None:
        return ""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    seconds = int((now - dt).total_seconds())
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if lang == "ar":
        if minutes < 1:
            return "الآن"
        if hours < 1:
            return "منذ " + _ar_count(minutes, "دقيقة", "دقيقتين", "دقائق", "دقيقة")
        if days < 1:
            return "منذ " + _ar_count(hours, "ساعة", "ساعتين", "ساعات", "ساعة")
        if days < 7:
            return "منذ " + _ar_count(days, "يوم", "يومين", "أيام", "يومًا")
        return format_date(dt.astimezone(timezone.utc), "ar")
    if minutes < 1:
        return "just now"
    if hours < 1:
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    if days < 1:
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    if days < 7:
        return f"{days} day{'s' if days != 1 else ''} ago"
    return format_date(dt.astimezone(timezone.utc), "en")


# key → (Arabic, English). Values may hold {placeholders} filled by `t`.
STRINGS: dict[str, tuple[str, str]] = {
    # rendering
    "related": ("روابط ذات صلة:", "Related links:"),
    "results_header": ("نتائج «{query}»: {first}–{last} من {total}",
                       "Results for «{query}»: {first}–{last} of {total}"),
    "bundle_header": ("📰 نشرة الأخبار", "📰 News digest"),
    "continued": ("(تابع)", "(continued)"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang` (Arabic unless "en"), formatted with `values`."""
    ar, en = STRINGS[key]
    text = en if lang == "en" else ar
    return text.format(**values) if values else text
