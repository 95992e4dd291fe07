"""Reproduce the choice of the third, fresh story-pair set (story_pairs3.jsonl; ids only).

Usage: `python benchmarks/gold/pick_pairs3.py > pairs.jsonl` prints one JSON object a line:
{"a", "b", "stratum", "shared"}. Same strata and sizes as pick_pairs2.py (whose crude Jaccard, window
and stratum logic are reused), with three differences:

- seed `random.Random(20261130)`;
- no unordered pair already in story_pairs.jsonl (every set, audits included) or story_pairs2.jsonl;
- longer place and person lists (names of the pick_pairs2 lists plus cities, countries and people that
  titles of the corpus use often), so that the `place` and `person` strata reach other affairs;
- a top-up (`top_up`, its own generator, run after every other draw) when a place or person stratum
  comes out short because every pair of one shuffled name was already excluded or used.

The strata: `sim0.5` … `sim0.15` (8 each, 48 h, crude word-set Jaccard of title + lead), `lowsim` (12,
24 h, Jaccard 0.08–0.15, titles share a 4+-letter content word), `place` (14, one pair per place),
`person` (8, one pair per person), `random` (8, 48 h). The choice uses only the corpus text; it never
looks at any story id the system assigns, and the labels are given afterwards by reading the articles.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pick_pairs2 as pp2  # a sibling script, not a package: found through sys.path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
EXISTING = (
    Path(__file__).resolve().parent / "story_pairs.jsonl",
    Path(__file__).resolve().parent / "story_pairs2.jsonl",
)
SEED = 20261130

# Written as in titles; folded with `pp2.fold` before matching.
PLACE_NAMES = pp2.PLACE_NAMES + (
    "دوما", "حرستا", "درعا", "حمص", "منبج", "كركوك", "أربيل", "البصرة", "الرياض", "القاهرة", "بيروت",
    "أنقرة", "إسطنبول", "عمان", "صنعاء", "عدن", "الخليل", "نابلس", "جنين", "رفح", "كابول", "نيجيريا",
    "الصومال", "أمريكا", "كندا", "إسبانيا", "إيطاليا", "اليابان", "أوكرانيا", "بروكسل", "جنيف",
    "سوتشي", "أستانا", "كتالونيا", "الفلبين", "إثيوبيا", "مالي", "إفريقيا", "أوروبا", "الخليج",
)
PERSON_NAMES = pp2.PERSON_NAMES + (
    "إردوغان", "مادورو", "هنية", "كوشنر", "هايلي", "بولتون", "ميستورا", "بيسكوف", "زاخاروفا",
    "ميدفيديف", "ترودو", "دوتيرتي", "بوتشيمون", "نافالني", "الصدر", "المالكي", "عون", "بري",
    "الغنوشي", "السبسي", "بوتفليقة", "عبدالله", "سلمان", "جرينبلات", "غرينبلات", "إنفانتينو",
    "كلوب", "فينغر", "بوكيتينو", "غريزمان", "كين", "محرز", "بنزيمة",
)


class Article(pp2.Article):
    """pick_pairs2's derived fields, with places and persons from this script's longer lists."""

    __slots__ = ()

    def __init__(self, row: dict[str, Any]) -> None:
        super().__init__(row)
        tokens = pp2._WORD.findall(row["title"])
        self.places = pp2._mentions(tokens, PLACE_NAMES)
        self.persons = pp2._mentions(tokens, PERSON_NAMES)


def load(path: Path = CORPUS) -> list[pp2.Article]:
    """Every corpus article, sorted by publication time then id."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        arts: list[pp2.Article] = [Article(json.loads(line)) for line in fh]
    arts.sort(key=lambda a: (a.when, a.id))
    return arts


def existing_pairs(paths: tuple[Path, ...] = EXISTING) -> frozenset[frozenset[str]]:
    """Unordered id pairs of every earlier story-pair file (only the ids are read)."""
    out: set[frozenset[str]] = set()
    for path in paths:
        out |= pp2.existing_pairs(path)
    return frozenset(out)


def pick(
    arts: list[pp2.Article], exclude: frozenset[frozenset[str]], seed: int = SEED
) -> list[dict[str, str]]:
    """The pairs of every stratum: pick_pairs2's procedure, then `top_up` of a short place/person stratum.

    pick_pairs2 takes one pair for each of the first 14 (8) shuffled names, so a name whose every pair
    is already excluded or used leaves its stratum one short. The top-up runs afterwards with its own
    generator, so the pairs drawn before it do not change.
    """
    chosen = pp2.pick(arts, exclude, seed=seed)
    rng = random.Random(seed + 1)
    for stratum, want, attr in (("place", pp2.PLACES, "places"), ("person", pp2.PERSONS, "persons")):
        chosen += top_up(arts, exclude, chosen, stratum, want, attr, rng)
    return chosen


def top_up(
    arts: list[pp2.Article],
    exclude: frozenset[frozenset[str]],
    chosen: list[dict[str, str]],
    stratum: str,
    want: int,
    attr: str,
    rng: random.Random,
) -> list[dict[str, str]]:
    """Pairs (one per name not yet in `stratum`) that bring `stratum` up to `want` pairs."""
    have = [c for c in chosen if c["stratum"] == stratum]
    if len(have) >= want:
        return []
    used = set(exclude) | {frozenset((c["a"], c["b"])) for c in chosen}
    named = {c["shared"] for c in have}
    pools: dict[str, list[tuple[str, str]]] = {}
    for a, b in pp2.window_pairs(arts, pp2.WINDOW):
        if frozenset((a.id, b.id)) in used:
            continue
        for name in sorted(getattr(a, attr) & getattr(b, attr)):
            if name not in named:
                pools.setdefault(name, []).append((a.id, b.id))
    names = sorted(pools)
    rng.shuffle(names)
    extra: list[dict[str, str]] = []
    for name in names:
        if len(have) + len(extra) >= want:
            break
        pool = [p for p in pools[name] if frozenset(p) not in used]
        if pool:
            a_id, b_id = rng.choice(pool)
            used.add(frozenset((a_id, b_id)))
            extra.append({"a": a_id, "b": b_id, "stratum": stratum, "shared": name})
    return extra


def main() -> None:
    for pair in pick(load(), existing_pairs()):
        print(json.dumps(pair, ensure_ascii=False))


if __name__ == "__main__":
    main()
