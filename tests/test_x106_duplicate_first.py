"""QA69-9 (S3): `sources add` of a link already there resolved its host (and fetched it) before
asking the database, so a shipped source on a host without DNS answered «Could not find the site
feeds.bbci.co.uk» instead of «already there as number 1». The exact duplicate (normalised: either
scheme, a #fragment, a link typed without a scheme) is now refused before anything is resolved.
"""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cli.main import main
from digests import sources
from digests.errors import SourceError
from digests.settings import Settings
from digests.source_check import link_candidates
from digests.storage import Database

SHIPPED = "https://feeds.bbci.co.uk/arabic/rss.xml"


def _no_dns(*args: object, **kwargs: object) -> object:
    raise AssertionError(f"resolved before the duplicate test: {args[:1]}")


def test_the_cli_says_already_there_before_resolving(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    for key in ("DATABASE_PATH", "SOURCES_FILE", "ALLOW_PRIVATE_SOURCES"):
        monkeypatch.delenv(key, raising=False)
    db = str(tmp_path / "cli.db")
    assert main(["sources", "add", "--no-check", SHIPPED, "--db", db]) == 0
    capsys.readouterr()
    monkeypatch.setattr(socket, "getaddrinfo", _no_dns)
    for typed in (SHIPPED, "http://feeds.bbci.co.uk/arabic/rss.xml#top",
                  "feeds.bbci.co.uk/arabic/rss.xml"):
        assert main(["sources", "add", typed, "--db", db]) == 1
        err = capsys.readouterr().err
        assert "already there as number 1" in err, err
        assert "resolved" not in err and "Could not find" not in err, err


def test_refuse_known_normalises_and_leaves_bad_links_to_validation(tmp_path: Path) -> None:
    with Database(tmp_path / "n.db") as db:
        sources.add_source(db, SHIPPED, settings=Settings(), now=datetime.now(UTC),
                           require_dns=False)
        with pytest.raises(SourceError) as caught:
            sources.refuse_known(db, link_candidates("feeds.bbci.co.uk/arabic/rss.xml"))
        assert caught.value.why is not None and caught.value.why.kind == "duplicate"
        sources.refuse_known(db, link_candidates("ftp://feeds.bbci.co.uk/arabic/rss.xml"))
        sources.refuse_known(db, link_candidates("https://feeds.bbci.co.uk/other.xml"))
