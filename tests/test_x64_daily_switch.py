"""QA42 B10: a reader switching to daily at 06:30 had the night's four waiting alerts moved to
the 20:00 digest, 13 h later, and the toast said only «✅ التنبيهات: نشرة يومية الساعة ٢٠:٠٠».
It now says how many waiting alerts will come in that digest. The real bot against the emulator,
real SQLite; the number agreement (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.settings_words import hour_label, moved_note


def test_the_note_agrees_with_its_number() -> None:
    assert moved_note(1, 20, "ar").startswith("خبر كان")
    assert moved_note(2, 20, "ar").startswith("خبران")
    assert moved_note(4, 20, "ar").startswith("٤ أخبار") and "٢٠:٠٠" in moved_note(4, 20, "ar")
    assert moved_note(12, 8, "ar").startswith("١٢ خبرًا")
    assert moved_note(4, 20, "en") == "4 waiting alerts will come in the 20:00 digest."


async def test_switching_to_daily_says_the_waiting_alerts_move(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        now = datetime.now(UTC)
        later = (now + timedelta(hours=2)).isoformat()  # held, as by quiet hours
        picked = h.db.db.execute("select story_id, max(id) from articles where story_id is not"
                                 " null group by story_id order by story_id limit 4").fetchall()
        with h.db.transaction() as tx:
            for story, article in picked:
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, not_before,"
                           " created_at) values (?,?,?,'instant',?,?)",
                           [READER, story, article, later, now.isoformat()])
        [menu] = await h.say(READER, "/settings")
        await h.click(menu, "🗓 يومية", n=0)

        def edited() -> list:  # the callback answer can come before the menu's edit
            return [m for m in h.emu.messages(READER) if m.message_id == menu.message_id
                    and hour_label(20, "ar") in m.button_texts()]

        await h.until(edited)
        [hours] = edited()
        answer = await h.click_answer(hours, hour_label(20, "ar"))
        # was: «✅ التنبيهات: نشرة يومية الساعة ٢٠:٠٠» alone
        assert "٤ أخبار كانت تنتظر الإرسال ستصل في نشرة ٢٠:٠٠" in str(answer.get("text"))
        kinds = [r[0] for r in h.db.db.execute(
            "select kind from outbox where chat_id = ? and status = 'pending'", [READER])]
        assert len(kinds) == 4 and all(k.startswith("daily:") for k in kinds)  # they moved
