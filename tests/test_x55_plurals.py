"""X55 item 1 (X49's left): a noun's other number (digests.plurals) found only in a body ranks
after the number typed — «أسعار النفط» listed a budget report whose body says «سعر النفط»
above the oil-price headlines, by date; a headline in the other number stays about the topic.
On a real SQLite archive, the real search and the real bot."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot
from test_search import NOW, add

from bot.runtime import RUNTIME_KEY
from digests.search import search
from digests.storage import Database

TYPED = "ارتفاع أسعار النفط في آسيا"
OTHER_HEAD = "سعر النفط يقفز فوق 70 دولارا"
BODY_ONLY = "موازنة مصر الجديدة للعام المقبل"
BODY = ("تفترض الموازنة سعر النفط عند 67 دولارا. ويرى خبراء أن سعر النفط قد يرتفع، وأن"
        " سعر النفط يحدد العجز.")  # three mentions: about the topic by its body


def _archive(db: Database) -> None:
    add(db, 901, TYPED, "ارتفعت أسعار النفط.", days_ago=0.6, story_id=91)
    add(db, 902, OTHER_HEAD, "قفز سعر النفط.", days_ago=0.4, story_id=92)
    add(db, 903, BODY_ONLY, BODY, days_ago=0.1, story_id=93)  # the newest


def test_the_typed_number_ranks_before_a_body_in_the_other(database: Database) -> None:
    _archive(database)
    hits = search(database.db, "أسعار النفط", limit=5, now=NOW, fold_stories=True).hits
    assert [h.digest.article_id for h in hits] == [902, 901, 903]
    # the other way round: «سعر النفط» typed, the budget's body holds it: about it, the newest
    hits = search(database.db, "سعر النفط", limit=5, now=NOW, fold_stories=True).hits
    assert [h.digest.article_id for h in hits] == [903, 902, 901]


async def test_the_bot_lists_the_body_in_the_other_number_last(database: Database) -> None:
    _archive(database)
    path = Path(database.db.execute("pragma database_list").fetchone()[2])
    async with running_bot(path) as h:
        h.app.bot_data[RUNTIME_KEY].clock = lambda: NOW  # the archive's day, not a past topic
        [answer] = await h.say(READER, "أسعار النفط")
        text = answer.plain_text
        assert text.index(OTHER_HEAD) < text.index(TYPED) < text.index(BODY_ONLY)
