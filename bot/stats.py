"""/stats for admins: subscribers, chats, articles, stories, queue, last poll, delivery rate.

Delivered stories are those a chat was shown: the stories a delivered digest counted but hid
behind its «📰 اعرض الأخبار الأخرى» button (bot.courier) are marked sent in the outbox with it,
but count as delivered only once the button is pressed; until then /stats shows them on a line
of their own («behind the button»), left out of the delivery rate too (QA17 R2's follow-up).

Readers lost are said plainly (QA20 O3): the stories not delivered because Telegram refused
their chat for good (blocked, account deleted, «chat not found», the bot removed) are recorded
'skipped' with that refusal, and count as undelivered in the rate; the chats lost have a line
of their own, and «المتابعات» counts the active chats' subscriptions only, as «محادثات لها
متابعات» does. A flood-wait pause of the sender (a 429) is shown with the queue (QA20 O6)."""

from __future__ import annotations

import html
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from bot import callbacks, source_alerts, stats_lines, stats_queue, stats_warnings
from bot.admin import admin_only, answer_lang, answer_privately
from bot.i18n import amount, clock_time, num, relative_time, t
from bot.reader_clock import reader_zone
from bot.runtime import Runtime, chat_lang, runtime, ui
from digests import outbox_upkeep, story_updates, subscriptions
from digests.models import iso, parse_iso
from digests.daily_holders import STORIES_OF_O
from digests.outbox_upkeep import GONE_REASON, MERGED_REASON
from digests.push_queue import MAYBE_FAILED, MAYBE_TWICE
from digests.reader_sources import MUTED_REASON
from digests.storage import Database
from digests.story_updates import REPEAT_REASON

# Skips that lose no reader: the chat had the story another way, the page is gone, or the
# chat muted the source after the row was queued (X61). Any
# other skipped row is a delivery a refusal for good cancelled
# (digests.outbox_states.deactivate_chat).
HARMLESS_SKIPS = (GONE_REASON, MERGED_REASON, REPEAT_REASON, MUTED_REASON)
SAME_STORY_SKIP = "%the chat already has this story%"  # digests.retries' follow-up of a story

def lost_deliveries(db: Database, since: str) -> int:
    """Outbox rows skipped since `since` because Telegram refused their chat for good."""
    marks = ",".join("?" * len(HARMLESS_SKIPS))
    # a daily digest's row counts its stories (digests.daily_rows)
    row = db.db.execute(
        f"select sum({STORIES_OF_O}) from outbox o where o.status = 'skipped' and o.sent_at >= ?"
        f" and coalesce(last_error, '') not in ({marks}) and coalesce(last_error, '') not like ?",
        [since, *HARMLESS_SKIPS, SAME_STORY_SKIP]).fetchone()
    return int(row[0] or 0)


def paused_seconds(rt: Runtime) -> int:
    """Seconds the sender still holds every send after Telegram's 429 (0: not paused)."""
    limiter = getattr(rt.sender, "limiter", None)
    backoff: Any = getattr(getattr(rt.sender, "courier", None), "backoff", None)
    if backoff is not None and backoff.outage() is not None:
        return 0  # a pause for Telegram's outage, not a 429: bot.stats_warnings says it
    return round(limiter.paused_for()) if limiter is not None else 0


def percent(n: int, lang: str) -> str:
    """«١٠٠٪» in Arabic (Arabic-Indic digits, the Arabic percent sign), "100%" in English."""
    return f"{num(n, lang)}٪" if lang == "ar" else f"{n}%"


def stats_values(rt: Runtime, lang: str, zone: tzinfo | None = None) -> dict[str, str]:
    """The figures /stats shows, formatted for `lang`; a date in the admin's `zone` (X56: the
    last poll a week or more ago is dated by their day, not UTC's)."""
    now = rt.now()
    since = iso(now - timedelta(days=1))
    chats = subscriptions.stats(rt.db, since)
    queue = outbox_upkeep.queue_stats(rt.db, now)
    sql = rt.db.db
    articles = sql.execute("select count(*) from articles").fetchone()[0]
    stories = sql.execute("select count(*) from stories").fetchone()[0]
    last = sql.execute("select max(coalesce(finished_at, started_at)) from polls").fetchone()[0]
    # a daily digest's row counts its stories (digests.daily_rows); a row failed for good after
    # a send that went out unanswered may have reached its chat: neither sent nor failed (X136)
    sent, failed, maybe = sql.execute(
        f"select coalesce(sum(case when o.status = 'sent' then {STORIES_OF_O} end), 0),"
        f" coalesce(sum(case when o.status = 'failed' and not {MAYBE_FAILED}"
        f" then {STORIES_OF_O} end), 0),"
        f" coalesce(sum(case when {MAYBE_FAILED} then {STORIES_OF_O} end), 0)"
        " from outbox o where o.sent_at >= ?", [*MAYBE_TWICE, *MAYBE_TWICE, since]).fetchone()
    behind = behind_buttons(rt.db, since)
    # updates recorded skipped as repeats of another story the chat had (QA19 N3, X24)
    repeats = story_updates.repeats_skipped(sql, now - timedelta(days=1))
    sent = int(sent) - behind  # delivered: shown, or sent when their button was pressed
    lost = lost_deliveries(rt.db, since or "")
    missed = int(failed) + lost  # a story a lost chat never got was not delivered (QA20 O3)
    # floor, not round: 2,999 of 3,000 is not «100%»
    rate = percent(100 * sent // (sent + missed), lang) if sent + missed else "—"
    paused = paused_seconds(rt)
    return {
        "subscribers": num(chats.subscribers, lang), "active": num(chats.active_chats, lang),
        "subscriptions": num(chats.subscriptions, lang), "articles": num(articles, lang),
        "stories": num(stories, lang), "pending": num(queue.pending, lang),
        "last_poll": relative_time(parse_iso(last), now.astimezone(zone) if zone else now,
                                   lang) if last else t("never", lang),
        # a lost chat's stories failed too, as in the /push report (QA62-3)
        "sent": num(sent, lang), "failed": num(missed, lang), "rate": rate,
        "behind": num(behind, lang) if behind else "",
        "repeats": num(repeats, lang) if repeats else "",
        "maybe": num(int(maybe), lang) if maybe else "",
        "lost_chats": num(chats.lost_chats, lang) if chats.lost_chats else "",
        "lost_recent": num(chats.lost_recently, lang),
        "lost_subscriptions": num(chats.lost_subscriptions, lang),
        "undelivered": num(lost, lang) if lost else "",
        "paused": amount(paused, lang, "second") if paused else "",  # «٥ ثوانٍ» (QA56-7)
        "due": num(queue.due, lang), "sending": num(queue.sending, lang),
    }


def queue_lines(rt: Runtime, lang: str, zone: tzinfo | None) -> list[str]:
    """The due line (or, nothing due, what waits and for what) and the sending rate
    (bot.stats_queue; QA72-6, QA75-2/3). The rate is not said while Telegram's outage pauses
    every send: the line says paused (its ⚠️ warning follows)."""
    now = rt.now()
    queue = outbox_upkeep.queue_stats(rt.db, now)
    if not queue.due_chats:
        waiting = stats_queue.waiting_line(rt, now, queue, lang, zone or timezone.utc)
        return [waiting or stats_queue.due_line(queue, lang)]
    backoff: Any = getattr(getattr(rt.sender, "courier", None), "backoff", None)
    outage = backoff is not None and backoff.outage() is not None
    rate = stats_queue.rate_line(queue, stats_queue.sending_times(rt, now), now, lang, outage)
    return [stats_queue.due_line(queue, lang), *([rate] if rate else [])]


def behind_buttons(db: Database, since: str | None) -> int:
    """Outbox rows marked sent since `since` whose story a delivered digest counted but did not
    show, behind a «more» button nobody has pressed yet (bot.courier; once pressed its action
    is `more_stories:done`, bot.callbacks.take, and those stories count as delivered). Each
    row is counted once, and a row one pressed button sent is delivered whatever other button
    names it (a digest re-sent after a «maybe sent» timeout carries a button of its own; a
    button that never went is deleted by the courier)."""
    found = db.db.execute(
        "select count(distinct o.id) from callbacks c, json_each(c.payload, '$.articles') j"
        " join outbox o on o.chat_id = c.chat_id and o.article_id = j.value"
        " where c.action = ? and o.status = 'sent' and o.sent_at >= ?"
        " and not exists (select 1 from callbacks d, json_each(d.payload, '$.articles') k"
        " where d.chat_id = o.chat_id and d.action = ? and k.value = o.article_id)",
        [callbacks.MORE_STORIES, since, f"{callbacks.MORE_STORIES}:done"]).fetchone()
    # a daily digest's items behind its button (digests.daily_rows), each once
    items = db.db.execute(
        "select count(distinct c.chat_id || ':' || j.value)"
        " from callbacks c, json_each(c.payload, '$.articles') j"
        " where c.action = ? and exists (select 1 from outbox d, json_each(d.items) k"
        " where d.chat_id = c.chat_id and d.story_id = 0 and d.status = 'sent'"
        " and d.sent_at >= ? and json_extract(k.value, '$[1]') = j.value"
        " and json_extract(k.value, '$[2]') is null)"
        " and not exists (select 1 from callbacks e, json_each(e.payload, '$.articles') m"
        " where e.chat_id = c.chat_id and e.action = ? and m.value = j.value)",
        [callbacks.MORE_STORIES, since, f"{callbacks.MORE_STORIES}:done"]).fetchone()
    return int(found[0] or 0) + int(items[0] or 0)


@admin_only
async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stats: subscribers, chats, articles, stories, queue, last poll, delivery rate."""
    rt = runtime(context)
    lang = answer_lang(rt, update)  # the admin's own (QA49 M6)
    chat = update.effective_chat
    zone = reader_zone(rt.db.db, chat.id) if chat else None
    values = stats_values(rt, lang, zone)
    text = ui(lang, "stats", **values)
    if values["behind"]:  # said only when there are some: a pressed button is delivered
        text += "\n" + ui(lang, "stats_behind_button", behind=values["behind"])
    if values["repeats"]:  # said only when some updates were skipped as repeats
        text += "\n" + ui(lang, "stats_repeats", count=values["repeats"])
    if values["maybe"]:  # not in «failed» nor in the rate (X136)
        text += "\n" + ui(lang, "stats_maybe", count=values["maybe"])
    if values["undelivered"]:
        text += "\n" + ui(lang, "stats_undelivered", count=values["undelivered"])
    if values["lost_chats"]:
        text += "\n" + ui(lang, "stats_lost", chats=values["lost_chats"],
                          recent=values["lost_recent"],
                          subscriptions=values["lost_subscriptions"])
    if values["paused"]:  # Telegram's flood wait holds every send (QA20 O6)
        text += "\n" + ui(lang, "stats_paused", seconds=values["paused"], due=values["due"],
                          sending=values["sending"])
    elif values["pending"] != num(0, lang):
        for line in queue_lines(rt, lang, zone):
            text += "\n" + line
    checked = rt.db.file_check  # the start's whole-file check (QA22 U7), bilingual
    if checked is not None and checked.state == "damaged":
        text += "\n⚠️ " + html.escape(checked.line(rt.db.path))
    # a full disk, a wrong clock (QA27 D8): said here, not only in the log
    message = update.effective_message  # an edited /stats: Telegram's date of the edit
    dated = (message.edit_date or message.date) if message else None
    for warning in stats_warnings.gather(rt, dated):
        text += "\n" + warning.text(lang, zone)  # the footer's zone (QA66-3)
    down = source_alerts.stats_line(rt.db, lang)  # QA35 L1: failing sources, not only in /sources
    if down is not None:
        text += "\n" + down
    # QA40 N3/N12: sources a clock set back held, the last story sent, the oldest delivery due
    asker = update.effective_user or update.effective_chat  # answered in the admin's own chat
    for line in stats_lines.lines(rt, asker.id if asker else 0, lang):
        text += "\n" + line
    text += "\n" + as_of_line(rt.now(), zone, lang)
    await answer_privately(update, context, [text])  # not posted in a group (QA20 O7)


# QA43 C3: a /stats asked during a 429 wait was delivered 2 minutes late, after the push's
# «finished» report, still saying 1,040 in the queue: the figures now say when they were taken.
def as_of_line(now: datetime, zone: tzinfo | None, lang: str) -> str:
    """The last line of /stats: when its figures were taken, in the admin's zone, named."""
    zone = zone or timezone.utc
    # the hour as every other hour of the bot («٥:٢٢», not «05:22»), the zone as the quiet
    # hours' note names it: «بالتوقيت العالمي (UTC)», not «(بتوقيت التوقيت العالمي (UTC))» (QA67-6)
    return t("stats_as_of", lang, when=clock_time(now.astimezone(zone), lang),
             zone=source_alerts.zone_said(zone, now, lang))
