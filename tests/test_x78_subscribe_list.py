"""QA52 R8: «/subscribe الريدز، ليفربول، البلوز، تشيلسي» made two rows (right) but answered
«تمت متابعة موضوعين: «الريدز»، «البلوز» … تتابع من قبل: «الريدز»، «البلوز».»: a name this
same message followed (by its nickname) is not «already followed». A topic followed before the
message still is. The real bot against the emulator, real SQLite."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


async def test_a_nickname_and_its_club_in_one_list_are_one_new_topic(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        await h.say(READER, "/subscribe سوريا")
        [answer] = await h.say(READER, "/subscribe الريدز، ليفربول، البلوز، تشيلسي، سوريا")
        text = _plain(answer.plain_text)
        rows = [r[0] for r in h.db.db.execute(
            "select topic from subscriptions where chat_id = ? order by topic", [READER])]
        assert len(rows) == 3  # سوريا and the two clubs, once each
        assert "الريدز" in text and "البلوز" in text
        [already] = [line for line in text.splitlines() if "تتابع من قبل" in line]
        assert "سوريا" in already
        assert "الريدز" not in already and "البلوز" not in already


async def test_the_same_club_twice_alone_is_new_once(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/start")
        [answer] = await h.say(READER, "/subscribe الريدز، ليفربول")
        text = _plain(answer.plain_text)
        assert "تتابع من قبل" not in text
        assert "الريدز" in text
