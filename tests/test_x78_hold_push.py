"""QA52 R1: a channel held (its «نشر الرسائل» taken) when an operator's /push went out got nothing
of it, even when the right came back while the push was still being sent: the catch-up took
only stories stored since the hold, and a push's stories were stored before it. Everyone was
told «تُرسل الآن ٠», and the push report («سُلّمت: ٢٥») never named the channel. Now a resumed
chat gets the stories of the pushes to what it follows made while it was held (last 24 h), and
a report finished while a chat is still held names it. The real Application (PTB) and sender
against the emulator, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, BotHarness, running_bot, sample_db
from delivery_helpers import add_chat
from test_x71_chat_holds import CHANNEL, OWNER, _no_gap, _told

from digests.storage import Database

READERS = 25


def _setup(tmp_path: Path) -> Path:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, CHANNEL, type="channel", topics=("",))
        add_chat(db, OWNER, topics=())
        for i in range(READERS):
            add_chat(db, 5000 + i, topics=("",))
        with db.transaction() as tx:
            tx.execute("update chats set title = 'قناة المجتمع' where id = ?", [CHANNEL])
    return path


async def _hold(h: BotHarness) -> None:
    h.emu.add_chat(CHANNEL, type="channel", title="قناة المجتمع", admins=(OWNER,))
    h.emu.take_rights(CHANNEL)
    h.emu.chat_member_update(CHANNEL, old_status="administrator", new_status="administrator",
                             user=h.user(OWNER), rights={"can_post_messages": False})
    await h.until(lambda: _told(h, OWNER), 15)


def _rows(h: BotHarness, chat: int) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in h.db.db.execute(
        "select kind, status from outbox where chat_id = ? order by id", [chat])]


async def test_a_channel_back_during_a_push_gets_it(tmp_path: Path) -> None:
    async with running_bot(_setup(tmp_path)) as h:
        _no_gap(h)
        await _hold(h)
        [queued] = await h.say(ADMIN, "/push")
        assert "المحادثات: ٢٥" in queued.plain_text
        reader_rows = _rows(h, 5000)
        assert reader_rows and all(k.startswith("push:") for k, _s in reader_rows)
        assert _rows(h, CHANNEL) == []  # held: not queued
        h.emu.give_rights(CHANNEL)
        h.emu.chat_member_update(CHANNEL, old_status="administrator", new_status="administrator",
                                 user=h.user(OWNER), rights={"can_post_messages": True})
        await h.until(lambda: any("عاد بوسعي النشر" in m for m in _told(h, OWNER)), 15)
        back = [m for m in _told(h, OWNER) if "عاد بوسعي النشر" in m][-1]
        assert "٠" not in back.split("\n")[0], back  # not «تُرسل الآن ٠»
        n = len(reader_rows)
        assert f"تُرسل الآن {'٠١٢٣٤٥٦٧٨٩'[n]}" in back, back
        await h.until(lambda: [s for _k, s in _rows(h, CHANNEL)] == ["sent"] * n, 30)
        assert {k for k, _s in _rows(h, CHANNEL)} == {reader_rows[0][0]}  # rows of the push
        assert h.emu.messages(CHANNEL)
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 30)


async def test_a_push_report_names_a_chat_still_held(tmp_path: Path) -> None:
    async with running_bot(_setup(tmp_path)) as h:
        _no_gap(h)
        await _hold(h)
        await h.say(ADMIN, "/push")
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 30)
        [report] = [m for m in h.emu.messages(ADMIN) if "انتهت النشرة" in m.plain_text]
        assert "لم تصلها لأن البوت لا يستطيع النشر فيها الآن" in report.plain_text
        assert "قناة المجتمع" in report.plain_text
