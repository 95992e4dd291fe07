"""X88 / QA60-15: `run.py --db missing.db digest URL` printed the page's digest with no word about
the database: a mistyped --db silently gave a poorer digest (no archive links, no stored
source). It still gives the digest (the archive is optional) and says on stderr that no
database is at the path, naming where it came from. A real `run.py` process against the bundled
sample news site on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from digests.samplesite import SampleSite
from tests.test_cli_main import run_py


def test_digest_on_a_missing_database_says_so(tmp_path: Path) -> None:
    with SampleSite() as site:
        page = site.url(f"/news/{site.articles[0]['slug']}.html")
        proc = run_py(tmp_path, "--db", "missing.db", "digest", page,
                      ALLOW_PRIVATE_SOURCES="true")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip()  # the digest itself
    note = [line for line in proc.stderr.splitlines() if "missing.db" in line]
    assert note and "--db" in note[0] and "archive" in note[0], proc.stderr[-2000:]
    assert not (tmp_path / "missing.db").exists()
