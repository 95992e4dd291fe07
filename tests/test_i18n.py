"""bot.i18n: both languages for every string, numerals, relative times, language choice."""

from __future__ import annotations

import re
import string
from datetime import datetime, timedelta, timezone

import pytest

from bot.i18n import ADMIN_COMMANDS, READER_COMMANDS, STRINGS, lang_of, num, relative_time, t

NOW = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)
LAYOUT_ONLY = {"source_line"}  # only placeholders and punctuation


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_both_languages_with_the_same_placeholders(key: str) -> None:
    ar, en = STRINGS[key]
    assert ar.strip() and en.strip()
    assert _fields(ar) == _fields(en), key
    if key not in LAYOUT_ONLY:
        assert re.search(r"[\u0600-\u06FF]", ar), f"{key}: the Arabic text has no Arabic"


def test_commands_are_valid_telegram_commands() -> None:
    names = [c[0] for c in READER_COMMANDS + ADMIN_COMMANDS]
    assert len(names) == len(set(names))
    for name, ar, en in READER_COMMANDS + ADMIN_COMMANDS:
        assert re.fullmatch(r"[a-z0-9_]{1,32}", name)
        assert 1 <= len(ar) <= 256 and 1 <= len(en) <= 256


def test_numerals() -> None:
    assert num(2018, "ar") == "٢٠١٨"
    assert num(2018, "en") == "2018"


@pytest.mark.parametrize("delta,ar,en", [
    (timedelta(seconds=20), "الآن", "just now"),
    (timedelta(minutes=1), "منذ دقيقة", "1 minute ago"),
    (timedelta(minutes=2), "منذ دقيقتين", "2 minutes ago"),
    (timedelta(minutes=7), "منذ ٧ دقائق", "7 minutes ago"),
    (timedelta(minutes=25), "منذ ٢٥ دقيقة", "25 minutes ago"),
    (timedelta(hours=3), "منذ ٣ ساعات", "3 hours ago"),
    (timedelta(days=1), "منذ يوم", "1 day ago"),
    (timedelta(days=3), "منذ ٣ أيام", "3 days ago"),
    (timedelta(days=10), "١٩ فبراير ٢٠٢٦", "19 Feb 2026"),
    (timedelta(hours=-2), "الآن", "just now"),  # a source's clock ahead of ours
])
def test_relative_time(delta: timedelta, ar: str, en: str) -> None:
    assert relative_time(NOW - delta, NOW, "ar") == ar
    assert relative_time(NOW - delta, NOW, "en") == en


def test_unknown_time_is_empty_and_naive_times_are_utc() -> None:
    assert relative_time(None, NOW, "ar") == ""
    assert relative_time(datetime(2026, 3, 1, 9), NOW, "ar") == "منذ ٣ ساعات"


def test_language_choice() -> None:
    assert lang_of("en-US") == "en"
    assert lang_of("ar") == "ar" and lang_of("fr") == "ar" and lang_of(None) == "ar"
    assert lang_of(None, default="en") == "en"
    # a language Nashra does not speak is unknown: the operator's DEFAULT_LANGUAGE (QA12)
    assert lang_of("fr", default="en") == "en" and lang_of("tr") == "ar"
    assert lang_of("ar-EG", default="en") == "ar"
    assert lang_of("en", stored="ar") == "ar"  # /lang wins over Telegram's language
    assert t("done", "en") == "Done." and t("done", "ar") == "تم."
    assert t("unsubscribed", "en", topic="X") == "You no longer follow «X»."
