"""WEBHOOK_LISTEN that is not an address of this machine, and MAX_REDIRECTS below 0: one line
naming the key, exit 2, as every other setting (QA69-1: a 45-line traceback from the webhook
server's bind, gaierror or errno 99; QA69-8: «must be positive» though 0 is accepted)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.startup import listen_problem, start_failure
from digests.errors import ConfigError
from digests.settings import Settings, env_keys

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456789:" + "A" * 35


@pytest.mark.parametrize("value", ["not-an-address", "999.1.1.1", "example.com"])
def test_a_listen_value_that_is_no_ip_address_is_a_settings_error(value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"WEBHOOK_LISTEN": value})
    assert str(caught.value).startswith(f"WEBHOOK_LISTEN={value!r}: ")
    assert "0.0.0.0" in str(caught.value) and "127.0.0.1" in str(caught.value)


@pytest.mark.parametrize("value", ["0.0.0.0", "127.0.0.1", "::", "localhost"])
def test_addresses_are_accepted(value: str) -> None:
    assert Settings.from_env({"WEBHOOK_LISTEN": value}).webhook_listen == value


def test_an_address_this_machine_does_not_have_is_found_before_the_start() -> None:
    webhook = Settings(webhook_url="https://bot.example.org/hook", webhook_listen="192.0.2.77")
    line = listen_problem(webhook)
    assert line is not None and line.startswith("WEBHOOK_LISTEN='192.0.2.77': ")
    assert listen_problem(webhook.replace(webhook_listen="127.0.0.1")) is None
    assert listen_problem(webhook.replace(webhook_url="")) is None  # polling: never bound
    # and should the address go between the check and the server's bind: the same line
    gone = OSError(errno.EADDRNOTAVAIL, "Cannot assign requested address")
    assert start_failure(gone, webhook) == line


def test_max_redirects_says_zero_is_allowed() -> None:
    assert Settings.from_env({"MAX_REDIRECTS": "0"}).max_redirects == 0
    with pytest.raises(ConfigError, match="must be 0 or more"):
        Settings.from_env({"MAX_REDIRECTS": "-1"})


@pytest.mark.parametrize("value", ["not-an-address", "192.0.2.77"])
def test_the_bot_stops_with_one_line_and_exit_2(tmp_path: Path, value: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in env_keys()}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, WEBHOOK_URL="https://example.com/hook",
               WEBHOOK_PORT="8443", WEBHOOK_LISTEN=value, SOURCES_FILE=os.devnull,
               DATABASE_PATH=str(tmp_path / "nashra.db"),
               TELEGRAM_API_BASE_URL="http://127.0.0.1:9/bot")  # never reached
    proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "bot"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=240, check=False)
    assert proc.returncode == 2, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if "WEBHOOK_LISTEN=" in line]
    assert len(errors) == 1 and "not an IP address of this machine" in errors[0]
    assert not (tmp_path / "nashra.db").exists()  # refused before the database is made
