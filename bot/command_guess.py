"""A mistyped command («/subscripe الغوطه»): the nearest command the bot knows, offered as a
button that runs it with the words typed after it (QA54-6).

The unknown command got «لا أعرف الأمر /subscripe. هذه أوامري:» and the whole /help (22 lines),
and the topic typed after it was lost. A name one edit away (two for names of six letters or more;
a swap of two neighbours is one edit) is now offered: «هل تقصد /subscribe الغوطه؟» with the button
«/subscribe الغوطه»; the help stays for names near nothing. Admin commands are offered to admins
only. A name other bots use for one of ours («/latest», «/follow»: `MEANINGS`, QA71-9) is
offered that command the same way. The button runs the command's own handler, found among the
application's CommandHandlers (the one table bot.handlers registers), with the words as its
arguments.
"""

from __future__ import annotations

import logging

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import CommandHandler, ContextTypes

from bot.callbacks import Callback
from bot.i18n import t
from bot.ptb_types import Context
from bot.runtime import Action, Runtime, button, ui

log = logging.getLogger(__name__)

ACTION = "retyped"
MAX_OFFERED = 2  # two names as near («/topic»: /topics, /stop is none): both offered
LABEL_CHARS = 60  # a button's text; Telegram shows about this much


def edits(a: str, b: str) -> int:
    """The optimal-string-alignment distance: insertions, deletions, substitutions and swaps
    of two neighbouring letters, one edit each."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def nearest(name: str, known: frozenset[str] | set[str]) -> tuple[str, ...]:
    """The known names nearest `name` (at most MAX_OFFERED, alphabetical), none when the
    nearest is further than one edit (two for a name of six letters or more)."""
    if not name or name in known:
        return ()
    most = 2 if len(name) >= 6 else 1
    scored = sorted((edits(name, other), other) for other in known)
    best = [other for d, other in scored if d <= most and d == scored[0][0]]
    return tuple(best[:MAX_OFFERED])


# Commands other news bots have that mean one of ours, none an edit or two from it (QA71-9:
# «/latest» got «لا أعرف الأمر» and the whole help, though «آخر الأخبار» typed is /digest):
# offered as a near name is. Only names a reader would try for the same thing.
MEANINGS: dict[str, str] = {
    **dict.fromkeys(("latest", "news", "today", "top", "headlines", "brief", "briefing",
                     "summary", "recent", "new", "now", "breaking", "akhbar"), "digest"),
    **dict.fromkeys(("follow", "sub", "add", "watch", "track", "alert", "alerts"),
                    "subscribe"),
    **dict.fromkeys(("unfollow", "unsub", "remove", "unwatch", "untrack"), "unsubscribe"),
    **dict.fromkeys(("find", "lookup", "query", "look"), "search"),
    **dict.fromkeys(("list", "mytopics", "following", "subscriptions", "subs", "my"),
                    "topics"),
    **dict.fromkeys(("config", "options", "prefs", "preferences", "setup", "mode"),
                    "settings"),
    **dict.fromkeys(("tz", "time", "clock"), "zone"),
}


def meant(name: str, known: frozenset[str] | set[str]) -> tuple[str, ...]:
    """The command `name` means in other bots' words («latest» → /digest), when we have it."""
    other = MEANINGS.get(name)
    return (other,) if other is not None and other in known and other != name else ()


def command_handlers(context: ContextTypes.DEFAULT_TYPE) -> dict[str, CommandHandler[Context, object]]:
    """The application's commands by name (bot.handlers registers them)."""
    out: dict[str, CommandHandler[Context, object]] = {}
    for group in context.application.handlers.values():
        for handler in group:
            if isinstance(handler, CommandHandler):
                out.update({name: handler for name in handler.commands})
    return out


def offer(rt: Runtime, context: ContextTypes.DEFAULT_TYPE, chat_id: int, name: str,
          words: list[str], lang: str, *, hidden: frozenset[str]
          ) -> tuple[str, InlineKeyboardMarkup] | None:
    """«هل تقصد /subscribe الغوطه؟» and a button a command near `name` (none of `hidden`, the
    admin commands for a reader), or None when no command is near."""
    known = set(command_handlers(context)) - hidden
    near = nearest(name.lower(), known) or meant(name.lower(), known)
    if not near:
        return None
    typed = " ".join(words)
    asked = [f"/{other} {typed}".strip() for other in near]
    rows = [[button(rt, chat_id, text[:LABEL_CHARS], ACTION, {"command": other, "words": words})]
            for text, other in zip(asked, near, strict=True)]
    text = ui(lang, "unknown_command_near", command=f"/{name}"[:40],
              near=t("unknown_command_or", lang).join(asked))
    return text, InlineKeyboardMarkup(rows)


async def _act_retyped(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                       cb: Callback, lang: str) -> None:
    """The offered command run, with the words typed after the mistyped one."""
    assert update.callback_query is not None
    name = str(cb.payload.get("command", ""))
    handler = command_handlers(context).get(name)
    if handler is not None:  # not a command since removed
        words = cb.payload.get("words", [])
        context.args = [str(w) for w in words] if isinstance(words, list) else []
        log.info("retyped command chat=%s command=%s", cb.chat_id, name)
        await handler.callback(update, context)
    try:  # after: some commands answer the press themselves («تم.»), a second answer fails
        await update.callback_query.answer()
    except BadRequest:
        pass


ACTIONS: dict[str, Action] = {ACTION: _act_retyped}
