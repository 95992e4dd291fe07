"""Build quotes15.jsonl (the untouched quote test of session 13, annotators AH and AI) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes15.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20270111 --exclude` quotes.jsonl …
quotes14.jsonl), shuffled with seed 20270111: AH annotated the first 30, AI the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout15`: scored once, after the finder, speakers
and ranking of session 13 were frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halves import HalvesSet  # noqa: E402

SET = HalvesSet(name="quotes15", seed=20270111, set_name="holdout15", annotators=("AH", "AI"),
                earlier=("quotes", "quotes2", "quotes3", "quotes4", "quotes5", "quotes6",
                         "quotes7", "quotes8", "quotes9", "quotes10", "quotes11", "quotes12",
                         "quotes13", "quotes14"))
plan = SET.plan


if __name__ == "__main__":
    sys.exit(SET.main(__doc__.splitlines()[0]))
