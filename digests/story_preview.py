"""A preview and the event it announces are one story (brief S21, session 17).

The readers of benchmarks/gold count a report announcing an event for a day (a match preview,
«polls open», a summit or a meeting announced, a speech due) and the report of that event done
as the same story (benchmarks/gold/README.md, story_pairs close calls), and the pair model
refuses most such pairs: the preview and the result share the actors but few other words. Of the
shipped USE step's 98 misses on 19 development folds, 30 were of this kind (benchmarks/README.md,
session 16, S19).

This module is the rule, pure (no I/O): `side_of` reads what the headline and first sentence of
one report say about time (a future cue, the day it names, its own publication day), and `joins`
says whether an earlier report announces an event for a day and the later one, published on that
day or the next, reports it with the same actors (rare lead words both use). The story step
(digests.stories) treats a pair the rule joins as passing the pair decision, in `find_match` and
in the story's vote, within its usual window and cosine floor.

The readers read the rule narrowly: team news, an interview or a fan incident before a match are
not a preview of it; two matches of one team a week apart are two stories; the next step of an
affair (a response «soon», then the expulsions) is another story. So the rule asks for a future
cue in the earlier report's lead, an event day that is not already past for the later report,
and at least MIN_SHARED rare lead words in common.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from digests import arabic
from digests.leads import event_day

__all__ = ["MIN_SHARED", "PREVIEW_DECISION", "Side", "joins", "side_of", "side_of_text"]

# The probability a pair the rule holds for needs (the USE pair model's, asked outside the words'
# band too; the words' where there is no USE model), instead of the pair decision (0.65).
# Fixed before the 20-fold run (/work/notes/s17/S21_prereg.md).
PREVIEW_DECISION = 0.45
# Rare lead words (digests.leads: Lead.words, LeadEvidence.shared_words) both reports must use:
# the actors (two teams, two leaders, the parliament and its vote).
MIN_SHARED = 2
# The announced event may be reported up to this many days after the day it is due (a night match
# reported the next morning).
LATE_DAYS = 1
# Local time of the news (UTC+3, the bot's default zone): the day a report names is a local day.
LOCAL = timezone(timedelta(hours=3))

# Cues of an event still ahead (folded: digests.arabic.normalize), in a headline or first
# sentence. Strong: the future «س» on a verb of an occasion («سيلتقي», «ستعقد», «سيستقبل»), the
# words of a schedule («المرتقب», «المقرر», «غدا», «يستعد», «يرتقب»). Not «قبيل»/«قبل»: a
# report of something else done shortly before the occasion («قبيل زيارته لبيروت»). Weak: the same
# verbs in the present («يواجه», «يلتقي», «يخوض», «يلقي», «يعقد», «يصل») — headlines tell past
# events in the present («صلاح يشارك كين الصدارة», «موسكو تبدأ انتقامها»), so a weak cue counts
# only with a weekday named after the day of publication («يواجه الريان يوم الاثنين», Sunday).
_VERBS = ("لتقي", "لتقى", "واجه", "خوض", "ستضيف", "حل", "ستقبل", "زور", "صل", "توجه", "لقي",
          "عقد", "صوت", "بدا", "نطلق", "ترأس", "تراس", "جتمع", "شارك")
_STRONG = frozenset(
    [f"س{person}{v}" for v in _VERBS for person in ("ي", "ت")]
    + ["المرتقب", "المرتقبه", "مرتقب", "مرتقبه", "المقرر", "مقرر", "غدا", "يستعد",
       "تستعد", "يرتقب", "يعتزم", "تعتزم"])
_WEAK = frozenset(f"{person}{v}" for v in _VERBS for person in ("ي", "ت"))
_FUTURE = _STRONG | _WEAK
_TOMORROW = frozenset(("غدا",))
_PREFIXES = ("و", "ف")


@dataclass(frozen=True)
class Side:
    """What one report's lead says about time: its publication day (local), whether it
    announces an event (a future cue), the days that event may fall on, and the weekday the
    lead dates its event to (digests.leads.event_day), if any."""

    when: datetime
    day: date
    announces: bool
    first: date
    last: date
    weekday: int | None


def _words(text: str) -> list[str]:
    out = []
    for word in arabic.normalized_words(text):
        if word[:1] in _PREFIXES and word[1:] in _FUTURE:
            word = word[1:]
        out.append(word)
    return out


def _utc(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


def _local_day(when: datetime) -> date:
    return _utc(when).astimezone(LOCAL).date()


def side_of(title: str, first_sentence: str, published: datetime) -> Side:
    """The time side of one report from its headline and first sentence (pure).

    An announcement's day: the weekday its lead names, the next such day from publication
    (within two days: the story window); «غدا» the day after; else the day of publication or
    the next. A lead without a future cue announces nothing (first = last = its own day)."""
    today = _local_day(published)
    lead = f"{title} {first_sentence}"
    words = _words(lead)
    weekday = event_day(lead, published.astimezone(LOCAL) if published.tzinfo else published)
    strong = any(w in _STRONG for w in words)
    ahead = None if weekday is None else (weekday - today.weekday()) % 7
    if not (strong or (ahead is not None and 1 <= ahead <= 2 and any(w in _WEAK for w in words))):
        return Side(published, today, False, today, today, weekday)
    if any(w in _TOMORROW for w in words):
        due = today + timedelta(days=1)
        return Side(published, today, True, due, due, weekday)
    if ahead is not None:
        if ahead > 2:  # a day already past (or a week off): not an event this report awaits
            return Side(published, today, False, today, today, weekday)
        due = today + timedelta(days=ahead)
        return Side(published, today, True, due, due, weekday)
    return Side(published, today, True, today, today + timedelta(days=1), weekday)


def side_of_text(title: str, text: str, published: datetime) -> Side:
    """`side_of` from a report's headline and text (its first sentence, within the first 600
    characters, as digests.leads reads it)."""
    return side_of(title, next(iter(arabic.sentences(text[:600])), ""), published)


def joins(one: Side, other: Side, shared_words: int) -> bool:
    """Whether the earlier of two reports announces an event the later one reports done.

    The earlier announces (a future cue, a due day); the later is published on a due day or up
    to LATE_DAYS after the last; the later does not itself await the event (its own cue names a
    day after its publication); a weekday the later lead names is a due day; and the two leads
    share MIN_SHARED rare words or more (the same actors)."""
    if shared_words < MIN_SHARED:
        return False
    early, late = (one, other) if _utc(one.when) <= _utc(other.when) else (other, one)
    if not early.announces:
        return False
    if not early.first <= late.day <= early.last + timedelta(days=LATE_DAYS):
        return False
    if late.announces and late.first > late.day:
        return False  # the later report still awaits it: two previews, or the next step
    if late.weekday is not None:
        due = {(early.first + timedelta(days=n)).weekday()
               for n in range((early.last - early.first).days + 1)}
        if late.weekday not in due:
            return False
    return True
