"""QA49 M8: two admins of a group open /settings and pick the daily hour at the same time. The
later press wins (as before); now the menu of the admin whose choice it replaced is shown again
as now set, so it says the hour that won instead of its own. The real Application against the
emulator, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db

from bot.emulator_model import SentMessage

GROUP = -100970
JOHN = 1003


def _data(message: SentMessage, text: str) -> str:
    return str(next(b["callback_data"] for b in message.buttons() if text in b["text"]))


async def test_the_replaced_admins_menu_shows_the_hour_that_won(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, JOHN})) as h:
        h.emu.add_group(GROUP, "مجموعة", admins=[ADMIN, JOHN])
        [huda] = await h.say(GROUP, "/settings", user=h.user(ADMIN))
        [john] = await h.say(GROUP, "/settings", user=h.user(JOHN))
        for menu, user in ((huda, ADMIN), (john, JOHN)):  # both open the hour picker
            await h.click_answer(menu, data=_data(menu, "يومية"), user=h.user(user))
        await h.settle()
        huda, john = (next(m for m in h.emu.messages(GROUP) if m.message_id == x.message_id)
                      for x in (huda, john))
        await h.click_answer(huda, data=_data(huda, "٨:٠٠"), user=h.user(ADMIN))
        await h.click_answer(john, data=_data(john, "٢٠:٠٠"), user=h.user(JOHN))
        await h.settle()
        assert h.db.db.execute("select mode, daily_hour from chats where id = ?",
                               [GROUP]).fetchone() == ("daily", 20)
        shown = next(m for m in h.emu.messages(GROUP) if m.message_id == huda.message_id)
        assert "٢٠:٠٠" in shown.plain_text and "٨:٠٠" not in shown.plain_text, shown.plain_text
