"""Review REV (session 22) of X88's addfe1d: run.py caught every ModuleNotFoundError raised
while importing cli.main as «the library … is not installed: run `make run`», a project module
missing too (a file lost in a copy, a bad import in the code): the operator was sent to
reinstall libraries and the traceback that names the module and its importer was gone. Only a
library (a name outside the project's folders) gets that line now. Real `run.py` processes."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.test_x88_outside_venv import ROOT, _run


def test_a_missing_project_module_is_no_missing_library(tmp_path: Path) -> None:
    project = tmp_path / "nashra"
    (project / "cli").mkdir(parents=True)
    (project / "digests").mkdir()
    shutil.copy(ROOT / "run.py", project / "run.py")
    (project / "cli" / "__init__.py").write_text("", encoding="utf-8")
    (project / "digests" / "__init__.py").write_text("", encoding="utf-8")
    (project / "cli" / "main.py").write_text("import digests.gone\n", encoding="utf-8")
    proc = _run(project / "run.py", "--help", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "make run" not in proc.stderr, proc.stderr[-2000:]
    assert "No module named 'digests.gone'" in proc.stderr, proc.stderr[-2000:]


def test_a_missing_library_still_gets_the_one_line(tmp_path: Path) -> None:
    project = tmp_path / "nashra"
    (project / "cli").mkdir(parents=True)
    shutil.copy(ROOT / "run.py", project / "run.py")
    (project / "cli" / "__init__.py").write_text("", encoding="utf-8")
    (project / "cli" / "main.py").write_text("import httpx_not_here\n", encoding="utf-8")
    proc = _run(project / "run.py", "--help", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr and "make run" in proc.stderr, proc.stderr[-2000:]
