"""X55 (QA39 S1): a past topic lists first the big stories whose HEADLINES name it, not a big
story of another event that names it in its body («عفرين» a week on: two Ghouta stories of 3–4
sources, Afrin three times in their bodies, above Afrin's own news) — on a real SQLite archive,
the real search and the real bot."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot
from test_search import NOW, add

from digests.search import search
from digests.storage import Database

GHOUTA = "عشرات القتلى في قصف على الغوطة الشرقية"
AFRIN = "القوات التركية تسيطر على مدينة عفرين"
BODY = "قالوا إن عفرين تشهد نزوحا. وفي عفرين قصف. وأهالي عفرين يفرون. والغوطة تحت القصف."


def _archive(db: Database) -> None:
    for n, source in enumerate(("BBC", "CNN", "RT")):  # the bigger, newer story: Ghouta
        add(db, 800 + n, f"{GHOUTA} رقم {n}", BODY, days_ago=8, story_id=80, source=source)
    for n, source in enumerate(("BBC", "CNN", "RT")):  # Afrin's own event, older
        add(db, 810 + n, f"{AFRIN} رقم {n}", "دخلت القوات التركية عفرين.", days_ago=12,
            story_id=81, source=source)
    for n in range(3):  # later single reports about Afrin
        add(db, 820 + n, f"نازحو عفرين بلا مأوى رقم {n}", "نزح أهالي عفرين.", days_ago=9 + n)


def test_a_past_topic_lifts_only_stories_about_it(database: Database) -> None:
    _archive(database)
    hits = search(database.db, "عفرين", limit=5, now=NOW, fold_stories=True).hits
    stories = [h.digest.story_id for h in hits]
    assert stories[0] == 81, [h.digest.headline for h in hits]
    assert 80 in stories and stories.index(80) > 0  # still found, no longer lifted first


async def test_the_bot_answers_a_past_topic_with_its_own_event_first(database: Database,
                                                                       tmp_path: Path) -> None:
    _archive(database)
    path = Path(database.db.execute("pragma database_list").fetchone()[2])
    async with running_bot(path) as h:  # the bot's clock is today's: March 2018 is past
        [answer] = await h.say(READER, "عفرين")
        text = answer.plain_text
        assert AFRIN in text and GHOUTA in text
        assert text.index(AFRIN) < text.index(GHOUTA)
