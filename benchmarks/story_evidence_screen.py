"""Brief S24: a pairwise screen of marks of event identity among the pairs the shipped step refuses.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/story_outband.py --reuse-fits LOGS... \
        --save /tmp/held.jsonl            # every development pair, held out (ids and numbers)
    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/story_evidence_screen.py --held /tmp/held.jsonl

Each labelled development pair carries its held-out word probability and USE pair-model
probability (benchmarks/story_outband.py: each fold's models fitted without it). The shipped
decision (story_outband.shipped, no chaining) refuses some same-story pairs; a mark that joins a
refused pair would gain it. Here every kind of mark is counted among the refused candidates
(cosine ≥ the 0.20 floor: a pair under it is never a candidate of the step), same vs different,
alone and with a floor on the larger of the two probabilities, and among the accepted pairs (how
often the mark sits on a different pair the model already takes, i.e. how it ranks):

- `figure`, `score`, `event`: digests.story_evidence on headline + first sentence;
- `figure_head`: figures of the head the USE vector reads (semantic.article_text);
- `quote`: the two digests quote one speaker (a rare word of the name) and a statement of either
  runs ≥ QUOTE_RUN keys in the other's text (digests.shared_speech);
- `speaker_quote`: one speaker quoted by both (quote finder) and a quoted span of either shares a
  run ≥ 3 keys with a quoted span of the other.

The brief's bar for a run on 21 folds: ≥ +8 same pairs for ≤ +2 different, pairwise.
`--stored LOGS` (story_curve.py `pair` lines of a stored run, e.g. the shared 21-fold baseline)
also counts each mark among the same pairs stored apart and the wrong joins.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import stories as bench  # noqa: E402
import story_curve  # noqa: E402
import story_outband as ob  # noqa: E402

from digests import semantic, shared_speech, story_evidence, story_model  # noqa: E402
from digests.leads import _first_sentence  # noqa: E402

QUOTE_RUN = 4
FLOORS = (0.0, 0.1, 0.2, 0.3, 0.4)
KINDS = ("figure", "score", "event", "figure_head", "quote", "speaker_quote", "any_lead")


def kinds_of(a: dict[str, Any], b: dict[str, Any], cache: dict[str, Any]) -> frozenset[str]:
    """The kinds of mark two corpus articles share."""
    def get(d: dict[str, Any]) -> tuple[Any, Any, Any]:
        if d["id"] not in cache:
            title, text = d["title"] or "", d["text"]
            cache[d["id"]] = (story_evidence.marks(title, _first_sentence(text)),
                              story_evidence.figures(semantic.article_text(title, text)),
                              shared_speech.speech_of(title, text))
        return cache[d["id"]]

    (ma, fa, sa), (mb, fb, sb) = get(a), get(b)
    out = set(story_evidence.shared(ma, mb))
    if out:
        out.add("any_lead")
    if fa & fb:
        out.add("figure_head")
    if (shared_speech.shared_digest_speakers(sa, sb)
            and shared_speech.shared_statement_run(sa, sb) >= QUOTE_RUN):
        out.add("quote")
    if shared_speech.shared_speakers(sa, sb) and shared_speech.shared_quote_run(sa, sb) >= 3:
        out.add("speaker_quote")
    return frozenset(out)


def table(held: Sequence[ob.Held], marked: dict[tuple[str, str], frozenset[str]],
          decided: Callable[[ob.Held], bool]) -> list[str]:
    candidates = [h for h in held if h.sim >= story_model.LOW_SIM_FLOOR]
    refused = [h for h in candidates if not decided(h)]
    taken = [h for h in candidates if decided(h)]
    lines = [f"{len(held)} held-out pairs; candidates (cosine >= {story_model.LOW_SIM_FLOOR})"
             f" {len(candidates)}: refused {len(refused)} ({sum(h.same for h in refused)} same),"
             f" taken {len(taken)} ({sum(not h.same for h in taken)} different);"
             f" under the floor {len(held) - len(candidates)}"
             f" ({sum(h.same for h in held if h.sim < story_model.LOW_SIM_FLOOR)} same)",
             "| mark | refused, marked: same / different at max(p) >= "
             + " · ".join(f"{f:.1f}" for f in FLOORS) + " | in band | below band"
             " | taken, marked: same / different |", "|---|---|---|---|---|"]
    for kind in KINDS:
        hit = [h for h in refused if kind in marked[h.a, h.b]]
        cells = []
        for floor in FLOORS:
            at = [h for h in hit if max(h.words, h.use) >= floor]
            cells.append(f"{sum(h.same for h in at)}/{sum(not h.same for h in at)}")
        band = [h for h in hit if story_model.in_band(h.words, h.sim)]
        below = [h for h in hit if h.words < story_model.MEANING_BAND[0]]
        took = [h for h in taken if kind in marked[h.a, h.b]]
        lines.append(f"| {kind} | {' · '.join(cells)} | {sum(h.same for h in band)}/"
                     f"{sum(not h.same for h in band)} | {sum(h.same for h in below)}/"
                     f"{sum(not h.same for h in below)} | {sum(h.same for h in took)}/"
                     f"{sum(not h.same for h in took)} |")
    return lines


def stored_table(lines: Sequence[str], marked: dict[tuple[str, str], frozenset[str]],
                 path: str = "use") -> list[str]:
    """Each mark among a stored run's misses (same pairs stored apart) and wrong joins, per
    setting: how many a mark could gain at most, and how many of its pairs the step already
    joins wrongly."""
    outcome: dict[str, dict[tuple[str, str], tuple[bool, bool]]] = {}
    for m in map(story_curve.PAIR.match, lines):
        if m and m.group(1) == path and (m.group(4), m.group(5)) in marked:
            outcome.setdefault(m.group(3), {})[m.group(4), m.group(5)] = (
                m.group(6) == "1", m.group(7) == "1")
    out = []
    for setting, pairs in sorted(outcome.items()):
        missed = [k for k, (gold, st) in pairs.items() if gold and not st]
        wrong = [k for k, (gold, st) in pairs.items() if not gold and st]
        apart = [k for k, (gold, st) in pairs.items() if not gold and not st]
        out.append(f"stored {path} {setting}: {len(pairs)} pairs, {len(missed)} same stored apart,"
                   f" {len(wrong)} wrong joins; marked among them (missed / different apart /"
                   " wrong joins):")
        for kind in KINDS:
            out.append(f"  {kind}: {sum(kind in marked[k] for k in missed)}"
                       f" / {sum(kind in marked[k] for k in apart)}"
                       f" / {sum(kind in marked[k] for k in wrong)}")
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held", type=Path, required=True, help="story_outband.py --save output")
    parser.add_argument("--corpus", type=Path, default=bench.CORPUS)
    parser.add_argument("--decision", type=float, default=0.65)
    parser.add_argument("--list", type=Path, metavar="TXT",
                        help="also write the refused marked pairs (ids, kinds, numbers only)")
    parser.add_argument("--stored", nargs="*", type=Path, default=[], metavar="LOG",
                        help="story_curve.py logs: the marks among their stored misses")
    args = parser.parse_args(argv)
    held = [ob.Held(**json.loads(line)) for line in args.held.read_text().splitlines() if line]
    want = {i for h in held for i in (h.a, h.b)}
    by_id = {d["id"]: d for d in bench.load(args.corpus) if d["id"] in want}
    cache: dict[str, Any] = {}
    marked = {(h.a, h.b): kinds_of(by_id[h.a], by_id[h.b], cache) for h in held}
    decided = lambda h: ob.shipped(h, args.decision)  # noqa: E731
    print("\n".join(table(held, marked, decided)))
    if args.stored:
        lines = [line for p in args.stored for line in p.read_text().splitlines()]
        print("\n".join(stored_table(lines, marked)))
    if args.list is not None:
        rows = [f"{h.fold} {h.a} {h.b} same={int(h.same)} words={h.words:.3f} use={h.use:.3f}"
                f" sim={h.sim:.3f} kinds={','.join(sorted(marked[h.a, h.b]))}"
                for h in held if h.sim >= story_model.LOW_SIM_FLOOR and not decided(h)
                and marked[h.a, h.b]]
        args.list.write_text("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
