"""The sender's rate limiter on its own: order, spacing and pauses, on time.monotonic()."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot import limiter as limiter_module
from bot.limiter import RateLimiter, wait_event


async def test_limiter_no_burst_after_the_loop_stalls() -> None:
    limiter = RateLimiter(100.0)
    starts: list[float] = []
    # the limiter's own grant times (observe), not a clock read after acquire returns: a loaded
    # host can preempt the process between the two and narrow a gap (CI hardening)
    limiter.observe = lambda chat_id, at: starts.append(at)

    async def one(chat: int) -> None:
        await limiter.acquire(chat, False)
    tasks = [asyncio.create_task(one(c)) for c in range(8)]
    await asyncio.sleep(0)
    time.sleep(0.15)  # the event loop is blocked: every waiter is late
    await asyncio.gather(*tasks)
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    # never two at once: a slot late by less than CATCH_UP intervals (the loaded host) is made
    # up at most CATCH_UP_GAP of an interval after the one before (X97); the stall itself
    # (over CATCH_UP intervals) restarts the schedule, as before
    assert min(gaps) >= limiter_module.CATCH_UP_GAP * limiter.interval * 0.99


async def test_limiter_retry_after_429_goes_first() -> None:
    limiter = RateLimiter(50.0)
    ticket = await limiter.acquire(1, False)
    limiter.pause(0.3)  # chat 1's message got a 429
    limiter.refused(1, False)
    order: list[int] = []

    async def send(chat: int, ticket: int | None = None) -> None:
        await limiter.acquire(chat, False, ticket)
        order.append(chat)
    later = [asyncio.create_task(send(c)) for c in (2, 3)]
    await asyncio.sleep(0.05)  # they are waiting for the pause to end
    await asyncio.gather(send(1, ticket), *later)
    assert order == [1, 2, 3]


async def test_one_chat_is_spaced_and_others_are_not_held(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limiter_module, "CHAT_INTERVAL", 0.2)
    limiter = RateLimiter(1000.0)
    starts: dict[int, list[float]] = {1: [], 2: []}

    async def send(chat: int) -> None:
        await limiter.acquire(chat, False)
        starts[chat].append(time.monotonic())
    await send(1)
    await asyncio.gather(send(1), send(2))
    assert starts[1][1] - starts[1][0] >= 0.2
    assert starts[2][0] < starts[1][1]  # chat 2 did not wait for chat 1's second


async def test_group_window_and_refused_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    """A refused slot frees its place in the group's window: the third send goes, the fourth
    waits for the window. Asserted as an order, not a time (QA45 D6: «< 0.3 s» failed under
    load): the window is a minute, so the fourth cannot go while the test looks."""
    monkeypatch.setattr(limiter_module, "CHAT_INTERVAL", 0.0)
    monkeypatch.setattr(limiter_module, "GROUP_LIMIT", 2)
    monkeypatch.setattr(limiter_module, "GROUP_WINDOW", 60.0)
    limiter = RateLimiter(1000.0)
    await limiter.acquire(-5, True)
    await limiter.acquire(-5, True)
    limiter.refused(-5, True)  # the second was answered 429: it does not count
    third = asyncio.create_task(limiter.acquire(-5, True))
    done, _ = await asyncio.wait({third}, timeout=30)  # a guard: it would wait 60 s if counted
    assert third in done
    fourth = asyncio.create_task(limiter.acquire(-5, True))  # the window is full now
    for _ in range(20):  # the loop runs it as far as it can go
        await asyncio.sleep(0)
    assert not fourth.done()
    fourth.cancel()
    with pytest.raises(asyncio.CancelledError):
        await fourth


async def test_forget_idle_drops_only_expired_state(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limiter_module, "CHAT_INTERVAL", 60.0)
    limiter = RateLimiter(1000.0)
    await limiter.acquire(1, False)
    limiter.forget_idle()
    assert 1 in limiter._chat_next  # still constrains chat 1
    monkeypatch.setattr(limiter_module, "CHAT_INTERVAL", 0.0)
    await limiter.acquire(2, True)
    await asyncio.sleep(0.01)
    limiter.forget_idle()
    assert 2 not in limiter._chat_next


async def test_wait_event_returns_on_set_or_timeout() -> None:
    event = asyncio.Event()
    started = time.monotonic()
    await wait_event(event, 0.05)  # times out quietly
    assert time.monotonic() - started >= 0.05
    asyncio.get_running_loop().call_later(0.01, event.set)
    await wait_event(event, 30.0)
    assert event.is_set()


def test_paused_for_counts_down_the_429_pause() -> None:
    """/stats reads the pause through paused_for(): 0 before any 429, about the retry_after after
    one, never negative once it has passed."""
    limiter = RateLimiter(30)
    assert limiter.paused_for() == 0.0
    limiter.pause(90)
    assert 89.0 < limiter.paused_for() <= 90.0
    limiter.pause(5)  # a shorter retry_after never shortens the pause already held
    assert limiter.paused_for() > 89.0
    short = RateLimiter(30)
    short.pause(0.01)
    time.sleep(0.03)
    assert short.paused_for() == 0.0  # passed: 0, not a negative count


async def test_a_loop_late_at_every_wake_keeps_the_rate() -> None:
    """X97 (QA62-4): the event loop busy with other sends' steps wakes the gate a few ms late
    each time. The schedule restarted from every late slot, so the lateness was lost: 25 a
    second at 30/s with the loop busy in 5 ms steps (27.5 in a 1,000-chat rig on a loaded
    host). A slot late by up to CATCH_UP intervals keeps the schedule and the next ones make it
    up. The limiter's own grant times (observe), as above."""
    gate = RateLimiter(30.0)
    starts: list[float] = []
    gate.observe = lambda chat_id, at: starts.append(at)
    done = False

    async def busy() -> None:  # other sends' steps: the loop is held 5 ms at a time
        while not done:
            time.sleep(0.005)
            await asyncio.sleep(0)

    hog = asyncio.create_task(busy())
    for chat in range(120):
        await gate.acquire(chat, False)
    done = True
    await hog
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    # was 1.31 intervals (46 ms: 21.7 a second); now 1.00, up to 1.06 with the host loaded by
    # benchmarks and other tests (a preemption past CATCH_UP restarts the schedule)
    assert sum(gaps) / len(gaps) <= 1.15 * gate.interval, (sum(gaps) / len(gaps), gate.interval)
    assert min(gaps) >= limiter_module.CATCH_UP_GAP * gate.interval * 0.99  # never a burst
