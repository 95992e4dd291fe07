"""The command line's help in both languages, Arabic first, for every command and subcommand.

Each command module writes its own help strings as «عربي / English»; what argparse adds by
itself is English only («usage:», «options:», «show this help message and exit», its error
line). `bilingual(parser)` walks the parser and every subparser under it and gives those
Arabic first too: a usage prefix, section titles, the -h line, and an error that says where the
help is. tests/test_cli_main.py walks every subcommand's --help and checks every line a reader
reads has its Arabic before its English.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import NoReturn

USAGE = "الاستخدام / usage: "
POSITIONALS = "المعاملات / arguments"
OPTIONALS = "الخيارات / options"
HELP = "اعرض هذه المساعدة واخرج / show this help and exit"


class Formatter(argparse.HelpFormatter):
    """argparse's formatter with the usage line headed in both languages."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one bilingual line and point to --help (its
    subparsers are of the same class: argparse makes them with the parent's class)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: خطأ في الأمر / usage error: {message}\n"
                     f"للمساعدة / for help: {self.prog} --help\n")


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and every subparser under it, depth first (each once)."""
    yield parser
    seen: set[int] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                if id(child) not in seen:
                    seen.add(id(child))
                    yield from parsers(child)


def bilingual(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Give the parser and all its subparsers argparse's own words in both languages."""
    for p in parsers(parser):
        p.formatter_class = Formatter
        p._positionals.title = POSITIONALS
        p._optionals.title = OPTIONALS
        for action in p._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = HELP
    return parser
