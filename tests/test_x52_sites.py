"""QA34 R5/R3/R7 (brief X52): a story's sources are sites, not feeds; a block says how many
sites report its story and the full view names them all; the best-covered story comes first;
a site's cross-posted twin is one link. Real SQLite, the real sender and renderer against the
emulator (chats with quiet hours off: delivery_helpers.add_chat)."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from bot.render import render_digest_messages
from bot.sender import default_render
from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests.bundle_facts import story_weights
from digests.live_links import live_related
from digests.models import Article, RelatedItem
from digests.new_deliveries import enqueue_article
from digests.records import related_to_json
from digests.storage import Database
from digests.story_sites import site_of, story_site_count
from test_x42_delivery import make_sender, queue


def _at(database: Database, article: Article, url: str) -> Article:
    """The article moved to `url` (a feed of another site than its source's name says)."""
    with database.transaction() as tx:
        tx.execute("update articles set url = ?, url_key = ? where id = ?",
                   [url, url.split("://", 1)[1], article.id])
    from dataclasses import replace
    return replace(article, url=url)


def _one_site_two_feeds(database: Database) -> tuple[Article, Article]:
    """France 24's «دولي» and «رياضة» feeds: two sources, one site."""
    intl = add_source(database, "فرانس 24 — دولي")
    sport = add_source(database, "فرانس 24 — رياضة")
    a = _at(database, add_article(database, intl, "هيئة الرياضة تطلق بطولة عالمية لكرة اليد",
                                  story_id=800), "https://www.france24.com/ar/intl/1")
    b = _at(database, add_article(database, sport, "رحيل تركي آل الشيخ عن هيئة الرياضة",
                                  story_id=800), "https://france24.com/ar/sport/2")
    return a, b


def test_site_of_folds_www_and_reads_the_host() -> None:
    assert site_of("https://www.france24.com/ar/x") == site_of("http://france24.com/y")
    assert site_of("https://arabic.cnn.com/a") != site_of("https://www.bbc.com/a")


def test_two_feeds_of_one_site_never_make_a_multi_source_story(database: Database) -> None:
    """R5: 24 one-site stories passed GENERAL_MIN_SOURCES = 2 by their two feeds."""
    add_chat(database, 1)  # follows the general digest
    a, b = _one_site_two_feeds(database)
    assert story_site_count(database.db, 800) == 1
    enqueue_article(database.db, b, ctx())
    assert rows(database) == []  # one site: not "top" for the general digest
    other = add_source(database, "بي بي سي")
    c = add_article(database, other, "هيئة الرياضة السعودية تطلق بطولة لكرة اليد", story_id=800)
    enqueue_article(database.db, c, ctx())
    assert [r["story_id"] for r in rows(database)] == [800]  # a second site: it is
    assert story_weights(database.db, [(800, c.id)])[800][0] == 2


def test_a_story_link_to_another_feed_of_its_own_site_and_a_twin_are_dropped(
        database: Database) -> None:
    """R5/R7: «other sources» named another feed of the same site; France 24's cross-post of
    one article under two sections took both story slots."""
    a, b = _one_site_two_feeds(database)
    bbc = add_source(database, "بي بي سي")
    c = add_article(database, bbc, "بطولة عالمية لكرة اليد في السعودية", story_id=800)
    twin = "80 قتيلا في غارات على الغوطة"
    links = [RelatedItem(b.title, b.url, NOW, "story"),
             RelatedItem(c.title, c.url, NOW, "story"),
             RelatedItem(twin, "https://www.aljazeera.net/news/1", NOW - timedelta(days=2),
                         "archive"),
             RelatedItem(twin, "https://aljazeera.net/middleeast/9",
                         NOW - timedelta(days=2, minutes=-1), "archive")]
    with database.transaction() as tx:
        tx.execute("update articles set digest_related_json = ?, digested_at = ? where id = ?",
                   [related_to_json(links), NOW.isoformat(), a.id])
    from digests.digest import load_digest
    stored = load_digest(database.db, a.id)
    assert stored is not None and len(stored.related) == 4
    [live] = live_related(database.db, [stored])
    assert [r.url for r in live.related] == [c.url, "https://www.aljazeera.net/news/1"]


async def test_a_bundle_counts_sites_puts_the_best_covered_first_and_the_view_names_all(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """R3: a 5-site story looked like a one-source story, came 4th in an instant bundle, and
    its «📖» named 2 of its 4 other sites."""
    add_chat(database, 1)
    lone = add_source(database, "الجزيرة")
    first = add_article(database, lone, "انطلاق معرض الكتاب في القاهرة", story_id=10)
    names = ["سكاي نيوز عربية", "بي بي سي", "سي إن إن", "فرانس 24 — دولي", "فرانس 24 — رياضة"]
    sources = [add_source(database, n) for n in names]
    reports = [add_article(database, s, f"موسكو تطرد 23 دبلوماسيا بريطانيا {i}", story_id=20)
               for i, s in enumerate(sources)]
    # France 24's two feeds: one site
    reports[4] = _at(database, reports[4], "https://www.france24.com/ar/sport/7")
    reports[3] = _at(database, reports[3], "https://france24.com/ar/intl/6")
    queue(database, 1, first)  # came first
    queue(database, 1, reports[0])
    sender = make_sender(database, bot, render=default_render, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    text = message.text
    assert text.index("موسكو تطرد") < text.index("معرض الكتاب")  # best-covered first
    assert "٤ مصادر" in text  # four sites, five feeds
    assert text.count("مصادر") == 1  # the one-site story says nothing
    from digests.digest import load_digest
    digest = load_digest(database.db, reports[0].id)
    assert digest is not None
    full = "\n".join(render_digest_messages(live_related(database.db, [digest])[0], "ar", NOW))
    assert "ينقله أيضًا: بي بي سي، سي إن إن، فرانس 24" in full  # every other site, once
    english = "\n".join(render_digest_messages(live_related(database.db, [digest])[0], "en",
                                               NOW))
    assert "4 sources" in english


def test_sites_on_one_machine_are_told_apart_by_port() -> None:
    """The benchmarks serve every site from 127.0.0.1 (QA34's archive): a port is a site."""
    assert site_of("http://127.0.0.1:8001/a") != site_of("http://127.0.0.1:8002/a")
    assert site_of("https://www.bbc.com:443/a") == site_of("https://bbc.com/b")


def test_only_a_loopback_host_counts_each_feed_as_a_site() -> None:
    """A local server (the sample site, the demo) stands in for several sites: there a feed is a
    site. Exactly localhost and loopback addresses — a real host that merely starts like one
    («127.net», «localhost.example.org») is one site whatever its feeds (review RB)."""
    for local in ("http://127.0.0.1:8080/a", "http://localhost:9/x", "http://[::1]:8080/a"):
        assert site_of(local, 5) != site_of(local, 6), local
    for real in ("http://127.net/a", "http://localhost.example.org/a", "https://www.bbc.com/a"):
        assert site_of(real, 5) == site_of(real, 6) == site_of(real), real


def test_related_links_say_their_date_in_the_readers_zone_and_story_links_their_site(
        database: Database) -> None:
    """R9: «موسكو ترد على لندن بطرد دبلوماسيين» (15 Mar, a threat) read like the 17 Mar
    expulsion itself: links carried no date and no source."""
    from datetime import timezone

    from digests.digest import load_digest

    own, bbc = add_source(database, "فرانس 24"), add_source(database, "بي بي سي")
    a = add_article(database, own, "موسكو تطرد 23 دبلوماسيا بريطانيا", story_id=30)
    b = add_article(database, bbc, "روسيا تطرد 23 دبلوماسيا بريطانيا", story_id=30)
    threat = RelatedItem("موسكو ترد على لندن بطرد دبلوماسيين", "https://old.test/threat",
                         NOW.replace(month=3, day=14, hour=22, minute=30), "archive")
    links = [threat, RelatedItem(b.title, b.url, NOW, "story")]
    with database.transaction() as tx:
        tx.execute("update articles set digest_related_json = ?, digested_at = ? where id = ?",
                   [related_to_json(links), NOW.isoformat(), a.id])
    digest = load_digest(database.db, a.id)
    assert digest is not None
    riyadh = NOW.astimezone(timezone(timedelta(hours=3)))
    [live] = live_related(database.db, [digest])
    text = "\n".join(render_digest_messages(live, "ar", riyadh))
    threat_line = next(line for line in text.splitlines() if "ترد على لندن" in line)
    assert "١٥ مارس" in threat_line  # 22:30 UTC on 14 Mar is the 15th in UTC+3
    story_line = next(line for line in text.splitlines() if "روسيا تطرد" in line)
    assert "بي بي سي" in story_line and "٢٩ نوفمبر" in story_line
    english = "\n".join(render_digest_messages(live, "en", riyadh))
    assert "15 Mar" in english
