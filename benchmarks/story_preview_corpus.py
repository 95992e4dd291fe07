"""Brief S21: the preview rule over the whole corpus — stories, several-report stories, articles
whose story-mates change, the pairs it joins, and the step's CPU per article with it and without.

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/story_preview_corpus.py [--runs 3] [--limit N]

The shipped default step (STORY_MODEL=use, the shipped USE pair model, the cached USE vectors of
benchmarks/out/use_all.npz served as benchmarks/stories.py serves them) assigns the corpus in
publication order on a fresh SQLite file, once with digests.stories.PREVIEW_RULE off and once on,
`--runs` times each (alternating; CPU time of the assignments, median). The rule's extra USE
vectors (pairs outside the words' band it asks the model about) are counted: live, each is one
embedding (~8 ms of CPU, benchmarks/README.md session 16). Ids and numbers only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

import stories as bench  # noqa: E402

from digests import stories, story_use  # noqa: E402
from digests.settings import Settings  # noqa: E402
from digests.storage import Database  # noqa: E402


def one_pass(docs: list[dict[str, Any]], path: Path, rule: bool
             ) -> tuple[dict[str, int], float, int, int]:
    """(story of each doc, CPU seconds of the assignments, USE vectors stored, pairs the rule
    joined) of one corpus pass with PREVIEW_RULE = `rule`."""
    saved, real = stories.PREVIEW_RULE, stories._previewed
    joined = 0

    def counted(*args: Any) -> tuple[float, bool]:
        nonlocal joined
        out = real(*args)
        joined += out[1]
        return out

    stories.PREVIEW_RULE, stories._previewed = rule, counted  # type: ignore[assignment]
    try:
        db = Database(path)
        with db.transaction():
            bench.insert(db, docs, 1, bench.timedelta(0))
        cpu = 0.0
        for n, d in enumerate(docs):
            cpu += bench.timed_assign(db, n + 1, d["when"], Settings())[1]
        story = dict(db.db.execute("select id, story_id from articles").fetchall())
        vectors = db.db.execute(f"select count(*) from {story_use.TABLE}").fetchone()[0]
        db.close()
    finally:
        stories.PREVIEW_RULE, stories._previewed = saved, real  # type: ignore[assignment]
    return {d["id"]: story[n + 1] for n, d in enumerate(docs)}, cpu, vectors, joined


def shape(story_of: dict[str, int]) -> tuple[int, int, int, dict[str, frozenset[str]]]:
    groups: dict[int, set[str]] = {}
    for doc_id, story in story_of.items():
        groups.setdefault(story, set()).add(doc_id)
    multi = [g for g in groups.values() if len(g) > 1]
    mates = {d: frozenset(groups[s]) for d, s in story_of.items()}
    return len(groups), len(multi), sum(map(len, multi)), mates


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    docs = bench.load(bench.CORPUS)[:args.limit]
    bench.use_story_model(docs, 3, quiet=True)
    cpu: dict[bool, list[float]] = {False: [], True: []}
    seen: dict[bool, tuple[dict[str, int], int, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            for rule in (False, True):
                story_of, used, vectors, joined = one_pass(docs, Path(tmp) / f"{run}{rule}.db",
                                                           rule)
                cpu[rule].append(used)
                seen[rule] = (story_of, vectors, joined)
    mates = {}
    for rule in (False, True):
        story_of, vectors, joined = seen[rule]
        n, multi, held, mates[rule] = shape(story_of)
        ms = statistics.median(cpu[rule]) / len(docs) * 1000
        print(f"preview rule {'on ' if rule else 'off'}: {n} stories, {multi} of several reports"
              f" holding {held} articles; {vectors} USE vectors stored; pairs the rule passed"
              f" {joined}; step CPU {ms:.2f} ms/article (median of {len(cpu[rule])}:"
              f" {', '.join(f'{c:.1f}' for c in cpu[rule])} s)")
    changed = sum(mates[False][d] != mates[True][d] for d in mates[False])
    print(f"articles whose story-mates change with the rule: {changed} of {len(docs)}")


if __name__ == "__main__":
    main()
