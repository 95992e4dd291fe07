"""QA54-4: the result pages' buttons moved under the thumb. «🔔 تابع هذا الموضوع» and «المزيد»
shared one row, which became [تابع][السابق][المزيد] after the first «المزيد»: a second tap at the
same place landed on «السابق», and the widths changed. The page buttons now have the last row to
themselves, «السابق» before «المزيد», in both languages. The real bot against the emulator, real
SQLite.
"""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db
from test_search import add

from bot.emulator_model import SentMessage
from digests.storage import Database


def _rows(message: SentMessage) -> list[list[str]]:
    markup = message.reply_markup or {}
    return [[b.get("text", "") for b in row] for row in markup.get("inline_keyboard", [])]


async def test_the_page_buttons_keep_their_row(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    with Database(path) as database:
        for n in range(12):
            add(database, 905500 + n, f"زقزلوط يفوز بالجائزة الكبرى في المدينة رقم {n}",
                "فاز زقزلوط بالجائزة.", days_ago=1 + n * 0.01)
    async with running_bot(path) as h:
        for chat, lang, follow, prev, more in (
                (READER, "ar", "🔔 تابع هذا الموضوع", "السابق", "المزيد"),
                (READER + 1, "en", "🔔 Follow this topic", "Previous", "More")):
            [first] = await h.say(chat, "زقزلوط", user=h.user(chat, lang))
            assert _rows(first)[-2:] == [[follow], [more]], _rows(first)
            await h.click_answer(first, more)
            await h.settle()
            page = next(m for m in h.emu.messages(chat) if m.message_id == first.message_id)
            assert _rows(page)[-2:] == [[follow], [prev, more]], _rows(page)
            await h.click_answer(page, more)
            await h.settle()
            page = next(m for m in h.emu.messages(chat) if m.message_id == first.message_id)
            assert _rows(page)[-2:] == [[follow], [prev]], _rows(page)  # the last page
