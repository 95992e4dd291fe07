"""X56 item 5 and QA41 T8: a kept sandbox folder keeps 3 sample feeds however often it is run
(the earlier runs' feeds take this run's port), and a folder whose .env holds a malformed token
gets the sandbox's own refusal (its files are not the sandbox's), not a configuration error.
Real `run.py` processes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.test_x53_sandbox import _sandbox


def test_a_malformed_token_in_the_folders_env_gets_the_sandboxs_refusal(tmp_path: Path) -> None:
    env = "TELEGRAM_BOT_TOKEN=123:REAL\nADMIN_IDS=42\n"
    (tmp_path / ".env").write_text(env, encoding="utf-8")
    proc = _sandbox(tmp_path, "--dir", ".", timeout=60)
    assert proc.returncode == 1, (proc.stdout[-1500:], proc.stderr[-1500:])
    assert "configuration error" not in proc.stderr
    assert "not overwritten" in proc.stderr and "لن أكتب فوقه" in proc.stderr
    assert (tmp_path / ".env").read_text(encoding="utf-8") == env


def test_a_kept_folder_keeps_three_sample_feeds_run_after_run(tmp_path: Path) -> None:
    folder = tmp_path / "sb"
    counts = []
    for _ in range(2):
        proc = _sandbox(tmp_path, "--dir", str(folder))
        assert proc.returncode == 0, (proc.stdout[-1500:], proc.stderr[-1500:])
        with sqlite3.connect(folder / "nashra.db") as conn:
            counts.append((conn.execute("select count(*) from sources").fetchone()[0],
                           conn.execute("select count(*) from articles").fetchone()[0]))
        port = (folder / "feeds.txt").read_text(encoding="utf-8").split("/")[2]
        with sqlite3.connect(folder / "nashra.db") as conn:
            urls = [r[0] for r in conn.execute("select url from sources")]
        assert all(f"//{port}/" in url for url in urls)  # every source on this run's port
    assert counts[0][0] == counts[1][0] == 3
    assert counts[1][1] == counts[0][1]  # the same sample articles, not stored twice
