"""Usage errors of the command line (QA15 N11): argparse's English sentence comes after its
Arabic, the exit code stays 2, and an option a subcommand does not know is refused with that
subcommand's usage, not the top-level one."""

from __future__ import annotations

import re

import pytest

from cli.helptext import usage_error
from cli.main import main

ARABIC = re.compile("[\u0600-\u06ff]")


def _error(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[str, str]:
    """(usage line, error line) of `run.py ARGV`, which must exit with code 2."""
    with pytest.raises(SystemExit) as done:
        main(list(argv))
    assert done.value.code == 2
    err = capsys.readouterr().err
    usage = err.splitlines()[0]
    line = next(x for x in err.splitlines() if "usage error" in x)
    assert err.rstrip().splitlines()[-1].startswith("للمساعدة / for help: ")
    return usage, line


def _arabic_then_english(line: str, english: str, echoed: tuple[str, ...] = ()) -> str:
    """The Arabic part of an error line whose English part ends it; checks the order and that
    no English word is left in the Arabic but names (options, values, `echoed`)."""
    head, _, detail = line.partition("خطأ في الأمر / usage error: ")
    assert detail, line
    assert detail.endswith(english), line
    arabic = detail[: -len(english)]
    assert arabic.endswith(" / ") and ARABIC.search(arabic), line
    names = r"'[^']*'|--?\w+|\b[A-Z]+\b|\bquery\b" + "".join(f"|{w}" for w in echoed)
    assert not re.search("[A-Za-z]{4,}", re.sub(names, "", arabic)), line
    return arabic


@pytest.mark.parametrize(("argv", "english", "arabic"), [
    # 'rename' since X87 (QA58-13)
    (["sources", "frob"], "argument ACTION: invalid choice: 'frob' (choose from 'add', 'list',"
     " 'remove', 'rename')", "ليس من الخيارات المتاحة ('add'، 'list'، 'remove'، 'rename')"),
    (["search"], "the following arguments are required: query", "ينقص"),
    (["articles"], "the following arguments are required: ACTION", "ينقص"),
    (["search", "x", "--limit"], "argument --limit: expected one argument", "قيمة واحدة"),
    (["sources", "remove", "x"], "argument id: invalid int value: 'x'", "يلزم عدد صحيح"),
    (["stories", "backfill", "--all", "--since", "2018-01-01"],
     "argument --since: not allowed with argument --all", "لا يجتمع مع --all"),
    (["frob"], "argument COMMAND: invalid choice: 'frob' (choose from 'bot', 'demo', 'sandbox', "
     "'sources', 'ingest', 'search', 'digest', 'stories', 'articles', 'backup', 'restore', "
     "'recover')", "ليس من الخيارات"),
    (["--bogus"], "unrecognized arguments: --bogus", "لا يعرفها"),
])
def test_argparse_errors_are_arabic_first_then_english(
        capsys: pytest.CaptureFixture[str], argv: list[str], english: str, arabic: str) -> None:
    _usage, line = _error(capsys, *argv)
    assert arabic in _arabic_then_english(line, english)


@pytest.mark.parametrize("argv", [["ingest", "--bogus"], ["search", "x", "--bogus"],
                                  ["sources", "list", "--bogus", "extra"],
                                  ["stories", "backfill", "--bogus"]])
def test_an_unknown_option_is_refused_by_its_own_subcommand(
        capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """`run.py ingest --bogus` showed the top-level usage («run.py [-h] [--db DB] COMMAND …»)
    and pointed to `run.py --help`, where ingest's options are not listed."""
    command = [a for a in argv if not a.startswith("-") and a != "x" and a != "extra"]
    usage, line = _error(capsys, *argv)
    prog = "run.py " + " ".join(command)
    assert usage.startswith(f"الاستخدام / usage: {prog} "), usage
    assert line.startswith(f"{prog}: "), line
    extras = " ".join(a for a in argv if a in ("--bogus", "extra"))
    _arabic_then_english(line, f"unrecognized arguments: {extras}", ("extra",))
    assert capsys.readouterr().err == ""


def test_a_known_option_after_the_subcommand_still_works(
        capsys: pytest.CaptureFixture[str]) -> None:
    """--db belongs to every subcommand; --help still exits 0 with the subcommand's help."""
    with pytest.raises(SystemExit) as done:
        main(["ingest", "--db", "x.db", "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("الاستخدام / usage: run.py ingest ")


def test_our_own_bilingual_type_errors_are_split_not_doubled(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`--limit 0`'s message is already «ar / en»: each half goes to its side, the value once
    on each."""
    _usage, line = _error(capsys, "search", "x", "--limit", "0")
    arabic = _arabic_then_english(
        line, "argument --limit: «0»: must be a whole number from 1 to 100000")
    assert arabic == "--limit: «0»: يلزم عدد صحيح من 1 إلى 100000 / "
    _usage, line = _error(capsys, "stories", "backfill", "--since", "zz")
    assert line.count("«zz»") == 2 and line.count("must be an ISO date") == 1


def test_an_echoed_bidi_override_is_dropped(capsys: pytest.CaptureFixture[str]) -> None:
    """The rejected words are echoed: an RLO in one would redraw the rest of the terminal line
    (argparse writes some with repr, which escapes it, and some as they are)."""
    _usage, line = _error(capsys, "ingest", "\u202eبوغس")
    assert "\u202e" not in line and line.endswith("unrecognized arguments: بوغس"), line


def test_an_unknown_sentence_is_kept_as_it_is() -> None:
    """A sentence of a newer argparse not known here stays English rather than wrong."""
    assert usage_error("argument X: something new happened") == \
        "argument X: something new happened"
    assert usage_error("expected 2 arguments").startswith("يلزم بعده 2 من القيم / expected 2")


def test_required_arguments_agree_in_number() -> None:
    assert usage_error("the following arguments are required: query") == \
        "ينقص معامل مطلوب: query / the following arguments are required: query"
    assert usage_error("the following arguments are required: url, --name").startswith(
        "تنقص معاملات مطلوبة: url، --name / the following")
