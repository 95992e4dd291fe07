"""/stats warnings an operator must not miss: a full disk, a wrong clock (QA27 D8).

/stats said «مستحقة الآن: ١٣٤٠، قيد الإرسال: ٩» with the disk holding the database full, and
«مستحقة الآن: ٠» with 826 deliveries waiting an hour after the clock was set back, without a
word of either (the disk had one WARNING in the log, the clock none). Each is now one ⚠️ line
in the admin's language, and one WARNING in the log whenever /stats shows it:

- **disk**: the free space of the database's folder (`statvfs`, microseconds) below
  LOW_DISK_BYTES, full under FULL_BYTES, with the outcomes of sent messages the sender could
  not write yet (bot.owed) when it holds some;
- **outage**: Telegram failing for every chat (QA32 R2, bot.send_failures): how long, the pause,
  and how many deliveries wait for it without losing an attempt; refusing (a 5xx) or not
  answering (the connection reset after the send, a timeout: those may arrive twice, QA75-4);
- **clock**: Telegram dates every message by its own clock. A /stats dated more than
  CLOCK_BEHIND after this server's now means the server's clock is behind (what a clock set
  back looks like); one dated more than CLOCK_AHEAD before it means the clock is ahead — or the
  command waited that long (the bot was down), which the line says. Failing that, a poll
  recorded after now shows the clock was set back since it ran.

A pinned clock (the demo, tests) is not compared with Telegram's. Pure functions but `gather`.

The clock lines are read by an operator who must act on them (QA66-3: «متأخرة ١٤٤٠ دقيقة …
05:25 UTC والخادم يقرأ 05:25», «آخر جلب 03:59 UTC، بعد … (05:23)»): a gap in the units it is
counted in (bot.i18n.lasted: «يوم واحد», «٣٩ يومًا»), the times in the admin's zone as the rest
of /stats, that zone named once, and the date beside each time when the two fall on different
days.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path

from bot import model_warning
from bot.i18n import Unit, amount, clock_time, format_date, lasted, num, t
from bot.runtime import Runtime, ui, utc_now
from digests.models import parse_iso

log = logging.getLogger(__name__)

LOW_DISK_BYTES = 100 * 1024 * 1024  # below this the operator is told before the disk fills
FULL_BYTES = 1024 * 1024  # under this the next transaction (WAL frames, a checkpoint) may not fit
CLOCK_BEHIND = timedelta(minutes=2)  # Telegram's date after ours by more: ours is behind
CLOCK_AHEAD = timedelta(minutes=10)  # before ours by more: ours is ahead, or the command waited
MB = 1024 * 1024


# the numbers written with their noun, in agreement (bot.i18n.amount), and the noun
_COUNTED: dict[str, Unit] = {"minutes": "minute", "seconds": "second", "pause": "second"}
# … in Arabic only: the English line says "{owed} outcomes of sent messages" itself
_COUNTED_AR: dict[str, Unit] = {**_COUNTED, "owed": "message"}


@dataclass(frozen=True)
class StatsWarning:
    """One ⚠️ line: its string (bot.texts_admin), the numbers and times in it, and the log's
    key=value detail."""

    kind: str  # "disk", "outage", "clock" or "model"
    key: str
    numbers: tuple[tuple[str, int], ...] = ()
    times: tuple[tuple[str, str], ...] = ()
    detail: str = ""
    moments: tuple[tuple[str, datetime], ...] = ()  # shown in the admin's zone (`text`)
    spans: tuple[tuple[str, float], ...] = ()  # seconds, said as bot.i18n.lasted

    def text(self, lang: str, zone: tzinfo | None = None) -> str:
        """The line as Telegram HTML in `lang` (Arabic-Indic digits in Arabic); its moments in
        `zone` (UTC when None), named once as {zone}."""
        counted = _COUNTED_AR if lang == "ar" else _COUNTED
        moments = dict(_moments(self.moments, zone or timezone.utc, lang)) if self.moments \
            else {}
        return ui(lang, self.key, **{k: amount(v, lang, counted[k]) if k in counted
                                     else num(v, lang) for k, v in self.numbers},
                  **{k: lasted(v, lang) for k, v in self.spans},
                  **moments,
                  **dict(self.times))  # counted with its noun (QA50 E10: «٣ دقائق», QA56-7)


def _moments(moments: tuple[tuple[str, datetime], ...], zone: tzinfo,
             lang: str) -> list[tuple[str, str]]:
    """Each moment as a time in `zone` — with its date when they fall on different days there
    («٢ ديسمبر ٢٠٢٦ الساعة ٥:٢٥» / "2 December 2026 5:25") — and "zone": the zone's name."""
    from bot.source_alerts import zone_said  # bot.source_alerts imports the runtime too

    local = [(k, when.astimezone(zone)) for k, when in moments]
    dated = len({when.date() for _, when in local}) > 1
    # the source alerts' «٨ مارس ٢٠١٨ الساعة ١٠:٠٠» / "8 March 2018 10:00"
    out = [(k, t("source_clock", lang, date=format_date(when, lang),
                 clock=clock_time(when, lang)) if dated
            else clock_time(when, lang)) for k, when in local]
    return [*out, ("zone", zone_said(zone, local[0][1], lang))]


def _minutes(delta: timedelta) -> int:
    return max(1, round(abs(delta.total_seconds()) / 60))


def disk_warning(free: int | None, owed: int) -> StatsWarning | None:
    """The line for `free` bytes left beside the database and `owed` outcome writes, if any."""
    if free is None or free >= LOW_DISK_BYTES:
        return None
    mb = free // MB
    detail = f"free_mb={mb} owed={owed}"
    if free >= FULL_BYTES:
        return StatsWarning("disk", "stats_disk_low", (("free", mb),), detail=detail)
    if owed:
        return StatsWarning("disk", "stats_disk_full_owed", (("free", mb), ("owed", owed)),
                            detail=detail)
    return StatsWarning("disk", "stats_disk_full", (("free", mb),), detail=detail)


def clock_warning(now: datetime, telegram: datetime | None,
                  last_poll: datetime | None) -> StatsWarning | None:
    """The line when this server's `now` disagrees with Telegram's date of the command or with
    the last poll's record (module doc), else None."""
    if telegram is not None:
        skew = telegram - now
        detail = f"skew_seconds={skew.total_seconds():+.0f} telegram={telegram.isoformat()}"
        moments = (("telegram", telegram), ("ours", now))
        # whole minutes, as before, said in days and hours past an hour (QA66-3)
        spans = (("minutes", 60.0 * _minutes(skew)),)
        if skew > CLOCK_BEHIND:
            return StatsWarning("clock", "stats_clock_behind", detail=detail, moments=moments,
                                spans=spans)
        if -skew > CLOCK_AHEAD:
            return StatsWarning("clock", "stats_clock_ahead", detail=detail, moments=moments,
                                spans=spans)
    if last_poll is not None and last_poll - now > CLOCK_BEHIND:
        return StatsWarning("clock", "stats_clock_set_back",
                            detail=f"last_poll={last_poll.isoformat()} now={now.isoformat()}",
                            moments=(("poll", last_poll), ("ours", now)))
    return None


def outage_warning(outage: tuple[float, int, float] | None,
                   unanswered: tuple[int, int] = (0, 0)) -> StatsWarning | None:
    """The line while Telegram fails for every chat and the sender waits it out (QA32 R2:
    bot.send_failures.Backoff.outage — seconds since it began, rows retried, current pause;
    `unanswered`: Backoff.outage_unanswered — sends failed in it, those of them sent and never
    answered). QA75-4: sends accepted and then reset were called «refused», and nothing said
    they may arrive twice: an outage of unanswered sends says so, and how many."""
    if outage is None:
        return None
    seconds, retried, pause = outage
    failures, lost = unanswered
    key = ("stats_outage" if not lost else
           "stats_outage_unanswered" if lost >= failures else "stats_outage_mixed")
    numbers = (("seconds", round(seconds)), ("rows", retried), ("pause", round(pause)))
    return StatsWarning("outage", key, numbers + ((("unanswered", lost),) if lost else ()),
                        detail=f"seconds={seconds:.0f} rows_retried={retried} pause={pause:.0f}"
                               f" failures={failures} unanswered={lost}")


def free_bytes(db_path: str) -> int | None:
    """Bytes free to the bot in the database's folder; None for an in-memory database."""
    if db_path == ":memory:":
        return None
    try:
        return shutil.disk_usage(Path(db_path).resolve().parent).free
    except OSError:
        return None


def gather(rt: Runtime, message_date: datetime | None) -> list[StatsWarning]:
    """The warnings for /stats now, each logged once per /stats as a WARNING."""
    courier = getattr(rt.sender, "courier", None)  # None until the sender has started
    owed = int(getattr(getattr(courier, "writes", None), "owed", 0) or 0)
    found = [disk_warning(free_bytes(rt.db.path), owed)]
    backoff = getattr(courier, "backoff", None)
    if backoff is not None:
        found.append(outage_warning(backoff.outage(), backoff.outage_unanswered()))
    if rt.clock is utc_now:  # a pinned clock (demo, tests) is no server clock to check
        last = rt.db.db.execute("select max(started_at) from polls").fetchone()[0]
        found.append(clock_warning(rt.now(), message_date, parse_iso(last) if last else None))
    if model_warning.use_missing(rt.settings):  # stories quietly worse (QA41 T7)
        found.append(StatsWarning("model", "stats_use_missing",
                                  times=(("install", model_warning.INSTALL),),
                                  detail=f"story_model=use package={model_warning.PACKAGE}"
                                         " installed=no"))
    shown = [w for w in found if w is not None]
    for w in shown:
        log.warning("stats warning kind=%s %s", w.kind, w.detail)
    return shown
