"""A supergroup first seen before the bot learnt which group it was: the group's rows move first.

A basic group upgraded to a supergroup gets a new id. The bot learns of the move from one of two
service messages (bot.welcome.chat_migrated) or from a send's 400 (bot.courier); both move the
group's chat row, subscriptions and queue through digests.outbox_states.move_chat. Until then a
member's /topics in the new supergroup was answered from the new id's rows — «no topics» — though
the group followed several (X45 left, QA31 G3).

`first_sight` runs before every other handler (group FIRST_SIGHT_GROUP). For an update from a
supergroup that has no chat row yet (the first update the bot handles there), it asks Telegram
about the stored basic groups of the same title (at most MAX_PROBES, newest first): a group that
was upgraded answers getChat with 400 `migrate_to_chat_id` (PTB's ChatMigrated), and when that
names this supergroup its rows move at once, before the update is answered. A supergroup that
is no group's successor costs one read (no row, no same-titled group: no request), or a few
getChat calls once: the next update finds its row. Telegram's getChat of the supergroup itself
does not say which group it came from, so the title is the only lead; a group renamed in the
same minute it was upgraded is still moved by the service message or the next send's 400.
"""

from __future__ import annotations

import logging
import sqlite3

from telegram import Update
from telegram.error import ChatMigrated, TelegramError
from telegram.ext import ContextTypes, TypeHandler

from bot import callbacks
from bot.ptb_types import App
from bot.runtime import runtime, write_refused
from digests import outbox_states, subscriptions
from digests.storage import DatabaseFault

log = logging.getLogger(__name__)

FIRST_SIGHT_GROUP = -3  # before the forwards gate (-2) and the repeats and channel checks (-1)
MAX_PROBES = 3  # same-titled groups asked about, newest first


def predecessors(db: sqlite3.Connection, title: str, limit: int = MAX_PROBES) -> list[int]:
    """Stored basic groups titled `title` (as stored: 200 characters), newest first."""
    return [int(r[0]) for r in db.execute(
        "select id from chats where type = 'group' and title = ? and title != ''"
        " order by rowid desc limit ?", [title[:200], limit]).fetchall()]


async def first_sight(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Move the group a supergroup came from before its first update is answered (see module)."""
    if not isinstance(update, Update):
        return
    chat = update.effective_chat
    if chat is None or chat.type != "supergroup":
        return
    message = update.effective_message
    if message is not None and (message.migrate_from_chat_id or message.migrate_to_chat_id):
        return  # the move itself: bot.welcome.chat_migrated
    rt = runtime(context)
    if subscriptions.get_chat(rt.db, chat.id) is not None:
        return
    for old in predecessors(rt.db.conn, chat.title or ""):
        try:
            await context.bot.get_chat(old)
        except ChatMigrated as moved:
            if moved.new_chat_id != chat.id:
                continue
            try:
                outbox_states.move_chat(rt.db, old, chat.id)
                callbacks.move_chat(rt.db, old, chat.id)
            except DatabaseFault as exc:  # locked, full: the service message or a 400 moves
                # it; the refused write is reported as every other (QA73-4: it was a traceback)
                write_refused(rt, exc, "chat move", log)  # its WARNING, once a minute
                log.info("chat move on first sight not stored old=%s new=%s error=%s", old,
                         chat.id, exc)
                return
            except Exception:  # a bug: the update is still answered (as before the move)
                log.exception("chat move on first sight failed old=%s new=%s", old, chat.id)
                return
            log.info("chat migrated on first sight old=%s new=%s", old, chat.id)
            return
        except TelegramError as exc:  # gone, or the bot was removed: not this one
            log.debug("group not asked about its move old=%s error=%s", old, exc)


def register(app: App) -> None:
    """`first_sight`, before every other handler."""
    app.add_handler(TypeHandler(Update, first_sight), group=FIRST_SIGHT_GROUP)
