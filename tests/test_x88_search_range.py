"""X88 / QA60-6: `run.py search الغوطة --limit 2 --offset 1` was headed «نتائج «الغوطة»: 2 من 5 /
results 2–3 of 5»: the English gave the range, the Arabic read «2 of 5». Both give the range
now («2 إلى 3 من 5», as the bot's «١ إلى ٤ من ٤»). A real `run.py` process on the sample
database."""

from __future__ import annotations

import re
from pathlib import Path

from tests.botkit import sample_db
from tests.test_cli_main import run_py


def test_the_arabic_header_gives_the_same_range_as_the_english(tmp_path: Path) -> None:
    db = sample_db(tmp_path)
    proc = run_py(tmp_path, "--db", str(db), "search", "سوريا", "--limit", "2", "--offset", "1")
    assert proc.returncode == 0, proc.stderr[-2000:]
    header = next(line for line in proc.stdout.splitlines() if "results" in line)
    found = re.search(r": (\d+) إلى (\d+) من (\d+) / results (\d+)–(\d+) of (\d+)", header)
    assert found, header
    assert found.group(1, 2, 3) == found.group(4, 5, 6) and found.group(1) == "2", header
