"""Private messages that are not a new text: a photo or voice note, and an edit.

A message that is not text (a sticker, a photo, a location) gets a one-line hint, and a caption
naming a topic is answered as typed text (`not_text`); an edited private message is answered
once, at its first edit (`edited`); one edited into a command is not run, but offered as a
button that runs it (`edited_command`, QA74-13), as a mistyped command is (bot.command_guess;
the wording and buttons: bot.edited_commands), and its later edits change that answer.

Apart from bot.welcome (QA73-18): these answer through bot.answers, which builds on bot.welcome
(bot.link_answers → `start_with`), so inside bot.welcome they needed imports in the functions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot import edited_commands
from bot.answers import answer_topic, topic_question
from bot.runtime import NO_PREVIEW, chat_lang, ensure_chat, runtime, send, ui

log = logging.getLogger(__name__)


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A private message that is not text (QA10 F8): a photo or video whose caption names a
    topic is answered as that text would be; anything else (a sticker, a photo without a
    caption, a location, a voice note) gets one line saying to type a topic."""
    message = update.effective_message
    if message is None:
        return
    rt = runtime(context)
    ensure_chat(rt, update)
    caption = (message.caption or "").strip()
    if caption and not caption.startswith("/"):
        await answer_topic(update, context, rt, caption, offset=0, edit=False)
        return
    # a voice note is told it was not heard: its sender often cannot type or see (QA36 E12)
    voiced = message.voice is not None or message.audio is not None
    await send(update, context, ui(chat_lang(rt, update), "not_voice" if voiced else "not_text"))


# Edited private messages answered, per chat and message: the first edit only (see `edited`).
_EDITS_KEY = "answered_edits"
MAX_EDITS_REMEMBERED = 1000


def _first_edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Callable[[], None] | None:
    """For a text message's first edit seen, a call that forgets it again (the answer was not
    sent, so a later edit may be answered); None for a later edit or no text. Remembers at most
    MAX_EDITS_REMEMBERED edits, the oldest forgotten first (dicts keep insertion order)."""
    message = update.edited_message
    if message is None or not message.text:
        return None
    answered: dict[tuple[int, int], None] = context.application.bot_data.setdefault(
        _EDITS_KEY, {})
    key = (message.chat.id, message.message_id)
    if key in answered:
        return None
    answered[key] = None
    while len(answered) > MAX_EDITS_REMEMBERED:
        del answered[next(iter(answered))]

    def forget() -> None:
        answered.pop(key, None)

    return forget


async def edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited private text message (QA10 F8), answered once: the first edit is answered as
    a new question (a reader who corrects «لبنن» to «لبنان» wants the news of the corrected
    word, and the answer to the typo stays above it); later edits of the same message are
    ignored, so a message corrected letter by letter does not become a stream of answers —
    but a message an earlier edit made a command is answered by changing that answer: it
    loses the command's button (X136: the button still ran the command the message no longer
    said)."""
    message = update.edited_message
    hints: dict[tuple[int, int], int] = context.application.bot_data.setdefault(_HINTS_KEY, {})
    if message is not None and (message.chat.id, message.message_id) in hints:
        await _unhint(update, context, hints[(message.chat.id, message.message_id)])
        return
    forget = _first_edit(update, context)
    if forget is None:
        return
    try:
        await topic_question(update, context)
    except Exception:  # not answered (a 429 is handled again by bot.app.on_error): not spent
        forget()
        raise


async def edited_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A private message edited into a command, at its first edit (as `edited`): never run —
    an old message edited would act out of its place, and an operator command from an edit was
    refused on purpose (QA29 A7) — but answered with how to send it, the command tappable
    (QA65-12: an admin who fixed «/statss» to «/stats» by an edit waited for nothing), and a
    button that runs it: a press is the reader's own act now, as a new message would be
    (QA74-13). What it says and offers: bot.edited_commands. A later edit into a command
    changes that answer in place (QA76-3: its button ran the first edit's command), rather
    than a second answer."""
    message = update.edited_message
    if message is None:
        return
    forget = _first_edit(update, context)
    hints: dict[tuple[int, int], int] = context.application.bot_data.setdefault(_HINTS_KEY, {})
    key = (message.chat.id, message.message_id)
    if forget is None and key not in hints:
        return  # a later edit of a message whose first edit was no command: as `edited`
    rt = runtime(context)
    ensure_chat(rt, update)
    user = update.effective_user
    text, markup = edited_commands.answer(
        rt, context, message.chat.id, message.text or "", chat_lang(rt, update),
        admin=rt.is_admin(user.id if user else None),
        before=edited_commands.ran_before(rt, message.chat.id, message.message_id))
    if forget is None:
        try:
            await context.bot.edit_message_text(text, message.chat.id, hints[key],
                                                parse_mode=ParseMode.HTML, reply_markup=markup,
                                                link_preview_options=NO_PREVIEW)
        except BadRequest as exc:  # the same command again, or the answer deleted: left so
            log.info("edited command answer not changed chat=%s error=%s", message.chat.id, exc)
        return
    try:
        sent = await send(update, context, text, markup)
    except Exception:  # not answered (a 429 is handled again by bot.app.on_error): not spent
        forget()
        raise
    hints[key] = sent.message_id
    while len(hints) > MAX_EDITS_REMEMBERED:
        del hints[next(iter(hints))]


# The bot's answer to a message's first edit into a command, per chat and message (QA76-3)
_HINTS_KEY = "edited_command_answers"


async def _unhint(update: Update, context: ContextTypes.DEFAULT_TYPE, answer_id: int) -> None:
    """The answer `answer_id` to the message's edit into a command, changed now that an edit
    made it plain text again: no command's button (bot.edited_commands.no_longer). A later
    edit into a command changes it again (`edited_command`)."""
    message = update.edited_message
    if message is None:
        return
    rt = runtime(context)
    text, markup = edited_commands.no_longer(
        rt, message.chat.id, chat_lang(rt, update),
        edited_commands.ran_before(rt, message.chat.id, message.message_id))
    try:
        await context.bot.edit_message_text(text, message.chat.id, answer_id,
                                            parse_mode=ParseMode.HTML, reply_markup=markup,
                                            link_preview_options=NO_PREVIEW)
    except BadRequest as exc:  # edited back already, or the answer deleted: left so
        log.info("edited command answer not changed chat=%s error=%s", message.chat.id, exc)
