"""QA56-4: HTML tags in a feed's title or in a /renamesource name became the source's visible
name («✅ أُضيف المصدر ٤: <b>وكالة الشر</b> <a href="x">», «✏️ … now named: <b>BBC</b> CBB»),
shown under every story of it (escaped, so as text). Tags are left out of a name, as search
leaves them out of a topic. The real bot against the emulator, the sample site on 127.0.0.1,
a real SQLite file and a real poll."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import sources
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

TAGGED = "&lt;b&gt;وكالة الشر&lt;/b&gt; &lt;a href='x'&gt;"


def _feed(site: SampleSite) -> bytes:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f'<title>{TAGGED}</title><item><title>خبر</title>'
            f'<link>{site.url("/n/1.html")}</link></item></channel></rss>').encode()


async def test_addsource_and_renamesource_leave_the_tags_out(tmp_path: Path) -> None:
    with SampleSite(with_sample=False) as site:
        site.add_route("/tagged.xml", Response(body=_feed(site), content_type="application/rss+xml"))
        async with running_bot(sample_db(tmp_path)) as h:
            [added] = await h.say(ADMIN, f"/addsource {site.url('/tagged.xml')}", timeout=20)
            assert "وكالة الشر" in added.plain_text and "<" not in added.plain_text, \
                added.plain_text
            named = [s.name for s in sources.list_sources(h.db)]
            assert "وكالة الشر" in named, named
            first = sources.list_sources(h.db)[0]
            [renamed] = await h.say(ADMIN, f"/renamesource {first.id} <b>BBC</b> \u202eCBB")
            shown = renamed.plain_text.replace("\u200e", "")  # the answer's direction marks
            assert "BBC CBB" in shown and "<b>" not in shown, shown
            assert sources.get_source(h.db, first.id).name == "BBC CBB"  # type: ignore[union-attr]
            [empty] = await h.say(ADMIN, f"/renamesource {first.id} <b></b>")
            assert "الاسم فارغ" in empty.plain_text, empty.plain_text


async def test_a_poll_names_a_source_by_its_title_without_tags(
        database: Database, settings: Settings) -> None:
    with SampleSite(with_sample=False) as site:
        site.add_route("/tagged.xml", Response(body=_feed(site), content_type="application/rss+xml"))
        source = add_source(database, site.url("/tagged.xml"), settings=settings,
                            now=datetime(2018, 3, 12, tzinfo=UTC))
        await poll_once(database, settings, now=datetime(2018, 3, 12, tzinfo=UTC))
    assert sources.get_source(database, source.id).name == "وكالة الشر"  # type: ignore[union-attr]


async def test_a_source_named_with_tags_before_is_renamed_by_the_next_poll(
        database: Database, settings: Settings) -> None:
    """A source an older session named by the tagged title (nobody typed it) gets the title
    without tags at its next poll, as a misread title does (digests.source_check)."""
    when = datetime(2018, 3, 12, tzinfo=UTC)
    with SampleSite(with_sample=False) as site:
        site.add_route("/tagged.xml", Response(body=_feed(site), content_type="application/rss+xml"))
        source = add_source(database, site.url("/tagged.xml"), settings=settings, now=when,
                            name="x")
        with database.transaction() as tx:  # as session 19 stored it
            tx.execute("update sources set name = ? where id = ?",
                       ['<b>وكالة الشر</b> <a href="x">', source.id])
        await poll_once(database, settings, now=when)
    assert sources.get_source(database, source.id).name == "وكالة الشر"  # type: ignore[union-attr]
