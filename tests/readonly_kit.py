"""A file made read-only for a test, then writable again: `chattr +i` as root (root may write a
chmod 444 file), `chmod 444` and a read-only folder for another user. The read-only database
tests (test_x88_readonly_db, test_x89_read_only_faults) each wrote this; it is the one both use.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """`path` read-only for the block (skips the test where it cannot be made so)."""
    locked = False
    if os.geteuid() != 0:
        path.chmod(0o444)
        path.parent.chmod(0o555)
    elif shutil.which("chattr") and subprocess.run(["chattr", "+i", str(path)],
                                                   capture_output=True).returncode == 0:
        locked = True
    else:
        pytest.skip("root without chattr: the file cannot be made read-only here")
    try:
        assert not os.access(path, os.W_OK)
        yield path
    finally:
        if locked:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.parent.chmod(0o755)
