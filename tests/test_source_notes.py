"""QA20 O4, O5, O10: what /addsource and /sources say about fetching. A new source is fetched at
once when the bot polls on a schedule (or the answer says when), /sources names the next poll,
a source whose article pages are refused (over the page cap) says so, and an English line keeps
a name holding « — » as one right-to-left unit. Real PTB, emulator, local sites, SQLite."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db
from test_welcome import displayed

from bot.app import poll_job
from digests import sources
from digests.samplesite import Response, SampleSite


def _bare(text: str) -> str:
    return re.sub("[\u200e\u200f\u2066-\u2069]", "", text)


def _feed(title: str, link: str) -> Response:
    now = format_datetime(datetime.now(UTC))
    body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>{link}</link><description>d</description>"
            f"<item><title>انفجار في ميناء المدينة وإصابة عشرة أشخاص</title><link>{link}</link>"
            f"<guid>{link}</guid><pubDate>{now}</pubDate>"
            f"<description>قال مسؤول إن الانفجار وقع صباح اليوم.</description></item>"
            f"</channel></rss>")
    return Response(body=body.encode(), content_type="application/rss+xml; charset=utf-8")


async def test_a_new_source_is_fetched_at_once_and_sources_names_the_next_poll(
        tmp_path: Path) -> None:
    with SampleSite() as site:
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            # the scheduled poll, as bot.app starts it when it polls sources (an hour away)
            h.app.job_queue.run_repeating(poll_job, interval=3600, first=3600,
                                          name="poll-sources")
            [m] = await h.say(ADMIN, f"/addsource {site.feed_url('main')}")
            assert _bare(m.plain_text).split("\n")[-1] == "⏳ يُجلب الآن لأول مرة؛ حالته في /sources"
            [new] = [s for s in sources.list_sources(h.db) if s.url == site.feed_url("main")]
            await h.until(lambda: sources.get_source(h.db, new.id).last_success_at, 20)
            [listing] = await h.say(ADMIN, "/sources")
            text = _bare(listing.plain_text)
            assert "الجلب التالي: خلال " in text and " دقيقة" in text, text
            assert "آخر نجاح" in text
            [en] = await h.say(ADMIN + 1, "/sources", language_code="en")
            assert "Next poll: within " in _bare(en.plain_text), en.plain_text


async def test_a_source_added_while_a_poll_runs_is_told_when(tmp_path: Path) -> None:
    """A poll is running (a slow feed holds it): the new source is not in it, and the answer
    says so, with the next poll and /ingest; a second /ingest then says the same."""
    with SampleSite() as site:
        slow = site.add_route("/slow.xml", Response(body=b"<rss/>", delay=3.0,
                                                    content_type="application/rss+xml"))
        async with running_bot(sample_db(tmp_path)) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            sources.add_source(h.db, slow, settings=h.settings,
                               now=datetime.now(UTC) - timedelta(minutes=1), require_dns=False)
            h.app.job_queue.run_repeating(poll_job, interval=600, first=600,
                                          name="poll-sources")
            [started] = await h.say(ADMIN, "/ingest")
            assert "بدأ جلب الأخبار" in started.plain_text
            [m] = await h.say(ADMIN, f"/addsource {site.feed_url('world')}")
            last = _bare(m.plain_text).split("\n")[-1]
            assert last.startswith("⏳ جلبٌ جارٍ الآن بدونه: سيُجلب في الجلب التالي (خلال "), last
            assert "أرسل /ingest بعد انتهاء الجاري" in last
            [busy] = await h.say(ADMIN, "/ingest")
            text = _bare(busy.plain_text)
            assert "الجلب جارٍ بالفعل." in text
            assert "المصادر التي لم تُجلب بعد (١) ليست في الجلب الجاري" in text, text


async def test_sources_says_when_a_sources_pages_are_over_the_cap(tmp_path: Path) -> None:
    """A healthy feed whose article page is over the page cap: the story is stored from the
    feed alone, and /sources says so under the source, with the reason, in the admin's
    language."""
    with SampleSite() as site:
        big = site.url("/news/big.html")
        site.add_route("/news/big.html", Response(body=b"<html><body>" + b"x" * 300_000
                                                  + b"</body></html>"))
        feed = site.add_route("/big.xml", _feed("خلاصة بصفحة ضخمة", big))
        async with running_bot(sample_db(tmp_path), max_body_bytes=200_000,
                               admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            await h.say(ADMIN, f"/addsource {feed}")
            await h.say(ADMIN, "/ingest")
            await h.until(lambda: "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text, 30)
            [listing] = await h.say(ADMIN, "/sources")
            text = _bare(listing.plain_text)
            assert "✅ آخر نجاح" in text, text
            assert ("⚠️ صفحات أخباره لا تُجلب (١ من ١ في ٢٤ ساعة)، فأخباره بلا مقدمة ولا "
                    "اقتباسات: حجم الاستجابة يتجاوز الحد") in text, text
            assert "big.html" not in text  # the article's link is not listed
            [en] = await h.say(ADMIN + 1, "/sources", language_code="en")
            assert ("⚠️ Its article pages are not fetched (1 of 1 in 24 h), so its stories have "
                    "no lead and no quotes: response body over the") in _bare(en.plain_text)


async def test_an_english_source_line_keeps_a_name_with_a_dash_whole(tmp_path: Path) -> None:
    """QA20 O10: «نشرة الشرق — الأخبار الرئيسية» in an English /sources line is laid out as one
    right-to-left unit (as the Arabic list shows it), not two runs left to right."""
    with SampleSite() as site:
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            await h.say(ADMIN, f"/addsource {site.feed_url('main')}")
            [en] = await h.say(ADMIN + 1, "/sources", language_code="en")
    name = "نشرة الشرق — الأخبار الرئيسية"
    [line] = [x for x in en.text.split("\n") if "الشرق" in x and "not polled yet" in x]
    shown = displayed(line)[0]
    whole = displayed("\u200f" + name)[0]  # the name alone, laid out right to left
    assert whole in shown, (shown, whole)
    assert shown.index(whole) < shown.index("not polled yet")
