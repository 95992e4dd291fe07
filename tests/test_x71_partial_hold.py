"""A bundle refused part-way for rights does not repeat its first part on resume (review RD of
X71): a digest of two messages whose second meets «need administrator rights» holds the group,
and the rows of that bundle end failed («after 1 of 2 messages»), as any refusal after a part
went does, instead of going back to pending (the resume would send «part one» again). Real
sender and courier against the emulator, a real SQLite file.
"""

from __future__ import annotations

from typing import Any

from telegram import Bot

from bot.emulator import Emulator
from delivery_helpers import add_article, add_chat, add_source, rows
from digests.storage import Database
from test_x42_delivery import make_sender, queue

GROUP = -42


async def test_a_bundle_refused_after_its_first_part_is_not_sent_again(
        database: Database, emu: Emulator, bot: Bot) -> None:
    src = add_source(database, "src")
    art = add_article(database, src, "خبر", story_id=90)
    add_chat(database, GROUP, type="supergroup")
    emu.add_group(GROUP, "مجموعة")
    sender: Any = make_sender(database, bot)
    sender.courier.messages_for = lambda bundle, button=True: (["part one", "part two"], None)
    real = emu._check_injected
    sends: list[int] = []

    def check(method: str, params: Any) -> Any:
        if method == "sendMessage":
            sends.append(1)
            if len(sends) == 2:
                emu.take_rights(GROUP)  # the right to post taken right after the first part
        return real(method, params)

    emu._check_injected = check  # type: ignore[method-assign]
    queue(database, GROUP, art)
    await sender.run_once()
    assert [str(r["status"]) for r in rows(database, f"chat_id = {GROUP}")] == ["failed"]
    assert [m.plain_text for m in emu.messages(GROUP)] == ["part one"]
    held = database.conn.execute("select active from chats where id = ?", [GROUP]).fetchone()
    assert held is not None and not held[0]

    emu.give_rights(GROUP)
    emu._check_injected = real  # type: ignore[method-assign]
    with database.transaction() as tx:
        tx.execute("update chats set active = 1 where id = ?", [GROUP])  # as the resume does
    await sender.run_once()
    assert [m.plain_text for m in emu.messages(GROUP)] == ["part one"]
