"""X83 (QA55-9, S3): /channels does not say it knows no channel, then name one.

A channel the bot lost the right to post in is held; its admin sends /channels. Telegram no
longer answers the bot's getChatMember there, so the channel was not among those to manage, and
the answer said «لا أعرف قناة تشرف عليها. لإدارة قناة من هنا: أضفني إليها…» and, in the same
message, «⏸ موقوفة …: «قناة المجتمع»». Now, when the only channels are held, it says none can be
managed until the bot may post there, and names them. The real Application and sender against
the emulator, a real SQLite file.
"""

from __future__ import annotations

from pathlib import Path

from botkit import running_bot
from test_x71_chat_holds import CHANNEL, OWNER, _no_gap, _setup, _status, _told


async def test_a_held_channel_is_not_a_channel_the_bot_does_not_know(tmp_path: Path) -> None:
    path = tmp_path / "held.db"
    _setup(path, CHANNEL, "channel")
    async with running_bot(path) as h:
        _no_gap(h)
        h.emu.add_chat(CHANNEL, type="channel", title="قناة المجتمع", admins=(OWNER,))
        await h.until(lambda: _status(h.db, CHANNEL) == ["sent"])
        h.emu.take_rights(CHANNEL)
        h.db.db.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                        " status) select ?, story_id, id, 'instant', fetched_at, 'pending'"
                        " from articles where story_id = 501", [CHANNEL])
        await h.until(lambda: h.db.db.execute(
            "select active from chats where id = ?", [CHANNEL]).fetchone()[0] == 0)
        await h.until(lambda: _told(h, OWNER))
        [listing] = await h.say(OWNER, "/channels", n=1)
        text = listing.plain_text
        assert "لا أعرف قناة" not in text, text
        assert "قناة المجتمع" in text and "موقوفة" in text and "صلاحية النشر" in text, text
        await h.say(OWNER, "/language en", n=1)
        [english] = await h.say(OWNER, "/channels", n=1)
        assert "No channel to manage from here." not in english.plain_text, english.plain_text
        assert "right to post" in english.plain_text, english.plain_text
