"""An operator's first week (QA30): the sandbox command, read commands on a mistyped database
path, and the start's warnings about `.env` slips."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli_main import ROOT, SUBPROCESS_WAIT, run_py


def test_sandbox_runs_the_real_bot_against_the_emulator_and_stops_cleanly(tmp_path: Path) -> None:
    """`run.py sandbox` end to end: it ingests the sample news and starts `run.py bot` (its own
    process, its own .env) against the emulator; typed lines are users' messages and the bot's
    answers are printed; at the end of input the bot is stopped as Ctrl-C stops it."""
    folder = tmp_path / "sb"
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "ADMIN_IDS")}
    env["DATABASE_PATH"] = str(tmp_path / "not-the-sandboxs.db")  # the shell's: not used
    proc = subprocess.run([sys.executable, str(ROOT / "run.py"), "sandbox", "--dir", str(folder)],
                          input="/start\nالغوطة\n@2002 /stats\n", capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=240)
    out = proc.stdout
    assert proc.returncode == 0, (out[-2000:], proc.stderr[-2000:])
    assert "TELEGRAM_API_BASE_URL=http://127.0.0.1:" in out
    assert "أهلًا بك في نشرة" in out and "[1] الغوطة" in out  # /start, with its buttons
    # the topic answered from the sample news the sandbox ingested, with the story's link
    assert "نتائج «الغوطة»" in out and "الغوطة الشرقية ⟨http://127.0.0.1:" in out
    # another user is not an admin: /stats gives their id, not the figures
    reply_2002 = out.split("🤖 → 2002:", 1)[1]
    assert "2002" in reply_2002 and "📊" not in reply_2002.split("أنت / you>")[0]
    assert "the bot stopped (rc=0)" in out
    log = (folder / "bot.log").read_text(encoding="utf-8")
    assert "Application.stop() complete" in log  # stopped, not killed
    assert (folder / ".env").stat().st_mode & 0o077 == 0
    assert (folder / "nashra.db").is_file()
    assert not (tmp_path / "not-the-sandboxs.db").exists()


def test_sandbox_line_syntax() -> None:
    from cli.sandbox_console import OPERATOR, parse_line

    assert parse_line("الغوطة") == (OPERATOR, OPERATOR, "الغوطة")
    assert parse_line("@2002 /start") == (2002, 2002, "/start")
    assert parse_line("#-100123 /search إيران") == (-100123, OPERATOR, "/search إيران")
    assert parse_line("@name hello") == (OPERATOR, OPERATOR, "@name hello")  # a mention


@pytest.mark.parametrize("args", [("sources", "list"), ("sources", "remove", "1"),
                                  ("search", "الغوطة"), ("digest", "--help")])
def test_read_commands_on_a_mistyped_db_path_refuse_and_create_nothing(tmp_path: Path,
                                                                       args: tuple[str, ...]
                                                                       ) -> None:
    typo = tmp_path / "typo" / "nashra.db"
    proc = run_py(tmp_path, "--db", str(typo), *args)
    if args[-1] == "--help":
        assert proc.returncode == 0
    else:
        assert proc.returncode == 1, proc.stderr[-2000:]
        line = proc.stderr.strip().splitlines()[-1]
        assert f"لا قاعدة بيانات في {typo}" in line and f"no database at {typo} (--db)" in line
        assert "Traceback" not in proc.stderr
    assert not typo.parent.exists()  # neither the file nor its folder


def test_the_refusal_names_the_env_file_that_gave_the_path(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DATABASE_PATH=dta/nashra.db\n", encoding="utf-8")
    proc = run_py(tmp_path, "sources", "list")
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert f"(DATABASE_PATH in {tmp_path / '.env'})" in proc.stderr
    assert not (tmp_path / "dta").exists()
    # a command that makes a database still does
    proc = run_py(tmp_path, "ingest", "--once")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "dta" / "nashra.db").is_file()
    assert run_py(tmp_path, "sources", "list").returncode == 0


def _bilingual(line: str) -> bool:
    """Arabic, then « / » and English."""
    import re

    ar, sep, en = line.partition(" / ")
    return bool(sep) and re.search("[\u0600-\u06ff]", ar) is not None \
        and re.search("[A-Za-z]{4,}", en) is not None


TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"


def test_env_slips_get_one_warning_each(tmp_path: Path) -> None:
    """A key written twice, and the bot's own id (the digits before «:») in ADMIN_IDS: each one
    bilingual warning; a clean .env none (QA30 O7)."""
    from digests.config_warnings import config_warnings

    env = tmp_path / ".env"
    env.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nADMIN_IDS=111,222\nLOG_LEVEL=INFO\n"
                   "ADMIN_IDS=111,123456789\n", encoding="utf-8")
    warnings = config_warnings({}, env_file=env)
    repeated = [w for w in warnings if "more than once" in w]
    own = [w for w in warnings if "the bot's own id" in w]
    assert len(repeated) == 1 and len(own) == 1, warnings
    assert "ADMIN_IDS" in repeated[0] and "(lines 2, 4)" in repeated[0] and "line 4" in repeated[0]
    assert "123456789" in own[0] and TOKEN.split(":")[1] not in own[0]
    assert all(_bilingual(w) for w in repeated + own), warnings
    env.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nADMIN_IDS=111,222\n", encoding="utf-8")
    assert config_warnings({}, env_file=env) == []


def test_the_bad_token_line_says_the_same_in_both_halves() -> None:
    from digests.errors import ConfigError
    from digests.settings import Settings

    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"TELEGRAM_BOT_TOKEN": "hello"}, env_file=None)
    ar, _, en = str(caught.value).partition(" / ")
    assert "5 characters" in en and "5" in ar


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_a_sources_file_that_cannot_be_read_is_one_line_with_advice(tmp_path: Path,
                                                                    kind: str) -> None:
    path = tmp_path / "feeds.txt"
    if kind == "folder":
        path.mkdir()
    for args in (("ingest", "--once"), ("bot",)):
        proc = run_py(tmp_path, *args, SOURCES_FILE=str(path), TELEGRAM_BOT_TOKEN=TOKEN,
                      DATABASE_PATH=str(tmp_path / "n.db"))
        assert proc.returncode == 2, proc.stderr[-2000:]
        line = proc.stderr.strip().splitlines()[-1]
        assert "Errno" not in line and "Traceback" not in proc.stderr
        assert f"SOURCES_FILE={path}" in line and "leave SOURCES_FILE empty" in line
        assert ("is a folder" if kind == "folder" else "does not exist") in line
        assert _bilingual(line.removeprefix("خطأ في الإعدادات / configuration error: "))


def test_the_bots_start_warns_in_both_languages_of_no_admins_and_no_sources(
        tmp_path: Path) -> None:
    """`run.py bot` with ADMIN_IDS empty and an empty sources file on a new database: two
    WARNING lines, each Arabic then English, each with what to do."""
    import signal

    from bot.emulator import Emulator

    sources = tmp_path / "feeds.txt"
    sources.write_text("# none yet\n", encoding="utf-8")
    with Emulator(token=TOKEN) as emu:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ADMIN"))}
        env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=emu.base_url,
                   DATABASE_PATH=str(tmp_path / "bot.db"), SOURCES_FILE=str(sources),
                   LOG_LEVEL="INFO", ADMIN_ID="42")  # misspelt: warned after which .env
        proc = subprocess.Popen([sys.executable, str(ROOT / "run.py"), "bot"], cwd=tmp_path,
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        try:
            emu.wait_for(lambda: emu.counters.get("method:getUpdates", 0) > 0, timeout=SUBPROCESS_WAIT)
        finally:
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=SUBPROCESS_WAIT)
    warnings = [line.split(" WARNING ", 1)[1].split(" ", 1)[1] for line in err.splitlines()
                if " WARNING " in line]
    admins = [w for w in warnings if "ADMIN_IDS is empty" in w]
    none = [w for w in warnings if "no news source to poll" in w]
    assert len(admins) == 1 and len(none) == 1, err[-3000:]
    assert _bilingual(admins[0]) and _bilingual(none[0])
    assert "/addsource" in none[0] and "send /stats" in admins[0]
    lines = err.splitlines()
    which_env = next(i for i, line in enumerate(lines) if "no .env file (looked at" in line)
    assert which_env < min(i for i, line in enumerate(lines) if " WARNING " in line)
    assert sum("no .env file (looked at" in line for line in lines) == 1


def test_log_values_with_spaces_are_quoted_and_readers_texts_stay_out_of_debug(
        capsys: pytest.CaptureFixture[str]) -> None:
    import logging

    from digests.logs import setup_logging

    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        setup_logging("DEBUG", TOKEN)
        logging.getLogger("digests.pipeline").warning(
            "source poll failed id=%d url=%s error=%s", 1, "http://a.test/feed",
            "خطأ مؤقت من الخادم HTTP 500 / server error HTTP 500")
        logging.getLogger("telegram.Bot").debug(
            "Calling Bot API endpoint `%s` with parameters `%s`", "sendMessage",
            {"chat_id": 42, "text": "رسالة القارئ الخاصة"})
        logging.getLogger("telegram.Bot").debug("Getting updates: %s", [7, 8])
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in saved[0]:
            root.addHandler(handler)
        root.setLevel(saved[1])
    err = capsys.readouterr().err
    assert "url=http://a.test/feed error='خطأ مؤقت من الخادم HTTP 500 / server error HTTP 500'" \
        in err
    assert "endpoint `sendMessage`" in err and "رسالة القارئ" not in err
    assert "Getting updates: [7, 8]" in err


@pytest.mark.parametrize("n, deliveries, links", [
    (0, "لا تسليمات", "لا روابط"), (1, "تسليم واحد", "رابط واحد"), (2, "تسليمان", "رابطان"),
    (8, "٨ تسليمات", "٨ روابط"), (5, "٥ تسليمات", "٥ روابط"), (11, "١١ تسليمًا", "١١ رابطًا"),
    (100, "١٠٠ تسليم", "١٠٠ رابط"), (205, "٢٠٥ تسليمات", "٢٠٥ روابط")])
def test_arabic_counted_nouns_for_restores_line(n: int, deliveries: str, links: str) -> None:
    """QA30 O6: `restore` wrote «8 تسليمًا … 5 رابطًا»; 3–10 take the plural, none its word."""
    from cli.counts import DELIVERIES, LINKS, ar_counted

    assert ar_counted(n, DELIVERIES) == deliveries and ar_counted(n, LINKS) == links
