"""Build quotes14.jsonl (the untouched quote test of session 12, annotators AF and AG) from the
annotators' files.

Usage: `python benchmarks/gold/merge_quotes14.py [--check]`

60 articles (`pick_articles.py --per-source 12 --none 0 --seed 20270109 --exclude` quotes.jsonl …
quotes13.jsonl), shuffled with seed 20270109: AF annotated the first 30, AG the other 30, blind (neither
saw the condenser, its output or the other's file). `set: holdout14`: scored once, after the finder, speakers
and ranking of session 12 were frozen.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from halves import HalvesSet  # noqa: E402

SET = HalvesSet(name="quotes14", seed=20270109, set_name="holdout14", annotators=("AF", "AG"),
                earlier=("quotes", "quotes2", "quotes3", "quotes4", "quotes5", "quotes6",
                         "quotes7", "quotes8", "quotes9", "quotes10", "quotes11", "quotes12",
                         "quotes13"))
plan = SET.plan


if __name__ == "__main__":
    sys.exit(SET.main(__doc__.splitlines()[0]))
