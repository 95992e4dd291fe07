"""X86 (4, QA58-5): a second /push while a follower is held (the bot lost the right to post in
it during the first) said «these stories were sent to the followers before (delivered, or
failed …)» — the held chat's copy was neither: it waits and goes when the bot may post there
again. The answer now names the held chats and says so. The real Application and sender against
the emulator, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot
from test_x82_held_push import _push, _setup


async def test_a_second_push_says_the_held_group_waits(tmp_path: Path) -> None:
    async with running_bot(_setup(tmp_path)) as h:
        await _push(h)
        [again] = await h.say(ADMIN, "/push")
        text = again.plain_text.replace("\u200e", "")
        assert "أُرسلت هذه الأخبار إلى المتابعين من قبل" not in text, text
        assert "المتابعين الآخرين" in text and "«grp»" in text, text
        assert "حين يعود بوسعي النشر فيها" in text, text
