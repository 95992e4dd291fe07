"""Faults and limits the Telegram emulator can impose (a mixin of bot.emulator.Emulator).

Tests configure them (`block`, `migrate`, `inject_429`, `fail_next`, `outage`, `slow_next`,
`reset_next`, `rate_limits`);
`_check_faults` applies them to every send method before it runs (`_check_injected`, the queued
faults only, to any other method), raising `ApiError` as Telegram
would answer. State belongs to the Emulator; it is declared here so the methods type-check.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.emulator_model import (
    BLOCK_REASONS,
    JSON,
    SEND_METHODS,
    ApiError,
    Chat,
    RESET,
    RateWindows,
    User,
    maybe_int,
    too_many,
)


@dataclass
class Fault:
    """An injected error answer: the next `remaining` matching calls get it."""

    status: int
    description: str
    parameters: JSON
    remaining: int  # -1: forever
    chat_id: int | None
    methods: frozenset[str]
    until: float | None = None  # monotonic end of a timed fault (`outage`); None: counted


class FaultInjection:
    """block, migrate, inject_429, fail_next, slow_next, rate_limits over the Emulator's state."""

    counters: collections.Counter[str]
    _lock: threading.RLock
    _chats: dict[int, Chat]
    _blocked: dict[int, str]
    _no_rights: dict[int, str]
    _migrated: dict[int, int]
    _faults: list[Fault]
    _slow: list[float]
    _slow_chats: dict[int, list[float]]
    _rates: RateWindows

    if TYPE_CHECKING:  # defined by BotApiMethods and UpdateInjection
        def _new_message_id(self, chat_id: int) -> int: ...
        def _user_for(self, chat_id: int, user: User | None,
                      language_code: str | None) -> User: ...
        def _push_update(self, kind: str, payload: JSON) -> int: ...

    def block(self, chat_id: int, reason: str = "blocked") -> None:
        """Answer 403 to every send to `chat_id`. `reason`: blocked, deactivated, kicked,
        cant_initiate, or a full "Forbidden: …" description."""
        with self._lock:
            self._blocked[chat_id] = BLOCK_REASONS.get(reason, reason)

    def take_rights(self, chat_id: int, description: str | None = None) -> None:
        """The bot may no longer post in the channel or group `chat_id` (an admin took its
        «Post messages» right, or muted it): every send there answers 400 with Telegram's
        words (a channel's «need administrator rights», a group's «not enough rights»)."""
        with self._lock:
            chat = self._chats.get(chat_id)
            channel = chat is not None and chat.type == "channel"
            self._no_rights[chat_id] = description or (
                "Bad Request: need administrator rights in the channel chat" if channel
                else "Bad Request: not enough rights to send text messages to the chat")

    def give_rights(self, chat_id: int) -> None:
        """Sends to `chat_id` are accepted again (after `take_rights`)."""
        with self._lock:
            self._no_rights.pop(chat_id, None)

    def unblock(self, chat_id: int) -> None:
        """Sends to `chat_id` are accepted again."""
        with self._lock:
            self._blocked.pop(chat_id, None)

    def migrate(self, chat_id: int, new_chat_id: int, *, announce: bool = False,
                user: User | None = None) -> None:
        """The group `chat_id` became the supergroup `new_chat_id`: sends to the old id get 400
        with `migrate_to_chat_id`.

        With `announce`, the bot also receives the two service messages Telegram sends: one in
        the old group with `migrate_to_chat_id`, then one in the new supergroup with
        `migrate_from_chat_id` (both from `user`, the admin who upgraded the group)."""
        with self._lock:
            self._migrated[chat_id] = new_chat_id
            old = self._chats.get(chat_id)
            new = self._chats[new_chat_id] = Chat(new_chat_id, "supergroup",
                                                  old.title if old else "",
                                                  old.admins if old else frozenset())
            old_json = old.to_json() if old else {"id": chat_id, "type": "group",
                                                  "title": new.title}
            if announce:
                to_id = self._new_message_id(chat_id)
                from_id = self._new_message_id(new_chat_id)
        if not announce:
            return
        sender = self._user_for(user.id if user else 1, user, None).to_json()
        now = int(time.time())
        self._push_update("message", {"message_id": to_id, "date": now, "chat": old_json,
                                      "from": sender, "migrate_to_chat_id": new_chat_id})
        self._push_update("message", {"message_id": from_id, "date": now,
                                      "chat": new.to_json(), "from": sender,
                                      "migrate_from_chat_id": chat_id})

    def inject_429(self, count: int = 1, retry_after: int = 1, *, chat_id: int | None = None,
                   methods: Iterable[str] = SEND_METHODS) -> None:
        """The next `count` calls (to `chat_id` if given) answer 429 with `retry_after`."""
        self.fail_next(count, 429, f"Too Many Requests: retry after {retry_after}",
                       parameters={"retry_after": retry_after}, chat_id=chat_id, methods=methods)

    def fail_next(self, count: int, status: int, description: str, *,
                  parameters: Mapping[str, Any] | None = None, chat_id: int | None = None,
                  methods: Iterable[str] = SEND_METHODS) -> None:
        """The next `count` matching calls (count -1: all) answer this error."""
        with self._lock:
            self._faults.append(Fault(status, description, dict(parameters or {}), count,
                                       chat_id, frozenset(methods)))

    def outage(self, seconds: float, status: int = 502, description: str = "Bad Gateway", *,
               methods: Iterable[str] = SEND_METHODS) -> None:
        """Every matching call answers `status` for the next `seconds` (timed, not counted:
        a Bot API outage lasts as long as it lasts, however fast or slow the bot sends)."""
        with self._lock:
            self._faults.append(Fault(status, description, {}, -1, None, frozenset(methods),
                                      until=time.monotonic() + seconds))

    def slow_next(self, count: int, seconds: float, *, chat_id: int | None = None) -> None:
        """The next `count` sends (to `chat_id` if given) are accepted and recorded, then
        answered `seconds` late (a client with a shorter read timeout sees TimedOut although
        the message was delivered)."""
        with self._lock:
            if chat_id is not None:
                self._slow_chats.setdefault(chat_id, []).extend([seconds] * count)
            else:
                self._slow.extend([seconds] * count)

    def reset_next(self, count: int = 1, *, chat_id: int | None = None) -> None:
        """The next `count` sends (to `chat_id` if given) are accepted and recorded, then the
        connection is reset before any answer byte (QA75: what a connection dropped after the
        request left looks like; the client cannot tell whether the message went)."""
        self.slow_next(count, RESET, chat_id=chat_id)

    def rate_limits(self, enabled: bool = True, *, overall_per_second: int = 30,
                    per_chat_interval: float = 1.0, group_per_minute: int = 20,
                    group_window: float = 60.0) -> None:
        """Enforce Telegram's limits on sends (sliding windows): over them → 429 retry_after.
        `group_per_minute` sends per `group_window` seconds (60 unless a test shortens it)."""
        with self._lock:
            self._rates = RateWindows(enabled, overall_per_second, per_chat_interval,
                                       group_per_minute, group_window)

    def _check_injected(self, method: str, params: JSON) -> None:
        """The faults a test queued with `fail_next` for this method (any method: a test may
        fail getUpdates to play a Bot API behind a failing proxy)."""
        chat_id = maybe_int(params.get("chat_id"))
        with self._lock:
            for fault in self._faults:
                if fault.remaining == 0 or method not in fault.methods:
                    continue
                if fault.until is not None and time.monotonic() >= fault.until:
                    continue
                if fault.chat_id is not None and fault.chat_id != chat_id:
                    continue
                if fault.remaining > 0:
                    fault.remaining -= 1
                raise ApiError(fault.status, fault.description, fault.parameters)

    def _check_faults(self, method: str, params: JSON) -> None:
        chat_id = maybe_int(params.get("chat_id"))
        self._check_injected(method, params)
        with self._lock:
            if chat_id is not None:
                if chat_id in self._migrated:
                    raise ApiError(400, "Bad Request: group chat was upgraded to a supergroup "
                                   "chat", {"migrate_to_chat_id": self._migrated[chat_id]})
                if chat_id in self._blocked:
                    raise ApiError(403, self._blocked[chat_id])
                if chat_id in self._no_rights and method in SEND_METHODS:
                    raise ApiError(400, self._no_rights[chat_id])
            if self._rates.enabled and chat_id is not None:
                chat = self._chats.get(chat_id)
                refused = self._rates.admit(chat_id, chat_id < 0 or bool(chat and chat.is_group),
                                            time.monotonic())
                if refused is not None:
                    self.counters[f"429:{refused[0]}"] += 1
                    raise too_many(refused[1])
