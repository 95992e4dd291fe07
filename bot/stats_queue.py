"""/stats' queue lines: what is due now, what waits and for what, and how fast it goes out.

- **Due** (QA72-6): the messages due (one a chat) and the stories in them, counted as a subject
  («مستحقة الآن: رسالتان (فيها خبران)», bot.i18n.standing).
- **Waiting** (X125, QA75-3): rows pending but not due — alerts spaced by the gap between a
  chat's alerts or held by its quiet hours, daily digests waiting for their hour — said as such
  with the first time one goes, in the admin's zone («لا شيء مستحق الآن — في الانتظار: …»);
  QA75 read «مستحقة الآن: ٠ رسالة (فيها ٠ خبرًا)» while 368 alerts waited for the gap.
- **Rate** (X117, fixed by X125 for QA75-2): chats sent to a minute over the time spent sending
  within the last RATE_WINDOW, not over the whole window — a wave 14 s old sending 1,000 a
  minute read «٢٥ في الدقيقة؛ يبقى نحو ٩ دقائق». Sends more than RATE_GAP apart are a stop,
  not sending time (a lock, an outage, the next wave). While Telegram's outage pauses every send
  the line says paused and gives no time left; when nothing went for IDLE_AFTER it says since
  when; under RATE_MIN_SPAN of sending it says nothing (too little to measure).

Reads only; the text is bot.texts_admin's.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Any

from bot.i18n import amount, clock_time, counted, lasted, num, standing, t
from bot.runtime import Runtime, ui
from digests import outbox_upkeep
from digests.models import iso, parse_iso

# Sends further apart: the sending stopped between them (an outage's pause, a lock, a wave's
# end). The rig's 15-s outage counted as sending time under 30 s (X125 check: «٦٤٠ في الدقيقة»
# just after it, while it sent ~1,000 a minute).
RATE_GAP = timedelta(seconds=10)
IDLE_AFTER = timedelta(seconds=30)  # nothing sent for this long with messages due: said so
RATE_MIN_SPAN = 5.0  # seconds of sending under which no rate is said


def sending_times(rt: Runtime, now: datetime) -> list[datetime]:
    """The distinct moments a message went within the last RATE_WINDOW, in order."""
    rows = rt.db.db.execute(
        "select distinct sent_at from outbox where status = 'sent' and sent_at >= ?"
        " and sent_at <= ? order by sent_at",
        [iso(now - outbox_upkeep.RATE_WINDOW), iso(now)]).fetchall()
    return [t for t in (parse_iso(r[0]) for r in rows) if t is not None]


def sending_span(times: list[datetime], now: datetime) -> tuple[float, float]:
    """(seconds spent sending, seconds since the last send) over `times` (in order): the gaps
    of at most RATE_GAP between sends, and the time since the last one while it is that recent
    (the sending goes on). Pure."""
    if not times:
        return 0.0, float("inf")
    gap = RATE_GAP.total_seconds()
    steps = [(b - a).total_seconds() for a, b in zip(times, times[1:])]
    since = max(0.0, (now - times[-1]).total_seconds())
    return sum(s for s in steps if s <= gap) + (since if since <= gap else 0.0), since


def rate_line(queue: outbox_upkeep.QueueStats, times: list[datetime], now: datetime,
              lang: str, paused: bool = False) -> str | None:
    """While messages are due: the rate and the time left, or why neither is said (module
    doc); None when nothing is due or nothing went within the window. `paused`: Telegram's
    outage holds every send."""
    if not queue.due_chats:
        return None
    if paused:
        return ui(lang, "stats_rate_paused")
    if not times or not queue.chats_sent_recently:
        return None
    spent, since = sending_span(times, now)
    if since > IDLE_AFTER.total_seconds():
        return ui(lang, "stats_rate_idle", ago=_span(since, lang))
    if spent < RATE_MIN_SPAN:
        return None
    per_minute = queue.chats_sent_recently / spent * 60
    return ui(lang, "stats_rate", rate=num(max(1, round(per_minute)), lang),
              span=_span(spent, lang), left=lasted(queue.due_chats / per_minute * 60, lang))


def _span(seconds: float, lang: str) -> str:
    """«١٤ ثانية» under a minute, else bot.i18n.lasted («٣ دقائق»)."""
    return amount(round(seconds), lang, "second") if seconds < 60 else lasted(seconds, lang)


def due_line(queue: outbox_upkeep.QueueStats, lang: str) -> str:
    """«• مستحقة الآن: رسالتان (فيها ٣ أخبار)، قيد الإرسال: ٠»."""
    rows = (standing(queue.due, lang, "article") if lang == "ar"
            else counted(queue.due, lang, "story", "stories"))
    return ui(lang, "stats_queue", due_messages=standing(queue.due_chats, lang, "message"),
              due_rows=rows, sending=num(queue.sending, lang))


def waiting_line(rt: Runtime, now: datetime, queue: outbox_upkeep.QueueStats, lang: str,
                 zone: tzinfo) -> str | None:
    """When nothing is due but rows wait: what for, to how many chats, the first at what time
    in `zone` (QA75-3); None when nothing waits."""
    found: dict[str, Any] = {kind: (chats, first) for kind, chats, first in rt.db.db.execute(
        "select case when o.kind like 'daily:%' then 'daily' else 'alerts' end,"
        " count(distinct o.chat_id), min(o.not_before) from outbox o"
        " join chats c on c.id = o.chat_id where o.status = 'pending' and c.active = 1"
        " and o.not_before > ? group by 1", [iso(now)]).fetchall()}
    parts = []
    for kind in ("alerts", "daily"):  # the sooner kind first: alerts wait minutes
        if kind in found:
            chats, first = found[kind]
            when = parse_iso(first)
            at = clock_time(when.astimezone(zone), lang) if when else "—"
            parts.append(ui(lang, f"stats_wait_{kind}", chats=amount(int(chats), lang, "chat"),
                            at=at))
    if not parts:
        return None
    joined = t("stats_wait_and", lang).join(parts)
    return ui(lang, "stats_queue_waiting", waiting=joined, sending=num(queue.sending, lang))
