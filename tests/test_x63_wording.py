"""QA40 N8's wording: a removed source added again is fetched now, not «for the first time»; a
source whose last poll alone failed is «أخفق مرة» in /stats, not «متوقفة» (a source failing
poll after poll still is); /ingest does not count a source removed while it ran.

Real PTB on the emulator, real SQLite, feeds from a local site (digests.samplesite).
"""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from bot.app import poll_job
from bot.runtime import RUNTIME_KEY
from bot.source_notes import polling
from digests import sources
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite


def _bare(text: str) -> str:
    return re.sub("[\u200e\u200f\u2066-\u2069]", "", text)


async def test_a_resumed_source_is_not_fetched_for_the_first_time(tmp_path: Path) -> None:
    with SampleSite() as site:
        async with running_bot(sample_db(tmp_path)) as h:
            h.app.job_queue.run_repeating(poll_job, interval=3600, first=3600,
                                          name="poll-sources")
            [listed] = [s for s in sources.list_sources(h.db) if s.url == site.feed_url("main")] \
                or [sources.add_source(h.db, site.feed_url("main"), settings=h.settings,
                                       now=datetime.now(UTC))]
            await poll_once(h.db, h.settings, now=datetime.now(UTC), only_due=False)
            sources.remove_source(h.db, listed.id)
            [m] = await h.say(ADMIN, f"/addsource {site.feed_url('main')}")
            text = _bare(m.plain_text)
            assert "أُعيد تفعيل المصدر" in text, text
            assert text.split("\n")[-1] == "⏳ يُجلب الآن؛ حالته في /sources", text
            # a new one still is fetched for the first time — once the poll the first
            # /addsource started has ended: under load it still ran, and the answer was rightly
            # «⏳ جلبٌ جارٍ الآن بدونه» (QA44 T9); the state read is waited for, not a time
            rt = h.app.bot_data[RUNTIME_KEY]
            await h.until(lambda: not polling(rt), timeout=60)
            [n] = await h.say(ADMIN, f"/addsource {site.feed_url('world')}")
            assert _bare(n.plain_text).split("\n")[-1] == "⏳ يُجلب الآن لأول مرة؛ حالته في /sources"


async def test_stats_tells_a_single_failure_from_a_stopped_source(tmp_path: Path) -> None:
    with SampleSite() as site:
        once = site.add_route("/once.xml", Response(status=503))
        often = site.add_route("/often.xml", Response(status=503))
        async with running_bot(tmp_path / "n.db", fetch_pages=False) as h:
            now = datetime.now(UTC)
            sources.add_source(h.db, once, settings=h.settings, now=now, name="مرة",
                               require_dns=False)
            sources.add_source(h.db, often, settings=h.settings, now=now, name="كثيرًا",
                               require_dns=False)
            await poll_once(h.db, h.settings, now=now, only_due=False)
            [stats] = await h.say(ADMIN, "/stats")
            text = _bare(stats.plain_text)
            # was: «⚠️ ٢ مصادر متوقفة: مرة، كثيرًا» after one failure each
            assert "متوقف" not in text, text
            assert "مصادر أخفق جلبها الأخير مرة واحدة (٢): مرة، كثيرًا" in text, text
            h.db.db.execute("update sources set consecutive_failures = 4 where name = 'كثيرًا'")
            [stats] = await h.say(ADMIN, "/stats")
            text = _bare(stats.plain_text)
            # «يتعثر», not «متوقف» (/sources' word for a paused source; X86, QA58-9)
            assert "متوقف" not in text, text
            assert "مصدر واحد يتعثر (فشل جلبه مرتين متتاليتين أو أكثر، ويُعاد تلقائيًا): كثيرًا" \
                in text, text
            assert "مصدر أخفق جلبه الأخير مرة واحدة: مرة" in text, text
            [en] = await h.say(ADMIN, "/stats", language_code="en")
            text = _bare(en.plain_text)
            assert "متوقف" not in text, text


async def test_ingest_does_not_count_a_source_removed_while_it_ran(tmp_path: Path) -> None:
    with SampleSite() as site:
        slow = site.add_route("/slow.xml", Response(body=b"<rss/>", delay=2.0,
                                                    content_type="application/rss+xml"))
        async with running_bot(sample_db(tmp_path)) as h:
            for s in sources.list_sources(h.db):  # the template's site is gone: not these
                sources.remove_source(h.db, s.id)
            sources.add_source(h.db, site.feed_url("main"), settings=h.settings,
                               now=datetime.now(UTC), require_dns=False)
            added = sources.add_source(h.db, slow, settings=h.settings,
                                       now=datetime.now(UTC) - timedelta(minutes=1),
                                       require_dns=False, name="بطيء")
            [started] = await h.say(ADMIN, "/ingest")
            assert "بدأ جلب الأخبار" in started.plain_text
            await asyncio.sleep(0.5)  # the poll is waiting for the slow feed
            await h.say(ADMIN, f"/removesource {added.id}")
            await h.until(lambda: "المصادر" in h.emu.messages(ADMIN)[-1].plain_text
                          and "بدأ" not in h.emu.messages(ADMIN)[-1].plain_text, 20)
            done = _bare(h.emu.messages(ADMIN)[-1].plain_text)
            # was: every source polled counted, the paused one too (and named if it failed)
            assert done.startswith("✅ انتهى الجلب — المصادر: ١،"), done
            assert "بطيء" not in done, done
