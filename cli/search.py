"""Command group 'search': `run.py search QUERY [--limit N] [--offset N] [--json] [--db PATH]`.

Human output is Arabic-first, one block per article; `--json` prints a JSON array, best first, of
`Digest.to_json()` objects plus `matched` (the matched words as written) and `score` — every
matching article is its own object (stories are not folded), for scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from digests.models import SearchHit
from digests.search import SearchResult, search
from digests.settings import Settings
from digests.storage import Database

RLM = "\u200f"


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]",
             common: argparse.ArgumentParser) -> None:
    """Add the `search` command to the parser."""
    p = sub.add_parser("search", parents=[common],
                       help="search the archive for a topic (ابحث في الأرشيف عن موضوع)",
                       description="Search the archive: «الغوطة», «ترامب», «مجلس الأمن»…")
    p.add_argument("query", nargs="+", help="the topic, in Arabic or English")
    p.add_argument("--limit", type=int, default=10, help="how many articles (default 10)")
    p.add_argument("--offset", type=int, default=0, help="skip this many (paging)")
    p.add_argument("--json", action="store_true", help="print a JSON array for scripts")
    p.set_defaults(func=run_search)


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """One hit as the JSON object `--json` prints."""
    out = hit.digest.to_json()
    out["matched"] = list(hit.matched)
    out["score"] = hit.score
    return out


def render_text(result: SearchResult, query: str, *, offset: int = 0) -> str:
    """The human-readable answer: Arabic first, each line starting with a right-to-left mark."""
    lines: list[str] = []
    if result.message:
        lines.append(RLM + result.message)
    if result.hits:
        lines.append(f"{RLM}نتائج «{query}»: {len(result.hits)} من {result.total}"
                     f" / results {offset + 1}–{offset + len(result.hits)} of {result.total}")
    for n, hit in enumerate(result.hits, offset + 1):
        d = hit.digest
        when = d.published_at.strftime("%Y-%m-%d %H:%M") if d.published_at else "—"
        lines.append("")
        lines.append(f"{RLM}{n}. {d.headline}")
        lines.append(f"{RLM}   {d.source} · {when} UTC")
        if hit.matched:
            lines.append(f"{RLM}   الكلمات المطابقة: {'، '.join(hit.matched)}")
        lines.append(f"{RLM}   {d.url}")
    return "\n".join(lines)


def run_search(args: argparse.Namespace, settings: Settings, out: TextIO | None = None) -> int:
    """Run a search and print the answer; exit code 0 even when nothing matches."""
    stream = out or sys.stdout
    query = " ".join(args.query)
    limit = max(1, min(int(args.limit), 100_000))
    offset = max(0, int(args.offset))
    with Database(settings.database_path) as database:
        result = search(database.db, query, limit=limit, offset=offset)
    if args.json:
        json.dump([hit_json(h) for h in result.hits], stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        if result.message:
            print(result.message, file=sys.stderr)
    else:
        stream.write(render_text(result, query, offset=offset) + "\n")
    return 0
