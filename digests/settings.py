"""One immutable Settings object, read once from the environment and an optional `.env` file.

Every key here is listed in `.env.example` and in the README's configuration table; a test keeps
the three in step. Code never reads `os.environ` itself: the settings are passed in.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from digests.errors import ConfigError


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
    user_agent: str = "NashraBot/0.1 (+https://github.com/nashra-bot; Arabic news digests)"
    fetch_pages: bool = True
    # Offset (minutes east of UTC) of a page or feed date written without one, for a source whose
    # offset has not been learned yet (digests.dates.publication_time).
    source_utc_offset_minutes: int = 0

    # Telegram
    telegram_bot_token: str = ""
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    admin_ids: frozenset[int] = frozenset()
    webhook_url: str = ""
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    send_rate_per_second: float = 30.0
    default_language: str = "ar"

    log_level: str = "INFO"

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | None = Path(".env")
    ) -> Settings:
        """Build settings from `environ` (default `os.environ`) over values in `env_file`.

        Raises:
            ConfigError: a value cannot be parsed; the message names the key.
        """
        values: dict[str, str] = {}
        if env_file is not None and env_file.is_file():
            values.update(read_env_file(env_file))
        values.update(os.environ if environ is None else environ)
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            key = f.name.upper()
            raw = values.get(key)
            if raw is None or raw.strip() == "":
                continue
            kwargs[f.name] = _parse(key, f.name, raw.strip())
        return cls(**kwargs)  # type: ignore[arg-type]

    def replace(self, **changes: object) -> Settings:
        """A copy with some fields changed (command-line overrides such as --db)."""
        import dataclasses

        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def env_keys() -> list[str]:
    """Every environment key Settings reads, in declaration order."""
    return [f.name.upper() for f in fields(Settings)]


def read_env_file(path: Path) -> dict[str, str]:
    """Parse a minimal `.env` file: KEY=VALUE lines, `#` comments, optional quotes."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        out[key.strip().removeprefix("export ").strip()] = value
    return out


_BOOL_TRUE = {"1", "true", "yes", "on"}
_BOOL_FALSE = {"0", "false", "no", "off"}


def _parse(key: str, name: str, raw: str) -> object:
    try:
        if name in {"database_path", "sources_file"}:
            return Path(raw)
        if name in {"poll_interval_minutes", "max_body_bytes", "max_redirects",
                    "per_host_concurrency", "webhook_port"}:
            value = int(raw)
            if value < 0 or (name != "max_redirects" and value == 0):
                raise ValueError("must be positive")
            return value
        if name == "source_utc_offset_minutes":
            value = int(raw)
            if abs(value) > 14 * 60:
                raise ValueError("must be between -840 and 840 minutes")
            return value
        if name in {"fetch_timeout_seconds", "send_rate_per_second"}:
            fvalue = float(raw)
            if fvalue <= 0:
                raise ValueError("must be positive")
            return fvalue
        if name in {"allow_private_sources", "fetch_pages"}:
            low = raw.lower()
            if low in _BOOL_TRUE:
                return True
            if low in _BOOL_FALSE:
                return False
            raise ValueError("expected true/false")
        if name == "admin_ids":
            return frozenset(int(p) for p in raw.replace(";", ",").split(",") if p.strip())
        if name == "default_language":
            if raw not in {"ar", "en"}:
                raise ValueError("expected ar or en")
            return raw
        if name == "log_level":
            return raw.upper()
        return raw
    except ValueError as exc:
        raise ConfigError(f"{key}={raw!r}: {exc}") from exc
