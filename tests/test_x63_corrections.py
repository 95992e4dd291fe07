"""X56 item 6: a site corrects a toll in the article itself («مقتل 40» → «مقتل 49», same link and
GUID). A chat that was sent the article gets it once more as «🔄 تحديث» with the corrected
figure; a reworded title with no new figure, the same correction read again, or a chat never
sent the article gets nothing; a correction while the chat's first row still waits adds nothing
(the waiting row is rendered from the corrected text).

Real parts: a local news site (digests.samplesite), the real poller and its re-read of corrected
entries, real SQLite, the real sender and renderer against the emulator.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from telegram import Bot

from bot.emulator import Emulator
from bot.origins import bundle_topics
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite, render_page
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from digests.subscriptions import subscribe, upsert_chat
from test_x42_delivery import make_sender

NOW = datetime(2018, 3, 12, 9, 0, tzinfo=timezone.utc)  # 12:00 in UTC+3: outside quiet hours
FIRST = "مقتل 40 في تحطم طائرة ركاب في مطار كاتماندو بنيبال"
FIXED = "مقتل 49 في تحطم طائرة ركاب في مطار كاتماندو بنيبال"
REWORDED = "مقتل 49 بتحطم طائرة ركاب في مطار كاتماندو في نيبال"
BODY = ["قالت السلطات في نيبال إن {n} شخصا قتلوا حين تحطمت طائرة ركاب لدى هبوطها في مطار"
        " كاتماندو الدولي ظهر اليوم.",
        "وأضافت أن فرق الإنقاذ نقلت الجرحى إلى مستشفيات العاصمة وأن التحقيق في أسباب الحادث بدأ."]


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite(with_sample=False) as running:
        yield running


def _page(title: str, n: int) -> Response:
    html = render_page({"title": title, "published": (NOW - timedelta(hours=1)).isoformat(),
                        "paragraphs": [p.format(n=n) for p in BODY], "author": "مراسل"}, "")
    return Response(body=html.encode(), content_type="text/html; charset=utf-8")


def _rss(site: SampleSite, items: list[tuple[str, str]], *, hours: float = 1.0) -> Response:
    body = "".join(
        f"<item><title>{title}</title><link>{site.url(path)}</link><guid>{path}</guid>"
        f"<description>ملخص: {title}</description>"
        f"<pubDate>{NOW - timedelta(hours=hours, minutes=i):%a, %d %b %Y %H:%M:%S GMT}</pubDate>"
        f"</item>" for i, (path, title) in enumerate(items))
    return Response(body=f'<rss version="2.0"><channel><title>t</title>{body}</channel></rss>'
                    .encode(), content_type="application/rss+xml; charset=utf-8")


def _reader(database: Database, chat_id: int) -> None:
    upsert_chat(database, chat_id, now=NOW)
    database.db.execute("update chats set quiet_start = null, quiet_end = null where id = ?",
                        [chat_id])  # pinned off: the test does not depend on the hour
    subscribe(database, chat_id, "نيبال", now=NOW)


def _rows(database: Database, chat_id: int) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in database.db.execute(
        "select article_id, kind, status from outbox where chat_id = ? order by id",
        [chat_id]).fetchall()]


async def _correct(site: SampleSite, database: Database, settings: Settings, title: str, n: int,
                   minutes: int) -> None:
    site.add_route("/crash.html", _page(title, n))
    site.add_route("/f.xml", _rss(site, [("/crash.html", title), ("/old.html", "طقس ماطر")]))
    await poll_once(database, settings, now=NOW + timedelta(minutes=minutes), only_due=False)


async def test_a_corrected_toll_reaches_the_chats_that_read_the_old_one_once(
        database: Database, settings: Settings, site: SampleSite, emu: Emulator,
        bot: Bot) -> None:
    site.add_route("/old.html", _page("طقس ماطر", 0))
    site.add_route("/f.xml", _rss(site, [("/old.html", "طقس ماطر")], hours=30))
    # added before its news: what was published before is its backlog (QA77-1)
    add_source(database, site.url("/f.xml"), settings=settings, now=NOW - timedelta(hours=6))
    await poll_once(database, settings, now=NOW)  # first poll: backfill
    _reader(database, 42)
    await _correct(site, database, settings, FIRST, 40, 0)
    [article_id] = [r[0] for r in database.db.execute(
        "select id from articles where url = ?", [site.url("/crash.html")]).fetchall()]
    clock = [NOW]
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: clock[0])
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [first] = emu.messages(42)
    assert "40" in first.plain_text and "🔄" not in first.plain_text
    _reader(database, 43)  # follows after the alert: never read the old toll

    # the site corrects the toll in the same article
    await _correct(site, database, settings, FIXED, 49, 20)
    assert database.db.execute("select title from articles where id = ?",
                               [article_id]).fetchone()[0] == FIXED
    assert [r[1] for r in _rows(database, 42)] == ["instant", _rows(database, 42)[1][1]]
    assert _rows(database, 42)[1][1].startswith("update:fix:")
    assert _rows(database, 43) == []  # never sent the article: nothing to correct
    clock[0] = NOW + timedelta(minutes=21)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [_, update] = emu.messages(42)
    assert "🔄" in update.plain_text and "49" in update.plain_text, update.plain_text

    # a reworded title with the same figure, then the same corrected headline again: no news
    await _correct(site, database, settings, REWORDED, 49, 40)
    await _correct(site, database, settings, FIXED, 49, 60)
    clock[0] = NOW + timedelta(minutes=61)
    await sender.run_once()  # type: ignore[attr-defined]
    assert len(emu.messages(42)) == 2 and len(_rows(database, 42)) == 2
    assert emu.messages(43) == []


async def test_a_correction_while_the_alert_waits_adds_nothing(
        database: Database, settings: Settings, site: SampleSite, emu: Emulator,
        bot: Bot) -> None:
    site.add_route("/old.html", _page("طقس ماطر", 0))
    site.add_route("/f.xml", _rss(site, [("/old.html", "طقس ماطر")], hours=30))
    # added before its news: what was published before is its backlog (QA77-1)
    add_source(database, site.url("/f.xml"), settings=settings, now=NOW - timedelta(hours=6))
    await poll_once(database, settings, now=NOW)
    _reader(database, 42)
    await _correct(site, database, settings, FIRST, 40, 0)
    await _correct(site, database, settings, FIXED, 49, 20)  # before the sender ran
    assert [r[1] for r in _rows(database, 42)] == ["instant"]
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: NOW + timedelta(minutes=21))
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [only] = emu.messages(42)
    assert "49" in only.plain_text and "🔄" not in only.plain_text  # the corrected text, once
