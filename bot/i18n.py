"""Every user-facing string of the bot, in Arabic and English, plus numerals and relative times.

Arabic is the default; a chat gets English when its user's Telegram `language_code` starts with
"en" or after /lang. `t(key, lang, **values)` formats a string; values are inserted as given, so
callers that produce HTML must escape dynamic values themselves (bot.render does). A string a
group or channel may get has `<key>_group` / `<key>_channel` variants that speak of the chat
(«المجموعة تتابع …»), chosen by `chat_worded(key, chat_type)`; /help in a group takes its reader
commands' descriptions from GROUP_COMMANDS.

The strings live by area in bot/texts_*.py (reading and search, following and settings,
welcome and help with the command menus, admin, sources); this module merges their TEXTS into
STRINGS, refusing a key written twice (lines said in both languages at once are BILINGUAL, said
by `bilingual`), and `from bot.i18n import …` stays the one way in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Literal

from bot.lines import close_rtl
from bot.texts_admin import TEXTS as _ADMIN
from bot.texts_alerts import TEXTS as _ALERTS
from bot.texts_bilingual import BILINGUAL
from bot.texts_following import TEXTS as _FOLLOWING
from bot.texts_more import TEXTS as _MORE
from bot.texts_names import BOT_NAME, LANGUAGE_NAMES
from bot.texts_reading import TEXTS as _READING
from bot.texts_reasons import TEXTS as _REASONS
from bot.texts_sources import TEXTS as _SOURCES
from bot.texts_times import TEXTS as _TIMES
from bot.texts_welcome import ADMIN_COMMANDS, EXAMPLE_TOPICS, GROUP_COMMANDS, READER_COMMANDS
from bot.texts_welcome import TEXTS as _WELCOME
from digests.arabic import normalize
from digests.typed_forms import COUNTRY_SPELLINGS

__all__ = [
    "ADMIN_COMMANDS", "BILINGUAL", "BOT_NAME", "EXAMPLE_TOPICS", "GROUP_COMMANDS",
    "LANGUAGE_NAMES", "MAX_TOPICS_NAMED", "READER_COMMANDS", "STRINGS", "Lang", "bilingual",
    "bundle_stop", "chat_worded", "code_language", "counted", "format_date", "lang_of", "num",
    "relative_time", "t", "topic_label", "topic_list",
]

Lang = Literal["ar", "en"]

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

_AR_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
              "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
# in full, as the Arabic names are: "8 March 2018", not "8 Mar 2018" (X61)
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def lang_of(language_code: str | None, stored: str | None = None, default: str = "ar") -> Lang:
    """The interface language: a stored choice (/lang) wins, then Telegram's language_code when
    it is Arabic or English; any other (French, Turkish …) is unknown to Nashra, so the
    operator's DEFAULT_LANGUAGE decides, as for no code at all (QA12)."""
    if stored in ("ar", "en"):
        return "ar" if stored == "ar" else "en"  # a Lang, without an ignore (QA73-13)
    known = code_language(language_code)
    if known is not None:
        return known
    return "en" if default == "en" else "ar"


def code_language(language_code: str | None) -> Lang | None:
    """'ar' or 'en' for a Telegram language_code in Arabic or English, else None."""
    code = (language_code or "").lower()
    if code.startswith("en"):
        return "en"
    if code.startswith("ar"):
        return "ar"
    return None


def counted(n: int, lang: str, one: str, many: str) -> str:
    """A count as a reply shows it: in Arabic the number alone (its label comes before it,
    «المصادر: ١»), in English with its noun in the right number ("1 source", "2 sources")."""
    return num(n, lang) if lang == "ar" else f"{n} {one if n == 1 else many}"


def num(n: int, lang: str) -> str:
    """An integer written with Arabic-Indic digits in Arabic, ASCII digits in English."""
    text = str(n)
    return text.translate(_ARABIC_DIGITS) if lang == "ar" else text


def _ar_count(n: int, one: str, two: str, few: str, many: str,
              hundred: str | None = None) -> str:
    """Arabic counted noun: ساعة / ساعتين / ٣ ساعات / ١١ ساعة (the grammar of numerals);
    `hundred`: the noun after a round hundred and after 101, 102 … («٥٠٠ خبر», not «خبرًا»)."""
    form = count_form(n, "ar")  # one rule for both (review REV: count_form had copied this)
    if form in ("one", "two"):
        return one if form == "one" else two
    noun = {"few": few, "hundred": hundred or many}.get(form, many)
    return f"{num(n, 'ar')} {noun}"


def count_form(n: int, lang: str) -> str:
    """Which form a count's words take, for a line written whole for each (a verb and an
    adjective agree with it too: «يُرسل خبر واحد موقوف», «يُرسل خبران موقوفان», «تُرسل ٣ أخبار
    موقوفة», «يُرسل ١١ خبرًا موقوفًا», «يُرسل ١٠٠ خبر موقوف»): "one", "two", "few" (3–10),
    "many" (11–99), "hundred" (a round hundred, 101, 102 …) in Arabic, as `_ar_count`
    counts; "one" or "many" in English."""
    if lang != "ar":
        return "one" if n == 1 else "many"
    if n in (1, 2):
        return "one" if n == 1 else "two"
    if 3 <= n % 100 <= 10:
        return "few"
    return "hundred" if n >= 100 and n % 100 <= 2 else "many"


Unit = Literal["minute", "hour", "day", "second", "article", "chat", "delivery", "message",
               "letter"]
# Arabic: one, two, 3–10, 11–99, after a hundred; English: one, many. Every count a line writes
# with its noun takes it from here (QA56-7: «٣ محادثة», «١٠٠٠٠ خبرًا» were written in templates)
_UNITS: dict[str, tuple[tuple[str, str, str, str, str], tuple[str, str]]] = {
    "minute": (("دقيقة", "دقيقتين", "دقائق", "دقيقة", "دقيقة"), ("min", "min")),
    "hour": (("ساعة", "ساعتين", "ساعات", "ساعة", "ساعة"), ("h", "h")),
    "day": (("يوم", "يومين", "أيام", "يومًا", "يوم"), ("day", "days")),
    "second": (("ثانية", "ثانيتين", "ثوانٍ", "ثانية", "ثانية"), ("s", "s")),
    "article": (("خبر", "خبرين", "أخبار", "خبرًا", "خبر"), ("article", "articles")),
    "chat": (("محادثة واحدة", "محادثتين", "محادثات", "محادثة", "محادثة"), ("chat", "chats")),
    "delivery": (("تسليم واحد", "تسليمين", "تسليمات", "تسليمًا", "تسليم"),
                 ("delivery", "deliveries")),
    "message": (("رسالة واحدة", "رسالتين", "رسائل", "رسالة", "رسالة"), ("message", "messages")),
    "letter": (("حرف واحد", "حرفين", "أحرف", "حرفًا", "حرف"), ("character", "characters")),
}


def amount(n: int, lang: str, unit: Unit) -> str:
    """A count with its noun in agreement (QA48 R9: «٣ يوم», «١٠ ساعة», «٥٠٠ خبرًا»): «دقيقة»,
    «ساعتين», «٣ أيام», «١١ يومًا», «٥٠٠ خبر» / "1 min", "2 h", "3 days", "500 articles"."""
    ar, (one, many) = _UNITS[unit]
    if lang == "ar":
        return _ar_count(n, *ar)
    return f"{n} {one if n == 1 else many}"


# The forms `amount` lacks for a count standing as a subject or after a label («مستحقة الآن:
# رسالتان», «فيها خبران», «فيها خبر واحد»): `amount`'s two is the form after a preposition
# («إلى محادثتين»), its one a bare noun («خبر»). X125 (QA75-3, QA72-6's «(فيها ٠ خبرًا)»).
_STANDING_AR: dict[str, tuple[str, str]] = {
    "minute": ("دقيقة واحدة", "دقيقتان"), "hour": ("ساعة واحدة", "ساعتان"),
    "day": ("يوم واحد", "يومان"), "second": ("ثانية واحدة", "ثانيتان"),
    "article": ("خبر واحد", "خبران"), "chat": ("محادثة واحدة", "محادثتان"),
    "delivery": ("تسليم واحد", "تسليمان"), "message": ("رسالة واحدة", "رسالتان"),
    "letter": ("حرف واحد", "حرفان"),
}


def standing(n: int, lang: str, unit: Unit) -> str:
    """A count standing alone — a subject, or after «:» or «فيها» — with its noun: «٠ رسالة»,
    «رسالة واحدة», «رسالتان», «٣ رسائل», «١١ رسالة», «١٠٠ رسالة» / "0 messages", "1 message"
    (`amount` is the form after a preposition: «إلى محادثتين»; its zero read «٠ خبرًا»)."""
    if lang != "ar":
        return amount(n, lang, unit)
    if n in (1, 2):
        return _STANDING_AR[unit][n - 1]
    if n == 0:  # zero takes the singular, as a round hundred does: «٠ خبر», not «٠ خبرًا»
        return f"{num(0, 'ar')} {_UNITS[unit][0][4]}"
    return amount(n, lang, unit)


WEEK_HOURS = 7 * 24  # from a week on, a length of time is told in whole days


def lasted(seconds: float, lang: str) -> str:
    """How long something has lasted, in the units a reader counts it in (X80: a chat held 40
    days read «٩٦٠ س»): minutes under an hour («٥ دقائق»), hours under a day («ساعتين»), days
    and hours under a week («يومين و٣ ساعات» / "2 days 3 h"), whole days after («٤٠ يومًا» /
    "40 days")."""
    minutes = max(0, int(seconds // 60))
    hours, days = minutes // 60, minutes // 1440
    if hours < 1:
        return amount(max(1, minutes), lang, "minute")
    if days < 1:
        return amount(hours, lang, "hour")
    if hours >= WEEK_HOURS or hours % 24 == 0:
        return amount(days, lang, "day")
    rest = amount(hours % 24, lang, "hour")
    return f"{amount(days, lang, 'day')} و{rest}" if lang == "ar" else \
        f"{amount(days, lang, 'day')} {rest}"


def format_date(dt: datetime, lang: str) -> str:
    """A calendar date: «٣ فبراير ٢٠١٨» / "3 February 2018"."""
    if lang == "ar":
        return f"{num(dt.day, 'ar')} {_AR_MONTHS[dt.month - 1]} {num(dt.year, 'ar')}"
    return f"{dt.day} {_EN_MONTHS[dt.month - 1]} {dt.year}"


def clock_time(dt: datetime, lang: str) -> str:
    """A time of day on the 24-hour clock, in `dt`'s own zone: «٧:٠٥» / "7:05" — the hour as
    the settings show it («نشرة يومية الساعة ٧:٠٠»), the minutes in two digits. One rule for
    the hold notices, the source alerts and /stats (X89: three copies, one padding the hour)."""
    return f"{num(dt.hour, lang)}:{num(dt.minute, lang).rjust(2, num(0, lang))}"


def relative_time(dt: datetime | None, now: datetime, lang: str) -> str:
    """«منذ ٣ ساعات» / "3 hours ago"; a date past a week, in `now`'s zone (callers pass the
    reader's: QA33 S8, a story of 22:00 UTC read one day early in UTC+3); "" when unknown.

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
        return format_date(dt.astimezone(now.tzinfo), "ar")
    if minutes < 1:
        return "just now"
    if hours < 1:
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    if days < 1:
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    if days < 7:
        return f"{days} day{'s' if days != 1 else ''} ago"
    return format_date(dt.astimezone(now.tzinfo), "en")


def _merged(*tables: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """The area tables as one: a key in two of them would make one string silently hide the
    other, so it stops the import."""
    merged: dict[str, tuple[str, str]] = {}
    for table in tables:
        twice = merged.keys() & table.keys()
        if twice:
            raise ValueError(f"i18n keys in two bot/texts_* tables: {sorted(twice)}")
        merged.update(table)
    return merged


# key → (Arabic, English). Values may hold {placeholders} filled by `t`; values are inserted
# as given (escape them first when the text is sent as HTML).
STRINGS: dict[str, tuple[str, str]] = _merged(_READING, _FOLLOWING, _WELCOME, _ADMIN, _SOURCES,
                                              _REASONS, _MORE, _ALERTS, _TIMES)


MAX_TOPICS_NAMED = 3  # topics a digest's header names; more would bury the headline


def list_sep(lang: str) -> str:
    """What a list in an answer is joined with: the Arabic comma, or ", " in English."""
    return "، " if lang == "ar" else ", "


def topic_list(topics: Sequence[str], lang: str, limit: int = MAX_TOPICS_NAMED) -> str:
    """Topics as a header names them, in the order given: «الغوطة»، «النفط»، «ترامب» — the
    first `limit`, then how many more («وموضوع آخر», «وموضوعان آخران», «و٣ مواضيع أخرى» / "and 3
    more"). In English a topic with an English name is named by it and its Arabic, as every English
    answer names it ("«Ghouta (الغوطة)», «Oil (النفط)»": `topic_label`)."""
    # "Ghouta (الغوطة)" as /subscribe, /topics and search name it (QA21 R6)
    listed = list_sep(lang).join(f"«{topic_label(topic, lang, with_arabic=True)}»"
                      for topic in topics[:limit])
    hidden = len(topics) - limit
    if hidden <= 0:
        return listed
    key = ("topics_more_one" if hidden == 1 else "topics_more_two" if hidden == 2
           else "topics_more" if 3 <= hidden % 100 <= 10
           else "topics_more_many" if 11 <= hidden % 100 <= 99
           else "topics_more_hundred")  # «و٣ مواضيع أخرى», «و١١ موضوعًا آخر», «و١٠٠ موضوع آخر»
    return t(key, lang, topics=listed, n=num(hidden, lang))


def bundle_stop(lang: str, chat_type: str | None) -> str | None:
    """The last line of a delivered digest: how to stop («لإيقاف المتابعة: /unsubscribe») in a
    private chat, for the admins in a group («للمشرفين: /unsubscribe»), None in a channel — its
    readers cannot send a command there (QA18 R18)."""
    if chat_type == "channel":
        return None
    return t(chat_worded("bundle_stop", chat_type), lang)


# English names of Arabic topics, one a topic (digests.topic_names maps English → Arabic; the
# first English name of each topic is its label): «الغوطة» → "Ghouta".
_ACRONYMS = frozenset({"un", "uk", "us", "usa", "uae", "isis", "nato", "eu", "psg", "ac", "fifa",
                       "imf", "opec", "unrwa", "unicef", "sdf", "ypg", "pkk", "plo", "fsa",
                       "irgc", "nasa", "vi"})
_LOWER = frozenset({"bin", "of", "de", "ez"})  # «Emir of Qatar», «De Mistura» stays capital first


# labels English writes otherwise than its words capitalized (X80: «Deir ez Zor» for Deir
# ez-Zor, «Kim Jong UN» with the acronym): the table's name → the label
_WRITTEN = {"deir ez zor": "Deir ez-Zor", "kim jong un": "Kim Jong-un", "as roma": "AS Roma",
            "iphone": "iPhone", "mcmaster": "McMaster", "whatsapp": "WhatsApp",
            "youtube": "YouTube"}


def _english_name(name: str) -> str:
    if name in _WRITTEN:
        return _WRITTEN[name]
    words = name.split()
    return " ".join(w.upper() if w in _ACRONYMS else w if w in _LOWER and i else w.capitalize()
                    for i, w in enumerate(words))


def _english_labels() -> dict[str, str]:
    from digests.topic_names import ENGLISH_TOPICS
    from digests.topic_names_more import MORE_TOPICS

    labels: dict[str, str] = {}
    for english, arabic in [*ENGLISH_TOPICS.items(), *MORE_TOPICS.items()]:
        labels.setdefault(arabic, _english_name(english))
    return labels


def _spelled_labels(labels: dict[str, str]) -> dict[str, str]:
    """The English labels of the other spellings of a name (digests.variants.GROUPS): «ترمب» is
    "Trump" as «ترامب» is (QA26 N18: «ترمب» was headed «Results for «ترمب»»)."""
    from digests.variants import GROUPS

    out: dict[str, str] = {}
    for group in GROUPS:
        label = next((labels[w] for w in group if w in labels), None)
        if label is not None:
            out.update({w: label for w in group if w not in labels})
    return out


# The readings «هل تقصد» offers for a word naming two things (digests.search_senses) that no
# English table names (QA74-17: «Ramadan» got [شهر رمضان] [طارق رمضان], which an English reader
# cannot tell apart), and the Arabic names the search reads a Latin name as
# (digests.variants.SYNONYMS: «بريكست» is "Brexit", QA74-16).
_READING_LABELS = {"شهر رمضان": "Month of Ramadan", "طارق رمضان": "Tariq Ramadan",
                   "اتحاد جدة": "Al-Ittihad Jeddah"}


def _synonym_labels() -> dict[str, str]:
    from digests.topic_names import is_latin
    from digests.variants import SYNONYMS

    out: dict[str, str] = {}
    for group in SYNONYMS:
        latin = next((name for name in group if is_latin(name)), None)
        if latin is not None:
            out.update({name: latin for name in group if not is_latin(name)})
    return out


_ENGLISH_LABELS = _english_labels()
_ENGLISH_LABELS.update(_spelled_labels(_ENGLISH_LABELS))
# the readings' and the synonyms' names where no label is yet (no module-level loop names left)
_ENGLISH_LABELS.update({arabic: english for arabic, english in
                        {**_READING_LABELS, **_synonym_labels()}.items()
                        if arabic not in _ENGLISH_LABELS})
# «سورية»/«سوريه» is the country «سوريا» (digests.typed_forms.country_key): followed as typed
# («/subscribe بسورية» is «سورية», X87) it is "Syria" in English too
_ENGLISH_LABELS.update({w: _ENGLISH_LABELS[country]
                        for written, country in COUNTRY_SPELLINGS.items()
                        for w in (written, normalize(written))})


def topic_label(topic: str, lang: str, *, with_arabic: bool = False) -> str:
    """A followed topic as a reader of `lang` sees it: '' is the general digest by name; in
    English a topic with a common English name is shown by it — «الغوطة» as "Ghouta", or
    "Ghouta (الغوطة)" `with_arabic` (QA18 R18: an English reader who followed «Ghouta» saw
    it only in Arabic script) — any other topic as it is."""
    if not topic:
        return t("general", lang)
    english = _ENGLISH_LABELS.get(topic) if lang == "en" else None
    if english is None:
        return topic
    return f"{english} ({topic})" if with_arabic else english


def chat_worded(key: str, chat_type: str | None) -> str:
    """The i18n key of `key` worded for the chat: «المجموعة لا تتابع …» in a group or
    supergroup (`key`_group), «القناة …» in a channel (`key`_channel), «لا تتابع …» («you»)
    in a private chat (`key`). A channel without its own wording takes the group's; a key with
    neither (its words fit any chat) is `key` itself."""
    suffix = {"group": "_group", "supergroup": "_group", "channel": "_channel"}.get(
        chat_type or "", "")
    for candidate in (key + suffix, key + "_group" if suffix else key):
        if candidate in STRINGS:
            return candidate
    return key


def bilingual(key: str, **values: object) -> str:
    """The line `key` of BILINGUAL, «Arabic / English», formatted with `values`: said where no
    chat's language applies (start-up errors on stderr, a reply the chat's language could not
    be stored for)."""
    text = BILINGUAL[key]
    return text.format(**values) if values else text


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang` (Arabic unless "en"), formatted with `values`. An English
    string's Arabic runs are closed with marks (bot.lines.close_rtl), so an Arabic name before
    a number or another Arabic name keeps its place on a left-to-right line (QA18 R17)."""
    ar, en = STRINGS[key]
    text = en if lang == "en" else ar
    text = text.format(**values) if values else text
    return close_rtl(text) if lang == "en" else text
