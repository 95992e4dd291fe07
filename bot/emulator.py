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

The HTTP layer is `bot.emulator_http`, the Bot API methods `bot.emulator_api`, faults and rate
limits `bot.emulator_faults`, the users' side (updates for the bot) `bot.emulator_updates`, the
values and Telegram's checks `bot.emulator_model`; this module holds the state, the lifecycle,
the recorded messages and waits, and the request entry point.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from bot.emulator_api import BotApiMethods
from bot.emulator_faults import Fault, FaultInjection
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
)
from bot.emulator_updates import UpdateInjection

__all__ = ["BLOCK_REASONS", "SEND_METHODS", "ApiError", "Chat", "Emulator", "Refusal",
           "SentMessage", "User"]


class Emulator(BotApiMethods, FaultInjection, UpdateInjection):
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
        self._no_rights: dict[int, str] = {}  # chat → a 400 for sends (take_rights)
        self._migrated: dict[int, int] = {}
        self._chats_asked: list[int | None] = []  # getChat's chats, in order (emulator_api)
        self._closed_topics: set[tuple[int, int]] = set()  # (chat, thread): TOPIC_CLOSED
        self._reactions: dict[tuple[int, int], tuple[str, ...]] = {}  # the bot's, per message
        self._faults: list[Fault] = []
        self._slow: list[float] = []  # delays for the next responses to send methods
        self._slow_chats: dict[int, list[float]] = {}  # … to one chat's (slow_next chat_id)
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
            "setMessageReaction": self._set_message_reaction,
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
                 admins: Iterable[int] = (), forum: bool = False) -> Chat:
        """Declare a group/supergroup/channel (or a private chat) with its admin user ids;
        `forum`: a supergroup with topics (a user writes in one with `send_user_message(…,
        extra={"message_thread_id": 77, "is_topic_message": True})`)."""
        chat = Chat(id=chat_id, type=type, title=title, admins=frozenset(admins),
                    is_forum=forum)
        with self._lock:
            self._chats[chat_id] = chat
        return chat

    def add_group(self, chat_id: int, title: str = "", admins: Iterable[int] = (), *,
                  type: str = "supergroup", forum: bool = False) -> Chat:
        """Shorthand of `add_chat` for groups."""
        return self.add_chat(chat_id, type=type, title=title, admins=admins, forum=forum)

    def close_topic(self, chat_id: int, thread_id: int) -> None:
        """Sends to this forum topic are refused with 400 TOPIC_CLOSED from now on (topic 1:
        General, which a send without a thread goes to)."""
        with self._lock:
            self._closed_topics.add((chat_id, thread_id))

    def continue_message_ids(self, after: int) -> None:
        """Number every chat's messages from `after` + 1 on (never lower than now): Telegram never
        reuses a chat's message ids, and a sandbox run again on a kept database must not either
        (QA58-16: its /ingest took the id of one stored by an earlier run and was ignored as
        redelivered)."""
        start = max(after + 1, 1)
        with self._lock:
            for chat_id, next_id in list(self._next_message_id.items()):
                self._next_message_id[chat_id] = max(next_id, start)
            self._next_message_id.default_factory = lambda: start

    def set_admins(self, chat_id: int, admins: Iterable[int]) -> None:
        with self._lock:
            self._chats[chat_id] = replace(self._chat(chat_id), admins=frozenset(admins))

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

    def reactions(self, chat_id: int) -> dict[int, tuple[str, ...]]:
        """The bot's reactions in `chat_id`: message id → emoji (QA31 G1's «heard» sign)."""
        with self._lock:
            return {mid: emoji for (chat, mid), emoji in self._reactions.items()
                    if chat == chat_id}

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
            else:
                self._check_injected(method, params)
            result = fn(params)
            if method in SEND_METHODS:
                with self._lock:
                    own = self._slow_chats.get(maybe_int(params.get("chat_id")) or 0)
                    if own:
                        delay = own.pop(0)
                    elif self._slow:
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
