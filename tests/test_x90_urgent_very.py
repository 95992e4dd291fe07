"""X90 (QA61-2, check only): QA61 saw «عاجل جدا: استقالة الحكومة اللبنانية» shown everywhere as
«جدا: استقالة الحكومة اللبنانية». b1bf680 (review REV) keeps the label whole where it goes on
(«عاجل جدا»); this pins QA61's own headline, pure and through the real poller and a local feed
into a real SQLite file. Passes on b1bf680 (no fix here)."""

from __future__ import annotations

from digests.headline import clean_headline
from digests.settings import Settings
from digests.storage import Database
from test_x87_urgent_label import stored_headlines

TITLE = "عاجل جدا: استقالة الحكومة اللبنانية"


def _not_garbled(shown: str) -> bool:
    return shown in (TITLE, "استقالة الحكومة اللبنانية")


def test_very_urgent_is_not_cut_to_very() -> None:
    assert _not_garbled(clean_headline(TITLE)), clean_headline(TITLE)


async def test_a_feed_title_very_urgent_is_stored_whole(database: Database,
                                                        settings: Settings) -> None:
    headlines = await stored_headlines(
        database, settings, TITLE, "استقالة الحكومة اللبنانية",
        "قدم رئيس الحكومة اللبنانية استقالة حكومته اليوم إلى رئيس الجمهورية.")
    assert len(headlines) == 1 and _not_garbled(headlines[0]), headlines
