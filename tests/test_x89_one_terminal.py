"""X89 (REV s22 finding 5, terminal text): `run.py sources rename` printed a refused name's
answer through cli.ingest._plain, a copy of bot.terminal_chat.to_terminal (tags, entities,
direction marks); it uses to_terminal now. A real `run.py` process on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import cli.ingest
from digests import sources
from digests.storage import Database
from tests.botkit import sample_db
from tests.test_cli_main import run_py

MARKS = "\u200e\u200f\u2066\u2067\u2068\u2069\u061c"


def test_a_refused_name_reads_as_the_terminal_shows_the_bot(tmp_path: Path) -> None:
    assert not hasattr(cli.ingest, "_plain")  # one converter
    path = sample_db(tmp_path)
    with Database(path) as db:
        first, second = sources.list_sources(db)[:2]
    proc = run_py(tmp_path, "--db", str(path), "sources", "rename", str(first.id), second.name)
    assert proc.returncode == 1, proc.stderr[-2000:]
    line = proc.stderr.strip().splitlines()[-1]
    assert f"«{second.name}»" in line and " / " in line, line
    assert "<" not in line and "&" not in line and not any(m in line for m in MARKS), line
