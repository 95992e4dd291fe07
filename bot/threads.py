"""Forum topics: where in a chat the bot answers and delivers (QA16 F3).

In a forum supergroup every message belongs to a topic; a message sent without
`message_thread_id` lands in «General» (and fails with TOPIC_CLOSED when General is closed).
So:

- An answer goes to the topic of the message it answers (`thread_of`: the message's
  `message_thread_id` when it is a topic message — PTB's own rule for `reply_text`; in a group
  without topics `message_thread_id` names a chain of replies, and sending to it would fail).
  bot.runtime.send uses it for every handler's reply; bot.admin carries it to an admin
  command's background answers (`ANSWER_THREAD`).
- Deliveries (instant alerts, daily digests, pushes) go to the topic an admin chose with
  «📍 انشر هنا» (bot.topic_choice, offered under an admin's /subscribe in another topic; stored
  in chats.thread_id; QA49 M3: no longer the topic of the last /subscribe or button press).
  Never chosen, they go to General. A topic since closed or deleted sends them to General
  again, said there once (bot.courier, `forget_thread`).
"""

from __future__ import annotations

import logging
from contextvars import ContextVar

from telegram import Update

from digests.storage import Database

log = logging.getLogger(__name__)

# The commands in a topic that offer to make it the group's delivery topic (bot.topic_choice)
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


def forget_thread(db: Database, chat_id: int) -> None:
    """The chat's delivery topic was closed or deleted: deliver to General from now on."""
    with db.transaction() as tx:
        tx.execute("update chats set thread_id = null where id = ?", [chat_id])
    log.warning("delivery topic gone chat=%s: delivering to General", chat_id)
