"""A partition of the corpus's article pairs into the cells the story-pair pickers drew from.

benchmarks/gold/pick_pairs2.py … pick_pairs5.py draw fixed counts per stratum (crude word-set
Jaccard buckets within 48 h, `lowsim`, `place`, `person`, `random`); this module re-creates the
populations with the pickers' own code (their `Article`, `window_pairs`, `jaccard`, SIM_BINS,
LOW_RANGE, LOW_WINDOW, name lists) and puts every cross-source pair within the pickers' 48 h window
in exactly ONE cell, whatever stratum drew it:

- `sim0.5` … `sim0.15`: the Jaccard buckets (as the sim strata draw them);
- `lowsim`: Jaccard 0.08–0.15, within 24 h, titles sharing a 4+-letter content word (the lowsim pool);
- `named`: below 0.15 and not lowsim, titles naming one place or person (pick_pairs3's longer lists);
- `rest`: every other pair (only the `random` stratum reaches it).

Pairs of one source and pairs more than 48 h apart are outside the population: the pickers never
draw them, and the labelled pairs past 48 h are never one story (fit_story_pairs.pair_rows).
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GOLD = Path(__file__).resolve().parent / "gold"
sys.path.insert(0, str(GOLD))
import pick_pairs2 as pp2  # noqa: E402  (the pickers are sibling scripts, not a package)
import pick_pairs3 as pp3  # noqa: E402

CELLS: tuple[str, ...] = (*(name for name, _, _ in pp2.SIM_BINS), "lowsim", "named", "rest")
LOW_HOURS = pp2.LOW_WINDOW.total_seconds() / 3600


def cell(j: float, hours: float, title_word: bool, name: bool) -> str:
    """The cell of one in-window cross-source pair: its crude Jaccard `j`, the hours between the two
    reports, whether the titles share a content word (`title_word`) and a place or person (`name`)."""
    for bucket, lo, hi in pp2.SIM_BINS:
        if lo <= j < hi:
            return str(bucket)
    if pp2.LOW_RANGE[0] <= j < pp2.LOW_RANGE[1] and hours <= LOW_HOURS and title_word:
        return "lowsim"
    return "named" if name else "rest"


def cell_of(a: pp2.Article, b: pp2.Article) -> str:
    """The cell of two picker articles (a pair the pickers' window yields)."""
    hours = abs((b.when - a.when).total_seconds()) / 3600
    return cell(pp2.jaccard(a.bag, b.bag), hours, bool(a.title_words & b.title_words),
                bool((a.places & b.places) or (a.persons & b.persons)))


@dataclass(frozen=True)
class Population:
    """Every in-window cross-source pair: article indices (into `ids`) and cell index (into CELLS)."""

    ids: tuple[str, ...]
    first: array[int]
    second: array[int]
    cells: bytes

    def sizes(self) -> dict[str, int]:
        counts = Counter(self.cells)
        return {name: counts.get(k, 0) for k, name in enumerate(CELLS)}

    def lookup(self, keys: Iterable[frozenset[str]]) -> dict[frozenset[str], str]:
        """The cell of each wanted unordered id pair that is in the population."""
        wanted = set(keys)
        out: dict[frozenset[str], str] = {}
        for i, j, c in zip(self.first, self.second, self.cells):
            key = frozenset((self.ids[i], self.ids[j]))
            if key in wanted:
                out[key] = CELLS[c]
        return out

    def joined_sizes(self, story: Sequence[int]) -> dict[tuple[str, bool], int]:
        """Pairs per (cell, stored in one story) given each article's story (by index)."""
        counts: Counter[tuple[int, bool]] = Counter()
        for i, j, c in zip(self.first, self.second, self.cells):
            counts[(c, story[i] == story[j])] += 1
        return {(CELLS[c], joined): n for (c, joined), n in counts.items()}


def build(arts: list[pp2.Article]) -> Population:
    """The partition of `arts` (sorted by time, as the pickers' `load` returns them)."""
    index = {a.id: n for n, a in enumerate(arts)}
    first, second = array("i"), array("i")
    codes = bytearray()
    code = {name: k for k, name in enumerate(CELLS)}
    for a, b in pp2.window_pairs(arts, pp2.WINDOW):
        first.append(index[a.id])
        second.append(index[b.id])
        codes.append(code[cell_of(a, b)])
    return Population(tuple(a.id for a in arts), first, second, bytes(codes))


def name_pools(arts: list[pp2.Article]) -> dict[str, int]:
    """How many in-window cross-source pairs share each place or person name in their titles: the
    pool the `place` / `person` strata draw ONE pair from once the name is chosen (so a pair drawn
    through a name stands for about that many)."""
    pools: Counter[str] = Counter()
    for a, b in pp2.window_pairs(arts, pp2.WINDOW):
        pools.update(a.places & b.places)
        pools.update(a.persons & b.persons)
    return dict(pools)


def load(corpus: Path = pp3.CORPUS) -> list[pp2.Article]:
    """The corpus as the pickers of sets 3 onward read it (pick_pairs3's longer name lists)."""
    return list(pp3.load(corpus))


def cross_pairs_outside(arts: Sequence[Any], story: Sequence[int], window_hours: float = 48.0,
                        ) -> tuple[int, int]:
    """(cross-source pairs stored in one story more than `window_hours` apart, same-source pairs
    stored in one story): links a reader sees that the labelled population does not hold."""
    members: dict[int, list[int]] = {}
    for n, s in enumerate(story):
        members.setdefault(s, []).append(n)
    outside = same_source = 0
    for group in members.values():
        for x, i in enumerate(group):
            for j in group[x + 1:]:
                if arts[i].source == arts[j].source:
                    same_source += 1
                elif abs((arts[j].when - arts[i].when).total_seconds()) / 3600 > window_hours:
                    outside += 1
    return outside, same_source
