"""The days a report's headline and lead refer to, and what two reports' days say about each other.

A preview names the day of the event it announces («ترامب يستقبل ولي العهد السعودي الثلاثاء»)
and the report of the event is published on that day («ولي العهد يصل إلى واشنطن»); two reports of
one occasion told from two angles (two speakers at one press conference) date it to the same day.
Bags of words miss both (benchmarks/README.md "Session 9 (brief S11)"). This module reads the
time words of a headline and lead and resolves them against the publication date:

- weekday names («الثلاثاء», «يوم الأحد», «مساء الجمعة»): the nearest such day, later when a
  future cue says so («المقبل», «سوف», «من المقرر», «غدا» …), earlier with «الماضي», else the
  nearer of the two (ties: earlier, as news reports what happened); not after «منذ»/«حتى» (a span);
- «اليوم», «الليلة», «غدا» / «الغد», «بعد غد», «أمس», «أول أمس»;
- «الأسبوع المقبل/القادم», «الأسبوع الماضي» and «هذا الأسبوع» / «الأسبوع الجاري» as ranges
  (weeks from Monday to Sunday);
- explicit dates «20 مارس», «20 آذار/مارس 2018» (month names read by digests.dates; a date with
  no year takes the publication's year, or the next/previous one when that lies nearer; a number
  followed by a currency or unit is an amount, no year: «20 مارس 2000 دولار»).

Days are calendar dates in the readers' zone (publication time in UTC moved by LOCAL_OFFSET: the
corpus's sources write for Arabic readers at UTC+2 to +4). Pure: the result depends on the text
and the publication time only; nothing reads a clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from digests import arabic, dates
from digests.topic_match_units import is_unit

__all__ = ["LOCAL_OFFSET", "OCCASIONS", "EventTime", "Reference", "announces", "event_time",
           "local_day", "looks_back", "occasions", "previews", "references", "same_day",
           "shared_occasion"]

LOCAL_OFFSET = timedelta(hours=3)  # the readers' clock: a report at 22:30 UTC is the next day

_WEEKDAYS = {arabic.normalize(w): n for n, w in enumerate(
    "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد".split())}  # datetime.weekday() order
_SPAN = frozenset(("منذ", "حتي"))  # «منذ الأحد»: a span from that day, not the event's day
_DAYTIME = frozenset(("يوم", "مساء", "صباح", "ظهر", "عصر", "منتصف", "ليل", "ليله", "فجر"))
_FUTURE = frozenset(("المقبل", "المقبله", "القادم", "القادمه", "سوف", "المقرر", "المرتقب",
                     "المرتقبه", "المنتظر", "المنتظره", "يعتزم", "تعتزم", "غدا", "مقرر", "مقرره",
                     "سيعقد", "ستعقد", "سيلتقي", "ستلتقي", "سيستقبل", "سيزور", "سيصل", "ستصل",
                     "سيجري", "ستجري", "سيلقي", "ستنطلق", "سينطلق", "يلتقي", "يستقبل"))
_PAST = frozenset(("الماضي", "الماضيه", "المنصرم", "المنصرمه", "امس"))
# Occasions a preview announces and two angles of one event share (normalized, without «ال»).
OCCASIONS = frozenset(arabic.normalize(w) for w in (
    "قمة", "مؤتمر", "اجتماع", "اجتماعات", "زيارة", "جلسة", "مباراة", "لقاء", "محادثات",
    "مفاوضات", "انتخابات", "تصويت", "اقتراع", "قرعة", "نهائي", "خطاب", "كلمة", "حفل", "مراسم",
    "جنازة", "تشييع", "محاكمة", "منتدى", "مناظرة", "استفتاء", "مسيرة", "تظاهرة", "احتجاجات"))
# Clitics an occasion noun may carry («وللمباراة», «بالقمة»), longest first.
_PREFIXES = ("ولل", "فلل", "وبال", "وال", "بال", "فال", "كال", "لل", "ال", "وب", "ول",
             "و", "ب", "ف", "ل")
_DAY_NUMBER = range(1, 32)


@dataclass(frozen=True)
class Reference:
    """A day or span of days a text refers to: [first, last], and the words that said so."""

    first: date
    last: date
    cue: str

    def covers(self, day: date, slack: int = 0) -> bool:
        """Whether `day` lies in the span, `slack` days either side allowed."""
        return self.first - timedelta(days=slack) <= day <= self.last + timedelta(days=slack)


@dataclass(frozen=True)
class EventTime:
    """A report's day in the readers' zone, the days its headline and lead refer to, and the
    occasion nouns it names."""

    published: date
    references: tuple[Reference, ...]
    occasions: frozenset[str] = frozenset()

    def other_days(self) -> tuple[Reference, ...]:
        """The references to a day other than the report's own (a preview, a look back)."""
        return tuple(r for r in self.references
                     if not (r.first == r.last == self.published))


def local_day(published: datetime) -> date:
    """The calendar day of a publication time for the readers (UTC moved by LOCAL_OFFSET)."""
    when = published if published.tzinfo else published.replace(tzinfo=timezone.utc)
    return (when.astimezone(timezone.utc) + LOCAL_OFFSET).date()


_TIME_WORDS = frozenset(("اليوم", "الليله", "امس", "الامس", "غدا", "الغد", "الاسبوع"))


def _bare(word: str) -> str:
    """A normalized time word without the و/ف/ب/ل clitics before it («والثلاثاء», «وأمس»,
    «وبالأمس») or a number («و20 مارس»); «الأمس» reads as «أمس». Other words are returned as
    they are."""
    if word[:1] in "وف" and word[1:].isdigit():
        return word[1:]
    for cut in (0, 1, 2):
        rest = word[cut:]
        if word[:cut] and any(c not in "وفبل" for c in word[:cut]):
            break
        if rest in _WEEKDAYS or rest in _TIME_WORDS:
            return "امس" if rest == "الامس" else rest
    return word


def _resolve_weekday(day: int, today: date, cue: int) -> date:
    """The date of weekday `day` nearest `today`: later if `cue` > 0, earlier if < 0, else the
    nearer one (ties: earlier). The same weekday as today is today unless a cue moves it."""
    ahead = (day - today.weekday()) % 7
    if ahead == 0:  # «الثلاثاء» on a Tuesday is today, «الثلاثاء المقبل» a week on
        return today + timedelta(days=7 * (cue > 1) - 7 * (cue < -1))
    behind = 7 - ahead
    if cue > 0:
        return today + timedelta(days=ahead)
    if cue < 0:
        return today - timedelta(days=behind)
    return today + timedelta(days=ahead) if ahead < behind else today - timedelta(days=behind)


def _cue(words: Sequence[str], i: int) -> int:
    """Tense around word i: ±2 when the next word says it («الثلاثاء المقبل/الماضي»), else
    +1 future, -1 past from the cues in the clause (eight words before, three after), 0 none."""
    if i + 1 < len(words):
        after = words[i + 1]
        if after in ("المقبل", "القادم", "المقبله", "القادمه"):
            return 2
        if after in ("الماضي", "الماضيه", "المنصرم"):
            return -2
    clause = words[max(0, i - 8): i + 4]
    future = sum(w in _FUTURE for w in clause)
    past = sum(w in _PAST for w in clause)
    return (future > past) - (past > future)


def _month_at(words: Sequence[str], j: int) -> int:
    """How many words (2, 1 or 0) a month name at word j takes («كانون الثاني», «مارس»)."""
    for width in (2, 1):
        part = words[j: j + width]
        if len(part) == width and not any(w.isdigit() for w in part) and dates.find_date(
                f"1 {' '.join(part)} 2000") is not None:
            return width
    return 0


def _explicit(words: Sequence[str], i: int, today: date) -> tuple[date, int] | None:
    """A date «20 مارس [2018]», «20 آذار/مارس [2018]» starting at word i (a day number): the
    date and how many words it took."""
    try:
        number = int(words[i])
    except ValueError:
        return None
    width = _month_at(words, i + 1)
    if number not in _DAY_NUMBER or not width:
        return None
    month = " ".join(words[i + 1: i + 1 + width])
    j = i + 1 + width
    j += _month_at(words, j)  # the month's second spelling: «آذار/مارس»
    year = int(words[j]) if j < len(words) and words[j].isdigit() and len(words[j]) == 4 else None
    if year is not None and j + 1 < len(words) and is_unit(words[j + 1]):
        year = None  # «20 مارس 2000 دولار»: the number counts dollars (brief X75), no year
    found = dates.find_date(f"{number} {month} {year or today.year}")
    if found is None:  # «31 فبراير»
        return None
    day = found.date()
    if year is None:  # a date without a year: the one nearest the publication
        options = [day]
        for shift in (-1, 1):
            try:
                options.append(day.replace(year=day.year + shift))
            except ValueError:  # 29 February
                pass
        day = min(options, key=lambda d: abs((d - today).days))
    return day, j - i + (year is not None)


def references(text: str, published: datetime) -> tuple[Reference, ...]:
    """The days `text` (a headline and lead) refers to, resolved against `published`, in order.

    See the module docstring for what is read. Duplicates are kept once.
    """
    today = local_day(published)
    words = [_bare(w) for w in arabic.normalized_words(dates.normalize_date_text(text))]
    found: list[Reference] = []

    def add(first: date, last: date, cue: str) -> None:
        if all((r.first, r.last) != (first, last) for r in found):  # «اليوم الاثنين»: one day
            found.append(Reference(first, last, cue))

    for i, word in enumerate(words):
        prev = words[i - 1] if i else ""
        j = i - 1
        while j >= 0 and words[j] in _DAYTIME:
            j -= 1
        spanned = j >= 0 and words[j] in _SPAN
        day = _WEEKDAYS.get(word)
        if day is not None and not spanned:
            if word == "الاثنين" and prev in ("بين", "كلا"):  # «بين الاثنين»: the two, not Monday
                continue
            resolved = _resolve_weekday(day, today, _cue(words, i))
            add(resolved, resolved, word)
        elif word in ("اليوم", "الليله") and not spanned:
            add(today, today, word)
        elif word == "امس":
            back = 2 if prev == "اول" else 1
            add(today - timedelta(days=back), today - timedelta(days=back), word)
        elif word in ("غدا", "الغد", "غد"):
            ahead = 2 if prev == "بعد" else 1
            add(today + timedelta(days=ahead), today + timedelta(days=ahead), word)
        elif word == "الاسبوع":
            after = words[i + 1] if i + 1 < len(words) else ""
            start = today - timedelta(days=today.weekday())  # Monday of this week
            if after in ("المقبل", "القادم"):
                add(start + timedelta(days=7), start + timedelta(days=13), "الاسبوع " + after)
            elif after in ("الماضي", "المنصرم"):
                add(start - timedelta(days=7), start - timedelta(days=1), "الاسبوع " + after)
            elif after in ("الجاري", "الحالي") or prev == "هذا":
                add(start, start + timedelta(days=6), "الاسبوع")
        elif word.isdigit():
            explicit = _explicit(words, i, today)
            if explicit is not None:
                add(explicit[0], explicit[0], " ".join(words[i: i + explicit[1]]))
    return tuple(found)


def occasions(text: str) -> frozenset[str]:
    """The occasion nouns (OCCASIONS: قمة، مؤتمر، اجتماع، زيارة، جلسة، مباراة …) `text` names."""
    out = set()
    for word in arabic.normalized_words(text):
        for prefix in ("", *_PREFIXES):
            if word.startswith(prefix) and word[len(prefix):] in OCCASIONS:
                out.add(word[len(prefix):])
                break
    return frozenset(out)


def event_time(title: str, lead: str, published: datetime) -> EventTime:
    """The `EventTime` of a report from its headline, its lead (first sentence or first few
    hundred characters) and its publication time."""
    top = f"{title} {lead}"
    return EventTime(local_day(published), references(top, published), occasions(top))


def announces(a: EventTime, b: EventTime, slack: int = 0) -> bool:
    """Whether one report refers to another day than its own and that day is the other report's
    publication day (± `slack` days): a preview and the event it announces, or a look back."""
    return (any(r.covers(b.published, slack) for r in a.other_days())
            or any(r.covers(a.published, slack) for r in b.other_days()))


def _in_order(a: EventTime, b: EventTime) -> list[tuple[EventTime, EventTime]]:
    """(earlier, later) by publication day; both orders when published the same day."""
    if a.published == b.published:
        return [(a, b), (b, a)]
    return [(a, b)] if a.published < b.published else [(b, a)]


def previews(a: EventTime, b: EventTime, slack: int = 0) -> bool:
    """Whether the earlier of two reports refers to a LATER day than its own that is the later
    report's publication day (± `slack`): a preview and the event it announces («يستقبل …
    الثلاثاء» on Monday; the visit reported on Tuesday). A look back (the later report naming the
    earlier one's day: «أمس») is not a preview: the day after often brings the next step."""
    return any(r.last > first.published and r.covers(last.published, slack)
               for first, last in _in_order(a, b) for r in first.references)


def looks_back(a: EventTime, b: EventTime, slack: int = 0) -> bool:
    """Whether the later of two reports refers to an EARLIER day than its own that is the
    earlier report's publication day (± `slack`)."""
    return any(r.first < last.published and r.covers(first.published, slack)
               for first, last in _in_order(a, b) for r in last.references)


def same_day(a: EventTime, b: EventTime, *, other_only: bool = False) -> bool:
    """Whether both reports refer to a common day (single days only, not week ranges). With
    `other_only`, at least one of them must name it as another day than its own publication's
    (two «اليوم» of one day say nothing)."""
    def days(t: EventTime) -> Iterable[tuple[date, bool]]:
        return ((r.first, r.first != t.published) for r in t.references if r.first == r.last)

    mine = dict(days(a))
    for day, other in days(b):
        if day in mine and (not other_only or other or mine[day]):
            return True
    return False


def shared_occasion(a: EventTime, b: EventTime) -> bool:
    """Whether both reports name the same kind of occasion (a summit, a visit, a match …)."""
    return bool(a.occasions & b.occasions)
