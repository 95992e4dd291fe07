"""X120 (session 26), QA74-11: `run.py backup list` lists only this database's copies, and says
truthfully who took each.

QA74 ran `run.py --db corp.db digest URL` (a CLI read that upgraded corp.db) and then
`run.py --db sb/nashra.db backup list` in the same folder: corp's copy before the upgrade was
listed as nashra's, «by the bot at its start». A copy made beside the database («n-copy.db») was
not listed, and the empty list's hint named «nashra-DATE.db» for a database called n.db.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from botkit import sample_template

from cli.backups import cmd_backup_list
from digests import backups, storage
from digests.backup_list import listed_backups
from digests.migrations import MIGRATIONS
from digests.settings import Settings
from digests.storage import Database
from digests.upgrade_backups import backup_before_upgrade


def _upgrade_pending(monkeypatch: pytest.MonkeyPatch) -> None:
    """One migration more than the sample holds: the next open upgrades it (and copies it)."""
    monkeypatch.setattr(storage, "MIGRATIONS", [*MIGRATIONS, ("999_x120_test", lambda db: None)])


def _listing(database: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert cmd_backup_list(Settings(database_path=database)) == 0
    return capsys.readouterr().out


def test_another_databases_upgrade_copy_is_not_this_ones(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    n, corp = tmp_path / "n.db", tmp_path / "corp.db"
    for path in (n, corp):
        shutil.copyfile(sample_template(), path)
    _upgrade_pending(monkeypatch)
    Database(corp).close()  # a run.py command opening corp.db upgrades it
    Database(n, start_check=True).close()  # the bot's start upgrades n.db
    backups.backup(n, tmp_path / "n-copy.db")  # `run.py --db n.db backup n-copy.db`
    rows = {row.path.name: row for row in listed_backups(n, cwd=tmp_path)}
    [own] = [name for name in rows if "before-upgrade" in name]
    assert own.startswith("n-before-upgrade-"), rows
    assert rows[own].made_by == backups.UPGRADE_COPY
    assert "n-copy.db" in rows and "corp.db" not in rows, rows
    assert not any(name.startswith("corp") for name in rows), rows
    out = _listing(n, capsys)
    assert "corp" not in out and "n-copy.db" in out, out
    assert "by the bot at its start" in out
    # corp's own list has its copy, taken by the command, not the bot
    out = _listing(corp, capsys)
    assert "corp-before-upgrade-" in out and "n-before-upgrade" not in out, out
    assert "by a run.py command that opened it" in out and "by the bot" not in out, out
    assert "n-copy.db" not in out


def test_an_unstamped_upgrade_copy_does_not_claim_the_bot(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    n = tmp_path / "n.db"
    shutil.copyfile(sample_template(), n)
    copy = backup_before_upgrade(n, "051_x", "052_y", now=datetime(2026, 12, 2, tzinfo=UTC))
    assert copy is not None
    with Database(copy, migrate=False) as db:  # as a copy written before X120 was stamped
        db.conn.execute("delete from meta where key = ?", [backups.SOURCE_KEY])
        db.conn.commit()
        db.conn.execute("pragma journal_mode=delete")
    out = _listing(n, capsys)
    assert copy.name in out and "by the bot or a run.py command" in out, out


def test_the_empty_list_names_this_database(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    n = tmp_path / "n.db"
    shutil.copyfile(sample_template(), n)
    shutil.copyfile(sample_template(), tmp_path / "other.db")  # another database, not a copy
    out = _listing(n, capsys)
    assert "run.py backup backups/n-DATE.db" in out and "nashra-DATE" not in out, out
    assert "other.db" not in out


def test_a_copy_of_a_database_moved_here_names_its_source(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A backup taken on the old machine (its source path gone here) is still listed."""
    monkeypatch.chdir(tmp_path)
    old = tmp_path / "old" / "nashra.db"
    old.parent.mkdir()
    shutil.copyfile(sample_template(), old)
    (tmp_path / "backups").mkdir()
    backups.backup(old, tmp_path / "backups" / "moved.db")
    shutil.rmtree(old.parent)
    n = tmp_path / "n.db"
    shutil.copyfile(sample_template(), n)
    out = _listing(n, capsys)
    assert "moved.db" in out and f"a copy of {old}" in out, out
