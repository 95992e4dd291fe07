"""Settings: read once from the environment; .env.example and the README list every key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests.config_warnings import config_warnings
from digests.errors import ConfigError
from digests.settings import Settings, env_keys, mask_tokens, read_env_file

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


@pytest.mark.parametrize("key,value,expected", [
    ("POLL_INTERVAL_MINUTES", "abc", "such as 15"),
    ("POLL_INTERVAL_MINUTES", "1.5", "whole number of minutes"),
    ("MAX_BODY_BYTES", "10MB", "such as 10485760"),
    ("MAX_REDIRECTS", "many", "such as 5"),
    ("PER_HOST_CONCURRENCY", "two", "such as 2"),
    ("WEBHOOK_PORT", "https", "such as 8443"),
    ("FETCH_TIMEOUT_SECONDS", "20s", "seconds, such as 20"),
    ("SEND_RATE_PER_SECOND", "fast", "per second, such as 30"),
    ("SOURCE_UTC_OFFSET_MINUTES", "+03:00", "180 means +03:00"),
    ("ADMIN_IDS", "@myname", "/stats"),
    ("ADMIN_IDS", "123, abc", "numeric Telegram user ids"),
])
def test_a_value_that_is_no_number_says_what_to_write(key: str, value: str,
                                                       expected: str) -> None:
    """QA12 F9: no Python text («invalid literal for int()»), what to write in both languages."""
    with pytest.raises(ConfigError) as err:
        Settings.from_env({key: value}, env_file=None)
    message = str(err.value)
    assert message.startswith(f"{key}={value!r}: ") and expected in message
    assert "literal" not in message and "convert" not in message and "int()" not in message
    arabic, _, english = message.partition(" / ")
    assert re.search("[\u0600-\u06ff]", arabic) and english, message


def test_an_offset_written_as_hours_gets_its_number_of_minutes() -> None:
    for written, minutes in (("+03:00", "180"), ("-05:00", "-300"), ("UTC+5:30", "330")):
        with pytest.raises(ConfigError, match=f"اكتب {minutes}؛|اكتب {minutes} /") as err:
            Settings.from_env({"SOURCE_UTC_OFFSET_MINUTES": written}, env_file=None)
        assert f"write {minutes}" in str(err.value)
    assert Settings.from_env({"SOURCE_UTC_OFFSET_MINUTES": "180"},
                             env_file=None).source_utc_offset_minutes == 180


@pytest.mark.parametrize("agent", ["نشرة بوت", "NashraBot/1.0 ✓", "Nashra\r\nX-Evil: 1",
                                   "Nashra\tBot"])
def test_a_user_agent_no_http_header_can_carry_is_refused(agent: str) -> None:
    """QA12 F2: a non-ASCII USER_AGENT was accepted, then every fetch failed in httpx."""
    with pytest.raises(ConfigError) as err:
        Settings.from_env({"USER_AGENT": agent}, env_file=None)
    message = str(err.value)
    assert message.startswith("USER_AGENT=") and "ASCII" in message and "HTTP" in message
    assert re.search("[\u0600-\u06ff]", message.partition(" / ")[0])


@given(st.text(max_size=40).filter(lambda t: t.strip() != ""))
def test_every_user_agent_accepted_is_one_httpx_can_send(agent: str) -> None:
    """The refusal is exactly what httpx cannot send: a real request is built with every
    value the settings accept (and a refused non-ASCII one fails there too)."""
    import httpx

    try:
        parsed = Settings.from_env({"USER_AGENT": agent}, env_file=None)
    except ConfigError:
        if not agent.strip().isascii():
            with pytest.raises(UnicodeEncodeError):
                httpx.Request("GET", "http://127.0.0.1/", headers={"User-Agent": agent.strip()})
        return
    request = httpx.Request("GET", "http://127.0.0.1/", headers={"User-Agent": parsed.user_agent})
    assert request.headers["User-Agent"] == parsed.user_agent


def test_values_that_work_but_are_surely_mistakes_are_warned_about() -> None:
    """SEND_RATE_PER_SECOND under 1 works (one message every 100 s) but is surely a slip; a
    negative admin id is a group's. Warned, not refused: the settings still load."""
    environ = {"SEND_RATE_PER_SECOND": "0.01", "ADMIN_IDS": "5,-100"}
    assert Settings.from_env(environ, env_file=None).send_rate_per_second == 0.01
    warnings = config_warnings(environ, env_file=None)
    assert any(w.startswith("SEND_RATE_PER_SECOND=0.01") and "56 h" in w for w in warnings)
    assert any("-100" in w and "group" in w for w in warnings)
    assert config_warnings({"SEND_RATE_PER_SECOND": "1", "ADMIN_IDS": "5"}, env_file=None) == []
    assert config_warnings({"SEND_RATE_PER_SECOND": "fast"}, env_file=None) == []
    hours = config_warnings({"SOURCE_UTC_OFFSET_MINUTES": "+3"}, env_file=None)
    assert len(hours) == 1 and "write 180" in hours[0] and "اكتب 180" in hours[0]
    assert config_warnings({"SOURCE_UTC_OFFSET_MINUTES": "-300"}, env_file=None) == []


TOKEN = "7123456789:AAHqa14SeCrEtZz9abcdefghijklmnopqQ"


@pytest.mark.parametrize("key, value", [
    ("ADMIN_IDS", TOKEN), ("WEBHOOK_URL", f"http://x.com/{TOKEN}"),
    ("WEBHOOK_URL", f"https://x.com:9999/hook/{TOKEN}"), ("POLL_INTERVAL_MINUTES", TOKEN),
    ("USER_AGENT", f"Nashra {TOKEN} ٌ"), ("LOG_LEVEL", TOKEN), ("DEFAULT_LANGUAGE", TOKEN)])
def test_a_token_under_another_key_is_never_repeated(key: str, value: str) -> None:
    """QA14 F7: the error names the key and says what to write, with `<token>` for the value."""
    with pytest.raises(ConfigError) as info:
        Settings.from_env({key: value}, env_file=None)
    message = str(info.value)
    assert key in message and "<token>" in message
    assert TOKEN not in message and TOKEN.split(":")[1] not in message
    assert info.value.__cause__ is None and info.value.__suppress_context__  # no chained echo


def test_other_config_errors_keep_their_value() -> None:
    with pytest.raises(ConfigError, match="ADMIN_IDS='@me'"):
        Settings.from_env({"ADMIN_IDS": "@me"}, env_file=None)
    assert mask_tokens(f"a {TOKEN} b 12345:short") == "a <token> b 12345:short"
    secret = TOKEN.split(":")[1]
    with pytest.raises(ConfigError) as info:  # the secret half alone (QA15 N6)
        Settings.from_env({"ADMIN_IDS": secret}, env_file=None)
    assert secret not in str(info.value) and "ADMIN_IDS='<token>'" in str(info.value)
    # ordinary values keep their words: a long path, a URL, a word without digits
    for plain in ("/var/lib/nashra/nashra-database-file.sqlite3", "https://example.com/feed.xml",
                  "a_very_long_setting_value_without_any_digits_at_all"):
        assert mask_tokens(plain) == plain
