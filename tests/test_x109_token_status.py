"""Review REV2 #3: a token Telegram refuses ended the bot with exit status 1, which
deploy/nashra.service's Restart=on-failure starts again every 30 s for ever (a revoked token,
each try asking getMe twice). Now it is a configuration error, exit status 2 (the unit's
RestartPreventExitStatus), whether the check before the database or the start itself met the
refusal; any other failed start stays 1 (restarted: the network not up yet at boot), and the
check asks getMe once. In-process run_bot against the emulator on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from telegram.error import InvalidToken, NetworkError, TimedOut

from bot import app as bot_app
from bot.app import run_bot
from bot.emulator import Emulator
from bot.startup import CONFIG_STATUS, FAILED_STATUS, start_status, token_refusal
from digests.settings import Settings

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"
WRONG = "987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9"


def _settings(emu: Emulator, token: str, tmp_path: Path) -> Settings:
    return Settings(telegram_bot_token=token, telegram_api_base_url=emu.base_url,
                    database_path=tmp_path / "nashra.db", sources_file=None)


def test_the_statuses_match_the_units_restart_rule() -> None:
    assert (CONFIG_STATUS, FAILED_STATUS) == (2, 1)  # RestartPreventExitStatus=2
    assert start_status(InvalidToken()) == CONFIG_STATUS
    for exc in (TimedOut(), NetworkError("reset"), OSError("no route")):
        assert start_status(exc) == FAILED_STATUS


def test_a_refused_token_is_a_configuration_error(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with Emulator(token=TOKEN) as emu:
        assert run_bot(_settings(emu, WRONG, tmp_path)) == 2
    assert "Telegram rejected the bot token" in capsys.readouterr().err
    assert not (tmp_path / "nashra.db").exists()  # still before the database (X106)


def test_a_token_refused_by_the_start_itself_is_a_configuration_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The check before the database got no answer within 5 s; the start's getMe is refused."""
    monkeypatch.setattr(bot_app, "token_refusal", lambda settings: None)
    with Emulator(token=TOKEN) as emu:
        assert run_bot(_settings(emu, WRONG, tmp_path)) == 2
    assert "Telegram rejected the bot token" in capsys.readouterr().err


def test_the_token_check_asks_getme_once(tmp_path: Path) -> None:
    with Emulator(token=TOKEN) as emu:
        assert token_refusal(_settings(emu, TOKEN, tmp_path)) is None
        assert emu.counters["method:getMe"] == 1  # initialize() asks; no second get_me
        assert token_refusal(_settings(emu, WRONG, tmp_path)) is not None
        assert emu.counters["method:getMe"] == 2
