"""QA34 R11 (brief X52): `run.py search --json` folds one report per story, as the bot's topic
answers do («طرد دبلوماسيين روس»: one story was 4 of the top 6 results); --every-report lists
them all. Real SQLite and search index, through the command line's own entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from test_cli_search import db_path  # noqa: F401  (the fixture: story 3 holds two reports)


def test_json_folds_one_report_per_story(db_path: Path,  # noqa: F811
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--db", str(db_path), "--json", "الغوطة"]) == 0
    folded = json.loads(capsys.readouterr().out)
    assert [o["story_id"] for o in folded] == [3]
    assert main(["search", "--db", str(db_path), "--json", "--every-report", "الغوطة"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["search", "--db", str(db_path), "الغوطة"]) == 0  # the text: every report
    text = capsys.readouterr().out
    assert "bbc.example/1" in text and "bbc.example/2" in text
