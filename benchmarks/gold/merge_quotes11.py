"""Build quotes11.jsonl (the untouched quote test of session 9, annotators Z and AA) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes11.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20270103 --exclude` quotes.jsonl …
quotes10.jsonl), shuffled with seed 20270103: Z annotated the first 30, AA the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout11`: scored once, after the finder, speakers
and ranking of session 9 were frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halves import HalvesSet  # noqa: E402

SET = HalvesSet(name="quotes11", seed=20270103, set_name="holdout11", annotators=("Z", "AA"),
                earlier=("quotes", "quotes2", "quotes3", "quotes4", "quotes5", "quotes6",
                         "quotes7", "quotes8", "quotes9", "quotes10"))
plan = SET.plan


if __name__ == "__main__":
    sys.exit(SET.main(__doc__.splitlines()[0]))
