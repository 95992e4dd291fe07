"""Choose the search page's event fold threshold (digests.search_events) on the labelled story pairs.

    .venv/bin/python benchmarks/search_events.py
    .venv/bin/python benchmarks/search_events.py --thresholds 0.8 0.9 0.95 --list 0.9

Every development pair of benchmarks/gold/story_pairs*.jsonl is read — never story_pairs33*
(session 26's blind set: refused) — its two reports taken from the corpus as the search reads
them (digests.search_events.report_of: the story vector of the whole text, the lead of the
headline and first 600 characters) and given the word model's probability
(digests.search_events.same_event, production's story_model.WEIGHTS; 0 beyond the 48 h window
or under the cosine floor). A pair read twice (a set and its «b» second reading) counts once
per reading. The table gives, per threshold, the pairwise precision and recall over all pairs
and over the pairs the weights were never fitted on (story_pairs8 and 11: the fit script
leaves them out). These weights were fitted on the other sets, so their figures are optimistic;
benchmarks/fit_story_pairs.py --thresholds … gives the cross-validated ones (blind folds
pooled), which chose the threshold. `--list T` prints the different-story pairs at or above T
with their readers' notes.

`--db COPY` times the bot's search instead (digests.search.search as bot.stories.search_page
calls it: fold_stories, a page of 10 and one more) on an archive with stored stories and story
vectors (e.g. a copy of benchmarks/out/ranked.db, the corpus through the story step), at the
corpus's last day, with the event fold and without it (digests.search.fold_events swapped for
the identity), alternating, `--runs` times each: each query's median, then the p50 / p95 / mean
over the queries (the quality topics, search.py's common words and QA68-13's three), and what
QA68-13's three topics fold on their first page, and every fold on the
other first pages.

    .venv/bin/python benchmarks/search_events.py --db /tmp/ranked.db --runs 7
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests.models import parse_iso  # noqa: E402
from digests.search_events import Report, report_of, same_event  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
GOLD = ROOT / "benchmarks" / "gold"
BLIND = "story_pairs33"  # session 26's untouched story pairs: never read here
UNFITTED = ("story_pairs8.jsonl", "story_pairs11.jsonl")  # benchmarks/fit_story_pairs.py skips


def pair_files() -> list[Path]:
    """Every development story-pair file (never the blind set)."""
    return [p for p in sorted(GOLD.glob("story_pairs*.jsonl")) if not p.name.startswith(BLIND)]


def scored(docs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Each labelled pair whose two reports are in the corpus, with its probability."""
    cache: dict[str, Report] = {}

    def report(i: str) -> Report | None:
        if i not in cache:
            d = docs[i]
            when = parse_iso(d["published"])
            if when is None:
                return None
            cache[i] = report_of(d["title"] or "", d["text"] or "", when)
        return cache[i]

    rows = []
    for path in pair_files():
        unfitted = path.name in UNFITTED
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            p = json.loads(line)
            if p["a"] not in docs or p["b"] not in docs or "same" not in p:
                continue
            a, b = report(p["a"]), report(p["b"])
            if a is None or b is None:
                continue
            rows.append({"file": path.name, "unfitted": unfitted, "same": bool(p["same"]),
                         "p": same_event(a, b), "note": p.get("note", ""),
                         "titles": (docs[p["a"]]["title"], docs[p["b"]]["title"])})
    return rows


def table(rows: list[dict[str, Any]], thresholds: list[float]) -> None:
    """Precision / recall per threshold: all pairs, the pairs never fitted on."""
    groups = {"all": rows, "unfitted": [r for r in rows if r["unfitted"]]}
    print(f"{len(rows)} pairs ({sum(r['same'] for r in rows)} same) in {len(pair_files())} files;"
          f" never fitted on {len(groups['unfitted'])}")
    print(f"{'p >=':>6}  {'all: prec / rec (tp fp fn)':<34}unfitted: prec / rec (tp fp fn)")
    for t in thresholds:
        cells = []
        for name in ("all", "unfitted"):
            g = groups[name]
            tp = sum(r["same"] and r["p"] >= t for r in g)
            fp = sum(not r["same"] and r["p"] >= t for r in g)
            fn = sum(r["same"] and r["p"] < t for r in g)
            prec = tp / (tp + fp) if tp + fp else 1.0
            rec = tp / (tp + fn) if tp + fn else 0.0
            cells.append(f"{prec:.3f} / {rec:.3f} ({tp} {fp} {fn})")
        print(f"{t:>6.2f}  {cells[0]:<34}{cells[1]}")


QA68_13 = ("نتنياهو", "انتخابات", "كيم جونغ أون")
# benchmarks/search.py's very common words (its import would shadow digests.search here)
COMMON = ("سوريا", "الرئيس", "الأمريكي", "الحكومة", "روسيا", "ترامب", "السعودية", "الولايات",
          "مصر", "العراق", "قوات", "الغوطة", "مقتل", "اليوم", "الأمم المتحدة", "الجيش")


def timing(path: Path, runs: int) -> None:
    """The bot's search with and without the event fold (module docstring)."""
    import statistics
    import time
    from datetime import timedelta

    import digests.search as search_module
    from digests.storage import Database

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from topics import TOPICS

    db = Database(path)
    last = db.db.execute("select max(coalesce(published_at, fetched_at)) from articles"
                         ).fetchone()[0]
    now = parse_iso(last)
    assert now is not None
    now += timedelta(hours=1)
    queries = list(dict.fromkeys([*QA68_13, *(t.query for t in TOPICS), *COMMON]))
    real = search_module.fold_events
    ways = {"with": real,
            "without": lambda cands, wanted, read, threshold=0.0, members=None: (list(cands), {})}
    took: dict[str, dict[str, list[float]]] = {w: {q: [] for q in queries} for w in ways}
    for _ in range(runs):
        for way, fold in ways.items():
            search_module.fold_events = fold
            for q in queries:
                start = time.perf_counter()
                search_module.search(db.db, q, limit=11, now=now, fold_stories=True)
                took[way][q].append(time.perf_counter() - start)
    search_module.fold_events = real
    medians = {w: [statistics.median(t[q]) * 1000 for q in queries] for w, t in took.items()}
    print(f"{len(queries)} queries, {runs} runs each way, median per query (ms):")
    for way, ms in medians.items():
        ordered = sorted(ms)
        print(f"  {way:<8} p50 {statistics.median(ms):7.1f}  p95"
              f" {ordered[int(0.95 * (len(ms) - 1))]:7.1f}  mean {statistics.mean(ms):7.1f}")
    added = [a - b for a, b in zip(medians["with"], medians["without"])]
    print(f"  added    p50 {statistics.median(added):7.1f}  max {max(added):7.1f}"
          f"  mean {statistics.mean(added):7.1f}")
    def title(article_id: int) -> str:
        return str(db.db.execute("select title || ' — ' || s.name from articles a join sources s"
                                 " on s.id = a.source_id where a.id = ?",
                                 [article_id]).fetchone()[0])

    folds = 0
    for q in queries:
        result = search_module.search(db.db, q, limit=11, now=now, fold_stories=True)
        shown = q in QA68_13
        if shown:
            print(f"\n«{q}»: {result.stories} stories")
        for i, hit in enumerate(result.hits[:10], 1):
            if shown or hit.also:
                print(f"  {'' if shown else q + ' '}{i}. {title(hit.digest.article_id or 0)}")
            for other in hit.also:
                folds += 1
                print(f"       + {title(other)}")
    print(f"\nfolded on the {len(queries)} first pages: {folds} entries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--thresholds", type=float, nargs="*",
                        default=[0.65, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.95, 0.97])
    parser.add_argument("--list", type=float, default=None,
                        help="print the different-story pairs at or above this probability")
    parser.add_argument("--db", type=Path, default=None,
                        help="time the bot's search on this archive copy instead")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.db is not None:
        timing(args.db, args.runs)
        return
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        docs = {d["id"]: d for d in map(json.loads, fh)}
    rows = scored(docs)
    table(rows, args.thresholds)
    if args.list is not None:
        for r in sorted(rows, key=lambda r: -r["p"]):
            if not r["same"] and r["p"] >= args.list:
                print(f"\n{r['p']:.3f} {r['file']}: {r['titles'][0]} | {r['titles'][1]}\n"
                      f"  {r['note']}")


if __name__ == "__main__":
    main()
