"""Stories as a reader of the whole corpus meets them: the labelled pairs post-stratified (brief S15).

    .venv/bin/python benchmarks/story_population.py --run      # 16 held-out + 1 shipped corpus pass
    .venv/bin/python benchmarks/story_population.py            # the figures, from the cached runs

The labelled story pairs were drawn with fixed counts per stratum (benchmarks/gold/pick_pairs*.py),
so same-story pairs with little word overlap are over-represented against the corpus. Here every
cross-source pair of the corpus within 48 h falls in one cell of benchmarks/pair_cells.py (the
pickers' own Jaccard buckets and pools), and each labelled pair of the sixteen blind folds
(fit_story_pairs.BLIND) weighs N_cell / n_cell (benchmarks/population_estimates.py).

`--run`: for each blind fold, the word weights fitted without it (fit_story_pairs.fit, l2 0.3, as
stories.py --cv-merge) and the whole corpus assigned by the real step in publication order
(stories.assign_corpus, the shipped step: no merge, no strong pair); the fold's pairs get their
stored outcome and held-out pairwise decision, and the run's stored links are counted per cell
(every pair of the corpus, labelled or not). One more pass with the shipped weights scores the
audits (story_audit7/8/9). Cached in benchmarks/out/story_population.json (gitignored).

Two estimators of the stored figures: «cell» weighs each labelled pair by its cell's N (the brief's);
«cell × stored» also splits each cell by whether the run stores the pair in one story — N of each
part is known for every corpus pair, so only the same-story rate inside it is sampled.

The shipped pass also caches every article's story (`story_of`), so any other pair's stored outcome
can be read: benchmarks/story_population_design.py (brief S17) adds the designed sample of the
low-overlap cells (benchmarks/pop_sample.py, benchmarks/gold/story_pop1.jsonl) to these figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from types import MappingProxyType
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import fit_story_pairs as fsp  # noqa: E402
import pair_cells  # noqa: E402
import population_estimates as pe  # noqa: E402
import stories as story_bench  # noqa: E402

from digests import story_model  # noqa: E402
from digests.settings import Settings  # noqa: E402

CACHE = BENCH / "out" / "story_population.json"
AUDITS = ("story_audit7.jsonl", "story_audit8.jsonl", "story_audit9.jsonl")
TARGET = 0.90


def _story_by_index(pop: pair_cells.Population, story_of: dict[str, int]) -> list[int]:
    return [story_of[i] for i in pop.ids]


def run(cache: Path = CACHE, l2: float = 0.3) -> None:
    """Every blind fold's held-out corpus pass and the shipped pass, cached as JSON (see --run)."""
    docs = story_bench.load(story_bench.CORPUS)
    by_id = {d["id"]: d for d in docs}
    arts = pair_cells.load()
    pop = pair_cells.build(arts)
    rows = fsp.pair_rows(fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES
                                         if (fsp.GOLD / f).exists()]), by_id)
    cells = pop.lookup(frozenset((r["a"], r["b"])) for r in rows)
    out: dict[str, Any] = json.loads(cache.read_text()) if cache.exists() else {}
    out["sizes"] = pop.sizes()
    saved = story_model.WEIGHTS
    try:
        for fold in ("shipped", *fsp.BLIND):  # shipped first: the designed set needs it
            if fold in out.get("runs", {}):
                continue
            if fold != "shipped":
                story_model.WEIGHTS = MappingProxyType(
                    fsp.fit([r for r in rows if r["fold"] != fold], l2))
                test = [r for r in rows if r["fold"] == fold]
            else:
                story_model.WEIGHTS = saved
                test = [r for r in rows if r["fold"] in fsp.BLIND]
            with tempfile.TemporaryDirectory() as tmp:
                story_of, _ = story_bench.assign_corpus(docs, Path(tmp) / "p.db",
                                                        Settings(semantic_model=False))
            story = _story_by_index(pop, story_of)
            if fold == "shipped":
                out["audits"] = _audits(story_of, by_id)
                # Every article's story: the stored outcome of any pair (the designed set's too).
                out["story_of"] = dict(story_of)
            outside, same_source = pair_cells.cross_pairs_outside(arts, story)
            out.setdefault("runs", {})[fold] = {
                "pairs": [{"a": r["a"], "b": r["b"], "set": r["fold"], "same": r["same"],
                           "cell": cells.get(frozenset((r["a"], r["b"]))),
                           "pairwise": story_model.same_story(r["x"]),
                           "stored": story_of[r["a"]] == story_of[r["b"]]} for r in test],
                "joined_sizes": [[c, j, n] for (c, j), n in sorted(pop.joined_sizes(story).items())],
                "outside": outside, "same_source": same_source,
            }
            cache.parent.mkdir(exist_ok=True)
            cache.write_text(json.dumps(out))
            print(f"ran {fold}: {len(test)} pairs", flush=True)
    finally:
        story_model.WEIGHTS = saved


def _audits(story_of: dict[str, int], by_id: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The audited stored links (story_audit7/8/9) with whether the shipped pass still joins them."""
    out = []
    for f in AUDITS:
        for line in (fsp.GOLD / f).read_text(encoding="utf-8").splitlines():
            if line.strip() and (a := json.loads(line))["a"] in by_id and a["b"] in by_id:
                hours = abs((by_id[a["a"]]["when"] - by_id[a["b"]]["when"]).total_seconds()) / 3600
                out.append({"set": a["set"], "same": bool(a["same"]), "kind": a.get("kind", ""),
                            "hours": hours, "stored": story_of[a["a"]] == story_of[a["b"]]})
    return out


if __name__ == "__main__":
    import story_population_report

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", action="store_true", help="make the corpus passes (cached)")
    parser.add_argument("--reps", type=int, default=2000, help="bootstrap replicates")
    parser.add_argument("--cache", type=Path, default=CACHE, help="the runs' cache (JSON)")
    args = parser.parse_args()
    if args.run:
        run(args.cache)
    arts = pair_cells.load()
    pop = pair_cells.build(arts)
    audits = [json.loads(line) for f in AUDITS
              for line in (fsp.GOLD / f).read_text(encoding="utf-8").splitlines() if line.strip()]
    keys = [frozenset((a["a"], a["b"])) for a in audits]
    found = pop.lookup(keys)
    story_population_report.report(json.loads(args.cache.read_text()),
                                   story_population_report.strata(fsp.FILES),
                                   pair_cells.name_pools(arts), args.reps,
                                   audit_cells=[found.get(k) for k in keys])
