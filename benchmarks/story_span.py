"""Brief S25: the story span (digests.stories.STORY_SPAN_HOURS) — the old 48 h by a flag, and what
the shipped 72 h changes over the whole corpus.

Any benchmarks/stories.py run under another span (e.g. the old window, 48 h):

    .venv/bin/python benchmarks/story_span.py --span 48 -- --no-speed --pairs FILE
    .venv/bin/python benchmarks/story_span.py --span 48 -- --throughput 1000 --throughput-runs USE

The corpus pass (`--corpus-change`): the shipped default (STORY_MODEL=use, the cached USE vectors
behind the real step, the shipped pair model) over the whole corpus once per span; prints the
stories, the stories of several reports and the articles in them, the stories reaching past 48 h,
and how many articles share their story with other reports than under the first span:

    .venv/bin/python benchmarks/story_span.py --corpus-change 48 72 [--corpus FILE]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import stories as bench  # noqa: E402
import story_choice_screen  # noqa: E402  (mates: each article's story-mates)

from digests import stories  # noqa: E402
from digests.settings import Settings  # noqa: E402


def describe(story_of: dict[str, int], when: dict[str, float]) -> str:
    """Stories, several-report stories and their articles, the largest, and those whose reports
    lie more than 48 h apart (`when`: hours since any fixed time)."""
    groups: dict[int, list[str]] = {}
    for doc_id, story in story_of.items():
        groups.setdefault(story, []).append(doc_id)
    multi = [g for g in groups.values() if len(g) > 1]
    wide = sum(max(when[d] for d in g) - min(when[d] for d in g) > 48 for g in multi)
    return (f"{len(groups)} stories, {len(multi)} of several reports holding"
            f" {sum(map(len, multi))} articles; largest {max(map(len, groups.values()))};"
            f" {wide} spanning more than 48 h")


def changed_mates(one: dict[str, int], other: dict[str, int]) -> int:
    """Articles whose story holds other reports in `other` than in `one`."""
    a, b = story_choice_screen.mates(one), story_choice_screen.mates(other)
    return sum(a[d] != b[d] for d in a)


def corpus_change(spans: Sequence[float], corpus: Path, limit: int | None) -> None:
    docs = bench.load(corpus)[:limit]
    bench.use_story_model(docs, 3, quiet=True)  # the cached USE vectors behind the step
    t0 = min(d["when"] for d in docs)
    when = {d["id"]: (d["when"] - t0).total_seconds() / 3600 for d in docs}
    saved = stories.STORY_SPAN_HOURS
    runs: list[dict[str, int]] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for span in spans:
                stories.STORY_SPAN_HOURS = span
                story_of, _ = bench.assign_corpus(docs, Path(tmp) / f"span{span:g}.db",
                                                  Settings(story_model="use"))
                runs.append(story_of)
                print(f"span {span:g} h: {describe(story_of, when)}", flush=True)
    finally:
        stories.STORY_SPAN_HOURS = saved
    for span, story_of in zip(spans[1:], runs[1:]):
        print(f"articles whose story holds other reports at {span:g} h than at {spans[0]:g} h:"
              f" {changed_mates(runs[0], story_of)} of {len(docs)}")


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    rest: list[str] = []
    if "--" in args:
        cut = args.index("--")
        args, rest = args[:cut], args[cut + 1:]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--span", type=float, help="run benchmarks/stories.py (the arguments"
                        " after --) with stories.STORY_SPAN_HOURS at this")
    parser.add_argument("--corpus-change", nargs="+", type=float, metavar="HOURS")
    parser.add_argument("--corpus", type=Path, default=bench.CORPUS)
    parser.add_argument("--limit", type=int)
    opts = parser.parse_args(args)
    if opts.corpus_change:
        corpus_change(opts.corpus_change, opts.corpus, opts.limit)
        return
    if opts.span is None:
        parser.error("--span H -- STORIES_ARGS, or --corpus-change H H")
    stories.STORY_SPAN_HOURS = opts.span
    print(f"stories.STORY_SPAN_HOURS = {opts.span:g}", flush=True)
    bench.main(rest)


if __name__ == "__main__":
    main()
