"""Memory of the running bot after its first poll (brief X77, QA53 S3).

benchmarks/delivery.py's «memory» part measures the bot process answering topics and pushing
to 10,000 subscribers, but that process never polls: the story model (STORY_MODEL=use, the
default since session 15) is loaded by the first poll, so its 71 MB predate it. QA53 saw 257 MB
once the first poll had loaded USE (283 MB peak) at 3,000 subscribers.

The USE weights load lazily, when a pair first falls in the words' unsure band
(digests.story_use): a poll of unrelated news never loads them. So here, per run, a child
process runs the real bot (bot.app, its sender) on a database built by delivery.build_memory_db
(subscribers, and the first `--articles` corpus articles by publication time, ingested through
the real code), and its first poll reads the next `--fresh` articles of the same days from a
local site (digests.samplesite, one feed per corpus source): the same news, as a live poll meets
it. It
reports VmRSS once the bot is up, after an admin's /ingest (the real poll: the model loaded),
after a /push reaching every subscriber, and the peak (VmHWM); `--models use,words` compares
the default with the words alone. Medians over --runs runs (separate processes).

    .venv/bin/python benchmarks/memory_poll.py --runs 3 --subscribers 3000 --articles 300
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bot.emulator import Emulator, User  # noqa: E402
from digests.models import iso  # noqa: E402
from digests.storage import Database  # noqa: E402

ADMIN = 999_999
TOKEN = "424242:BENCH"


def vm(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of `pid` in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return {line.split(":")[0]: int(line.split()[1]) // 1024 for line in status.splitlines()
            if line.startswith(("VmRSS", "VmHWM"))}


def fresh_site(corpus: Path, skip: int, fresh: int) -> Any:
    """A local site whose feeds (one per source) hold the corpus articles after the first
    `skip` (delivery.build_memory_db's order)."""
    import gzip
    import json

    from digests.samplesite import SampleSite

    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    docs.sort(key=lambda d: (d.get("published") or "", d["id"]))
    site = SampleSite(with_sample=False)
    picked = docs[skip:skip + fresh]
    names = sorted({d["source"] for d in picked})
    site.feeds = [{"slug": n, "path": f"/feeds/{n}.xml", "format": "rss", "title": n}
                  for n in names]
    for d in picked:
        paras = [p for p in (d.get("text") or "").split("\n") if p.strip()][:12]
        site.articles.append({"slug": f"a{d['id']}", "feed": d["source"], "title": d["title"],
                              "paragraphs": paras or [d.get("abstract") or d["title"]],
                              "style": "meta", "published": d.get("published"),
                              "summary": d.get("abstract") or "",
                              "author": d.get("author") or ""})
    return site


def build(path: Path, subscribers: int, articles: int, feeds: list[str],
          corpus: Path) -> dict[str, Any]:
    """The subscribers and archive (delivery.build_memory_db), the site's feeds as sources."""
    import delivery

    delivery.CORPUS = corpus  # the session's blind articles left out (corpus_dev)
    built = delivery.build_memory_db(path, subscribers, articles or None)
    db = Database(path)
    try:
        with db.transaction() as tx:
            tx.execute("update sources set active = 0")  # the corpus's invented feed URLs
            for n, url in enumerate(feeds):
                tx.execute("insert into sources (url, name, added_at) values (?,?,?)",
                           [url, f"sample {n}", iso(delivery.NOW)])
    finally:
        db.close()
    return dict(built)


def one_run(db: Path, subscribers: int, model: str) -> dict[str, Any]:
    with Emulator() as emu:
        proc = subprocess.Popen([sys.executable, __file__, "child", str(db), emu.base_url, model],
                                stdin=subprocess.PIPE, text=True)
        try:
            emu.wait_for(lambda: emu.commands("ar"), timeout=120)  # the bot is up
            time.sleep(1.0)
            up = vm(proc.pid)["VmRSS"]
            admin = User(ADMIN, "Admin")
            started = time.monotonic()
            emu.send_user_message(ADMIN, "/ingest", user=admin)
            done = emu.wait_for(lambda: [m.text for m in emu.messages(ADMIN)
                                         if "انتهى الجلب" in m.text], timeout=600)
            poll_seconds = time.monotonic() - started
            time.sleep(1.0)
            polled = vm(proc.pid)["VmRSS"]
            emu.send_user_message(ADMIN, "/push", user=admin)

            def reached() -> int:
                return len({m.chat_id for m in emu.sent_log() if m.chat_id >= 1_000_000})
            deadline = time.monotonic() + 900
            while reached() < subscribers and time.monotonic() < deadline:
                time.sleep(0.5)
            time.sleep(1.0)
            after = vm(proc.pid)
        finally:
            if proc.stdin:
                proc.stdin.close()
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
    return {"up_mb": up, "after_poll_mb": polled, "after_push_mb": after["VmRSS"],
            "peak_mb": after["VmHWM"], "poll_s": round(poll_seconds, 1),
            "push_chats_reached": reached(), "ingest": done[0].split("\n")[0][:90]}


def child(db: str, url: str, model: str) -> None:
    """The real bot (bot.app) with its sender, the real clock, until stdin closes."""
    from bot.app import build_application, start_application, stop_application
    from digests.settings import Settings

    async def main() -> None:
        settings = Settings(database_path=Path(db), telegram_bot_token=TOKEN,
                            telegram_api_base_url=url, admin_ids=frozenset({ADMIN}),
                            send_rate_per_second=1000.0, story_model=model,
                            allow_private_sources=True)
        database = Database(db)
        app = build_application(settings, database, poll_sources=False,
                                sender_options={"max_in_flight": 16, "poll_seconds": 0.2})
        await start_application(app, poll_timeout=1)
        try:
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        finally:
            await stop_application(app)
            database.close()

    asyncio.run(main())


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        child(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--subscribers", type=int, default=3000)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--fresh", type=int, default=60)
    parser.add_argument("--models", default="use,words")
    parser.add_argument("--corpus", type=Path,
                        default=Path("/work/notes/s19/corpus_dev.jsonl.gz"))
    args = parser.parse_args()
    with fresh_site(args.corpus, args.articles, args.fresh) as site, \
            tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.db"
        built = build(base, args.subscribers, args.articles, site.feed_urls, args.corpus)
        print("built", built, "feeds", len(site.feed_urls), flush=True)
        for model in args.models.split(","):
            runs = []
            for n in range(args.runs):
                db = Path(tmp) / f"run-{model}-{n}.db"
                shutil.copy(base, db)
                runs.append(one_run(db, args.subscribers, model))
                print(model, n, runs[-1], flush=True)
            med = {k: statistics.median(r[k] for r in runs) for k in runs[0] if k != "ingest"}
            print(f"{model}: median of {len(runs)} {med}", flush=True)


if __name__ == "__main__":
    main()
