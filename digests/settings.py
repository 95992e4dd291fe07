"""One immutable Settings object, read once from the environment and an optional `.env` file.

Every key here is listed in `.env.example` and in the README's configuration table; a test keeps
the three in step. Code never reads `os.environ` itself: the settings are passed in.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
from collections.abc import Mapping
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar
from urllib.parse import urlsplit

from digests.env_text import read_env_file
from digests.errors import ConfigError
from digests.logs import url_setting_shown


# The origin of a key given in the process environment (`Settings.origin`); a key read from the
# `.env` file has that file's path, one set on the command line its option («--db»).
ENVIRONMENT = "environment"


def _no_origins() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Settings:
    """All configuration of Nashra. Field names are the lower-case environment keys."""

    database_path: Path = Path("data/nashra.db")
    sources_file: Path | None = None  # None: the shipped list of Arabic news feeds
    poll_interval_minutes: int = 15
    allow_private_sources: bool = False

    # Fetching
    fetch_timeout_seconds: float = 20.0
    max_body_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    per_host_concurrency: int = 2
    # The newest new entries one poll stores of a feed (QA29 A3: a 20,000-item feed cost 19,762
    # page requests in one poll); the rest wait for the next poll, if the feed still lists them.
    max_entries_per_feed: int = 200
    # A source failing this many hours in a row is told to the admins, once, and its recovery
    # once more (QA35 L1: BBC dead 3 days, france24 10, nobody told; bot.source_alerts).
    source_alert_hours: int = 6
    # A channel or group that removed the bot (held, bot.chat_holds) this many days ago: its
    # waiting news is dropped and /stats stops listing it as held (bot.hold_expiry; X74).
    held_chat_days: int = 30
    # A feed answering a permanent redirect (301/308) at this many polls in a row gets the new
    # URL stored (QA35 L3; at least 3, so one misconfigured answer moves nothing).
    redirect_adopt_polls: int = 3
    user_agent: str = "NashraBot/0.1 (+https://github.com/nashra-bot; Arabic news digests)"
    fetch_pages: bool = True
    # Offset (minutes east of UTC) of a page or feed date written without one, for a source whose
    # offset has not been learned yet (digests.dates.publication_time).
    source_utc_offset_minutes: int = 0
    # Meaning vectors (digests.semantic) in the story decision, where the model is installed.
    semantic_model: bool = False
    # The story decision where the words are unsure: "use" (digests.story_use, the default) or
    # "words" alone. SEMANTIC_MODEL=true (e5) takes precedence.
    story_model: str = "use"

    # Telegram
    # not in repr (QA73-9): a print or an f-string of the settings never shows it; the logs
    # redact it anyway (digests.logs.RedactTokenFilter)
    telegram_bot_token: str = field(default="", repr=False)
    # out of repr too: either may carry a user:password@ (QA65-1 keeps it out of the log lines)
    telegram_api_base_url: str = field(default="https://api.telegram.org/bot", repr=False)
    admin_ids: frozenset[int] = frozenset()
    webhook_url: str = field(default="", repr=False)
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    send_rate_per_second: float = 30.0
    default_language: str = "ar"

    log_level: str = "INFO"

    # Where each value read came from, by field name (`origin`): no setting (no key of its own),
    # out of repr and of equality. cli.dbpath and digests.envfile asked os.environ and read the
    # `.env` again to learn it (X123's note); a key left at its default is absent.
    origins: Mapping[str, str] = field(default_factory=_no_origins, repr=False, compare=False,
                                       metadata={"setting": False})

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
    ) -> Settings:
        """Build settings from `environ` (default `os.environ`) over values in `env_file`.

        Raises:
            ConfigError: a value cannot be parsed; the message names the key.
        """
        values: dict[str, str] = {}
        came_from: dict[str, str] = {}
        if env_file is not None and env_file.is_file():
            values.update(read_env_file(env_file))
            came_from.update(dict.fromkeys(values, str(env_file)))
        env = os.environ if environ is None else environ
        values.update(env)
        came_from.update(dict.fromkeys(env, ENVIRONMENT))
        kwargs: dict[str, object] = {}
        origins: dict[str, str] = {}
        for f in _setting_fields():
            key = f.name.upper()
            raw = values.get(key)
            if raw is None or raw.strip() == "":
                continue
            origins[f.name] = came_from[key]
            try:
                kwargs[f.name] = _parse(key, f.name, raw.strip())
            except ConfigError as exc:  # a token pasted under another key is not repeated
                masked = mask_tokens(str(exc))
                if masked == str(exc):
                    raise
                raise ConfigError(masked, why=exc.why) from None
        return cls(**kwargs, origins=MappingProxyType(origins))  # type: ignore[arg-type]

    def replace(self, **changes: object) -> Settings:
        """A copy with some fields changed, each keeping its origin (a relative path anchored
        is still the `.env`'s)."""
        import dataclasses

        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    def overridden(self, option: str, **changes: object) -> Settings:
        """A copy with fields set on the command line, `option` («--db») their origin."""
        origins = MappingProxyType({**self.origins, **dict.fromkeys(changes, option)})
        return self.replace(**changes, origins=origins)

    def origin(self, name: str) -> str | None:
        """Where field `name`'s value came from: `ENVIRONMENT`, the `.env` file's path, or the
        command-line option of `overridden`; None when it is the default."""
        return self.origins.get(name)


def _setting_fields() -> list[Field[object]]:
    """The fields that are settings (each an environment key), in declaration order."""
    return [f for f in fields(Settings) if f.metadata.get("setting", True)]


def env_keys() -> list[str]:
    """Every environment key Settings reads, in declaration order."""
    return [f.name.upper() for f in _setting_fields()]


# the fewest polls in a row a permanent redirect is seen before a feed's new address is stored
# (digests.feed_moves reads it here; one number for the warning, digests.config_warnings, and
# the code, X89)
REDIRECT_ADOPT_MIN = 3


_BOOL_TRUE = {"1", "true", "yes", "on"}
_BOOL_FALSE = {"0", "false", "no", "off"}


def _parse(key: str, name: str, raw: str) -> object:
    try:
        if name in {"database_path", "sources_file"}:
            return Path(raw)
        if name in _INT_LIMITS:
            value = _number(key, name, raw, int)
            if name == "max_redirects" and value < 0:  # 0 follows none (QA69-8)
                raise ValueError("must be 0 or more")
            if value <= 0 and name != "max_redirects":
                raise ValueError("must be positive")
            if value > _INT_LIMITS[name]:
                raise ValueError(f"must be at most {_INT_LIMITS[name]}")
            return value
        if name == "source_utc_offset_minutes":
            value = _number(key, name, raw, int)
            if abs(value) > 14 * 60:
                raise ValueError("must be between -840 and 840 minutes")
            return value
        if name in _FLOAT_LIMITS:
            fvalue = _number(key, name, raw, float)
            if not math.isfinite(fvalue):  # «nan», «inf» parse as floats
                raise ValueError("must be a number")
            if fvalue <= 0:
                raise ValueError("must be positive")
            if fvalue > _FLOAT_LIMITS[name]:
                raise ValueError(f"must be at most {_FLOAT_LIMITS[name]:g}")
            return fvalue
        if name in {"allow_private_sources", "fetch_pages", "semantic_model"}:
            low = raw.lower()
            if low in _BOOL_TRUE:
                return True
            if low in _BOOL_FALSE:
                return False
            raise ValueError("expected true/false")
        if name == "admin_ids":
            return _admin_ids(raw)
        if name in _HEADER_KEYS:
            _header_value(key, raw)
        if name == "story_model":
            if raw.lower() not in {"use", "words"}:
                raise ValueError("expected use or words")
            return raw.lower()
        if name == "default_language":
            if raw not in {"ar", "en"}:
                raise ValueError("expected ar or en")
            return raw
        if name == "log_level":
            if raw.upper() not in _LOG_LEVELS:
                raise ValueError(f"expected one of {', '.join(_LOG_LEVELS)}")
            return raw.upper()
        if name == "telegram_bot_token":
            return _token(raw)
        if name == "webhook_url":
            return _webhook_url(raw)
        if name == "webhook_listen":
            return _listen_address(raw)
        if name == "telegram_api_base_url" and urlsplit(raw).scheme not in ("http", "https"):
            raise ValueError("expected an http:// or https:// URL")
        return raw
    except ValueError as exc:
        shown = url_setting_shown(raw) if name in _URL_KEYS else raw  # no password (QA65-1)
        raise ConfigError(f"{key}={shown!r}: {_in_arabic(str(exc))} / {exc}") from exc


_URL_KEYS = frozenset({"telegram_api_base_url", "webhook_url"})  # printed without user:password@


# The reasons above, for the Arabic half of the message (anything else: Python's own words,
# such as int()'s, which say the value is not a number of the kind wanted).
_ARABIC = ((r"must be positive", "يجب أن تكون موجبة"),
           (r"must be 0 or more", "يجب ألا تقل عن 0"),
           (r"must be a number", "يجب أن تكون عددًا"),
           (r"must be at most (\S+)", r"يجب ألا تزيد على \1"),
           (r"must be between (\S+) and (\S+) minutes", r"يجب أن تكون بين \1 و\2 دقيقة"),
           (r"expected true/false", "القيم المقبولة: true أو false"),
           (r"expected ar or en", "القيم المقبولة: ar أو en"),
           (r"expected use or words", "القيم المقبولة: use أو words"),
           (r"expected one of (.+)", r"القيم المقبولة: \1"),
           (r"expected an http:// or https:// URL", "يجب أن تكون رابطًا يبدأ بـ http:// أو https://"))


def _in_arabic(reason: str) -> str:
    for pattern, arabic in _ARABIC:
        if re.fullmatch(pattern, reason):
            return re.sub(pattern, arabic, reason)
    return "قيمة غير صالحة"


# What to write for each number key, when its value is not a number (QA12 F9: Python's own
# «invalid literal for int()» said neither what was wrong nor what to write).
_NUMBER_HINTS: dict[str, tuple[str, str]] = {
    "poll_interval_minutes": ("عدد صحيح من الدقائق، مثل 15", "a whole number of minutes, such as 15"),
    "max_body_bytes": ("عدد صحيح من البايتات، مثل 10485760 (عشرة ميغابايت)",
                       "a whole number of bytes, such as 10485760 (10 MB)"),
    "max_redirects": ("عدد صحيح، مثل 5", "a whole number, such as 5"),
    "per_host_concurrency": ("عدد صحيح، مثل 2", "a whole number, such as 2"),
    "max_entries_per_feed": ("عدد صحيح، مثل 200", "a whole number, such as 200"),
    "source_alert_hours": ("عدد صحيح من الساعات، مثل 6", "a whole number of hours, such as 6"),
    "held_chat_days": ("عدد صحيح من الأيام، مثل 30", "a whole number of days, such as 30"),
    "redirect_adopt_polls": ("عدد صحيح لا يقل عن 3، مثل 3",
                             "a whole number, at least 3, such as 3"),
    "webhook_port": ("رقم منفذ، مثل 8443", "a port number, such as 8443"),
    "source_utc_offset_minutes": (
        "عدد صحيح من الدقائق شرق غرينتش: 180 تعني +03:00، و-300 تعني -05:00",
        "whole minutes east of UTC: 180 means +03:00, -300 means -05:00"),
    "fetch_timeout_seconds": ("عدد من الثواني، مثل 20", "a number of seconds, such as 20"),
    "send_rate_per_second": ("عدد الرسائل في الثانية، مثل 30",
                             "a number of messages per second, such as 30"),
}
_N = TypeVar("_N", int, float)
_OFFSET_RE = re.compile(r"(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)


def _number(key: str, name: str, raw: str, kind: type[_N]) -> _N:
    """`raw` as an int or a float, or a ConfigError that says what to write, in both
    languages («+03:00» for the offset gets its number: «اكتب 180»)."""
    try:
        return kind(raw)
    except ValueError:
        pass
    arabic, english = _NUMBER_HINTS[name]
    offset = _OFFSET_RE.fullmatch(raw) if name == "source_utc_offset_minutes" else None
    if offset:
        sign, hours, minutes = offset.group(1), int(offset.group(2)), int(offset.group(3) or 0)
        value = (hours * 60 + minutes) * (-1 if sign == "-" else 1)
        arabic, english = f"{arabic}؛ اكتب {value}", f"{english}; write {value}"
    what = ("ليست عددًا صحيحًا", "not a whole number") if kind is int else ("ليست عددًا",
                                                                        "not a number")
    raise ConfigError(f"{key}={raw!r}: {what[0]}؛ المطلوب {arabic} / {what[1]}: expected"
                      f" {english}")


def _admin_ids(raw: str) -> frozenset[int]:
    """ADMIN_IDS: numeric Telegram user ids separated by commas (or semicolons)."""
    parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
    try:
        return frozenset(int(p) for p in parts)
    except ValueError:
        ar, en = _admin_ids_fault(next(p for p in parts if not _is_int(p)))
        raise ConfigError(f"ADMIN_IDS={raw!r}: {ar}. لتعرف رقمك أرسل /stats إلى البوت: يرد على "
                          f"غير المشرف برقم معرّفه / {en}. To learn yours, send /stats to the bot:"
                          " it answers anyone who is not an admin with their id") from None


def _is_int(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True


def _admin_ids_fault(bad: str) -> tuple[str, str]:
    """What is wrong with one piece of ADMIN_IDS, (Arabic, English) (QA60-4: «not @usernames»
    was said to whoever wrote «12 13» or «abc»)."""
    if bad.startswith("@"):
        return ("المطلوب أرقام معرّفات تيليجرام مفصولة بفواصل، مثل 123456789,987654321، لا أسماء "
                "المستخدمين (@name)", "expected numeric Telegram user ids separated by commas, "
                "such as 123456789,987654321, not @usernames")
    if all(_is_int(w) for w in bad.split()):
        return (f"«{bad}»: افصل بين الأرقام بفواصل لا بمسافات، مثل 123456789,987654321",
                f"'{bad}': separate the ids with commas, not spaces, such as "
                "123456789,987654321")
    return (f"«{bad}» ليس رقمًا: المطلوب أرقام معرّفات تيليجرام مفصولة بفواصل، مثل "
            "123456789,987654321", f"'{bad}' is not a number: expected numeric Telegram user "
            "ids separated by commas, such as 123456789,987654321")


# Settings sent as HTTP header values: httpx encodes them as ASCII (QA12 F2: a non-ASCII
# USER_AGENT passed the start and then failed every fetch with a UnicodeEncodeError).
_HEADER_KEYS = frozenset({"user_agent"})


def _header_value(key: str, raw: str) -> None:
    """Refuse a value an HTTP header cannot carry: non-ASCII or control characters."""
    if raw.isascii() and not any(ord(c) < 32 or ord(c) == 127 for c in raw):
        return
    raise ConfigError(
        f"{key}={raw!r}: يجب أن يكون بحروف لاتينية وأرقام ورموز ASCII فقط، لأنه يُرسل في ترويسة"
        " HTTP (مثل NashraBot/1.0 (+https://example.org)) /"
        " must be ASCII without control characters: it is sent as an HTTP header (such as"
        " NashraBot/1.0 (+https://example.org))")


# Upper bounds: past them a value is a typo, and some (a port, a day's minutes) would fail later
# with a traceback far from the key.
_INT_LIMITS = {"poll_interval_minutes": 7 * 24 * 60, "max_body_bytes": 1 << 30,
               "max_redirects": 30, "per_host_concurrency": 64, "webhook_port": 65535,
               "max_entries_per_feed": 100_000, "source_alert_hours": 30 * 24,
               "redirect_adopt_polls": 1000, "held_chat_days": 3650}
_FLOAT_LIMITS = {"fetch_timeout_seconds": 3600.0, "send_rate_per_second": 1000.0}
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# A token from @BotFather: the bot's numeric id, a colon, then 35 letters, digits, - and _.
_TOKEN_RE = re.compile(r"\d{3,}:[A-Za-z0-9_-]{30,}")
# Ports Telegram delivers webhooks to (Bot API, setWebhook).
WEBHOOK_PORTS = (443, 80, 88, 8443)


# The token's secret half alone (QA15 N6: pasted without the bot id): 30 or more letters,
# digits, - and _ in one run, with letters and digits both (no ordinary setting value is so).
_SECRET_RE = re.compile(r"(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])"
                        r"[A-Za-z0-9_-]{30,}")


def mask_tokens(text: str) -> str:
    """`text` with anything shaped like a bot token, or like its secret half alone, replaced by
    `<token>` (QA14 F7: a config error repeated the value of ADMIN_IDS or WEBHOOK_URL, a token
    pasted there included)."""
    return _SECRET_RE.sub("<token>", _TOKEN_RE.sub("<token>", text))


def _token(raw: str) -> str:
    """The token as given, when it has @BotFather's shape. The error never repeats it."""
    if _TOKEN_RE.fullmatch(raw):
        return raw
    quoted = any(c in raw for c in "'\" #")
    hint = ("it has quotes or a space: remove them and any comment on its line"
            if quoted else "digits, a colon, then 35 letters and digits")
    hint_ar = ("فيه علامة اقتباس أو مسافة: احذفها مع أي تعليق في سطره" if quoted
               else "أرقام ثم «:» ثم ٣٥ حرفًا ورقمًا")
    # both halves say the same: the length of what was written, and what is wrong (QA30 O6)
    raise ConfigError(
        f"TELEGRAM_BOT_TOKEN لا يشبه رمزًا من @BotFather (طول ما كُتب {len(raw)}؛ {hint_ar})؛ "
        "انسخه من @BotFather كما هو / TELEGRAM_BOT_TOKEN does not look like a token from "
        f"@BotFather ({len(raw)} characters; {hint}): copy it from @BotFather as it is")


def _webhook_url(raw: str) -> str:
    """WEBHOOK_URL as Telegram accepts it: https://, a host, a port Telegram delivers to."""
    parts = urlsplit(raw)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme != "https" or not parts.hostname or port == -1 \
            or (port is not None and port not in WEBHOOK_PORTS):
        raise ConfigError(
            f"WEBHOOK_URL={url_setting_shown(raw)!r}: يقبل تيليجرام رابط https:// فقط، على أحد المنافذ "
            f"{'، '.join(map(str, WEBHOOK_PORTS))} (مثل https://bot.example.org/hook)؛ اتركه "
            "فارغًا للعمل دون webhook / Telegram accepts only an https:// URL with a host, on "
            f"port {', '.join(map(str, WEBHOOK_PORTS))} (such as https://bot.example.org/hook); "
            "leave it empty to use long polling")
    return raw


def listen_error(raw: str) -> str:
    """The one line for a WEBHOOK_LISTEN the webhook server cannot listen on (QA69-1: a name
    that resolves to nothing, or an address this machine does not have, was a traceback)."""
    return (f"WEBHOOK_LISTEN={raw!r}: ليس عنوان IP لهذا الجهاز؛ اكتب 0.0.0.0 للاستماع على كل "
            "عناوينه، أو 127.0.0.1 خلف وكيل على الجهاز نفسه / not an IP address of this "
            "machine: write 0.0.0.0 to listen on all of its addresses, or 127.0.0.1 behind a "
            "reverse proxy on the same machine")


def _listen_address(raw: str) -> str:
    """WEBHOOK_LISTEN: an IP address (or «localhost»). Whether this machine has it is checked
    when the bot starts (bot.startup.listen_problem): Settings reads no network."""
    if raw.lower() != "localhost":
        try:
            ipaddress.ip_address(raw)
        except ValueError:
            raise ConfigError(listen_error(raw)) from None
    return raw
