"""X88 / QA60-2, QA60-22: `python run.py …`, as the README's Backups, Upgrading, Go live and
Troubleshooting sections and the program's own hints write it, ended in a ModuleNotFoundError
traceback outside the project's virtual environment (no httpx for the system python): the
pre-upgrade backup failed as written. Now run.py re-runs itself with the project's
`.venv/bin/python` when the running interpreter lacks Nashra's libraries, and without a `.venv`
says in one line how to make one. Real `run.py` processes, `-S` standing for a bare python."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BARE = [getattr(sys, "_base_executable", sys.executable), "-S"]  # no site-packages


def _run(script: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*BARE, str(script), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=240, check=False,
                          env={k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"})


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "python").is_file(),
                    reason="no .venv in the checkout")
def test_python_run_py_outside_the_venv_runs_with_the_projects_venv(tmp_path: Path) -> None:
    proc = _run(ROOT / "run.py", "--help", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert "backup" in proc.stdout and "restore" in proc.stdout


def test_without_a_venv_it_says_how_to_make_one_in_one_line(tmp_path: Path) -> None:
    project = tmp_path / "nashra"
    project.mkdir()
    shutil.copy(ROOT / "run.py", project / "run.py")
    for name in ("cli", "digests", "bot"):
        (project / name).symlink_to(ROOT / name)
    proc = _run(project / "run.py", "backup", "b.db", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    line = proc.stderr.strip()
    assert len(line.splitlines()) == 1, line
    assert "make run" in line and ".venv/bin/python run.py" in line and str(project) in line
