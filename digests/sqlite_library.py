"""The SQLite library Python is linked to, checked before a database opens (digests.storage).

Nashra's SQL needs SQLite 3.35 or newer (`RETURNING`: digests.outbox_states) with its JSON
functions (`json_extract`, `json_each`, `json_insert`: the items of a daily digest row,
digests.daily_rows, X122). A Python linked to an older system library (RHEL/Rocky 9's SQLite
3.34) opened the database and failed somewhere mid-run, at a migration or at the first daily
digest. Now every open stops first with one line in Arabic and English naming the version found,
the one needed and what to do (cli.main: exit 2, a setting only the operator can fix, so
systemd does not restart it), and the database file is not touched: no empty file is left for the next start to
refuse as a failed copy.

The version is read at each open (a test sets it); the JSON probe, on a connection of its own in
memory, runs once a process.
"""

from __future__ import annotations

import sqlite3
import sys

from digests.errors import StorageError

MINIMUM = (3, 35, 0)  # RETURNING came in 3.35.0; json_each and json_insert are older

_json_found: bool | None = None  # the probe's answer, once a process


class OldSqlite(StorageError):
    """Python's SQLite library is older than MINIMUM, or was built without its JSON functions."""


def json_functions() -> bool:
    """Whether this SQLite library has the JSON functions Nashra's SQL uses (a build without
    JSON1 answers «no such function»)."""
    global _json_found
    if _json_found is None:
        conn = sqlite3.connect(":memory:")
        try:
            conn.execute("select json_extract(value, '$[0]'), json_insert('[]', '$[#]', 1)"
                         " from json_each('[[1]]')").fetchall()
            _json_found = True
        except sqlite3.OperationalError:
            _json_found = False
        finally:
            conn.close()
    return _json_found


def library_problem() -> str | None:
    """The line saying this SQLite library cannot run Nashra, or None when it can."""
    found = tuple(sqlite3.sqlite_version_info)
    old = found < MINIMUM
    if not old and json_functions():
        return None
    shown = ".".join(str(n) for n in found)
    needed = ".".join(str(n) for n in MINIMUM[:2])
    python = sys.executable or "python3"
    ar_found = shown if old else f"{shown} بلا دوال JSON"
    en_found = shown if old else f"{shown}, built without its JSON functions"
    return (f"مكتبة SQLite التي يستعملها {python} إصدارها {ar_found}، ونشرة تحتاج {needed} أو "
            f"أحدث بدوال JSON: ثبّت بايثون ‎3.11‎ أو أحدث مرتبطًا بمكتبة SQLite أحدث (كما في "
            f"Debian 12 وUbuntu 22.04 وما بعدهما)، ثم أعد إنشاء ‎.venv‎ به: ‎rm -rf .venv && make "
            f"run PYTHON=/path/to/python3‎ / the SQLite library {python} is linked to is "
            f"{en_found}; Nashra needs {needed} or newer with its JSON functions: install a Python "
            f"3.11 or newer linked to a newer SQLite (Debian 12, Ubuntu 22.04 and later have one), "
            f"then make .venv again with it: `rm -rf .venv && make run PYTHON=/path/to/python3`")


def refuse_old_library() -> None:
    """Raise OldSqlite with `library_problem`'s line when this SQLite cannot run Nashra."""
    problem = library_problem()
    if problem is not None:
        raise OldSqlite(problem)
