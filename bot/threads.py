"""Forum topics: where in a chat the bot answers and delivers (QA16 F3).

In a forum supergroup every message belongs to a topic; a message sent without
`message_thread_id` lands in «General» (and fails with TOPIC_CLOSED when General is closed).
So:

- An answer goes to the topic of the message it answers (`thread_of`: the message's
  `message_thread_id` when it is a topic message — PTB's own rule for `reply_text`; in a group
  without topics `message_thread_id` names a chain of replies, and sending to it would fail).
  bot.runtime.send uses it for every handler's reply; bot.admin carries it to an admin
  command's background answers (`ANSWER_THREAD`).
- Deliveries (instant alerts, daily digests, pushes) go to the topic where an admin last chose
  what the group gets: /subscribe, or a button of /settings or /unsubscribe
  (`remember_thread` from bot.runtime.may_change, which only admins pass; stored in
  chats.thread_id). Done in «General», or never in a topic, they go to General. A topic since
  closed or deleted sends them to General again (bot.courier, `forget_thread`).
"""

from __future__ import annotations

import logging
from contextvars import ContextVar

from telegram import Update

from bot.command_names import command_name
from digests.storage import Database

log = logging.getLogger(__name__)

# The commands whose topic becomes the group's delivery topic: those that choose what it gets
# (/settings itself only shows a menu: its buttons count).
SETTING_COMMANDS = frozenset({"subscribe"})
# (chat, topic) of the admin command being handled: its background answers (bot.admin.notify,
# from tasks the handler spawned, which copy this context) go to the same topic.
ANSWER_THREAD: ContextVar[tuple[int, int | None] | None] = ContextVar("answer_thread",
                                                                      default=None)
# Telegram's refusals of a message sent to a topic that is no longer open to the bot.
GONE_TOPIC = ("message thread not found", "topic_closed", "topic_deleted")


def thread_of(update: Update) -> int | None:
    """The forum topic of the update's message (a button's message for a button), or None."""
    message = update.effective_message
    if message is None or not message.is_topic_message:
        return None
    return message.message_thread_id


def answer_thread(chat_id: int) -> int | None:
    """The topic of the admin command being answered, when it was sent in `chat_id`."""
    current = ANSWER_THREAD.get()
    return current[1] if current is not None and current[0] == chat_id else None


def remember_thread(db: Database, update: Update) -> None:
    """In a forum, an admin's /subscribe, or a button they pressed (/settings, /unsubscribe),
    makes its topic (or General) where the group's deliveries go. Called once the sender may
    change the chat (bot.runtime.may_change); written only when it changes.
    """
    chat, message = update.effective_chat, update.effective_message
    if chat is None or message is None or not chat.is_forum:
        return
    if update.callback_query is None:
        if command_name(message.text or "") not in SETTING_COMMANDS:
            return
    thread = thread_of(update)
    row = db.db.execute("select thread_id from chats where id = ?", [chat.id]).fetchone()
    if row is None or row[0] == thread:
        return
    with db.transaction() as tx:
        tx.execute("update chats set thread_id = ? where id = ?", [thread, chat.id])
    log.info("delivery topic chat=%s thread=%s", chat.id, thread)


def forget_thread(db: Database, chat_id: int) -> None:
    """The chat's delivery topic was closed or deleted: deliver to General from now on."""
    with db.transaction() as tx:
        tx.execute("update chats set thread_id = null where id = ?", [chat_id])
    log.warning("delivery topic gone chat=%s: delivering to General", chat_id)
