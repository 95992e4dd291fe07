"""A reader's sources filter: mute a source for one chat (QA36 E5, brief X57).

«📡 المصادر» in /settings lists the operator's active sources by site (a reader thinks in sites,
«الجزيرة», not in its feeds: digests.reader_sources.site_groups, X61), each a button that mutes
or unmutes every feed of the site for the chat (opaque callback ids, checked by the server like
every settings press; in a group only its admins press them); a site only some of whose feeds
are muted says so («مكتوم جزئيًا») and a press mutes the rest. A muted source's reports are not
queued for the chat — instant alerts and daily digests (digests.new_deliveries) — nor sent when
queued before the mute (bot.delivery_plan), and the search, /digest and inline results leave
them out (`muted`, passed to bot.stories). Rows live in chat_muted_sources (migration
040_reader_sources), one per feed.
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
from bot.settings_menu import allowed_press, back_row, opened
from digests.reader_sources import SiteGroup, site_groups
from digests.sources import list_sources
from digests.storage import Database

if TYPE_CHECKING:
    from bot.channel_admin import Scope

log = logging.getLogger(__name__)

MAX_LISTED = 40  # sites shown as buttons; an operator's list is rarely longer


def muted(db: Database, chat_id: int) -> frozenset[int]:
    """The ids of the sources chat `chat_id` muted."""
    rows = db.db.execute("select source_id from chat_muted_sources where chat_id = ?",
                         [chat_id]).fetchall()
    return frozenset(int(r[0]) for r in rows)


def set_muted(db: Database, chat_id: int, source_id: int | Sequence[int], mute: bool,
              now: datetime) -> None:
    """Mute (or unmute) source `source_id` — or each of several: a site's feeds — for chat
    `chat_id`, in one transaction."""
    ids = [source_id] if isinstance(source_id, int) else list(source_id)
    with db.transaction() as tx:
        for one in ids:
            if mute:
                tx.execute("insert or ignore into chat_muted_sources"
                           " (chat_id, source_id, created_at) values (?, ?, ?)",
                           [chat_id, one, now.isoformat()])
            else:
                tx.execute("delete from chat_muted_sources where chat_id = ? and source_id = ?",
                           [chat_id, one])
    log.info("reader source chat=%s sources=%s muted=%s", chat_id,
             ",".join(map(str, ids)), mute)


def _state(group: SiteGroup, off: frozenset[int]) -> str:
    """The label key of a site's state: every feed muted, some, or none."""
    n = sum(s in off for s in group.source_ids)
    return ("btn_source_on" if n == 0 else "btn_source_muted" if n == len(group.source_ids)
            else "btn_source_partly")


def _sites(rt: Runtime) -> list[SiteGroup]:
    """The active sources by site: a removed one is only deactivated (its articles stay
    searchable), and stays muted where it was."""
    return site_groups(rt.db.db, list_sources(rt.db))


def menu(rt: Runtime, scope: Scope, lang: str, sites: list[SiteGroup] | None = None
         ) -> tuple[str, InlineKeyboardMarkup | None]:
    """The sources picker of the chat `scope` acts on: one button per site (its feeds
    together), its state in words («🔔 BBC: تصل أخباره» / «🔕 BBC: مكتوم» / «… مكتوم جزئيًا»),
    then «رجوع». A button carries its site's first feed; the site is found again on a press.
    `sites`: `_sites` when the caller has them (a press: each site is a query per feed)."""
    target = scope.target
    off = muted(rt.db, target)
    groups = (_sites(rt) if sites is None else sites)[:MAX_LISTED]
    rows = []
    for group in groups:
        rows.append([scope.button(rt, t(_state(group, off), lang, name=group.name[:40]),
                                  "reader_source", {"source": group.source_ids[0]})])
    rows.append(back_row(rt, scope, lang))
    text = ui(lang, "reader_sources_menu_channel" if scope.channel else "reader_sources_menu",
              n=num(sum(any(s in off for s in g.source_ids) for g in groups), lang))
    return text, keyboard(rows)


async def _act_menu(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                    cb: Callback, lang: str) -> None:
    scope = await opened(update, context, rt, cb, lang)
    if scope is None:
        return
    await edit_or_send(update, context, *menu(rt, scope, lang))


async def _act_toggle(update: Update, context: ContextTypes.DEFAULT_TYPE, rt: Runtime,
                      cb: Callback, lang: str) -> None:
    assert update.callback_query is not None
    scope = await allowed_press(update, context, rt, cb, lang)
    if scope is None:
        return
    pressed = int(cb.payload.get("source", 0))
    sites = _sites(rt)
    group = next((g for g in sites if pressed in g.source_ids), None)
    if group is None:  # removed by the operator since the menu was shown
        await update.callback_query.answer(t("reader_source_gone", lang))
        await edit_or_send(update, context, *menu(rt, scope, lang, sites))
        return
    # a site muted whole comes back whole; otherwise (none or some of its feeds) all are muted
    mute = _state(group, muted(rt.db, scope.target)) != "btn_source_muted"
    set_muted(rt.db, scope.target, group.source_ids, mute, rt.now())
    # the toast says what changed: a screen reader hears it, not the edited menu (QA36 E7)
    await update.callback_query.answer(t("reader_source_muted" if mute else
                                         "reader_source_unmuted", lang, name=group.name[:40]))
    await edit_or_send(update, context, *menu(rt, scope, lang, sites))


ACTIONS: dict[str, Action] = {"reader_sources": _act_menu, "reader_source": _act_toggle}
