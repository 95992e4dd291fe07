"""Opaque callback data: buttons carry a random id; what the button does stays on the server.

Telegram lets a client send back any callback_data it likes (up to 64 bytes), so a button never
carries an action or a topic itself. `new_callback` stores (chat, action, payload) under a random
id in the `callbacks` table; `resolve` looks it up and refuses an unknown or expired id, or one
pressed in a different chat than it was made for. The handler then answers politely and does
nothing.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from digests.models import iso, parse_iso
from digests.storage import Database

log = logging.getLogger(__name__)

MAX_AGE = timedelta(days=7)
# The button under a delivered digest that sends the stories it counted but did not show
# (made by bot.courier, handled by bot.buttons; QA17 R2)
MORE_STORIES = "more_stories"
# The story buttons under a compact delivered digest (bot.bundle_buttons, QA18 R16): ONE
# stored id for the bundle, payload {"articles": [the shown stories' article ids]}; each button's
# data is «<id>.<n>», n the story's 1-based place in it (checked against the payload on press).
STORY = "story"
ID_BYTES = 12  # 16 URL-safe characters, well under Telegram's 64-byte limit
_INDEX_SEP = "."  # never in an id: token_urlsafe uses A–Z a–z 0–9 - _
# «<id>.<n>» as bot.bundle_buttons makes it: a 16-character id and a place 1–99
_STORY_DATA_RE = re.compile(r"[A-Za-z0-9_-]{16}\.[1-9][0-9]?")
# any data a button of ours carries: an id, with a place after it or without
_BUTTON_DATA_RE = re.compile(r"[A-Za-z0-9_-]{16}(?:\.[1-9][0-9]?)?")


@dataclass(frozen=True)
class Callback:
    """What a button does: an action name and its JSON payload, bound to one chat."""

    id: str
    chat_id: int
    action: str
    payload: Mapping[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None
    index: int | None = None  # «<id>.<n>»: which of the id's buttons was pressed (STORY)


def new_callback(db: Database, *, chat_id: int, action: str,
                 payload: Mapping[str, Any] | None = None, now: datetime) -> str:
    """Store a button's meaning and return its opaque id (the callback_data to send)."""
    cb_id = secrets.token_urlsafe(ID_BYTES)
    with db.transaction() as tx:
        tx.execute(
            "insert into callbacks (id, chat_id, action, payload, created_at) values (?,?,?,?,?)",
            [cb_id, chat_id, action, json.dumps(dict(payload or {}), ensure_ascii=False),
             iso(now)],
        )
    return cb_id


def resolve(db: Database, callback_id: str | None, *, chat_id: int, now: datetime,
            max_age: timedelta = MAX_AGE, log_unknown: bool = True) -> Callback | None:
    """The stored callback for `callback_id`, or None when unknown, expired or from another chat
    (`refusal` says which, for the answer). `log_unknown` False: an unknown id is not logged
    here — the caller looks further (a button held in memory, bot.held_buttons) and logs what
    it comes to (QA76-12: «reason=unknown» was logged for held presses served, and for those
    refused as «busy»).

    Never raises on tampered input: whatever a client sends is only a lookup key.
    """
    reason, row, index = _lookup(db, callback_id, chat_id=chat_id, now=now, max_age=max_age)
    if reason is not None or row is None:
        level = logging.WARNING if reason == "other_chat" else logging.INFO
        if reason != "unknown" or log_unknown:
            log.log(level, "callback refused reason=%s chat=%s%s", reason, chat_id,
                    f" owner={row['chat_id']}" if reason == "other_chat" and row else "")
        return None
    try:
        payload = json.loads(row["payload"] or "{}")
    except ValueError:
        payload = {}
    return Callback(id=row["id"], chat_id=row["chat_id"], action=row["action"],
                    payload=payload if isinstance(payload, dict) else {},
                    created_at=parse_iso(row["created_at"]), index=index)


@dataclass(frozen=True)
class Refusal:
    """Why a pressed button was refused: `reason` 'malformed', 'unknown', 'other_chat' or
    'expired'; `action` the stored action when the id is known; `story` when the data is a
    story button's «<id>.<n>» (QA21 R4: the answer words what the button was)."""

    reason: str
    action: str | None = None
    story: bool = False


def refusal(db: Database, callback_id: str | None, *, chat_id: int, now: datetime,
            max_age: timedelta = MAX_AGE) -> Refusal:
    """Why `resolve` refused `callback_id` (asked only after it did; no log line)."""
    reason, row, _index = _lookup(db, callback_id, chat_id=chat_id, now=now, max_age=max_age)
    # a story button's wording only for what one is (its stored action), or for data shaped
    # exactly like one when the id is gone: forged «../../» or «0000000000000000.999» got the
    # story wording before (QA38 A8)
    story = (row["action"] == STORY if row is not None
             else bool(_STORY_DATA_RE.fullmatch(str(callback_id or ""))))
    if row is None and not _BUTTON_DATA_RE.fullmatch(str(callback_id or "")):
        reason = "malformed"  # no button of ours ever carried it: not «expired» (QA65-9)
    return Refusal(reason or "unknown", row["action"] if row is not None else None, story)


def _lookup(db: Database, callback_id: str | None, *, chat_id: int, now: datetime,
            max_age: timedelta) -> tuple[str | None, Any, int | None]:
    """(why it is refused or None, the stored row or None, the button's index)."""
    if not callback_id or len(callback_id) > 64:
        return "malformed", None, None
    index: int | None = None
    if _INDEX_SEP in callback_id:
        callback_id, _, tail = callback_id.partition(_INDEX_SEP)
        if not tail.isascii() or not tail.isdigit() or len(tail) > 3:
            return "malformed", None, None
        index = int(tail)
    row = next(iter(db.db.query("select * from callbacks where id = ?", [callback_id])), None)
    if row is None:
        return "unknown", None, index
    if row["chat_id"] != chat_id:
        return "other_chat", row, index
    created = parse_iso(row["created_at"])
    if created is None or now - created > max_age:
        return "expired", row, index
    return None, row, index


def button_data(callback_id: str, index: int) -> str:
    """The callback data of button `index` (1-based) of a stored id with several (STORY)."""
    return f"{callback_id}{_INDEX_SEP}{index}"


def take_index(db: Database, callback_id: str, index: int) -> bool:
    """Mark button `index` of a stored id used (its payload's "done" list), once: True for the
    one caller that added it (a double press, or two readers of a group at once, get False)."""
    with db.transaction() as tx:
        return mark_places(tx, callback_id, {index})


def mark_places(tx: Any, callback_id: str, places: set[int]) -> bool:
    """Add `places` to a stored id's used places (its payload's "done" list) inside the caller's
    transaction: `take_index` for one press, bot.held_buttons' flush for the places marked while
    the database refused writes. True when one of them was not there yet (and was written)."""
    row = tx.execute("select payload from callbacks where id = ?", [callback_id]).fetchone()
    if row is None:
        return False
    try:
        payload = json.loads(row[0] or "{}")
    except ValueError:
        payload = {}
    if not isinstance(payload, dict):
        payload = {}
    done = [d for d in payload.get("done", []) if isinstance(d, int)]
    new = sorted(places - set(done))
    if not new:
        return False
    payload["done"] = [*done, *new]
    tx.execute("update callbacks set payload = ? where id = ?",
               [json.dumps(payload, ensure_ascii=False), callback_id])
    return True


def give_back_index(db: Database, callback_id: str, index: int) -> None:
    """Undo `take_index` when nothing could be sent: the button works again."""
    with db.transaction() as tx:
        row = tx.execute("select payload from callbacks where id = ?", [callback_id]).fetchone()
        if row is None:
            return
        try:
            payload = json.loads(row[0] or "{}")
        except ValueError:
            return
        if isinstance(payload, dict) and isinstance(payload.get("done"), list):
            payload["done"] = [d for d in payload["done"] if d != index]
            tx.execute("update callbacks set payload = ? where id = ?",
                       [json.dumps(payload, ensure_ascii=False), callback_id])


def take(db: Database, callback_id: str, *, action: str) -> bool:
    """Mark a once-only button used: its action becomes `<action>:done`. True for the one
    caller that changed it (a double press, or two readers of a group at once, get False)."""
    with db.transaction() as tx:
        cur = tx.execute("update callbacks set action = ? where id = ? and action = ?",
                         [f"{action}:done", callback_id, action])
        return bool(cur.rowcount)


def forget(db: Database, callback_id: str) -> None:
    """Delete a button's meaning (a button that was never sent: bot.courier)."""
    with db.transaction() as tx:
        tx.execute("delete from callbacks where id = ?", [callback_id])


def give_back(db: Database, callback_id: str, *, action: str) -> None:
    """Undo `take` when nothing could be sent: the button works again."""
    with db.transaction() as tx:
        tx.execute("update callbacks set action = ? where id = ? and action = ?",
                   [action, callback_id, f"{action}:done"])


def purge(db: Database, *, now: datetime, max_age: timedelta = MAX_AGE) -> int:
    """Delete callbacks older than `max_age` (a daily job); returns how many went."""
    with db.transaction() as tx:
        cur = tx.execute("delete from callbacks where created_at < ?", [iso(now - max_age)])
        return int(cur.rowcount or 0)


def move_chat(db: Database, old_id: int, new_id: int) -> None:
    """A group became a supergroup: its buttons follow it."""
    with db.transaction() as tx:
        tx.execute("update callbacks set chat_id = ? where chat_id = ?", [new_id, old_id])
