"""The storage boundary for SQLite's errors: the project's connections raise its own (QA73-4).

`FaultConnection` (the factory digests.storage.Database opens every connection with) and its
`FaultCursor` turn an error SQLite raises for the file itself — locked, full, read-only,
damaged — into the DatabaseFault that names what the caller does about it
(digests.db_faults: DatabaseBusy, DatabaseNeedsOperator): a statement, a commit, a fetch. Any other sqlite3 error (a constraint, a statement's own mistake) goes
through as SQLite raised it. Both stay sqlite3.Errors, so sqlite_utils and the catches written
before see what they saw.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from digests.db_faults import as_fault

# Each method below: SQLite's call, and on an error `raise as_fault(exc)` — the fault (its
# cause SQLite's error), or SQLite's error itself again. A row read by iterating a cursor is
# not wrapped: a Python __next__ cost 40 % on a long scan, and SQLite meets a lock or a
# damaged first page in `execute` already (it steps to the first row there); a fault a
# later row meets comes out as sqlite3's error, which `fault_of` still reads.


class FaultCursor(sqlite3.Cursor):
    """A cursor whose statements and row reads raise DatabaseFaults (module docstring)."""

    def execute(self, sql: str, parameters: Any = (), /) -> FaultCursor:
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as exc:
            raise as_fault(exc)

    def executemany(self, sql: str, seq_of_parameters: Iterable[Any], /) -> FaultCursor:
        try:
            return super().executemany(sql, seq_of_parameters)
        except sqlite3.Error as exc:
            raise as_fault(exc)

    def executescript(self, sql_script: str, /) -> sqlite3.Cursor:
        try:
            return super().executescript(sql_script)
        except sqlite3.Error as exc:
            raise as_fault(exc)

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.Error as exc:
            raise as_fault(exc)

    def fetchmany(self, size: int | None = None) -> list[Any]:
        try:
            return super().fetchmany(self.arraysize if size is None else size)
        except sqlite3.Error as exc:
            raise as_fault(exc)

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as exc:
            raise as_fault(exc)


class FaultConnection(sqlite3.Connection):
    """A connection whose statements, commits and cursors raise DatabaseFaults (module
    docstring): `sqlite3.connect(..., factory=FaultConnection)`. Its execute* run on a
    FaultCursor, as sqlite3's own run on a cursor of theirs (which the C code makes without
    asking `cursor`), so the rows they return are read through it too."""

    def cursor(self, factory: Any = FaultCursor) -> Any:
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        try:
            return self.cursor().execute(sql, parameters)
        except sqlite3.Error as exc:
            raise as_fault(exc)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Any:
        try:
            return self.cursor().executemany(sql, parameters)
        except sqlite3.Error as exc:
            raise as_fault(exc)

    def executescript(self, sql_script: str, /) -> Any:
        try:
            return self.cursor().executescript(sql_script)
        except sqlite3.Error as exc:
            raise as_fault(exc)

    def commit(self) -> None:
        try:
            super().commit()
        except sqlite3.Error as exc:
            raise as_fault(exc)

    def rollback(self) -> None:
        try:
            super().rollback()
        except sqlite3.Error as exc:
            raise as_fault(exc)
