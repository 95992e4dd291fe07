"""X59 A1's left: a feed entry that cannot be read is skipped (the others are stored), and until
now only the log said so. /sources now says under the source how many of how many entries its
last read skipped, which ones and why — gone again once a poll reads them all. And the sandbox's
bot.log, which holds chat ids and what readers typed, is created readable by its owner only.

Real parts: a local site over HTTP (digests.samplesite), the real poll, real SQLite, the real bot
on the emulator; a real file under a pinned umask 022.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digests.logs import open_private_log
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from digests.subscriptions import set_language
from tests.botkit import ADMIN, running_bot

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _json_feed(site: SampleSite, broken: bool) -> bytes:
    items = []
    for i in range(5):
        item: dict[str, object] = {
            "id": f"g{i}", "url": site.url(f"/a/{i}.html"), "title": f"خبر رقم {i} عن الغوطة",
            "date_published": (NOW - timedelta(minutes=i)).isoformat()}
        if broken and i in (1, 3):
            item["authors"] = 5  # not a list: this entry cannot be read
            item["id"] = f"<b>g{i}</b>"  # a site's id is shown escaped
        items.append(item)
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "خلاصة",
                       "items": items}, ensure_ascii=False).encode()


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite(with_sample=False) as s:
        yield s


async def test_sources_names_the_entries_the_last_poll_skipped(tmp_path: Path,
                                                                site: SampleSite) -> None:
    path = tmp_path / "n.db"
    settings = Settings(database_path=path, allow_private_sources=True, fetch_pages=False,
                        fetch_timeout_seconds=5.0)
    feed = Response(body=_json_feed(site, broken=True), content_type="application/feed+json")
    site.add_route("/feed.json", feed)
    with Database(path) as db:
        source = add_source(db, site.url("/feed.json"), settings=settings, now=NOW)
        summary = await poll_once(db, settings, now=NOW, only_due=False)
        assert summary.failed == 0 and summary.new == 3  # the three readable ones
    async with running_bot(path, fetch_pages=False) as h:
        await h.say(ADMIN, "/sources")
        set_language(h.db, ADMIN, "en")
        await h.say(ADMIN, "/sources", language_code="en")
        # waited for, not slept 0.3 s (CI hardening): the list may be several messages
        await h.until(lambda: any("Entries not read at the last poll" in m.plain_text
                                  for m in h.emu.messages(ADMIN)))
        # without the direction marks the Arabic lines put around Latin runs
        told = [re.sub("[\u200e\u200f\u2066-\u2069]", "", m.plain_text)
                for m in h.emu.messages(ADMIN)]
        html = [m.text for m in h.emu.messages(ADMIN)]
    arabic = next(x for x in told if "مدخلات لم تُقرأ" in x)
    assert "٢ من ٥" in arabic and "«<b>g1</b>»" in arabic and "«<b>g3</b>»" in arabic
    assert "TypeError" in arabic and "not iterable" in arabic
    english = next(x for x in told if "Entries not read at the last poll" in x)
    assert "2 of 5" in english and '"<b>g1</b>"' in english
    # the site's «<b>» is text, never markup
    assert any("&lt;b&gt;g1&lt;/b&gt;" in x for x in html)
    assert not any("<b>g1</b>" in x for x in html)

    # the site mends its feed: the next poll reads every entry and the line is gone
    site.add_route("/feed.json", Response(body=_json_feed(site, broken=False),
                                          content_type="application/feed+json"))
    with Database(path) as db:
        summary = await poll_once(db, settings, now=NOW + timedelta(minutes=20), only_due=False)
        assert summary.new == 2 and source.id is not None
    async with running_bot(path, fetch_pages=False) as h:
        await h.say(ADMIN, "/sources")
        await asyncio.sleep(0.3)
        assert not any("مدخلات لم تُقرأ" in m.plain_text for m in h.emu.messages(ADMIN))


def test_the_log_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "bot.log"
        with open_private_log(path) as log:
            log.write("a line\n")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        # a log left 0644 by an earlier version is narrowed, and appended to, not emptied
        path.chmod(0o644)
        with open_private_log(path) as log:
            log.write("another\n")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_text(encoding="utf-8") == "a line\nanother\n"
    finally:
        os.umask(old)


def test_the_sandbox_opens_its_log_privately() -> None:
    """cli.sandbox writes bot.log through open_private_log (its whole run is test_x47's)."""
    import inspect

    import cli.sandbox

    source = inspect.getsource(cli.sandbox)
    assert "open_private_log(log_path)" in source and 'open(log_path, "a"' not in source
