"""X90 (QA61-5): a pasted paragraph holding «مساء اليوم» (the news's own «this evening») was cut
to today's stories («🗓 أخبار اليوم (…) فقط.»), and a post pasted after midnight would find
nothing «يوم …». A day word counts as asked only in a question of at most
digests.day_words.DAY_QUESTION_WORDS words; «سوريا امبارح» and «ايه اللي حصل امبارح في مصر» keep
their day. Pure, then the real bot (sample archive)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import READER, running_bot, sample_db
from test_search import load

from digests.day_words import asked_day
from digests.models import iso
from digests.processing import StoreContext
from digests.search_index import index_article
from digests.settings import Settings
from digests.storage import Database

PASTED = ("انفجار قوي يهز مرفأ بيروت ويوقع عشرات الجرحى والسلطات اللبنانية تفتح تحقيقا عاجلا في"
          " أسباب الحادث الذي وقع مساء اليوم في العاصمة اللبنانية بيروت بحسب ما أعلنه وزير الصحة")


def test_a_pasted_paragraph_asks_no_day() -> None:
    assert asked_day(PASTED) is None
    assert asked_day("ايه اللي حصل امبارح في مصر") == 1 and asked_day("مصر اليوم") == 0


def _yesterdays_story(path: Path) -> None:
    """The port explosion, published two days ago by the real clock (the bot's): a post
    forwarded later, whose «مساء اليوم» is not the reader's today."""
    now = datetime.now(UTC)
    db = Database(path)
    url = "https://example.test/a/port"
    with db.transaction() as conn:
        conn.execute(
            "insert into articles (source_id, url, url_key, content_hash, title, published_at,"
            " body, fetched_at, updated_at) values ((select min(id) from sources),?,?,?,?,?,?,?,?)",
            [url, url, "hport", "انفجار قوي يهز مرفأ بيروت ويوقع عشرات الجرحى",
             iso(now - timedelta(days=2)), PASTED, iso(now), iso(now)])
        article_id = conn.execute("select id from articles where url = ?", [url]).fetchone()[0]
        index_article(conn, load(conn, article_id), StoreContext(now=now, settings=Settings()))
    db.db.close()


async def test_the_bot_does_not_cut_a_pasted_paragraph_to_today(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _yesterdays_story(path)
    async with running_bot(path) as h:
        got = await h.say(READER, PASTED)
        text = "\n".join(m.plain_text for m in got)
        assert "🗓" not in text and " يوم " not in text and "مرفأ بيروت" in text, text
