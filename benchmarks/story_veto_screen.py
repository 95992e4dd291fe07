"""Screen a pairwise veto on every labelled development pair (brief S29, QA59-46 / QA59-34).

The vetoes: "score" — two reports whose leads (headline + first sentence) both give a match score
(digests.story_evidence.scores) and share none are two matches («روسيا تسقط بثلاثية أمام فرنسا»,
«برباعية.. أخضر بيتزي يخسر تجربة بلجيكا»); "speaker" — two «X: …» headlines of one speaker X whose
parts after the colon share no content key are two statements («متحدث …لـCNN: زيارة محمد بن سلمان …»,
«متحدث …لـCNN: قد نقاطع المونديال …»). For every labelled pair of fit_story_pairs.FILES within
48 h (the untouched test sets are never read), the shipped pair decision (benchmarks/story_qa_diag:
words, or the USE pair model inside the band; in-sample for the pairs it was fitted on) and whether
the veto fires. The cost is the same pairs it refuses; the gain the different pairs the decision
joins and the veto refuses. Counts and the fired pairs' ids only.

    .venv/bin/python benchmarks/story_veto_screen.py [--veto score|speaker]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fit_story_pairs as fsp  # noqa: E402
import stories as bench  # noqa: E402
import story_qa_diag as diag  # noqa: E402

from digests.arabic import analyze  # noqa: E402
from digests.leads import _first_sentence  # noqa: E402
from digests.story_reports import headline_keys  # noqa: E402
from digests.story_evidence import scores  # noqa: E402


def score_conflict(a: dict[str, str], b: dict[str, str]) -> bool:
    """Both leads give a match score and they share none."""
    sa, sb = (scores(f"{d['title'] or ''} {_first_sentence(d['text'])}") for d in (a, b))
    return bool(sa) and bool(sb) and not (sa & sb)


def _label(title: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """A «X: …» headline's speaker keys and the keys after its colon, or None."""
    head, colon, rest = (title or "").partition(":")
    if not colon or not rest.strip() or len(head.split()) > 8:
        return None
    return frozenset(headline_keys(analyze(head))), frozenset(headline_keys(analyze(rest)))


def speaker_conflict(a: dict[str, str], b: dict[str, str]) -> bool:
    """Two «X: …» headlines of one speaker whose statements share no content key."""
    la, lb = _label(a["title"]), _label(b["title"])
    return bool(la and lb and la[0] and la[0] == lb[0] and not (la[1] & lb[1]))


VETOES: dict[str, Callable[[dict[str, str], dict[str, str]], bool]] = {
    "score": score_conflict, "speaker": speaker_conflict}


def main() -> None:
    """Print the veto's cost and gain on the labelled pairs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--veto", choices=sorted(VETOES), default="score")
    conflict = VETOES[parser.parse_args().veto]
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
        if conflict(docs[p["a"]], docs[p["b"]]):
            short = "same" if p["same"] else "diff"
            counts[f"{short}_fired"] += 1
            counts[f"{short}_fired_joined"] += int(e["same"])
            fired.append(f"{label} {p['a']} {p['b']} joined={int(e['same'])} p={e['p']:.3f}")
    print(counts)
    print("\n".join(fired))


if __name__ == "__main__":
    main()
