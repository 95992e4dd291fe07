"""Build quotes8.jsonl (the untouched quote test of session 6, annotators T and U) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes8.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20261230 --exclude` quotes.jsonl …
quotes7.jsonl), shuffled with seed 20261230: T annotated the first 30, U the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout8`: scored once, after the finder, speakers
and ranking of session 6 were frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halves import HalvesSet  # noqa: E402

SET = HalvesSet(name="quotes8", seed=20261230, set_name="holdout8", annotators=("T", "U"),
                earlier=("quotes", "quotes2", "quotes3", "quotes4", "quotes5", "quotes6",
                         "quotes7"))
plan = SET.plan


if __name__ == "__main__":
    sys.exit(SET.main(__doc__.splitlines()[0]))
