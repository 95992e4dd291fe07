"""X60 (RB's held-button bug): a «🔗 روابط الخبر» button sent while the database refused writes
(bot.held_buttons) and pressed before any later button was stored used to answer «the links are
already above» — `callbacks.take` found no row to mark — for links never sent. A press resolved
from the held buttons now writes them first, so the once-only action works once. Real SQLite,
real PTB against the emulator."""

from __future__ import annotations

import time
from pathlib import Path

from botkit import READER, running_bot, sample_db

from bot.runtime import RUNTIME_KEY


async def test_held_related_button_sends_the_links_once(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        rt = h.app.bot_data[RUNTIME_KEY]
        rt.writes_skipped_until = time.monotonic() + 60  # a write was just refused (locked)
        [answer] = await h.say(READER, "الغوطة")
        related = next((b for b in answer.button_texts() if "روابط الخبر" in b), None)
        assert related is not None, answer.button_texts()
        assert rt.held.held  # its meaning is held, not stored
        rt.writes_skipped_until = 0.0  # writes resume; no other button stored meanwhile
        # was: only the alert «الروابط أعلاه», for links never sent (no message came)
        [links] = await h.click(answer, related, timeout=5.0)
        assert "http" in links.text, links.text
        assert not rt.held.held  # written with the press
        again = await h.click_answer(answer, related)
        assert again.get("show_alert"), again  # once: a second press says they are above
