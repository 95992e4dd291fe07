"""X88 / QA60-10: `run.py ingest --once` with every sources-file line refused (127.0.0.1 feeds
without ALLOW_PRIVATE_SOURCES) said «no source is due now (use --all to poll every source)»:
there was no source at all, and --all changed nothing. It now says what `run.py bot` says: no
source to poll, the file's N feeds were refused (see above), how to add one. A real `run.py`
process."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli_main import run_py


def test_ingest_with_every_line_refused_does_not_advise_all(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("".join(f"http://127.0.0.1:9/feed{n}.xml Sample {n}\n" for n in range(3)),
                     encoding="utf-8")
    proc = run_py(tmp_path, "--db", str(tmp_path / "x.db"), "ingest", "--once",
                  SOURCES_FILE=str(feeds))
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout + proc.stderr
    assert "--all" not in out, out[-2000:]
    assert "no news source to poll" in out and "lists 3 feeds" in out, out[-2000:]
