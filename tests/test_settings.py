"""Settings: read once from the environment; .env.example and the README list every key."""

from __future__ import annotations

from pathlib import Path

import pytest

from digests.errors import ConfigError
from digests.settings import Settings, env_keys

ROOT = Path(__file__).resolve().parent.parent


def test_defaults_need_nothing() -> None:
    s = Settings.from_env({}, env_file=None)
    assert s.database_path == Path("data/nashra.db")
    assert s.allow_private_sources is False
    assert s.telegram_bot_token == ""
    assert s.max_body_bytes == 10 * 1024 * 1024


def test_environment_is_parsed() -> None:
    s = Settings.from_env(
        {"DATABASE_PATH": "/tmp/x.db", "ALLOW_PRIVATE_SOURCES": "yes", "ADMIN_IDS": "1, 22;333",
         "POLL_INTERVAL_MINUTES": "5", "SEND_RATE_PER_SECOND": "1000"}, env_file=None)
    assert s.database_path == Path("/tmp/x.db")
    assert s.allow_private_sources is True
    assert s.admin_ids == frozenset({1, 22, 333})
    assert s.poll_interval_minutes == 5
    assert s.send_rate_per_second == 1000.0


def test_env_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text('# c\nLOG_LEVEL="debug"\nPOLL_INTERVAL_MINUTES=7\n', encoding="utf-8")
    s = Settings.from_env({"POLL_INTERVAL_MINUTES": "9"}, env_file=env)
    assert s.log_level == "DEBUG"
    assert s.poll_interval_minutes == 9


@pytest.mark.parametrize("key,value", [("POLL_INTERVAL_MINUTES", "soon"),
                                       ("ALLOW_PRIVATE_SOURCES", "maybe"),
                                       ("ADMIN_IDS", "alice"),
                                       ("MAX_BODY_BYTES", "0")])
def test_bad_values_name_the_key(key: str, value: str) -> None:
    with pytest.raises(ConfigError, match=key):
        Settings.from_env({key: value}, env_file=None)


def test_env_example_lists_every_key() -> None:
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    listed = [line.split("=", 1)[0] for line in text.splitlines()
              if line and not line.startswith("#") and "=" in line]
    assert sorted(listed) == sorted(env_keys())


def test_readme_documents_every_key() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [k for k in env_keys() if f"`{k}`" not in readme]
    assert missing == []
