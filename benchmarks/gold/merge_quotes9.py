"""Build quotes9.jsonl (the untouched quote test of session 7, annotators V and W) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes9.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20261231 --exclude` quotes.jsonl …
quotes8.jsonl), shuffled with seed 20261231: V annotated the first 30, W the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout9`: scored once, after the finder, speakers
and ranking of session 7 were frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halves import HalvesSet  # noqa: E402

SET = HalvesSet(name="quotes9", seed=20261231, set_name="holdout9", annotators=("V", "W"),
                earlier=("quotes", "quotes2", "quotes3", "quotes4", "quotes5", "quotes6",
                         "quotes7", "quotes8"))
plan = SET.plan


if __name__ == "__main__":
    sys.exit(SET.main(__doc__.splitlines()[0]))
