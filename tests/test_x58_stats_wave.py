"""X58 (QA40 N12): /stats tells when the last story sent went out (first and last send, in the
asking admin's zone, bot.reader_clock, how long it took, to how many chats) and how long the
oldest delivery due has waited. The real bot: a real /push, then a delivery held in flight."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests.models import iso


async def test_stats_tells_the_last_story_sent_and_the_oldest_waiting(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [before] = await h.say(ADMIN, "/stats")
        assert "آخر إرسال لخبر" not in before.plain_text
        assert "أقدم تسليم مستحق" not in before.plain_text
        await h.push_to((READER, READER + 1, READER + 2))
        # the admin reads in Cairo (UTC+2 in December): the times are his
        h.db.db.execute("update chats set time_zone = 'Africa/Cairo' where id = ?", [ADMIN])
        h.db.conn.commit()
        sent = h.db.db.execute("select min(sent_at), max(sent_at) from outbox"
                               " where status = 'sent'").fetchone()
        start = datetime.fromisoformat(sent[0]) + timedelta(hours=2)
        [after] = await h.say(ADMIN, "/stats")
        text = after.plain_text.replace("\u200f", "")
        # the hour as every reply writes it, not padded (X89: bot.i18n.clock_time)
        hhmm = f"{start.hour}:{start:%M}".translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        assert f"آخر إرسال لخبر: بدأ {hhmm}" in text, (text, hhmm)
        assert "محادثة" in text.split("آخر إرسال لخبر")[1].split("\n")[0]
        # a delivery stuck in flight for 30 minutes
        story = h.db.db.execute("select story_id from articles where story_id is not null"
                                " limit 1").fetchone()[0]
        h.db.db.execute("insert into outbox (chat_id, story_id, kind, status, created_at)"
                        " values (?, ?, 'instant', 'sending', ?)",
                        [READER, story, iso(datetime.now(UTC) - timedelta(minutes=30))])
        h.db.conn.commit()
        [stuck] = await h.say(ADMIN, "/stats")
        text = stuck.plain_text.replace("\u200f", "")
        assert "أقدم تسليم مستحق ما زال ينتظر: أُنشئ منذ ٣٠ دقيقة" in text, text


async def test_stats_names_the_admins_and_that_a_change_needs_a_restart(tmp_path: Path) -> None:
    """QA40 N5: an admin removed from ADMIN_IDS keeps the rights until a restart (settings are
    read once); /stats says who the admins are and that a change needs a restart."""
    async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 7})) as h:
        [ar] = await h.say(ADMIN, "/stats")
        text = ar.plain_text.replace("\u200f", "").replace("\u200e", "")
        assert f"المشرفون (ADMIN_IDS، تُقرأ عند البدء): {ADMIN}، {ADMIN + 7}" in text, text
        assert "تحتاج إعادة تشغيل البوت" in text
        [en] = await h.say(ADMIN + 7, "/stats", language_code="en")
        assert f"Admins (ADMIN_IDS, read at start): {ADMIN}, {ADMIN + 7}" in \
            en.plain_text.replace("\u200e", ""), en.plain_text
