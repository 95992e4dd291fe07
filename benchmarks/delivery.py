"""Delivery benchmark: the sender against the Telegram emulator enforcing Telegram's limits.

Four parts (all by default):

- broadcast   one digest pushed to 1,000 subscribers at SEND_RATE_PER_SECOND=30 with the
              emulator enforcing 30/s overall, 1/s per chat, 20/min per group: sustained
              messages/s (first to last accepted message), 429s received, lost, duplicates.
- unthrottled the same with SEND_RATE_PER_SECOND=1000 and no limits in the emulator: the best
              rate this machine reaches (several in-flight settings).
- crash       the broadcast again, the sender in a subprocess killed with SIGKILL ten times in the
              middle of it and restarted each time: lost and duplicates (bound: sends in flight).
- memory      RSS of the running bot process (the real PTB Application from bot.app with its
              sender) with 10,000 subscribers and the 7,213-article corpus ingested through the
              real storage and processing code (archive.store_article + run_steps), while it
              answers topic questions and delivers an admin /push to every subscriber.

The emulator runs in this process; every sender and the bot run in child processes (own GIL, and
they can be killed). Figures: medians over --runs runs where it makes sense.

    .venv/bin/python benchmarks/delivery.py                 # everything (~6 minutes)
    .venv/bin/python benchmarks/delivery.py --parts crash --runs 1
    .venv/bin/python benchmarks/delivery.py --smoke         # tiny sizes, a few seconds
"""

from __future__ import annotations

import argparse
import asyncio
import faulthandler
import gzip
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.emulator import Emulator, User  # noqa: E402
from digests import outbox_upkeep, push_queue# noqa: E402
from digests.models import iso  # noqa: E402
from digests.storage import Database  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
OUT = ROOT / "benchmarks" / "out"
TOKEN = "424242:BENCH"
NOW = datetime(2018, 2, 4, 12, tzinfo=timezone.utc)
ADMIN = 999_999


# ---------------------------------------------------------------------------------------------
# Fixtures: a database with subscribers and one pushed digest


def setup_broadcast(path: Path, subscribers: int) -> int:
    """A fresh database with `subscribers` general-digest chats and one story from two
    sources, pushed to all of them. Returns the push id."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = Database(path)
    with db.transaction() as tx:
        for i, name in enumerate(("الجزيرة", "العربية"), 1):
            tx.execute("insert into sources (id, url, name, added_at) values (?,?,?,?)",
                       [i, f"https://s{i}.test/feed", name, iso(NOW)])
        tx.execute("insert into stories (id, created_at, headline) values (1, ?, ?)",
                   [iso(NOW), "قمة"])
        for i in (1, 2):
            tx.execute(
                """insert into articles (source_id, url, url_key, content_hash, title, body,
                       published_at, fetched_at, updated_at, story_id, headline, quotes_json)
                   values (?,?,?,?,?,?,?,?,?,1,?,?)""",
                [i, f"https://s{i}.test/a/1", f"s{i}.test/a/1", f"h{i}",
                 "قمة عربية في الرياض تبحث الأوضاع في الغوطة الشرقية", "نص الخبر", iso(NOW),
                 iso(NOW), iso(NOW), "قمة عربية في الرياض تبحث الأوضاع في الغوطة الشرقية",
                 json.dumps([{"text": "نريد حلاً عاجلاً", "speaker": "وزير الخارجية"}],
                            ensure_ascii=False)])
        tx.conn.executemany("insert into chats (id, type, language, created_at) values (?,?,?,?)",
                       [(1_000_000 + i, "private", "ar", iso(NOW)) for i in range(subscribers)])
        tx.conn.executemany("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                       " values (?, '', '', ?)",
                       [(1_000_000 + i, iso(NOW)) for i in range(subscribers)])
        # quiet hours pinned off (new chats get 23:00–07:00): the figures must not depend on
        # the hour the benchmark runs (a push is not held by them; an alert would be)
        tx.execute("update chats set quiet_start = null, quiet_end = null")
    plan = push_queue.enqueue_push(db, topic=None, now=NOW, limit_stories=1)
    assert plan.chats == subscribers and plan.stories == 1, plan
    db.close()
    return plan.push_id


def sender_process(db: Path, url: str, rate: float, in_flight: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, "child-sender", str(db), url, str(rate), str(in_flight)],
        stdout=subprocess.PIPE, text=True)


def delivery_figures(emu: Emulator, subscribers: int) -> dict[str, Any]:
    log = emu.sent_log()
    chats = [m.chat_id for m in log]
    unique = set(chats)
    span = log[-1].at - log[0].at if len(log) > 1 else 0.0
    return {"messages": len(log), "lost": subscribers - len(unique),
            "duplicates": len(chats) - len(unique), "rate": (len(log) - 1) / span if span else 0.0,
            "429s": emu.counters["error:429"]}


# ---------------------------------------------------------------------------------------------
# Parts


def broadcast(workdir: Path, subscribers: int, *, rate: float, limits: bool,
              in_flight: int) -> dict[str, Any]:
    db = workdir / "broadcast.db"
    setup_broadcast(db, subscribers)
    with Emulator() as emu:
        emu.rate_limits(limits)
        proc = sender_process(db, emu.base_url, rate, in_flight)
        out, _ = proc.communicate(timeout=600)
        figures = delivery_figures(emu, subscribers)
    figures["sender"] = json.loads(out.strip().splitlines()[-1])
    return figures


def crash(workdir: Path, subscribers: int, kills: int, *, in_flight: int) -> dict[str, Any]:
    db = workdir / "crash.db"
    push_id = setup_broadcast(db, subscribers)
    rng = random.Random(7)
    per_kill: list[int] = []
    with Emulator() as emu:
        emu.rate_limits(True)
        for _ in range(kills):
            before = len(emu.sent_log())
            proc = sender_process(db, emu.base_url, 30.0, in_flight)
            target = before + rng.randint(5, max(6, subscribers // (kills + 2)))
            while len(emu.sent_log()) < target and proc.poll() is None:
                time.sleep(0.002)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)  # mid-broadcast, no chance to clean up
            proc.wait()
            if proc.stdout:
                proc.stdout.close()
            check = Database(db)
            per_kill.append(int(check.db.execute(
                "select count(*) from outbox where status = 'sending'").fetchone()[0]))
            check.close()
        proc = sender_process(db, emu.base_url, 30.0, in_flight)
        proc.communicate(timeout=600)
        figures = delivery_figures(emu, subscribers)
    check = Database(db)
    progress = push_queue.push_progress(check, push_id)
    check.close()
    figures |= {"kills": kills, "in_flight_at_kill": per_kill,
                "rows_not_sent": progress.chats - progress.delivered}
    return figures


def build_memory_db(path: Path, subscribers: int, limit: int | None) -> dict[str, Any]:
    """The corpus ingested through archive.store_article + run_steps, then subscribers."""
    from digests import archive
    from digests.models import FeedEntry, Page, parse_iso
    from digests.processing import StoreContext, run_steps
    from digests.settings import Settings

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    docs.sort(key=lambda d: (d.get("published") or "", d["id"]))
    docs = docs[:limit] if limit else docs
    db = Database(path)
    settings = Settings()
    sources: dict[str, int] = {}
    started = time.perf_counter()
    stored = 0
    for d in docs:
        if d["source"] not in sources:
            with db.transaction() as tx:
                cur = tx.execute("insert into sources (url, name, added_at) values (?,?,?)",
                                 [f"https://{len(sources)}.example.invalid/feed", d["source"],
                                  iso(NOW)])
                sources[d["source"]] = int(cur.lastrowid or 0)
        published = parse_iso(d.get("published"))
        entry = FeedEntry(url=d["url"], title=d.get("title") or "", guid=str(d["id"]),
                          summary=d.get("abstract") or "", published_at=published,
                          author=d.get("author") or "")
        page = Page(title=d.get("title") or "", published_at=published,
                    paragraphs=tuple(p for p in (d.get("text") or "").split("\n") if p.strip()))
        now = published or NOW
        with db.transaction() as sql:
            result = archive.store_article(sql, source_id=sources[d["source"]], entry=entry,
                                           page=page, now=now)
            if result.article is not None:
                run_steps(sql, result.article, StoreContext(now, settings, backfill=False))
                stored += 1
    ingest_seconds = time.perf_counter() - started
    topics = ["الغوطة", "دمشق", "ترامب", "القدس", "إيران", "اليمن", "مصر", "السعودية",
              "روسيا", "تركيا", "العراق", "لبنان", "فلسطين", "الأردن", "قطر", "ليبيا"]
    from digests.search import topic_key
    keys = {t: topic_key(t) for t in topics}
    with db.transaction() as tx:
        tx.conn.executemany("insert into chats (id, type, language, created_at) values (?,?,?,?)",
                       [(1_000_000 + i, "private", "ar" if i % 5 else "en", iso(NOW))
                        for i in range(subscribers)])
        subs = []
        for i in range(subscribers):
            subs.append((1_000_000 + i, "", ""))
            if i % 2:
                t = topics[i % len(topics)]
                subs.append((1_000_000 + i, t, keys[t]))
        tx.conn.executemany("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                       " values (?,?,?,?)", [(*s, iso(NOW)) for s in subs])
        tx.execute("insert into chats (id, type, language, created_at) values (?,?,?,?)",
                   [ADMIN, "private", "ar", iso(NOW)])
    db.close()
    return {"articles": stored, "ingest_seconds": round(ingest_seconds, 1),
            "subscriptions": len(subs)}


def memory(workdir: Path, subscribers: int, limit: int | None) -> dict[str, Any]:
    db = workdir / "memory.db"
    built = build_memory_db(db, subscribers, limit)
    with Emulator() as emu:
        proc = subprocess.Popen([sys.executable, __file__, "child-bot", str(db), emu.base_url],
                                stdin=subprocess.PIPE, text=True)
        try:
            emu.wait_for(lambda: emu.commands("ar"), timeout=60)  # the bot is up
            for i, topic in enumerate(("الغوطة", "ترامب", "مجلس الأمن", "القدس")):
                emu.send_user_message(500 + i, topic)
                emu.wait_for_messages(500 + i, 1, timeout=60)
            emu.send_user_message(ADMIN, "/push", user=User(ADMIN, "Admin"))
            def reached() -> int:
                return len({m.chat_id for m in emu.sent_log() if m.chat_id >= 1_000_000})
            deadline = time.monotonic() + 1800
            while reached() < subscribers and time.monotonic() < deadline:
                time.sleep(0.5)  # polled: a predicate rechecked on every message is O(n²)
            pushed = reached()
            time.sleep(1.0)
            status = Path(f"/proc/{proc.pid}/status").read_text()
            vm = {line.split(":")[0]: int(line.split()[1]) // 1024
                  for line in status.splitlines() if line.startswith(("VmRSS", "VmHWM"))}
        finally:
            if proc.stdin:
                proc.stdin.close()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    return built | {"rss_mb": vm["VmRSS"], "peak_rss_mb": vm["VmHWM"],
                    "push_chats_reached": pushed}


# ---------------------------------------------------------------------------------------------
# Child processes


def child_sender(db: str, url: str, rate: float, in_flight: int) -> None:
    """Run a Sender on `db` until the outbox has nothing pending; print its stats as JSON."""
    from telegram import Bot
    from telegram.request import HTTPXRequest

    from bot.origins import bundle_topics
    from bot.sender import Sender
    from digests.settings import Settings

    async def main() -> dict[str, Any]:
        settings = Settings(database_path=Path(db), send_rate_per_second=rate)
        # A plain Bot has a pool of ONE connection: give it one per send in flight.
        request = HTTPXRequest(connection_pool_size=in_flight + 2)
        async with Bot(TOKEN, base_url=url, request=request) as bot:
            # as the bot runs it: the default render, each bundle named by its topics
            sender = Sender(Path(db), bot, settings, max_in_flight=in_flight, poll_seconds=0.05,
                            topics_of=bundle_topics)
            task = asyncio.create_task(sender.run())
            while True:
                await asyncio.sleep(0.1)
                stats = outbox_upkeep.queue_stats(sender.db, datetime.now(timezone.utc))
                if stats.pending == 0 and stats.sending == 0:
                    break
                if task.done():
                    task.result()
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            return vars(sender.stats)

    print(json.dumps(asyncio.run(main())), flush=True)


def child_baseline(url: str, n: int, in_flight: int) -> None:
    """Bare PTB: `n` send_message calls, `in_flight` at a time, no outbox, no limiter — the
    ceiling the emulator and PTB allow on this machine."""
    from telegram import Bot
    from telegram.request import HTTPXRequest

    async def main() -> None:
        request = HTTPXRequest(connection_pool_size=in_flight + 2)
        async with Bot(TOKEN, base_url=url, request=request) as bot:
            slots = asyncio.Semaphore(in_flight)

            async def one(i: int) -> None:
                async with slots:
                    await bot.send_message(1_000_000 + i, "خبر <b>عاجل</b>", parse_mode="HTML")
            await asyncio.gather(*(one(i) for i in range(n)))

    asyncio.run(main())


def baseline(subscribers: int, in_flight: int) -> float:
    with Emulator() as emu:
        subprocess.run([sys.executable, __file__, "child-baseline", emu.base_url,
                        str(subscribers), str(in_flight)], check=True, timeout=600)
        return float(delivery_figures(emu, subscribers)["rate"])


def child_bot(db: str, url: str) -> None:
    """The real bot (bot.app) with its sender, until stdin closes."""
    from bot.app import build_application, start_application, stop_application
    from digests.settings import Settings

    async def main() -> None:
        settings = Settings(database_path=Path(db), telegram_bot_token=TOKEN,
                            telegram_api_base_url=url, admin_ids=frozenset({ADMIN}),
                            send_rate_per_second=1000.0)
        database = Database(db)
        app = build_application(settings, database, clock=lambda: NOW, poll_sources=False,
                                sender_options={"max_in_flight": 16, "poll_seconds": 0.2})
        await start_application(app, poll_timeout=1)
        try:
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        finally:
            await stop_application(app)
            database.close()

    asyncio.run(main())


# ---------------------------------------------------------------------------------------------


def main() -> None:
    faulthandler.register(signal.SIGUSR1)  # `kill -USR1 PID` prints where a process is
    if len(sys.argv) > 1 and sys.argv[1] == "child-sender":
        child_sender(sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5]))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "child-baseline":
        child_baseline(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "child-bot":
        child_bot(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parts", default="broadcast,unthrottled,crash,memory")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--in-flight", type=int, default=8)
    parser.add_argument("--memory-subscribers", type=int, default=10_000)
    parser.add_argument("--memory-articles", type=int, default=None)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes (a quick check)")
    args = parser.parse_args()
    if args.smoke:
        args.runs, args.subscribers, args.kills = 1, 40, 2
        args.memory_subscribers, args.memory_articles = 50, 40
    parts = set(args.parts.split(","))
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if "broadcast" in parts:
            runs = [broadcast(work, args.subscribers, rate=30.0, limits=True,
                              in_flight=args.in_flight) for _ in range(args.runs)]
            results["broadcast"] = {
                "subscribers": args.subscribers,
                "rate_median": round(statistics.median(r["rate"] for r in runs), 2),
                "rates": [round(r["rate"], 2) for r in runs],
                "429s": [r["429s"] for r in runs], "lost": [r["lost"] for r in runs],
                "duplicates": [r["duplicates"] for r in runs]}
            print("broadcast", json.dumps(results["broadcast"], ensure_ascii=False), flush=True)
        if "unthrottled" in parts:
            best: dict[str, Any] = {}
            for in_flight in (8, 32):
                runs = [broadcast(work, args.subscribers, rate=1000.0, limits=False,
                                  in_flight=in_flight) for _ in range(args.runs)]
                ceiling = [baseline(args.subscribers, in_flight) for _ in range(args.runs)]
                rate = statistics.median(r["rate"] for r in runs)
                best[f"in_flight={in_flight}"] = {
                    "rate_median": round(rate, 1),
                    "bare_ptb_median": round(statistics.median(ceiling), 1),
                    "ratio_to_bare_ptb": round(rate / statistics.median(ceiling), 2),
                    "lost": [r["lost"] for r in runs],
                    "duplicates": [r["duplicates"] for r in runs]}
            results["unthrottled"] = best
            print("unthrottled", json.dumps(best), flush=True)
        if "crash" in parts:
            results["crash"] = crash(work, args.subscribers, args.kills, in_flight=args.in_flight)
            print("crash", json.dumps(results["crash"]), flush=True)
        if "memory" in parts:
            results["memory"] = memory(work, args.memory_subscribers, args.memory_articles)
            print("memory", json.dumps(results["memory"]), flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / ("delivery-smoke.json" if args.smoke else "delivery.json")
    previous = json.loads(out.read_text()) if out.exists() else {}
    out.write_text(json.dumps(previous | results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
