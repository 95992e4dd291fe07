"""A `.env` holding the bot token that group or others may read or write is warned about once
at start (QA29 A6), as ssh warns of an open key. A real `run.py bot` subprocess, against an API
address where nothing listens (it exits after the warning); and the rule on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli_main import run_py

from digests.envfile import EnvFile, exposure_warning

TOKEN = "123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789"


@pytest.mark.parametrize(("mode", "warned"), [(0o666, True), (0o640, True), (0o600, False)])
def test_run_py_bot_warns_once_of_an_open_env_with_the_token(tmp_path: Path, mode: int,
                                                             warned: bool) -> None:
    env = tmp_path / ".env"
    env.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nTELEGRAM_API_BASE_URL=http://127.0.0.1:9/bot\n"
                   "DATABASE_PATH=db.sqlite\n", encoding="utf-8")
    env.chmod(mode)
    proc = run_py(tmp_path, "bot")
    lines = [line for line in proc.stderr.splitlines() if "chmod 600" in line]
    assert len(lines) == (1 if warned else 0), proc.stderr[-2000:]
    if warned:
        assert "WARNING" in lines[0] and f"mode {mode:o}" in lines[0] and str(env) in lines[0]
        assert TOKEN not in proc.stderr and TOKEN.split(":")[1] not in proc.stderr


@pytest.mark.parametrize("text", ["TELEGRAM_BOT_TOKEN=\nADMIN_IDS=1\n", "ADMIN_IDS=1\n",
                                  "# TELEGRAM_BOT_TOKEN is set in the environment\n"])
def test_an_open_env_without_the_token_is_not_warned_about(tmp_path: Path, text: str) -> None:
    env = tmp_path / ".env"
    env.write_text(text, encoding="utf-8")
    env.chmod(0o644)
    assert exposure_warning(EnvFile(env, (env,))) is None
    env.write_text(f"export TELEGRAM_BOT_TOKEN='{TOKEN}'\n", encoding="utf-8")
    assert exposure_warning(EnvFile(env, (env,))) is not None
    assert exposure_warning(EnvFile(None, (env,))) is None
