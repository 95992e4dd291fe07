"""Choose the search page's event fold threshold (digests.search_events) on the labelled story pairs.

    .venv/bin/python benchmarks/search_events.py
    .venv/bin/python benchmarks/search_events.py --thresholds 0.8 0.9 0.95 --list 0.9

Every development pair of benchmarks/gold/story_pairs*.jsonl is read — never story_pairs35*
(session 28's blind set: refused) — its two reports taken from the corpus as the search reads
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

X127: `--fill-use` first stores every corpus article's USE vector in the `--db` copy (ranked.db
is built by words: no vectors), so the timing and the folds read the USE decision where
production has vectors ("with"; "words" is X124's fold, the vectors ignored). `--cv-use LOG…`
cross-validates the USE decision on the 29 blind folds (see `cv_use`):

    .venv/bin/python benchmarks/search_events.py --cv-use /work/notes/s25/S32_logs/retrace?_fixed.log
    .venv/bin/python benchmarks/search_events.py --db /tmp/ranked.db --fill-use --runs 7
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digests.models import parse_iso  # noqa: E402
from digests.search_events import (  # noqa: E402
    FOLD_PROBABILITY, Report, report_of, same_event)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
GOLD = ROOT / "benchmarks" / "gold"
BLIND = "story_pairs35"  # session 28's untouched story pairs: never read here
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


def fill_use(path: Path) -> None:
    """Store every corpus article's USE vector (benchmarks/out/use_all.npz: story_curve.py,
    headline + lead as production embeds them) in an archive copy built from the corpus
    (benchmarks/stories.py: an article's url ends «#<corpus line>»), as a production archive
    holds the vectors the story step embedded (there only the ~40% of reports a band pair asked
    about): the search then reads them as production does."""
    import sqlite3

    import numpy as np

    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    with np.load(ROOT / "benchmarks" / "out" / "use_all.npz") as z:
        use = dict(zip(z["ids"].tolist(), z["vectors"]))
    db = sqlite3.connect(path)
    stored = 0
    for aid, url in db.execute("select id, url from articles").fetchall():
        base, _, line = url.rpartition("#")
        d = docs[int(line) - 1] if line.isdigit() and int(line) <= len(docs) else None
        if d is None or d["url"] != base or d["id"] not in use:
            continue
        db.execute("insert or replace into article_use_vectors (article_id, vector) values (?, ?)",
                   [aid, np.asarray(use[d["id"]], dtype=np.float32).tobytes()])
        stored += 1
    db.commit()
    print(f"{path}: {stored} USE vectors stored")


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

    def words(cands: Any, wanted: int, read: Any, threshold: float = FOLD_PROBABILITY,
              members: Any = None) -> Any:  # X124's fold: the USE vectors read, never asked
        return real(cands, wanted, lambda ids: {k: replace(r, use=None)
                                                for k, r in read(ids).items()},
                    threshold, members)

    ways = {"with": real, "words": words,
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
    for way in ("with", "words"):
        added = [a - b for a, b in zip(medians[way], medians["without"])]
        print(f"  added ({way}) p50 {statistics.median(added):7.1f}  max {max(added):7.1f}"
              f"  mean {statistics.mean(added):7.1f}")
    print(f"  USE vectors stored: {db.db.execute('select count(*) from article_use_vectors').fetchone()[0]}"
          f" of {db.db.execute('select count(*) from articles').fetchone()[0]} articles")
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


USE_NOTE = re.compile(r"^result use (\S+) \S+ .*\(l2 ([\d.]+), K (\d+)\)")


def cv_use(logs: list[Path], thresholds: list[float], listed: float | None = None,
           l2: float = 0.3) -> None:
    """Cross-validated pairwise precision / recall of the fold's decisions over the 29 blind folds
    of benchmarks/fit_story_pairs.py (FILES: never story_pairs35*), pooled: each blind fold's
    pairs given the word weights fitted without it (fit_story_pairs.fit, as its --thresholds)
    and the USE pair model fitted without it (story_curve's use:both:0: the penalty and PCA size
    a stored story_curve run's `result use` line chose for that fold, in `logs`; a fold with none
    is chosen here by the inner leave-one-fold-out). Two decisions: words alone (production's
    search_events.same_event without vectors: 0 under the cosine floor), and the story step's
    (digests.stories._judge): inside the words' uncertain band the USE model's probability,
    outside it the words'. X124's words-at-0.9 figure is the first line's."""
    import numpy as np

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import fit_story_pairs as fsp
    import pair_vectors as pv
    import story_curve

    from digests import story_model

    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        docs = {d["id"]: d for d in map(json.loads, fh)}
    files = [fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()]
    assert not any(f.name.startswith(BLIND) for f in files)
    rows = fsp.pair_rows(fsp.load_pairs(files), docs)
    with np.load(ROOT / "benchmarks" / "out" / "use_all.npz") as z:
        use = dict(zip(z["ids"].tolist(), z["vectors"]))
    lines = [line for p in logs for line in p.read_text().splitlines()]
    chosen = {m.group(1): (float(m.group(2)), int(m.group(3)))
              for m in map(USE_NOTE.match, lines) if m}
    design = pv.design_of(rows, pv.parse_variant("use:both:0"), {"use": use})
    y = np.array([float(r["same"]) for r in rows])
    folds = np.array([r["fold"] for r in rows])
    words: dict[int, float] = {}
    both: dict[int, float] = {}
    band = 0
    for fold in fsp.BLIND:
        train, test = np.flatnonzero(folds != fold), np.flatnonzero(folds == fold)
        w = fsp.fit([rows[i] for i in train], l2)
        penalty, k = chosen.get(fold) or story_curve.choose(design, y, folds, train, pv.K_GRID)
        print(f"{fold}: USE l2 {penalty}, K {k}{'' if fold in chosen else ' (chosen here)'}",
              flush=True)
        transform = pv.Transform(design, train, k)
        p_use = pv.sigmoid(transform(design, test) @ pv.fit(transform(design, train), y[train],
                                                            penalty))
        for i, pu in zip(test.tolist(), p_use.tolist()):
            x = rows[i]["x"]
            pw = story_model.probability(x, w)
            words[i] = pw if x["sim"] >= story_model.SIM_FLOOR else 0.0
            inside = story_model.in_band(pw, x["sim"])
            band += inside
            both[i] = float(pu) if inside else words[i]
    blind = sorted(words)
    print(f"{len(blind)} blind pairs ({sum(rows[i]['same'] for i in blind)} same) in"
          f" {len(fsp.BLIND)} folds; {band} in the words' uncertain band")
    for name, probs in (("words", words), ("USE + words", both)):
        print(f"  {name}:")
        for t in thresholds:
            tp = sum(rows[i]["same"] and probs[i] >= t for i in blind)
            fp = sum(not rows[i]["same"] and probs[i] >= t for i in blind)
            fn = sum(rows[i]["same"] and probs[i] < t for i in blind)
            print(f"    p >= {t:.2f}  {tp / max(1, tp + fp):.3f} / {tp / max(1, tp + fn):.3f}"
                  f"  ({tp}/{fp}/{fn})")
    if listed is not None:  # the different-story pairs the USE decision joins and words do not
        for i in sorted(blind, key=lambda i: -both[i]):
            r = rows[i]
            if not r["same"] and both[i] >= listed:
                print(f"\n{both[i]:.3f} (words {words[i]:.3f}) {r['fold']}: {docs[r['a']]['title']}"
                      f" | {docs[r['b']]['title']}\n  {r['note']}")


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
    parser.add_argument("--fill-use", action="store_true",
                        help="first store the corpus's USE vectors in the --db copy")
    parser.add_argument("--cv-use", type=Path, nargs="*", default=None, metavar="LOG",
                        help="cross-validate the USE decision (story_curve logs' chosen fits)")
    args = parser.parse_args()
    if args.db is not None and args.fill_use:
        fill_use(args.db)
    if args.cv_use is not None:
        cv_use(args.cv_use, args.thresholds, args.list)
        return
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
