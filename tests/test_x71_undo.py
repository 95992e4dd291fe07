"""QA49 M7: one tap on «❌» stopped a group's or a channel's topic (a channel's whole general
digest) with no way back in sight. The confirmation now carries «↩️ تراجع»: an admin's press
follows the topic again; a member's changes nothing. The real Application against the
emulator, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests import subscriptions

GROUP = -100960


def _topics(db: object, chat: int) -> list[str]:
    return [s.topic for s in subscriptions.list_subscriptions(db, chat)]  # type: ignore[arg-type]


async def test_a_removed_topic_can_be_undone_by_an_admin(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(GROUP, "مجموعة", admins=[ADMIN])
        await h.say(GROUP, "/subscribe الغوطة", user=h.user(ADMIN))
        assert _topics(h.db, GROUP) == ["الغوطة"]
        [picker] = await h.say(GROUP, "/unsubscribe", user=h.user(ADMIN))
        [done] = await h.click(picker, picker.buttons()[0]["text"], user=h.user(ADMIN))
        assert "لم تعد المجموعة تتابع «الغوطة»" in done.plain_text
        assert _topics(h.db, GROUP) == []
        [undo] = [b["text"] for b in done.buttons()]
        assert undo == "↩️ تراجع"
        answer = await h.click_answer(done, undo, user=h.user(READER))
        assert answer.get("show_alert") and _topics(h.db, GROUP) == []
        h.emu.click(done, undo, user=h.user(ADMIN))
        await h.until(lambda: _topics(h.db, GROUP) == ["الغوطة"])
        await h.until(lambda: any("عادت متابعة «الغوطة»" in m.plain_text
                                  for m in h.emu.messages(GROUP)))
