"""A held chat that removed the bot long ago stops waiting (X74 item 3).

bot.chat_holds keeps a removed channel's or group's news pending so that, added again, it gets
them (X71). Nothing ended a hold: a group that kicked the bot a year ago still had its queue
pending and was still named in /stats' «⏸ موقوفة» line. Now a chat held because the bot is no
longer in it (kicked, left, «bot is not a member») for more than Settings.held_chat_days
(HELD_CHAT_DAYS, 30) *expires*:

- its pending rows end 'skipped' with the reason «held: expired»;
- its reason becomes «held expired: <reason>»: still inactive and still counted among the gone
  chats, no longer among the held ones; added again, it resumes as any lost chat does
  (bot.hold_resumption.resume);
- how many rows were dropped is kept (digests.chat_notices «hold_expired»): /stats says how
  many chats expired and how many stories were dropped (`expired_line`).

A chat held for another reason (a channel that took the bot's right to post, a muted group, a
closed forum) keeps the bot as a member and stays held: its admins may give the right back.
`expire_holds` runs daily (bot.jobs.purge_job) and when /stats builds the held line
(bot.stats_lines.held_lines), each through `try_expire`. Texts: bot.i18n «hold_expired_line».
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.chat_holds import HELD, HOLD_TOLD, held, refusal_kind, say
from bot.i18n import amount
from digests import chat_notices
from digests.daily_holders import pending_count
from digests.models import iso
from digests.storage import Database, DatabaseFault

log = logging.getLogger(__name__)

EXPIRED = "held expired: "  # chats.deactivated_reason of an expired hold starts with it
EXPIRED_ROWS = "held: expired"  # outbox.last_error of the rows it dropped
NOTICE = "hold_expired"  # digests.chat_notices: when, and how many rows were dropped
_GONE = ("bot kicked", "bot left")  # bot.welcome's reasons for a removal (my_chat_member)


def removed(reason: str) -> bool:
    """Whether a hold's reason says the bot is no longer in the chat (not a right taken)."""
    return reason.strip().lower() in _GONE or refusal_kind(reason) == "removed"


def expire_holds(db: Database, now: datetime, days: int) -> list[tuple[int, int]]:
    """End the holds of chats that removed the bot more than `days` ago (module doc); returns
    (chat, rows dropped) for each."""
    cutoff = now - timedelta(days=days)
    out = []
    for h in held(db):
        if h.since >= cutoff or not removed(h.reason):
            continue
        with db.transaction() as tx:
            dropped = pending_count(tx, h.chat_id)  # stories: a digest row counts its own
            tx.execute(
                "update outbox set status = 'skipped', last_error = ?, sent_at = ?"
                " where chat_id = ? and status = 'pending'",
                [EXPIRED_ROWS, iso(now), h.chat_id])
            tx.execute("update chats set deactivated_reason = ? where id = ? and active = 0"
                       " and deactivated_reason like ?",
                       [(EXPIRED + h.reason)[:200], h.chat_id, HELD + "%"])
            chat_notices.mark(tx, h.chat_id, NOTICE, now, dropped)
            chat_notices.forget(tx, h.chat_id, HOLD_TOLD)
        log.warning("chat hold expired chat=%s held_since=%s days=%d rows_dropped=%d",
                    h.chat_id, iso(h.since), days, dropped)
        out.append((h.chat_id, dropped))
    return out


def try_expire(db: Database, now: datetime, days: int) -> None:
    """`expire_holds`, a write the database refused (locked, full) only logged: the next look
    tries again. Anything else is a bug, logged with its traceback: /stats and the daily job
    still go on (QA73-4)."""
    try:
        expire_holds(db, now, days)
    except DatabaseFault as exc:
        log.warning("held chats not expired error=%s", exc)
    except Exception:
        log.exception("held chats not expired")


def expired(db: Database) -> tuple[int, int]:
    """(chats whose hold expired and that did not come back, rows dropped from them)."""
    row = db.db.execute(
        "select count(*), coalesce(sum(n.sent_then), 0) from chats c join chat_notices n"
        " on n.chat_id = c.id and n.what = ? where c.active = 0 and c.deactivated_reason like ?",
        [NOTICE, EXPIRED + "%"]).fetchone()
    return int(row[0]), int(row[1])


def expired_line(chats: int, dropped: int, days: int, lang: str) -> str | None:
    """/stats' line on the expired holds (HTML-safe: numbers only), or None. Pure."""
    if not chats:
        return None
    return say("expired_line", lang, chats=chats, days=amount(days, lang, "day"),
               dropped=dropped if lang == "ar" else amount(dropped, lang, "article"))
