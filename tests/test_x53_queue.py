"""QA37 T3: one chat's flood of waiting updates (past PTB's old 4,096 slots) freezes no other
chat; that chat's line is bounded (CHAT_WAITING) and what it keeps runs in order. The real
update processor PTB calls, with real `telegram.Update`s and instant handlers: counts, not
times."""

from __future__ import annotations

import asyncio
import logging

import pytest

from telegram import Update

from bot import update_order
from bot.update_order import ChatOrderedProcessor

FLOOD = 4_300  # more than PTB's old 4,096 slots


def _update(uid: int, chat: int) -> Update:
    kind = "supergroup" if chat < 0 else "private"
    update = Update.de_json({"update_id": uid, "message": {
        "message_id": uid, "date": 0, "text": "/search x",
        "chat": {"id": chat, "type": kind, "title": "g"},
        "from": {"id": 5000 + uid % 7, "is_bot": False, "first_name": "m"}}}, None)
    assert update is not None
    return update


async def test_a_flooding_chat_is_capped_and_freezes_no_other_chat(
        caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "bot.update_order")
    processor = ChatOrderedProcessor()
    release = asyncio.Event()
    ran: list[int] = []
    other_done = asyncio.Event()

    async def flood_handler(uid: int) -> None:
        await release.wait()  # the group's answers held (its window)
        ran.append(uid)

    async def other_handler() -> None:
        other_done.set()

    tasks = [asyncio.create_task(processor.process_update(_update(i, -100600),
                                                          flood_handler(i)))
             for i in range(FLOOD)]
    await asyncio.sleep(0)
    tasks.append(asyncio.create_task(processor.process_update(_update(FLOOD, 4242),
                                                              other_handler())))
    # the private chat is answered while every flood update still waits
    await asyncio.wait_for(other_done.wait(), timeout=20)
    assert ran == []
    assert processor.dropped == FLOOD - update_order.CHAT_WAITING
    # one line for the flood's drops within the minute, not one per update (review RC: ~3,800)
    said = [r.getMessage() for r in caplog.records if "queue full" in r.getMessage()]
    assert len(said) == 1 and "count=1 " in said[0], said
    release.set()
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=60)
    assert ran == list(range(update_order.CHAT_WAITING))  # the kept ones, in the chat's order


async def test_after_the_stop_begins_waiting_updates_are_held_not_run() -> None:
    held: list[int] = []
    processor = ChatOrderedProcessor(on_held=lambda u: held.append(u.update_id))  # type: ignore
    release = asyncio.Event()
    ran: list[int] = []

    async def handler(uid: int) -> None:
        await release.wait()
        ran.append(uid)

    tasks = [asyncio.create_task(processor.process_update(_update(i, -100601), handler(i)))
             for i in range(5)]
    await asyncio.sleep(0.05)
    processor.begin_stop()
    assert processor.cancel_running() == 1  # the running one: cancelled and held
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=10)
    assert ran == [] and sorted(held) == [0, 1, 2, 3, 4]


async def test_busy_groups_holding_every_slot_do_not_hold_a_private_reader() -> None:
    """QA37 T8: 200 groups' handlers waiting in their windows held all RUNNING slots; a private
    reader waited behind them (18.6 s). Counts: the private handler runs while all wait."""
    processor = ChatOrderedProcessor()
    release = asyncio.Event()
    private_done = asyncio.Event()
    waiting: list[int] = []

    async def group_handler(uid: int) -> None:
        waiting.append(uid)
        await release.wait()

    async def private_handler() -> None:
        private_done.set()

    groups = 200
    tasks = [asyncio.create_task(processor.process_update(_update(i, -100700 - i),
                                                          group_handler(i)))
             for i in range(groups)]
    await asyncio.sleep(0.05)
    assert len(waiting) == update_order.RUNNING  # every group slot taken
    tasks.append(asyncio.create_task(processor.process_update(_update(groups, 4243),
                                                              private_handler())))
    await asyncio.wait_for(private_done.wait(), timeout=20)
    assert len(waiting) == update_order.RUNNING  # still: the reader did not wait for them
    release.set()
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=30)
    assert len(waiting) == groups
