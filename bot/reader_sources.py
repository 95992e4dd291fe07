"""A reader's sources filter: mute a source for one chat (QA36 E5, brief X57).

«📡 المصادر» in /settings lists the operator's active sources, each a button that mutes or
unmutes it for the chat (opaque callback ids, checked by the server like every settings press;
in a group only its admins press them). A muted source's reports are not queued for the chat —
instant alerts and daily digests (digests.new_deliveries) — and are left out of its search
answers (`drop_muted`, bot.answers). Rows live in chat_muted_sources (migration
040_reader_sources).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.callbacks import Callback
from bot.i18n import num, t
from bot.runtime import Action, Runtime, edit_or_send, keyboard, ui
from digests.models import Digest
from digests.sources import list_sources
from digests.storage import Database

if TYPE_CHECKING:
    from bot.channel_admin import Scope

log = logging.getLogger(__name__)

MAX_LISTED = 40  # sources shown as buttons; an operator's list is rarely longer


def muted(db: Database, chat_id: int) -> frozenset[int]:
    """The ids of the sources chat `chat_id` muted."""
    rows = db.db.execute("select source_id from chat_muted_sources where chat_id = ?",
                         [chat_id]).fetchall()
    return frozenset(int(r[0]) for r in rows)


def set_muted(db: Database, chat_id: int, source_id: int, mute: bool, now: datetime) -> None:
    """Mute (or unmute) source `source_id` for chat `chat_id`."""
    with db.transaction() as tx:
        if mute:
            tx.execute("insert or ignore into chat_muted_sources (chat_id, source_id, created_at)"
                       " values (?, ?, ?)", [chat_id, source_id, now.isoformat()])
        else:
            tx.execute("delete from chat_muted_sources where chat_id = ? and source_id = ?",
                       [chat_id, source_id])
    log.info("reader source chat=%s source=%s muted=%s", chat_id, source_id, mute)


def drop_muted(db: Database, chat_id: int, digests: Sequence[Digest]) -> tuple[Digest, ...]:
    """`digests` without the reports of sources the chat muted (all of them when none is)."""
    gone = muted(db, chat_id)
    if not gone:
        return tuple(digests)
    ids = [d.article_id for d in digests if d.article_id is not None]
    marks = ",".join("?" * len(ids))
    of = dict(db.db.execute(f"select id, source_id from articles where id in ({marks})",
                            ids).fetchall()) if ids else {}
    return tuple(d for d in digests if of.get(d.article_id) not in gone)


def menu(rt: Runtime, scope: Scope, lang: str) -> tuple[str, InlineKeyboardMarkup | None]:
    """The sources picker of the chat `scope` acts on: one button per source, its state in
    words («🔔 BBC: تصل أخباره» / «🔕 BBC: مكتوم»), then «رجوع»."""
    from bot.preferences import back_row  # late: bot.preferences registers these actions

    target = scope.target
    off = muted(rt.db, target)
    listed = list_sources(rt.db)[:MAX_LISTED]  # active ones: a removed source is only
    # deactivated (its articles stay searchable), and stays muted where it was
    rows = []
    for source in listed:
        key = "btn_source_muted" if source.id in off else "btn_source_on"
        rows.append([scope.button(rt, t(key, lang, name=source.name[:40]), "reader_source",
                                  {"source": source.id})])
    rows.append(back_row(rt, scope, lang))
    text = ui(lang, "reader_sources_menu", n=num(sum(s.id in off for s in listed), lang))
    return text, keyboard(rows)


async def _act_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    from bot.preferences import opened

    scope = await opened(update, context, rt, cb, lang)
    if scope is None:
        return
    await edit_or_send(update, context, *menu(rt, scope, lang))


async def _act_toggle(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                      cb: Callback, lang: str) -> None:
    from bot.preferences import allowed_press
    from digests.sources import get_source

    assert update.callback_query is not None
    scope = await allowed_press(update, context, rt, cb, lang)
    if scope is None:
        return
    source = get_source(rt.db, int(cb.payload.get("source", 0)))
    if source is None:  # removed by the operator since the menu was shown
        await update.callback_query.answer(t("reader_source_gone", lang))
        await edit_or_send(update, context, *menu(rt, scope, lang))
        return
    mute = source.id not in muted(rt.db, scope.target)
    set_muted(rt.db, scope.target, source.id, mute, rt.now())
    # the toast says what changed: a screen reader hears it, not the edited menu (QA36 E7)
    await update.callback_query.answer(t("reader_source_muted" if mute else
                                         "reader_source_unmuted", lang, name=source.name[:40]))
    await edit_or_send(update, context, *menu(rt, scope, lang))


ACTIONS: dict[str, Action] = {"reader_sources": _act_menu, "reader_source": _act_toggle}
