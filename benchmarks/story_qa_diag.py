"""Pair evidence inside stories a reader found merged or split (brief S29, QA59).

For the stories given (ids of an archive built from the corpus, e.g. benchmarks/ingest.py), every
pair of their reports within 48 h: hours apart, whole-text word cosine, lead cosine, the words
model's probability and the shipped USE pair model's (story_use.pair_model, on the cached USE
vectors of benchmarks/out/use_all.npz: story_curve.use_vectors_all), and the shipped decision.
Then, for each report after a story's first (in id order: the order the archive assigned them), its
vote over the story's earlier reports
(stories._cohesion's rule: mean ≥ JOIN_MEAN and a JOIN_SHARE of them ≥ JOIN_DECISION), and the
member it links to most strongly: which link joined it. Ids and numbers only; the probabilities of
the shipped models are in-sample for pairs the models were fitted on.

    .venv/bin/python benchmarks/story_qa_diag.py --db /tmp/corpus.db --stories 4972 2026 …
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fit_story_pairs as fsp  # noqa: E402
import stories as bench  # noqa: E402
import sqlite_utils  # noqa: E402

from digests import stories, story_model, story_use  # noqa: E402
from digests.leads import compare_leads, lead_of  # noqa: E402
from digests.models import parse_iso  # noqa: E402
from digests.similarity import pair_features, similarity, story_vector  # noqa: E402


def judge(da: dict[str, Any], db_: dict[str, Any], use: dict[str, Any]) -> dict[str, float]:
    """The evidence of one pair of corpus documents (`hours`, `sim`, `lead`, `words`, `use`, `p`,
    `same`)."""
    ta, tb = parse_iso(da["published"]), parse_iso(db_["published"])
    assert ta is not None and tb is not None  # every corpus document is dated
    hours = abs((ta - tb).total_seconds()) / 3600
    va, vb = (story_vector(d["title"] or "", d["text"]) for d in (da, db_))
    la, lb = (lead_of(d["title"] or "", d["text"], t) for d, t in ((da, ta), (db_, tb)))
    sim = similarity(va, vb)
    ev = compare_leads(la, lb)
    values = pair_features(sim, hours, ev)
    words = story_model.probability(values)
    model = story_use.pair_model()
    a, b = use.get(da["id"]), use.get(db_["id"])
    p_use = model.probability(values, np.asarray(a, dtype=np.float64),
                              np.asarray(b, dtype=np.float64)) if a is not None and b is not None \
        else float("nan")
    banded = story_model.in_band(words, sim)
    p = p_use if banded else words
    same = model.same(values, p) if banded else p >= story_model.needed(values)
    if sim < 0.20 or hours > 48:
        same = False
    return {"hours": hours, "sim": sim, "lead": ev.similarity,
            "words": words, "use": p_use, "p": p, "same": float(same), "band": float(banded)}


def main() -> None:
    """Print the pairs and votes of the given stories."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--stories", type=int, nargs="+", required=True)
    parser.add_argument("--use-cache", type=Path, default=fsp.OUT / "use_all.npz")
    args = parser.parse_args()
    docs = {d["id"]: d for d in bench.load(bench.CORPUS)}
    with np.load(args.use_cache) as z:
        use = dict(zip(z["ids"].tolist(), z["vectors"]))
    db = sqlite_utils.Database(args.db)
    marks = ",".join("?" * len(args.stories))
    rows = db.execute(f"select id, story_id, url from articles where story_id in ({marks})"
                      " order by id", args.stories)  # the order they were assigned in.fetchall()
    reports = [(int(a), int(s), url.rsplit("/", 1)[-1].removesuffix(".html")) for a, s, url in rows]
    for a, s, doc in reports:
        d = docs.get(doc)
        print(f"report {a} story {s} {doc} {d['published'][:16] if d else '?'}")
    print("pairs: a b same_story hours sim lead words use(*band) p decided")
    for i, (a, sa, da) in enumerate(reports):
        for b, sb, dbb in reports[i + 1:]:
            if da not in docs or dbb not in docs:
                continue
            e = judge(docs[da], docs[dbb], use)
            if e["hours"] > 72:
                continue
            print(f"{a} {b} {int(sa == sb)} {e['hours']:.1f} {e['sim']:.3f} {e['lead']:.2f}"
                  f" {e['words']:.3f}"
                  f" {e['use']:.3f}{'*' if e['band'] else ' '} {e['p']:.3f} {int(e['same'])}")
    print(f"votes (mean ≥ {stories.JOIN_MEAN}, share ≥ {stories.JOIN_SHARE} at"
          f" {stories.JOIN_DECISION}): report story n mean share best_member best_p")
    for i, (a, s, da) in enumerate(reports):
        earlier = [(b, db2) for b, s2, db2 in reports[:i] if s2 == s]
        if not earlier or da not in docs:
            continue
        ps = []
        for b, db2 in earlier:
            if db2 not in docs:
                continue
            e = judge(docs[db2], docs[da], use)
            if e["hours"] > 48:
                continue  # a member beyond the window does not vote (stories.STORY_SPAN_HOURS)
            ps.append((e["p"] if e["sim"] >= 0.20 else 0.0, b))
        if not ps:
            continue
        mean = sum(p for p, _ in ps) / len(ps)
        share = sum(p >= stories.JOIN_DECISION for p, _ in ps) / len(ps)
        best = max(ps)
        print(f"{a} {s} {len(ps)} {mean:.3f} {share:.2f} {best[1]} {best[0]:.3f}")


if __name__ == "__main__":
    main()
