"""X58 (QA40 N3): a clock that ran ahead and was set back left every source's next poll hours
away, and scheduled polls fetched nothing for as long as the jump. A source last polled «later»
than now is due now: the real pipeline polls it through the real fetcher against a local site,
and /stats (the real bot) says why while such sources wait."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from digests import sources
from digests.models import iso
from digests.pipeline import poll_once
from digests.samplesite import SampleSite
from digests.settings import Settings
from digests.storage import Database


def _schedule_ahead(db: Database, now: datetime, hours: float) -> None:
    """What a poll by a clock `hours` ahead stored: polled then, next poll a minute after."""
    ahead = now + timedelta(hours=hours)
    db.db.execute("update sources set last_polled_at = ?, last_success_at = ?,"
                  " next_poll_at = ? where active = 1",
                  [iso(ahead), iso(ahead), iso(ahead + timedelta(minutes=1))])
    db.conn.commit()


async def test_sources_scheduled_by_a_clock_ahead_are_polled_now(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    with SampleSite() as site:
        settings = Settings(database_path=tmp_path / "n.db", allow_private_sources=True,
                            fetch_timeout_seconds=5.0, poll_interval_minutes=1)
        with Database(settings.database_path) as db:
            for url in site.feed_urls:
                sources.add_source(db, url, settings=settings, now=now)
            first = await poll_once(db, settings, now=now, only_due=True)
            assert len(first.reports) == 3
            _schedule_ahead(db, now, 3)  # the clock read 3 h later, then was set back
            later = now + timedelta(minutes=2)
            summary = await poll_once(db, settings, now=later, only_due=True)
            assert len(summary.reports) == 3, summary  # before: 0 for 3 hours
            # polled by the right clock: scheduled as usual again
            assert all(s.next_poll_at is not None and s.next_poll_at <= later
                       + timedelta(minutes=6) for s in sources.list_sources(db))
            assert len((await poll_once(db, settings, now=later, only_due=True)).reports) == 0
            # a clock set back by less than the slack is not a jump: not due early
            _schedule_ahead(db, later, 1 / 60)
            assert sources.due_sources(db, later) == []


async def test_stats_says_the_clock_was_set_back_and_the_sources_wait(tmp_path: Path) -> None:
    db_path = sample_db(tmp_path)
    with Database(db_path) as db:
        _schedule_ahead(db, datetime.now(UTC), 3)
        count = len(sources.list_sources(db))
    async with running_bot(db_path, admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
        [ar] = await h.say(ADMIN, "/stats")
        text = ar.plain_text.replace("\u200f", "")
        assert "أُرجعت ساعة الخادم" in text and "فتُجلب في الجلب المجدول التالي" in text, text
        assert f"{count} من المصادر".translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")) \
            in text, text
        [en] = await h.say(ADMIN + 1, "/stats", language_code="en")
        # X102 (QA66-3): in hours past an hour (was «set back 178 min»)
        assert "The server clock was set back 2 h" in en.plain_text, en.plain_text
        # once polled by the right clock the line goes
        await poll_once(h.db, h.settings, now=datetime.now(UTC), only_due=True)
        [after] = await h.say(ADMIN, "/stats")
        assert "أُرجعت ساعة الخادم" not in after.plain_text.replace("\u200f", "")
