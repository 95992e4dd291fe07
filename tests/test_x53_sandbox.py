"""QA37 T2 / T6: `run.py sandbox` never writes over an operator's files and never changes the
database given with `--db` (it runs on its own copy); a mistyped `--db` creates nothing. Real
`run.py` processes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.test_cli_main import ROOT, run_py

OPERATOR_ENV = "TELEGRAM_BOT_TOKEN=123456789:AAHrealOperatorToken0123456789abcdef\nADMIN_IDS=42\nSOURCES_FILE=feeds.txt\n"


def _sandbox(cwd: Path, *args: str, stdin: str = "/quit\n",
             timeout: float = 240) -> subprocess.CompletedProcess[str]:
    from digests.settings import env_keys

    env = {k: v for k, v in os.environ.items() if k not in env_keys()}
    return subprocess.run([sys.executable, str(ROOT / "run.py"), "sandbox", *args], cwd=cwd,
                          input=stdin, capture_output=True, text=True, env=env, timeout=timeout)


def test_sandbox_refuses_a_folder_holding_the_operators_env(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(OPERATOR_ENV, encoding="utf-8")
    (tmp_path / "feeds.txt").write_text("https://example.org/feed Mine\n", encoding="utf-8")
    proc = _sandbox(tmp_path, "--dir", ".", timeout=60)
    assert proc.returncode == 1, (proc.stdout[-1500:], proc.stderr[-1500:])
    assert str(tmp_path / ".env") in proc.stderr and "لن أكتب فوقه" in proc.stderr
    assert "not overwritten" in proc.stderr
    assert (tmp_path / ".env").read_text(encoding="utf-8") == OPERATOR_ENV
    assert (tmp_path / "feeds.txt").read_text(encoding="utf-8") == \
        "https://example.org/feed Mine\n"
    assert not (tmp_path / "bot.log").exists()


def test_sandbox_refuses_a_feeds_file_beside_no_sandbox_env(tmp_path: Path) -> None:
    from cli.sandbox import folder_problem

    (tmp_path / "feeds.txt").write_text("x\n", encoding="utf-8")
    problem = folder_problem(tmp_path)
    assert problem is not None and "feeds.txt" in problem
    (tmp_path / "feeds.txt").unlink()
    assert folder_problem(tmp_path) is None
    (tmp_path / ".env").write_text("# written by run.py sandbox: x\nADMIN_IDS=1\n")
    (tmp_path / "feeds.txt").write_text("x\n", encoding="utf-8")
    assert folder_problem(tmp_path) is None  # an earlier sandbox's folder is the sandbox's


def test_sandbox_with_a_mistyped_db_creates_nothing(tmp_path: Path) -> None:
    typo = tmp_path / "typo3" / "n.db"
    proc = _sandbox(tmp_path, "--db", str(typo), "--dir", str(tmp_path / "sb"), timeout=60)
    assert proc.returncode == 1, (proc.stdout[-1500:], proc.stderr[-1500:])
    assert "n.db" in proc.stderr and "--db" in proc.stderr
    assert not (tmp_path / "typo3").exists() and not (tmp_path / "sb").exists()


def test_sandbox_runs_on_a_copy_and_leaves_the_given_database_as_it_was(tmp_path: Path) -> None:
    real = tmp_path / "prod.db"
    added = run_py(tmp_path, "--db", str(real), "sources", "add", "--no-check",
                   "http://127.0.0.1:9/rss", ALLOW_PRIVATE_SOURCES="true")
    assert added.returncode == 0, added.stderr[-1500:]
    before = real.read_bytes()
    folder = tmp_path / "sb"
    for _ in range(2):  # a second run on the same folder: still the real file untouched
        proc = _sandbox(tmp_path, "--db", str(real), "--dir", str(folder), stdin="/start\n")
        assert proc.returncode == 0, (proc.stdout[-2000:], proc.stderr[-2000:])
        assert "أهلًا بك في نشرة" in proc.stdout
    assert real.read_bytes() == before
    copy = folder / "sandbox-copy.db"
    with sqlite3.connect(copy) as conn:
        urls = [r[0] for r in conn.execute("SELECT url FROM sources")]
    with sqlite3.connect(real) as conn:
        assert [r[0] for r in conn.execute("SELECT url FROM sources")] == \
            ["http://127.0.0.1:9/rss"]
    # the copy: the real source and one run's sample feeds (a fresh copy each run: not 3 more)
    assert "http://127.0.0.1:9/rss" in urls and len(urls) == 4, urls


def test_sandbox_refuses_ids_telegram_never_gives_and_searches_no_negative_number(
        tmp_path: Path) -> None:
    """QA37 T7: «@0 /start» went to a chat 0 as a group welcome, a 20-digit id was searched as
    the operator's text, «-1» was searched as «1»."""
    odd = "@0 /start\n@99999999999999999999 /start\n#-99999999999999999999999 /start\n-1\n"
    proc = _sandbox(tmp_path, "--dir", str(tmp_path / "sb"), stdin=odd + "@2002 /start\n")
    out = proc.stdout
    assert proc.returncode == 0, (out[-2000:], proc.stderr[-2000:])
    assert "«@0» is not a Telegram user id" in out
    assert "«@99999999999999999999» is not a Telegram user id" in out
    assert "«#-99999999999999999999999» is not a group id" in out
    assert "no button -1" in out
    assert "🤖 → 0:" not in out and "نتائج «1»" not in out and "🤖 → 1001:" not in out
    assert "🤖 → 2002:" in out  # a good line after them is still answered
