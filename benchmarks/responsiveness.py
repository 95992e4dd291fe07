"""Responsiveness benchmark: how long a reader waits for the bot while a poll stores long pages.

The real PTB Application runs against the emulator (tests/botkit.py) on the sample database; the
sample site (digests.samplesite) on 127.0.0.1 serves one extra feed of N long article pages,
each made of consecutive corpus articles joined until it holds about --chars characters (the
extractor keeps at most 100,000). A poll of that feed is started in the bot's event loop
(`poll_once`, as /ingest and the scheduled poll run it) and, while it runs, a reader sends
/help and another /start, each every second from a thread of its own (so a message is sent at
any moment of the poll, whether the bot is free or not); the figure is the time from each
message to the bot's answer as the emulator accepted it (median, 90th percentile and maximum
over every message of every run), next to the same readers with no poll running, and the poll's
own duration. /help writes nothing to the database; /start stores its buttons' ids (a write,
which waits for the article transaction in progress, if any).

Modes, each measured in the same process so ratios compare like with like: `inline` runs the
store steps on the event loop as sessions 1–8 did (digests.writer.INLINE); `thread` in the
poll's writer thread with every step inside the article's transaction (session 9,
digests.prepared.AHEAD off); `ahead` (now) finds the digest's headline and quotes in the writer
thread before the transaction, which then only writes. Besides the answer times: the longest
write transaction of each poll and the time SQLite's write lock was held in all (every
transaction of the process, timed from BEGIN IMMEDIATE to COMMIT), and the share of answers
whose write the database refused after HANDLER_BUSY_SECONDS (the bot's own connection, as
`run_bot` opens it): «قاعدة البيانات مشغولة», or a /start without its buttons. `--burn N` keeps N processes spinning on the CPU during the runs (a loaded machine).
`--chars 1` makes every page one corpus article (ordinary pages).

    .venv/bin/python benchmarks/responsiveness.py [--pages 24] [--chars 60000] [--runs 3]
        [--only inline|thread|ahead] [--burn 0]
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
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"


def corpus_rows() -> Iterator[dict[str, Any]]:
    """The corpus articles in file order."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def long_pages(pages: int, chars: int, skip: int = 0) -> list[tuple[str, list[str]]]:
    """`pages` (title, paragraphs) made of consecutive corpus articles, ~`chars` characters each
    (`skip` pages' worth of articles are passed over, so every run stores pages never seen)."""
    out: list[tuple[str, list[str]]] = []
    title, size, skipped = "", 0, 0
    paragraphs: list[str] = []
    for row in corpus_rows():
        text = row.get("text") or ""
        if not text:
            continue
        title = title or (row.get("title") or "")
        paragraphs.extend(p for p in text.split("\n") if p.strip())
        size += len(text)
        if size >= chars:
            if skipped < skip:
                skipped += 1
            else:
                out.append((title, paragraphs))
            title, paragraphs, size = "", [], 0
            if len(out) == pages:
                break
    return out


class LockClock:
    """Times every outermost write transaction of the process, from BEGIN IMMEDIATE taking the
    lock to its COMMIT (Database.transaction patched): how long it kept other writers waiting."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self._saved: Any = None

    def uninstall(self) -> None:
        """Put Database.transaction back."""
        from digests.storage import Database

        if self._saved is not None:
            Database.transaction = self._saved  # type: ignore[method-assign]
            self._saved = None

    def install(self) -> None:
        from contextlib import contextmanager

        from digests.storage import Database

        self.uninstall()
        self._saved = Database.transaction
        original = Database.transaction.__wrapped__  # type: ignore[attr-defined]
        times = self.times

        @contextmanager
        def transaction(db: Database) -> Iterator[Any]:
            outer = not db._depth
            started = None
            try:
                with contextmanager(original)(db) as sql:
                    started = time.perf_counter()  # the lock is ours (BEGIN IMMEDIATE done)
                    yield sql
            finally:
                if outer and started is not None:  # until COMMIT or ROLLBACK is done
                    times.append(time.perf_counter() - started)

        Database.transaction = transaction  # type: ignore[method-assign, assignment]


LOCKS = LockClock()


def _burn(stop: Any) -> None:
    """Spin on the CPU until `stop` is set (a loaded machine)."""
    while not stop.is_set():
        sum(i * i for i in range(10_000))


async def one_run(pages: list[tuple[str, list[str]]], run: int,
                  idle_probes: int) -> dict[str, Any]:
    """One bot, one poll of `pages`: the readers' waits while it runs and before it."""
    from botkit import READER, running_bot, sample_db

    from bot.app import HANDLER_BUSY_SECONDS

    from digests.pipeline import poll_once
    from digests.samplesite import SampleSite
    from digests.sources import add_source, list_sources, remove_source

    now = datetime.now(timezone.utc)
    with SampleSite() as site, tempfile.TemporaryDirectory() as tmp:
        for i, (title, paragraphs) in enumerate(pages):
            site.publish(slug=f"long-{run}-{i}", feed="main", title=title, paragraphs=paragraphs,
                         published=now - timedelta(minutes=len(pages) - i))
        # the connection run_bot opens: a handler's write waits HANDLER_BUSY_SECONDS for the
        # lock, then the reader is told «busy»
        async with running_bot(sample_db(Path(tmp)), busy_seconds=HANDLER_BUSY_SECONDS) as h:
            for source in list_sources(h.db):
                remove_source(h.db, source.id)
            add_source(h.db, site.feed_url("main"), settings=h.settings, now=now)
            chats = {probe: READER + i for i, probe in enumerate(PROBES)}
            for chat in chats.values():
                await h.say(chat, "/start")  # warm up; each reader's chat is recorded
            idle, _ = await _probe(h, chats, stop=None, count=idle_probes)
            started = time.perf_counter()
            LOCKS.times.clear()
            poll = asyncio.create_task(poll_once(h.db, h.settings, now=now, only_due=False))
            busy, refused = await _probe(h, chats, stop=poll, count=None)
            summary = await poll
            took = time.perf_counter() - started
            held = list(LOCKS.times)
    return {"idle": idle, "busy": busy, "poll_s": took, "new": summary.new,
            "store_s": summary.timings.store, "tx_max_s": max(held, default=0.0),
            "tx_sum_s": sum(held), "refused": refused}


async def _probe(h: Any, chats: dict[str, int], *, stop: asyncio.Task[Any] | None,
                 count: int | None) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Readers write every PACE seconds from a thread of their own (so a busy event loop delays
    their answers, never their messages) — `count` rounds, or until `stop` is done; then each
    message's wait: from its sending to its answer accepted by the emulator (`SentMessage.at`),
    and how many answers per command said the database was busy."""
    import threading

    sent: dict[str, list[float]] = {probe: [] for probe in chats}
    before = {probe: len(h.emu.messages(chat)) for probe, chat in chats.items()}
    done = threading.Event()

    def readers() -> None:
        rounds = 0
        while not done.is_set() and (count is None or rounds < count):
            for probe, chat in chats.items():
                sent[probe].append(time.monotonic())
                h.emu.send_user_message(chat, probe)
            rounds += 1
            done.wait(PACE)

    thread = threading.Thread(target=readers, daemon=True)
    thread.start()
    if stop is not None:
        await asyncio.wait([stop])
        done.set()
    await asyncio.to_thread(thread.join)
    waits: dict[str, list[float]] = {}
    refused: dict[str, int] = {}
    for probe, chat in chats.items():
        got = await h.emu.await_messages(chat, before[probe] + len(sent[probe]), timeout=600)
        answers = got[before[probe]:]
        waits[probe] = [answer.at - at for answer, at in zip(answers, sent[probe])]
        # a write the database refused after HANDLER_BUSY_SECONDS: the reader told «busy», or
        # /start answered without its buttons (their ids could not be stored: bot.runtime)
        refused[probe] = sum(BUSY in answer.text or (probe == "/start" and not answer.buttons())
                             for answer in answers)
    return waits, refused


BUSY = "مشغولة"  # bot.app.BUSY_REPLY: a write that waited HANDLER_BUSY_SECONDS for the lock


PACE = 1.0  # seconds between one reader's messages
PROBES = ("/help", "/start")


async def bench(pages: int, chars: int, runs: int, modes: Sequence[str], idle: int = 5
                ) -> dict[str, dict[str, float]]:
    """`runs` runs, each of every mode in turn on the same fresh pages (a load that comes and
    goes falls on every mode alike); figures in milliseconds, the poll in seconds."""
    results: dict[str, list[dict[str, Any]]] = {mode: [] for mode in modes}
    for run in range(runs):
        chosen = long_pages(pages, chars, skip=run * pages)
        for mode in modes:
            set_mode(mode)
            results[mode].append(await one_run(chosen, run, idle_probes=idle))
    return {mode: figures_of(done) for mode, done in results.items()}


def set_mode(mode: str) -> None:
    """inline: every store on the event loop; thread: in the writer thread, all of the steps in
    the transaction; ahead (now): the digest's headline and quotes found before it."""
    from digests import prepared, writer

    writer.INLINE = mode == "inline"
    prepared.AHEAD = mode == "ahead"


def figures_of(results: Sequence[dict[str, Any]]) -> dict[str, float]:
    """One mode's figures over its runs."""
    idle_waits: dict[str, list[float]] = {probe: [] for probe in PROBES}
    busy: dict[str, list[float]] = {probe: [] for probe in PROBES}
    refused = {probe: 0 for probe in PROBES}
    polls, stores, worst, tx_max, tx_sum = [], [], [], [], []
    for result in results:
        for probe in PROBES:
            idle_waits[probe] += result["idle"][probe]
            busy[probe] += result["busy"][probe]
            refused[probe] += result["refused"][probe]
        worst.append(max((t for probe in PROBES for t in result["busy"][probe]), default=0.0))
        polls.append(result["poll_s"])
        stores.append(result["store_s"])
        tx_max.append(result["tx_max_s"])
        tx_sum.append(result["tx_sum_s"])
    figures: dict[str, float] = {}
    for probe in PROBES:
        name = probe.lstrip("/")
        figures[f"{name}_answers_during_polls"] = len(busy[probe])
        figures[f"{name}_idle_ms_median"] = 1000 * statistics.median(idle_waits[probe])
        figures[f"{name}_busy_ms_median"] = (1000 * statistics.median(busy[probe])
                                             if busy[probe] else 0.0)
        ordered = sorted(busy[probe])
        figures[f"{name}_busy_ms_p90"] = (1000 * ordered[int(0.9 * (len(ordered) - 1))]
                                          if ordered else 0.0)
        figures[f"{name}_busy_ms_max"] = 1000 * max(busy[probe], default=0.0)
        figures[f"{name}_write_refused_percent"] = (100 * refused[probe] / len(busy[probe])
                                                    if busy[probe] else 0.0)
    figures["busy_ms_max_median_of_runs"] = 1000 * statistics.median(worst)
    figures["longest_write_tx_ms_median_of_runs"] = 1000 * statistics.median(tx_max)
    figures["longest_write_tx_ms_max"] = 1000 * max(tx_max)
    figures["lock_held_ms_median"] = 1000 * statistics.median(tx_sum)
    figures["poll_s_median"] = statistics.median(polls)
    figures["store_s_median"] = statistics.median(stores)
    return figures


def main(argv: Sequence[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=24)
    parser.add_argument("--chars", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--idle", type=int, default=5, help="rounds of messages with no poll")
    parser.add_argument("--only", choices=("inline", "thread", "ahead"), default=None,
                        help="run one mode only (default: thread, the session-9 baseline, "
                             "then ahead)")
    parser.add_argument("--burn", type=int, default=0,
                        help="processes spinning on the CPU meanwhile (a loaded machine)")
    args = parser.parse_args(argv)
    modes = [args.only] if args.only else ["thread", "ahead"]
    results: dict[str, dict[str, float]] = {}
    LOCKS.install()
    import multiprocessing

    stop = multiprocessing.Event()
    burners = [multiprocessing.Process(target=_burn, args=(stop,), daemon=True)
               for _ in range(args.burn)]
    for burner in burners:
        burner.start()
    try:
        results = asyncio.run(bench(args.pages, args.chars, args.runs, modes, args.idle))
        for mode, figures in results.items():
            print(f"[{mode}] pages={args.pages} chars≈{args.chars} runs={args.runs} "
                  f"burn={args.burn}")
            for key, value in figures.items():
                print(f"  {key:36} {value:,.1f}" if isinstance(value, float)
                      else f"  {key:36} {value}")
    finally:
        LOCKS.uninstall()
        stop.set()
        for burner in burners:
            burner.join()
    if "thread" in results and "ahead" in results:
        for key in ("longest_write_tx_ms_median_of_runs", "lock_held_ms_median",
                    "start_busy_ms_median", "start_busy_ms_p90", "busy_ms_max_median_of_runs"):
            if results["ahead"][key]:
                print(f"{key} thread/ahead = {results['thread'][key] / results['ahead'][key]:.1f}×")
    return results


if __name__ == "__main__":
    main()
