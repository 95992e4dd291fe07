"""What users do, as updates the Telegram emulator queues for the bot (a mixin of
bot.emulator.Emulator).

A user writes a message or a command, presses an inline button, types an inline query, or adds
or removes the bot in a group; the bot receives each through getUpdates. State belongs to the
Emulator; it is declared here so the methods type-check.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.emulator_model import JSON, Chat, SentMessage, User
from bot.telegram_html import utf16_len


class UpdateInjection:
    """send_user_message, click, inline_query, chat_member_update over the Emulator's state."""

    bot_user: User
    _lock: threading.RLock
    _changed: threading.Condition
    _version: int
    _updates: list[JSON]
    _update_ids: itertools.count[int]
    _query_ids: itertools.count[int]
    _chats: dict[int, Chat]
    _users: dict[int, User]
    _messages: dict[tuple[int, int], SentMessage]
    _callback_queries: dict[str, JSON]

    if TYPE_CHECKING:  # defined by BotApiMethods and Emulator
        def _new_message_id(self, chat_id: int) -> int: ...
        def _message_json(self, m: SentMessage) -> JSON: ...
        def add_chat(self, chat_id: int, *, type: str = "supergroup", title: str = "",
                     admins: Iterable[int] = ()) -> Chat: ...

    def _push_update(self, kind: str, payload: JSON) -> int:
        with self._changed:
            update_id = next(self._update_ids)
            self._updates.append({"update_id": update_id, kind: payload})
            self._version += 1
            self._changed.notify_all()
            return update_id

    def _user_for(self, chat_id: int, user: User | None, language_code: str | None) -> User:
        if user is None:
            user = self._users.get(chat_id) if chat_id > 0 else None
            if user is None:
                user = User(id=chat_id if chat_id > 0 else 1,
                            language_code=language_code or "ar")
            elif language_code is not None:
                user = replace(user, language_code=language_code)
        with self._lock:
            self._users[user.id] = user
        return user

    def send_user_message(self, chat_id: int, text: str, *, user: User | None = None,
                          language_code: str | None = None) -> int:
        """A user writes `text` in `chat_id` (commands get a bot_command entity). Private chats
        appear on first use; for a group, `add_group` it first. Returns the message id."""
        user = self._user_for(chat_id, user, language_code)
        with self._lock:
            chat = self._chats.get(chat_id)
            if chat is None:
                chat = self._chats[chat_id] = Chat(chat_id, "private" if chat_id > 0
                                                   else "group", user.first_name)
            message_id = self._new_message_id(chat_id)
        msg: JSON = {"message_id": message_id, "date": int(time.time()),
                     "chat": chat.to_json(), "text": text}
        if chat.type != "channel":
            msg["from"] = user.to_json()
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            msg["entities"] = [{"type": "bot_command", "offset": 0,
                                "length": utf16_len(command)}]
        self._push_update("channel_post" if chat.type == "channel" else "message", msg)
        return message_id

    def click(self, message: SentMessage | tuple[int, int], button_text: str | None = None, *,
              data: str | None = None, user: User | None = None) -> str:
        """A user presses the inline button labelled `button_text` on a message the bot sent
        (or sends raw callback `data`, e.g. tampered). Returns the callback query id."""
        with self._lock:
            key = (message.chat_id, message.message_id) if isinstance(message, SentMessage) \
                else message
            current = self._messages.get(key)
            if current is None:
                raise KeyError(f"no bot message {key}")
            if data is None:
                for b in current.buttons():
                    if b.get("text") == button_text and "callback_data" in b:
                        data = b["callback_data"]
                        break
                else:
                    raise KeyError(f"no callback button {button_text!r}; buttons: "
                                   f"{current.button_texts()}")
            user = self._user_for(current.chat_id, user, None)
            query_id = str(next(self._query_ids))
            query: JSON = {"id": query_id, "from": user.to_json(),
                           "message": self._message_json(current),
                           "chat_instance": str(current.chat_id), "data": data}
            self._callback_queries[query_id] = query
        self._push_update("callback_query", query)
        return query_id

    def inline_query(self, query: str, *, user: User | None = None, offset: str = "",
                     chat_type: str = "private") -> str:
        """A user types `@bot query` somewhere. Returns the inline query id."""
        user = self._user_for(user.id if user else 1, user, None)
        query_id = str(next(self._query_ids))
        self._push_update("inline_query", {"id": query_id, "from": user.to_json(),
                                           "query": query, "offset": offset,
                                           "chat_type": chat_type})
        return query_id

    def chat_member_update(self, chat_id: int, *, new_status: str = "member",
                           old_status: str = "left", user: User | None = None) -> int:
        """The bot's membership in `chat_id` changes (added to a group: left → member; removed:
        member → left, or banned: member → kicked)."""
        user = self._user_for(user.id if user else 1, user, None)
        with self._lock:
            chat = self._chats.get(chat_id) or self.add_chat(chat_id)
        return self._push_update("my_chat_member", {
            "chat": chat.to_json(), "from": user.to_json(), "date": int(time.time()),
            "old_chat_member": self._bot_member_json(old_status),
            "new_chat_member": self._bot_member_json(new_status),
        })

    def _bot_member_json(self, status: str) -> JSON:
        member: JSON = {"user": self.bot_user.to_json(), "status": status}
        if status == "kicked":
            # Telegram always sends until_date for a ban (0 = forever); PTB requires it
            member["until_date"] = 0
        return member
