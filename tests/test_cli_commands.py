"""cli.commands: the command line's grammar loads no command's module until that command runs."""

from __future__ import annotations

import subprocess
import sys

from cli.commands import DEFAULT, INGEST, RUN_BOT, Command

HEAVY = ("cli.ingest", "cli.digest", "cli.sandbox", "cli.articles", "cli.search", "cli.stories",
         "digests.pipeline", "digests.removal", "bot.emulator", "trafilatura")


def test_the_parser_imports_no_command_module() -> None:
    # QA73-19: `run.py --help` imported every command's libraries (about 1.9 s)
    code = ("import sys; from cli.main import build_parser; build_parser(); "
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_parsed_command_names_its_function_and_imports_it_when_run() -> None:
    from cli.main import build_parser

    args = build_parser().parse_args(["ingest", "--once"])
    assert args.func == INGEST == Command("cli.ingest", "cmd_ingest")
    assert args.func != RUN_BOT and DEFAULT != RUN_BOT
    assert build_parser().parse_args(["sources", "list"]).func == Command("cli.ingest",
                                                                         "cmd_sources_list")
