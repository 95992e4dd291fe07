"""QA44 T6: the group «👆 الجواب نفسه» pointer points only at a whole answer, and at its content:
- a repeated /digest replies to the digest itself, not to the «المجموعة لا تتابع أي موضوع بعد؛
  هذه أحدث الأخبار…» line before it;
- a /digest whose digest Telegram refused after that line went (the answer cut after its
  preface) is never pointed at: the next member asking gets the digest.
The real bot against the emulator; RecentAnswers itself for an answer a stop cancelled."""

from __future__ import annotations

import asyncio
from pathlib import Path

from botkit import running_bot, sample_db

from bot.emulator import User
from bot.repeats import KEY, RecentAnswers

GROUP = -100651
POINTER = "الجواب نفسه"
INTRO = "هذه أحدث الأخبار"


async def _quiet(h: object, seconds: float = 0.6) -> None:
    emu = h.emu  # type: ignore[attr-defined]
    count, still = -1, 0.0
    while still < seconds:
        await asyncio.sleep(0.1)
        now = len(emu.messages(GROUP))
        still = still + 0.1 if now == count else 0.0
        count = now
    await h.settle()  # type: ignore[attr-defined]


async def _whole(h: object, asking: int) -> None:
    """Until the handler of `asking` returned (bot.repeats.answer_finished marked its answer
    whole): every part it sent is in, however slow the machine, not a quiet spell's guess."""
    app = h.app  # type: ignore[attr-defined]
    await h.emu.await_for(  # type: ignore[attr-defined]
        lambda: (GROUP, asking) in app.bot_data[KEY].finished, timeout=20)


async def test_a_repeat_points_at_the_digest_not_at_its_intro(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        # two admins: a member who is no admin is sent to a private chat (QA54-7)
        h.emu.add_group(GROUP, "مجموعة", admins=[6601, 6602])
        first = h.emu.send_user_message(GROUP, "/digest", user=User(id=6601, first_name="a"))
        await h.emu.await_messages(GROUP, 2, timeout=20)
        await _whole(h, first)
        answer = h.emu.messages(GROUP)
        assert INTRO in answer[0].plain_text and all(m.reply_to == first for m in answer)
        h.emu.send_user_message(GROUP, "/digest", user=User(id=6602, first_name="b"))
        await h.emu.await_messages(GROUP, len(answer) + 1, timeout=20)
        await _quiet(h)
        [pointer] = h.emu.messages(GROUP)[len(answer):]
        assert POINTER in pointer.plain_text, pointer.plain_text
        assert pointer.reply_to == answer[1].message_id, (pointer.reply_to,
                                                          [m.message_id for m in answer])


async def test_an_answer_cut_after_its_intro_is_never_pointed_at(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(GROUP, "مجموعة", admins=[6611, 6612])
        h.emu.slow_next(1, 1.5)  # the intro is recorded, then answered late: time to fail the rest
        h.emu.send_user_message(GROUP, "/digest", user=User(id=6611, first_name="a"))
        await h.emu.await_messages(GROUP, 1, timeout=20)
        h.emu.fail_next(1, 400, "Bad Request: can't parse entities", chat_id=GROUP)
        await h.emu.await_messages(GROUP, 2, timeout=20)  # the intro, then the apology
        await _quiet(h)
        cut = h.emu.messages(GROUP)
        assert len(cut) == 2 and INTRO in cut[0].plain_text and "خطأ" in cut[1].plain_text, \
            [m.plain_text[:60] for m in cut]
        asked = h.emu.send_user_message(GROUP, "/digest", user=User(id=6612, first_name="b"))
        await h.emu.await_messages(GROUP, len(cut) + 2, timeout=20)
        await _whole(h, asked)
        again = h.emu.messages(GROUP)[len(cut):]
        assert not any(POINTER in m.plain_text for m in again), [m.plain_text[:60] for m in again]
        assert all(m.reply_to == asked for m in again), [m.plain_text[:50] for m in again]
        assert sum(len(m.plain_text) for m in again) >= 300  # the digest itself this time


def test_only_an_answer_whose_handler_returned_is_pointed_at() -> None:
    recent = RecentAnswers()
    ask = (GROUP, None, "digest")
    recent.asked(ask, 10, 0.0)
    recent.answered(GROUP, 10, 11, ("state",))
    # a stop cancelled the handler: answer_done never ran
    assert recent.earlier_answer(ask, 1.0, ("state",)) is None
    recent.answer_done(GROUP, 10)
    assert recent.earlier_answer(ask, 1.0, ("state",)) == 11
    # a part refused: not whole, even once its handler returned
    recent.asked((GROUP, None, "topics"), 20, 2.0)
    recent.answered(GROUP, 20, 21, ("state",))
    recent.answer_cut(GROUP, 20)
    recent.answer_done(GROUP, 20)
    assert recent.earlier_answer((GROUP, None, "topics"), 3.0, ("state",)) is None
