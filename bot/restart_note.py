"""The admins told at start-up that the last run ended in the middle of a broadcast (QA53 S5).

A process killed hard (SIGKILL, the power, an OOM kill) while bundles were on the wire leaves
their outbox rows 'sending'; the next start sends them again (bot.sender.recover: at least once,
at most the bundles in flight repeated: the README's delivery table). QA53 saw one reader get
the same 3-story bundle twice and the admins hear nothing: the only trace was a log line.

`in_flight` reads (no write) how many rows and chats a run left 'sending'; bot.db_alerts.watch
calls it before the sender's first pass recovers them, and the admins get one message. A
graceful stop leaves no such rows (it waits for the sends on the wire), so nothing is said then.

`drop_late` (QA66-2) runs first: a bot back after a long stop (or a restore with --resend) had
rows weeks past due, sent headed «📰 جديد»; those more than a day late are skipped by the one
rule for late rows (digests.late_rows, as a held chat's are), and the admins told how many.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from html import escape

from digests.late_rows import LATE_REASON, skip_late, was_down
from digests.storage import Database, DatabaseFault

log = logging.getLogger("bot.app")


@dataclass(frozen=True)
class InFlight:
    """Rows a previous run left 'sending', and their chats."""

    rows: int
    chats: int


def in_flight(db: Database) -> InFlight:
    """What the last run left on the wire (read only; 0 rows after a graceful stop)."""
    # a daily digest's row counts its stories (digests.daily_rows), as its rows did
    row = db.db.execute("select count(*), count(distinct o.chat_id) from outbox o"
                        " left join json_each(o.items) j where o.status = 'sending'"
                        " and (o.items is null or (j.value is not null"
                        " and json_extract(j.value, '$[2]') is null))").fetchone()
    return InFlight(int(row[0]), int(row[1]))


def text(left: InFlight, lang: str = "") -> str:
    """The admins' message in `lang` ('ar' or 'en': the language the bot speaks in the admin's
    private chat), Arabic first then English when it is not known (bot.texts_alerts;
    HTML-escaped). QA62-6: an Arabic admin got both, and «20 articles» beside «stories»."""
    from bot.i18n import standing, t

    # QA72-6: what may arrive twice is a message (the sender has one bundle a chat on the wire),
    # not each of its rows: 6 daily digests of ~50 stories read «٣٢٧ خبرًا … قد يصل مرتين».
    # X125 (QA75-3): the count stands after «:» («رسالتان», not «رسالتين»), and «رسالة لكل
    # محادثة» is said of several messages only
    key = "restart_mid_broadcast_one" if left.chats == 1 else "restart_mid_broadcast"
    return "\n\n".join(
        escape(t(key, lg, messages=standing(left.chats, lg, "message"),
                 rows=_stories(left.rows, lg)), quote=False)
        for lg in ((lang,) if lang in ("ar", "en") else ("ar", "en")))


def _stories(n: int, lang: str) -> str:
    """«خبر واحد», «خبران», «٥ أخبار» / "1 story", "5 stories" (QA66-8: a bare «خبر»)."""
    from bot.i18n import amount, counted, t

    if lang != "ar":
        return counted(n, lang, "story", "stories")
    if n in (1, 2):  # the nominative: «خبر واحد … كان», «خبران»
        return t("restart_one_story" if n == 1 else "restart_two_stories", lang)
    return amount(n, lang, "article")


def drop_late(db: Database, now: datetime) -> InFlight | None:
    """After a long stop (`was_down`: nothing delivered for more than a day), skip the rows
    waiting (or left 'sending') more than a day past due, in the
    active chats (a held chat's rows wait for its return: bot.hold_resumption); the
    count and its chats, None when there were none (or the write failed: logged, the start
    goes on, and the rows wait for the next start)."""
    try:
        with db.transaction() as tx:
            if not was_down(tx, now):  # delivered within the day: not back from a long stop
                return None
            rows, chats = skip_late(tx, now, LATE_REASON, statuses=("pending", "sending"),
                                    active_only=True)  # a held chat's wait is its own
    except Exception:  # a locked or damaged file: the database alert tells that
        log.warning("late deliveries not dropped at start", exc_info=True)
        return None
    if not rows:
        return None
    log.warning("deliveries more than a day past due dropped at start rows=%d chats=%d (the bot"
                " was down; not sent as new: admins told)", rows, chats)
    return InFlight(rows, chats)


def late_text(late: InFlight, lang: str = "") -> str:
    """The admins' message on the rows `drop_late` skipped, in `lang` as `text`."""
    from bot.i18n import amount, counted, num, t

    return "\n\n".join(
        escape(t("restart_late_dropped", lg, rows=amount(late.rows, lg, "article") if lg == "ar"
                 else counted(late.rows, lg, "story", "stories"),
                 chats=num(late.chats, lg)), quote=False)
        for lg in ((lang,) if lang in ("ar", "en") else ("ar", "en")))


def admin_language(db: Database, admin: int) -> str:
    """The language stored for the admin's private chat, or "" (never wrote to the bot)."""
    row = db.db.execute("select language from chats where id = ? and type = 'private'",
                        [admin]).fetchone()
    return str(row[0]) if row and row[0] in ("ar", "en") else ""


def note(db: Database) -> InFlight | None:
    """What to tell the admins (`text`, in each one's language), or None when the last run
    ended cleanly (or the read failed: the watch must start whatever the database does)."""
    try:
        left = in_flight(db)
    except DatabaseFault as exc:  # a locked or damaged file: the database alert tells that
        log.warning("in-flight rows not read at start error=%s", exc)
        return None
    except Exception:  # a bug: no note this start, and a traceback to find it by (QA73-5)
        log.exception("in-flight rows not read at start")
        return None
    if not left.rows:
        return None
    log.warning("the last run stopped mid-broadcast rows=%d chats=%d: sent again (admins told)",
                left.rows, left.chats)
    return left
