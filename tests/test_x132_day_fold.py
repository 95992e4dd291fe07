"""X132 (QA76-19): a topic asked with a day lists that day's reports, folded among themselves.

X124's event fold ran on the whole pool before bot.day_search kept the day's entries: one event
whose two reports fall either side of midnight was one entry shown by the later report, so the
earlier day's question dropped it, report and fold line together, and the bot said the topic had
no news that day («السيسي ٢٩/٣/٢٠١٨»). The invented archive of test_x124_search_events (real
SQLite, stored story vectors), its two hospital reports now 23:00 and 01:00 in Riyadh (the
reader's default zone, UTC+3)."""

from __future__ import annotations

from datetime import date, timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot
from test_search import NOW
from test_x124_search_events import HOSPITAL, PARIS, TWEET, WARD, _report

from bot.day_search import day_page
from bot.runtime import RUNTIME_KEY
from digests.search import search
from digests.storage import Database

DAY_BEFORE, DAY = date(2018, 3, 24), date(2018, 3, 25)  # NOW is 25 March 2018, 12:00 UTC
RIYADH = timezone(timedelta(hours=3))  # midnight is 21:00 UTC, NOW - 15 h


def _across_midnight(db: Database) -> None:
    _report(db, 1, HOSPITAL, 16.0, 11, "BBC")  # 24 March 23:00 Riyadh
    _report(db, 2, TWEET, 14.0, 12, "CNN")  # 25 March 01:00 Riyadh
    _report(db, 3, PARIS, 17.0, 13, "RT")  # 24 March
    _report(db, 4, WARD, 13.0, 14, "SKY")  # 25 March


def test_the_pair_is_one_event_on_an_undated_page(database: Database) -> None:
    _across_midnight(database)
    hits = search(database.db, "نتنياهو", limit=10, now=NOW, fold_stories=True).hits
    assert len(hits) == 3 and any(h.also for h in hits)  # the premise: folded


def test_each_day_lists_its_own_report_of_the_event(database: Database) -> None:
    _across_midnight(database)
    for day, own, other in ((DAY_BEFORE, 1, 2), (DAY, 2, 1)):
        page = day_page(database, "نتنياهو", day, RIYADH, offset=0, limit=10, now=NOW)
        assert page is not None, day  # before: None for one of the two days
        shown = [d.article_id for d in page.digests]
        assert own in shown and other not in shown, (day, shown)
        assert page.total == 2
        # the other day's report is never the entry, nor folded under the day's
        assert all(not d.same_event for d in page.digests), (day, page.digests)


async def test_the_bot_answers_the_day_with_its_report(database: Database) -> None:
    _across_midnight(database)
    path = Path(database.db.execute("pragma database_list").fetchone()[2])
    async with running_bot(path) as h:
        h.app.bot_data[RUNTIME_KEY].clock = lambda: NOW + timedelta(days=3)
        for asked, title in (("نتنياهو ٢٤/٣/٢٠١٨", HOSPITAL[0]), ("نتنياهو 25/3/2018", TWEET[0])):
            [answer] = await h.say(READER, asked)
            text = answer.plain_text
            assert "لم أجد" not in text and title in text, (asked, text)
