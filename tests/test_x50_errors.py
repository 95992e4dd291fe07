"""Brief X50 (5): an answer lost with its connection at every try is said to be that, not «a
Telegram server error»; a 5xx still says the server's, with how many sends it took. Real PTB
against the emulator; the dropped connection is httpx's own error raised under PTB's request."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import httpx
import pytest
from botkit import ADMIN, running_bot, sample_db
from telegram.request import HTTPXRequest

from bot import reply_limiter


def _errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_an_answer_whose_connection_drops_at_every_try_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_DELAY", 0.05)
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_MAX_DELAY", 0.4)  # X69: the cap scaled too
    caplog.set_level(logging.WARNING)
    real = HTTPXRequest.do_request
    dropped: list[str] = []

    async def flaky(self: HTTPXRequest, url: str, method: str, request_data: Any = None,
                    **kwargs: Any) -> tuple[int, bytes]:
        params = request_data.parameters if request_data is not None else {}
        if url.endswith("/sendMessage") and params.get("chat_id") == ADMIN \
                and len(dropped) < reply_limiter.REPLY_5XX_TRIES:
            dropped.append(url)
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        return await real(self, url, method, request_data, **kwargs)

    monkeypatch.setattr(HTTPXRequest, "do_request", flaky)
    async with running_bot(sample_db(tmp_path)) as h:
        before = len(h.emu.messages(ADMIN))
        h.emu.send_user_message(ADMIN, "/stats")
        await h.emu.await_messages(ADMIN, before + 1, timeout=15)
        await h.settle()
        answers = h.emu.messages(ADMIN)[before:]
    assert len(dropped) == reply_limiter.REPLY_5XX_TRIES
    assert len(answers) == 1 and "📊" not in answers[0].plain_text  # the apology
    [error] = _errors(caplog)
    message = error.getMessage()
    assert error.exc_info is None
    assert "server error" not in message, message
    assert "connection to Telegram failed" in message, message
    assert f"after {reply_limiter.REPLY_5XX_TRIES} tries" in message


async def test_a_5xx_at_every_try_still_names_the_server_and_the_tries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_DELAY", 0.05)
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_MAX_DELAY", 0.4)  # X69: the cap scaled too
    monkeypatch.setattr(reply_limiter, "REPLY_5XX_TRIES", 2)
    caplog.set_level(logging.WARNING)
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.fail_next(2, 503, "Service Unavailable", chat_id=ADMIN)
        before = len(h.emu.messages(ADMIN))
        h.emu.send_user_message(ADMIN, "/stats")
        await h.emu.await_messages(ADMIN, before + 1, timeout=15)
        await h.settle()
        assert len(h.emu.refusals(503)) == 2
    [error] = _errors(caplog)
    assert "Telegram server error after 2 tries" in error.getMessage(), error.getMessage()


def test_a_network_error_raised_at_once_is_not_said_to_have_been_tried_again() -> None:
    from telegram.error import NetworkError

    from bot.update_errors import network_failure
    assert network_failure(NetworkError("Bad Gateway")) == \
        "Telegram server error, not sent again"
    assert network_failure(NetworkError("httpx.ConnectError: refused")).startswith(
        "the connection to Telegram failed")
