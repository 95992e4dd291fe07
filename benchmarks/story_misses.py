"""Brief S19: the stored stories' misses (same pairs kept apart) of the development folds, by kind.

    .venv/bin/python benchmarks/story_misses.py LOG...   # story_curve.py --trace logs

Every blind same pair a run stores apart (a `chain` line, benchmarks/story_trace.py) is put in
four independent partitions, printed as counts and then pair by pair (ids only):
- how it was missed (story_votes.anatomy's mechanism: the pair decision refuses it, no candidate,
  outvoted by the story's other members, another story fitted better);
- the reader's note (keywords of benchmarks/gold's `note`): a preview and the event, another
  angle (an explainer, profile, feature, analysis, round-up, video), a reaction or statement, an
  update of a toll or a count, or none of these;
- the time between the two reports: under 6 h, 6–24 h, over 24 h;
- the length of the longer report over the shorter one (words): under 2, 2–4, 4 or more.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import fit_story_pairs as fsp  # noqa: E402
import stories as bench  # noqa: E402
import story_votes  # noqa: E402

NOTE_KINDS = (  # first match wins; lower-case English notes
    ("preview / event", re.compile(r"preview|ahead of|before (the|his|her|its)|will |expected")),
    ("another angle", re.compile(r"explainer|profile|feature|analysis|round-up|roundup|video|"
                                 r"background|timeline|column|opinion|interview|angle")),
    ("reaction / statement", re.compile(r"reaction|statement|remarks|says|said|words|tweet|"
                                        r"answer|respon|comment|denies|condemn")),
    ("update (toll, count)", re.compile(r"toll|updated|rises|next day|later|count")),
)


def note_kind(note: str) -> str:
    text = note.lower()
    return next((name for name, pattern in NOTE_KINDS if pattern.search(text)), "none of these")


def hours_band(hours: float) -> str:
    return "< 6 h" if hours < 6 else "6–24 h" if hours <= 24 else "> 24 h"


def length_band(a: int, b: int) -> str:
    ratio = max(a, b) / max(1, min(a, b))
    return "< 2" if ratio < 2 else "2–4" if ratio < 4 else ">= 4"


def mechanism(c: story_votes.Chain) -> str:
    return ("outvoted" if c.voted and c.fit is None and c.decided else
            "another story fitted better" if c.joined == "other" and c.decided else
            "pair decision refuses" if c.p is not None else "no candidate past the cosine floor")


def table(misses: Sequence[dict[str, Any]], key: str, total: int) -> list[str]:
    counts = Counter(m[key] for m in misses)
    return [f"| {key} | {k} | {n} | {n / total:.1%} |" for k, n in counts.most_common()]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logs", nargs="+", type=Path)
    parser.add_argument("--setting", help="only this setting's lines (e.g. 0.65/0.40/0.50)")
    args = parser.parse_args(argv)
    chains = [c for c in story_votes.load(args.logs, args.setting) if c.gold and not c.stored]
    docs = {d["id"]: d for d in bench.load(bench.CORPUS)}
    notes = {frozenset((p["a"], p["b"])): p.get("note") or ""
             for p in fsp.load_pairs([fsp.GOLD / f for f in fsp.FILES
                                      if (fsp.GOLD / f).exists()])}
    misses = []
    for c in chains:
        a, b = docs[c.a], docs[c.b]
        hours = abs((a["when"] - b["when"]).total_seconds()) / 3600
        misses.append({"fold": c.fold, "a": c.a, "b": c.b, "p": c.p, "hours": hours,
                       "how": mechanism(c), "note": note_kind(notes.get(frozenset((c.a, c.b)), "")),
                       "time": hours_band(hours),
                       "length": length_band(len(a["text"].split()), len(b["text"].split()))})
    print(f"{len(misses)} same pairs stored apart")
    print("| partition | kind | misses | share |\n|---|---|---|---|")
    for key in ("how", "note", "time", "length"):
        print("\n".join(table(misses, key, len(misses))))
    print()
    for m in sorted(misses, key=lambda m: (m["how"], m["note"], m["fold"])):
        p = "-" if m["p"] is None else f"{m['p']:.2f}"
        print(f"{m['fold']:<10} {m['a']} {m['b']} p={p} {m['hours']:.1f}h {m['how']} |"
              f" {m['note']} | {m['time']} | length {m['length']}")


if __name__ == "__main__":
    main()
