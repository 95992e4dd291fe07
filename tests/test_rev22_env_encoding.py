"""Review REV (session 22), found while reviewing X87's 6d39641 (setup errors said together): a
`.env` saved in a Windows code page (Notepad's «ANSI» on an Arabic Windows is cp1256: an Arabic
comment is not UTF-8) stopped every command with a UnicodeDecodeError traceback. Now one
configuration error line, exit 2, naming the file and how to save it. The real `run.py` in a
folder of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_env_not_in_utf8_is_one_configuration_error(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_bytes("# رمز البوت من BotFather\nADMIN_IDS=1001\n".encode("cp1256"))
    env_file.chmod(0o600)
    env = {k: v for k, v in os.environ.items()
           if k.upper() not in {"TELEGRAM_BOT_TOKEN", "ADMIN_IDS", "DATABASE_PATH"}}
    run = subprocess.run([sys.executable, str(ROOT / "run.py"), "sources", "list"],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    assert "configuration error" in run.stderr and str(env_file) in run.stderr, run.stderr
    assert "UTF-8" in run.stderr, run.stderr
