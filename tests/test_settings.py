"""Settings: read once from the environment; .env.example and the README list every key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests.errors import ConfigError
from digests.settings import Settings, config_warnings, env_keys, read_env_file

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


# ---------------------------------------------------------------------------------------------
# Configuration mistakes are not silent (QA8 F5, F6, F7)

GOOD_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"


def test_a_bom_at_the_start_of_env_is_not_part_of_the_first_key(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_bytes("\ufeffPOLL_INTERVAL_MINUTES=abc\n".encode())
    with pytest.raises(ConfigError, match="POLL_INTERVAL_MINUTES"):
        Settings.from_env({}, env_file=env)
    env.write_bytes("\ufeffPOLL_INTERVAL_MINUTES=7\n".encode())
    assert Settings.from_env({}, env_file=env).poll_interval_minutes == 7


@pytest.mark.parametrize("line,value", [
    (f'TELEGRAM_BOT_TOKEN="{GOOD_TOKEN}" # my token', GOOD_TOKEN),
    (f"TELEGRAM_BOT_TOKEN='{GOOD_TOKEN}'   #", GOOD_TOKEN),
    (f"TELEGRAM_BOT_TOKEN={GOOD_TOKEN} # my token", GOOD_TOKEN),
    ('USER_AGENT="Nashra #1 bot"', "Nashra #1 bot"),  # a quoted value keeps its «#»
    ("WEBHOOK_URL=https://bot.example.org/hook#x", "https://bot.example.org/hook#x"),
])
def test_a_comment_after_a_value_is_not_part_of_it(tmp_path: Path, line: str, value: str) -> None:
    env = tmp_path / ".env"
    env.write_text(line + "\nPOLL_INTERVAL_MINUTES=30 # half an hour\n", encoding="utf-8")
    key = line.split("=", 1)[0]
    s = Settings.from_env({}, env_file=env)
    assert getattr(s, key.lower()) == value
    assert s.poll_interval_minutes == 30


@pytest.mark.parametrize("token", ["1:abc", '"12345:SECRET" # my token', "12345SECRETSECRET",
                                   "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsa w"])
def test_a_token_not_shaped_like_telegrams_is_a_clear_error_that_never_repeats_it(
        token: str) -> None:
    with pytest.raises(ConfigError) as err:
        Settings.from_env({"TELEGRAM_BOT_TOKEN": token}, env_file=None)
    message = str(err.value)
    assert "TELEGRAM_BOT_TOKEN" in message and "@BotFather" in message
    assert "لا يشبه رمزًا" in message  # both languages
    assert token.strip() not in message and "SECRET" not in message


def test_a_good_token_and_no_token_are_accepted() -> None:
    assert Settings.from_env({"TELEGRAM_BOT_TOKEN": GOOD_TOKEN},
                             env_file=None).telegram_bot_token == GOOD_TOKEN
    assert Settings.from_env({}, env_file=None).telegram_bot_token == ""  # the offline demo


@pytest.mark.parametrize("key,value,reason", [
    ("LOG_LEVEL", "verbose", "DEBUG, INFO, WARNING"),
    ("FETCH_TIMEOUT_SECONDS", "nan", "must be a number"),
    ("FETCH_TIMEOUT_SECONDS", "inf", "must be a number"),
    ("SEND_RATE_PER_SECOND", "nan", "must be a number"),
    ("SEND_RATE_PER_SECOND", "1e300", "at most 1000"),
    ("FETCH_TIMEOUT_SECONDS", "1e9", "at most 3600"),
    ("WEBHOOK_PORT", "70000", "at most 65535"),
    ("POLL_INTERVAL_MINUTES", "99999999999999999999", "at most 10080"),
    ("MAX_REDIRECTS", "1000", "at most 30"),
    ("TELEGRAM_API_BASE_URL", "api.telegram.org/bot", "http:// or https://"),
])
def test_out_of_range_values_are_clear_errors_in_both_languages(key: str, value: str,
                                                                reason: str) -> None:
    with pytest.raises(ConfigError) as err:
        Settings.from_env({key: value}, env_file=None)
    message = str(err.value)
    assert message.startswith(f"{key}={value!r}: ") and reason in message
    arabic, _, english = message.partition(" / ")
    assert re.search("[\u0600-\u06ff]", arabic) and english, message


@pytest.mark.parametrize("url", ["http://bot.example.org/hook", "not a url",
                                 "https:///hook", "https://bot.example.org:9000/hook",
                                 "https://bot.example.org:99999/hook"])
def test_a_webhook_url_telegram_would_refuse_is_refused_at_configuration(url: str) -> None:
    with pytest.raises(ConfigError) as err:
        Settings.from_env({"WEBHOOK_URL": url}, env_file=None)
    assert "https://" in str(err.value) and "8443" in str(err.value)
    assert "يقبل تيليجرام" in str(err.value)


@pytest.mark.parametrize("url", ["https://bot.example.org/hook",
                                 "https://bot.example.org:8443/x/y", "https://1.2.3.4:88/h"])
def test_good_webhook_urls_are_accepted(url: str) -> None:
    assert Settings.from_env({"WEBHOOK_URL": url}, env_file=None).webhook_url == url


def test_keys_that_look_like_ours_are_warned_about_with_the_key_meant(tmp_path: Path) -> None:
    env = tmp_path / ".env"
    env.write_text("ADMIN_ID=42\nTELEGRAM_TOKEN=1:abc\nPOLL_INTERVALL_MINUTES=5\n"
                   "admin_ids=7\nSOMETHING_ELSE=1\nLOG_LEVEL=INFO\n", encoding="utf-8")
    environ = {"DATABSE_PATH": "/tmp/x.db", "PATH": "/usr/bin", "HOME": "/root",
               "LOGNAME": "root", "USER": "root", "LANG": "C.UTF-8", "LOG_LEVEL": "INFO"}
    warnings = config_warnings(environ, env_file=env)
    text = "\n".join(warnings)
    for wrong, meant in (("ADMIN_ID", "ADMIN_IDS"), ("TELEGRAM_TOKEN", "TELEGRAM_BOT_TOKEN"),
                         ("POLL_INTERVALL_MINUTES", "POLL_INTERVAL_MINUTES"),
                         ("admin_ids", "ADMIN_IDS"), ("DATABSE_PATH", "DATABASE_PATH")):
        assert f"unknown setting {wrong}: did you mean {meant}?" in text, text
        assert f"أتقصد {meant}؟" in text
    assert "unknown setting SOMETHING_ELSE in .env" in text  # the file is ours: every key
    for other in ("PATH", "HOME", "LOGNAME", "USER", "LANG", "LOG_LEVEL"):
        assert f" {other}:" not in text and f" {other} " not in text, text
    assert len(warnings) == 6
    assert config_warnings({"PATH": "/usr/bin", "LOG_LEVEL": "INFO"}, env_file=None) == []


_VALUE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
                 max_size=40).map(str.strip).filter(
    lambda v: v != "" and v[0] not in "'\"#" and re.search(r"\s#", v) is None)


@given(value=_VALUE, comment=st.sampled_from(["", " # note", "  #", "\t# نعم"]))
@settings(max_examples=150, deadline=None)
def test_env_values_survive_quotes_and_comments(value: str, comment: str) -> None:
    """Any plain value reads back as written, bare or quoted, with or without a comment after
    it (a value is never cut at a «#» it holds itself)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        env = Path(folder) / ".env"
        lines = [f"A={value}{comment}"]
        if '"' not in value:
            lines.append(f'B="{value}"{comment}')
        env.write_text("\n".join(lines) + "\n", encoding="utf-8")
        got = read_env_file(env)
    assert got["A"] == value
    if '"' not in value:
        assert got["B"] == value
