"""What `make run` installs on a server, and what `make test` installs for a developer
(QA69-4: `make run` installed pytest, mypy, hypothesis and the 91 MB semantic model). The
Makefile is read with `make -n` in a copy of it: nothing is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no make here")


def planned(tmp_path: Path, *target: str) -> list[str]:
    """The pip install lines `make -n TARGET` would run in a fresh checkout."""
    for name in ("Makefile", "pyproject.toml"):
        if not (tmp_path / name).exists():
            shutil.copyfile(ROOT / name, tmp_path / name)
    proc = subprocess.run(["make", "-n", *target], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, check=True)
    return [line for line in proc.stdout.splitlines()
            if "pip install" in line and "--upgrade pip" not in line]


def test_make_run_installs_the_bot_without_the_test_tools(tmp_path: Path) -> None:
    installs = planned(tmp_path, "run")
    assert len(installs) == 1 and "-e '.'" in installs[0], installs
    for target in ("sandbox", "install"):
        assert planned(tmp_path, target) == installs


def test_make_test_installs_the_test_and_benchmark_tools(tmp_path: Path) -> None:
    for target in ("test", "typecheck", "bench"):
        installs = planned(tmp_path, target)
        assert len(installs) == 1 and "[test,bench,semantic]" in installs[0], (target, installs)


def test_the_semantic_model_is_one_word_away(tmp_path: Path) -> None:
    assert "-e '.[semantic]'" in planned(tmp_path, "install", "EXTRAS=semantic")[0]


def test_make_install_installs_again_after_an_upgrade(tmp_path: Path) -> None:
    # README «Upgrading»: after `git pull`, a service that starts .venv/bin/python itself
    # never passes through `make run`'s check of pyproject.toml (QA69-11)
    planned(tmp_path, "run")
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    for made in (venv / "bin" / "python", venv / ".installed-run", venv / ".installed"):
        made.touch()
    assert planned(tmp_path, "run") == []  # installed and up to date: nothing to do
    assert len(planned(tmp_path, "install")) == 1
