"""Settings says where each value came from (X130, X123's note): the environment, the `.env`
file, or a command-line option; cli.dbpath and digests.envfile ask it instead of reading
os.environ and the `.env` again."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import pytest

from cli.dbpath import existing_database, path_origin
from digests.envfile import EnvFile, anchored
from digests.errors import NashraError
from digests.settings import ENVIRONMENT, Settings, env_keys


def test_each_value_read_says_where_it_came_from(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("LOG_LEVEL=DEBUG\nSOURCES_FILE=feeds.txt\nPOLL_INTERVAL_MINUTES=5\n",
                        encoding="utf-8")
    settings = Settings.from_env({"POLL_INTERVAL_MINUTES": "7", "WEBHOOK_PORT": " "},
                                 env_file=env_file)
    assert settings.origin("log_level") == str(env_file)
    assert settings.origin("sources_file") == str(env_file)
    assert settings.origin("poll_interval_minutes") == ENVIRONMENT  # the environment wins
    assert settings.poll_interval_minutes == 7
    assert settings.origin("webhook_port") is None  # blank: the default
    assert settings.origin("database_path") is None
    assert Settings().origin("log_level") is None


def test_the_origins_are_no_setting_frozen_and_out_of_repr_and_equality(tmp_path: Path) -> None:
    settings = Settings.from_env({"LOG_LEVEL": "DEBUG", "TELEGRAM_BOT_TOKEN": ""}, env_file=None)
    assert settings == Settings(log_level="DEBUG")
    assert "origins" not in repr(settings) and "environment" not in repr(settings)
    assert "ORIGINS" not in env_keys()
    with pytest.raises(TypeError):
        settings.origins["log_level"] = "x"  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.origins = {}  # type: ignore[misc]
    hash(settings)  # still hashable: the mapping takes no part


def test_a_command_line_override_is_its_own_origin_and_replace_keeps_one() -> None:
    settings = Settings.from_env({"DATABASE_PATH": "a.db", "LOG_LEVEL": "DEBUG"}, env_file=None)
    moved = settings.replace(database_path=Path("/abs/a.db"))
    assert moved.origin("database_path") == ENVIRONMENT  # anchored: still the environment's
    given = settings.overridden("--db", database_path=Path("b.db"))
    assert given.database_path == Path("b.db") and given.origin("database_path") == "--db"
    assert given.origin("log_level") == ENVIRONMENT
    assert settings.origin("database_path") == ENVIRONMENT  # the original is unchanged


def test_the_database_path_origin_is_read_from_settings_not_os_environ(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # os.environ says one thing, the settings another: the settings are what the run uses
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "env.db"))
    env_file = tmp_path / ".env"
    env_file.write_text("DATABASE_PATH=missing.db\n", encoding="utf-8")
    from_file = Settings.from_env({}, env_file=env_file)
    assert path_origin(from_file) == f"DATABASE_PATH in {env_file}"
    assert path_origin(Settings()) == "the default data/nashra.db"
    assert path_origin(Settings.from_env({"DATABASE_PATH": "x.db"}, env_file=None)) == (
        "DATABASE_PATH in the environment")
    assert path_origin(Settings().overridden("--db", database_path=Path("y.db"))) == "--db"
    anchored_one = anchored(from_file, EnvFile(env_file, (env_file,)), project=tmp_path)
    with pytest.raises(NashraError, match=rf"\(DATABASE_PATH in {env_file}\)"):
        existing_database(argparse.Namespace(), anchored_one)


def test_only_a_path_from_the_environment_is_left_relative(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("SOURCES_FILE=feeds.txt\n", encoding="utf-8")
    found = EnvFile(env_file, (env_file,))
    settings = anchored(Settings.from_env({"DATABASE_PATH": "mine.db"}, env_file=env_file),
                        found, project=tmp_path)
    assert settings.database_path == Path("mine.db")
    assert settings.sources_file == tmp_path / "feeds.txt"
    assert settings.origin("sources_file") == str(env_file)
