"""QA65-1 (S2): a TELEGRAM_API_BASE_URL with a proxy's `user:password@` (a self-hosted Bot API
server behind basic auth) had its password written at INFO («starting mode=polling
api=user:PASS@host») and in the fatal «cannot reach» line on the terminal. A URL setting is now
printed through one helper (digests.logs.url_setting_shown / url_host): the start line, the
start errors, the config error and the config warning.

Real parts: `run.py bot` in a subprocess against a closed port on 127.0.0.1 (LOG_LEVEL=DEBUG).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from digests.config_warnings import config_warnings
from digests.errors import ConfigError
from digests.logs import strip_credentials, url_host, url_setting_shown
from digests.settings import Settings, env_keys

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"
SECRET = "PROXYPASSW0RD"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_bot_never_prints_the_api_url_s_password(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in env_keys()}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, DATABASE_PATH=str(tmp_path / "bot.db"),
               SOURCES_FILE=os.devnull, LOG_LEVEL="DEBUG",
               TELEGRAM_API_BASE_URL=f"http://proxyuser:{SECRET}@127.0.0.1:{port}/bot")
    proc = subprocess.run([sys.executable, "run.py", "bot"], cwd=ROOT, env=env, check=False,
                          capture_output=True, text=True, timeout=90)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out[-3000:]
    assert SECRET not in out and "proxyuser" not in out, out[-3000:]
    assert f"mode=polling api=127.0.0.1:{port}" in out, out[-3000:]
    assert f"cannot reach the Telegram Bot API at 127.0.0.1:{port}" in out, out[-3000:]


@pytest.mark.parametrize("value", [f"ftp://u:{SECRET}@host/bot", f"u:{SECRET}@host/bot"])
def test_a_refused_api_url_is_named_without_its_password(value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"TELEGRAM_API_BASE_URL": value}, env_file=None)
    assert SECRET not in str(caught.value) and "TELEGRAM_API_BASE_URL=" in str(caught.value)


def test_a_refused_webhook_url_and_a_warning_without_the_password() -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"WEBHOOK_URL": f"http://u:{SECRET}@bot.example.org:8443/hook"},
                          env_file=None)
    assert SECRET not in str(caught.value) and "bot.example.org" in str(caught.value)
    warned = config_warnings({"TELEGRAM_API_BASE_URL": f"http://u:{SECRET}@127.0.0.1:9/api"},
                             env_file=None)
    assert warned and all(SECRET not in w for w in warned)
    assert any("http://127.0.0.1:9/api" in w for w in warned)


def test_the_helper() -> None:
    assert url_host(f"http://proxyuser:{SECRET}@127.0.0.1:9/bot") == "127.0.0.1:9"
    assert url_host("https://api.telegram.org/bot") == "api.telegram.org"
    assert url_setting_shown(f"u:{SECRET}@host/bot") == "host/bot"
    assert url_setting_shown("http://h/p@x") == "http://h/p@x"  # an @ in the path stays


def test_a_password_holding_an_unencoded_at_sign_is_not_half_printed() -> None:
    """A URL's user part ends at its LAST «@» before the path (urllib's hostname does the same:
    `urlsplit("http://u:p@ss@h/").hostname` is «h»), so «p@ss» was shown as «ss@host»."""
    url = "https://proxyuser:pa@ss99@api.example:8443/bot"
    assert url_setting_shown(url) == "https://api.example:8443/bot"
    assert url_host(url) == "api.example:8443"
    assert url_setting_shown("proxyuser:pa@ss99@api.example/bot") == "api.example/bot"
    assert strip_credentials(f"cannot reach {url} now") == \
        "cannot reach https://api.example:8443/bot now"
    assert strip_credentials("see http://h/p@x and me@host.example") == \
        "see http://h/p@x and me@host.example"
