"""Build quotes6.jsonl (the untouched quote test of session 4, annotators P and Q) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes6.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20261214 --exclude` quotes.jsonl …
quotes5.jsonl), shuffled with seed 20261214: P annotated the first 30, Q the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout6`: scored once, after the finder
and ranking of session 4 were frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halves import HalvesSet  # noqa: E402

SET = HalvesSet(name="quotes6", seed=20261214, set_name="holdout6", annotators=("P", "Q"),
                earlier=("quotes", "quotes2", "quotes3", "quotes4", "quotes5"))
plan = SET.plan


if __name__ == "__main__":
    sys.exit(SET.main(__doc__.splitlines()[0]))
