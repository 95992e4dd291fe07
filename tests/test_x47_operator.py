"""An operator's first week (QA30): the sandbox command, read commands on a mistyped database
path, and the start's warnings about `.env` slips."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli_main import ROOT, run_py


def test_sandbox_runs_the_real_bot_against_the_emulator_and_stops_cleanly(tmp_path: Path) -> None:
    """`run.py sandbox` end to end: it ingests the sample news and starts `run.py bot` (its own
    process, its own .env) against the emulator; typed lines are users' messages and the bot's
    answers are printed; at the end of input the bot is stopped as Ctrl-C stops it."""
    folder = tmp_path / "sb"
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "ADMIN_IDS")}
    env["DATABASE_PATH"] = str(tmp_path / "not-the-sandboxs.db")  # the shell's: not used
    proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "sandbox", "--dir", str(folder)],
                          input="/start\nالغوطة\n@2002 /stats\n", capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=240)
    out = proc.stdout
    assert proc.returncode == 0, (out[-2000:], proc.stderr[-2000:])
    assert "TELEGRAM_API_BASE_URL=http://127.0.0.1:" in out
    assert "أهلًا بك في نشرة" in out and "[1] الغوطة" in out  # /start, with its buttons
    # the topic answered from the sample news the sandbox ingested, with the story's link
    assert "نتائج «الغوطة»" in out and "الغوطة الشرقية ⟨http://127.0.0.1:" in out
    # another user is not an admin: /stats gives their id, not the figures
    reply_2002 = out.split("🤖 → 2002:", 1)[1]
    assert "2002" in reply_2002 and "📊" not in reply_2002.split("أنت / you>")[0]
    assert "the bot stopped (rc=0)" in out
    log = (folder / "bot.log").read_text(encoding="utf-8")
    assert "Application.stop() complete" in log  # stopped, not killed
    assert (folder / ".env").stat().st_mode & 0o077 == 0
    assert (folder / "nashra.db").is_file()
    assert not (tmp_path / "not-the-sandboxs.db").exists()


def test_sandbox_line_syntax() -> None:
    from cli.sandbox import OPERATOR, parse_line

    assert parse_line("الغوطة") == (OPERATOR, OPERATOR, "الغوطة")
    assert parse_line("@2002 /start") == (2002, 2002, "/start")
    assert parse_line("#-100123 /search إيران") == (-100123, OPERATOR, "/search إيران")
    assert parse_line("@name hello") == (OPERATOR, OPERATOR, "@name hello")  # a mention


@pytest.mark.parametrize("args", [("sources", "list"), ("sources", "remove", "1"),
                                  ("search", "الغوطة"), ("digest", "--help")])
def test_read_commands_on_a_mistyped_db_path_refuse_and_create_nothing(tmp_path: Path,
                                                                       args: tuple[str, ...]
                                                                       ) -> None:
    typo = tmp_path / "typo" / "nashra.db"
    proc = run_py(tmp_path, "--db", str(typo), *args)
    if args[-1] == "--help":
        assert proc.returncode == 0
    else:
        assert proc.returncode == 1, proc.stderr[-2000:]
        line = proc.stderr.strip().splitlines()[-1]
        assert f"لا قاعدة بيانات في {typo}" in line and f"no database at {typo} (--db)" in line
        assert "Traceback" not in proc.stderr
    assert not typo.parent.exists()  # neither the file nor its folder


def test_the_refusal_names_the_env_file_that_gave_the_path(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DATABASE_PATH=dta/nashra.db\n", encoding="utf-8")
    proc = run_py(tmp_path, "sources", "list")
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert f"(DATABASE_PATH in {tmp_path / '.env'})" in proc.stderr
    assert not (tmp_path / "dta").exists()
    # a command that makes a database still does
    proc = run_py(tmp_path, "ingest", "--once")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "dta" / "nashra.db").is_file()
    assert run_py(tmp_path, "sources", "list").returncode == 0
