"""What a failed send does to a bundle's rows (bot.courier): which refusals mean the chat is gone,
which errors prove the message never left, and how long a retry waits.

- Forbidden or BadRequest with DEACTIVATING / GONE_CHAT words: the chat is gone for good (the
  courier deactivates it; bot.app does the same when a reply meets them).
- A TimedOut or NetworkError that proves the request never reached Telegram (`not_sent`: pool or
  connect timeout, connection refused): retried without using an attempt, after 1 s doubling
  with each such failure in a row, any chat (they share one Bot API), up to
  UNREACHABLE_MAX_DELAY; one WARNING a minute says how many there were (QA17 N-a).
- Any other transient error may have been delivered ("maybe sent"): AT LEAST ONCE — retried
  after the courier's retry delay doubling per attempt, failed for good after MAX_ATTEMPTS, so
  a reader may get a duplicate but never silently loses a digest.
- An outage (QA32 R2): "maybe sent" failures (a 5xx, a read timeout) in OUTAGE_CHATS different
  chats with no message accepted in between are Telegram failing, not the rows: every send
  pauses (the limiter, `pause`) for OUTAGE_FIRST_DELAY doubling while it lasts, up to
  OUTAGE_MAX_DELAY, and the rows failing meanwhile are retried without using an attempt — a
  120-s all-502 storm failed 294 of 300 readers' alerts for good after 5 attempts each. One
  WARNING when it starts, one when Telegram answers again; /stats says it (bot.stats_warnings).
- Not an outage (QA37 T5): three chats whose own sends always fail 5xx met the rule above; between
  rounds their retries were the only sends, so the «outage» renewed itself for 218 s, held every
  other reader, and their rows never used an attempt. When the probes after OUTAGE_PROOF_PAUSES
  pauses still fail in no chat but the ones that started it, the guess is withdrawn: those chats
  are their own trouble (`_own`: their failures count toward no outage until a message to them
  is accepted), their rows use attempts and fail as any other's. The price: with only three
  chats to send to, a real outage is taken for theirs after those pauses (rows then fail after
  MAX_ATTEMPTS, as before X48).
- Sent, never answered (QA75): a read timeout, or the connection reset after the request left
  (`sent_unanswered`: httpx's RemoteProtocolError or ReadError as PTB wraps them) may have
  been delivered — Telegram may have taken it —, unlike a 5xx, which is Telegram's answer that
  it failed. The outage counts them apart (`Backoff.outage_unanswered`): /stats does not call
  such an outage «refusing» and warns that the sends retried may arrive twice.
"""

from __future__ import annotations

import functools
import html
import logging
import re
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Literal

import httpx
from telegram.error import TimedOut

from bot.bundles import Bundle
from bot.owed import OwedWrites
from bot.telegram_html import utf16_len
from digests import outbox_states
from digests.logs import Throttle

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5  # transient failures before a row fails for good
DEACTIVATING = ("blocked by the user", "user is deactivated", "bot was kicked",
                "bot is not a member")
GONE_CHAT = ("chat not found",)  # 400s that are as permanent as a block
# A group whose admins took the bot's right to write (QA27 D10): since X71 held at the first
# refusal, its queue kept, with a channel's «need administrator rights» (bot.chat_holds.RIGHTS)
MUTED = "not enough rights to send"
# Telegram unreachable (QA17 N-a): every due chat failed "not sent" once a second, one WARNING
# each. The retry waits double with each such failure in a row (1 s … UNREACHABLE_MAX_DELAY,
# back to 1 s after a message goes), and one WARNING a minute says how many there were.
UNREACHABLE_MAX_DELAY = 60.0
UNREACHABLE_REPORT_EVERY = 60.0
# Telegram failing for everyone (QA32 R2): this many chats failed "maybe sent" in a row (no
# message accepted between) is an outage. Two could be two chats' own trouble; a third is not.
OUTAGE_CHATS = 3
OUTAGE_FIRST_DELAY = 5.0  # the first pause of an outage; doubles while it lasts
OUTAGE_MAX_DELAY = 30.0  # a probe every 30 s at most while Telegram stays down
OUTAGE_PROOF_PAUSES = 2  # probes failing after this many pauses in the starting chats only: theirs
OWN_TROUBLE_KEPT = 1000

Retried = Literal["not sent", "maybe sent", "failed", "outage"]

# a retry that uses no attempt: the message surely never left (or was never sent)
refunded = functools.partial(outbox_states.retry_later, refund_attempt=True)


class Backoff:
    """When a bundle whose send failed for a reason that may pass is tried again; one per
    courier, so the "unreachable" back-off is shared by every chat it sends to."""

    def __init__(self, writes: OwedWrites,
                 monotonic: Callable[[], float] = time.monotonic,
                 pause: Callable[[float], None] | None = None) -> None:
        """`pause(seconds)` holds every send (the limiter's) while Telegram is out."""
        self.writes = writes
        self._unreachable = 0  # "not sent" failures in a row, any chat (the back-off)
        self._report = Throttle(UNREACHABLE_REPORT_EVERY, monotonic)
        self._monotonic = monotonic
        self._pause = pause
        self._failing: set[int] = set()  # chats failed "maybe sent" since a message was accepted
        self._outage_since: float | None = None  # monotonic start of the outage, if one
        self._outage_delay = 0.0  # the current pause of the outage (doubles)
        self._outage_paused_until = 0.0  # monotonic end of that pause
        self._outage_rows: set[int] = set()  # rows retried without an attempt in the outage
        self._outage_chats: set[int] = set()  # chats failed "maybe sent" during the outage
        self._outage_start: frozenset[int] = frozenset()  # the chats that made it an outage
        self._outage_pauses = 0
        self._own: set[int] = set()  # chats whose failures were their own (QA37 T5)
        # of `_failing`, the chats whose send went out and got no answer (`sent_unanswered`)
        self._failing_unanswered: set[int] = set()
        self._outage_failures = 0  # sends failed in the outage (its starters' included)
        self._outage_unanswered = 0  # … of them sent and never answered: they may have gone

    def outage(self) -> tuple[float, int, float] | None:
        """(seconds since it started, rows retried for it, current pause) while Telegram fails
        for every chat (QA32 R2), else None."""
        if self._outage_since is None:
            return None
        return (self._monotonic() - self._outage_since, len(self._outage_rows),
                self._outage_delay)

    def outage_unanswered(self) -> tuple[int, int]:
        """(sends failed in the current outage, those of them sent and never answered — a
        reset connection, a read timeout: they may have reached their chat, QA75-4); (0, 0)
        when there is no outage."""
        if self._outage_since is None:
            return 0, 0
        return self._outage_failures, self._outage_unanswered

    def delay(self) -> float:
        """Seconds before a "not sent" bundle is tried again: 1, 2, 4 … UNREACHABLE_MAX_DELAY
        with each such failure in a row (any chat: they share one Bot API)."""
        return min(UNREACHABLE_MAX_DELAY, 2.0 ** min(self._unreachable, 16))

    def reached(self, chat_id: int | None = None) -> None:
        """A message went (to `chat_id`): Telegram is reachable, the next "not sent" waits 1 s
        again, and an outage is over."""
        self._unreachable = 0
        self._failing.clear()
        self._failing_unanswered.clear()
        if chat_id is not None:
            self._own.discard(chat_id)  # it takes messages again: its failures count again
        if self._outage_since is not None:
            log.warning("Telegram accepts messages again: outage over seconds=%.0f "
                        "rows_retried=%d", self._monotonic() - self._outage_since,
                        len(self._outage_rows))
            self._end_outage()

    def _end_outage(self) -> None:
        self._outage_since = None
        self._outage_delay = self._outage_paused_until = 0.0
        self._outage_rows.clear()
        self._outage_chats.clear()
        self._outage_start = frozenset()
        self._outage_pauses = 0
        self._outage_failures = self._outage_unanswered = 0

    def _in_outage(self, chat_id: int, reason: str, unanswered: bool = False) -> bool:
        """Count a "maybe sent" failure of `chat_id` (`unanswered`: sent, no answer came);
        True while Telegram fails for everyone."""
        if chat_id in self._own:  # its own trouble, seen before: no outage from it
            return False
        self._failing.add(chat_id)
        if unanswered:
            self._failing_unanswered.add(chat_id)
        else:
            self._failing_unanswered.discard(chat_id)
        if self._outage_since is None and len(self._failing) >= OUTAGE_CHATS:
            self._outage_since = self._monotonic()
            self._outage_start = frozenset(self._failing)
            # the failures that made it one, counted as the outage's first
            self._outage_failures = len(self._failing) - 1
            self._outage_unanswered = len(self._failing_unanswered - {chat_id})
            log.warning("Telegram fails for every chat (outage): pausing all sends, rows keep "
                        "their attempts chats=%d reason=%s", len(self._failing), reason)
        if self._outage_since is not None:
            self._outage_chats.add(chat_id)
            self._outage_failures += 1
            self._outage_unanswered += unanswered
        return self._outage_since is not None

    def _only_its_starters(self, mono: float) -> bool:
        """A probe failed after the outage's pause: True (and the outage withdrawn) when, after
        OUTAGE_PROOF_PAUSES pauses, no chat but the ones that started it has failed."""
        if self._outage_paused_until > mono or self._outage_delay <= 0:
            return False  # not a probe: the first failure, or one on the wire during a pause
        self._outage_pauses += 1
        if self._outage_pauses < OUTAGE_PROOF_PAUSES \
                or not self._outage_chats <= self._outage_start:
            return False
        log.warning("not an outage: only the same chats fail, their rows use attempts again "
                    "chats=%s seconds=%.0f", ",".join(map(str, sorted(self._outage_start))),
                    mono - (self._outage_since or mono))
        self._own.update(self._outage_start)
        while len(self._own) > OWN_TROUBLE_KEPT:
            self._own.pop()
        self._failing.clear()
        self._end_outage()
        return True

    def retry(self, bundle: Bundle, row_ids: Sequence[int], err: Exception, now: datetime,
              retry_delay: float) -> Retried:
        """Record the rows' next try after `err` (owed when the database does not take it now):
        "not sent" (no attempt used), "maybe sent" (an attempt used) or "failed" (the last)."""
        surely_not_sent = not_sent(err)
        label = "not sent" if surely_not_sent else "maybe sent"
        reason = f"{type(err).__name__} ({label}): {err}"
        if surely_not_sent:
            # Our side never sent it (pool exhausted, Telegram unreachable): no attempt used.
            delay = self.delay()
            self._unreachable += 1
            self.writes.owe("retry", refunded, row_ids, now + timedelta(seconds=delay), reason)
            self._report_unreachable(bundle.chat_id, delay, reason)
            return "not sent"
        if self._in_outage(bundle.chat_id, reason, sent_unanswered(err)) \
                and not self._only_its_starters(self._monotonic()):
            # Telegram's failure, not the rows': no attempt used, every send paused (the
            # message first in line after it is the probe; accepted, the outage is over)
            mono = self._monotonic()
            if self._outage_paused_until <= mono:
                # the first failure, or the probe after the last pause failed: a longer pause
                # (failures of sends already on the wire during a pause do not lengthen it)
                self._outage_delay = min(OUTAGE_MAX_DELAY,
                                         max(OUTAGE_FIRST_DELAY, self._outage_delay * 2))
                self._outage_paused_until = mono + self._outage_delay
                if self._pause is not None:
                    self._pause(self._outage_delay)
            delay = max(1.0, self._outage_paused_until - mono)
            self._outage_rows.update(row_ids)
            self.writes.owe("retry", refunded, row_ids, now + timedelta(seconds=delay),
                            f"{reason} (Telegram outage)")
            log.debug("delivery retried after the outage chat=%s seconds=%.0f", bundle.chat_id,
                      delay)
            return "outage"
        if bundle.attempts + 1 >= MAX_ATTEMPTS and len(self._failing) > 1:
            # its last attempt failed while another chat's failed too and nothing was accepted
            # since: perhaps the outage's start, not this row's fault — no attempt used
            self.writes.owe("retry", refunded, row_ids,
                            now + timedelta(seconds=retry_delay * (2 ** bundle.attempts)), reason)
            log.warning("delivery retried later (another chat failing too) chat=%s reason=%s",
                        bundle.chat_id, reason)
            return "maybe sent"
        if bundle.attempts + 1 >= MAX_ATTEMPTS:
            self.writes.owe("failed", outbox_states.finish, row_ids, "failed", now, reason)
            log.error("delivery failed after attempts=%d chat=%s reason=%s", MAX_ATTEMPTS,
                      bundle.chat_id, reason)
            return "failed"
        delay = retry_delay * (2 ** bundle.attempts)
        self.writes.owe("retry", outbox_states.retry_later, row_ids,
                        now + timedelta(seconds=delay), reason)
        log.warning("delivery retried later chat=%s seconds=%.0f reason=%s", bundle.chat_id,
                    delay, reason)
        return "maybe sent"

    def _report_unreachable(self, chat_id: int, delay: float, reason: str) -> None:
        """One WARNING a minute while deliveries are not sent; the others at DEBUG."""
        count = self._report.due()
        if count is None:
            log.debug("delivery not sent, retried chat=%s seconds=%.0f reason=%s", chat_id,
                      delay, reason)
            return
        log.warning("deliveries not sent, retried (%d since the last report; the Bot API "
                    "unreachable?) chat=%s seconds=%.0f reason=%s", count, chat_id,
                    delay, reason)


def not_sent(err: Exception) -> bool:
    """True when PTB's error proves the request never reached Telegram (pool or connect
    timeout, connection refused); False when it may have been delivered."""
    cause = err.__cause__
    if isinstance(cause, (httpx.PoolTimeout, httpx.ConnectTimeout, httpx.ConnectError)):
        return True
    return "Pool timeout" in str(err) or "ConnectError" in str(err) \
        or "ConnectTimeout" in str(err)


# httpx's errors (as PTB's NetworkError names them, "httpx.<class>: …", and chains them) that
# come after the request was written, before any answer: the connection reset or closed while
# waiting (RemoteProtocolError "Server disconnected without sending a response", ReadError
# "Connection reset by peer"). Telegram may have handled the request. A WriteError is not one:
# the request was cut while being written. digests.push_queue.MAYBE_TWICE reads the same names
# in the rows' last_error.
UNANSWERED_ERRORS = (httpx.RemoteProtocolError, httpx.ReadError)


def sent_unanswered(err: Exception) -> bool:
    """True when the request went out and no answer came — a read or write timeout (not a pool
    or connect one: `not_sent`), or the connection dropped after the request left — so the
    message may have been delivered; False for an answer (a 5xx) or a send that never left."""
    if not_sent(err):
        return False
    if isinstance(err, TimedOut):
        return True
    cause = err.__cause__
    if isinstance(cause, UNANSWERED_ERRORS):
        return True
    return str(err).startswith(tuple(f"httpx.{e.__name__}:" for e in UNANSWERED_ERRORS))


def retry_after_seconds(value: timedelta | float) -> float:
    """Seconds of a PTB time period: a timedelta (PTB_TIMEDELTA, PTB 23) or int/float seconds."""
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value)


# 400s that mean our rendering, not the reader's chat (QA27 D6): the message is sent again once
# as plain text, split to fit, before its rows fail
RENDER_REFUSALS = ("message is too long", "text is too long", "can't parse entities")
PLAIN_LIMIT = 4000  # UTF-16 units a plain part may take (Telegram's 4096, with a margin)
_TAG = re.compile(r"<[^>]*>")


def plain_parts(text: str, limit: int = PLAIN_LIMIT) -> list[str]:
    """An HTML message Telegram refused, as plain text in parts of at most `limit` UTF-16 units
    (cut at line ends where it can; a line longer than `limit` is cut inside it). Pure."""
    plain = html.unescape(_TAG.sub("", text)).strip()
    parts: list[str] = []
    current = ""
    for line in plain.split("\n"):
        while utf16_len(line) > limit:
            cut = limit
            while utf16_len(line[:cut]) > limit:
                cut -= 1
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:cut])
            line = line[cut:]
        joined = f"{current}\n{line}" if current else line
        if utf16_len(joined) > limit:
            parts.append(current)
            current = line
        else:
            current = joined
    if current.strip():
        parts.append(current)
    return [p for p in parts if p.strip()] or ["…"]

