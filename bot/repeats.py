"""The same question asked again in a group (QA31 G4).

Three members sending /digest within a few seconds got the whole digest three times (9 messages,
7,050 characters in 11 s), each copy spending the group's 20 messages a minute (bot.limiter) and
making a busy group's wait longer. Now, in a group, /digest, /topics and `/search TOPIC` sent
again (same command and words, in the same forum topic) within REPEAT_SECONDS of an ask the bot
answered are not run again: one short line replies to that earlier answer (`asked_again`, a
handler before the commands). A bare /search (its prompt is for the asker), /help, settings and
menus are always handled. Private chats are never pointed back: a reader asking again wants it.

Every answer in a group replies to the member's message (bot.runtime.send), so a busy group sees
whose question each answer is for; `RecentAnswers.answered` keeps the first message of each
answer, which a later pointer replies to.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from telegram import ReplyParameters, Update
from telegram.constants import ParseMode
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.command_names import command_of

log = logging.getLogger(__name__)

REPEAT_SECONDS = 60.0
KEPT = 512  # answers remembered (first message of each), oldest forgotten first
KEY = "nashra_recent_answers"
REPEATABLE = frozenset({"digest", "topics"})  # and /search with a topic

Ask = tuple[int, int | None, str]  # chat, forum topic, the command as asked


def ask_of(text: str) -> str | None:
    """The command as a repeat is recognised («/Search@bot  الغوطة» → "search الغوطة"), or None
    for a command never pointed back."""
    command = command_of(text)
    if command is None:
        return None
    if command.name in REPEATABLE or (command.name == "search" and command.has_words):
        return " ".join([command.name, *command.words])
    return None


@dataclass
class RecentAnswers:
    """Asks answered in groups lately, and the first message of each answer."""

    asks: dict[Ask, tuple[int, float]] = field(default_factory=dict)  # → (asking message, when)
    answers: dict[tuple[int, int], int] = field(default_factory=dict)  # (chat, asking) → answer

    def earlier_answer(self, ask: Ask, now: float) -> int | None:
        """The first message of the answer to the same ask within REPEAT_SECONDS, or None."""
        self.asks = {k: v for k, v in self.asks.items() if now - v[1] < REPEAT_SECONDS}
        found = self.asks.get(ask)
        return self.answers.get((ask[0], found[0])) if found is not None else None

    def asked(self, ask: Ask, message_id: int, now: float) -> None:
        self.asks[ask] = (message_id, now)

    def answered(self, chat_id: int, asking: int, answer: int) -> None:
        """`answer` was sent for the message `asking`: the first one is kept."""
        self.answers.setdefault((chat_id, asking), answer)
        while len(self.answers) > KEPT:
            del self.answers[next(iter(self.answers))]


def recent_answers(context: ContextTypes.DEFAULT_TYPE) -> RecentAnswers:
    memory: RecentAnswers = context.application.bot_data.setdefault(KEY, RecentAnswers())
    return memory


async def asked_again(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Before the group's commands: a repeat of an ask answered within REPEAT_SECONDS gets one
    line replying to that answer, and is not run again."""
    from bot.runtime import chat_lang, runtime, ui  # late: bot.runtime.send uses this module
    from bot.threads import thread_of

    message = update.message
    if message is None or message.text is None:
        return
    asked = ask_of(message.text)
    if asked is None:
        return
    ask = (message.chat.id, thread_of(update), asked)
    recent = recent_answers(context)
    now = time.monotonic()
    earlier = recent.earlier_answer(ask, now)
    if earlier is None:
        recent.asked(ask, message.message_id, now)
        return
    log.info("repeated ask pointed chat=%s ask=%s earlier=%s", message.chat.id,
             asked.split()[0], earlier)
    lang = chat_lang(runtime(context), update)
    await context.bot.send_message(
        message.chat.id, ui(lang, "same_answer_above"), parse_mode=ParseMode.HTML,
        message_thread_id=ask[1],
        reply_parameters=ReplyParameters(earlier, allow_sending_without_reply=True))
    raise ApplicationHandlerStop
