"""X88 / QA60-9: going live from the sandbox folder's `.env` kept the rehearsal's settings in
silence — ADMIN_IDS=1001 (a stranger's Telegram id as admin), ALLOW_PRIVATE_SOURCES=true, the
127.0.0.1 sample feeds and the rehearsal's database. A real token meeting a sandbox-made `.env`
or database is refused now (exit 2, one line naming the file and `.env.example`); the sandbox's
last line says to start from `.env.example`. Real `run.py` processes, real SQLite files."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.test_cli_main import run_py
from tests.test_x53_sandbox import _sandbox

REAL_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"
# A closed local port: if the bot were let through it would fail here, never reach Telegram
DEAD_API = "http://127.0.0.1:9/bot"


def _go_live(env: Path, *, keep_api: bool = True) -> None:
    """What the README told the operator: their token in the sandbox's .env."""
    lines = []
    for line in env.read_text(encoding="utf-8").splitlines():
        if line.startswith("TELEGRAM_BOT_TOKEN="):
            line = f"TELEGRAM_BOT_TOKEN={REAL_TOKEN}"
        elif line.startswith("TELEGRAM_API_BASE_URL="):
            line = f"TELEGRAM_API_BASE_URL={DEAD_API}"
        lines.append(line)
    env.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_real_token_in_the_sandboxs_env_or_on_its_database_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "sb"
    proc = _sandbox(tmp_path, "--dir", str(folder))
    assert proc.returncode == 0, (proc.stdout[-1500:], proc.stderr[-1500:])
    # the last line says which .env to go live with
    assert ".env.example" in proc.stdout.strip().splitlines()[-1], proc.stdout[-800:]
    live = tmp_path / "golive"
    shutil.copytree(folder, live)
    _go_live(live / ".env")
    proc = run_py(live, "bot", SOURCES_FILE="")
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr
    assert "starting mode=" not in proc.stderr
    line = proc.stderr.strip().splitlines()[-1]
    assert str(live / ".env") in line and ".env.example" in line, line
    assert "run.py sandbox" in line and "ADMIN_IDS" in line, line
    assert line.index("ADMIN_IDS") > 0 and "/" in line  # Arabic, then English

    # the operator's own .env (no sandbox mark) naming the rehearsal's database: refused too
    own = tmp_path / "own"
    own.mkdir()
    (own / ".env").write_text(f"TELEGRAM_BOT_TOKEN={REAL_TOKEN}\nTELEGRAM_API_BASE_URL="
                              f"{DEAD_API}\nADMIN_IDS=42\nDATABASE_PATH={live / 'nashra.db'}\n",
                              encoding="utf-8")
    (own / ".env").chmod(0o600)
    proc = run_py(own, "bot", SOURCES_FILE="")
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-2000:])
    line = proc.stderr.strip().splitlines()[-1]
    assert str(live / "nashra.db") in line and "run.py sandbox" in line, line


def test_the_sandboxs_own_start_and_an_operators_env_are_not_refused(tmp_path: Path) -> None:
    from cli.rehearsal import SANDBOX_TOKEN, go_live_problem

    env = tmp_path / ".env"
    env.write_text("# written by run.py sandbox: …\nTELEGRAM_BOT_TOKEN=x\n", encoding="utf-8")
    db = tmp_path / "none.db"
    assert go_live_problem(env, db, SANDBOX_TOKEN, "http://127.0.0.1:5/bot") is None
    assert go_live_problem(env, db, REAL_TOKEN, "http://127.0.0.1:5/bot") is not None
    # the sandbox's token sent to Telegram itself: that .env is still the rehearsal's
    assert go_live_problem(env, db, SANDBOX_TOKEN, "https://api.telegram.org/bot") is not None
    env.write_text(f"TELEGRAM_BOT_TOKEN={REAL_TOKEN}\n", encoding="utf-8")
    assert go_live_problem(env, db, REAL_TOKEN, "https://api.telegram.org/bot") is None
    assert not db.exists()  # looking made no file
