"""The Bot API methods the Telegram emulator answers (a mixin of bot.emulator.Emulator).

Each method takes the decoded parameters and returns the `result` of a successful answer, or
raises `ApiError` as Telegram would. State (chats, messages, updates, menus) belongs to the
Emulator; it is declared here so the methods type-check.
"""

from __future__ import annotations

import collections
import json
import threading
import time
from dataclasses import replace
from typing import Any

from bot.emulator_model import (
    JSON,
    ApiError,
    Chat,
    SentMessage,
    User,
    check_markup,
    check_text,
    maybe_int,
    truthy,
)


class BotApiMethods:
    """sendMessage, editMessageText, answerCallbackQuery, getUpdates … over the Emulator's state."""

    bot_user: User
    counters: collections.Counter[str]
    _lock: threading.RLock
    _changed: threading.Condition
    _stopping: bool
    _version: int
    _updates: list[JSON]
    _chats: dict[int, Chat]
    _users: dict[int, User]
    _next_message_id: collections.defaultdict[int, int]
    _messages: dict[tuple[int, int], SentMessage]
    _log: list[SentMessage]
    _callback_answers: dict[str, JSON]
    _callback_queries: dict[str, JSON]
    _inline_answers: dict[str, JSON]
    _commands: dict[tuple[str, str], list[JSON]]
    _closed_topics: set[tuple[int, int]]
    _migrated: dict[int, int]  # bot.emulator_faults.migrate: a group → its supergroup
    _chats_asked: list[int | None]  # the chats getChat was asked about, in order
    _reactions: dict[tuple[int, int], tuple[str, ...]]

    def commands(self, language_code: str = "", scope: Any = None) -> list[JSON]:
        raise NotImplementedError

    # ------------------------------------------------------------------ methods

    def _chat(self, chat_id: int) -> Chat:
        chat = self._chats.get(chat_id)
        if chat is None:
            if chat_id > 0 and chat_id in self._users:
                chat = self._chats[chat_id] = Chat(chat_id, "private",
                                                   self._users[chat_id].first_name)
            elif chat_id > 0:
                # A private chat the tests never introduced (benchmarks send to thousands).
                chat = self._chats[chat_id] = Chat(chat_id, "private")
            else:
                raise ApiError(400, "Bad Request: chat not found")
        return chat

    def _chat_for(self, params: JSON) -> Chat:
        chat_id = maybe_int(params.get("chat_id"))
        if chat_id is None:
            raise ApiError(400, "Bad Request: chat not found")
        with self._lock:
            return self._chat(chat_id)

    def _new_message_id(self, chat_id: int) -> int:
        mid = self._next_message_id[chat_id]
        self._next_message_id[chat_id] = mid + 1
        return mid

    def _message_json(self, m: SentMessage) -> JSON:
        chat = self._chats.get(m.chat_id) or Chat(m.chat_id)
        out: JSON = {"message_id": m.message_id, "date": int(m.wall_time),
                     "chat": chat.to_json(), "from": self.bot_user.to_json(),
                     "text": m.plain_text}
        if m.entities:
            out["entities"] = list(m.entities)
        if m.reply_markup and "inline_keyboard" in m.reply_markup:
            out["reply_markup"] = m.reply_markup
        if m.edits:
            out["edit_date"] = int(time.time())
        if m.message_thread_id is not None:
            out["message_thread_id"] = m.message_thread_id
            out["is_topic_message"] = True
        return out

    def _send_message(self, params: JSON) -> JSON:
        text, plain, entities = check_text(params)
        markup = check_markup(params.get("reply_markup"))
        thread = maybe_int(params.get("message_thread_id"))
        reply = params.get("reply_parameters")
        reply_to = maybe_int(reply.get("message_id") if isinstance(reply, dict)
                             else params.get("reply_to_message_id"))
        with self._changed:
            chat = self._chat_for(params)
            if thread is not None and not chat.is_forum:
                raise ApiError(400, "Bad Request: message thread not found")
            if (chat.id, thread) in self._closed_topics or (
                    thread is None and chat.is_forum and (chat.id, 1) in self._closed_topics):
                raise ApiError(400, "Bad Request: TOPIC_CLOSED")  # General is topic 1
            m = SentMessage(chat_id=chat.id, message_id=self._new_message_id(chat.id),
                            text=text, plain_text=plain, parse_mode=params.get("parse_mode"),
                            reply_markup=markup, at=time.monotonic(), wall_time=time.time(),
                            entities=entities, message_thread_id=thread, reply_to=reply_to,
                            silent=params.get("disable_notification") in (True, "true", "True"))
            self._messages[(m.chat_id, m.message_id)] = m
            self._log.append(m)
            self.counters["sent"] += 1
            self._version += 1
            self._changed.notify_all()
            return self._message_json(m)

    def _set_message_reaction(self, params: JSON) -> bool:
        """A reaction of the bot on a message of the chat (kept by (chat, message id): the last
        one set replaces the earlier, as a bot has one reaction per message)."""
        chat = self._chat_for(params)
        mid = maybe_int(params.get("message_id")) or 0
        reaction = params.get("reaction") or []
        if not isinstance(reaction, list):
            raise ApiError(400, "Bad Request: can't parse reaction types JSON object")
        emoji = tuple(str(r.get("emoji", "")) for r in reaction if isinstance(r, dict))
        with self._lock:
            if (chat.id, mid) not in self._messages and mid >= self._next_message_id[chat.id]:
                raise ApiError(400, "Bad Request: message to react not found")
            self._reactions[(chat.id, mid)] = emoji
        return True

    def _edit_target(self, params: JSON) -> SentMessage:
        if params.get("inline_message_id"):
            raise ApiError(400, "Bad Request: inline message editing is not emulated")
        chat = self._chat_for(params)
        mid = maybe_int(params.get("message_id"))
        m = self._messages.get((chat.id, mid or 0))
        if m is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        return m

    def _store_edit(self, new: SentMessage) -> JSON:
        with self._changed:
            self._messages[(new.chat_id, new.message_id)] = new
            self.counters["edits"] += 1
            self._version += 1
            self._changed.notify_all()
            return self._message_json(new)

    def _edit_message_text(self, params: JSON) -> JSON:
        text, plain, entities = check_text(params)
        markup = check_markup(params.get("reply_markup"))
        with self._lock:
            m = self._edit_target(params)
            if plain == m.plain_text and entities == m.entities and markup == m.reply_markup:
                raise ApiError(400, "Bad Request: message is not modified: specified new "
                               "message content and reply markup are exactly the same as a "
                               "current content and reply markup of the message")
            return self._store_edit(replace(m, text=text, plain_text=plain, entities=entities,
                                            parse_mode=params.get("parse_mode"),
                                            reply_markup=markup, edits=m.edits + 1))

    def _edit_message_reply_markup(self, params: JSON) -> JSON:
        markup = check_markup(params.get("reply_markup"))
        with self._lock:
            m = self._edit_target(params)
            if markup == m.reply_markup:
                raise ApiError(400, "Bad Request: message is not modified: specified new "
                               "message content and reply markup are exactly the same as a "
                               "current content and reply markup of the message")
            return self._store_edit(replace(m, reply_markup=markup, edits=m.edits + 1))

    def _delete_message(self, params: JSON) -> bool:
        with self._changed:
            m = self._edit_target(params)
            del self._messages[(m.chat_id, m.message_id)]
            self._version += 1
            self._changed.notify_all()
        return True

    def _answer_callback_query(self, params: JSON) -> bool:
        qid = str(params.get("callback_query_id", ""))
        with self._changed:
            if qid not in self._callback_queries:
                raise ApiError(400, "Bad Request: query is too old and response timeout "
                               "expired or query ID is invalid")
            if qid in self._callback_answers:
                raise ApiError(400, "Bad Request: query is too old and response timeout "
                               "expired or query ID is invalid")
            text = params.get("text") or ""
            if len(text) > 200:
                raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
            self._callback_answers[qid] = {"text": text,
                                           "show_alert": truthy(params.get("show_alert")),
                                           "url": params.get("url")}
            self._version += 1
            self._changed.notify_all()
        return True

    def _answer_inline_query(self, params: JSON) -> bool:
        qid = str(params.get("inline_query_id", ""))
        results = params.get("results") or []
        if not isinstance(results, list) or len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = set()
        for r in results:
            rid = str(r.get("id", ""))
            if not rid or len(rid.encode()) > 64 or rid in ids:
                raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
            ids.add(rid)
            content = r.get("input_message_content") or {}
            if "message_text" in content:
                check_text({"text": content["message_text"],
                                  "parse_mode": content.get("parse_mode")})
            check_markup(r.get("reply_markup"))
        button = params.get("button")  # the button above the results (InlineQueryResultsButton)
        if isinstance(button, str):
            button = json.loads(button)
        if button is not None and not 1 <= len(str(button.get("text") or "")) <= 64:
            raise ApiError(400, "Bad Request: BUTTON_TEXT_INVALID")
        with self._changed:
            self._inline_answers[qid] = {"results": results,
                                         "next_offset": params.get("next_offset") or "",
                                         "cache_time": params.get("cache_time"),
                                         "button": button}
            self._version += 1
            self._changed.notify_all()
        return True

    def chats_asked(self) -> list[int | None]:
        """The chats the bot asked getChat about, in order (answered or refused)."""
        with self._lock:
            return list(self._chats_asked)

    def _get_chat(self, params: JSON) -> JSON:
        # a group upgraded to a supergroup answers as Telegram does, 400 with its new id
        # (QA49 M10; sends meet the same in bot.emulator_faults)
        old = maybe_int(params.get("chat_id"))
        with self._lock:
            self._chats_asked.append(old)
            new = self._migrated.get(old) if old is not None else None
        if new is not None:
            raise ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat",
                           {"migrate_to_chat_id": new})
        chat = self._chat_for(params)
        return chat.to_json() | {"accent_color_id": 0, "max_reaction_count": 11}

    def _member_json(self, chat: Chat, user_id: int) -> JSON:
        user = self._users.get(user_id) or User(id=user_id)
        if user_id == self.bot_user.id:
            user = self.bot_user
        if chat.type == "private":
            status = "member"
        elif user_id in chat.admins:
            status = "administrator"
        else:
            status = "member"
        out: JSON = {"user": user.to_json(), "status": status}
        if status == "administrator":
            out |= {"can_be_edited": False, "is_anonymous": False, "can_manage_chat": True,
                    "can_delete_messages": True, "can_manage_video_chats": True,
                    "can_restrict_members": True, "can_promote_members": False,
                    "can_change_info": True, "can_invite_users": True,
                    "can_post_stories": False, "can_edit_stories": False,
                    "can_delete_stories": False}
        return out

    def _get_chat_member(self, params: JSON) -> JSON:
        chat = self._chat_for(params)
        user_id = maybe_int(params.get("user_id"))
        if user_id is None:
            raise ApiError(400, "Bad Request: user not found")
        with self._lock:
            return self._member_json(chat, user_id)

    def _get_chat_administrators(self, params: JSON) -> list[JSON]:
        chat = self._chat_for(params)
        if chat.type == "private":
            raise ApiError(400, "Bad Request: there are no administrators in the private chat")
        with self._lock:
            return [self._member_json(chat, uid) for uid in sorted(chat.admins)]

    @staticmethod
    def _scope_key(scope: Any) -> str:
        if not scope:
            return "default"
        if isinstance(scope, dict):
            return json.dumps(scope, sort_keys=True)
        return str(scope)

    def _set_my_commands(self, params: JSON) -> bool:
        commands = params.get("commands") or []
        for c in commands:
            name = str(c.get("command", ""))
            if not (1 <= len(name) <= 32) or not name.replace("_", "a").isalnum() \
                    or name.lower() != name:
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(c.get("description", ""))) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        with self._lock:
            key = (self._scope_key(params.get("scope")), str(params.get("language_code") or ""))
            self._commands[key] = list(commands)
        return True

    def _get_my_commands(self, params: JSON) -> list[JSON]:
        return self.commands(str(params.get("language_code") or ""), params.get("scope"))

    def _delete_my_commands(self, params: JSON) -> bool:
        with self._lock:
            key = (self._scope_key(params.get("scope")), str(params.get("language_code") or ""))
            self._commands.pop(key, None)
        return True

    def _delete_webhook(self, params: JSON) -> bool:
        if truthy(params.get("drop_pending_updates")):
            with self._lock:
                self._updates.clear()
        return True

    def _get_updates(self, params: JSON) -> list[JSON]:
        offset = maybe_int(params.get("offset"))
        limit = max(1, min(100, maybe_int(params.get("limit")) or 100))
        timeout = max(0.0, min(50.0, float(params.get("timeout") or 0)))
        deadline = time.monotonic() + timeout
        with self._changed:
            if offset is not None and offset > 0:
                # Confirm: updates before `offset` are never returned again.
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._stopping:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(left)
            return list(self._updates[:limit])
