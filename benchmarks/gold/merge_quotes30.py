"""Build quotes30.jsonl (the untouched quote test of session 28, annotators BL and BM) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes30.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20270142 --exclude` quotes.jsonl …
quotes29.jsonl), shuffled with seed 20270142: BL annotated the first 30, BM the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout30`: scored once, after the finder, speakers
and ranking of session 28 were frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halves import HalvesSet  # noqa: E402

SET = HalvesSet(name="quotes30", seed=20270142, set_name="holdout30", annotators=("BL", "BM"),
                earlier=("quotes", "quotes2", "quotes3", "quotes4", "quotes5", "quotes6",
                         "quotes7", "quotes8", "quotes9", "quotes10", "quotes11", "quotes12",
                         "quotes13", "quotes14", "quotes15", "quotes16", "quotes17", "quotes18",
                         "quotes19", "quotes20", "quotes21", "quotes22", "quotes23", "quotes24",
                         "quotes25", "quotes26", "quotes27", "quotes28", "quotes29"))
plan = SET.plan


if __name__ == "__main__":
    sys.exit(SET.main(__doc__.splitlines()[0]))
