"""X131 (X128 #5's leftover): a «Bad Request» at start that is not the webhook request's (getMe,
a call a later post_init makes) exits 1 since X128, but its line still said «check WEBHOOK_URL»
(bot.startup.start_failure). It has its own line now (bilingual «start_refused_call»): what
Telegram said, that it was not the webhook's, and that a start again may pass.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from telegram.error import BadRequest

from bot.app import run_bot
from bot.emulator import Emulator
from bot.i18n import bilingual
from bot.startup import start_failure
from digests.settings import Settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"


def _raised_in(name: str, message: str) -> BadRequest:
    """A BadRequest raised inside a function called `name` (as PTB's Bot.<name> raises it)."""
    def call() -> None:
        raise BadRequest(message)

    call.__code__ = call.__code__.replace(co_name=name)
    try:
        call()
    except BadRequest as exc:
        return exc
    raise AssertionError("not raised")


def test_another_calls_refusal_has_its_own_line() -> None:
    s = Settings(telegram_bot_token=TOKEN, webhook_url="https://bot.example/hook")
    for exc in (BadRequest("chat not found"), _raised_in("get_me", "Bad Request: try again")):
        line = start_failure(exc, s)
        # failed before: the webhook's line, «… check WEBHOOK_URL and the other settings»
        assert line == bilingual("start_refused_call", message=exc.message)
        assert line is not None and "WEBHOOK_URL" not in line and exc.message in line
        arabic, english = line.split(" / ", 1)
        assert "webhook" in english and "not the webhook" in english
    # the webhook request's refusal keeps its line (exit 2: X120, X128)
    for exc in (BadRequest("bad webhook: Failed to resolve host"),
                _raised_in("set_webhook", "can't parse URL")):
        assert start_failure(exc, s) == bilingual("start_refused", message=exc.message)


def test_get_me_answered_400_prints_the_new_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    with Emulator(token=TOKEN) as emu:
        emu.fail_next(-1, 400, "Bad Request: temporarily unavailable", methods=["getMe"])
        settings = Settings(telegram_bot_token=TOKEN, telegram_api_base_url=emu.base_url,
                            database_path=tmp_path / "nashra.db", sources_file=None,
                            webhook_url="https://bot.invalid/hook", webhook_listen="127.0.0.1",
                            webhook_port=port)
        assert run_bot(settings) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "temporarily unavailable" in line.lower()]
    assert lines and "Traceback" not in err, err[-2000:]
    # failed before: «… check WEBHOOK_URL and the other settings» though no webhook was asked
    assert "WEBHOOK_URL" not in lines[-1] and "not the webhook" in lines[-1], lines[-1]
