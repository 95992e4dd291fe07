"""The day a topic question names (pure): «سوريا امبارح», «عفرين امس», "Syria yesterday",
«مصر اليوم» (QA47 Z4), or a date in words: «أخبار ١٥ آذار», "news of 15 March" (X80, Z10).

The words of a day are dropped from a topic like words of asking (digests.query_words.DAYS_BACK:
«ترامب امبارح» is searched as «ترامب»), and the answer was the topic's latest news, today's,
with nothing said. bot.day_search now keeps that day's stories. Only written forms of «today»
count for today: «يوم» alone is any day («يوم الأرض»), and «الآن»/"now" asks for the latest,
which the search gives anyway.

A date is a day and a month name of either series digests.dates reads — the Egyptian/Gulf
(«١٥ مارس») and the Levantine («١٥ آذار», «١٥ كانون الثاني») — or English ("15 March", "March
15"), with a year or without (then the latest such day not after today). It is read as a day
(`asked_date`) beside other words: the news asked for («أخبار ١٥ آذار», «شو صار ١٥ آذار», "news
of 15 March") or a topic («الغوطة ٥ آذار», «سوريا يوم ١٥ آذار», "Syria on 15 March"; QA54-5).
Not alone, nor after a noun that makes it a name in the news — «قوى ١٤ آذار», «ثورة ٢٥ يناير»,
«مدينة ٦ أكتوبر», «ذكرى ١١ سبتمبر» (`DATE_NAMERS`) —: those are searched as written. A weekday
after «يوم» is a day too, the latest one («الغوطة يوم الخميس», `asked_weekday`; QA54-5), and so
is one written last after a short topic («سوريا الخميس», "Syria Thursday"; X87). A date
in figures, day first, in either digit set («الغوطة ٥/٣/٢٠١٨», «اخبار 5/3/2018»: `_numeric_date`,
QA57-15) is a day as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from digests import query_words as words
from digests.arabic import normalize, run_keys, word_runs_of
from digests.dates import month_names

# today, as written (their key «يوم» is any day's)
TODAY_FORMS = frozenset({"اليوم", "النهاردة", "النهارده", "today"})
# the nouns a date after which is a name in the news, not a day: «قوى ١٤ آذار», «ثورة ٢٥ يناير»
DATE_NAMERS = frozenset(normalize(w) for w in (
    "قوى تحالف تيار فريق ثورة حركة انتفاضة مدينة جسر كوبري ميدان شارع حي أحداث هجمات حرب"
    " معركة مجزرة ذكرى جامعة نادي اتفاق اتفاقية تفجيرات مظاهرات تظاهرات مسيرة جمعة عيد"
    " بيان مبادرة"
    # review RF: «انقلاب ٣ يوليو», «نكسة ٥ حزيران», «حراك ٢٢ فبراير», «ساحة ١٤ آذار» were read as
    # a topic's day («انقلاب» on the latest 3 July)
    " انقلاب نكسة حراك ساحة حزب اعتصام إضراب عدوان تفاهم").split())
_PROCLITICS = ("و", "ف", "ب", "ل", "ك")


# A text longer than this is a pasted headline or paragraph, whose «اليوم» («مساء اليوم») is the
# news's own word, not the reader asking for a day (QA61-5: it was cut to «أخبار اليوم فقط»)
DAY_QUESTION_WORDS = 10


def asked_day(query: str) -> int | None:
    """How many days before the reader's today the text's day word names (0 today, 1
    yesterday), or None when it names none or is over DAY_QUESTION_WORDS words."""
    if len(query.split()) > DAY_QUESTION_WORDS:
        return None
    found: int | None = None
    for run in word_runs_of(query[:400]):
        if words.MARKS.sub("", run).lower() in TODAY_FORMS:
            found = max(found or 0, 0)
        elif any(words.DAYS_BACK.get(k, 0) >= 1 for k in run_keys(run)):
            found = max(found or 0, max(words.DAYS_BACK.get(k, 0) for k in run_keys(run)))
    return found


@dataclass(frozen=True)
class AskedDate:
    """A date a question names: the day, the text without it, and whether that text asks for
    the news itself («أخبار», "news of") rather than about a topic."""

    day: date
    rest: str
    news_only: bool


def _written(name: str) -> str:
    """A folded month name as a pattern of the ways it is written («اذار»: «آذار», «أذار»)."""
    out = re.escape(name).replace(r"\ ", r"\s+")
    return out.replace("ا", "[اأإآ]").replace("ي", "[يى]")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(_written(n) for n, _ in sorted(month_names(), key=lambda m: -len(m[0])))
    month = rf"(?:{names})"
    ordinal = r"(?:st|nd|rd|th)?"
    day_month = re.compile(
        rf"(?<!\w)(\d{{1,2}}){ordinal}\s*(?:من\s+|of\s+)?({month})(?:\s*[/(-]\s*{month}\s*\)?)?"
        rf"(?:\s*[,،]?\s*(\d{{4}}))?(?!\w)", re.IGNORECASE)
    month_day = re.compile(rf"(?<!\w)({month})\s+(\d{{1,2}}){ordinal}(?:\s*,?\s*(\d{{4}}))?(?!\w)",
                           re.IGNORECASE)
    return day_month, month_day


def _month(written: str) -> int | None:
    """The number of a month name as written («آذار» → 3)."""
    return dict(month_names()).get(" ".join(normalize(written).split()))


def asked_date(query: str, today: date) -> AskedDate | None:
    """The date a question names and asks the news of (module doc), or None."""
    text = query[:400]
    day_month, month_day = _patterns()
    found = day_month.search(text)
    if found is not None:
        day_text, month_text, year_text = found.group(1), found.group(2), found.group(3)
    else:
        found = month_day.search(text)
        if found is None:
            return (_numeric_date(text, today) or asked_weekday(text, today)
                    or asked_tomorrow(text, today) or _before_yesterday(text, today))
        month_text, day_text, year_text = found.group(1), found.group(2), found.group(3)
    month = _month(month_text)
    if month is None:
        return None
    if year_text:
        try:
            day: date | None = date(int(year_text), month, int(day_text))
        except ValueError:  # «٣١ شباط ٢٠١٨»
            day = None
    else:
        day = _latest(month, int(day_text), today)
    if day is None:
        return None
    return _around(text, found, day)


def date_alone(query: str, today: date) -> date | None:
    """The day of a text that is only a date («٢٠ مارس», «20 March», «٥/٣/٢٠١٨» alone: no day
    question, `asked_date` searches it as written — it may be a name in the news, «١٤ آذار»),
    else None. The bot offers that day's news beside the search (QA78-19: «٢٠ مارس» alone found
    the 12 articles that write it, «أخبار ٢٠ مارس» that day's news)."""
    if asked_date(query, today) is not None:
        return None
    asked = asked_date(news_of(query), today)
    return asked.day if asked is not None and asked.news_only and asked.rest == "أخبار" else None


def news_of(date_text: str) -> str:
    """The question that asks a date's news («٢٠ مارس» → «أخبار ٢٠ مارس»)."""
    return f"أخبار {date_text}"


def _around(text: str, found: re.Match[str], day: date) -> AskedDate | None:
    """The date `found` in `text` as an AskedDate: None alone or after a noun that names it."""
    before = text[:found.start()].split()
    rest = " ".join(f"{text[:found.start()]} {text[found.end():]}".split())
    if not rest or (before and _names_a_date(before[-1])):
        return None
    from digests.asked_topics import asks_for_news  # late: it reads this module's words

    return AskedDate(day, rest, asks_for_news(rest))


# A date in figures, either digit set (QA57-15: «الغوطة ٥/٣/٢٠١٨» was searched on every day,
# «اخبار 5/3/2018» as words and offered for following): day/month/year as Riyadh, Damascus and
# Cairo write it («٥/٣/٢٠١٨», «5-3-2018», «5.3.2018»), year first («2018/3/5», «2018-03-05»),
# or day/month with a slash and no year («٥/٣»: the latest such day). A day/month that is no
# date (month over 12) is not turned around as month/day: the reader's order is day first.
_DMY = re.compile(r"(?<![\w/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\w/.-])")
_YMD = re.compile(r"(?<![\w/.-])(\d{4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\w/.-])")
_DM = re.compile(r"(?<![\w/.-])(\d{1,2})\s*/\s*(\d{1,2})(?![\w/.-])")


def _numeric_date(text: str, today: date) -> AskedDate | None:
    """A date written in figures (`_DMY`, `_YMD`, `_DM`) asked as a day, or None."""
    found = _DMY.search(text)
    try:
        if found is not None:
            day: date | None = date(int(found.group(4)), int(found.group(3)),
                                    int(found.group(1)))
        elif (found := _YMD.search(text)) is not None:
            day = date(int(found.group(1)), int(found.group(3)), int(found.group(4)))
        elif (found := _DM.search(text)) is not None:
            month = int(found.group(2))
            day = _latest(month, int(found.group(1)), today) if 1 <= month <= 12 else None
        else:
            return None
    except ValueError:  # «٣١/٢/٢٠١٨», «5/13/2018»: no such day
        return None
    return None if day is None else _around(text, found, day)


# the words around a month that change nothing: «أخبار شهر آذار», "news this month of March"
_MONTH_WORDS = frozenset(("شهر", "الشهر", "بشهر", "لشهر", "month", "this"))


def asked_month(query: str) -> str | None:
    """The month name, as typed, of a question that asks the news of a month with no day
    («أخبار آذار», «أخبار مارس», "news March", "March news"), or None. Such a month was
    searched as a topic word («آذار»), finding the reports that happen to name it, or nothing
    (X84); the bot asks for a day instead: the news is read a day at a time."""
    from digests.asked_topics import asks_for_news  # late: it reads this module's words

    text = query[:400]
    names = "|".join(_written(n) for n, _ in sorted(month_names(), key=lambda m: -len(m[0])))
    for found in re.finditer(rf"(?<![\w\d])(?:{names})(?!\w)", text, re.IGNORECASE):
        rest = [w for w in f"{text[:found.start()]} {text[found.end():]}".split()
                if normalize(w) not in _MONTH_WORDS]
        if normalize(found.group()) == "اب" and not found.group().startswith("آ"):
            continue  # «أب», a father; «آب» is August
        if rest and asks_for_news(" ".join(rest)):
            return found.group()
    return None


# Monday 0 … Sunday 6 (date.weekday()), as written after «يوم» or alone with the article
WEEKDAYS = {normalize(w): n for n, names in enumerate((
    "الاثنين الإثنين اثنين إثنين monday", "الثلاثاء ثلاثاء tuesday", "الأربعاء أربعاء wednesday",
    "الخميس خميس thursday", "الجمعة جمعة friday", "السبت سبت saturday", "الأحد أحد sunday"))
    for w in names.split()}
_WEEKDAY_WORD = re.compile(r"[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’]s(?!\w)", re.IGNORECASE)
_PAST_AFTER = frozenset(normalize(w) for w in ("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم"))
# «الخميس الجاي/القادم», «الجمعة الجاية», "next Friday": the coming one (QA61-10: the day was
# silently dropped, or «الجاية» searched with a follow button)
_NEXT_AFTER = frozenset(normalize(w) for w in (
    "الجاي", "الجاية", "الجايه", "القادم", "القادمة", "المقبل", "المقبلة", "اللي جاي", "الجاى"))
# A weekday written last after a short topic is its day («سوريا الخميس», "Syria Thursday"; X87:
# the English was searched as «سوريا» on every day, the Arabic as the phrase, found nothing), but
# not after these nouns, with which it is a name: «صلاة الجمعة», «سوق الأحد», "Black Friday",
# "Super Tuesday"
_WEEKDAY_NAMERS = frozenset(normalize(w) for w in (
    "صلاة صلاه خطبة خطبه قداس سوق جمعة black good holy ash cyber maundy casual"
    # events English names by their day: "Super Tuesday", "Bloody Sunday" (review REV)
    " super bloody easter palm shrove fat whit"
    # «مقتل الاثنين»: both of them
    " مقتل قتل إصابة اعتقال كلا").split())
TOPIC_BEFORE_DAY = 3  # at most this many words of a topic before its weekday («الغوطة الشرقية»)


def asked_weekday(text: str, today: date) -> AskedDate | None:
    """A weekday asked as a day (QA54-5: «الغوطة يوم الخميس» was searched as a phrase and
    offered for following): after «يوم» («الغوطة يوم الخميس», «اخبار يوم الجمعة») or "on"/"of"
    ("Ghouta on Thursday", "news of Thursday"), or written with the article, or in English,
    beside words asking for the news («اخبار الخميس», "news Thursday", "Thursday's news": X84,
    they were searched as the words "news" and "Thursday"); the latest such day, today
    included. «جمعة الغضب», «لا أحد» are no day: «جمعة» and «أحد» count only after «يوم»/"on"."""
    from digests.asked_topics import asks_for_news  # late: it reads this module's words

    words_at = list(_WEEKDAY_WORD.finditer(text))
    for i, m in enumerate(words_at):
        plain = normalize(m.group())
        if plain not in WEEKDAYS:
            continue
        before = normalize(words_at[i - 1].group()) if i else ""
        start, end = m.start(), m.end()
        owned = _POSSESSIVE.match(text, end)  # "Thursday's news"
        if owned is not None and plain.isascii():
            end = owned.end()
        # «الخميس الماضي», "last Thursday": the one before today (X84: on a Thursday it was
        # today's, and «الماضي» was searched as a topic that day)
        after = words_at[i + 1] if i + 1 < len(words_at) else None
        past = after is not None and normalize(after.group()) in _PAST_AFTER
        coming = after is not None and normalize(after.group()) in _NEXT_AFTER
        if (past or coming) and after is not None:
            end = after.end()
        elif before in ("last", "next"):
            past, coming = before == "last", before == "next"
            start = words_at[i - 1].start()
            before = normalize(words_at[i - 2].group()) if i > 1 else ""
        rest = " ".join(f"{text[:start]} {text[end:]}".split())
        alone = not rest and plain.isascii()  # "Friday" alone
        if before in ("يوم", "on", "of"):
            cut = words_at[i - 2 if start < m.start() else i - 1].start()
            rest = " ".join(f"{text[:cut]} {text[end:]}".split())
            alone = not rest  # «يوم الجمعة» alone
        elif not alone and not (rest and (past or (coming and before not in _WEEKDAY_NAMERS and (
                                len(rest.split()) <= TOPIC_BEFORE_DAY or asks_for_news(rest)))
                            or ((plain.startswith("ال") or plain.isascii())
                                and (asks_for_news(rest)
                                     or _topic_then_day(text, end, before, rest))))):
            continue  # a weekday «الماضي» is a day beside a topic too («سوريا الخميس الماضي»)
        if not rest and not alone:
            return None
        back = (today.weekday() - WEEKDAYS[plain]) % 7 or (7 if past else 0)
        if coming:  # the next one after today (1 to 7 days ahead)
            back = -((WEEKDAYS[plain] - today.weekday()) % 7 or 7)
        # «يوم الجمعة», "Friday" alone: that day's news, as «اخبار يوم الجمعة» (QA68-4, -16:
        # searched as the phrase, Land Day's stories, with a follow button)
        return AskedDate(today - timedelta(days=back), rest, alone or asks_for_news(rest))
    return None


def _topic_then_day(text: str, end: int, before: str, rest: str) -> bool:
    """Whether a weekday ending at `end` is written last after a short topic, not after a
    noun that makes it a name (`_WEEKDAY_NAMERS`)."""
    return (not _WEEKDAY_WORD.search(text, end) and len(rest.split()) <= TOPIC_BEFORE_DAY
            and before not in _WEEKDAY_NAMERS)


# Tomorrow, as written (QA61-1: «اخبار بكرة» was searched as «كرة», a ball, and offered for
# following; «اخبار غدا» found a 2018 story writing «غدا»): by the written form, not the key —
# «بكرة» and «كرة» share the key «كره». «الغد» is a newspaper's name, so it is not here.
TOMORROW_FORMS = frozenset(normalize(w) for w in "بكرة بكره بكرا بكرى غدا tomorrow".split())
# a word with its harakat and tatweel («غدًا», «بُكرة»)
_MARKED_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u064B-\u065F\u0670\u0640])*")


def asked_tomorrow(text: str, today: date) -> AskedDate | None:
    """Tomorrow asked as a day: a word of TOMORROW_FORMS alone, beside words asking for the news
    («اخبار بكرة», "news tomorrow") or beside a short topic («سوريا بكرة», at most
    TOPIC_BEFORE_DAY words); a headline that says «غدا» («الرئيس يزور بيروت غدا للقاء …») stays
    words. The answer is a day not come yet (bot: «لم يأتِ يوم … بعد»)."""
    for m in _MARKED_WORD.finditer(text):
        if normalize(m.group()) not in TOMORROW_FORMS:
            continue
        asked = _day_beside(text, m.start(), m.end(), today + timedelta(days=1))
        if asked is not None:
            return asked
    return None


def _day_beside(text: str, start: int, end: int, day: date) -> AskedDate | None:
    """`day`, asked by the words `text[start:end]` when the rest of `text` is nothing, words
    asking for the news, or a short topic (at most TOPIC_BEFORE_DAY words); else None."""
    from digests.asked_topics import asks_for_news  # late: it reads this module's words

    rest = " ".join(f"{text[:start]} {text[end:]}".split())
    news = not rest or asks_for_news(rest)
    if not (news or len(rest.split()) <= TOPIC_BEFORE_DAY):
        return None
    return AskedDate(day, rest, news)


# The day before yesterday (QA61-10: «اخبار اول امبارح» was «اول» searched on yesterday, with a
# follow button): «أول امبارح» (Egypt), «أول أمس», «قبل امبارح», "the day before yesterday".
_BEFORE_YESTERDAY = re.compile(
    r"(?<!\w)(?:(?:[اأ]ول|قبل)\s+(?:ام?بارح|إمبارح|[اأ]مس|البارح[ةه])"
    r"|(?:the\s+)?day\s+before\s+yesterday)(?!\w)", re.IGNORECASE)


def _before_yesterday(text: str, today: date) -> AskedDate | None:
    """«أول امبارح» and its spellings (`_BEFORE_YESTERDAY`): two days back, beside the news
    words or a short topic, or alone."""
    found = _BEFORE_YESTERDAY.search(text)
    if found is None:
        return None
    return _day_beside(text, found.start(), found.end(), today - timedelta(days=2))


# a 29 February is found within this many years back (the leap years are four apart)
_LEAP_SPAN = 8


def _latest(month: int, day: int, today: date) -> date | None:
    """The latest `day` of `month` not after `today` («١٥ آذار» asked on 1 March: last year's;
    «٢٩ شباط»: the last leap year's, not no date at all), None for a day no month has."""
    for year in range(today.year, today.year - _LEAP_SPAN, -1):
        try:
            found = date(year, month, day)
        except ValueError:  # «٣١ شباط», or a 29 February of a common year
            continue
        if found <= today:
            return found
    return None


def _names_a_date(word: str) -> bool:
    """Whether `word` before a date makes it a name («قوى», «وثورة», «الذكرى»: DATE_NAMERS)."""
    plain = normalize(word)
    forms = {plain, *(plain[len(p):] for p in _PROCLITICS if plain.startswith(p))}
    forms |= {f[2:] for f in forms if f.startswith("ال")}
    return bool(forms & DATE_NAMERS)
