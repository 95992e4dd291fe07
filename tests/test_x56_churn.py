"""QA41 T1 (X50's left): a feed whose summaries change at every poll («نشر منذ N دقيقة · M
مشاهدة») no longer re-reads 10 pages a poll for ever, and a real correction of an older entry
is read at once instead of never. Real local news site, real poller, real SQLite, a restart
(a new Database) between polls."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite, render_page
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

NOW = datetime(2018, 3, 12, 12, 0, tzinfo=timezone.utc)
N = 30
FIXED = 20  # the entry the site really corrects at poll 2
TOWNS = ["الطاحونة", "الغوطة", "عفرين", "دوما", "حرستا", "إدلب", "درعا", "حماة", "حلب", "الرقة"]


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite(with_sample=False) as running:
        yield running


def _title(i: int, fixed: bool = False) -> str:
    return (f"تصحيح: مقتل أربعين في قصف بلدة {TOWNS[i % 10]} رقم {i}" if fixed
            else f"قصف على بلدة {TOWNS[i % 10]} رقم {i}")


def _page(i: int, fixed: bool = False) -> Response:
    paragraphs = [f"قال الدفاع المدني إن قصفا استهدف بلدة {TOWNS[i % 10]} في الحادثة رقم {i}.",
                  f"وأضاف أن فرق الإنقاذ تعمل في المكان منذ الصباح، والحادثة {i} ليست الأولى."]
    if fixed:
        paragraphs = [f"قال الدفاع المدني إن أربعين قتلوا في قصف بلدة {TOWNS[i % 10]} رقم {i}.",
                      "وأضاف أن الجرحى نقلوا إلى المستشفى الميداني في المدينة."]
    html = render_page({"title": _title(i, fixed), "paragraphs": paragraphs, "author": "مراسل",
                        "published": (NOW - timedelta(hours=1, minutes=i)).isoformat()}, "")
    return Response(body=html.encode(), content_type="text/html; charset=utf-8")


def _date(i: int) -> str:
    return f"{NOW - timedelta(hours=1, minutes=i):%a, %d %b %Y %H:%M:%S GMT}"


def _rss(site: SampleSite, poll: int, fixed: bool) -> Response:
    items = "".join(
        f"<item><title>{_title(i, fixed and i == FIXED)}</title><link>{site.url(f'/a{i}.html')}"
        f"</link><guid>a{i}</guid><description>نشر منذ {poll * 15 + i} دقيقة · {1000 + poll * 7}"
        f" مشاهدة</description><pubDate>{_date(i)}</pubDate></item>" for i in range(N))
    return Response(body=f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
                    .encode(), content_type="application/rss+xml; charset=utf-8")


async def test_churning_summaries_back_off_and_a_real_correction_is_read_at_once(
        settings: Settings, site: SampleSite) -> None:
    for i in range(N):
        site.add_route(f"/a{i}.html", _page(i))
    site.add_route("/f.xml", _rss(site, 0, False))
    db = Database(settings.database_path)
    try:
        add_source(db, site.url("/f.xml"), settings=settings, now=NOW - timedelta(days=2))
        assert (await poll_once(db, settings, now=NOW, only_due=False)).new == N
        fetches: list[int] = []
        fixed_at = None
        for poll in range(1, 9):
            if poll == 4:  # a restart: what backs an entry off is stored, not remembered
                db.close()
                db = Database(settings.database_path)
            if poll == 2:
                site.add_route(f"/a{FIXED}.html", _page(FIXED, fixed=True))
            site.add_route("/f.xml", _rss(site, poll, poll >= 2))
            before = sum(site.hits(f"/a{i}.html") for i in range(N))
            await poll_once(db, settings, now=NOW + timedelta(minutes=15 * poll), only_due=False)
            fetches.append(sum(site.hits(f"/a{i}.html") for i in range(N)) - before)
            [(title, body)] = db.db.execute("select title, body from articles where guid = ?",
                                            [f"a{FIXED}"]).fetchall()
            if fixed_at is None and "أربعين" in body:
                fixed_at = poll
                assert title == _title(FIXED, fixed=True)
        assert fixed_at == 2  # the correction took the first slot of the poll that saw it
        # every churning entry is read once (bounded per poll; the corrected one once more, for
        # its correction), then never again
        assert sum(fetches[:4]) == N + 1 and max(fetches) <= 10
        assert fetches[4:] == [0, 0, 0, 0]
        assert db.db.execute("select count(*) from articles").fetchone()[0] == N
    finally:
        db.close()


def test_a_backed_off_entry_changes_only_by_the_kinds_left() -> None:
    from digests import entry_changes
    from digests.entry_changes import Known, changed
    from digests.models import FeedEntry
    from digests.urls import content_hash

    def entry(title: str, summary: str, updated: datetime | None = None) -> FeedEntry:
        return FeedEntry(title=title, url="https://x.test/a", summary=summary,
                         updated_at=updated)

    title_only = Known(1, entry_changes.TITLE_ONLY + content_hash("عنوان", ""), NOW)
    assert not changed(entry("عنوان", "منذ ٥ دقائق"), title_only)
    assert changed(entry("عنوان مصحح", "منذ ٥ دقائق"), title_only)
    assert changed(entry("عنوان", "x", NOW + timedelta(hours=1)), title_only)
    date_only = Known(1, entry_changes.DATE_ONLY, NOW)
    assert not changed(entry("عنوان ٢", "y"), date_only)
    assert changed(entry("عنوان ٢", "y", NOW + timedelta(hours=1)), date_only)
    assert not changed(entry("عنوان ٢", "y", NOW + timedelta(hours=1)), date_only,
                       trust_updated=False)
