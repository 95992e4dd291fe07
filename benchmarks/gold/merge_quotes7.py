"""Build quotes7.jsonl (the untouched quote test of session 5, annotators R and S) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes7.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20261229 --exclude` quotes.jsonl …
quotes6.jsonl), shuffled with seed 20261229: R annotated the first 30, S the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout7`: scored once, after the finder, speakers
and ranking of session 5 were frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halves import HalvesSet  # noqa: E402

SET = HalvesSet(name="quotes7", seed=20261229, set_name="holdout7", annotators=("R", "S"),
                earlier=("quotes", "quotes2", "quotes3", "quotes4", "quotes5", "quotes6"))
plan = SET.plan


if __name__ == "__main__":
    sys.exit(SET.main(__doc__.splitlines()[0]))
