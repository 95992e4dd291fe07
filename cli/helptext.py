"""The command line's help in both languages, Arabic first, for every command and subcommand.

Each command module writes its own help strings as «عربي / English»; what argparse adds by
itself is English only («usage:», «options:», «show this help message and exit», its error
line). `bilingual(parser)` walks the parser and every subparser under it and gives those
Arabic first too: a usage prefix, section titles, the -h line, and an error that says where the
help is. An error's detail is argparse's English sentence; `usage_error` puts its Arabic before it
(«invalid choice: 'frob' (choose from …)», «the following arguments are required: query» …, QA15
N11), and an option a subcommand does not know is refused by that subcommand, with its own usage
(argparse leaves it to the top-level parser, whose usage says nothing of the subcommand's options).
tests/test_cli_main.py walks every subcommand's --help and checks every line a reader reads has
its Arabic before its English; tests/test_cli_helptext.py runs the usage errors.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NoReturn

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


# Bidi embeddings, overrides and isolates: an echoed argument carrying one would redraw the rest
# of the terminal line.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_TYPES = {"int": "عدد صحيح", "float": "عدد"}


def _names(text: str) -> str:
    """argparse's list «'add', 'list'» or «a, b» with the Arabic comma."""
    return text.replace(", ", "، ")


def _invalid_value(m: re.Match[str]) -> str:
    kind = _TYPES.get(m["type"], m["type"])
    return f"قيمة غير صالحة {m['value']}: يلزم {kind}"


# argparse's sentences (Python 3.11–3.13, argparse.py) → their Arabic.
_DETAILS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(pattern, re.DOTALL), arabic) for pattern, arabic in (
        (r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
         lambda m: f"{m['value']} ليس من الخيارات المتاحة ({_names(m['choices'])})"),
        (r"the following arguments are required: (?P<names>.*)",
         lambda m: (f"تنقص معاملات مطلوبة: {_names(m['names'])}" if ", " in m["names"]
                    else f"ينقص معامل مطلوب: {m['names']}")),
        (r"unrecognized arguments: (?P<names>.*)",
         lambda m: f"معاملات لا يعرفها هذا الأمر: {m['names']}"),
        (r"expected one argument", lambda m: "يلزم بعده قيمة واحدة"),
        (r"expected at most one argument", lambda m: "يلزم بعده قيمة واحدة على الأكثر"),
        (r"expected at least one argument", lambda m: "يلزم بعده قيمة واحدة على الأقل"),
        (r"expected (?P<n>\d+) arguments?", lambda m: f"يلزم بعده {m['n']} من القيم"),
        (r"invalid (?P<type>\w+) value: (?P<value>.*)", _invalid_value),
        (r"not allowed with argument (?P<other>.*)",
         lambda m: f"لا يجتمع مع {m['other']}"),
        (r"one of the arguments (?P<names>.*) is required",
         lambda m: f"يلزم واحد من هذه المعاملات: {m['names']}"),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)",
         lambda m: f"الخيار {m['option']} يحتمل أكثر من خيار: {_names(m['matches'])}"),
        (r"ignored explicit argument (?P<value>.*)",
         lambda m: f"هذا الخيار لا يأخذ قيمة: {m['value']}"),
    ))
_ARGUMENT = re.compile(r"argument (?P<name>[^:]+): (?P<detail>.*)", re.DOTALL)


def usage_error(message: str) -> str:
    """argparse's error `message` as «Arabic / English»: its sentence put in Arabic first; a
    detail already in both languages (this project's argument types) split into its halves; an
    unknown sentence kept as it is (English only rather than wrong)."""
    message = _BIDI.sub("", message)
    name, detail = "", message
    if (found := _ARGUMENT.fullmatch(message)) is not None:
        name, detail = found["name"], found["detail"]
    arabic = _arabic_of(detail)
    if arabic is None:
        return message
    english = detail
    if (halves := _halves(detail)) is not None:  # «ar / en» from our own types: each half once
        # the value they both name («0»: …) is written once, before the Arabic
        named = re.match("«[^»]*»: ", halves[0])
        english = (named[0] if named else "") + halves[1]
    if name:
        return f"{name}: {arabic} / argument {name}: {english}"
    return f"{arabic} / {english}"


def _halves(detail: str) -> tuple[str, str] | None:
    """(Arabic, English) of a detail written «عربي / English»; None for any other."""
    arabic, sep, english = detail.partition(" / ")
    return (arabic, english) if sep and re.search("[\u0600-\u06ff]", arabic) else None


def _arabic_of(detail: str) -> str | None:
    """The Arabic of one argparse detail sentence; None for a sentence not known here."""
    if (halves := _halves(detail)) is not None:
        return halves[0]
    for pattern, arabic in _DETAILS:
        if (m := pattern.fullmatch(detail)) is not None:
            return arabic(m)
    return None


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one bilingual line and point to --help (its
    subparsers are of the same class: argparse makes them with the parent's class).

    A subcommand's parser (`subcommand` set by `bilingual`) refuses the options it does not
    know itself, so the error shows its usage («run.py ingest --bogus» → ingest's)."""

    subcommand = False

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: خطأ في الأمر / usage error: {usage_error(message)}\n"
                     f"للمساعدة / for help: {self.prog} --help\n")

    def _parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        namespace, extras = super()._parse_known_args(*args, **kwargs)
        if self.subcommand and extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return namespace, extras


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
        if p is not parser and isinstance(p, Parser):
            p.subcommand = True
        p.formatter_class = Formatter
        p._positionals.title = POSITIONALS
        p._optionals.title = OPTIONALS
        for action in p._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = HELP
    return parser
