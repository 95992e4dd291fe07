"""`run.py search`: JSON for scripts, Arabic-first text for people, exit code 0 on no match."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from cli.main import main
from digests.models import iso
from digests.processing import StoreContext
from digests.records import ARTICLE_SELECT, article_from_row
from digests.search_index import index_article
from digests.settings import Settings
from digests.storage import Database

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2018, 3, 1, tzinfo=timezone.utc)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    with Database(path) as database:
        database.db.execute("insert into sources (id, url, name, added_at) values"
                            " (1, 'https://bbc.example/feed', 'BBC', ?)", [iso(NOW)])
        rows = [
            (1, "قصف على الغوطة الشرقية", "قالت الأمم المتحدة إن القصف على بالغوطة مستمر.",
             "2018-02-20T10:00:00+00:00", 3),
            (2, "هدنة في الغوطة", "أعلنت روسيا هدنة يومية في الغوطة.",
             "2018-02-27T10:00:00+00:00", 3),
            (3, "الضغوط على الليرة", "ضغوط اقتصادية.", None, None),
        ]
        with database.transaction() as conn:
            for aid, title, body, published, story in rows:
                conn.execute(
                    "insert into articles (id, source_id, url, url_key, content_hash, title,"
                    " published_at, body, fetched_at, updated_at, story_id)"
                    " values (?,1,?,?,?,?,?,?,?,?,?)",
                    [aid, f"https://bbc.example/{aid}", f"bbc.example/{aid}", f"h{aid}", title,
                     published, body, iso(NOW), iso(NOW), story])
                article = article_from_row(next(conn.query(
                    f"{ARTICLE_SELECT} where articles.id = ?", [aid])))
                index_article(conn, article, StoreContext(now=NOW, settings=Settings()))
    return path


def test_json_lists_every_article_with_digest_fields(db_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--db", str(db_path), "--json", "--every-report", "الغوطة"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {o["url"] for o in out} == {"https://bbc.example/1", "https://bbc.example/2"}
    for obj in out:
        assert {"url", "source", "headline", "published_at", "quotes", "related", "story_id",
                "matched"} <= obj.keys()
        assert obj["source"] == "BBC" and obj["story_id"] == 3  # not folded (--every-report)
        assert isinstance(obj["quotes"], list) and isinstance(obj["related"], list)
    by_url = {o["url"]: o for o in out}
    assert by_url["https://bbc.example/1"]["matched"] == ["الغوطة", "بالغوطة"]
    assert by_url["https://bbc.example/2"]["published_at"] == "2018-02-27T10:00:00+00:00"


def test_json_limit_and_multiword_query(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--db", str(db_path), "--json", "--limit", "1", "الغوطة"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert main(["search", "--db", str(db_path), "--json", "الغوطة", "الشرقية"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [o["url"] for o in out] == ["https://bbc.example/1"]


def test_stop_words_give_an_empty_array_and_a_message(db_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--db", str(db_path), "--json", "في"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "الغوطة" in captured.err


def test_human_output_is_arabic_first(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--db", str(db_path), "الضغوط"]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.strip()]
    assert all(line.startswith("\u200f") for line in lines)
    assert "الضغوط على الليرة" in out and "https://bbc.example/3" in out
    assert "الغوطة" not in out
    assert main(["search", "--db", str(db_path), "غوطا"]) == 0
    assert "الغوطة" in capsys.readouterr().out  # suggestion


def test_run_py_entry_point(db_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM")}
    proc = subprocess.run([sys.executable, "run.py", "search", "--db", str(db_path), "--json",
                           "هدنة"], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 0, proc.stderr
    assert [o["url"] for o in json.loads(proc.stdout)] == ["https://bbc.example/2"]


@pytest.mark.parametrize("args", [("--limit", "0"), ("--limit", "-3"), ("--limit", "x"),
                                  ("--offset", "99999999999999999999"), ("--offset", "-1")])
def test_a_count_out_of_range_is_refused_in_both_languages(db_path: Path,
                                                           args: tuple[str, str]) -> None:
    """`--limit 0` is refused (rc 2), not answered with one result; a huge offset is refused
    rather than overflowing SQLite (QA8 F10)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM")}
    proc = subprocess.run([sys.executable, "run.py", "search", "--db", str(db_path), "--json",
                           *args, "الغوطة"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env=env)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "يلزم عدد صحيح" in proc.stderr and "must be a whole number" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_human_output_names_the_article_number_for_articles_remove(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "--db", str(db_path), "الضغوط"]) == 0
    out = capsys.readouterr().out
    assert "المقال 3 / article 3" in out  # `run.py articles remove 3`


def test_json_story_links_to_a_gone_page_are_replaced(db_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A stored digest's "story" link to a page gone since (404/410) is given as the story's
    newest live report from another source (digests.related.live_related)."""
    with Database(db_path) as database, database.transaction() as conn:
        conn.execute("insert into sources (id, url, name, added_at) values"
                     " (2, 'https://cnn.example/feed', 'CNN', ?)", [iso(NOW)])
        for aid, status in ((4, "gone"), (5, "ok")):
            conn.execute(
                "insert into articles (id, source_id, url, url_key, content_hash, title,"
                " published_at, fetched_at, updated_at, story_id, page_status)"
                " values (?, 2, ?, ?, ?, ?, ?, ?, ?, 3, ?)",
                [aid, f"https://cnn.example/{aid}", f"https://cnn.example/{aid}", f"h{aid}",
                 f"هدنة الغوطة {aid}", f"2018-02-2{aid}T10:00:00+00:00", iso(NOW), iso(NOW),
                 status])
        conn.execute("update articles set digest_related_json = ? where id = 2", [json.dumps(
            [{"title": "هدنة الغوطة 4", "url": "https://cnn.example/4",
              "published_at": "2018-02-24T10:00:00+00:00", "kind": "story"}])])
    assert main(["search", "--db", str(db_path), "--json", "هدنة"]) == 0
    by_url = {o["url"]: o for o in json.loads(capsys.readouterr().out)}
    assert [(r["url"], r["kind"]) for r in by_url["https://bbc.example/2"]["related"]] == [
        ("https://cnn.example/5", "story")]
