"""An archive as an older version left it: migrations applied up to (not including) one, so a
test can add rows the old way and then reopen the file to run that migration on them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from digests import migrations
from digests.storage import Database


@contextmanager
def archive_before(path: Path, migration: str) -> Iterator[Database]:
    """The database at `path` with every migration before `migration` applied (and not it),
    open for the block; closed, and the full migration list restored, afterwards."""
    full = list(migrations.MIGRATIONS)
    index = [name for name, _ in full].index(migration)
    migrations.MIGRATIONS[:] = full[:index]
    try:
        old = Database(path)
        try:
            yield old
        finally:
            old.close()
    finally:
        migrations.MIGRATIONS[:] = full
