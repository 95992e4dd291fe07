"""X88 / QA60-17: the files the README has an operator make inside the checkout — `backups/`,
`data/nashra.db.before-restore-<time>`, `data/nashra.db.lock`, the held updates, the sandbox's
folder of the README's own example — were not git-ignored: every reader's id, follows and
messages one `git add -A` away from a commit. They are ignored now; `data/.gitkeep` stays
tracked. Real `git check-ignore` on the checkout's .gitignore."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                    reason="no git checkout")
@pytest.mark.parametrize(("path", "ignored"), [
    ("backups/nashra-2026-11-30.db", True),
    ("data/nashra.db.before-restore-20261201T230046Z", True),
    ("data/nashra.db.lock", True),
    ("data/nashra.db.held-updates.jsonl", True),
    ("sandbox/nashra.db", True),
    ("sandbox/bot.log", True),
    ("data/.gitkeep", False),
    ("digests/backups.py", False),
])
def test_operator_files_in_the_checkout_are_ignored(path: str, ignored: bool) -> None:
    proc = subprocess.run(["git", "check-ignore", "-q", "--no-index", path], cwd=ROOT,
                          check=False)
    assert (proc.returncode == 0) is ignored, path
