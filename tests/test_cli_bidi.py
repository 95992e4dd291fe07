"""QA14 F14: what the CLI prints of feeds' texts (source names, headlines, quotes, titles) carries
no bidi override or stray zero-width character: in a terminal an unclosed U+202E redraws the rest
of the line (the URL after a name) reversed. The same `bot.lines.clean` as the bot."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from cli.digest import render_text as digest_text
from cli.ingest import format_report, format_source
from cli.main import main
from cli.search import render_text as search_text
from digests.models import Digest, Quote, RelatedItem, SearchHit, Source
from digests.polls import SourceReport, SourceStatus
from digests.search import SearchResult

OVERRIDES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff"
NAME = "<b>مصدر</b> & \u202eلوحة\u202d txt.exe\u200b"
SHOWN = "<b>مصدر</b> & لوحة txt.exe"
NOW = datetime(2018, 3, 12, tzinfo=UTC)


def _plain(text: str) -> None:
    assert not any(c in text for c in OVERRIDES), ascii(text)


def test_sources_list_and_ingest_lines_show_names_without_overrides() -> None:
    source = Source(id=1, url="http://x.example/feed", name=NAME)
    listed = format_source(source)
    _plain(listed)
    assert f"[1] {SHOWN} — http://x.example/feed" in listed
    statuses: tuple[SourceStatus, ...] = ("new", "failed", "unchanged")
    for status in statuses:
        line = format_report(SourceReport(1, NAME, source.url, status, error="boom"))
        _plain(line)
        assert f"[1] {SHOWN}:" in line


def test_search_and_digest_texts_show_headlines_without_overrides() -> None:
    digest = Digest(url="http://x.example/a", source=NAME,
                    headline="تحديث \u202eالغوطة\u202e evil\u202d txt.exe", published_at=NOW,
                    quotes=(Quote(text="\u202eلا هدنة\u202c", speaker="\u202eمتحدث"),),
                    related=(RelatedItem(title="\u202eخبر\u200b آخر", url="http://x.example/b"),))
    matched = ("\u202eالغوطة\u202e", "الغوطة")  # the words as written in the article (QA15 N9)
    found = search_text(SearchResult(hits=(SearchHit(digest, 1.0, matched),), total=1,
                                     terms=("غوطة",)), "الغوطة")
    _plain(found.replace("\u200f", ""))  # our own RLMs lead each line
    assert "1. تحديث الغوطة evil txt.exe" in found and f"{SHOWN} · 2018-03-12" in found
    assert "الكلمات المطابقة: الغوطة، الغوطة" in found
    shown = digest_text(digest)
    _plain(shown)
    assert "تحديث الغوطة evil txt.exe" in shown and "خبر آخر" in shown and "لا هدنة" in shown


def test_sources_add_prints_the_name_cleaned(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["--db", str(tmp_path / "c.db"), "sources", "add", "--no-check", "--name", NAME,
               "http://93.184.216.34/feed"])
    out = capsys.readouterr().out
    assert rc == 0, out
    _plain(out)
    assert f"{SHOWN} — http://93.184.216.34/feed" in out
