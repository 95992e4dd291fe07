"""bot.buttons: the «more stories» button under a delivered digest (QA17 R2), pressed against
the real Application (PTB) and the emulator, on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from botkit import running_bot
from delivery_helpers import NOW, add_article, add_chat, add_source, rows

from bot.sender import MAX_BUNDLE
from digests.models import Article, iso
from digests.storage import Database


def _queue_daily(path: Path, chats: tuple[int, ...], n: int) -> list[Article]:
    db = Database(path)
    try:
        src = add_source(db, "src")
        arts = [add_article(db, src, f"خبر رقم {i}", story_id=100 + i) for i in range(n)]
        for chat in chats:
            add_chat(db, chat, mode="daily", type="private" if chat > 0 else "supergroup",
                     language="en" if chat == 2 else "ar")
            with db.transaction() as tx:
                for a in arts:
                    tx.execute("insert into outbox (chat_id, story_id, article_id, kind,"
                               " created_at, status) values (?,?,?,?,?,?)",
                               [chat, a.story_id, a.id, "daily:2026-11-29", iso(NOW),
                                "pending"])
    finally:
        db.close()
    return arts


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


async def test_the_more_button_sends_the_hidden_stories_once(tmp_path: Path) -> None:
    """A daily digest of 13 shows 10 and «وهناك ٣ أخبار أخرى في الزر أدناه.»; the button under its
    last message sends exactly the 3 others (no header), once; a second press says so."""
    path = tmp_path / "more.db"
    arts = _queue_daily(path, (1, 2), MAX_BUNDLE + 3)
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        for chat, line, button in (
                (1, "وهناك ٣ أخبار أخرى في الزر أدناه.", "📰 اعرض الأخبار الأخرى (٣)"),
                (2, "The button below shows 3 more stories.", "📰 Show the other stories (3)")):
            delivered = h.emu.messages(chat)
            whole = _plain("\n".join(m.plain_text for m in delivered))
            assert line in whole and "/digest" not in whole
            # a delivered story's line: «headline — source · time» (compact, X24)
            hidden = [a for a in arts if f"{a.title} — " not in whole]
            assert len(hidden) == 3
            assert [m.button_texts() for m in delivered[:-1]] == [[]] * (len(delivered) - 1)
            assert delivered[-1].button_texts() == [button]
            got = await h.click(delivered[-1], button)
            more = _plain(got[0].plain_text)
            assert all(a.title in more for a in hidden)
            assert not any(a.title in more for a in arts if a not in hidden)
            assert "📰" not in more  # no header repeated
            answer = await h.click_answer(delivered[-1], button)
            assert answer.get("show_alert")
            assert ("already sent" if chat == 2 else "أُرسلت هذه الأخبار من قبل") in answer["text"]
            await h.settle()
            assert len(h.emu.messages(chat)) == len(delivered) + 1  # not sent twice


async def test_the_more_button_is_the_chats_own_and_any_member_may_press_it(
        tmp_path: Path) -> None:
    """In a group any member reads the other stories; the button's id pressed in another chat
    (tampered data) is refused and sends nothing there."""
    path = tmp_path / "group.db"
    _queue_daily(path, (-3, 1), MAX_BUNDLE + 1)
    async with running_bot(path) as h:
        h.emu.add_group(-3, "مجموعة")
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        last = h.emu.messages(-3)[-1]
        [button] = last.buttons()
        assert button["text"] == "📰 اعرض الأخبار الأخرى (١)"
        assert len(button["callback_data"]) <= 64 and "خبر" not in button["callback_data"]
        before = len(h.emu.messages(1))
        answer = await h.click_answer(h.emu.messages(1)[-1], data=button["callback_data"])
        assert "محادثة أخرى" in answer["text"]  # what it is, nothing to ask again (QA21 R4)
        await h.settle()
        assert len(h.emu.messages(1)) == before
        got = await h.click(last, button["text"], user=h.user(777))
        assert "خبر رقم" in got[0].plain_text
