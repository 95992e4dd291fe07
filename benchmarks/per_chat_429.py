"""Per-chat 429s during a broadcast (QA27 D1): how long the sender takes when a few chats answer
a 429 for themselves.

The sender (bot.sender) against the Telegram emulator enforcing Telegram's limits (30/s overall,
1/s per chat), N chats with one alert each, K of them answering one 429 `retry_after=W` for their
own chat. Before X42 every such 429 paused every send; now only that chat waits. Prints the
seconds of each run, the median and messages/s, and checks nothing was lost or sent twice.

    .venv/bin/python benchmarks/per_chat_429.py [--chats 300] [--refused 10] [--wait 4] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
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


async def one_run(chats: int, refused: int, wait: int) -> float:
    """Seconds to deliver one alert to each of `chats` chats, `refused` of them refused once."""
    with tempfile.TemporaryDirectory() as folder, Emulator() as emu:
        path = Path(folder) / "bench.db"
        db = Database(path)
        article = add_article(db, add_source(db, "src"), "خبر", story_id=1)
        for chat in range(1, chats + 1):
            add_chat(db, chat)
        with db.transaction() as tx:
            for chat in range(1, chats + 1):
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                           " status) values (?, 1, ?, 'instant', ?, 'pending')",
                           [chat, article.id, iso(NOW)])
        emu.rate_limits(True, overall_per_second=30)
        step = max(1, chats // max(1, refused))
        for chat in range(5, 5 + refused * step, step):  # spread over the broadcast
            emu.inject_429(1, retry_after=wait, chat_id=chat)
        async with Bot("1:BENCH", base_url=emu.base_url) as bot:
            sender = Sender(db, bot, Settings(database_path=path, send_rate_per_second=30),
                            instant_gap=timedelta(0), retry_delay=0.2)
            started = time.monotonic()
            await sender.drain(timeout=300)
            elapsed = time.monotonic() - started
        got = emu.messages()
        assert len(got) == chats == len({m.chat_id for m in got}), "lost or sent twice"
        db.close()
        return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chats", type=int, default=300)
    parser.add_argument("--refused", type=int, default=10)
    parser.add_argument("--wait", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = [asyncio.run(one_run(args.chats, args.refused, args.wait)) for _ in range(args.runs)]
    median = statistics.median(runs)
    print(f"{args.chats} chats, {args.refused} answering a per-chat 429 (retry_after="
          f"{args.wait}): runs {', '.join(f'{r:.1f}' for r in runs)} s; median {median:.1f} s"
          f" = {args.chats / median:.1f} msg/s; lost 0, duplicates 0")


if __name__ == "__main__":
    main()
