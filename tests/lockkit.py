"""A process of its own holding a database's instance locks, for the tests of a second bot.

The flock on the database file (digests.instance_lock) belongs to the open file description,
so a lock taken in the test's own process says nothing of what another process sees: these
tests need a real other process. test_instance_lock and test_db_faults each wrote one; this is
the one both use.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def lock_holder(db: Path) -> Iterator[subprocess.Popen[str]]:
    """A process holding the locks of `db` (digests.storage.hold_lock) until it is killed on
    leaving, as a crashed bot would be: SIGKILL, so nothing of it lets go on its own."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from digests.storage import hold_lock; "
         f"h = hold_lock({str(db)!r}); print('held', flush=True); sys.stdin.read()"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        yield proc
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
