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
"""

from __future__ import annotations

import json
import logging
import secrets
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot import callbacks
from digests.models import iso
from digests.storage import Database

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
        """Write the held buttons to the callbacks table (one transaction); they are let go
        once written. Returns how many. Raises sqlite3.Error when the database still refuses
        (all are kept): the caller holds the button it was making too, without waiting out
        the busy timeout a second time."""
        if not self.held:
            return 0
        rows = [[cb_id, h.chat_id, h.action, json.dumps(dict(h.payload), ensure_ascii=False),
                 iso(h.created_at)] for cb_id, h in self.held.items()]
        with db.transaction() as tx:
            for row in rows:
                tx.execute("insert or ignore into callbacks (id, chat_id, action, payload,"
                           " created_at) values (?,?,?,?,?)", row)
        for cb_id in list(self.held)[:len(rows)]:
            self.held.pop(cb_id, None)
        log.info("held buttons written count=%d", len(rows))
        return len(rows)
