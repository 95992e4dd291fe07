"""DATABASE_PATH mistakes told as what they are (QA69-6, QA69-7): a folder that cannot be made
is named as that folder, not as the lock file nobody configured; a device such as /dev/null is
«not a regular file», not an empty database to delete; the empty-file line gives the whole
recover command."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.dbpath import path_problem
from cli.main import main as cli_main
from digests.errors import StorageError
from digests.file_checks import EmptyDatabase, refuse_empty
from digests.instance_lock import hold_lock

TOKEN = "123456789:" + "A" * 35


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="no /proc here")
def test_a_folder_that_cannot_be_made_is_named() -> None:
    with pytest.raises(StorageError) as caught:
        hold_lock(Path("/proc/nashra-x103/nashra.db"))
    line = str(caught.value)
    assert "cannot create the folder /proc/nashra-x103 for the database" in line, line
    assert "lock file" not in line


def test_a_device_is_not_a_database_file(capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    problem = path_problem(Path("/dev/null"))
    assert problem is not None and "/dev/null is not a regular file" in problem
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:9/bot")
    monkeypatch.setenv("SOURCES_FILE", "/dev/null")
    assert cli_main(["--db", "/dev/null", "bot"]) == 1
    err = capsys.readouterr().err
    assert "/dev/null is not a regular file" in err and "delete" not in err, err


def test_the_empty_file_line_gives_the_whole_recover_command(tmp_path: Path) -> None:
    empty = tmp_path / "nashra.db"
    empty.touch()
    with pytest.raises(EmptyDatabase) as caught:
        refuse_empty(empty)
    assert "python run.py --db DAMAGED.db recover FIXED.db" in str(caught.value)
    assert "python run.py recover," not in str(caught.value)
