"""X120 (session 26): a webhook Telegram refuses at the start is a configuration error, exit 2.

Session 25 (X109, review REV2 #3) made a refused token exit 2, so deploy/nashra.service's
RestartPreventExitStatus=2 leaves it for the operator; a refused webhook («bad webhook: Failed to
resolve host») still exited 1 and was started again every 30 s with the same WEBHOOK_URL.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from telegram.error import BadRequest, InvalidToken, NetworkError, TimedOut

from bot.app import run_bot
from bot.emulator import Emulator
from bot.startup import CONFIG_STATUS, FAILED_STATUS, start_status
from digests.settings import Settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"
REFUSAL = "Bad Request: bad webhook: Failed to resolve host: Name or service not known"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_refused_start_request_follows_the_tokens_rule() -> None:
    assert start_status(BadRequest("bad webhook: HTTPS url must be provided")) == CONFIG_STATUS
    assert start_status(InvalidToken()) == CONFIG_STATUS
    for exc in (TimedOut(), NetworkError("reset"), OSError("address in use")):
        assert start_status(exc) == FAILED_STATUS  # a restart may cure these


def test_a_refused_webhook_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Emulator(token=TOKEN) as emu:
        emu.fail_next(-1, 400, REFUSAL, methods=["setWebhook"])
        settings = Settings(telegram_bot_token=TOKEN, telegram_api_base_url=emu.base_url,
                            database_path=tmp_path / "nashra.db", sources_file=None,
                            webhook_url="https://bot.invalid/hook", webhook_listen="127.0.0.1",
                            webhook_port=_free_port())
        assert run_bot(settings) == 2
    err = capsys.readouterr().err
    assert "bad webhook: failed to resolve host" in err.lower() and "WEBHOOK_URL" in err, err[-2000:]
    assert "Traceback" not in err
