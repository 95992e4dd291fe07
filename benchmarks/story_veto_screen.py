"""Screen a pairwise veto on every labelled development pair (brief S29, QA59-46).

The veto: two reports whose leads (headline + first sentence) both give a match score
(digests.story_evidence.scores) and share none are two matches («روسيا تسقط بثلاثية أمام فرنسا»,
«برباعية.. أخضر بيتزي يخسر تجربة بلجيكا»). For every labelled pair of fit_story_pairs.FILES within
48 h (the untouched test sets are never read), the shipped pair decision (benchmarks/story_qa_diag:
words, or the USE pair model inside the band; in-sample for the pairs it was fitted on) and whether
the veto fires. The cost is the same pairs it refuses; the gain the different pairs the decision
joins and the veto refuses. Counts and the fired pairs' ids only.

    .venv/bin/python benchmarks/story_veto_screen.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fit_story_pairs as fsp  # noqa: E402
import stories as bench  # noqa: E402
import story_qa_diag as diag  # noqa: E402

from digests.leads import _first_sentence  # noqa: E402
from digests.story_evidence import scores  # noqa: E402


def score_conflict(a: dict[str, str], b: dict[str, str]) -> bool:
    """Both leads give a match score and they share none."""
    sa, sb = (scores(f"{d['title'] or ''} {_first_sentence(d['text'])}") for d in (a, b))
    return bool(sa) and bool(sb) and not (sa & sb)


def main() -> None:
    """Print the veto's cost and gain on the labelled pairs."""
    docs = {d["id"]: d for d in bench.load(bench.CORPUS)}
    with np.load(fsp.OUT / "use_all.npz") as z:
        use = dict(zip(z["ids"].tolist(), z["vectors"]))
    pairs = fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES])
    seen: set[tuple[str, str]] = set()
    counts = {"same": 0, "different": 0, "same_fired": 0, "diff_fired": 0,
              "same_fired_joined": 0, "diff_fired_joined": 0}
    fired = []
    for p in pairs:
        key = (min(p["a"], p["b"]), max(p["a"], p["b"]))
        if key in seen or p["a"] not in docs or p["b"] not in docs:
            continue
        seen.add(key)
        e = diag.judge(docs[p["a"]], docs[p["b"]], use)
        if e["hours"] > 48:
            continue
        label = "same" if p["same"] else "different"
        counts[label] += 1
        if score_conflict(docs[p["a"]], docs[p["b"]]):
            short = "same" if p["same"] else "diff"
            counts[f"{short}_fired"] += 1
            counts[f"{short}_fired_joined"] += int(e["same"])
            fired.append(f"{label} {p['a']} {p['b']} joined={int(e['same'])} p={e['p']:.3f}")
    print(counts)
    print("\n".join(fired))


if __name__ == "__main__":
    main()
