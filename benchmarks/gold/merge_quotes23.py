"""Build quotes23.jsonl (the untouched quote test of session 21, annotators AX and AY) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes23.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20270127 --exclude` quotes.jsonl …
quotes22.jsonl), shuffled with seed 20270127: AX annotated the first 30, AY the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout23`: scored once, after the finder, speakers
and ranking of session 21 were frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halves import HalvesSet  # noqa: E402

SET = HalvesSet(name="quotes23", seed=20270127, set_name="holdout23", annotators=("AX", "AY"),
                earlier=("quotes", "quotes2", "quotes3", "quotes4", "quotes5", "quotes6",
                         "quotes7", "quotes8", "quotes9", "quotes10", "quotes11", "quotes12",
                         "quotes13", "quotes14", "quotes15", "quotes16", "quotes17", "quotes18",
                         "quotes19", "quotes20", "quotes21", "quotes22"))
plan = SET.plan


if __name__ == "__main__":
    sys.exit(SET.main(__doc__.splitlines()[0]))
