"""Brief X49 item 3 (QA33 S2, X46): a singular and its broken plural find each other in search
(«سعر النفط» / «أسعار النفط»), through a small table of common news nouns (digests.plurals), not
a stemmer: words the table leaves out stay apart («عالم» world / «علماء» scholars). The real
bot against the emulator and the real CLI, real SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from test_search import add

from cli.main import main
from digests.storage import Database


def _archive(tmp_path: Path) -> Path:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add(db, 900950, "أسعار النفط ترتفع مع صعود بورصة وول ستريت",
            "ارتفعت أسعار النفط اليوم.", days_ago=1)
        add(db, 900951, "سعر الذهب يهبط إلى أدنى مستوى", "هبط سعر الذهب.", days_ago=2)
        add(db, 900952, "علماء يكتشفون نوعا جديدا من الضفادع", "قال علماء إن النوع جديد.",
            days_ago=1)
        add(db, 900953, "عالم الضفادع المدهش في غابات الأمازون", "في عالم الضفادع ألوان.",
            days_ago=1)
    return path


async def test_the_bot_finds_the_other_number(tmp_path: Path) -> None:
    async with running_bot(_archive(tmp_path)) as h:
        oil = "\n".join(m.plain_text for m in await h.say(READER, "سعر النفط"))
        gold = "\n".join(m.plain_text for m in await h.say(READER, "أسعار الذهب"))
        scholars = "\n".join(m.plain_text for m in await h.say(READER, "علماء الضفادع"))
    assert "أسعار النفط ترتفع" in oil, oil
    assert "سعر الذهب يهبط" in gold, gold
    assert "علماء يكتشفون" in scholars, scholars
    assert "عالم الضفادع المدهش" not in scholars  # «علماء» (scholars) is not «عالم» (world)


def test_the_cli_finds_the_other_number(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = _archive(tmp_path)
    assert main(["search", "--db", str(path), "--limit", "3", "سعر النفط"]) == 0
    out = capsys.readouterr().out
    assert "أسعار النفط ترتفع" in out, out


def test_a_followed_singular_is_alerted_for_the_plural(tmp_path: Path) -> None:
    from test_search import load

    from digests.topic_match import alert_matches

    with Database(_archive(tmp_path)) as db:
        oil = load(db.db, 900950)
        scholars = load(db.db, 900952)
    assert alert_matches("سعر النفط", oil)
    assert not alert_matches("عالم", scholars)
