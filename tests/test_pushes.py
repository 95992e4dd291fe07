"""bot.pushes end to end: the real PTB Application against the emulator, on the sample archive."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import subscriptions
from digests.archive import get_article
from digests.models import iso
from digests.processing import StoreContext
from digests.search_index import index_article
from digests.settings import Settings
from digests.storage import Database

LONG = ("اجتمع مجلس الأمن الدولي مساء الخميس في نيويورك لبحث مشروع قرار يطالب بوقف إطلاق النار"
        " ثلاثين يوما للسماح بإدخال المساعدات الإنسانية وإجلاء الجرحى والمرضى.")


def _add(db: Database, n: int, title: str, body: str, hours_ago: float) -> int:
    """An article of its own story, stored and indexed as the ingest would."""
    now = datetime.now(UTC)
    with db.transaction() as tx:
        source = tx.execute("select id from sources order by id limit 1").fetchone()[0]
        story = int(tx.execute("insert into stories (created_at, headline) values (?, ?)",
                               [iso(now), title]).lastrowid or 0)
        url = f"https://push.example/a/{n}"
        aid = int(tx.execute(
            "insert into articles (source_id, url, url_key, content_hash, title, body,"
            " published_at, fetched_at, updated_at, story_id, headline)"
            " values (?,?,?,?,?,?,?,?,?,?,?)",
            [source, url, url, f"push{n}", title, body, iso(now - timedelta(hours=hours_ago)),
             iso(now), iso(now), story, title]).lastrowid or 0)
        article = get_article(tx, aid)
        assert article is not None
        index_article(tx, article, StoreContext(now=now, settings=Settings()))
    return story


async def test_a_topic_push_sends_the_fresh_story_five_sent_ones_hid(tmp_path: Path) -> None:
    """QA18 R14: /push ترامب answered «أُرسلت هذه الأخبار … من قبل» while a fresh Trump story,
    sent to nobody, was the search's 12th: the first five, all sent, filled the push."""
    path = sample_db(tmp_path)
    with Database(path) as db:
        now = datetime.now(UTC)
        subscriptions.upsert_chat(db, READER, now=now)
        subscriptions.subscribe(db, READER, "الغوطة", now=now)
        sent = [_add(db, n, f"الغوطة: تطور رقم {n} في الغوطة", LONG, 2 + n) for n in range(5)]
        _add(db, 9, "استطلاع جديد عن الهدنة", "قال سكان الغوطة إن القصف توقف. " + LONG
             + " وأضافوا أن الغوطة تنتظر المساعدات.", 1)
        with db.transaction() as tx:
            for story in sent:
                tx.execute("insert into outbox (chat_id, story_id, kind, created_at, status)"
                           " values (?, ?, 'instant', ?, 'sent')", [READER, story, iso(now)])
    async with running_bot(path) as h:
        [queued] = await h.say(ADMIN, "/push الغوطة")
        assert "أُرسلت هذه الأخبار" not in queued.plain_text, queued.plain_text
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        got = h.emu.messages(READER)[-1].plain_text
        assert "استطلاع جديد عن الهدنة" in got
        assert "تطور رقم" not in got  # nothing it had already
