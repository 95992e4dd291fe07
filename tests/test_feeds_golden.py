"""The feed parser (digests/feeds.py) against golden files: tests/golden/feeds/NAME.xml → NAME.json.

Each input is a hand-made, real-shaped feed (RSS 2.0, Atom, CDATA/HTML summaries, windows-1256,
relative links, missing dates, a broken one, a page that is no feed); the JSON beside it is
what `read_entries` makes of it: the entries, the skipped ones and their errors, or the
ParseError's reason. Set UPDATE_GOLDEN=1 to rewrite the .json files after a deliberate change,
then review the diff by eye: the golden files are the specification.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from digests.errors import ParseError
from digests.feeds import read_entries
from digests.models import FeedEntry, iso

GOLDEN = Path(__file__).parent / "golden" / "feeds"
CASES = sorted(p.stem for p in GOLDEN.glob("*.xml"))
# the URL each feed was fetched from (relative links resolve against it) and its headers;
# the windows-1256 feed says its charset only in the XML declaration, as old sites do
BASE = {"rss-relative-links": "https://sahl.example/feeds/main.xml"}
HEADERS: dict[str, dict[str, str]] = {
    "atom-basic": {"Content-Type": "application/atom+xml"},
    "rss2-basic": {"Content-Type": "application/rss+xml; charset=utf-8"},
}


def _entry_json(entry: FeedEntry) -> dict[str, Any]:
    return {"url": entry.url, "title": entry.title, "guid": entry.guid,
            "summary": entry.summary, "published_at": iso(entry.published_at),
            "published_offset": entry.published_offset, "author": entry.author,
            "updated_at": iso(entry.updated_at)}


def _read(name: str) -> dict[str, Any]:
    body = (GOLDEN / f"{name}.xml").read_bytes()
    try:
        read = read_entries(body, HEADERS.get(name), BASE.get(name, f"https://{name}.example/rss"))
    except ParseError as exc:
        return {"error": exc.why.kind if exc.why else None}
    return {"entries": [_entry_json(e) for e in read.entries], "cut": read.cut,
            "skipped": list(read.skipped), "skip_errors": list(read.skip_errors)}


def test_every_kind_of_feed_has_a_golden() -> None:
    assert {"rss2-basic", "atom-basic", "rss-cdata-html", "rss-windows-1256",
            "rss-relative-links", "rss-no-dates", "rss-broken", "not-a-feed"} <= set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    got = _read(name)
    expected_path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", CASES)
def test_no_markup_or_tracking_reaches_an_entry(name: str) -> None:
    """Whatever the feed, a title or summary holds no tag and a URL no utm_* parameter."""
    for entry in _read(name).get("entries", []):
        for field in ("title", "summary", "author"):
            assert "<p" not in entry[field] and "<b>" not in entry[field]
            assert "<script" not in entry[field] and "track(" not in entry[field]
        assert entry["url"].startswith(("http://", "https://"))
        assert "utm_" not in entry["url"]


# The parts of the goldens that are the point of each file, said outright so a rewrite that
# loses one cannot pass review unnoticed.

def test_windows_1256_feed_reads_as_arabic() -> None:
    got = _read("rss-windows-1256")
    assert [e["title"] for e in got["entries"]] == [
        "مجلس المدينة يقر ميزانية العام المقبل", "افتتاح معرض الكتاب في دورته العاشرة"]


def test_relative_links_resolve_and_unusable_links_are_skipped() -> None:
    got = _read("rss-relative-links")
    assert [e["url"] for e in got["entries"]] == [
        "https://sahl.example/local/olive-harvest", "https://sahl.example/feeds/schools/reopen.html"]
    assert len(got["skipped"]) == 2


def test_missing_dates_are_none_not_now() -> None:
    got = _read("rss-no-dates")
    assert [e["published_at"] for e in got["entries"]][:2] == [None, None]


def test_cdata_html_becomes_plain_lines() -> None:
    first = _read("rss-cdata-html")["entries"][0]
    assert first["title"] == "مفاوضات <قصيرة> بين الطرفين & نتائج أولية"
    assert first["summary"].split("\n") == [
        "عقد الطرفان جولة جديدة من المحادثات.", 'وقال مصدر مطلع إن "الأجواء إيجابية".',
        "ولم يصدر بيان رسمي بعد."]


def test_a_page_that_is_no_feed_raises() -> None:
    assert _read("not-a-feed") == {"error": "not_feed"}
