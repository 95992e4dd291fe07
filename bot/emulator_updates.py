"""What users do, as updates the Telegram emulator queues for the bot (a mixin of
bot.emulator.Emulator).

A user writes a message or a command, presses an inline button, types an inline query, or adds
or removes the bot in a group; the bot receives each through getUpdates. State belongs to the
Emulator; it is declared here so the methods type-check.
"""

from __future__ import annotations

import itertools
import re
import threading
import time
from collections.abc import Iterable, Mapping
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

    def _written(self) -> dict[tuple[int, int], User]:
        """Who wrote each user message, by (chat, message id); made on first use (the state
        belongs to the Emulator, which does not know of edits)."""
        written: dict[tuple[int, int], User] = self.__dict__.setdefault("_user_written", {})
        return written

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
                          language_code: str | None = None, extra: JSON | None = None) -> int:
        """A user writes `text` in `chat_id` (commands get a bot_command entity). Private chats
        appear on first use; for a group, `add_group` it first. `extra`: more Message fields
        as the Bot API names them (`forward_origin`, `sender_chat` …). Returns the message id."""
        msg = self._user_message(chat_id, user, language_code,
                                 {"text": text, **_command_entities(text), **(extra or {})})
        self._push_update("channel_post" if msg["chat"]["type"] == "channel" else "message", msg)
        message_id: int = msg["message_id"]
        return message_id

    def automatic_forward(self, channel_id: int, group_id: int, text: str) -> int:
        """Telegram copies a post of channel `channel_id` into its linked discussion group
        `group_id` (`is_automatic_forward`, sent by the channel from user 777000; QA31 G2).
        Returns the copy's message id."""
        with self._lock:
            channel = self._chats.get(channel_id) or self.add_chat(channel_id, type="channel")
        service = User(id=777000, first_name="Telegram", language_code=None)
        msg = self._user_message(group_id, service, None, {
            "text": text, **_command_entities(text), "is_automatic_forward": True,
            "sender_chat": channel.to_json(),
            "forward_origin": {"type": "channel", "chat": channel.to_json(),
                               "message_id": 1, "date": int(time.time())}})
        self._push_update("message", msg)
        message_id: int = msg["message_id"]
        return message_id

    def _user_message(self, chat_id: int, user: User | None, language_code: str | None,
                      content: JSON) -> JSON:
        user = self._user_for(chat_id, user, language_code)
        with self._lock:
            chat = self._chats.get(chat_id)
            if chat is None:
                chat = self._chats[chat_id] = Chat(chat_id, "private" if chat_id > 0
                                                   else "group", user.first_name)
            message_id = self._new_message_id(chat_id)
            # kept, so the user can edit it later (`edit_user_message`)
            self._written()[(chat_id, message_id)] = user
        msg: JSON = {"message_id": message_id, "date": int(time.time()),
                     "chat": chat.to_json(), **content}
        if chat.type != "channel":
            msg["from"] = user.to_json()
        return msg

    def send_user_content(self, chat_id: int, kind: str, *, caption: str | None = None,
                          user: User | None = None) -> int:
        """A user sends something that is not text: a "sticker", a "photo" (with `caption`
        when given), a "location" or a "voice" note, shaped as the Bot API sends them. Returns the message id."""
        content: JSON
        if kind == "sticker":
            content = {"sticker": {"file_id": "sticker-1", "file_unique_id": "s1", "width": 512,
                                   "height": 512, "is_animated": False, "is_video": False,
                                   "type": "regular", "emoji": "🙂"}}
        elif kind == "photo":
            content = {"photo": [{"file_id": "photo-1", "file_unique_id": "p1", "width": 320,
                                  "height": 240, "file_size": 12000}]}
            if caption is not None:
                content["caption"] = caption
        elif kind == "location":
            content = {"location": {"latitude": 33.51, "longitude": 36.29}}
        elif kind == "voice":
            content = {"voice": {"file_id": "voice-1", "file_unique_id": "v1", "duration": 3,
                                 "mime_type": "audio/ogg", "file_size": 4000}}
        else:
            raise ValueError(f"unknown content kind {kind!r}: sticker, photo, location or voice")
        msg = self._user_message(chat_id, user, None, content)
        self._push_update("message", msg)
        message_id: int = msg["message_id"]
        return message_id

    def edit_user_message(self, chat_id: int, message_id: int, text: str) -> int:
        """The user who wrote message `message_id` edits its text (an `edited_message` update).
        Returns the update id."""
        with self._lock:
            user = self._written()[(chat_id, message_id)]
            chat = self._chats[chat_id]
        now = int(time.time())
        return self._push_update("edited_message", {  # a command keeps its entity (QA29 A7)
            "message_id": message_id, "date": now, "edit_date": now, "chat": chat.to_json(),
            "from": user.to_json(), "text": text, **_command_entities(text)})

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
                           old_status: str = "left", user: User | None = None,
                           rights: Mapping[str, bool] | None = None) -> int:
        """The bot's membership in `chat_id` changes (added to a group: left → member; removed:
        member → left, or banned: member → kicked)."""
        user = self._user_for(user.id if user else 1, user, None)
        with self._lock:
            chat = self._chats.get(chat_id) or self.add_chat(chat_id)
        return self._push_update("my_chat_member", {
            "chat": chat.to_json(), "from": user.to_json(), "date": int(time.time()),
            "old_chat_member": self._bot_member_json(old_status),
            "new_chat_member": self._bot_member_json(new_status) | dict(rights or {}),
        })

    def _bot_member_json(self, status: str) -> JSON:
        """The bot as a ChatMember of `status`, with every field the Bot API always sends for
        it (PTB refuses a member without them: QA10 F13 saw "administrator" fail to parse)."""
        member: JSON = {"user": self.bot_user.to_json(), "status": status}
        if status == "kicked":
            # Telegram always sends until_date for a ban (0 = forever); PTB requires it
            member["until_date"] = 0
        elif status == "administrator":
            member.update(can_be_edited=False, is_anonymous=False, can_manage_chat=True,
                          can_delete_messages=True, can_manage_video_chats=True,
                          can_restrict_members=True, can_promote_members=False,
                          can_change_info=True, can_invite_users=True, can_post_stories=False,
                          can_edit_stories=False, can_delete_stories=False,
                          can_pin_messages=True, can_manage_topics=False)
        elif status == "creator":
            member["is_anonymous"] = False
        elif status == "restricted":  # a member who may not write (a muted bot)
            member.update(is_member=True, until_date=0, **{f"can_{right}": False for right in (
                "change_info", "invite_users", "pin_messages", "send_messages", "send_polls",
                "send_other_messages", "add_web_page_previews", "manage_topics", "send_audios",
                "send_documents", "send_photos", "send_videos", "send_video_notes",
                "send_voice_notes", "edit_tag", "react_to_messages")})
        return member


_MENTION_RE = re.compile(r"@[A-Za-z][A-Za-z0-9_]{3,31}\b")


def _command_entities(text: str) -> JSON:
    """The `entities` field Telegram gives a message, sent or edited: a leading command is a
    bot_command («/push»; `~filters.COMMAND` tells it from a search by that), and each
    «@username» elsewhere a mention (QA31 G10: a member naming the bot in a group)."""
    entities: list[JSON] = []
    command = text.split(maxsplit=1)[0] if text.startswith("/") else ""
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command)})
    for found in _MENTION_RE.finditer(text):
        if found.start() >= len(command):
            entities.append({"type": "mention", "offset": utf16_len(text[:found.start()]),
                             "length": utf16_len(found.group())})
    return {"entities": entities} if entities else {}
