"""The SQLite URI that opens a database file read-only, whatever its path holds (X89).

`file:{path}?mode=ro` with the path as written is misread when the path holds «#» (the rest is
a fragment), «?» (the rest is the query, `mode=ro` lost) or «%» (an escape): a folder named
«nashra#2» made backup, restore, rescue and the file check open another file, or none
(«unable to open database file»). `Path.as_uri()` escapes them; SQLite decodes the escapes.
Every read-only open goes through here.
"""

from __future__ import annotations

from pathlib import Path


def read_only_uri(path: str | Path) -> str:
    """`file:///…?mode=ro` for `path` (relative paths from the current folder), for
    `sqlite3.connect(…, uri=True)`."""
    return f"{Path(path).absolute().as_uri()}?mode=ro"
