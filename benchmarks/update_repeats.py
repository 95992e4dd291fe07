"""Which similarity tells that an update repeats news a chat already had (brief X24, QA19 N3).

    .venv/bin/python benchmarks/update_repeats.py [--gold benchmarks/gold/story_pairs*.jsonl]

QA19 saw Ivanka Trump's visit three times: one event split across stories, the later ones coming
as «🔄 تحديث». An update is skipped (digests.story_updates.queue_updates) when the chat was sent, in
the last 48 h, a report of ANOTHER story whose headline and lead say the same. The pairs this
rule decides are pairs the story index kept apart, so the measure is on the development story
pairs (every benchmarks/gold/story_pairs*.jsonl but a later blind story_pairs35*) whose pair the
story model refuses (`story_model.same_story` False): a rule that skips a gold-same pair there
catches a repeat; one that skips a gold-different pair hides a real update. Two candidates,
each at several thresholds, then the rule `digests.repeats.says_same` applies (either):

- `lead`: the cosine of the two leads' vectors (headline + first sentence, digests.leads) — what
  the chat saw (the headline, the key quote) is the top of the report;
- `model`: the story model's own probability (digests.story_model.probability) at a threshold
  lower than its decision.

Deterministic: one run is the figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import load_corpus  # noqa: E402

from digests import story_model  # noqa: E402
from digests.leads import compare_leads  # noqa: E402
from digests.models import parse_iso  # noqa: E402
from digests.repeats import LEAD_MIN, MODEL_MIN, report, says_same  # noqa: E402
from digests.similarity import pair_features, similarity  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold"
BLIND = ("story_pairs35",)  # session 28's untouched tests: never read here
LEAD_THRESHOLDS = (0.40, 0.50, 0.55, 0.60, 0.65, 0.70, 0.80)
MODEL_THRESHOLDS = (0.10, 0.20, 0.30, 0.40)


def gold_pairs(paths: Sequence[Path]) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        if path.name.startswith(BLIND):
            raise SystemExit(f"{path.name} is a blind test set")
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    return out


def pair_values(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, float, bool, bool]:
    """(lead cosine, model probability, model decision, `digests.repeats.says_same`) of two
    corpus articles."""
    ta, tb = parse_iso(a.get("published")), parse_iso(b.get("published"))
    ra = report(a.get("title") or "", a.get("text") or "", ta)
    rb = report(b.get("title") or "", b.get("text") or "", tb)
    hours = abs((ta - tb).total_seconds()) / 3600 if ta and tb else 0.0
    evidence = compare_leads(ra.lead, rb.lead)
    values = pair_features(similarity(ra.vector, rb.vector), hours, evidence)
    return (evidence.similarity, story_model.probability(values),
            story_model.same_story(values), says_same(ra, rb))


def main(argv: Sequence[str] | None = None) -> dict[str, tuple[int, int]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--gold", type=Path, nargs="*",
                        default=sorted(p for p in GOLD.glob("story_pairs*.jsonl")
                                       if not p.name.startswith(BLIND)))
    args = parser.parse_args(argv)
    pairs = gold_pairs(args.gold)
    docs = {d["id"]: d for d in load_corpus()}
    seen: set[tuple[str, str]] = set()
    # (gold same, lead, model p, the rule, the pair's file) of the pairs the model refuses
    apart: list[tuple[bool, float, float, bool, str]] = []
    for pair in pairs:
        key = tuple(sorted((pair["a"], pair["b"])))
        if key in seen or pair["a"] not in docs or pair["b"] not in docs:
            continue
        seen.add(key)  # type: ignore[arg-type]
        lead, p, same, rule = pair_values(docs[pair["a"]], docs[pair["b"]])
        if not same:
            apart.append((bool(pair["same"]), lead, p, rule, str(pair.get("set", ""))))
    same_n = sum(row[0] for row in apart)
    print(f"{len(seen)} distinct dev pairs; the model keeps {len(apart)} apart: {same_n} gold-same"
          f" (repeats to catch), {len(apart) - same_n} gold-different (updates to keep)")
    out: dict[str, tuple[int, int]] = {}
    for name, index, thresholds in (("lead", 1, LEAD_THRESHOLDS),
                                    ("model", 2, MODEL_THRESHOLDS)):
        for t in thresholds:
            caught = sum(1 for row in apart if row[0] and row[index] >= t)
            wrong = sum(1 for row in apart if not row[0] and row[index] >= t)
            out[f"{name}>={t:.2f}"] = (caught, wrong)
            precision = caught / (caught + wrong) if caught + wrong else 1.0
            print(f"{name} >= {t:.2f}: repeats caught {caught}/{same_n}, real updates hidden "
                  f"{wrong}/{len(apart) - same_n} (precision {precision:.2f})")
    # the rule digests.repeats applies, on all pairs and on two halves of the sets (the
    # thresholds were chosen on all of them: the halves show how much that choice moves)
    sets = sorted({row[4] for row in apart})
    halves = (("all", set(sets)), ("sets 1st half", set(sets[::2])),
              ("sets 2nd half", set(sets[1::2])))
    for name, chosen in halves:
        part = [row for row in apart if row[4] in chosen]
        caught = sum(1 for row in part if row[0] and row[3])
        wrong = sum(1 for row in part if not row[0] and row[3])
        same_part = sum(row[0] for row in part)
        out[f"rule {name}"] = (caught, wrong)
        print(f"rule (lead >= {LEAD_MIN:.2f} without a gap, or model >= {MODEL_MIN:.2f}), "
              f"{name}: repeats caught {caught}/{same_part}, real updates hidden "
              f"{wrong}/{len(part) - same_part}")
    return out


if __name__ == "__main__":
    main()
