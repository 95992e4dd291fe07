"""Brief X49 item 6 (QA33 S11): `run.py search` heads its results with what was searched, as the
bot heads them — one function (bot.results_header) — not with the text typed: «شو صار بعفرين»
is «عفرين», a long pasted text searched by its names is headed by those names, and
«<b>غزة</b> & "حماس"» keeps both its quote marks. The real CLI and the real bot against the
emulator, on one SQLite archive."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from test_search import add

from bot.results_header import closed_quotes
from cli.main import main
from digests.storage import Database

# every word of it is in the archive, never all in one article: searched by its names
PASTED = ("أريد أن أعرف ماذا يحدث في سوريا هذه الأيام مع تركيا وروسيا لأن الوضع أصبح معقدا"
          " جدا ولا أفهم شيئا من الأخبار")
ASKED = {  # typed → the header's topic
    "شو صار بعفرين": "عفرين",
    '<b>غزة</b> & "حماس"': 'غزة & "حماس"',
    PASTED: "سوريا، تركيا، روسيا",
}
HEADER = re.compile(r"نتائج «(.*)»: ")


def _archive(tmp_path: Path) -> Path:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add(db, 900900, "قصف تركي على عفرين", "تواصل القوات التركية قصف عفرين.")
        add(db, 900901, "غزة: حماس تدعو إلى مسيرة", "قالت حماس في غزة إن المسيرة مستمرة.")
        add(db, 900902, "سوريا وتركيا وروسيا في أستانا", "اجتمعت سوريا وتركيا وروسيا.")
        words = PASTED.split()
        add(db, 900903, "مقال أول", " ".join(words[0::2]), days_ago=2)
        add(db, 900904, "مقال ثان", " ".join(words[1::2]), days_ago=2)
    return path


def _header(text: str) -> str:
    found = HEADER.search(text.replace("\u200f", "").replace("\u200e", ""))
    assert found, text
    return found.group(1)


async def test_the_cli_heads_its_results_as_the_bot_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _archive(tmp_path)
    cli: dict[str, str] = {}
    for typed in ASKED:
        assert main(["search", "--db", str(path), "--limit", "3", typed]) == 0
        cli[typed] = _header(capsys.readouterr().out)
    bot: dict[str, str] = {}
    async with running_bot(path) as h:
        for typed in ASKED:
            answers = await h.say(READER, typed)
            bot[typed] = _header("\n".join(a.plain_text for a in answers))
    assert cli == ASKED, cli
    assert bot == ASKED, bot


def test_a_quote_left_open_is_closed() -> None:
    assert closed_quotes('غزة & "حماس') == 'غزة & "حماس"'
    assert closed_quotes("بيان «الهدنة") == "بيان «الهدنة»"
    assert closed_quotes('غزة "حماس" و«فتح»') == 'غزة "حماس" و«فتح»'
