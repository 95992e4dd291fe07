"""The whole corpus through the shipped story step, stories.SCORE_VETO off and on (brief S29).

Not the CV (the shipped models have seen every labelled pair): what the veto changes. Prints each
pass's story figures, the articles whose story-mates change, every labelled pair of the blind folds
whose stored outcome changes (ids, label, before → after) and both passes' in-sample
precision / recall on those pairs. Ids and numbers only.

    OMP_NUM_THREADS=1 nice .venv/bin/python benchmarks/story_veto_corpus.py [--dump DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fit_story_pairs as fsp  # noqa: E402
import stories as bench  # noqa: E402

from digests import stories  # noqa: E402
from digests.settings import Settings  # noqa: E402


def main() -> None:
    """Run the two passes and print what changed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="write each pass's doc id → story id here")
    args = parser.parse_args()
    docs = bench.load(bench.CORPUS)
    bench.use_story_model(docs, 3, quiet=True)  # the cached USE vectors behind the step
    pairs = [p for p in fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES])
             if fsp.group(str(p.get("set", ""))) in fsp.BLIND]
    story_of: dict[bool, dict[str, int]] = {}
    saved = stories.SCORE_VETO
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for veto in (False, True):
                stories.SCORE_VETO = veto
                story_of[veto], _ = bench.assign_corpus(
                    docs, Path(tmp) / f"veto{int(veto)}.db", Settings(story_model="use"))
    finally:
        stories.SCORE_VETO = saved
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)
        for veto, of in story_of.items():
            (args.dump / f"veto{int(veto)}.json").write_text(json.dumps(of))
    members: dict[bool, dict[str, frozenset[str]]] = {}
    for veto, of in story_of.items():
        groups: dict[int, set[str]] = {}
        for doc_id, story in of.items():
            groups.setdefault(story, set()).add(doc_id)
        members[veto] = {d: frozenset(groups[s]) for d, s in of.items()}
        multi = [g for g in groups.values() if len(g) > 1]
        print(f"veto {'on' if veto else 'off'}: {len(groups)} stories, {len(multi)} of several"
              f" reports holding {sum(map(len, multi))} articles")
    changed = sorted(d for d in members[False] if members[False][d] != members[True][d])
    print(f"articles whose story-mates change: {len(changed)} of {len(docs)}: {' '.join(changed)}")
    for veto in (False, True):
        of = story_of[veto]
        kept = [p for p in pairs if p["a"] in of and p["b"] in of]
        stored = [of[p["a"]] == of[p["b"]] for p in kept]
        c = fsp.counts([{"same": bool(p["same"])} for p in kept], stored)
        print(f"labelled pairs, veto {'on' if veto else 'off'}: {c[0]}/{c[1]}/{c[2]}  {fsp.pr(c)}")
    for p in pairs:
        if p["a"] in story_of[False] and p["b"] in story_of[False]:
            was = story_of[False][p["a"]] == story_of[False][p["b"]]
            now = story_of[True][p["a"]] == story_of[True][p["b"]]
            if was != now:
                print(f"pair {p.get('set')} {p['a']} {p['b']} gold={int(bool(p['same']))}"
                      f" stored {int(was)} -> {int(now)}")


if __name__ == "__main__":
    main()
