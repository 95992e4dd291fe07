"""What a private message edited into a command is answered, and with which buttons.

The edit is never run (QA29 A7, QA65-12): an old message edited would act out of its place. The
answer (bot.other_messages.edited_command) says what was edited and offers what a new message
would have got (QA74-13, QA76):

- a command the bot has: a button running it, its words kept (bot.command_guess's action);
- a mistyped name or another bot's («/subscripe», «/follow»): the «هل تقصد» a new message gets,
  with its button (QA76-1: it was told to resend the command the bot then refused);
- a name near nothing: that it is unknown, and /help — not «send it as a new message»;
- an operator's command for a reader: that it is the operator's (QA76-2: invited to resend
  /stats, then refused).

A message that was a command and ran before it was edited («/subscribe عفرين» edited into
«/subscribe لبنان», QA76-10) is told so — «عدّلتَ الأمر بعد تنفيذه» — and, for a /subscribe whose
topic is still followed, that it is, with a button that stops following it: the new command's
button follows the new topic as well, not instead. The commands that ran are remembered per
message (`remember`: digests.commands_ran, in the database, the newest 10,000 across restarts;
X136 — X133 kept the last 1,000 in memory, lost at a restart): an edit of an older command reads
as a message that became one.

An answer's buttons follow the message: edited back into plain text, the answer loses the
command's button (`no_longer`, X136: it kept offering a command the message no longer said).

A command too long to quote whole (QA76-11) is offered by its button alone, the label cut at a
word with «…».
"""

from __future__ import annotations

import logging
import sqlite3

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.command_guess import ACTION as RETYPED
from bot.command_guess import LABEL_CHARS, command_handlers, offer
from bot.i18n import ADMIN_COMMANDS
from bot.runtime import Runtime, button, runtime, ui
from bot.topic_follows import would_follow
from bot.topic_lists import shown_topic
from digests import commands_ran, subscriptions
from digests.reader_text import echo

log = logging.getLogger(__name__)

# How much of the edited command the answer quotes: longer, only its button offers it
QUOTED_CHARS = 80
# How long remembering a command may wait for the write lock (seconds): a busy writer costs the
# memory of that one command, never the reader's answer
REMEMBER_WAIT = 0.05


async def remember(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A private command as it came (bot.handlers, before the command's own handler): its
    text kept by message (digests.commands_ran), so that an edit of it later is told it edits
    a command that ran. A database that cannot be written now costs that only: the command
    still runs."""
    message = update.message
    if message is None or not message.text:
        return
    rt = runtime(context)
    try:
        # never wait for a store step's write lock: every private command passes here, and
        # /help must be answered while an article is stored (test_writer; one writer)
        with rt.db.waiting_at_most(REMEMBER_WAIT), rt.db.transaction() as tx:
            commands_ran.remember(tx, message.chat.id, message.message_id, message.text,
                                  rt.now())
    except sqlite3.Error as exc:
        log.info("command not remembered chat=%s error=%s", message.chat.id, exc)


def ran_before(rt: Runtime, chat_id: int, message_id: int) -> str | None:
    """The text of the command message `message_id` was when it came and ran, if remembered."""
    return commands_ran.ran(rt.db.db, chat_id, message_id)


def no_longer(rt: Runtime, chat_id: int, lang: str, before: str | None = None
              ) -> tuple[str, InlineKeyboardMarkup | None]:
    """The answer to a message edited into a command, once an edit made it plain text again:
    no command's button; a /subscribe that ran before (`before`) still offers to stop following
    what it followed, as `answer` did."""
    text = ui(lang, "edited_no_longer")
    still = _still_followed(rt, chat_id, before, "") if before is not None else None
    if still is None:
        return text, None
    stop = f"/unsubscribe {still}"
    text += "\n" + ui(lang, "edited_still_following", topic=shown_topic(still, lang),
                      command=stop)
    return text, InlineKeyboardMarkup([[button(rt, chat_id, echo(stop, LABEL_CHARS), RETYPED,
                                               {"command": "unsubscribe",
                                                "words": still.split()})]])


def _name(word: str) -> str:
    """«/Subscribe@nashra_bot» → «subscribe»."""
    return word[1:].partition("@")[0].lower() if word.startswith("/") else ""


def answer(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int, typed: str,
           lang: str, *, admin: bool, before: str | None = None
           ) -> tuple[str, InlineKeyboardMarkup | None]:
    """The answer to a message edited into the command `typed` (`before`: the command it was
    and that ran, if it was one): its text and buttons (module docstring)."""
    words = typed.split()
    name = _name(words[0]) if words else ""
    lead = ui(lang, "edited_lead_ran" if before is not None else "edited_lead")
    hidden = frozenset() if admin else frozenset(row[0] for row in ADMIN_COMMANDS)
    known = command_handlers(context)
    rows: list[list[InlineKeyboardButton]] = []
    if name in hidden:
        rest = ui(lang, "edited_rest_operator", command=echo(f"/{name}", 40))
    elif name and name in known:
        command = " ".join([f"/{name}", *words[1:]])
        rows.append([button(rt, chat_id, echo(command, LABEL_CHARS), RETYPED,
                            {"command": name, "words": words[1:]})])
        rest = ui(lang, "edited_rest_button", command=command) if len(
            command) <= QUOTED_CHARS else ui(lang, "edited_rest_long")
    else:
        near = offer(rt, context, chat_id, name, words[1:], lang, hidden=hidden)
        if near is not None:  # «/subscripe لبنان»: «هل تقصد /subscribe لبنان؟», as a new message
            text, markup = near
            return lead + "\n" + text, markup
        rest = ui(lang, "edited_rest_unknown", command=echo(words[0] if words else "/", 40))
    text = lead + " " + rest
    still = _still_followed(rt, chat_id, before, typed) if before is not None else None
    if still is not None:
        stop = f"/unsubscribe {still}"
        text += "\n" + ui(lang, "edited_still_following", topic=shown_topic(still, lang),
                          command=stop)
        rows.append([button(rt, chat_id, echo(stop, LABEL_CHARS), RETYPED,
                            {"command": "unsubscribe", "words": still.split()})])
    return text, InlineKeyboardMarkup(rows) if rows else None


def _still_followed(rt: Runtime, chat_id: int, before: str, typed: str) -> str | None:
    """The topic a /subscribe that ran (`before`) followed, when the chat still follows it and
    the edit names another: the reader who edits «عفرين» into «لبنان» means «not Afrin»."""
    old, new = before.split(), typed.split()
    if not old or _name(old[0]) != "subscribe" or len(old) < 2:
        return None
    asked = " ".join(old[1:])
    if new and _name(new[0]) == "subscribe" and " ".join(new[1:]) == asked:
        return None
    read = would_follow(rt, asked)
    if read.refusal is not None or not read.topic:
        return None
    sub = subscriptions.followed(rt.db, chat_id, read.topic)
    return sub.topic if sub is not None else None
