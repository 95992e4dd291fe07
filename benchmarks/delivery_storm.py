"""A broadcast through a fault storm (QA32 S1 / S20 / S23): messages per second, pauses of every
send, and what was lost.

The sender (bot.sender) against the Telegram emulator enforcing Telegram's limits (30/s overall,
1/s per chat, 20/min per group), N chats with one alert each, and QA32's S1 mix of faults:
`--per-chat` chats answering a 429 `retry_after=--wait` twice for themselves (their retry is
refused again), and during the broadcast, every `--every` seconds in turn, a 502 on the next
send, a per-chat-sized 429 on the next send (whoever it is for), or every send refused 429 for
the next `--global-calls` sends (the bot over its limit), for the first `--storm` seconds. `--outage S` adds QA32's S23: every send
answers 502 for S seconds from the start (timed). Prints each run's seconds, the median's
msg/s, «pausing all sends» count, rows failed and chats without their alert (lost).

    .venv/bin/python benchmarks/delivery_storm.py [--chats 900] [--per-chat 20] [--wait 7]
        [--every 2] [--global-calls 4] [--storm 20] [--outage 0] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from telegram import Bot  # noqa: E402

from bot.emulator import Emulator  # noqa: E402
from bot.sender import Sender  # noqa: E402
from delivery_helpers import NOW, add_article, add_chat, add_source  # noqa: E402
from digests.models import iso  # noqa: E402
from digests.settings import Settings  # noqa: E402
from digests.storage import Database  # noqa: E402


class Count(logging.Handler):
    """Counts the courier's «pausing all sends» and «holding this chat» lines."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.paused = 0
        self.held = 0

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        self.paused += "pausing all sends" in text
        self.held += "holding this chat" in text


async def storm(emu: Emulator, every: float, wait: int, global_calls: int,
                seconds: float) -> None:
    """Injects the counted faults in turn for the broadcast's first `seconds` (counted faults
    queued with nobody left to send to would refuse the last chats' retries for ever)."""
    turn = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        await asyncio.sleep(every)
        kind = turn % 3
        if kind == 0:
            emu.fail_next(1, 502, "Bad Gateway")
        elif kind == 1:
            emu.inject_429(1, retry_after=max(1, wait // 2))
        else:
            emu.inject_429(global_calls, retry_after=2)
        turn += 1


async def one_run(args: argparse.Namespace) -> tuple[float, float, int, int, int, int]:
    """(seconds to the last message, the broadcast's msg/s — the chats not refusing for
    themselves, up to the last of them —, pauses, holds, rows failed, chats lost)."""
    with tempfile.TemporaryDirectory() as folder, Emulator() as emu:
        path = Path(folder) / "bench.db"
        db = Database(path)
        article = add_article(db, add_source(db, "src"), "خبر", story_id=1)
        for chat in range(1, args.chats + 1):
            add_chat(db, chat)  # quiet hours off: the result does not depend on the hour
        with db.transaction() as tx:
            for chat in range(1, args.chats + 1):
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                           " status) values (?, 1, ?, 'instant', ?, 'pending')",
                           [chat, article.id, iso(NOW)])
        emu.rate_limits(True, overall_per_second=30)
        step = max(1, args.chats // max(1, args.per_chat))
        for chat in range(5, 5 + args.per_chat * step, step):  # spread over the broadcast
            emu.inject_429(2, retry_after=args.wait, chat_id=chat)
        if args.outage:
            emu.outage(args.outage)
        count = Count()
        logging.getLogger("bot.courier").addHandler(count)
        logging.getLogger("bot.courier").setLevel(logging.WARNING)
        logging.getLogger("bot.courier").propagate = False
        try:
            async with Bot("1:BENCH", base_url=emu.base_url) as bot:
                sender = Sender(db, bot, Settings(database_path=path, send_rate_per_second=30),
                                instant_gap=timedelta(0), retry_delay=5.0)
                faults = asyncio.create_task(storm(emu, args.every, args.wait,
                                                   args.global_calls, args.storm))
                started = time.monotonic()
                await sender.drain(timeout=600)
                elapsed = time.monotonic() - started
                faults.cancel()
        finally:
            logging.getLogger("bot.courier").removeHandler(count)
        got = {m.chat_id for m in emu.messages()}
        refusing = set(range(5, 5 + args.per_chat * step, step))
        others = [m.at for m in emu.sent_log() if m.chat_id not in refusing]
        rate = len(others) / max(1e-9, max(others, default=started) - started)
        failed = db.db.execute("select count(*) from outbox where status = 'failed'"
                               ).fetchone()[0]
        db.close()
        return (elapsed, rate, count.paused, count.held, int(failed),
                args.chats - len(got))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=900)
    parser.add_argument("--per-chat", type=int, default=20)
    parser.add_argument("--wait", type=int, default=7)
    parser.add_argument("--every", type=float, default=2.0)
    parser.add_argument("--global-calls", type=int, default=4)
    parser.add_argument("--outage", type=float, default=0.0)
    parser.add_argument("--storm", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    runs = [asyncio.run(one_run(args)) for _ in range(args.runs)]
    median = statistics.median(r[1] for r in runs)
    print(f"{args.chats} chats, {args.per_chat} refusing twice (429 {args.wait} s), a fault "
          f"every {args.every} s, outage {args.outage:.0f} s:")
    for seconds, rate, paused, held, failed, lost in runs:
        print(f"  all sent in {seconds:.1f} s; broadcast {rate:.1f} msg/s; pausing all sends "
              f"{paused}, holding a chat {held}; rows failed {failed}, chats lost {lost}")
    print(f"median broadcast rate {median:.1f} msg/s")


if __name__ == "__main__":
    main()
