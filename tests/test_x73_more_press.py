"""QA48 R7: one press on «📰 اعرض الأخبار الأخرى» sends at most MORE_PRESS_PAGES pages; the
rest wait under a new «more» button on the last page, numbered on (190 stories came as 19
messages at once). The real bot, sender and emulator; real SQLite."""

from __future__ import annotations

from pathlib import Path

from delivery_helpers import rows
from test_more_stories import _plain, _queue_daily
from botkit import running_bot

from bot.buttons import MORE_PRESS_PAGES
from bot.sender import MAX_BUNDLE
from digests.storage import Database


def _more(message: object) -> str | None:
    return next((t for t in message.button_texts() if t.startswith("📰")), None)  # type: ignore


async def test_a_long_rest_comes_a_press_at_a_time(tmp_path: Path) -> None:
    assert MORE_PRESS_PAGES == 2
    path = tmp_path / "morepress.db"
    with Database(path) as db:
        _queue_daily(db, (1,), MAX_BUNDLE + 45)
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        label = _more(h.emu.messages(1)[-1])
        assert label is not None and "(٤٥)" in label
        first = await h.click(h.emu.messages(1)[-1], label, n=2)
        await h.settle()
        assert len(h.emu.messages(1)) == 3  # the bundle and two pages, not five
        text = _plain(first[0].plain_text + first[1].plain_text)
        assert "١١. " in text and "٣٠. " in text and "٣١. " not in text
        again = _more(first[1])
        assert again is not None and "(٢٥)" in again, first[1].button_texts()
        second = await h.click(first[1], again, n=2)
        text = _plain(second[0].plain_text + second[1].plain_text)
        assert "٣١. " in text and "٥٠. " in text and "٥١. " not in text  # numbered on
        last = _more(second[1])
        assert last is not None and "(٥)" in last
        third = await h.click(second[1], last, n=1)
        text = _plain(third[0].plain_text)
        assert "٥١. " in text and "٥٥. " in text and _more(third[0]) is None
        await h.settle()
        assert len(h.emu.messages(1)) == 6
