"""The README's daily-backup cron line, run as written, never deletes a pre-upgrade backup
(QA69-3, S1: its `find backups -name 'nashra-*.db' -mtime +14 -delete` matched
`backups/nashra-before-upgrade-*.db`, which «Upgrading» calls the only way back)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from botkit import sample_db

from digests.upgrade_backups import upgrade_copy_name

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
OLD = time.time() - 20 * 86400  # older than any prune age the line may use


def cron_line() -> str:
    """The README's daily cron line: the one code line that backs up and deletes."""
    lines = [line.strip() for line in README.splitlines()
             if "run.py backup" in line and "-delete" in line]
    assert len(lines) == 1, lines
    return lines[0]


def upgrade_backup_expr() -> str:
    """The path «Upgrading» step 2 tells the operator to back up to (a shell expression)."""
    match = re.search(r"run\.py backup (\S*before-upgrade[^`\n]*?\.db)", README)
    assert match, "«Upgrading» names no before-upgrade backup"
    return match.group(1)


def shell(command: str, cwd: Path, *, days_ago: int = 0) -> str:
    """Run `command` in bash in `cwd`; `date` answers as `days_ago` days ago."""
    fake_date = f'date() {{ command date -d "{days_ago} days ago" "$@"; }}; ' if days_ago else ""
    proc = subprocess.run(["bash", "-c", fake_date + command], cwd=cwd, capture_output=True,
                          text=True, timeout=240, check=False,
                          env={**os.environ, "SOURCES_FILE": os.devnull})
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.strip()


def aged_file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"a backup")
    os.utime(path, (OLD, OLD))
    return path


def test_the_readme_cron_line_rotates_daily_backups_and_keeps_every_upgrade_backup(
        tmp_path: Path) -> None:
    line = cron_line()
    # cron's «\%» is a «%» for the shell; «cd /srv/nashra &&» is the install folder (tmp_path
    # here); `.venv/bin/python run.py` is this checkout's run.py on the test's database
    command = line.split(" && ", 1)[1].replace("\\%", "%")
    database = sample_db(tmp_path)
    run_py = f"{shlex.quote(sys.executable)} {shlex.quote(str(ROOT / 'run.py'))}"
    command = command.replace(".venv/bin/python run.py",
                              f"{run_py} --db {shlex.quote(str(database))}")
    assert str(database) in command, line
    daily = re.search(r"run\.py backup (.+?\.db)", line)
    assert daily, line
    old_daily = aged_file(tmp_path / shell(f"echo {daily.group(1).replace(chr(92), '')}",
                                           tmp_path, days_ago=20))
    by_hand = aged_file(tmp_path / shell(f"echo {upgrade_backup_expr()}", tmp_path,
                                         days_ago=20))
    # the bot's own copy, beside a database kept in the install folder itself
    automatic = aged_file(upgrade_copy_name(tmp_path / "nashra.db", "051_x",
                                            datetime(2026, 11, 1, tzinfo=timezone.utc)))
    assert automatic.parent == tmp_path / "backups"

    shell(command, tmp_path)

    assert by_hand.exists(), f"the README's cron line deleted {by_hand.relative_to(tmp_path)}"
    assert automatic.exists(), f"the cron line deleted {automatic.relative_to(tmp_path)}"
    assert not old_daily.exists(), "the cron line no longer prunes old daily backups"
    today = tmp_path / shell(f"echo {daily.group(1).replace(chr(92), '')}", tmp_path)
    assert today.exists() and today != old_daily


def section(heading: str) -> str:
    """The text of README's `### heading` up to the next heading of its level or above."""
    return re.split(r"\n##?#? ", README.split(f"\n### {heading}\n", 1)[1], maxsplit=1)[0]


def test_backups_and_upgrading_say_the_rotation_spares_the_upgrade_backups() -> None:
    for heading in ("Backups", "Upgrading"):
        text = " ".join(section(heading).split())
        assert "backups/daily/" in text and "never deletes" in text, heading
