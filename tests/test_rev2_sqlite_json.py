"""REV2 s26: the SQL reads a JSON item with json_extract, never SQLite's `->`/`->>` operators.

Those came in SQLite 3.38 (2022); Python 3.11 on RHEL 9 (SQLite 3.34) or Ubuntu 22.04 (3.37)
links the system's older library, where migration 059's view (digests.daily_rows) and the
daily rows' queries failed «unrecognized token» and the bot did not start. json_extract and
json_each work on every JSON1 build. This host's SQLite has the operators, so no query fails
here: the source is read for them (SQL is in the modules' strings).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# «x ->> 1», «value -> '$.a'» (a bare «->» before a number is prose: «0.90 -> 0.91»)
_OPERATOR = re.compile(r"->>|-> ?'\$")


def test_no_sql_uses_the_json_operators() -> None:
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
             for folder in ("digests", "bot", "cli")
             for path in sorted((ROOT / folder).rglob("*.py"))
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if _OPERATOR.search(line)]
    # failed before: 18 uses in daily_rows, story_updates, earlier_headlines, stats, restart_note
    assert found == []


def test_json_extract_reads_an_item_as_the_operator_did() -> None:
    conn = sqlite3.connect(":memory:")
    items = '[[5,123,null,0],[6,124,"merged",1]]'
    rows = conn.execute("select json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'),"
                        " json_extract(j.value, '$[2]') from json_each(?) j", [items]).fetchall()
    assert rows == [(5, 123, None), (6, 124, "merged")]
    if sqlite3.sqlite_version_info >= (3, 38):
        assert rows == conn.execute("select j.value ->> 0, j.value ->> 1, j.value ->> 2"
                                    " from json_each(?) j", [items]).fetchall()
