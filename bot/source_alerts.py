"""Failing sources told to the admins: once when a source has failed SOURCE_ALERT_HOURS, once
when it recovers (QA35 L1).

An operator who leaves the bot running does not type /sources every day: BBC dead three days and
france24 ten went unreported, noticed by readers first. After each scheduled poll `tell_admins`
looks at the sources: one failing for SOURCE_ALERT_HOURS or more (counted from its last success,
or from when it was added if it never worked) and not told yet gets one message to every admin
(ADMIN_IDS) naming it, since when, its last error in plain words (bot.reasons) and what to do;
one that works again after being told gets one more. What was told is stored in the `meta`
table (`source_alert:<id>` → the ISO time the failure began), so a restart neither repeats nor
forgets it, and a poll never says it twice. A source removed or paused meanwhile is forgotten
without a word.

Each admin reads it in their language: Arabic first with the English below it, English alone
for an admin whose chat language is English. /stats counts the failing sources
(`failing_warning`, bot.stats_warnings).

X56: sources that pass the threshold in the same look (QA41 T11: the bot's own network down, 12
sources at once → 12 notices, then 12 recoveries) are told in one message, and so are the ones
that recover together. Times are in the admin's own zone (bot.reader_clock), the zone named once,
and a notice says when the source is tried next (QA41 T9: a failing source is backed off up to
6 h, so its recovery is seen only then). `tell_admins` also runs after an admin's /ingest (one at
a time per process, so a scheduled poll's look beside it never tells a change twice); a
`run.py ingest` in another process changes the same sources' rows, and the bot's next look tells
what changed, once.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

from telegram.constants import ParseMode
from telegram.error import NetworkError, RetryAfter, TelegramError

from bot.i18n import clock_time, counted, format_date, lang_of, num, relative_time, t
from bot.reader_clock import reader_zone
from bot.reasons import reason_text
from bot.runtime import Runtime, ui
from bot.story_sites import sites_label  # a count of sources, as the story blocks say it
from bot.zones import zone_words
from digests import meta_values, subscriptions
from digests.models import Source, iso, parse_iso
from digests.sources import list_sources, source_from_row
from digests.storage import Database

log = logging.getLogger(__name__)

KEY = "source_alert:"  # meta key prefix: source id → when its failure began (ISO)
STATS_NAMES = 3  # failing sources named in /stats (the rest: /sources)


# A failure first seen this long after the last success was not polled in between: the bot
# was stopped (a night, a move) or the source not due (QA77-3: «يتعثر … منذ يوم» for an outage
# that began at the first poll after a stopped night)
GAP = timedelta(hours=2)


@dataclass(frozen=True)
class Down:
    """A failing source, its last success (else when it was added), and its first failed poll:
    the first poll after that success (`polls`), which is when the outage is known to begin."""

    source: Source
    since: datetime
    failed_from: datetime | None = None

    @property
    def began(self) -> datetime:
        """When the outage began: the first failed poll, else the last success."""
        return self.failed_from or self.since

    @property
    def unpolled(self) -> bool:
        """Whether nothing was polled for a long time between the last success and the first
        failure (the bot stopped), so the last success says nothing of the outage."""
        return self.failed_from is not None and self.failed_from - self.since >= GAP


def failing(db: Database) -> list[Down]:
    """Every active source whose last poll failed, with its last success and first failure."""
    found = []
    for row in db.db.query("select * from sources where active = 1 and consecutive_failures > 0"
                           " order by id"):
        source = source_from_row(row)
        since = source.last_success_at or parse_iso(row["added_at"])
        if since is not None:
            first = db.db.execute("select min(started_at) from polls where started_at > ?",
                                  [iso(since)]).fetchone()
            found.append(Down(source, since, parse_iso(first[0]) if first and first[0]
                              else None))
    return found


def told(db: Database) -> dict[int, datetime]:
    """Sources whose failure the admins were told of: id → when it began."""
    found = {}
    for key, value in meta_values.items(db, KEY):
        when = parse_iso(value)
        if key[len(KEY):].isdigit() and when is not None:
            found[int(key[len(KEY):])] = when
    return found


def _remember(db: Database, told_now: dict[int, datetime | None]) -> None:
    """Store what was just told (source id → when its failure began; None: forget it)."""
    with db.transaction() as sql:
        for source_id, since in told_now.items():
            if since is None:
                meta_values.delete(sql, f"{KEY}{source_id}")
            else:
                meta_values.put(sql, f"{KEY}{source_id}", since.isoformat())


def zone_said(zone: tzinfo, now: datetime, lang: str) -> str:
    """An admin's zone said after an hour, as every hour of the bot says it
    (bot.zones.zone_words): «بتوقيت السعودية (UTC+3)», «بالتوقيت العالمي (UTC)» / "Saudi Arabia
    time (UTC+3)", "UTC" — not «(بتوقيت التوقيت العالمي (UTC))» nor «(السعودية (UTC+3))»,
    brackets in brackets at the far left of a right-to-left line (QA67-6/-12)."""
    offset = now.astimezone(zone).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    key = "UTC" if zone is timezone.utc else getattr(zone, "key", None)
    return zone_words(minutes, lang, key)


def _clock(when: datetime, zone: tzinfo, lang: str = "ar") -> str:
    """A time in `zone`, its month in full: «٨ مارس ٢٠١٨ الساعة ١٠:٠٠» in Arabic digits, as the
    other Arabic times are shown (X87: it read «2018-03-08 10:00», Latin and ISO), "8 March 2018
    10:00" in English (X61)."""
    local = when.astimezone(zone)
    return t("source_clock", lang, date=format_date(local, lang), clock=clock_time(local, lang))


def down_text(down: Down, now: datetime, lang: str, zone: tzinfo = timezone.utc) -> str:
    """The failure notice in `lang`, as Telegram HTML; times in `zone`, named once."""
    s = down.source
    local_now = now.astimezone(zone)
    text = ui(lang, "source_down_alert", name=s.name, id=s.id, number=num(s.id, lang),
              since=relative_time(down.since, local_now, lang),
              when=f"{_clock(down.since, zone, lang)} {zone_said(zone, now, lang)}",
              failures=counted(s.consecutive_failures, lang, "failure", "failures"),
              error=reason_text(s.last_error_why, lang))
    if down.unpolled and down.failed_from is not None:  # QA77-3: not down since then
        text += "\n" + ui(lang, "source_down_unpolled",
                          first=relative_time(down.failed_from, local_now, lang))
    if s.next_poll_at is not None and s.next_poll_at > now:
        text += "\n" + ui(lang, "source_next_try", when=_clock(s.next_poll_at, zone, lang))
    return text


def down_group_text(downs: Sequence[Down], now: datetime, lang: str,
                    zone: tzinfo = timezone.utc) -> str:
    """One notice for several sources failing at once (QA41 T11), as Telegram HTML."""
    local_now = now.astimezone(zone)
    # plain text: `ui` below escapes it once (lines made by `ui` were escaped twice: «&amp;amp;»)
    lines = "\n".join(t("source_down_item", lang, name=d.source.name, number=num(d.source.id, lang),
                        since=relative_time(d.since, local_now, lang),
                        error=reason_text(d.source.last_error_why, lang)) for d in downs)
    text = ui(lang, "source_down_group", count=sites_label(len(downs), lang), lines=lines)
    tries = [d.source.next_poll_at for d in downs
             if d.source.next_poll_at is not None and d.source.next_poll_at > now]
    if tries:
        text += "\n" + ui(lang, "source_next_try_zone", when=_clock(min(tries), zone, lang),
                          zone=zone_said(zone, now, lang))
    return text


def back_text(source: Source, since: datetime, now: datetime, lang: str,
              zone: tzinfo = timezone.utc) -> str:
    """The recovery notice in `lang`, as Telegram HTML."""
    return ui(lang, "source_back_alert", name=source.name, id=source.id,
              number=num(source.id, lang),
              since=relative_time(since, now.astimezone(zone), lang))


def back_group_text(sources: Sequence[Source], lang: str) -> str:
    """One notice for several sources back at once (QA41 T11), as Telegram HTML."""
    sep = "، " if lang == "ar" else ", "
    return ui(lang, "source_back_group", count=sites_label(len(sources), lang),
              names=sep.join(f"«{s.name}»" for s in sources))


def admin_lang(db: Database, admin_id: int, default: str) -> str:
    """An admin's chat language: their stored choice ('ar' or 'en'); when none is stored,
    DEFAULT_LANGUAGE 'en', else "" (not known: `both` says both)."""
    chat = subscriptions.get_chat(db, admin_id)
    stored = chat.language if chat else None
    if stored in ("ar", "en"):
        return stored
    return "en" if lang_of(None, None, default) == "en" else ""


def both(text: Any, lang: str) -> str:
    """The notice in the admin's language when it is known ('ar' or 'en'); Arabic first with
    the English below when it is not. X84: an admin whose chat is Arabic got the whole English
    paragraph under it too, as QA56-6 found of the held-chat notice (bot.chat_holds.both)."""
    return text(lang) if lang in ("ar", "en") else f"{text('ar')}\n\n{text('en')}"


Text = Callable[[str, tzinfo], str]  # (language, the admin's zone) → the notice


async def _send_all(rt: Runtime, bot: Any, text: Text) -> bool:
    """Send to every admin, in their language and zone; False only when every send failed for
    a passing reason (the network, a flood wait: tried again after the next poll)."""
    passing = 0
    for admin in sorted(rt.settings.admin_ids):
        lang = admin_lang(rt.db, admin, rt.settings.default_language)
        zone = reader_zone(rt.db.db, admin)
        try:
            await bot.send_message(admin, both(lambda lg: text(lg, zone), lang),
                                   parse_mode=ParseMode.HTML, disable_web_page_preview=True)
        except (RetryAfter, NetworkError) as exc:
            passing += 1
            log.warning("source alert not sent admin=%s error=%s", admin, exc)
        except TelegramError as exc:  # the admin never opened the chat: not tried again
            log.warning("source alert refused admin=%s error=%s", admin, exc)
    return passing < len(rt.settings.admin_ids) or not rt.settings.admin_ids


_LOCKS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = \
    weakref.WeakKeyDictionary()


def _lock() -> asyncio.Lock:
    """One look at a time in this event loop: a /ingest's and a scheduled poll's side by side
    would both see a change as untold and tell it twice."""
    loop = asyncio.get_running_loop()
    lock = _LOCKS.get(loop)
    if lock is None:
        lock = _LOCKS[loop] = asyncio.Lock()
    return lock


async def tell_admins(rt: Runtime, bot: Any) -> int:
    """Tell the admins of sources newly failing past SOURCE_ALERT_HOURS and of told ones that
    recovered, those of one look in one message each way; returns how many messages went."""
    async with _lock():
        return await _tell(rt, bot)


async def after_poll(rt: Runtime, bot: Any) -> None:
    """`tell_admins` after a poll (scheduled or an admin's /ingest); a notice is never worth
    the poll: a failure here is logged and told at the next look."""
    try:
        await tell_admins(rt, bot)
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("source alerts failed")


async def _tell(rt: Runtime, bot: Any) -> int:
    now = rt.now()
    threshold = timedelta(hours=rt.settings.source_alert_hours)
    down = {d.source.id: d for d in failing(rt.db)}
    said = told(rt.db)
    sent = 0
    new = [d for source_id, d in down.items()
           if source_id not in said and now - d.since >= threshold]
    if new:
        first = new[0]
        text: Text = (lambda lang, zone: down_text(first, now, lang, zone)) if len(new) == 1 \
            else (lambda lang, zone: down_group_text(new, now, lang, zone))
        if await _send_all(rt, bot, text):
            # the recovery says «بعد عطل بدأ …» from the first failed poll (QA77-3)
            _remember(rt.db, {d.source.id: d.began for d in new})
            sent += 1
            for d in new:
                log.warning("source failing told to admins source=%s since=%s failures=%d"
                            " together=%d", d.source.id, d.since.isoformat(),
                            d.source.consecutive_failures, len(new))
    active = {s.id: s for s in list_sources(rt.db)}
    back: list[tuple[Source, datetime]] = []
    gone: dict[int, datetime | None] = {}
    for source_id, since in said.items():
        if source_id in down:
            continue
        source = active.get(source_id)
        if source is None:  # removed or paused meanwhile: nothing to tell
            gone[source_id] = None
        else:
            back.append((source, since))
    if gone:
        _remember(rt.db, gone)
    if back:
        one, began = back[0]
        text = (lambda lang, zone: back_text(one, began, now, lang, zone)) if len(back) == 1 \
            else (lambda lang, zone: back_group_text([s for s, _ in back], lang))
        if await _send_all(rt, bot, text):
            _remember(rt.db, {s.id: None for s, _ in back})
            sent += 1
            for s, since in back:
                log.info("source recovery told to admins source=%s since=%s together=%d",
                         s.id, since.isoformat(), len(back))
    return sent


def stats_line(db: Database, lang: str) -> str | None:
    """/stats' ⚠️ lines when any source is failing: how many, the first names, where to look.
    A source whose last poll alone failed is not «stopped» (QA40 N8: one timeout read
    «٢ مصادر متوقفة»): those are told apart, as failed once and retried by themselves."""
    every = failing(db)
    if not every:
        return None
    sep = "، " if lang == "ar" else ", "
    lines = []
    down = [d for d in every if d.source.consecutive_failures > 1]
    if down:
        n = len(down)
        key = "stats_sources_down_one" if n == 1 else "stats_sources_down_few" \
            if n <= 10 else "stats_sources_down_many"
        lines.append(ui(lang, key, n=num(n, lang),
                        names=sep.join(d.source.name for d in down[:STATS_NAMES])))
    once = [d for d in every if d.source.consecutive_failures <= 1]
    if once:
        n = len(once)
        more = "…" if n > STATS_NAMES else ""
        lines.append(ui(lang, "stats_sources_failed_once" if n == 1
                        else "stats_sources_failed_once_some", n=num(n, lang),
                        names=sep.join(d.source.name for d in once[:STATS_NAMES]) + more))
    return "\n".join(lines)
