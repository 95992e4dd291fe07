"""X128 (REV s26 #5): only the webhook request's refusal (and the token's) ends the start with
exit 2, never restarted by systemd; another start-up call Telegram answers 400 exits 1.

X120 made every BadRequest escaping run_polling/run_webhook exit 2, so a future start-up call's
transient «Bad Request» would have left the bot stopped for good. tests/test_x120_webhook_status.py
keeps the refused webhook's exit 2.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from telegram.error import BadRequest

from bot.app import run_bot
from bot.emulator import Emulator
from bot.startup import CONFIG_STATUS, FAILED_STATUS, start_status
from digests.settings import Settings
from startkit import raised_in

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"


def test_only_the_webhook_requests_refusal_is_a_configuration_error() -> None:
    # failed before: every BadRequest was CONFIG_STATUS
    assert start_status(BadRequest("chat not found")) == FAILED_STATUS
    assert start_status(raised_in("set_my_commands", "chat not found")) == FAILED_STATUS
    assert start_status(raised_in("get_me", "Bad Request: try again")) == FAILED_STATUS
    # the webhook's: by its words, or raised in its request («can't parse URL» names no webhook)
    assert start_status(BadRequest("bad webhook: Failed to resolve host")) == CONFIG_STATUS
    assert start_status(raised_in("set_webhook", "can't parse URL")) == CONFIG_STATUS
    assert start_status(raised_in("delete_webhook", "Bad Request: refused")) == CONFIG_STATUS


def test_another_start_up_calls_bad_request_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    with Emulator(token=TOKEN) as emu:
        # getMe (PTB's initialize, before any webhook request) answers 400
        emu.fail_next(-1, 400, "Bad Request: temporarily unavailable", methods=["getMe"])
        settings = Settings(telegram_bot_token=TOKEN, telegram_api_base_url=emu.base_url,
                            database_path=tmp_path / "nashra.db", sources_file=None,
                            webhook_url="https://bot.invalid/hook", webhook_listen="127.0.0.1",
                            webhook_port=port)
        assert run_bot(settings) == 1  # failed before: 2
        assert emu.counters["method:setWebhook"] == 0
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "temporarily unavailable" in line.lower()]
    assert lines and "Traceback" not in err, err[-2000:]
    # X131: its own line, not «… check WEBHOOK_URL and the other settings» (no webhook asked)
    assert "WEBHOOK_URL" not in lines[-1] and "not the webhook" in lines[-1], lines[-1]
