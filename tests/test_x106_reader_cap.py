"""QA65-11 (S3): one reader's 60 searches in 2.4 s were all answered, sharing the sender's 30 a
second. Now a reader has 20 answers a minute (bot.reader_cap): the 21st message is answered once
«تمهّل قليلًا…», the rest dropped silently until the bucket refills; operators are exempt.

Real bot against the emulator (tests/botkit.py); the bucket's clock is pinned, so no wall-clock
time decides what is answered.
"""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from bot.reader_cap import CAP_KEY, READER_ANSWERS, ReaderCap


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_bucket_answers_warns_once_then_drops_and_refills() -> None:
    clock = Clock()
    cap = ReaderCap(clock=clock)
    assert [cap.take(7) for _ in range(READER_ANSWERS)] == ["answer"] * READER_ANSWERS
    assert [cap.take(7) for _ in range(3)] == ["warn", "drop", "drop"]
    assert cap.take(8) == "answer"  # another reader is not held by the first
    clock.now += 60.0 / READER_ANSWERS  # one answer's worth
    assert cap.take(7) == "answer" and cap.take(7) == "warn"  # a new flood is told again
    clock.now += 3600.0
    assert [cap.take(7) for _ in range(READER_ANSWERS)] == ["answer"] * READER_ANSWERS


async def test_a_flooding_reader_is_told_once_and_an_operator_is_not_capped(
        tmp_path: Path) -> None:
    clock = Clock()
    async with running_bot(sample_db(tmp_path)) as h:
        h.app.bot_data[CAP_KEY] = ReaderCap(clock=clock)
        await h.say(READER, "/help")
        await h.settle()
        per = len(h.emu.messages(READER))  # one /help's messages (a token taken)
        for _ in range(READER_ANSWERS + 9):  # 29 more at once
            h.emu.send_user_message(READER, "/help")
        await h.emu.await_messages(READER, per * READER_ANSWERS + 1)
        await h.settle()
        texts = [m.plain_text for m in h.emu.messages(READER)]
        for _ in range(READER_ANSWERS + 5):
            h.emu.send_user_message(ADMIN, "/help")
        await h.emu.await_messages(ADMIN, per * (READER_ANSWERS + 5))
        await h.settle()
        admin_count = len(h.emu.messages(ADMIN))
        clock.now += 60.0  # a minute later the reader is answered again
        again = await h.say(READER, "/help")
    assert len(texts) == per * READER_ANSWERS + 1, len(texts)
    slow = [t for t in texts if "تمهّل قليلًا" in t]
    assert len(slow) == 1 and texts[-1] == slow[0]
    assert admin_count >= per * (READER_ANSWERS + 5)
    assert "تمهّل" not in again[0].plain_text
