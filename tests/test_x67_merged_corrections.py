"""X67 (RC's item 3 on X63's change): a corrected article's «🔄 تحديث» after two stories merged.

`story_merges.merge_stories` moves the articles to the surviving story, but the chats' sent
outbox rows keep the story id they were sent under. digests.correction_updates looked only
under the surviving id, and so did story_updates.update_articles (the sender's «🔄» test):
- a chat that had read the corrected figure in the other half's headline got it again;
- a chat sent the article before its story merged got the correction as a new story, not as
  «🔄 تحديث».
Both now look at the story's merge family, as story_updates.queue_updates already did.

Real parts: a local news site, the real poller and its re-read of corrected entries, real
SQLite, story_merges.merge_stories, the real sender and renderer against the emulator.
"""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from bot.origins import bundle_topics
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite, render_page
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from digests.story_merges import merge_stories
from test_x42_delivery import make_sender
from test_x63_corrections import FIRST, FIXED, NOW, _page, _reader, _rows, _rss
from test_x63_corrections import site  # noqa: F401  (the local site fixture)

# the other half: the same crash's toll, told apart in words (its own story until merged)
OTHER = "ارتفاع حصيلة ضحايا الطائرة المنكوبة في نيبال إلى 49 قتيلا"
OTHER_BODY = ["أعلنت وزارة الصحة النيبالية مساء الاثنين ارتفاع عدد الضحايا بعد وفاة جرحى في"
              " المستشفيات، وبدأت عائلاتهم التعرف على الجثث.",
              "وقال متحدث باسم الوزارة إن الفرق الطبية تعمل على مدار الساعة وإن بعض المصابين في"
              " حالة حرجة."]
WEATHER = ["توقعت الأرصاد الجوية أمطارا غزيرة على المرتفعات الشمالية ورياحا نشطة.",
           "ودعت السائقين إلى الحذر على الطرق الجبلية خلال ساعات الليل."]


def _plain(title: str, paragraphs: list[str], minutes: int) -> Response:
    html = render_page({"title": title, "published": (NOW - timedelta(minutes=minutes)).isoformat(),
                        "paragraphs": paragraphs, "author": "مراسل"}, "")
    return Response(body=html.encode(), content_type="text/html; charset=utf-8")


class _Feed:
    """The site's feed, its entries newest first; each poll reads them all."""

    def __init__(self, site: SampleSite, database: Database, settings: Settings) -> None:
        self.site, self.database, self.settings = site, database, settings
        self.items: list[tuple[str, str]] = [("/old.html", "طقس ماطر")]
        site.add_route("/old.html", _plain("طقس ماطر", WEATHER, 30 * 60))
        site.add_route("/f.xml", _rss(site, self.items, hours=30))

    async def start(self) -> None:
        # added before its news: what was published before is its backlog (QA77-1)
        add_source(self.database, self.site.url("/f.xml"), settings=self.settings,
                   now=NOW - timedelta(hours=6))
        await poll_once(self.database, self.settings, now=NOW)  # first poll: backfill

    async def publish(self, path: str, title: str, page: Response, minutes: int) -> None:
        self.site.add_route(path, page)
        self.items = [(p, t) for p, t in self.items if p != path]
        self.items.insert(0, (path, title))
        self.site.add_route("/f.xml", _rss(self.site, self.items))
        await poll_once(self.database, self.settings, now=NOW + timedelta(minutes=minutes),
                        only_due=False)

    def story(self, path: str) -> int:
        return int(self.database.db.execute("select story_id from articles where url = ?",
                                            [self.site.url(path)]).fetchone()[0])


async def test_a_correction_repeating_the_other_halfs_figure_is_not_sent(
        database: Database, settings: Settings, site: SampleSite, emu: Emulator,
        bot: Bot) -> None:
    feed = _Feed(site, database, settings)
    await feed.start()
    clock = [NOW]
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: clock[0])
    _reader(database, 42)
    await feed.publish("/other.html", OTHER, _plain(OTHER, OTHER_BODY, 30), 0)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    _reader(database, 44)  # follows after the toll of 49: reads only the first report
    await feed.publish("/crash.html", FIRST, _page(FIRST, 40), 5)
    clock[0] = NOW + timedelta(minutes=6)
    assert await sender.run_once() == 2  # type: ignore[attr-defined]
    assert ["49" in m.plain_text for m in emu.messages(42)] == [True, False]
    crash, other = feed.story("/crash.html"), feed.story("/other.html")
    assert crash != other
    with database.transaction() as tx:  # the two halves become one, under the crash's id
        merge_stories(tx, crash, other, NOW + timedelta(minutes=10))

    await feed.publish("/crash.html", FIXED, _page(FIXED, 49), 20)  # the site corrects 40 → 49
    # 42 read «49 قتيلا» in the other half's headline (sent under the merged id): no update
    assert [r[1] for r in _rows(database, 42)] == ["instant", "instant"]
    assert [r[1][:11] for r in _rows(database, 44)] == ["instant", "update:fix:"]
    clock[0] = NOW + timedelta(minutes=21)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [_, update] = emu.messages(44)
    assert f"(40 ← 49) · {FIXED}" in update.plain_text, update.plain_text  # X98, X100, QA70-7
    assert len(emu.messages(42)) == 2


async def test_a_chat_sent_the_article_before_the_merge_gets_the_correction_as_an_update(
        database: Database, settings: Settings, site: SampleSite, emu: Emulator,
        bot: Bot) -> None:
    feed = _Feed(site, database, settings)
    await feed.start()
    await feed.publish("/other.html", OTHER, _plain(OTHER, OTHER_BODY, 30), 0)  # no reader yet
    _reader(database, 42)
    await feed.publish("/crash.html", FIRST, _page(FIRST, 40), 5)
    clock = [NOW + timedelta(minutes=6)]
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: clock[0])
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [first] = emu.messages(42)
    assert "40" in first.plain_text and "🔄" not in first.plain_text
    crash, other = feed.story("/crash.html"), feed.story("/other.html")
    assert crash != other
    with database.transaction() as tx:  # the crash's story joins the other: its id is gone
        merge_stories(tx, other, crash, NOW + timedelta(minutes=10))

    await feed.publish("/crash.html", FIXED, _page(FIXED, 49), 20)
    assert [r[1][:11] for r in _rows(database, 42)] == ["instant", "update:fix:"]
    clock[0] = NOW + timedelta(minutes=21)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [_, update] = emu.messages(42)
    # the chat read this article of the story: the correction is its update, not a new story
    assert f"(40 ← 49) · {FIXED}" in update.plain_text, update.plain_text  # X98, X100, QA70-7
