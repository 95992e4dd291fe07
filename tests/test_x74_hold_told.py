"""X74 item 2 (X71's «Left»): a hold is told once, not once per process.

A channel takes the bot's right to post: it is held and its admin and the operator told. The bot
restarts (a second Application on the same SQLite file) and Telegram says again that the bot may
not post there (another my_chat_member): before, the new process's memory was empty and it told
everyone again; now the database remembers. When the channel gives the right back the hold
ends (told «عاد بوسعي النشر»); a later hold is a new one and is told.

Real parts: the real Application (PTB) and sender against the emulator, one real SQLite file.
"""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, BotHarness, running_bot
from test_x71_chat_holds import CHANNEL, OWNER, _no_gap, _queue, _setup, _status, _told


def _active(h: BotHarness) -> int:
    return int(h.db.db.execute("select active from chats where id = ?", [CHANNEL]).fetchone()[0])


def _rights(h: BotHarness, post: bool) -> None:
    """The owner changes the bot's rights in the channel (Telegram's my_chat_member)."""
    h.emu.chat_member_update(CHANNEL, old_status="administrator", new_status="administrator",
                             user=h.user(OWNER), rights={"can_post_messages": post})


async def test_a_hold_is_told_once_across_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "told.db"
    arts = _setup(path, CHANNEL, "channel")
    async with running_bot(path) as h:  # first lifetime: held and told
        _no_gap(h)
        h.emu.add_chat(CHANNEL, type="channel", title="قناة المجتمع", admins=(OWNER,))
        await h.until(lambda: _status(h.db, CHANNEL) == ["sent"])
        h.emu.take_rights(CHANNEL)
        _queue(h.db, CHANNEL, arts[1], 501)
        await h.until(lambda: _told(h, OWNER) and _told(h, ADMIN))
        assert len(_told(h, OWNER)) == 1 and _active(h) == 0

    async with running_bot(path) as h:  # second lifetime: the same hold, said again by Telegram
        _no_gap(h)
        h.emu.add_chat(CHANNEL, type="channel", title="قناة المجتمع", admins=(OWNER,))
        h.emu.take_rights(CHANNEL)
        _rights(h, post=False)
        await h.settle()  # the update taken and handled
        assert _active(h) == 0  # still held
        assert _told(h, OWNER) == [] and _told(h, ADMIN) == []  # not told again

        # the right back: the hold ends, the kept story goes, the owner told
        h.emu.give_rights(CHANNEL)
        _rights(h, post=True)
        await h.until(lambda: _status(h.db, CHANNEL) == ["sent", "sent"], 15)
        await h.until(lambda: any("عاد بوسعي النشر" in m for m in _told(h, OWNER)))
        # taken again: a new hold, told
        h.emu.take_rights(CHANNEL)
        _rights(h, post=False)
        await h.until(lambda: len(_told(h, OWNER)) == 2)
        assert "نشر الرسائل" in _told(h, OWNER)[-1]
        assert _active(h) == 0
