"""Values and checks of the Telegram emulator (pure; no I/O): what Telegram refuses, and how.

`check_text` and `check_markup` apply Telegram's rules to a message (text ≤ 4096 UTF-16 units after
HTML parsing, Telegram's HTML, 64-byte callback data); `RateWindows` holds Telegram's limits as
sliding windows; `ApiError` is an error answer. The emulator (bot.emulator) uses them.
"""

from __future__ import annotations

import collections
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.telegram_html import MAX_TEXT_UTF16, EntityParseError, parse_html, utf16_len

JSON = dict[str, Any]

BLOCK_REASONS = {
    "blocked": "Forbidden: bot was blocked by the user",
    "deactivated": "Forbidden: user is deactivated",
    "kicked": "Forbidden: bot was kicked from the group chat",
    "cant_initiate": "Forbidden: bot can't initiate conversation with a user",
}

# Methods that deliver a message: the ones rate limits and send faults apply to.
SEND_METHODS = frozenset({"sendMessage"})
# A send's "delay" that means: accepted and recorded, then the connection reset before any
# answer byte (Emulator.reset_next; PTB sees httpx.RemoteProtocolError or ReadError)
RESET = -1.0




class ApiError(Exception):
    """An error answer of the Bot API: HTTP status, description and optional parameters."""

    def __init__(self, status: int, description: str,
                 parameters: Mapping[str, Any] | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = dict(parameters or {})


@dataclass(frozen=True)
class User:
    """A Telegram user as the emulator injects it."""

    id: int
    first_name: str = "Test"
    language_code: str | None = "ar"
    username: str | None = None
    is_bot: bool = False

    def to_json(self) -> JSON:
        out: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.username:
            out["username"] = self.username
        if self.language_code:
            out["language_code"] = self.language_code
        return out


@dataclass(frozen=True)
class Chat:
    """A chat the emulator knows: private chats appear on first use, groups are added."""

    id: int
    type: str = "private"  # private, group, supergroup, channel
    title: str = ""
    admins: frozenset[int] = frozenset()
    is_forum: bool = False  # a supergroup with topics

    def to_json(self) -> JSON:
        out: JSON = {"id": self.id, "type": self.type}
        if self.type == "private":
            out["first_name"] = self.title or "Test"
        else:
            out["title"] = self.title or f"Group {self.id}"
        if self.is_forum:
            out["is_forum"] = True
        return out

    @property
    def is_group(self) -> bool:
        return self.type != "private"


@dataclass(frozen=True)
class SentMessage:
    """A message the bot sent (its current state; `edits` counts accepted edits)."""

    chat_id: int
    message_id: int
    text: str  # as sent (HTML source when parse_mode is HTML)
    plain_text: str  # what the user sees
    parse_mode: str | None
    reply_markup: JSON | None
    at: float  # time.monotonic() when accepted
    wall_time: float  # time.time() when accepted
    entities: tuple[JSON, ...] = ()
    edits: int = 0
    message_thread_id: int | None = None  # the forum topic it was sent to (None: General)
    reply_to: int | None = None  # reply_parameters.message_id: the message it answers (QA31 G12)
    silent: bool = False  # sent with disable_notification (no sound on the phone)

    def buttons(self) -> list[JSON]:
        """Inline keyboard buttons, row by row flattened."""
        if not self.reply_markup:
            return []
        return [b for row in self.reply_markup.get("inline_keyboard", []) for b in row]

    def button_texts(self) -> list[str]:
        return [b.get("text", "") for b in self.buttons()]


@dataclass(frozen=True)
class Refusal:
    """A call the emulator answered with an error (for assertions on 429s and their timing)."""

    at: float  # time.monotonic()
    method: str
    chat_id: int | None
    status: int
    description: str


@dataclass
class RateWindows:
    """Telegram's limits as sliding windows, as strict as the documented numbers: `overall` sends
    per second, one per `per_chat_interval` per chat, `group_per_minute` per `group_seconds` per
    group. A refused call does not count."""

    enabled: bool = False
    overall_per_second: int = 30
    per_chat_interval: float = 1.0
    group_per_minute: int = 20
    group_seconds: float = 60.0
    overall: collections.deque[float] = field(default_factory=collections.deque)
    last_per_chat: dict[int, float] = field(default_factory=dict)
    group_window: dict[int, collections.deque[float]] = field(default_factory=dict)

    def admit(self, chat_id: int, is_group: bool, now: float) -> tuple[str, float] | None:
        """Record a send to `chat_id` at `now`, or refuse it: (the limit, seconds to wait)."""
        while self.overall and self.overall[0] <= now - 1.0:
            self.overall.popleft()
        if len(self.overall) >= self.overall_per_second:
            return "overall", self.overall[0] + 1.0 - now
        last = self.last_per_chat.get(chat_id)
        if last is not None and now - last < self.per_chat_interval:
            return "chat", last + self.per_chat_interval - now
        window = None
        if is_group:
            window = self.group_window.setdefault(chat_id, collections.deque())
            while window and window[0] <= now - self.group_seconds:
                window.popleft()
            if len(window) >= self.group_per_minute:
                return "group", window[0] + self.group_seconds - now
        self.overall.append(now)
        self.last_per_chat[chat_id] = now
        if window is not None:
            window.append(now)
        return None


def check_text(params: JSON) -> tuple[str, str, tuple[JSON, ...]]:
    text = params.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    parse_mode = params.get("parse_mode")
    entities: tuple[JSON, ...] = ()
    if parse_mode and str(parse_mode).lower() == "html":
        try:
            parsed = parse_html(text)
        except EntityParseError as err:
            raise ApiError(400, f"Bad Request: can't parse entities: {err}") from None
        plain = parsed.text
        entities = tuple(e.to_json() for e in parsed.entities)
    elif parse_mode:
        raise ApiError(400, f"Bad Request: unsupported parse_mode {parse_mode!r} "
                       "(the emulator checks HTML only)")
    else:
        plain = text
    if not plain.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if utf16_len(plain.strip()) > MAX_TEXT_UTF16:
        raise ApiError(400, "Bad Request: message is too long")
    return text, plain, entities

def check_markup(markup: Any) -> JSON | None:
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise ApiError(400, "Bad Request: can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup  # reply keyboards, remove/force reply: accepted as is
    for row in rows:
        for b in row:
            if not b.get("text"):
                raise ApiError(400, "Bad Request: text buttons are unallowed in the inline "
                               "keyboard")
            if "callback_data" in b:
                data = b["callback_data"]
                if not isinstance(data, str) or not 1 <= len(data.encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
            elif not any(k in b for k in ("url", "switch_inline_query", "login_url",
                                          "switch_inline_query_current_chat", "pay",
                                          "switch_inline_query_chosen_chat", "web_app",
                                          "copy_text", "callback_game")):
                raise ApiError(400, "Bad Request: can't find field \"callback_data\"")
    return markup


def too_many(wait: float) -> ApiError:
    retry_after = max(1, int(wait + 0.999))
    return ApiError(429, f"Too Many Requests: retry after {retry_after}",
                    {"retry_after": retry_after})


def maybe_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def truthy(value: Any) -> bool:
    return value in (True, "true", "True", "1", 1)
