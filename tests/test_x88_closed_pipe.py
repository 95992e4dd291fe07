"""X88 / QA60-14: `run.py search … --json | head -c 600` and `run.py digest URL | head -8`
printed their lines, then a BrokenPipeError traceback. A closed stdout now ends the command
quietly. A real `run.py` process whose stdout's reader is gone before it writes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.botkit import sample_db
from tests.test_cli_main import ROOT


def test_a_reader_that_went_away_gets_no_traceback(tmp_path: Path) -> None:
    from digests.settings import env_keys

    db = sample_db(tmp_path)
    read, write = os.pipe()
    os.close(read)  # `head` already gone: every write fails with EPIPE
    env = {k: v for k, v in os.environ.items() if k not in env_keys()}
    try:
        proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "--db", str(db), "search",
                               "سوريا", "--json"], stdout=write, stderr=subprocess.PIPE,
                              text=True, cwd=tmp_path, env=env, timeout=240, check=False)
    finally:
        os.close(write)
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode == 0
