"""QA37 (O6 partly): `run.py restore`'s Arabic count line takes the number's noun form
(«سُجّل ٤ تسليمات لقصص فيها ٣ روابط», not «4 تسليمًا … 3 رابطًا»). A real run.py process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_restore_record import due_rows


def test_restore_counts_in_arabic_noun_forms(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    path, saved, _ = due_rows(tmp_path)
    done = subprocess.run([sys.executable, str(root / "run.py"), "--db", str(path), "restore",
                           str(saved)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "سُجّل ٤ تسليمات لقصص فيها ٣ روابط" in done.stdout, done.stdout
    assert "تسليمًا" not in done.stdout and "رابطًا" not in done.stdout
    assert "(4 deliveries of stories with 3 links recorded)" in done.stdout
