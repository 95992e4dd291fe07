"""`run.py sources …` and `run.py ingest --once` through the real command line entry point."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.main import main
from digests.samplesite import Response, SampleSite


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as running:
        yield running


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean working directory (no .env) and environment; returns the database path."""
    monkeypatch.chdir(tmp_path)
    for key in ("DATABASE_PATH", "SOURCES_FILE", "POLL_INTERVAL_MINUTES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")
    monkeypatch.setenv("FETCH_TIMEOUT_SECONDS", "2")
    return tmp_path / "cli.db"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sources_add_list_remove(env: Path, site: SampleSite,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = str(env)
    code, out, _ = run(capsys, "sources", "add", site.feed_url("main"), "--name", "نشرة الشرق",
                       "--db", db)
    assert code == 0 and "أُضيف المصدر 1" in out and "added source 1" in out
    code, _, err = run(capsys, "sources", "add", site.feed_url("main"), "--db", db)
    assert code == 1 and "already added as id 1" in err
    code, _, err = run(capsys, "sources", "add", "ftp://nope", "--db", db)
    assert code == 1 and "http" in err
    code, out, _ = run(capsys, "sources", "list", "--db", db)
    assert code == 0 and "[1] نشرة الشرق" in out and "next poll" in out
    code, out, _ = run(capsys, "sources", "remove", "1", "--db", db)
    assert code == 0 and "removed source 1" in out
    code, out, _ = run(capsys, "sources", "list", "--db", db)
    assert "no sources yet" in out
    code, _, err = run(capsys, "sources", "remove", "7", "--db", db)
    assert code == 1 and "no source with id 7" in err


def test_private_source_refused_without_the_setting(env: Path, site: SampleSite,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "false")
    code, _, err = run(capsys, "sources", "add", site.feed_url("main"), "--db", str(env))
    assert code == 1 and "ALLOW_PRIVATE_SOURCES" in err and "خاص" in err


def test_ingest_once_prints_progress_and_a_summary(env: Path, site: SampleSite,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = str(env)
    site.add_route("/down.xml", Response(status=503, headers={"Retry-After": "600"}))
    for url, name in ((site.feed_url("main"), "الشرق"), (site.feed_url("world"), "المدى"),
                      (site.url("/down.xml"), "معطل")):
        assert run(capsys, "sources", "add", url, "--name", name, "--db", db)[0] == 0
    code, out, _ = run(capsys, "ingest", "--once", "--db", db)
    assert code == 0
    assert "✓ [1] الشرق: جديد / new 4" in out
    assert "✓ [2] المدى: جديد / new 4" in out
    assert "✗ [3] معطل: فشل / failed" in out and "503" in out
    assert "جديد / new 8، بلا تغيير / unchanged 0، فشل / failed 1" in out
    code, out, _ = run(capsys, "ingest", "--once", "--all", "--db", db)
    assert "= [1] الشرق: بلا تغيير / not modified (304)" in out
    assert "جديد / new 0، بلا تغيير / unchanged 2، فشل / failed 1" in out
    code, out, _ = run(capsys, "sources", "list", "--db", db)
    assert "failing ×2" in out and "503" in out
    code, out, _ = run(capsys, "ingest", "--once", "--db", db)
    assert "no source is due now" in out


def test_ingest_loads_an_explicit_sources_file(env: Path, site: SampleSite,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    sources = env.parent / "sources.txt"
    sources.write_text(f"{site.feed_url('economy')} المدى الاقتصادي\n", encoding="utf-8")
    monkeypatch.setenv("SOURCES_FILE", str(sources))
    code, out, _ = run(capsys, "ingest", "--once", "--db", str(env))
    assert code == 0 and "added 1 sources" in out and "جديد / new 3" in out


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["sources", "--help"])
    out = capsys.readouterr().out
    assert "add" in out and "list" in out and "remove" in out
