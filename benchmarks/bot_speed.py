"""Bot benchmark: rendering throughput on corpus articles, and topic-question round trips.

1. Render: digests built from corpus articles (headline = title, source, date, three key-quote
   stand-ins = the article's first sentences, related = the next articles of the same source)
   rendered with bot.render.render_digest one by one and with render_bundle five at a time.
   Figures: digests rendered per second (median of --runs), messages the bundles made, and the
   largest message in UTF-16 units after entity parsing (must stay ≤ 4096; measured with the
   emulator's Telegram HTML parser, outside the timed loops).
2. Round trip: the real PTB Application against the emulator on 127.0.0.1 with the sample site
   ingested; a user asks topic questions and /start; figure: milliseconds from the user's message
   to the bot's answer recorded by the emulator (median and 90th percentile).

    .venv/bin/python benchmarks/bot_speed.py [--limit 2000] [--runs 5] [--questions 40]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"

from bot.lines import utf16_len
from bot.render import render_bundle, render_digest
from bot.telegram_html import parse_html  # noqa: E402
from digests.arabic import sentences  # noqa: E402
from digests.models import Digest, Quote, RelatedItem, parse_iso  # noqa: E402

QUESTIONS = ("الغوطة", "لبنان", "إيران", "مصر", "النفط", "دوما", "الانتخابات", "صلاح",
             "الأمم المتحدة", "ماكرون")


def corpus_digests(limit: int) -> list[Digest]:
    """Digests made from the first `limit` corpus articles (stand-ins for condensed ones)."""
    rows = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            rows.append(json.loads(line))
            if len(rows) >= limit + 5:
                break
    out = []
    for i, row in enumerate(rows[:limit]):
        quotes = tuple(Quote(s, row.get("source") or "") for s in
                       sentences(row.get("text") or "")[:3])
        related = tuple(RelatedItem(r.get("title") or "", r.get("url") or "")
                        for r in rows[i + 1:i + 4])
        out.append(Digest(url=row.get("url") or "", source=row.get("source") or "",
                          headline=row.get("title") or "",
                          published_at=parse_iso(row.get("published")), quotes=quotes,
                          related=related, article_id=i))
    return out


def bench_render(digests: list[Digest], runs: int) -> dict[str, float]:
    now = datetime(2018, 3, 10, tzinfo=timezone.utc)
    single, bundled = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        singles = [render_digest(d, "ar", now) for d in digests]
        single.append(len(digests) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        bundles = [m for i in range(0, len(digests), 5)
                   for m in render_bundle(digests[i:i + 5], "ar", now)]
        bundled.append(len(digests) / (time.perf_counter() - t0))
    # Measured apart from the timing: each message as Telegram counts it (after entity parsing).
    largest = max(utf16_len(parse_html(m).text) for m in singles + bundles)
    return {"digests": len(digests), "render_digest_per_s": statistics.median(single),
            "render_bundle_per_s": statistics.median(bundled),
            "bundle_messages": len(bundles), "largest_message_utf16_units": largest}


async def bench_round_trip(questions: int) -> dict[str, float]:
    sys.path.insert(0, str(ROOT / "tests"))
    from botkit import READER, running_bot, sample_db

    with tempfile.TemporaryDirectory() as tmp:
        async with running_bot(sample_db(Path(tmp))) as h:
            await h.say(READER, "/start")  # warm up
            timings = []
            for i in range(questions):
                text = QUESTIONS[i % len(QUESTIONS)] if i % 5 else "/start"
                t0 = time.perf_counter()
                await h.say(READER, text)
                timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    return {"questions": questions, "round_trip_ms_median": statistics.median(timings),
            "round_trip_ms_p90": timings[int(0.9 * (len(timings) - 1))]}


def main(argv: Sequence[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--questions", type=int, default=40)
    args = parser.parse_args(argv)
    figures: dict[str, float] = {}
    figures.update(bench_render(corpus_digests(args.limit), args.runs))
    figures.update(asyncio.run(bench_round_trip(args.questions)))
    for key, value in figures.items():
        print(f"{key:32} {value:,.1f}" if isinstance(value, float) else f"{key:32} {value}")
    return figures


if __name__ == "__main__":
    main()
