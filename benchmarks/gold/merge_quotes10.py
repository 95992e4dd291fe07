"""Build quotes10.jsonl (the untouched quote test of session 8, annotators X and Y) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes10.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20270101 --exclude` quotes.jsonl …
quotes9.jsonl), shuffled with seed 20270101: X annotated the first 30, Y the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout10`: scored once, after the finder, speakers
and ranking of session 8 were frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halves import HalvesSet  # noqa: E402

SET = HalvesSet(name="quotes10", seed=20270101, set_name="holdout10", annotators=("X", "Y"),
                earlier=("quotes", "quotes2", "quotes3", "quotes4", "quotes5", "quotes6",
                         "quotes7", "quotes8", "quotes9"))
plan = SET.plan


if __name__ == "__main__":
    sys.exit(SET.main(__doc__.splitlines()[0]))
