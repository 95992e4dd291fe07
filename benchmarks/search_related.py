"""A reading sample of related links: for sampled corpus articles, the titles of the article and
of its related links (digests.related.related_articles), to be read and judged by a person.

Runs over the search-quality database (benchmarks/out/quality.db: the 7,213 corpus articles
indexed; built by benchmarks/search_quality.py). The same seed gives the same articles, so a run
before and a run after a change can be read side by side. Titles are printed, never stored.
`--baseline FILE` (an earlier digests/related.py, e.g. `git show HEAD~3:digests/related.py`)
times that version on the same articles, interleaved with the current one in this process, so
the two timings share the machine's load. CPU time (process_time) is printed beside wall time:
on a machine shared with other work it is the steadier figure. Since session 10 the rules live
in three modules: digests/related.py (the candidate query and scoring), digests/signatures.py
(which shared keys show one subject) and digests/story_reports.py (one link per story). A baseline
file is one module: it brings its own query and scoring but imports today's signatures and story
rules (for a related.py of session 9 or earlier, which held all three, it is the whole).

    .venv/bin/python benchmarks/search_related.py [--sample 40] [--seed 4] [--links 1] [--db PATH]
        [--ids-from OUT] [--baseline FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests.models import Article
from digests.records import ARTICLE_SELECT, article_from_row
from digests.related import related_articles
from digests.storage import Database

OUT = Path(__file__).resolve().parent / "out"


def _load_baseline(path: Path) -> Callable[..., Any]:
    """`related_articles` of another version of digests/related.py, loaded from a file."""
    spec = importlib.util.spec_from_file_location("related_baseline", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    fn: Callable[..., Any] = module.related_articles
    return fn


def _timed(fn: Callable[..., Any], db: Any, article: Any, wall: list[float],
           cpu: list[float]) -> Any:
    """fn(db, article, limit=5), its wall and CPU times appended."""
    t, c = time.perf_counter(), time.process_time()
    result = fn(db, article, limit=5)
    wall.append(time.perf_counter() - t)
    cpu.append(time.process_time() - c)
    return result


def _ms(times: list[float]) -> str:
    return (f"median {statistics.median(times) * 1000:.1f} ms,"
            f" p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.1f} ms")


def _meta(article: Article, wanted: bool) -> str:
    """«  {s=story src=source date}» when `wanted`: what a reader of repeated stories checks."""
    if not wanted:
        return ""
    day = article.published_at.date().isoformat() if article.published_at else "?"
    return f"  {{s={article.story_id} src={article.source_id} {day}}}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", type=Path, default=OUT / "quality.db")
    ap.add_argument("--sample", type=int, default=40, help="articles to show")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--links", type=int, default=1, help="related links shown per article")
    ap.add_argument("--min-id", type=int, default=1500, help="sample among later articles")
    ap.add_argument("--ids-from", type=Path,
                    help="the articles of an earlier run's output («[n] id title» lines)")
    ap.add_argument("--baseline", type=Path,
                    help="an earlier digests/related.py to time on the same articles")
    ap.add_argument("--meta", action="store_true",
                    help="print each article's and link's story id, source and date")
    args = ap.parse_args(argv)
    baseline = _load_baseline(args.baseline) if args.baseline else None
    with Database(args.db) as db:
        ids = [r[0] for r in db.db.execute("select id from articles where id >= ? order by id",
                                           [args.min_id]).fetchall()]
        rng = random.Random(args.seed)
        rng.shuffle(ids)
        # warm-up: the first call builds cached word tables, not a cost per article
        for row in db.db.query(f"{ARTICLE_SELECT} where articles.id = ?", ids[:1]):
            related_articles(db.db, article_from_row(row), limit=5)
            if baseline is not None:
                baseline(db.db, article_from_row(row), limit=5)
        if args.ids_from:  # the same articles as an earlier run, links or not
            ids = [int(line.split()[1]) for line in args.ids_from.read_text().splitlines()
                   if line.startswith("[")]
        shown = empty = 0
        times: list[float] = []
        cpu: list[float] = []
        base_times: list[float] = []
        base_cpu: list[float] = []
        for article_id in ids:
            if shown >= args.sample:
                break
            row = next(iter(db.db.query(f"{ARTICLE_SELECT} where articles.id = ?",
                                        [article_id])))
            article = article_from_row(row)
            # the baseline runs first on every other article: neither version is always the
            # one that finds the candidates' pages already cached
            base_first = len(times) % 2 == 0
            if baseline is not None and base_first:
                _timed(baseline, db.db, article, base_times, base_cpu)
            related = _timed(related_articles, db.db, article, times, cpu)
            if baseline is not None and not base_first:
                _timed(baseline, db.db, article, base_times, base_cpu)
            if not related:
                empty += 1
                if args.ids_from:
                    print(f"[-] {article.id} {article.title}\n     -> (none)")
                continue
            shown += 1
            print(f"[{shown}] {article.id} {article.title}{_meta(article, args.meta)}")
            for r in related[:args.links]:
                print(f"     -> {r.id} {r.title}{_meta(r, args.meta)}")
        print(f"articles looked at: {shown + empty}; with no related link: {empty};"
              f" related_articles {_ms(times)} (cpu {_ms(cpu)})")
        if base_times:
            ratio = statistics.median(times) / statistics.median(base_times)
            cpu_ratio = statistics.median(cpu) / statistics.median(base_cpu)
            print(f"baseline {args.baseline}: {_ms(base_times)} (cpu {_ms(base_cpu)});"
                  f" median ratio {ratio:.2f} (cpu {cpu_ratio:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
