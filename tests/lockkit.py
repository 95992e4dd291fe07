"""A process of its own holding a database's instance locks, for the tests of a second bot.

The flock on the database file (digests.instance_lock) belongs to the open file description,
so a lock taken in the test's own process says nothing of what another process sees: these
tests need a real other process. test_instance_lock and test_db_faults each wrote one; this is
the one both use. SQLite's write lock is another matter: `locked_while` holds it on a second
connection of the test's own process while one call runs (a lock another program holds).
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


def locked_while(real: Callable[..., Any], path: Path) -> Callable[..., Any]:
    """`real` called while another connection to `path` holds SQLite's write lock (BEGIN
    IMMEDIATE), as another program would: its writes meet «database is locked»."""

    def locked(*args: Any, **kwargs: Any) -> Any:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("begin immediate")
        try:
            return real(*args, **kwargs)
        finally:
            other.close()

    return locked
