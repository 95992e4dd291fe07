"""QA50 E5: `/push TOPIC` sent a years-old archive report as «جديد» while the archive held the
day's news (the day's reports of the topic were already sent). A topic push looks where the
general push looks — reports published in the last RECENT_HOURS — and says so when the topic
has nothing that recent; only an archive holding nothing recent at all (the offline demo's
2018 sample) falls back on the latest stories, as the general push does.

Real PTB Application against the emulator, real SQLite (the sample site ingested by a real poll,
plus articles stored and indexed as ingest stores them).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db
from test_pushes import _add  # an article of its own story, stored and indexed as ingest does

from digests import subscriptions
from digests.push_queue import RECENT_HOURS
from digests.storage import Database

BODY = ("اجتمع وزراء الطاقة مساء الخميس في فيينا لبحث خفض الإنتاج وأسعار النفط في الأسواق"
        " العالمية، وقال مسؤول إن القرار سيصدر الأسبوع المقبل بعد مشاورات طويلة بين الدول.")
OLD_GHOUTA = "الغوطة"  # every Ghouta report of the sample site is from 2018


def _follow(path: Path) -> None:
    with Database(path) as db:
        now = datetime.now(UTC)
        subscriptions.upsert_chat(db, READER, now=now)
        subscriptions.subscribe(db, READER, OLD_GHOUTA, now=now)


async def test_a_topic_push_sends_no_old_report_when_the_archive_has_the_days_news(
        tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _follow(path)
    with Database(path) as db:  # the day's news, on another subject
        _add(db, 1, "أسعار النفط ترتفع بعد اجتماع فيينا", BODY, 2)
    async with running_bot(path) as h:
        before = len(h.emu.messages(READER))
        [answer] = await h.say(ADMIN, f"/push {OLD_GHOUTA}")
        assert f"لا أخبار عن «{OLD_GHOUTA}» نُشرت في آخر ٢٤ ساعة" in answer.plain_text, \
            answer.plain_text
        await h.settle()
        assert len(h.emu.messages(READER)) == before  # nothing «جديد» from 2018


async def test_a_topic_push_sends_the_days_report_and_not_the_old_ones(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _follow(path)
    with Database(path) as db:
        _add(db, 2, "قصف جديد على الغوطة الشرقية اليوم",
             "قال سكان في الغوطة إن القصف استمر الليلة. " + BODY, 3)
        _add(db, 3, "قصف على الغوطة قبل يومين", "قال سكان في الغوطة إن القصف استمر. " + BODY,
             RECENT_HOURS + 20)
    async with running_bot(path) as h:
        [answer] = await h.say(ADMIN, f"/push {OLD_GHOUTA}")
        assert "المحادثات: ١، الأخبار لكل محادثة: ١" in answer.plain_text, answer.plain_text
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        got = h.emu.messages(READER)[-1].plain_text
        assert "قصف جديد على الغوطة الشرقية اليوم" in got
        assert "قبل يومين" not in got and "2018" not in got and "٢٠١٨" not in got


async def test_an_archive_with_nothing_recent_still_pushes_its_latest(tmp_path: Path) -> None:
    """The offline demo's case: the sample holds only 2018 news; both pushes take the latest,
    as the general push always did (nothing in it was sent as the day's news instead)."""
    path = sample_db(tmp_path)
    _follow(path)
    async with running_bot(path) as h:
        [answer] = await h.say(ADMIN, f"/push {OLD_GHOUTA}")
        assert "المحادثات: ١" in answer.plain_text, answer.plain_text
        await h.until(lambda: "انتهت النشرة" in h.emu.messages(ADMIN)[-1].plain_text, 15)
        assert f"جديد «{OLD_GHOUTA}»" in h.emu.messages(READER)[-1].plain_text
