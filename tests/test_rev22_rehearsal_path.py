"""Review REV (session 22) of X88's 994e4a8: the sandbox's mark on its database was read through
`file:<path>?mode=ro` with the path as written, so a folder named with «#» or «?» («nashra#2»)
cut the URI: the mark was not found and a real token started on the rehearsal's database. The
path is a proper file URI now (as digests.storage opens one). Real SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.rehearsal import database_marked, mark_database
from digests.storage import Database


@pytest.mark.parametrize("folder", ["nashra#2", "what?", "100%"])
def test_the_mark_is_read_whatever_the_folder_is_named(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "nashra.db"
    Database(path).close()
    mark_database(path)
    assert database_marked(path)
