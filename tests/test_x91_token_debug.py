"""X91 (QA60-7, S3): a wrong (well-formed) token refused by the Bot API at LOG_LEVEL=DEBUG printed
PTB's traceback («telegram.error.InvalidToken: The token … was rejected by the server.», ~40
lines) before the bot's own line, while README «Log lines» says the Bot API's bad moments are
WARNING lines, not tracebacks. Now the start says one line at every level, never the token.
A real `run.py bot` process against the emulator started with another token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.emulator import Emulator
from tests.test_cli_main import ROOT, SUBPROCESS_WAIT

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"
WRONG = "987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9"


@pytest.mark.parametrize("level", ["DEBUG", "INFO"])
def test_a_refused_token_is_one_line(tmp_path: Path, level: str) -> None:
    with Emulator(token=TOKEN) as emu:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("TELEGRAM_", "ADMIN", "ALLOW_", "SOURCES_"))}
        env.update(TELEGRAM_BOT_TOKEN=WRONG, TELEGRAM_API_BASE_URL=emu.base_url,
                   DATABASE_PATH=str(tmp_path / "bot.db"), LOG_LEVEL=level)
        done = subprocess.run([sys.executable, str(ROOT / "run.py"), "bot"], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=SUBPROCESS_WAIT)
    out = done.stdout + done.stderr
    assert done.returncode == 2, out[-3000:]  # a configuration error (REV2 #3; was 1)
    assert "Telegram rejected the bot token: check TELEGRAM_BOT_TOKEN" in out, out[-3000:]
    assert "Traceback" not in out and "rejected by the server" not in out, out[-3000:]
    assert WRONG not in out and WRONG.split(":")[1] not in out, out[-3000:]
