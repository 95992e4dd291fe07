"""Brief S23: screen a story-choice rule on one corpus pass before the 21-fold run.

One pass of the real step over the corpus (default: /work/notes/s18/corpus_dev.jsonl.gz, the
corpus minus session 18's blind articles) with the SHIPPED pair model (fitted on every labelled
pair: in-sample, so it flatters the pair decision; the story-level choice is what differs between
variants), under a variant of the step; writes each article's story (JSON). `--compare` scores
two such files on every development pair file (fit_story_pairs.FILES) and lists the labelled
pairs that change (same pairs found or lost, wrong joins made or undone) and how many articles
change story-mates. The held-out test is story_curve.py on 21 folds; this only screens.

Variants: "fit" (shipped), "link" (digests.story_choice: the strongest link first), each with
"+mergelinkX" (stories.MERGE_LINK), "+members" (MERGE_RULE "members": the bridged stories' own
reports must fit each other) or "+strongX" (stories.USE_STRONG_PAIR), e.g. "fit+mergelink0.9".

    .venv/bin/python benchmarks/story_choice_screen.py --variant link --out /tmp/link.json
    .venv/bin/python benchmarks/story_choice_screen.py --compare /tmp/fit.json /tmp/link.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import fit_story_pairs as fsp  # noqa: E402
import stories as bench  # noqa: E402

from digests import stories  # noqa: E402

DEV_CORPUS = Path("/work/notes/s18/corpus_dev.jsonl.gz")


def apply(variant: str) -> None:
    """Set the step's settings for a variant name: "fit" or "link" (CHOICE_RULE), then any of
    "+mergelinkX" (MERGE_LINK) and "+strongX" (USE_STRONG_PAIR)."""
    rule, *flags = variant.split("+")
    stories.CHOICE_RULE = rule
    for flag in flags:
        if flag.startswith("mergelink"):
            stories.MERGE_LINK = float(flag[len("mergelink"):])
        elif flag.startswith("strong"):
            stories.USE_STRONG_PAIR = float(flag[len("strong"):])
        elif flag == "members":
            stories.MERGE_RULE = "members"
        else:
            raise SystemExit(f"unknown flag {flag!r}")


def run(variant: str, corpus: Path, out: Path) -> None:
    docs = bench.load(corpus)
    saved = (stories.embedder_for, stories.CHOICE_RULE, stories.MERGE_LINK,
             stories.USE_STRONG_PAIR, stories.MERGE_RULE)
    try:
        bench.use_story_model(docs, 1, quiet=True)
        apply(variant)
        with tempfile.TemporaryDirectory() as tmp:
            story_of, _ = bench.assign_corpus(docs, Path(tmp) / "s.db", bench.SETTINGS)
    finally:
        (stories.embedder_for, stories.CHOICE_RULE, stories.MERGE_LINK,
         stories.USE_STRONG_PAIR, stories.MERGE_RULE) = saved
    out.write_text(json.dumps(story_of))


def mates(story_of: dict[str, int]) -> dict[str, frozenset[str]]:
    groups: dict[int, set[str]] = defaultdict(set)
    for a, s in story_of.items():
        groups[s].add(a)
    return {a: frozenset(groups[s] - {a}) for a, s in story_of.items()}


def compare(base: dict[str, int], other: dict[str, int]) -> list[str]:
    pairs = [p for p in fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES if (fsp.GOLD / f).exists()])
             if p["a"] in base and p["b"] in base]
    out = []
    counts: dict[str, list[int]] = {"base": [0, 0, 0], "other": [0, 0, 0]}
    changed = []
    for p in pairs:
        same = bool(p["same"])
        for name, story_of in (("base", base), ("other", other)):
            stored = story_of[p["a"]] == story_of[p["b"]]
            c = counts[name]
            c[0] += same and stored
            c[1] += (not same) and stored
            c[2] += same and not stored
        was, now = base[p["a"]] == base[p["b"]], other[p["a"]] == other[p["b"]]
        if was != now:
            kind = ("same found" if now else "same lost") if same else (
                "wrong join made" if now else "wrong join undone")
            changed.append(f"  {kind}: {p.get('set', '-')} {p['a']} {p['b']}")
    for name, (tp, fp, fn) in counts.items():
        out.append(f"{name}: {tp}/{fp}/{fn}  {fsp.pr((tp, fp, fn))}  ({len(pairs)} pairs)")
    out += sorted(changed)
    m0, m1 = mates(base), mates(other)
    out.append(f"articles changing story-mates: {sum(m0[a] != m1[a] for a in base)}"
               f"; stories {len(set(base.values()))} -> {len(set(other.values()))}"
               f"; several-report {several(base)} -> {several(other)}")
    return out


def several(story_of: dict[str, int]) -> int:
    sizes: dict[int, int] = defaultdict(int)
    for s in story_of.values():
        sizes[s] += 1
    return sum(n > 1 for n in sizes.values())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variant", default="fit")
    parser.add_argument("--corpus", type=Path, default=DEV_CORPUS)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BASE", "OTHER"))
    args = parser.parse_args(argv)
    if args.compare:
        loaded: list[Any] = [json.loads(p.read_text()) for p in args.compare]
        print("\n".join(compare(*loaded)))
        return
    if args.out is None:
        raise SystemExit("--out FILE (or --compare BASE OTHER)")
    run(args.variant, args.corpus, args.out)


if __name__ == "__main__":
    main()
