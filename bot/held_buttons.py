"""Buttons whose meaning the database could not store when they were sent (QA39 S6).

A button's callback_data is an opaque id stored with its meaning (bot.callbacks). While a
poll's long write held the database (or the disk was full), `runtime.button` dropped every
button of an answer: «عفرين»'s second page and «ليفربول» came with no «المزيد», no «تابع»,
no «روابط الخبر» — a reader could not page on or follow, and nothing said why. Now such a
button is sent with a fresh id whose meaning is held here, in the bot's memory: a press
resolves it from here, and the next time a button is stored the held ones are written too
(`flush`), so they outlive a restart from then on. At most MAX_HELD are kept (the oldest go
first); a restart before a flush loses them, and such a press is answered as an expired
button («أعد الطلب»), never silently.

A once-only button («🔗 روابط الخبر», «المزيد», a bundle's «📖 n») is marked used by a write. Pressed while the
database still refuses writes, its answer needs none (the links are read), so `take` marks it
used here, in `used`, and the reader gets it once; the next flush stores the mark (X60's left:
the press raised in the handler and the reader got nothing).
"""

from __future__ import annotations

import json
import logging
import secrets
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from bot import callbacks
from digests.models import iso
from digests.storage import Database, DatabaseFault

log = logging.getLogger(__name__)

MAX_HELD = 5000


@dataclass(frozen=True)
class Held:
    """One button's meaning, as `callbacks.new_callback` would have stored it."""

    chat_id: int
    action: str
    payload: Mapping[str, Any]
    created_at: datetime


@dataclass
class HeldButtons:
    """id → meaning of the buttons sent unstored, oldest first."""

    held: OrderedDict[str, Held] = field(default_factory=OrderedDict)
    # stored buttons marked used while the database refused the mark: id → their action
    used: dict[str, str] = field(default_factory=dict)
    # and the places of a bundle's «📖 n» buttons used so: id → places
    used_places: dict[str, set[int]] = field(default_factory=dict)

    def hold(self, meaning: Held) -> str:
        """Keep a button's meaning; its new id (the callback_data to send)."""
        cb_id = secrets.token_urlsafe(callbacks.ID_BYTES)
        self.held[cb_id] = meaning
        while len(self.held) > MAX_HELD:
            self.held.popitem(last=False)
        return cb_id

    def resolve(self, data: str | None, *, chat_id: int, now: datetime
                ) -> callbacks.Callback | None:
        """The held meaning of a pressed button's data («<id>» or «<id>.<n>»), when it was
        sent to `chat_id` within callbacks.MAX_AGE; else None."""
        if not data:
            return None
        cb_id, sep, tail = data.partition(".")
        found = self.held.get(cb_id)
        if (found is None or found.chat_id != chat_id
                or now - found.created_at > callbacks.MAX_AGE):
            return None
        index = int(tail) if sep and tail.isascii() and tail.isdigit() and len(tail) <= 3 \
            else None
        return callbacks.Callback(id=cb_id, chat_id=found.chat_id, action=found.action,
                                  payload=dict(found.payload), created_at=found.created_at,
                                  index=index)

    def flush(self, db: Database) -> int:
        """Write the held buttons to the callbacks table, and the used marks the database
        refused (one transaction); they are let go once written. Returns how many buttons.
        Raises DatabaseFault when the database still refuses (all are kept): the caller holds
        the button it was making too, without waiting out the busy timeout a second time. Any
        other error goes through as it came (a bug, not the file's: QA73-4)."""
        if not self.held and not self.used and not self.used_places:
            return 0
        rows = [[cb_id, h.chat_id, h.action, json.dumps(dict(h.payload), ensure_ascii=False),
                 iso(h.created_at)] for cb_id, h in self.held.items()]
        marks = list(self.used.items())
        places = [(cb_id, set(p)) for cb_id, p in self.used_places.items()]
        with db.transaction() as tx:
            for row in rows:
                tx.execute("insert or ignore into callbacks (id, chat_id, action, payload,"
                           " created_at) values (?,?,?,?,?)", row)
            for cb_id, action in marks:
                tx.execute("update callbacks set action = ? where id = ? and action = ?",
                           [f"{action}:done", cb_id, action])
            for cb_id, done in places:
                callbacks.mark_places(tx, cb_id, done)
        for cb_id in list(self.held)[:len(rows)]:
            self.held.pop(cb_id, None)
        for cb_id, _ in marks:
            self.used.pop(cb_id, None)
        for cb_id, done in places:
            self.used_places[cb_id] = self.used_places.get(cb_id, set()) - done
            if not self.used_places[cb_id]:
                del self.used_places[cb_id]
        log.info("held buttons written count=%d used_marks=%d", len(rows), len(marks))
        return len(rows)

    def take(self, db: Database, cb_id: str, *, action: str) -> bool:
        """`callbacks.take` (mark a once-only button used: True for the one press that does)
        for a button that may be held or whose mark the database refuses: then it is marked
        here, to be stored by the next flush. A held one is not written first: the press that
        resolved it just tried (bot.buttons.on_callback) and the database refused."""
        found = self.held.get(cb_id)
        if found is not None:
            if found.action != action:
                return False
            self.held[cb_id] = replace(found, action=f"{action}:done")
            log.info("held button used while writes are refused action=%s", action)
            return True
        if self.used.get(cb_id) == action:
            return False
        try:
            return callbacks.take(db, cb_id, action=action)
        except DatabaseFault as exc:  # not another error: its mark would fail every flush
            # the answer needs no write: it is given, the mark waits for the next flush
            self.used[cb_id] = action
            log.warning("button used while writes are refused action=%s error=%s (the mark is"
                        " kept in memory until the database takes it)", action, exc)
            return True

    def take_index(self, db: Database, cb_id: str, index: int) -> bool:
        """`callbacks.take_index` (a bundle's «📖 n»: place `index` used once), marked here
        when the database refuses the mark, to be stored by the next flush."""
        if index in self.used_places.get(cb_id, ()):
            return False
        try:
            return callbacks.take_index(db, cb_id, index)
        except DatabaseFault as exc:  # not another error (as `take`)
            self.used_places.setdefault(cb_id, set()).add(index)
            log.warning("story button used while writes are refused place=%d error=%s (the"
                        " mark is kept in memory until the database takes it)", index, exc)
            return True

    def give_back_index(self, db: Database, cb_id: str, index: int) -> None:
        """Undo `take_index` when nothing could be sent: the button works again."""
        places = self.used_places.get(cb_id)
        if places is not None and index in places:
            places.discard(index)
            if not places:
                del self.used_places[cb_id]
            return
        callbacks.give_back_index(db, cb_id, index)

    def give_back(self, db: Database, cb_id: str, *, action: str) -> None:
        """Undo `take` when nothing could be sent: the button works again."""
        found = self.held.get(cb_id)
        if found is not None:
            if found.action == f"{action}:done":
                self.held[cb_id] = replace(found, action=action)
            return
        if self.used.pop(cb_id, None) is not None:
            return
        callbacks.give_back(db, cb_id, action=action)

