"""The same question asked again in a group (QA31 G4).

Three members sending /digest within a few seconds got the whole digest three times (9 messages,
7,050 characters in 11 s), each copy spending the group's 20 messages a minute (bot.limiter) and
making a busy group's wait longer. Now, in a group, /digest, /topics and `/search TOPIC` sent
again (same command and words, in the same forum topic) within REPEAT_SECONDS of an ask the bot
answered are not run again: one short line replies to that earlier answer (bot.asked_again, a
handler before the commands). A bare /search (its prompt is for the asker), /help, settings and
menus are always handled. Private chats are never pointed back: a reader asking again wants it.

Every answer in a group replies to the member's message (bot.runtime.send), so a busy group sees
whose question each answer is for; `RecentAnswers.answered` keeps the first message of each
answer, which a later pointer replies to.

A pointer is only right while the answer is (QA37 T4): a /topics answered «follows nothing»,
then an admin's /subscribe, then /topics again was pointed at the untrue answer. So each answer
is kept with the state of the group it was made from (`chat_state`: its topics and settings,
read when the answer went); a repeat is pointed back only when that state is unchanged — a
/subscribe, /unsubscribe, a 🔔 button, /lang or a move to a supergroup in between makes it
answered afresh. So does an article stored in between (QA41 T10: the state holds the newest
article's id; breaking news is exactly when several members ask).

A pointer is only made to a whole answer (QA44 T6): an answer counts once its handler returned
(`answer_finished`, a handler after the commands: an answer a stop cancelled never gets there),
and it is pointed at by its first message of content, not by a preface such as «المجموعة لا تتابع
أي موضوع بعد؛ هذه أحدث الأخبار…» (bot.runtime.send(…, preface=True)): an answer cut after its
preface is never pointed at, and a repeat is not sent a line that promises news. An answer a
part of which Telegram refused (`answer_cut`, from bot.runtime.send) is not whole either.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from telegram import Update
from telegram.ext import ContextTypes

from bot.command_names import command_of
from digests import subscriptions
from digests.db_faults import DatabaseFault

if TYPE_CHECKING:
    from digests.storage import Database

log = logging.getLogger(__name__)

REPEAT_SECONDS = 60.0
KEPT = 512  # answers remembered (first message of each), oldest forgotten first
KEY = "nashra_recent_answers"
REPEATABLE = frozenset({"digest", "topics"})  # and /search with a topic

Ask = tuple[int, int | None, str]  # chat, forum topic, the command as asked
State = tuple[object, ...]


def chat_state(db: "Database", chat_id: int) -> State | None:
    """What a group's answers to /topics, /digest and /search depend on: its settings, the
    topics it follows and the newest stored article (None: unreadable, so never pointed back)."""
    try:
        chat = subscriptions.get_chat(db, chat_id)
        topics = sorted(s.topic_key for s in subscriptions.list_subscriptions(db, chat_id))
        # the newest stored article (QA41 T10): news stored between two asks makes the first
        # answer stale — a pointer would hide the new strike from the second asker
        newest = db.db.execute("select max(id) from articles").fetchone()[0]
    except DatabaseFault:  # a damaged file: answered again, never pointed back
        return None
    except Exception:  # a bug: the same, with its traceback (QA73-4)
        log.exception("chat state not read chat=%s", chat_id)
        return None
    if chat is None:
        return ("unknown", newest, *topics)
    return (chat.language, chat.active, chat.mode, chat.daily_hour, chat.utc_offset_minutes,
            chat.quiet_start, chat.quiet_end, newest, *topics)


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
    # (chat, asking) → (answer, the chat's state when it was made)
    answers: dict[tuple[int, int], tuple[int, State | None]] = field(default_factory=dict)
    # (chat, asking) of the answers whose handler returned: only those are pointed at (T6)
    finished: set[tuple[int, int]] = field(default_factory=set)
    # (chat, asking) of the answers a part of which Telegram refused: never pointed at
    cut: set[tuple[int, int]] = field(default_factory=set)

    def earlier_answer(self, ask: Ask, now: float, state: State | None = None) -> int | None:
        """The first message of the answer to the same ask within REPEAT_SECONDS, made while
        the chat was in `state` (as now), or None."""
        self.asks = {k: v for k, v in self.asks.items() if now - v[1] < REPEAT_SECONDS}
        found = self.asks.get(ask)
        if found is None or (ask[0], found[0]) not in self.finished:
            return None  # never answered, or cut before its end (QA44 T6)
        kept = self.answers.get((ask[0], found[0]))
        if kept is None or kept[1] is None or kept[1] != state:
            return None
        return kept[0]

    def asked(self, ask: Ask, message_id: int, now: float) -> None:
        self.asks[ask] = (message_id, now)

    def answered(self, chat_id: int, asking: int, answer: int,
                 state: State | None = None) -> None:
        """`answer` was sent for the message `asking`, the chat being in `state`: the first
        one is kept."""
        self.answers.setdefault((chat_id, asking), (answer, state))
        while len(self.answers) > KEPT:
            gone = next(iter(self.answers))
            del self.answers[gone]
            self.finished.discard(gone)

    def answer_done(self, chat_id: int, asking: int) -> None:
        """The handler of the message `asking` returned: its answer is whole."""
        if (chat_id, asking) in self.answers and (chat_id, asking) not in self.cut:
            self.finished.add((chat_id, asking))
        self.cut.discard((chat_id, asking))

    def answer_cut(self, chat_id: int, asking: int) -> None:
        """A part of the answer to `asking` could not be sent: it is not whole."""
        self.cut.add((chat_id, asking))
        self.finished.discard((chat_id, asking))
        while len(self.cut) > KEPT:
            self.cut.pop()


def recent_answers(context: ContextTypes.DEFAULT_TYPE) -> RecentAnswers:
    memory: RecentAnswers = context.application.bot_data.setdefault(KEY, RecentAnswers())
    return memory


async def answer_finished(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """After the group's commands (a later handler group): the command's handler returned, so
    the answer it sent is whole and may be pointed at. A stop cancels the handler before this
    runs (bot.update_order)."""
    message = update.message
    if message is None or message.text is None or ask_of(message.text) is None:
        return
    recent_answers(context).answer_done(message.chat.id, message.message_id)
