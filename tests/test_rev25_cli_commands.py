"""REV s25: every command run.py registers names a function that exists.

Since QA73-19 a command's function is named by text (cli.commands.Command: module and name,
imported when it runs), so a misspelt name failed only when an operator ran that command.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Iterator

from cli import commands
from cli.main import build_parser


def _commands(parser: argparse.ArgumentParser) -> Iterator[commands.Command]:
    func = parser.get_default("func")
    if isinstance(func, commands.Command):
        yield func
    for action in parser._actions:  # argparse keeps its subparsers only here
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _commands(sub)


def test_every_registered_command_names_a_function() -> None:
    found = set(_commands(build_parser())) | {commands.DEFAULT, commands.RUN_BOT,
                                              commands.RUN_DEMO, commands.INGEST,
                                              commands.SANDBOX}
    assert len(found) >= 12  # bot, demo, sandbox, sources ×4, ingest, search, digest, …
    for command in found:
        assert callable(getattr(importlib.import_module(command.module), command.name)), command


def test_cli_main_tells_commands_apart_by_the_constants_it_imports() -> None:
    parser = build_parser()
    assert parser.parse_args(["bot"]).func == commands.RUN_BOT
    assert parser.parse_args(["demo"]).func == commands.RUN_DEMO
    assert parser.parse_args(["ingest"]).func == commands.INGEST
