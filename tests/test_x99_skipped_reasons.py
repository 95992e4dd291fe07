"""QA65-13 and -14 (S3): the /sources line under a source whose last feed had unreadable entries.

- The entries' ids reached it as the feed sent them: an id holding U+202E (RIGHT-TO-LEFT
  OVERRIDE) reversed the rest of the admin's line when the feed did not close it. They now go
  through bot.lines.clean, as every other feed string.
- One reason stood for several («رابط ليس http(s) / not an http(s) link: javascript:» for a
  javascript:, a data:, a file: and a 169.254.169.254 link), bilingual inside either language.
  Each kind is now said once with its count and details, in the admin's language.

Real parts: a local site over HTTP (digests.samplesite), the real poll, real SQLite, the real bot
on the emulator (tests/botkit.py).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import ADMIN, running_bot

from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from digests.subscriptions import set_language

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
RLO, PDF = "\u202e", "\u202c"


def _feed(site: SampleSite) -> bytes:
    def item(guid: str, link: str, n: int) -> str:
        date = (NOW - timedelta(minutes=n)).strftime("%a, %d %b %Y %H:%M:%S +0000")
        return (f"<item><title>خبر {n} عن الغوطة</title><link>{link}</link>"
                f"<guid isPermaLink=\"false\">{guid}</guid><pubDate>{date}</pubDate></item>")

    items = [item("&lt;b&gt;g&lt;/b&gt;&lt;/i&gt;", "javascript:alert(1)", 1),
             item(f"{RLO}live", "data:text/html,x", 2),  # an override the feed never closes
             item("Z" * 3000, "file:///etc/passwd", 3),
             item("meta", "http://169.254.169.254/latest/", 4),
             item("good", site.url("/a/1.html"), 5)]
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>خلاصة'
            f"</title><link>{site.base_url}/</link>{''.join(items)}</channel></rss>").encode()


async def test_each_reason_once_in_the_admin_s_language_and_no_override(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    settings = Settings(database_path=path, allow_private_sources=True, fetch_pages=False,
                        fetch_timeout_seconds=5.0)
    with SampleSite(with_sample=False) as site:
        site.add_route("/feed.xml", Response(body=_feed(site), content_type="application/rss+xml"))
        with Database(path) as db:
            add_source(db, site.url("/feed.xml"), settings=settings, now=NOW)
            summary = await poll_once(db, settings, now=NOW, only_due=False)
        assert summary.failed == 0 and summary.new == 1
        async with running_bot(path, fetch_pages=False) as h:
            await h.say(ADMIN, "/sources")
            await h.until(lambda: any("مدخلات لم تُقرأ" in m.plain_text
                                      for m in h.emu.messages(ADMIN)))
            set_language(h.db, ADMIN, "en")
            await h.say(ADMIN, "/sources")
            await h.until(lambda: any("Entries not read at the last poll" in m.plain_text
                                      for m in h.emu.messages(ADMIN)))
            raw = [m.plain_text for m in h.emu.messages(ADMIN)]
    arabic = next(x for x in raw if "مدخلات لم تُقرأ" in x)
    english = next(x for x in raw if "Entries not read at the last poll" in x)
    for line in (arabic, english):
        assert RLO not in line and PDF not in line, ascii(line)
    ar = re.sub("[\u200e\u200f\u2066-\u2069]", "", arabic)
    en = re.sub("[\u200e\u200f\u2066-\u2069]", "", english)
    assert "٤ من ٥" in ar and "«live»" in ar, ar
    assert "رابط ليس http(s) (javascript:، data:، file:): ٣" in ar, ar
    assert "رابط إلى عنوان محلي أو عنوان بيانات سحابية (169.254.169.254): ١" in ar, ar
    assert "not an http(s)" not in ar and "link-local" not in ar  # no English half
    assert "a link that is not http(s) (javascript:, data:, file:): 3" in en, en
    assert "a link to a link-local or cloud metadata address (169.254.169.254): 1" in en, en
    assert "رابط" not in en, en  # no Arabic half
