"""QA77-3 (session 26): after a stopped night, a source's first failure was told «يتعثر: آخر جلب
ناجح له منذ يوم», and its recovery «بعد عطل بدأ منذ يوم». The last success is still said (the
alert's threshold counts from it, as README's table says); when nothing was polled between it and
the first failed poll, the notice adds when that poll was, and the recovery counts from it.
Real SQLite: the sources and polls rows a poll writes; the notice's words (bot.source_alerts).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.source_alerts import back_text, down_text, failing
from digests.models import iso
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

T0 = datetime(2026, 12, 3, 15, 1, tzinfo=UTC)  # the first poll after a stopped night


def _failing_source(database: Database, settings: Settings, last_success: datetime,
                    polls: list[datetime]) -> None:
    add_source(database, "http://127.0.0.1:9/feed.xml", settings=settings,
               now=last_success - timedelta(days=2), name="وكالة متقطعة")
    with database.transaction() as tx:
        tx.execute("update sources set last_success_at = ?, consecutive_failures = 2",
                   [iso(last_success)])
        for when in polls:
            tx.execute("insert into polls (started_at) values (?)", [iso(when)])


def test_a_failure_first_seen_after_a_stopped_night_is_not_a_day_old(
        database: Database, settings: Settings) -> None:
    last = T0 - timedelta(days=1)
    _failing_source(database, settings, last, [last, T0, T0 + timedelta(minutes=6)])
    [down] = failing(database)
    assert down.since == last and down.began == T0 and down.unpolled
    now = T0 + timedelta(minutes=12)
    arabic = down_text(down, now, "ar")
    assert "آخر جلب ناجح له منذ يوم" in arabic  # still said: the threshold counts from it
    # before: nothing said when the outage began, and the recovery said «منذ يوم»
    assert "أول محاولة فاشلة منذ ١٢ دقيقة، ولم يُجلب قبلها منذ آخر نجاح" in arabic, arabic
    assert "The first failed poll was 12 minutes ago" in down_text(down, now, "en")
    assert "بعد عطل بدأ منذ ١٢ دقيقة" in back_text(down.source, down.began, now, "ar")


def test_a_source_polled_all_along_says_nothing_more(database: Database,
                                                     settings: Settings) -> None:
    last = T0 - timedelta(hours=7)
    polls = [last + timedelta(minutes=15 * i) for i in range(29)]
    _failing_source(database, settings, last, polls)
    [down] = failing(database)
    assert down.began == last + timedelta(minutes=15) and not down.unpolled
    assert "أول محاولة فاشلة" not in down_text(down, T0, "ar")
