"""QA76-17 (X133): /stop from a reader who follows nothing said «remove a topic with its «❌
Remove» button below» above «You follow no topic yet», with no button below. Now only the
latter; a reader who follows topics still gets the how-to and the «❌» buttons."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db


async def test_stop_with_nothing_followed_points_at_no_buttons(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [en] = await h.say(READER, "/stop", language_code="en")
        assert "Remove" not in en.plain_text and "You follow no topic yet" in en.plain_text, \
            en.plain_text
        [ar] = await h.say(READER + 1, "/stop")
        assert "«❌ إلغاء» أدناه" not in ar.plain_text and not ar.button_texts(), ar.plain_text
        await h.say(READER + 1, "/subscribe الغوطة")
        [again] = await h.say(READER + 1, "/stop")
        assert "«❌ إلغاء» أدناه" in again.plain_text and again.button_texts(), again.plain_text
