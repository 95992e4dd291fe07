"""Command group 'search': `run.py search QUERY [--limit N] [--offset N] [--json] [--db PATH]`.

Human output is Arabic-first, one block per article; `--json` prints a JSON array, best first, of
`Digest.to_json()` objects (each quote with its `kind`, "direct" or "reported") plus `matched`
(the matched words as written), `score` and `also` — one object a story, as the bot's pages
(`--every-report`: every matching article), and the reports of other stories folded under it as
the same event (digests.search_events; the chat's «وتقرير آخر عن الحدث نفسه: <site>», X136) in
`also`, each {headline, url, source, site, published_at, story_id}, [] when none. `--limit` is
1 or more (0 is refused, rc 2).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import Any, TextIO

from bot.lines import clean
from bot.results_header import header_topic
from bot.stories import digest_by_article
from digests.models import Digest, SearchHit, iso
from digests.named_questions import reader_topic
from digests.reader_text import strip_markup
from digests.related import live_related
from digests.search import SearchResult, search
from digests.settings import Settings
from digests.story_sites import site_name

from cli.commands import MAX_LIMIT, MAX_OFFSET
from cli.dbpath import reading_database
from cli.digest import digest_json

RLM = "\u200f"


def hit_json(hit: SearchHit, also: Sequence[Digest] = ()) -> dict[str, Any]:
    """One hit as the JSON object `--json` prints; `also`: the stored digests of the reports
    folded under it as the same event (`hit.also`, in page order)."""
    out = digest_json(hit.digest)  # quote kinds as shown (QA50 E8)
    out["matched"] = list(hit.matched)
    out["score"] = hit.score
    out["also"] = [also_json(d) for d in also]
    return out


def also_json(digest: Digest) -> dict[str, Any]:
    """A report folded under a hit as the same event, as `also` lists it: the site named as
    the chat names it under the entry (digests.story_sites.site_name)."""
    return {"headline": digest.headline, "url": digest.url, "source": digest.source,
            "site": site_name(digest.source, digest.url),
            "published_at": iso(digest.published_at), "story_id": digest.story_id}


def render_text(result: SearchResult, query: str, *, offset: int = 0) -> str:
    """The human-readable answer: Arabic first, each line starting with a right-to-left mark."""
    lines: list[str] = []
    if result.message:
        lines.append(RLM + result.message)
    if result.hits:
        # headed by what was searched, as the bot heads it (QA33 S11: «شو صار بعفرين» is
        # «عفرين», a pasted text the names it was searched by)
        topic = header_topic(result.read_as or query, "ar", result.note, result.dropped)
        # the same range in both languages (QA60-6: «2 من 5» for results 2–3 of 5); «إلى» as
        # the bot writes it (a dash between digits reads either way in right-to-left text)
        first, last = offset + 1, offset + len(result.hits)
        lines.append(f"{RLM}نتائج «{clean(topic)}»: {first} إلى {last} من {result.total}"
                     f" / results {first}–{last} of {result.total}")
    for n, hit in enumerate(result.hits, offset + 1):
        d = hit.digest
        when = d.published_at.strftime("%Y-%m-%d %H:%M") if d.published_at else "—"
        lines.append("")
        # clean: a feed's bidi overrides would redraw the rest of the terminal line (QA14 F14)
        lines.append(f"{RLM}{n}. {clean(d.headline)}")
        number = f" · المقال {d.article_id} / article {d.article_id}" if d.article_id else ""
        lines.append(f"{RLM}   {clean(d.source)} · {when} UTC{number}")  # for `articles remove ID`
        if hit.matched:
            lines.append(f"{RLM}   الكلمات المطابقة: {'، '.join(map(clean, hit.matched))}")
        lines.append(f"{RLM}   {d.url}")
    return "\n".join(lines)


def run_search(args: argparse.Namespace, settings: Settings, out: TextIO | None = None) -> int:
    """Run a search and print the answer; exit code 0 even when nothing matches."""
    stream = out or sys.stdout
    typed = " ".join(args.query)
    limit = max(1, min(int(args.limit), MAX_LIMIT))
    offset = max(0, min(int(args.offset), MAX_OFFSET))
    with reading_database(args, settings) as database:
        # as the bot reads it: «Trump» is «ترامب», «#حلب_تحترق» «حلب» (QA28 T9), «<b>غزة</b>»
        # «غزة»
        query = reader_topic(database.db, strip_markup(typed[:4000])[:200] or typed)
        # --json folds one report per story, as the bot's answers do (QA34 R11: one story
        # was 4 of the top 6 results; --every-report: all); the text lists every report
        # (`articles remove ID` needs them)
        result = search(database.db, query, limit=limit, offset=offset,
                        fold_stories=bool(args.json) and not args.every_report)
        folded: list[list[Digest]] = []
        if args.json:  # a "story" link to a page since gone (404/410) is replaced or dropped
            live = live_related(database.db, [h.digest for h in result.hits])
            result = replace(result, hits=tuple(replace(h, digest=d)
                                                for h, d in zip(result.hits, live, strict=True)))
            folded = [[d for d in map(partial(digest_by_article, database), h.also)
                       if d is not None] for h in result.hits]
    if args.json:
        json.dump([hit_json(h, also) for h, also in zip(result.hits, folded, strict=True)],
                  stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        if result.message:
            print(result.message, file=sys.stderr)
    else:
        stream.write(render_text(result, query, offset=offset) + "\n")
    return 0
