"""A Telegram Bot API emulator: a real HTTP server on 127.0.0.1 that PTB talks to.

The offline demo, the tests and the benchmarks point PTB at it with
`base_url=f"{emulator.url}/bot"`; PTB then calls `/bot<TOKEN>/<method>` with form or JSON bodies.
It checks what Telegram checks (text ≤ 4096 UTF-16 units after HTML parsing, Telegram's HTML tag
set and entities, callback_data ≤ 64 bytes, "message is not modified", empty text), can inject the
faults Telegram produces (429 retry_after, 403 blocked/deactivated, 400 migrate_to_chat_id, slow
responses) and enforce Telegram's rates (30/s overall, 1/s per chat, 20/min per group), records
every accepted message, and injects updates (user messages, button clicks, inline queries, group
membership changes) for the bot to receive through getUpdates.

    with Emulator() as emu:
        bot = telegram.Bot("123:TEST", base_url=f"{emu.url}/bot")
        emu.send_user_message(42, "/start")
        ...                       # the bot answers through emu
        [msg] = emu.wait_for_messages(42, 1)      # or: await emu.await_messages(42, 1)
        emu.click(msg, "المزيد")

Blocking waits (`wait_for_*`) are for threads and scripts; inside an event loop that also runs the
bot, use the `await_*` variants, which poll without blocking the loop.

The HTTP layer is `bot.emulator_http`, the Bot API methods `bot.emulator_api`, the values and
Telegram's checks `bot.emulator_model`; this module holds the state and the test-facing API.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from bot.emulator_api import BotApiMethods
from bot.emulator_model import (
    BLOCK_REASONS,
    JSON,
    SEND_METHODS,
    ApiError,
    Chat,
    RateWindows,
    Refusal,
    SentMessage,
    User,
    maybe_int,
    too_many,
)
from bot.telegram_html import utf16_len

__all__ = ["BLOCK_REASONS", "SEND_METHODS", "ApiError", "Chat", "Emulator", "Refusal",
           "SentMessage", "User"]


@dataclass
class _Fault:
    status: int
    description: str
    parameters: JSON
    remaining: int  # -1: forever
    chat_id: int | None
    methods: frozenset[str]


class Emulator(BotApiMethods):
    """The Telegram Bot API emulator (see the module docstring for usage)."""

    def __init__(self, *, token: str | None = None, bot_id: int = 7000000001,
                 bot_username: str = "nashra_test_bot", host: str = "127.0.0.1",
                 port: int = 0) -> None:
        """Args:
            token: when set, requests with another token get 401 like Telegram; None accepts any.
            bot_id, bot_username: what getMe answers.
            host, port: where to listen (port 0 picks a free one).
        """
        self.token = token
        self.bot_user = User(id=bot_id, first_name="Nashra", username=bot_username,
                             language_code=None, is_bot=True)
        self._host, self._port = host, port
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._updates: list[JSON] = []
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._chats: dict[int, Chat] = {}
        self._users: dict[int, User] = {}
        self._next_message_id: collections.defaultdict[int, int] = collections.defaultdict(
            lambda: 1)
        self._messages: dict[tuple[int, int], SentMessage] = {}
        self._log: list[SentMessage] = []  # accepted sends in order (edits not included)
        self._callback_answers: dict[str, JSON] = {}
        self._callback_queries: dict[str, JSON] = {}
        self._inline_answers: dict[str, JSON] = {}
        self._commands: dict[tuple[str, str], list[JSON]] = {}
        self._blocked: dict[int, str] = {}
        self._migrated: dict[int, int] = {}
        self._faults: list[_Fault] = []
        self._slow: list[float] = []  # delays for the next responses to send methods
        self._rates = RateWindows()
        self.counters: collections.Counter[str] = collections.Counter()
        self._refusals: list[Refusal] = []
        self._version = 0
        self._stopping = False
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self._methods: dict[str, Callable[[JSON], Any]] = {
            "getMe": lambda p: self.bot_user.to_json() | {
                "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": True},
            "getUpdates": self._get_updates,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": lambda p: True,
            "close": lambda p: True,
            "logOut": lambda p: True,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "setMyDescription": lambda p: True,
            "setMyShortDescription": lambda p: True,
            "setChatMenuButton": lambda p: True,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "answerInlineQuery": self._answer_inline_query,
            "getChat": self._get_chat,
            "getChatMember": self._get_chat_member,
            "getChatAdministrators": self._get_chat_administrators,
            "sendChatAction": lambda p: (self._chat_for(p), True)[1],
        }

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> Emulator:
        """Start serving on a background thread; returns self."""
        from bot.emulator_http import make_server

        self._server = make_server(self, self._host, self._port)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="telegram-emulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; held long polls return at once."""
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """http://127.0.0.1:PORT — give PTB `base_url=f"{url}/bot"`."""
        if self._server is None:
            raise RuntimeError("emulator not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def base_url(self) -> str:
        """The `base_url` for PTB (`{url}/bot`)."""
        return f"{self.url}/bot"

    # ------------------------------------------------------------------ configuration

    def add_chat(self, chat_id: int, *, type: str = "supergroup", title: str = "",
                 admins: Iterable[int] = ()) -> Chat:
        """Declare a group/supergroup/channel (or a private chat) with its admin user ids."""
        chat = Chat(id=chat_id, type=type, title=title, admins=frozenset(admins))
        with self._lock:
            self._chats[chat_id] = chat
        return chat

    def add_group(self, chat_id: int, title: str = "", admins: Iterable[int] = (), *,
                  type: str = "supergroup") -> Chat:
        """Shorthand of `add_chat` for groups."""
        return self.add_chat(chat_id, type=type, title=title, admins=admins)

    def set_admins(self, chat_id: int, admins: Iterable[int]) -> None:
        with self._lock:
            self._chats[chat_id] = replace(self._chat(chat_id), admins=frozenset(admins))

    def block(self, chat_id: int, reason: str = "blocked") -> None:
        """Answer 403 to every send to `chat_id`. `reason`: blocked, deactivated, kicked,
        cant_initiate, or a full "Forbidden: …" description."""
        with self._lock:
            self._blocked[chat_id] = BLOCK_REASONS.get(reason, reason)

    def unblock(self, chat_id: int) -> None:
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
            self._faults.append(_Fault(status, description, dict(parameters or {}), count,
                                       chat_id, frozenset(methods)))

    def slow_next(self, count: int, seconds: float) -> None:
        """The next `count` sends are accepted and recorded, then answered `seconds` late (a
        client with a shorter read timeout sees TimedOut although the message was delivered)."""
        with self._lock:
            self._slow.extend([seconds] * count)

    def rate_limits(self, enabled: bool = True, *, overall_per_second: int = 30,
                    per_chat_interval: float = 1.0, group_per_minute: int = 20,
                    group_window: float = 60.0) -> None:
        """Enforce Telegram's limits on sends (sliding windows): over them → 429 retry_after.
        `group_per_minute` sends per `group_window` seconds (60 unless a test shortens it)."""
        with self._lock:
            self._rates = RateWindows(enabled, overall_per_second, per_chat_interval,
                                       group_per_minute, group_window)

    # ------------------------------------------------------------------ injecting updates

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

    # ------------------------------------------------------------------ assertions

    def messages(self, chat_id: int | None = None) -> list[SentMessage]:
        """Accepted messages in send order (current state after edits), optionally of one chat."""
        with self._lock:
            out = [self._messages[(m.chat_id, m.message_id)] for m in self._log
                   if (m.chat_id, m.message_id) in self._messages]
        return out if chat_id is None else [m for m in out if m.chat_id == chat_id]

    def sent_log(self) -> list[SentMessage]:
        """Every accepted send as it was at send time (with `at` timestamps), in order."""
        with self._lock:
            return list(self._log)

    def refusals(self, status: int | None = None) -> list[Refusal]:
        """Calls answered with an error (optionally of one HTTP status), in order."""
        with self._lock:
            return [r for r in self._refusals if status is None or r.status == status]

    def callback_answer(self, query_id: str) -> JSON | None:
        with self._lock:
            return self._callback_answers.get(query_id)

    def inline_answer(self, query_id: str) -> JSON | None:
        with self._lock:
            return self._inline_answers.get(query_id)

    def commands(self, language_code: str = "", scope: Mapping[str, Any] | None = None
                 ) -> list[JSON]:
        """The command menu set with setMyCommands for a language and scope."""
        with self._lock:
            return list(self._commands.get((self._scope_key(scope), language_code), []))

    def pending_updates(self) -> int:
        """Updates injected and not yet confirmed by the bot."""
        with self._lock:
            return len(self._updates)

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Block until `predicate()` is truthy (rechecked on every change); returns its value.

        Raises:
            TimeoutError: not true within `timeout` seconds.
        """
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("emulator: condition not met in time")
                self._changed.wait(min(left, 0.1))

    async def await_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Like `wait_for`, without blocking the event loop (polls every 10 ms)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError("emulator: condition not met in time")
            await asyncio.sleep(0.01)

    def _at_least(self, chat_id: int | None, n: int) -> Callable[[], list[SentMessage]]:
        def check() -> list[SentMessage]:
            found = self.messages(chat_id)
            return found if len(found) >= n else []
        return check

    def wait_for_messages(self, chat_id: int | None, n: int = 1,
                          timeout: float = 5.0) -> list[SentMessage]:
        """Block until at least `n` messages went to `chat_id`; returns them all."""
        return list(self.wait_for(self._at_least(chat_id, n), timeout))

    async def await_messages(self, chat_id: int | None, n: int = 1,
                             timeout: float = 5.0) -> list[SentMessage]:
        """`wait_for_messages` for code running in the bot's event loop."""
        return list(await self.await_for(self._at_least(chat_id, n), timeout))

    async def await_callback_answer(self, query_id: str, timeout: float = 5.0) -> JSON:
        return dict(await self.await_for(lambda: self._callback_answers.get(query_id), timeout))

    async def await_inline_answer(self, query_id: str, timeout: float = 5.0) -> JSON:
        return dict(await self.await_for(lambda: self._inline_answers.get(query_id), timeout))

    # ------------------------------------------------------------------ request entry point

    def handle(self, token: str, method: str, params: JSON) -> tuple[int, JSON, float]:
        """Serve one API call: (HTTP status, response body, seconds to delay the answer)."""
        self.counters["requests"] += 1
        self.counters[f"method:{method}"] += 1
        try:
            if self.token is not None and token != self.token:
                raise ApiError(401, "Unauthorized")
            fn = self._methods.get(method)
            if fn is None:
                raise ApiError(404, "Not Found")
            delay = 0.0
            if method in SEND_METHODS:
                self._check_faults(method, params)
            result = fn(params)
            if method in SEND_METHODS:
                with self._lock:
                    if self._slow:
                        delay = self._slow.pop(0)
            return 200, {"ok": True, "result": result}, delay
        except ApiError as err:
            self.counters[f"error:{err.status}"] += 1
            with self._lock:
                self._refusals.append(Refusal(time.monotonic(), method,
                                              maybe_int(params.get("chat_id")), err.status,
                                              err.description))
            body: JSON = {"ok": False, "error_code": err.status, "description": err.description}
            if err.parameters:
                body["parameters"] = err.parameters
            return err.status, body, 0.0

    # ------------------------------------------------------------------ checks

    def _check_faults(self, method: str, params: JSON) -> None:
        chat_id = maybe_int(params.get("chat_id"))
        with self._lock:
            for fault in self._faults:
                if fault.remaining == 0 or method not in fault.methods:
                    continue
                if fault.chat_id is not None and fault.chat_id != chat_id:
                    continue
                if fault.remaining > 0:
                    fault.remaining -= 1
                raise ApiError(fault.status, fault.description, fault.parameters)
            if chat_id is not None:
                if chat_id in self._migrated:
                    raise ApiError(400, "Bad Request: group chat was upgraded to a supergroup "
                                   "chat", {"migrate_to_chat_id": self._migrated[chat_id]})
                if chat_id in self._blocked:
                    raise ApiError(403, self._blocked[chat_id])
            if self._rates.enabled and chat_id is not None:
                chat = self._chats.get(chat_id)
                refused = self._rates.admit(chat_id, chat_id < 0 or bool(chat and chat.is_group),
                                            time.monotonic())
                if refused is not None:
                    self.counters[f"429:{refused[0]}"] += 1
                    raise too_many(refused[1])
