"""Build quotes21.jsonl (the untouched quote test of session 19, annotators AT and AU) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes21.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20270123 --exclude` quotes.jsonl …
quotes20.jsonl), shuffled with seed 20270123: AT annotated the first 30, AU the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout21`: scored once, after the finder, speakers
and ranking of session 19 were frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halves import HalvesSet  # noqa: E402

SET = HalvesSet(name="quotes21", seed=20270123, set_name="holdout21", annotators=("AT", "AU"),
                earlier=("quotes", "quotes2", "quotes3", "quotes4", "quotes5", "quotes6",
                         "quotes7", "quotes8", "quotes9", "quotes10", "quotes11", "quotes12",
                         "quotes13", "quotes14", "quotes15", "quotes16", "quotes17", "quotes18",
                         "quotes19", "quotes20"))
plan = SET.plan


if __name__ == "__main__":
    sys.exit(SET.main(__doc__.splitlines()[0]))
