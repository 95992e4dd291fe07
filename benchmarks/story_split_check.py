"""Brief S23 step 0: the story step's output over a corpus slice, to check a pure move.

Assigns N articles in a row (publication order, from --start) of a corpus file with the real step, under the
shipped default (STORY_MODEL=use, the cached USE vectors of benchmarks/out/use_all.npz served to
the real USE model's embedder), words alone, and words with the (off) merge rule and strong pair
on, and writes each article's story id per configuration as JSON. Run it before and after a
refactoring of digests/stories.py and compare the two files (`cmp`): a pure move changes nothing.

    .venv/bin/python benchmarks/story_split_check.py --corpus /work/notes/s18/corpus_dev.jsonl.gz \
        --limit 500 --out /tmp/before.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import stories as bench  # noqa: E402

from digests import stories  # noqa: E402
from digests.settings import Settings  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=bench.CORPUS)
    parser.add_argument("--start", type=int, default=0, help="skip the first N articles")
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    docs = bench.load(args.corpus)[args.start:args.start + args.limit]
    out: dict[str, dict[str, int]] = {}
    saved = stories.embedder_for, stories.MERGE, stories.STRONG_PAIR
    try:
        with tempfile.TemporaryDirectory() as tmp:
            bench.use_story_model(docs, 1, quiet=True)
            out["use"], _ = bench.assign_corpus(docs, Path(tmp) / "use.db", bench.SETTINGS)
            words = Settings(semantic_model=False, story_model="words")
            out["words"], _ = bench.assign_corpus(docs, Path(tmp) / "words.db", words)
            stories.MERGE, stories.STRONG_PAIR = True, 0.9  # session 7's merge + strong pair
            out["words+merge"], _ = bench.assign_corpus(docs, Path(tmp) / "merge.db", words)
    finally:
        stories.embedder_for, stories.MERGE, stories.STRONG_PAIR = saved  # type: ignore[assignment]
    args.out.write_text(json.dumps(out, sort_keys=True))
    for name, story_of in out.items():
        groups = len(set(story_of.values()))
        print(f"{name}: {len(story_of)} articles, {groups} stories")


if __name__ == "__main__":
    main()
