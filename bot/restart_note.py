"""The admins told at start-up that the last run ended in the middle of a broadcast (QA53 S5).

A process killed hard (SIGKILL, the power, an OOM kill) while bundles were on the wire leaves
their outbox rows 'sending'; the next start sends them again (bot.sender.recover: at least once,
at most the bundles in flight repeated: the README's delivery table). QA53 saw one reader get
the same 3-story bundle twice and the admins hear nothing: the only trace was a log line.

`in_flight` reads (no write) how many rows and chats a run left 'sending'; bot.db_alerts.watch
calls it before the sender's first pass recovers them, and the admins get one message. A
graceful stop leaves no such rows (it waits for the sends on the wire), so nothing is said then.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from html import escape

from digests.storage import Database

log = logging.getLogger("bot.app")


@dataclass(frozen=True)
class InFlight:
    """Rows a previous run left 'sending', and their chats."""

    rows: int
    chats: int


def in_flight(db: Database) -> InFlight:
    """What the last run left on the wire (read only; 0 rows after a graceful stop)."""
    row = db.db.execute("select count(*), count(distinct chat_id) from outbox"
                        " where status = 'sending'").fetchone()
    return InFlight(int(row[0]), int(row[1]))


def text(left: InFlight, lang: str = "") -> str:
    """The admins' message in `lang` ('ar' or 'en': the language the bot speaks in the admin's
    private chat), Arabic first then English when it is not known (bot.texts_alerts;
    HTML-escaped). QA62-6: an Arabic admin got both, and «20 articles» beside «stories»."""
    from bot.i18n import amount, counted, num, t

    return "\n\n".join(
        escape(t("restart_mid_broadcast", lg, rows=amount(left.rows, lg, "article") if lg == "ar"
                 else counted(left.rows, lg, "story", "stories"),
                 chats=num(left.chats, lg)), quote=False)
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
    except Exception:  # a locked or damaged file: the database alert tells that
        log.debug("in-flight rows not read at start", exc_info=True)
        return None
    if not left.rows:
        return None
    log.warning("the last run stopped mid-broadcast rows=%d chats=%d: sent again (admins told)",
                left.rows, left.chats)
    return left
