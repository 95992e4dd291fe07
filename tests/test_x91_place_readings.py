"""X91 (session 23): the search index read «وجدة» (Oujda) as «جدة» (Jeddah) and «عمّان» (Amman)
as «عمان», Oman's spelling: a search for «وجدة» listed Jeddah's stories, «جدة» Oujda's, «عمّان»
Oman's. X90 fixed what the bot says (headers, follows, Amman's alerts) but not the keys.
digests.search_places reads the word by what is written around it, for the index, the query and
alerts alike; migration 048 keys the stored articles and followed topics again. Over a real
SQLite file (search, the migration), then the real bot against the Telegram emulator."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from delivery_helpers import add_article
from searchkit import archive, found, older_keys

from digests.search import topic_key
from digests.search_readings import m048_place_readings
from digests.storage import Database
from digests.topic_match import alert_matches

ARTICLES = {
    "oujda": ("مهرجان وجدة للموسيقى يفتتح دورته الجديدة",
              "افتتح في مدينة وجدة المغربية مهرجان الموسيقى بحضور فنانين من المغرب والجزائر."),
    "jeddah": ("أمطار غزيرة تغرق شوارع جدة",
               "شهدت مدينة جدة السعودية أمطارا غزيرة أغرقت شوارعها الرئيسية."),
    "jeddah_list": ("مطربة تحيي حفلتين في الرياض",
                    "تحيي المطربة حفلتين بالرياض وجدة الشهر المقبل ضمن موسم السعودية."),
    "amman": ("وزير الخارجية الأردني يستقبل نظيره العراقي في عمان",
              "استقبل وزير الخارجية الأردني في عمان اليوم نظيره العراقي وبحثا العلاقات."),
    "oman": ("سلطنة عمان ترحب باتفاق وقف إطلاق النار في اليمن",
             "رحبت سلطنة عمان اليوم باتفاق وقف إطلاق النار، وقالت وزارة الخارجية في مسقط إنه"
             " خطوة مهمة."),
    "either": ("عمان تستضيف مؤتمرا للطاقة", "تستضيف عمان مؤتمرا للطاقة المتجددة الشهر المقبل."),
}




@pytest.mark.parametrize(("query", "wanted"), [
    ("وجدة", {"oujda"}),
    ("اخبار وجدة", {"oujda"}),
    ("جدة", {"jeddah", "jeddah_list"}),
    ("عمّان", {"amman", "either"}),
    ("عَمّان", {"amman", "either"}),
    ("عُمان", {"oman", "either"}),
    ("سلطنة عمان", {"oman"}),
    ("عمان", {"amman", "oman", "either"}),  # unmarked: both, as before
])
def test_the_search_reads_the_places_apart(tmp_path: Path, query: str, wanted: set[str]) -> None:
    with Database(tmp_path / "n.db") as db:
        names = archive(db, ARTICLES)
        assert found(db, names, query) == wanted, query


def test_the_migration_keys_the_archive_and_the_follows_again(tmp_path: Path) -> None:
    with Database(tmp_path / "n.db") as db:
        names = archive(db, ARTICLES)
        older_keys(db, names, ARTICLES, "وجدة", "جده")  # the keys and follow an older version wrote
        assert found(db, names, "وجدة") == set()  # the old keys: Oujda is «جده»
        with db.transaction() as tx:
            m048_place_readings(tx)
        assert found(db, names, "وجدة") == {"oujda"}
        assert found(db, names, "جدة") == {"jeddah", "jeddah_list"}
        [row] = db.db.execute("select topic_key from subscriptions").fetchall()
        assert row[0] == topic_key("وجدة") != "جده"


def test_an_oujda_follower_is_alerted_oujda_not_jeddah(tmp_path: Path) -> None:
    with Database(tmp_path / "n.db") as db:
        names = archive(db, ARTICLES)
        articles = {name: add_article(db, 1, *ARTICLES[name][:1], body=ARTICLES[name][1])
                    for name in names.values()}
    assert alert_matches("وجدة", articles["oujda"])
    assert not alert_matches("وجدة", articles["jeddah"])
    assert not alert_matches("جدة", articles["oujda"])
    assert alert_matches("جدة", articles["jeddah"])


async def test_the_bot_lists_oujda_for_oujda(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as db:
        archive(db, ARTICLES)
    async with running_bot(path) as h:
        got = "\n".join(m.plain_text for m in await h.say(READER, "وجدة"))
        assert "مهرجان وجدة" in got and "شوارع جدة" not in got and "الرياض" not in got, got
        got = "\n".join(m.plain_text for m in await h.say(READER, "عمّان"))
        assert "نظيره العراقي" in got and "سلطنة عمان" not in got, got
