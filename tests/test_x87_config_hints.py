"""X87 (QA58-6): setup errors came one at a time. A `.env` with «TELEGRAM_TOKEN=…», «ADMIN_ID=1001»
and «POLL_INTERVAL_MINUTES=15 minutes» stopped `run.py bot` with the interval's error alone; the
«did you mean TELEGRAM_BOT_TOKEN / ADMIN_IDS» hints, which explain the next errors, came only
after it was fixed. Now they come with the first error. The real `run.py` in a folder of its
own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_key_hints_come_with_the_first_error(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(
        "TELEGRAM_TOKEN=123456:abc\nADMIN_ID=1001\nPOLL_INTERVAL_MINUTES=15 minutes\n"
        f"DATABASE_PATH={tmp_path / 'n.db'}\n", encoding="utf-8")
    (tmp_path / ".env").chmod(0o600)
    env = {k: v for k, v in os.environ.items()
           if k.upper() not in {"TELEGRAM_BOT_TOKEN", "ADMIN_IDS", "POLL_INTERVAL_MINUTES",
                                "DATABASE_PATH", "TELEGRAM_API_BASE_URL"}}
    run = subprocess.run([sys.executable, str(ROOT / "run.py"), "bot"], capture_output=True,
                         text=True, timeout=120, cwd=tmp_path, env=env)
    assert run.returncode == 2, run.stderr
    assert "POLL_INTERVAL_MINUTES='15 minutes'" in run.stderr, run.stderr
    assert "did you mean TELEGRAM_BOT_TOKEN" in run.stderr, run.stderr
    assert "did you mean ADMIN_IDS" in run.stderr, run.stderr
    assert "123456:abc" not in run.stderr  # a token is never echoed
