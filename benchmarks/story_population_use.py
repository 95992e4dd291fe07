"""Brief S19: the reader-weighted story figures for the USE default (STORY_MODEL=use).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/story_curve.py --path use --settings 0.65 \
        --dump DUMP > LOG                       # the 19 held-out corpus passes (story_curve.py)
    .venv/bin/python benchmarks/story_population_use.py --dump DUMP --logs LOG... \
        --cache benchmarks/out/story_population_use.json
    .venv/bin/python benchmarks/story_population.py --cache benchmarks/out/story_population_use.json
    .venv/bin/python benchmarks/story_population_design.py --cache benchmarks/out/story_population_use.json

benchmarks/story_population.py --run makes its held-out passes with the words alone; the shipped
step decides the pairs the words leave unsure with the USE pair model, fitted per fold by
story_curve.py's `--path use` (inner leave-one-fold-out for its penalty and PCA size). So this
builds story_population's cache (same keys: `sizes`, `runs` per blind fold and `shipped`,
`story_of`, `audits`) from story_curve's per-fold dumps of every article's story, and one pass of
the shipped default (digests/data/story_use.json, the cached USE vectors behind the step, as
stories.py does). A pair's `pairwise` is the same held-out decision without chaining: the fold's
word weights, and inside their band the fold's USE model (refitted with the penalty and PCA size
its logged run chose, story_curve.use_pairwise).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import fit_story_pairs as fsp  # noqa: E402
import pair_cells  # noqa: E402
import stories as story_bench  # noqa: E402
import story_curve  # noqa: E402
import story_population as sp  # noqa: E402

from digests import story_model, story_use  # noqa: E402
from digests.settings import Settings  # noqa: E402


def use_pairwise_decision(x: dict[str, float], words_p: float, use_p: float | None,
                          decision: float) -> bool:
    """The default path's pair decision without chaining (as story_curve.pairwise's "use"):
    inside the words' band the USE model at `decision` down to LOW_SIM_FLOOR, else the words."""
    if story_model.in_band(words_p, x["sim"]) and use_p is not None:
        return use_p >= decision and x["sim"] >= story_model.LOW_SIM_FLOOR
    return words_p >= story_model.needed(x)


def build(dump: Path, logs: list[Path], cache: Path, setting: str = "0.65-0.40-0.50",
          l2: float = 0.3) -> None:
    import numpy as np

    docs = story_bench.load(story_bench.CORPUS)
    by_id = {d["id"]: d for d in docs}
    arts = pair_cells.load()
    pop = pair_cells.build(arts)
    rows = fsp.pair_rows(fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES
                                         if (fsp.GOLD / f).exists()]), by_id)
    cells = pop.lookup(frozenset((r["a"], r["b"])) for r in rows)
    lines = [line for p in logs for line in p.read_text().splitlines()]
    use_p = story_curve.use_pairwise(rows, lines, l2)  # held-out, blind folds with a log line
    shipped = story_use.pair_model()
    with np.load(story_bench.USE_VECTORS) as z:
        vec = dict(zip(z["ids"].tolist(), z["vectors"]))
    out: dict[str, Any] = {"runs": {}, "path": "use"}
    if cache.exists():  # folds already built are kept (a run still writing its dumps)
        out = json.loads(cache.read_text())
    out["sizes"] = pop.sizes()
    for fold in ("shipped", *fsp.BLIND):
        if fold in out["runs"]:
            continue
        if fold == "shipped":
            story_bench.use_story_model(docs, 3, quiet=True)
            with tempfile.TemporaryDirectory() as tmp:
                story_of, _ = story_bench.assign_corpus(docs, Path(tmp) / "p.db",
                                                        Settings(story_model="use"))
            test = [r for r in rows if r["fold"] in fsp.BLIND]
            decided = []
            for r in test:
                p = story_model.probability(r["x"])
                q = shipped.probability(r["x"], vec[r["a"]], vec[r["b"]])
                decided.append(use_pairwise_decision(r["x"], p, q, shipped.decision))
            out["audits"] = sp._audits(story_of, by_id)
            out["story_of"] = dict(story_of)
        else:
            path = dump / f"use_{fold}_{setting}.json"
            if not path.exists():
                print(f"skipped {fold}: no {path.name}")
                continue
            story_of = json.loads(path.read_text())
            weights = fsp.fit([r for r in rows if r["fold"] != fold], l2)
            test = [r for r in rows if r["fold"] == fold]
            decided = [use_pairwise_decision(r["x"], story_model.probability(r["x"], weights),
                                             use_p.get((r["a"], r["b"])), shipped.decision)
                       for r in test]
        story = sp._story_by_index(pop, story_of)
        outside, same_source = pair_cells.cross_pairs_outside(arts, story)
        out["runs"][fold] = {
            "pairs": [{"a": r["a"], "b": r["b"], "set": r["fold"], "same": r["same"],
                       "cell": cells.get(frozenset((r["a"], r["b"]))), "pairwise": d,
                       "stored": story_of[r["a"]] == story_of[r["b"]]}
                      for r, d in zip(test, decided)],
            "joined_sizes": [[c, j, n] for (c, j), n in sorted(pop.joined_sizes(story).items())],
            "outside": outside, "same_source": same_source,
        }
        cache.parent.mkdir(exist_ok=True)
        cache.write_text(json.dumps(out))
        print(f"ran {fold}: {len(test)} pairs", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dump", type=Path, required=True)
    parser.add_argument("--logs", nargs="+", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=BENCH / "out" / "story_population_use.json")
    args = parser.parse_args()
    build(args.dump, args.logs, args.cache)
