"""X88 / QA60-3: `run.py sandbox --help` and `run.py demo --help` described `--db` with the
generic «default: DATABASE_PATH, or data/nashra.db …», wrong for both: the sandbox runs on a
copy of the file it names (never the file), by default on a new database in its folder; the
demo uses a temporary database. Real `run.py` processes."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli_main import run_py


def _db_help(text: str) -> str:
    flat = " ".join(text.split())
    return flat[flat.rindex("--db DB"):][:400]


def test_the_sandboxs_and_the_demos_db_option_say_what_they_do(tmp_path: Path) -> None:
    sandbox = run_py(tmp_path, "sandbox", "--help")
    assert sandbox.returncode == 0, sandbox.stderr
    text = _db_help(sandbox.stdout)
    assert "copy" in text and "نسخة" in text and "DATABASE_PATH" not in text, text
    demo = run_py(tmp_path, "demo", "--help")
    assert demo.returncode == 0, demo.stderr
    text = _db_help(demo.stdout)
    assert "temporary" in text and "مؤقتة" in text and "DATABASE_PATH" not in text, text
    search = run_py(tmp_path, "search", "--help")  # the others keep the generic text
    assert "DATABASE_PATH" in _db_help(search.stdout)
