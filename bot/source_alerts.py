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
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from telegram.constants import ParseMode
from telegram.error import NetworkError, RetryAfter, TelegramError

from bot.i18n import lang_of, num, relative_time
from bot.reasons import reason_text
from bot.runtime import Runtime, ui
from digests import subscriptions
from digests.models import Source, parse_iso
from digests.sources import list_sources, source_from_row
from digests.storage import Database

log = logging.getLogger(__name__)

KEY = "source_alert:"  # meta key prefix: source id → when its failure began (ISO)
STATS_NAMES = 3  # failing sources named in /stats (the rest: /sources)


@dataclass(frozen=True)
class Down:
    """A failing source and when its failure began (its last success, else when it was added)."""

    source: Source
    since: datetime


def failing(db: Database) -> list[Down]:
    """Every active source whose last poll failed, with when its failure began."""
    found = []
    for row in db.db.query("select * from sources where active = 1 and consecutive_failures > 0"
                           " order by id"):
        source = source_from_row(row)
        since = source.last_success_at or parse_iso(row["added_at"])
        if since is not None:
            found.append(Down(source, since))
    return found


def told(db: Database) -> dict[int, datetime]:
    """Sources whose failure the admins were told of: id → when it began."""
    rows = db.db.execute("select key, value from meta where key like ?", [KEY + "%"]).fetchall()
    found = {}
    for key, value in rows:
        when = parse_iso(value)
        if key[len(KEY):].isdigit() and when is not None:
            found[int(key[len(KEY):])] = when
    return found


def _remember(db: Database, source_id: int, since: datetime | None) -> None:
    with db.transaction() as sql:
        if since is None:
            sql.execute("delete from meta where key = ?", [f"{KEY}{source_id}"])
        else:
            sql.execute("insert or replace into meta (key, value) values (?, ?)",
                        [f"{KEY}{source_id}", since.isoformat()])


def down_text(down: Down, now: datetime, lang: str) -> str:
    """The failure notice in `lang`, as Telegram HTML."""
    s = down.source
    return ui(lang, "source_down_alert", name=s.name, id=s.id, number=num(s.id, lang),
              since=relative_time(down.since, now, lang), when=down.since.strftime(
                  "%Y-%m-%d %H:%M UTC"), failures=num(s.consecutive_failures, lang),
              error=reason_text(s.last_error_why, lang))


def back_text(source: Source, since: datetime, now: datetime, lang: str) -> str:
    """The recovery notice in `lang`, as Telegram HTML."""
    return ui(lang, "source_back_alert", name=source.name, id=source.id,
              number=num(source.id, lang),
              since=relative_time(since, now, lang))


def admin_lang(db: Database, admin_id: int, default: str) -> str:
    """An admin's chat language: their stored choice, else DEFAULT_LANGUAGE."""
    chat = subscriptions.get_chat(db, admin_id)
    return lang_of(None, chat.language if chat else None, default)


def both(text: Any, lang: str) -> str:
    """Arabic first with the English below, or English alone for an English-speaking admin."""
    return text("en") if lang == "en" else f"{text('ar')}\n\n{text('en')}"


async def _send_all(rt: Runtime, bot: Any, text: Any) -> bool:
    """Send to every admin; False only when every send failed for a passing reason (the
    network, a flood wait: tried again after the next poll)."""
    passing = 0
    for admin in sorted(rt.settings.admin_ids):
        lang = admin_lang(rt.db, admin, rt.settings.default_language)
        try:
            await bot.send_message(admin, both(text, lang), parse_mode=ParseMode.HTML,
                                   disable_web_page_preview=True)
        except (RetryAfter, NetworkError) as exc:
            passing += 1
            log.warning("source alert not sent admin=%s error=%s", admin, exc)
        except TelegramError as exc:  # the admin never opened the chat: not tried again
            log.warning("source alert refused admin=%s error=%s", admin, exc)
    return passing < len(rt.settings.admin_ids) or not rt.settings.admin_ids


async def tell_admins(rt: Runtime, bot: Any) -> int:
    """Tell the admins of sources newly failing past SOURCE_ALERT_HOURS and of told ones that
    recovered; returns how many notices went out."""
    now = rt.now()
    threshold = timedelta(hours=rt.settings.source_alert_hours)
    down = {d.source.id: d for d in failing(rt.db)}
    said = told(rt.db)
    sent = 0
    for source_id, down_item in down.items():
        if source_id in said or now - down_item.since < threshold:
            continue
        if await _send_all(rt, bot, lambda lang, d=down_item: down_text(d, now, lang)):
            _remember(rt.db, source_id, down_item.since)
            sent += 1
            log.warning("source failing told to admins source=%s since=%s failures=%d",
                        source_id, down_item.since.isoformat(),
                        down_item.source.consecutive_failures)
    active = {s.id: s for s in list_sources(rt.db)}
    for source_id, since in said.items():
        if source_id in down:
            continue
        source = active.get(source_id)
        if source is None:  # removed or paused meanwhile: nothing to tell
            _remember(rt.db, source_id, None)
            continue
        if await _send_all(rt, bot, lambda lang, s=source, b=since: back_text(s, b, now, lang)):
            _remember(rt.db, source_id, None)
            sent += 1
            log.info("source recovery told to admins source=%s since=%s", source_id,
                     since.isoformat())
    return sent


def stats_line(db: Database, lang: str) -> str | None:
    """/stats' ⚠️ line when any source is failing: how many, the first names, where to look."""
    down = failing(db)
    if not down:
        return None
    names = "، ".join(d.source.name for d in down[:STATS_NAMES]) if lang == "ar" else \
        ", ".join(d.source.name for d in down[:STATS_NAMES])
    n = len(down)
    key = "stats_sources_down_one" if n == 1 else "stats_sources_down_few" \
        if n <= 10 else "stats_sources_down_many"
    return ui(lang, key, n=num(n, lang), names=names)
