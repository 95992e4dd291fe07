"""QA69-5 (S3): with a wrong token, `run.py bot` created the database, ran every migration and
added the shipped sources before Telegram's refusal, its 72nd line. The token is now asked
(getMe) before the database is opened: the refusal is the one line, and no file is written.
A real `run.py bot` process against the emulator started with another token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.emulator import Emulator
from tests.test_cli_main import ROOT, SUBPROCESS_WAIT

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"
WRONG = "987654321:ZZHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9"


def _run(tmp_path: Path, emu: Emulator, token: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TELEGRAM_", "ADMIN", "ALLOW_", "SOURCES_", "DATABASE_"))}
    env.update(TELEGRAM_BOT_TOKEN=token, TELEGRAM_API_BASE_URL=emu.base_url,
               DATABASE_PATH=str(db), LOG_LEVEL="INFO")
    return subprocess.run([sys.executable, str(ROOT / "run.py"), "bot"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=SUBPROCESS_WAIT)


def test_a_wrong_token_touches_no_database(tmp_path: Path) -> None:
    db = tmp_path / "data" / "nashra.db"
    with Emulator(token=TOKEN) as emu:
        done = _run(tmp_path, emu, WRONG, db)
    out = done.stdout + done.stderr
    assert done.returncode == 2, out[-3000:]  # a configuration error (REV2 #3; was 1)
    assert "Telegram rejected the bot token: check TELEGRAM_BOT_TOKEN" in out, out[-3000:]
    assert "migration applied" not in out and "source added" not in out, out[-3000:]
    assert not db.parent.exists() or not any(db.parent.iterdir()), list(db.parent.iterdir())
    assert len([line for line in out.splitlines() if line.strip()]) <= 3, out


def test_a_wrong_token_leaves_an_existing_database_unupgraded(tmp_path: Path) -> None:
    """An older database stays as it was: nothing migrated, no upgrade copy made."""
    db = tmp_path / "old.db"
    db.write_bytes(b"")  # stands for a file a wrong token must not open
    before = sorted(p.name for p in tmp_path.iterdir())
    with Emulator(token=TOKEN) as emu:
        done = _run(tmp_path, emu, WRONG, db)
    assert done.returncode == 2
    assert "Telegram rejected the bot token" in done.stderr + done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert db.read_bytes() == b""
