"""X88 / QA60-18: `TELEGRAM_API_BASE_URL` written without its trailing `/bot` (the server's
address as printed: `https://api.telegram.org`, an emulator's or a self-hosted server's) was
reported only as «cannot reach the Telegram Bot API … (NetworkError)» once the server answered
404 — the network was fine. The start now warns first that the URL must end in /bot. A real
`run.py` process (its warnings come before anything else)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli_main import run_py


@pytest.mark.parametrize("url", ["http://127.0.0.1:9", "https://api.telegram.org/"])
def test_a_base_url_without_bot_is_warned_about(tmp_path: Path, url: str) -> None:
    proc = run_py(tmp_path, "--db", str(tmp_path / "x.db"), "sources", "list",
                  TELEGRAM_API_BASE_URL=url)
    warned = [line for line in proc.stderr.splitlines() if "TELEGRAM_API_BASE_URL" in line]
    assert warned and "/bot" in warned[0] and "https://api.telegram.org/bot" in warned[0], \
        proc.stderr[-2000:]


def test_urls_ending_in_bot_say_nothing() -> None:
    from digests.config_warnings import config_warnings

    for url in ("https://api.telegram.org/bot", "http://127.0.0.1:8081/bot", ""):
        assert not [w for w in config_warnings({"TELEGRAM_API_BASE_URL": url}, env_file=None)
                    if "TELEGRAM_API_BASE_URL" in w], url
