"""The command line's first hour (QA8 F5, F6): configuration and database mistakes end with one
clear line in both languages and no traceback; keys that look like ours are warned about."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


# A guard against a hung run.py, never reached when green: a loaded host took 28 s to print
# `run.py --help`, and a `stories backfill` test failed there (alone: 43-65 s); S20 FL. Under the
# suite's own 300 s a test.
SUBPROCESS_WAIT = 240


def run_py(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python run.py ARGS` in `cwd` (where its .env is read) with `env` over a clean
    environment (no Nashra keys inherited from the one running the tests)."""
    from digests.settings import env_keys

    base = {k: v for k, v in os.environ.items() if k not in env_keys()}
    base.update({"SOURCES_FILE": os.devnull, **env})
    return subprocess.run([sys.executable, str(ROOT / "run.py"), *args], cwd=cwd, env=base,
                          check=False, capture_output=True, text=True,
                          timeout=SUBPROCESS_WAIT)


def _clean_error(proc: subprocess.CompletedProcess[str], rc: int, *needles: str) -> None:
    assert proc.returncode == rc, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    for needle in needles:
        assert needle in proc.stderr, proc.stderr[-2000:]


@pytest.mark.parametrize("make_path", ["folder", "under_a_file", "not_sqlite"])
def test_a_database_path_that_cannot_be_nashras_is_one_clear_line(tmp_path: Path,
                                                                   make_path: str) -> None:
    if make_path == "folder":
        path = tmp_path / "a_folder"
        path.mkdir()
    elif make_path == "under_a_file":
        (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
        path = tmp_path / "plain.txt" / "nashra.db"
    else:
        path = tmp_path / "README.md"
        path.write_text("# not a database\n" * 100, encoding="utf-8")
    before = path.read_bytes() if path.is_file() else None
    proc = run_py(tmp_path, "search", "الغوطة", DATABASE_PATH=str(path))
    _clean_error(proc, 1, "خطأ في قاعدة البيانات / database error", f"DATABASE_PATH='{path}'",
                 "is a folder, not a file" if make_path == "folder" else "writable folder")
    if make_path == "under_a_file":  # the reason, not SQLite's or the lock's errno (QA30 O5)
        assert f"{path.parent} is a file, not a folder" in proc.stderr
    if before is not None:
        assert path.read_bytes() == before  # a file that is not ours is left as it was


def test_the_db_option_on_a_folder_is_one_clear_line(tmp_path: Path) -> None:
    proc = run_py(tmp_path, "search", "الغوطة", "--db", str(tmp_path))
    _clean_error(proc, 1, "database error", "is a folder, not a file")  # QA30 O5


@pytest.mark.parametrize("key,value", [("LOG_LEVEL", "verbose"),
                                       ("FETCH_TIMEOUT_SECONDS", "nan"),
                                       ("SEND_RATE_PER_SECOND", "inf"),
                                       ("WEBHOOK_URL", "http://bot.example.org/hook")])
def test_bad_settings_are_one_clear_line_in_both_languages(tmp_path: Path, key: str,
                                                           value: str) -> None:
    proc = run_py(tmp_path, "search", "الغوطة", **{key: value})
    _clean_error(proc, 2, "خطأ في الإعدادات / configuration error", f"{key}=")


def test_misspelt_keys_in_env_are_warned_about_and_a_bom_is_harmless(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(
        "\ufeffDATABASE_PATH=nashra.db # the database\nADMIN_ID=42\nTELEGRAM_TOKEN=1:abc\n"
        "POLL_INTERVALL_MINUTES=5\n".encode())
    proc = run_py(tmp_path, "ingest", "--once")  # a command that makes the database
    assert proc.returncode == 0, proc.stderr[-2000:]
    for wrong, meant in (("ADMIN_ID", "ADMIN_IDS"), ("TELEGRAM_TOKEN", "TELEGRAM_BOT_TOKEN"),
                         ("POLL_INTERVALL_MINUTES", "POLL_INTERVAL_MINUTES")):
        assert f"unknown setting {wrong}: did you mean {meant}?" in proc.stderr, proc.stderr
    assert (tmp_path / "nashra.db").is_file()  # the first key was read despite the BOM
    assert "1:abc" not in proc.stderr  # values are not repeated



def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
              ) -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every runnable command of the parser (leaf sub-commands), by its words."""
    found: dict[tuple[str, ...], argparse.ArgumentParser] = {}
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return {path: parser}
    for name, child in subs[0].choices.items():
        found.update(_commands(child, (*path, name)))
    return found


def test_the_readme_lists_every_command_with_options_the_parser_knows() -> None:
    """README's «Command line» table and `run.py --help` agree: each command has a row, each
    row names a real command, and each --option a row shows is one that command accepts."""
    from cli.main import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("`")[1] for line in section.splitlines()
            if line.startswith("| `python run.py")]
    commands = _commands(build_parser())
    listed: dict[tuple[str, ...], list[str]] = {}
    for row in rows:
        words = row.removeprefix("python run.py").split()
        name = tuple(w for w in words if w.isalpha() and w.islower())[:2]
        name = name if name in commands else name[:1]
        listed.setdefault(name, []).extend(w.strip("[]|\\") for w in words if "--" in w)
    assert set(listed) - {()} == set(commands) - {()}, (sorted(listed), sorted(commands))
    for name, options in listed.items():
        known = {o for a in commands[name]._actions for o in a.option_strings} if name else set()
        assert set(options) <= known, (name, options)


def _arabic_first(text: str) -> bool:
    """Arabic, then « / » and the English: the first letter is Arabic, the English follows."""
    import re

    letters = [c for c in text if c.isalpha()]
    arabic, _, english = text.partition(" / ")
    return (bool(letters) and "\u0600" <= letters[0] <= "\u06ff" and bool(english)
            and re.search("[\u0600-\u06ff]", arabic) is not None
            and re.search("[A-Za-z]", english) is not None)


def test_every_commands_help_is_arabic_first_then_english(
        capsys: pytest.CaptureFixture[str]) -> None:
    """X8 (QA12): `bot`, `demo`, `sources remove`'s id and `search`'s options were English only,
    `ingest` had no description, argparse's own words were English. Every --help, walked from
    the parser itself, prints every line a reader reads Arabic first, then English."""
    from cli.main import build_parser, main

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
             ) -> dict[tuple[str, ...], argparse.ArgumentParser]:
        found = {path: parser}
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found.update(walk(child, (*path, name)))
        return found

    commands = walk(build_parser())
    assert len(commands) >= 14  # run.py, bot, demo, sources add/list/remove, ingest, …
    for path, parser in commands.items():
        with pytest.raises(SystemExit) as done:
            main([*path, "--help"])
        assert done.value.code == 0, path
        out = capsys.readouterr().out
        assert out.startswith("الاستخدام / usage: run.py"), (path, out[:80])
        assert "اعرض هذه المساعدة واخرج / show this help and exit" in out, path
        assert "الخيارات / options:" in out, path
        assert parser.description and _arabic_first(parser.description), (path, parser.description)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = [a.help for a in action._choices_actions]
            else:
                helps = [action.help]
            for text in helps:
                assert text and text != argparse.SUPPRESS and _arabic_first(text), (path, text)
    # A usage error says where the help is, in both languages.
    with pytest.raises(SystemExit) as done:
        main(["sources"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "خطأ في الأمر / usage error" in err and "run.py sources --help" in err


def test_the_database_advice_names_the_real_file_and_keeps_sqlite_english_last(
        tmp_path: Path) -> None:
    """QA17 nits: the `.recover` advice names DATABASE_PATH's file (not «nashra.db»), and the
    locked line has no English SQLite detail inside its Arabic half."""
    import shlex
    import sqlite3

    from cli.main import database_error

    path = tmp_path / "my news.db"
    damaged = database_error(path, sqlite3.DatabaseError("database disk image is malformed"))
    fixed = tmp_path / "fixed.db"
    assert f"run.py --db '{path}' recover {shlex.quote(str(fixed))}" in damaged  # QA22 U3
    assert "nashra.db" not in damaged
    locked = database_error(path, sqlite3.OperationalError("database is locked"))
    arabic, english = locked.split(" / ", 1)
    assert "برنامج آخر يمسك قاعدة البيانات" in arabic and "database is locked" not in arabic
    assert "(database is locked)" in english and "another program holds the database" in english


# QA20 O2: started from another folder, run.py finds the project's .env and database, and a
# missing token is a failure naming the .env, not a quiet demo.

def _project(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the project's entry point in `tmp_path/app` (so its folder is the project's,
    with a .env of our own), and an empty folder to start it from."""
    from digests.envfile import find_env_file

    app = tmp_path / "app"
    app.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert find_env_file(elsewhere, project=app).path is None
    return app, elsewhere


def test_the_projects_env_and_database_are_found_from_another_folder(tmp_path: Path) -> None:
    from digests.envfile import anchored, find_env_file
    from digests.settings import Settings

    app, elsewhere = _project(tmp_path)
    (app / ".env").write_text("LOG_LEVEL=DEBUG\nSOURCES_FILE=feeds.txt\n", encoding="utf-8")
    found = find_env_file(elsewhere, project=app)
    assert found.path == app / ".env"
    settings = anchored(Settings.from_env({}, env_file=found.path), found, project=app)
    assert settings.log_level == "DEBUG"
    assert settings.database_path == app / "data" / "nashra.db"  # not elsewhere/data
    assert settings.sources_file == app / "feeds.txt"  # relative to the .env that names it
    # a path given in the environment is the shell's: relative to the current folder
    env = {"DATABASE_PATH": "mine.db"}
    settings = anchored(Settings.from_env(env, env_file=found.path), found, project=app)
    assert settings.database_path == Path("mine.db")
    # a .env in the current folder comes first (a deployment folder of its own)
    (elsewhere / ".env").write_text("LOG_LEVEL=WARNING\n", encoding="utf-8")
    found = find_env_file(elsewhere, project=app)
    assert found.path == elsewhere / ".env"
    settings = anchored(Settings.from_env({}, env_file=found.path), found, project=app)
    assert settings.database_path == elsewhere / "data" / "nashra.db"
    # none at all: the project's folder
    (elsewhere / ".env").unlink()
    (app / ".env").unlink()
    found = find_env_file(elsewhere, project=app)
    assert found.looked == (elsewhere / ".env", app / ".env")
    settings = anchored(Settings.from_env({}, env_file=None), found, project=app)
    assert settings.database_path == app / "data" / "nashra.db"


def test_the_db_option_stays_relative_to_the_current_folder(tmp_path: Path) -> None:
    """The real run.py, started from another folder: a path typed on the command line is the
    shell's (only the default and the .env's paths are anchored elsewhere)."""
    _, elsewhere = _project(tmp_path)
    proc = run_py(elsewhere, "ingest", "--once", "--db", "x.db")  # --db: the shell's path
    assert (elsewhere / "x.db").is_file(), proc.stderr[-2000:]
    assert not (elsewhere / "data").exists()
    # a read command names the same folder's file when it is missing (and creates nothing)
    proc = run_py(elsewhere, "search", "الغوطة", "--db", "y.db")
    _clean_error(proc, 1, f"no database at {elsewhere / 'y.db'} (--db)")
    assert not (elsewhere / "y.db").exists()


def test_a_misconfigured_start_fails_naming_the_env_and_a_fresh_one_runs_the_demo(
        tmp_path: Path) -> None:
    """`run.py` (no command) and `run.py bot` with a .env that has no token: exit 1, one
    line, Arabic first then English, naming the .env path. `run.py bot` with no .env at all
    names where it looked."""
    folder = tmp_path / "deploy"
    folder.mkdir()
    (folder / ".env").write_text("ADMIN_IDS=42\n", encoding="utf-8")
    for args in ((), ("bot",)):
        proc = run_py(folder, *args)
        _clean_error(proc, 1, "TELEGRAM_BOT_TOKEN", str(folder / ".env"), "run.py demo")
        line = proc.stderr.strip().splitlines()[-1]
        assert _arabic_first(line.removeprefix("خطأ / error: ")), line
        assert "فارغ" in line and "is empty" in line
        assert "عرض تجريبي" not in proc.stdout and "offline demo" not in proc.stdout
    (folder / ".env").unlink()
    proc = run_py(folder, "bot")
    _clean_error(proc, 1, "TELEGRAM_BOT_TOKEN", str(folder / ".env"), "run.py demo")
