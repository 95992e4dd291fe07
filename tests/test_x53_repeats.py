"""QA37 T4: a group's «👆 the same answer» pointer never points at an answer a /subscribe or an
/unsubscribe made untrue; an unchanged group is still pointed back (QA31 G4). The real bot
against the emulator."""

from __future__ import annotations

from pathlib import Path

from bot.emulator import User
from tests.botkit import ADMIN, running_bot, sample_db

GROUP = -100553
POINTER = "الجواب نفسه"
NOTHING = "لا تتابع"  # «المجموعة لا تتابع أي موضوع بعد»


async def _ask(h: object, text: str, user: int) -> str:
    emu = h.emu  # type: ignore[attr-defined]
    before = len(emu.messages(GROUP))
    asked = emu.send_user_message(GROUP, text, user=User(id=user, first_name=f"m{user}"))
    await emu.await_messages(GROUP, before + 1, timeout=20)
    await h.settle()  # type: ignore[attr-defined]
    new = emu.messages(GROUP)[before:]
    # an answer replies to the asker; a pointer to the earlier answer
    assert all(m.reply_to == asked or POINTER in m.plain_text for m in new)
    return "\n".join(m.plain_text for m in new)


async def test_the_pointer_is_not_given_after_the_groups_topics_changed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(GROUP, "مجموعة", admins=[ADMIN])
        first = await _ask(h, "/topics", 6501)
        assert POINTER not in first and NOTHING in first
        assert POINTER in await _ask(h, "/topics", 6502)  # unchanged: pointed back (G4)
        await _ask(h, "/subscribe الغوطة", ADMIN)
        after = await _ask(h, "/topics", 6503)
        assert POINTER not in after and NOTHING not in after and "الغوطة" in after
        assert POINTER in await _ask(h, "/topics", 6504)
        await _ask(h, "/unsubscribe الغوطة", ADMIN)
        last = await _ask(h, "/topics", 6505)
        assert POINTER not in last and NOTHING in last
