"""QA65-11 (S3): one reader's 60 searches in 2.4 s were all answered, sharing the sender's 30 a
second. Now a reader has 20 answers a minute (bot.reader_cap): the 21st message is answered once
«تمهّل قليلًا…», the rest dropped silently until the bucket refills; operators are exempt.

Real bot against the emulator (tests/botkit.py); the bucket's clock is pinned, so no wall-clock
time decides what is answered.
"""

from __future__ import annotations

from pathlib import Path

import pytest
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


def test_a_wide_flood_keeps_at_most_kept_readers_and_forgets_the_least_recent(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Review REV2 #9: past KEPT_READERS, only refilled buckets were forgotten (each new reader
    scanning them all), so readers flooding at once grew the map without bound. Now the least
    recently heard is forgotten: the map stays at the bound, and a reader still flooding stays
    capped."""
    from bot import reader_cap

    monkeypatch.setattr(reader_cap, "KEPT_READERS", 3)
    clock = Clock()
    cap = ReaderCap(clock=clock)
    for reader in (1, 2, 3):  # three readers, none refilled
        assert [cap.take(reader) for _ in range(READER_ANSWERS)] == ["answer"] * READER_ANSWERS
    assert cap.take(1) == "warn"  # 1 still flooding: heard last
    for reader in range(4, 40):
        assert cap.take(reader) == "answer"
        assert len(cap._buckets) <= 3, len(cap._buckets)
    assert list(cap._buckets) == [37, 38, 39]
    cap = ReaderCap(clock=clock)
    for reader in (1, 2, 3):
        assert [cap.take(reader) for _ in range(READER_ANSWERS)] == ["answer"] * READER_ANSWERS
    assert cap.take(1) == "warn"
    assert cap.take(4) == "answer"  # 2, the least recently heard, is forgotten; 1 is not
    assert cap.take(1) == "drop" and cap.take(3) == "warn"
    assert cap.take(2) == "answer"  # back with a full bucket, as a new reader
