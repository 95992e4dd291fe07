"""The sender's rate limiter: Telegram's limits kept on our side, so sends are not refused.

`RateLimiter` paces every message the sender (bot.sender) sends: a smooth overall schedule at
`RATE_MARGIN` of the configured rate (no burst), at most one message per `CHAT_INTERVAL` per chat,
at most `GROUP_LIMIT` per `GROUP_WINDOW` per group or channel; after a 429 the refused chat
waits, and every send when several chats are refused at once (`too_many`). The bot's answers to
readers take their slots from the same limiter (bot.reply_limiter).
Times are `time.monotonic()` seconds. Tests shorten the windows by patching this module's constants,
and read the limiter's decisions through `RateLimiter.observe` rather than the clock of a busy host.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import heapq
import itertools
import time
from collections.abc import Callable, Iterator

CHAT_INTERVAL = 1.05  # seconds between messages to one chat (1/s plus a margin for jitter)
GROUP_WINDOW = 60.5  # seconds of the per-group window
GROUP_LIMIT = 20  # messages per group window
RATE_MARGIN = 0.95  # send at 95% of the configured rate: network jitter must not cross the limit
# A 429 names no scope (QA27 D1). One chat refused while other chats' messages are answered is
# that chat's limit (its own flood wait, or a reply we sent there): only that chat waits. When
# SHARED_429_CHATS different chats are refused within SHARED_429_WINDOW seconds with no send
# answered otherwise in between (accepted, or refused for another reason: a 5xx is Telegram
# answering, not flood control), the bot as a whole is over: everything pauses (DESIGN's «wait
# and keep order»). QA32 R3: with two chats, and a 5xx not counted as an answer, one chat's
# 429 still paused everyone in chains (S20: 45 pauses, 213 s).
SHARED_429_WINDOW = 10.0
SHARED_429_CHATS = 3
# A chat refused again within this many seconds of its last 429 (its retry refused again) is
# its own limit still: held, never evidence that everyone is over (QA32 R3)
REPEAT_429_WINDOW = 60.0
# QA40 N10: the schedule spaces the slots, but a slot's message leaves after the sender's claim
# (a database write): on a loaded host that delay varies by more than the 5% margin, so 30
# messages of 1.05 s of slots could leave within one second (24 «overall» 429s in 9,405 sends at
# 5,000 chats). So every message leaving is counted where it leaves (`on_wire`), and a slot is
# granted only while those of the last WIRE_WINDOW seconds, with the slots granted and not yet
# gone, stay under the configured rate less WIRE_SLACK: a sliding window, as Telegram counts.
WIRE_WINDOW = 1.0
WIRE_SLACK = 1
# A slot granted and not gone after this many seconds (its claim failed) stops counting
WIRE_PENDING_TTL = 1.0
# QA62-4: a slot taken late (the event loop busy with another send's step, a bundle still
# rendering) kept none of its lateness: the schedule restarted from it, so a loop late by 3.5 ms
# a wake on average sent 27.5 a second, not 28.5 (X97's probe, 1,000 chats on a loaded host). A
# slot taken up to CATCH_UP intervals late keeps the schedule, and the next ones make it up, never
# closer together than CATCH_UP_GAP of an interval (two at most where one was due: the wire window
# above still counts every second); later than that (idle, a stall, a pause) the schedule starts
# anew, as before.
CATCH_UP = 3.0
CATCH_UP_GAP = 0.5
# QA62-5: Telegram counts a message where it ARRIVES; one that left on time may arrive late (the
# loop busy rendering a push's first bundles, a new connection) together with the next ones:
# two «overall» 429s at a push's start although no second of departures held 30. A message sent
# in `flight` counts from when it leaves until WIRE_WINDOW after its answer, whatever the answer
# (accepted, refused, 5xx, a timeout, a dropped connection: it may have arrived before it), so no
# second of arrivals holds more than the window allows. One still in flight after WIRE_FLIGHT
# seconds (a slow Telegram) stops counting then: a send that never ends holds no slot for ever.
WIRE_FLIGHT = 2.0


class RateLimiter:
    """Smooth overall schedule (starts at least 1/rate s apart, no burst), per-chat spacing,
    per-group window, and a global pause for RetryAfter. Times are time.monotonic().

    The overall gate serves tickets in order, one at a time, on a GCRA schedule (a message may
    leave `tolerance` before its theoretical time): the event loop's usual lateness is made up
    so the rate holds, and after a stall at most `tolerance / interval + 1` messages go at once —
    one tenth of an interval at 30/s (no burst at all), about 1% of a second's worth at 1000/s.
    A slot taken at most CATCH_UP intervals late keeps the schedule: the next ones go sooner,
    each at least CATCH_UP_GAP of an interval after the one before (QA62-4).
    Slots are never taken in advance, so waiters do not all go at once after a stall. A message
    retried after a 429 keeps its ticket, so it goes first when the pause ends: nothing is
    reordered.

    `observe`, when set, is called with (chat id, monotonic time) at every slot granted: the
    limiter's own decisions, which keep the limits whatever the host's load (the times messages
    reach Telegram add network jitter on top). Tests replay them through Telegram's windows.
    """

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / (rate * RATE_MARGIN)
        self.tolerance = self.interval * max(0.1, int(rate * RATE_MARGIN * 0.01) - 1)
        self._next = 0.0
        self._last = float("-inf")  # when the gate last granted a slot
        self._min_gap = max(0.0, min(self.interval - self.tolerance,
                                     self.interval * CATCH_UP_GAP))
        self._catch_up = self.interval * CATCH_UP
        self._paused_until = 0.0
        self._tickets = itertools.count()
        self._waiting: list[tuple[int, asyncio.Future[None]]] = []
        self._holder: int | None = None
        # set to make the gate's holder look again: an earlier ticket came (a 429 retry), or a
        # message in flight was answered (its count now ends a window after, not at WIRE_FLIGHT)
        self._wake = asyncio.Event()
        self._chat_next: dict[int, float] = {}
        self._chat_before: dict[int, float] = {}
        self._group: dict[int, collections.deque[float]] = {}
        self._refused_at: dict[int, float] = {}  # chat → its first 429 since an answer
        self._last_429: dict[int, float] = {}  # chat → its last 429 (repeats: REPEAT_429_WINDOW)
        self._held: dict[int, float] = {}  # chat → end of its own 429 wait (monotonic)
        self._accepted = 0.0  # when Telegram last accepted a message (monotonic)
        self.observe: Callable[[int, float], None] | None = None
        # QA40 N10: messages gone in the last WIRE_WINDOW (when each left), and the slots
        # granted that have not left yet (when each was granted)
        self.wire_cap = max(1, int(rate) - WIRE_SLACK)
        self._wire: collections.deque[float] = collections.deque()
        self._granted: collections.deque[float] = collections.deque()
        # QA62-5: messages in `flight` not answered yet (when each left), and those answered
        # (when each was answered: it counts until WIRE_WINDOW after)
        self._flying: list[float] = []
        self._answered: list[float] = []

    def pause(self, seconds: float) -> None:
        """Hold every send for `seconds` (Telegram answered 429 retry_after)."""
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    def too_many(self, chat_id: int, seconds: float) -> bool:
        """Telegram answered a message to `chat_id` 429 retry_after=`seconds`: that chat waits
        `seconds`; every send pauses instead when SHARED_429_CHATS different chats were refused
        within SHARED_429_WINDOW with no send answered otherwise since (the limit is the bot's,
        not the chat's). A chat refused again (within REPEAT_429_WINDOW of its last 429) is
        held and weighs nothing. Returns True when all sends pause."""
        now = time.monotonic()
        repeat = now - self._last_429.get(chat_id, -REPEAT_429_WINDOW) < REPEAT_429_WINDOW
        self._last_429[chat_id] = now
        self._refused_at = {c: t for c, t in self._refused_at.items()
                            if now - t < SHARED_429_WINDOW and t >= self._accepted}
        if not repeat:
            self._refused_at[chat_id] = now
        shared = not repeat and len(self._refused_at) >= SHARED_429_CHATS
        if shared:  # the refused message then goes first after the pause (its ticket)
            self.pause(seconds)
        else:
            self.hold(chat_id, seconds)
        return shared

    def accepted(self) -> None:
        """Telegram answered a send with anything but a 429 (accepted it, or a 5xx, a refusal):
        a 429 after it is weighed apart from those before."""
        self._accepted = time.monotonic()

    def hold(self, chat_id: int, seconds: float) -> None:
        """No message to `chat_id` for `seconds` (its own 429)."""
        self._held[chat_id] = max(self._held.get(chat_id, 0.0), time.monotonic() + seconds)

    async def wait_chat(self, chat_id: int) -> None:
        """Wait out the chat's own 429 (`hold`), if any."""
        while (wait := self._held.get(chat_id, 0.0) - time.monotonic()) > 0:
            await asyncio.sleep(wait)

    def note(self, chat_id: int, is_group: bool) -> None:
        """A message sent outside the gate (a reader's answer during a pause: bot.reply_limiter)
        still counts: the schedule's next slot moves on, and the chat's and group's limits."""
        now = time.monotonic()
        self._next = max(self._next, now) + self.interval
        self._taken(chat_id, is_group, now)
        self._wire.append(now)

    def on_wire(self) -> float:
        """A message granted by `acquire(…, wire_later=True)` leaves now (called right before
        the send, after the sender's claim): it counts in the sliding window from now until
        `landed` is told (with the time returned) and WIRE_WINDOW after, or WIRE_FLIGHT."""
        now = time.monotonic()
        if self._granted:
            self._granted.popleft()
        self._flying.append(now)
        return now

    def landed(self, left: float) -> None:
        """The message that left at `left` (`on_wire`) got its answer now, or its error: it
        arrived by now if at all, so it counts until WIRE_WINDOW from now. The gate's holder
        looks again: it may have been waiting for this message's WIRE_FLIGHT (X96's lost
        wake-up: at a cap of one, a reply retried after a 502 waited 2 s for every send ahead
        of it, and missed its test's 10 s)."""
        now = time.monotonic()
        with contextlib.suppress(ValueError):
            self._flying.remove(left)
        self._answered.append(min(now, left + WIRE_FLIGHT))
        self._wake.set()

    @contextlib.contextmanager
    def flight(self) -> Iterator[None]:
        """`on_wire` on entry, `landed` on exit however the block ends (an answer, a refusal,
        an error, a cancellation): the send inside counts until a window after its answer, and
        no send holds its place for longer (QA62-5)."""
        left = self.on_wire()
        try:
            yield
        finally:
            self.landed(left)

    def _wire_wait(self, now: float) -> float:
        """Seconds before the sliding window admits one more message (0.0: now)."""
        while self._wire and self._wire[0] <= now - WIRE_WINDOW:
            self._wire.popleft()
        while self._granted and self._granted[0] <= now - WIRE_PENDING_TTL:
            self._granted.popleft()
        if self._flying and self._flying[0] <= now - WIRE_FLIGHT:
            self._flying = [t for t in self._flying if t > now - WIRE_FLIGHT]
        if self._answered and min(self._answered) <= now - WIRE_WINDOW:
            self._answered = [t for t in self._answered if t > now - WIRE_WINDOW]
        counted = len(self._wire) + len(self._granted) + len(self._flying) + len(self._answered)
        if counted < self.wire_cap:
            return 0.0
        # the soonest any of them stops counting (each is in the future: pruned above)
        frees = [t + WIRE_WINDOW for t in self._answered]
        frees += [self._wire[0] + WIRE_WINDOW] if self._wire else []
        frees += [self._granted[0] + WIRE_PENDING_TTL] if self._granted else []
        frees += [self._flying[0] + WIRE_FLIGHT] if self._flying else []
        return max(0.001, min(frees) - now)

    def _taken(self, chat_id: int, is_group: bool, at: float) -> None:
        """A message to `chat_id` went at `at`: the chat's spacing and its group's window count
        it (`refused` takes it back)."""
        self._chat_before[chat_id] = self._chat_next.get(chat_id, 0.0)
        self._chat_next[chat_id] = at + CHAT_INTERVAL
        if is_group:
            self._group.setdefault(chat_id, collections.deque()).append(at)

    def paused_for(self) -> float:
        """Seconds every send is still held after Telegram's 429 (0.0 when not paused)."""
        return max(0.0, self._paused_until - time.monotonic())

    def _chat_ready(self, chat_id: int, is_group: bool, now: float, spacing: bool = True
                    ) -> float:
        ready = max(self._chat_next.get(chat_id, 0.0) if spacing else 0.0,
                    self._held.get(chat_id, 0.0))
        window = self._group.get(chat_id) if is_group else None
        if window is not None:
            while window and window[0] <= now - GROUP_WINDOW:
                window.popleft()
            if len(window) >= GROUP_LIMIT:
                ready = max(ready, window[0] + GROUP_WINDOW)
        return ready

    def ready_in(self, chat_id: int, is_group: bool, *, spacing: bool = True) -> float:
        """Seconds before a message to `chat_id` may go by the chat's own limits (its spacing,
        its 429 wait, its group's window); 0.0 when it may go now."""
        now = time.monotonic()
        return max(0.0, self._chat_ready(chat_id, is_group, now, spacing) - now)

    async def acquire(self, chat_id: int, is_group: bool, ticket: int | None = None, *,
                      spacing: bool = True, wire_later: bool = False) -> int:
        """Wait until a message to `chat_id` may go, and take the slot. Returns the ticket; pass
        it again to retry the same message ahead of later ones. `spacing=False` (a reader's
        answer in a private chat, bot.reply_limiter) skips the one-second spacing Telegram lets
        a short burst exceed, not the chat's 429 wait nor the overall schedule. `wire_later`:
        the caller says when the message leaves (`on_wire`); else it leaves now."""
        # The chat's own limits first, outside the gate: a chat waiting for its second does not
        # hold up the others. (One bundle per chat is in flight, so nobody else moves them.)
        while (wait := self._chat_ready(chat_id, is_group, time.monotonic(), spacing)
               - time.monotonic()) > 0:
            await asyncio.sleep(wait)
        if ticket is None:
            ticket = next(self._tickets)
        holding = False
        try:
            await self._enter(ticket)
            holding = True
            while True:
                now = time.monotonic()
                wait = max(self._next - self.tolerance - now, self._last + self._min_gap - now,
                           self._paused_until - now, self._wire_wait(now))
                if wait <= 0:
                    sent_at = time.monotonic()
                    # late by up to CATCH_UP intervals: the schedule holds (QA62-4)
                    late = sent_at - self._next > self._catch_up
                    self._next = (sent_at if late else self._next) + self.interval
                    self._last = sent_at
                    (self._granted if wire_later else self._wire).append(sent_at)
                    break
                if self._waiting and self._waiting[0][0] < ticket:
                    holding = False  # an earlier message (a 429 retry) goes first
                    self._exit()
                    await self._enter(ticket)
                    holding = True
                    continue
                self._wake.clear()
                await wait_event(self._wake, wait)
        finally:
            if holding:
                self._exit()
        self._taken(chat_id, is_group, sent_at)
        if self.observe is not None:
            self.observe(chat_id, sent_at)
        return ticket

    def refused(self, chat_id: int, is_group: bool) -> None:
        """The last slot of `chat_id` was answered 429: Telegram did not count it, so neither
        do the chat's limits (the retry need not wait a second more than the pause)."""
        if chat_id in self._chat_before:
            self._chat_next[chat_id] = self._chat_before.pop(chat_id)
        window = self._group.get(chat_id)
        if is_group and window:
            window.pop()

    async def _enter(self, ticket: int) -> None:
        granted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (ticket, granted))
        if self._holder is not None and ticket < self._holder:
            self._wake.set()  # an earlier message (a 429 retry) must go first
        self._grant()
        try:
            await granted
        except asyncio.CancelledError:
            if granted.done() and not granted.cancelled():
                self._exit()
            else:
                self._waiting = [w for w in self._waiting if w[1] is not granted]
                heapq.heapify(self._waiting)
            raise

    def _grant(self) -> None:
        while self._holder is None and self._waiting:
            ticket, granted = heapq.heappop(self._waiting)
            if not granted.done():
                self._holder = ticket
                granted.set_result(None)

    def _exit(self) -> None:
        self._holder = None
        self._grant()

    def forget_idle(self) -> None:
        """Drop per-chat state that no longer constrains anything (memory stays bounded)."""
        now = time.monotonic()
        for chat_id in [c for c, t in self._chat_next.items() if t < now]:
            del self._chat_next[chat_id]
            self._chat_before.pop(chat_id, None)
        for chat_id in [c for c, w in self._group.items() if not w or w[-1] < now - GROUP_WINDOW]:
            del self._group[chat_id]
        self._held = {c: t for c, t in self._held.items() if t > now}
        if len(self._last_429) > 1000:
            self._last_429 = {c: t for c, t in self._last_429.items()
                              if now - t < REPEAT_429_WINDOW}


async def wait_event(event: asyncio.Event, seconds: float) -> None:
    """Wait for `event` at most `seconds`. Not asyncio.wait_for: on Python 3.11 it can swallow a
    cancellation that arrives as the wait ends, and a cancelled sender would then run forever."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(seconds):
            await event.wait()
