"""X91 (review REV s22, item 7's last edge): a writable database file in a folder that may not be
written opened read-write, and the WAL it needs beside the file could not be made: `run.py
search` failed «database error: … (unable to open database file): choose a file in a writable
folder …», though README Troubleshooting says reading commands work on a file they may not
write. Now cli.dbpath opens it read-only (the folder counts), and digests.storage reads it as
immutable (no -shm can be made there, and no writer can change it). A real `run.py` process,
the folder made immutable with `chattr +i` (root) or `chmod 555`."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.botkit import sample_db
from tests.test_cli_main import run_py


@contextmanager
def _read_only_folder(folder: Path) -> Iterator[Path]:
    locked = False
    if os.geteuid() != 0:
        folder.chmod(0o555)
    elif shutil.which("chattr") and subprocess.run(["chattr", "+i", str(folder)],
                                                   capture_output=True).returncode == 0:
        locked = True
    else:
        pytest.skip("root without chattr: the folder cannot be made read-only here")
    try:
        assert not os.access(folder, os.W_OK)
        yield folder
    finally:
        if locked:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        else:
            folder.chmod(0o755)


def test_a_file_in_a_read_only_folder_is_searched(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "nashra.db"
    shutil.copyfile(sample_db(tmp_path), path)
    with _read_only_folder(folder):
        proc = run_py(tmp_path, "--db", str(path), "search", "الغوطة")
        listed = run_py(tmp_path, "--db", str(path), "sources", "list")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "الغوطة" in proc.stdout and "unable to open" not in proc.stderr, proc.stderr[-2000:]
    assert listed.returncode == 0, listed.stderr[-2000:]
    assert sorted(p.name for p in folder.iterdir()) == ["nashra.db"]  # nothing left beside
