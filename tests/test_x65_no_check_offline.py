"""QA45 D2: `run.py sources add --no-check` adds a link without fetching it, so it must not
resolve the host either: on an offline host (no DNS) it failed with «no such domain». The
resolver here refuses every lookup, as an offline machine's does."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from cli.main import main
from digests.sources import list_sources
from digests.storage import Database


def _offline(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def refuse(host: Any, *args: Any, **kwargs: Any) -> Any:
        asked.append(str(host))
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return asked


def test_no_check_adds_a_feed_whose_host_cannot_resolve(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _offline(monkeypatch)
    db_path = tmp_path / "offline.db"
    rc = main(["--db", str(db_path), "sources", "add", "--no-check",
               "https://feeds.nashra-offline.invalid/arabic/rss.xml"])
    out = capsys.readouterr().out
    assert rc == 0, out
    with Database(db_path) as db:
        urls = [s.url for s in list_sources(db)]
    assert urls == ["https://feeds.nashra-offline.invalid/arabic/rss.xml"]


def test_no_check_still_refuses_a_malformed_link_offline(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # the DNS step is skipped, not the link's own checks
    _offline(monkeypatch)
    db_path = tmp_path / "offline.db"
    rc = main(["--db", str(db_path), "sources", "add", "--no-check", "ftp://feeds.example/x"])
    capsys.readouterr()
    assert rc != 0
    with Database(db_path) as db:
        assert list_sources(db) == []
