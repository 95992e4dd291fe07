"""X84 (3): «عمان» is the city Amman and the country Oman. «/zone عمان» offers both (X81), «/zone
مسقط» is Oman's; «/zone سلطنة عمان», the country's full name, was refused («لم أعرف»). A topic
search «عمان» finds the reports of both (the words are one without harakat): none is dropped
for the other meaning. The real bot against the emulator, and the real index."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, BotHarness, running_bot, sample_db
from test_search import NOW, add, ids

from bot.texts_zones import ZONE_LABELS
from digests.search import search
from digests.storage import Database
from digests.zone_words import typed_zones

BODY = " ".join(["وقال مراقبون إن التطورات تتسارع في المنطقة هذا الأسبوع."] * 8)


def _zone(h: BotHarness) -> str | None:
    row = h.db.db.execute("select time_zone from chats where id = ?", [READER]).fetchone()
    return row[0] if row else None


def test_oman_by_its_full_name() -> None:
    for typed in ("سلطنة عمان", "سلطنة عُمان", "سلطنه عمان", "مسقط", "صلالة"):
        assert typed_zones(typed, ZONE_LABELS) == ("Asia/Muscat",), typed
    assert typed_zones("عمان", ZONE_LABELS) == ("Asia/Amman", "Asia/Muscat")
    assert typed_zones("الشام", ZONE_LABELS) == ("Asia/Damascus",)


async def test_zone_sultanate_of_oman(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [said] = await h.say(READER, "/zone سلطنة عمان")
        assert "لم أعرف" not in said.plain_text and "عُمان" in said.plain_text, said.plain_text
        assert _zone(h) == "Asia/Muscat"


def test_a_search_for_oman_or_amman_finds_both(database: Database) -> None:
    add(database, 1, "سلطنة عمان تستضيف محادثات",
        "قال وزير خارجية سلطنة عمان في مسقط إن المحادثات بدأت. " + BODY, days_ago=0.1)
    add(database, 2, "مظاهرة في عمان",
        "تظاهر مئات في العاصمة الأردنية عمان احتجاجا على الأسعار. " + BODY, days_ago=0.2)
    add(database, 3, "السلطان يستقبل وفدا", "استقبل السلطان في مسقط وفدا. " + BODY, days_ago=0.3)
    assert sorted(ids(search(database.db, "عمان", now=NOW))) == [1, 2]
    assert ids(search(database.db, "سلطنة عمان", now=NOW)) == [1]
