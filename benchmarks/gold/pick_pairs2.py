"""Reproduce the choice of the second, fresh story-pair set (story_pairs2.jsonl; ids only).

Usage: `python benchmarks/gold/pick_pairs2.py > pairs.jsonl` prints one JSON object a line:
{"a", "b", "stratum", "shared"}. Every pair joins articles of two *different* sources and none is an
unordered pair already in story_pairs.jsonl. The strata (see README.md, "story_pairs2.jsonl"):

- `sim0.5`, `sim0.35`, `sim0.25`, `sim0.18`, `sim0.15`: 8 pairs each within 48 h, by a crude word-set
  Jaccard of title + lead (folded letters, ال stripped; deliberately not the production analyzer);
- `lowsim`: 12 pairs within 24 h with Jaccard 0.08–0.15 whose titles share a content word of 4+ letters;
- `place`: 14 pairs within 48 h whose titles share a place name (one pair per place);
- `person`: 8 pairs within 48 h whose titles name the same person (one pair per person);
- `random`: 8 random pairs within 48 h.

The choice uses only the corpus text and `random.Random(20261129)`; it never looks at any story id the
system assigns, and the labels are given afterwards by reading the articles.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
EXISTING = Path(__file__).resolve().parent / "story_pairs.jsonl"
SEED = 20261129
WINDOW = timedelta(hours=48)
LOW_WINDOW = timedelta(hours=24)

SIM_BINS: tuple[tuple[str, float, float], ...] = (
    ("sim0.5", 0.5, 1.01), ("sim0.35", 0.35, 0.5), ("sim0.25", 0.25, 0.35),
    ("sim0.18", 0.18, 0.25), ("sim0.15", 0.15, 0.18),
)
PER_BIN, LOWSIM, PLACES, PERSONS, RANDOM = 8, 12, 14, 8, 8
LOW_RANGE = (0.08, 0.15)

# Written as in titles; folded with `fold` before matching.
PLACE_NAMES = (
    "الغوطة", "غزة", "سوريا", "العراق", "روسيا", "اليمن", "عفرين", "القدس", "مصر", "ليبيا", "تركيا",
    "إيران", "لبنان", "السعودية", "قطر", "الإمارات", "إسرائيل", "فلسطين", "الأردن", "بريطانيا", "فرنسا",
    "ألمانيا", "الصين", "كوريا", "أفغانستان", "باكستان", "الهند", "دمشق", "بغداد", "الموصل", "الرقة",
    "إدلب", "حلب", "طهران", "موسكو", "واشنطن", "لندن", "باريس", "السودان", "تونس", "الجزائر",
    "المغرب", "الكويت", "البحرين", "ميانمار", "فنزويلا", "الحديدة", "تعز", "سيناء", "الضفة",
)
PERSON_NAMES = (
    "ترامب", "بوتين", "ماكرون", "ماي", "تيلرسون", "صلاح", "ميسي", "نيمار", "رونالدو", "أردوغان",
    "الأسد", "نتنياهو", "عباس", "ميركل", "روحاني", "خامنئي", "السيسي", "غوتيريش", "لافروف", "ظريف",
    "ماتيس", "بومبيو", "الحريري", "العبادي", "البشير", "حفتر", "زوما", "رامافوزا", "سكريبال",
    "غوارديولا", "مورينيو", "زيدان", "جونسون", "كوربن", "كيم", "لودريان",
)
# Frequent 4+-letter title words that carry no topic (as `fold` leaves them; shorter words never count).
STOP = frozenset({
    "عليها", "عليه", "بشان", "امام", "اكثر", "جديد", "جديده", "فيها", "منها", "عنها", "كانت", "يكون",
    "تكون",
})

_HARAKAT = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_WORD = re.compile(r"[\w]+")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def fold(word: str) -> str:
    """Fold one word: harakat and tatweel dropped, alef/ya/ta-marbuta folded, ال (with و/ب/ف/ك/ل) off."""
    w = _HARAKAT.sub("", word).translate(_FOLD).lower()
    for prefix in ("وال", "بال", "فال", "كال"):
        if w.startswith(prefix) and len(w) > len(prefix) + 1:
            return w[len(prefix):]
    if w.startswith("لل") and len(w) > 3:
        return w[2:]
    if w.startswith("ال") and len(w) > 3:
        return w[2:]
    return w


def words(text: str) -> list[str]:
    """Folded words of two letters or more."""
    return [f for f in (fold(t) for t in _WORD.findall(text)) if len(f) >= 2 and not f.isdigit()]


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Word-set Jaccard (0 when either set is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _mentions(title_tokens: list[str], names: tuple[str, ...]) -> set[str]:
    """Folded names of `names` that a title spells, alone or after a clitic و/ب/ل/ف/ك."""
    forms = set()
    for token in title_tokens:
        raw = _HARAKAT.sub("", token).translate(_FOLD)
        forms |= {fold(token), raw}
        if len(raw) > 3 and raw[0] in "وبلفك":
            forms |= {raw[1:], fold(raw[1:])}
    return {fold(name) for name in names if fold(name) in forms}


class Article:
    """The few derived fields the choice needs (no text is kept beyond the corpus row)."""

    __slots__ = ("bag", "id", "persons", "places", "source", "title_words", "when")

    def __init__(self, row: dict[str, Any]) -> None:
        self.id: str = row["id"]
        self.source: str = row["source"]
        self.when = datetime.fromisoformat(row["published"])
        self.bag = frozenset(words(row["title"] + " " + row["abstract"]))
        tokens = _WORD.findall(row["title"])
        self.title_words = frozenset(w for w in words(row["title"]) if len(w) >= 4 and w not in STOP)
        self.places = _mentions(tokens, PLACE_NAMES)
        self.persons = _mentions(tokens, PERSON_NAMES)


def load(path: Path = CORPUS) -> list[Article]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        arts = [Article(json.loads(line)) for line in fh]
    arts.sort(key=lambda a: (a.when, a.id))
    return arts


def existing_pairs(path: Path = EXISTING) -> frozenset[frozenset[str]]:
    """Unordered id pairs of the first set (only the ids are read)."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.add(frozenset((d["a"], d["b"])))
    return frozenset(out)


def window_pairs(arts: list[Article], window: timedelta) -> Iterator[tuple[Article, Article]]:
    """Cross-source pairs (earlier, later) published within `window` of each other."""
    for i, a in enumerate(arts):
        for b in arts[i + 1:]:
            if b.when - a.when > window:
                break
            if a.source != b.source:
                yield a, b


def pick(arts: list[Article], exclude: frozenset[frozenset[str]], seed: int = SEED) -> list[dict[str, str]]:
    """The pairs of every stratum, in stratum order."""
    rng = random.Random(seed)
    used: set[frozenset[str]] = set(exclude)
    chosen: list[dict[str, str]] = []

    def take(pool: list[tuple[Article, Article, str]], n: int, stratum: str) -> None:
        pool = [p for p in pool if frozenset((p[0].id, p[1].id)) not in used]
        for a, b, shared in rng.sample(pool, min(n, len(pool))):
            used.add(frozenset((a.id, b.id)))
            chosen.append({"a": a.id, "b": b.id, "stratum": stratum, "shared": shared})

    bins: dict[str, list[tuple[Article, Article, str]]] = {name: [] for name, _, _ in SIM_BINS}
    low: list[tuple[Article, Article, str]] = []
    places: dict[str, list[tuple[Article, Article, str]]] = {}
    persons: dict[str, list[tuple[Article, Article, str]]] = {}
    everything: list[tuple[Article, Article, str]] = []
    for a, b in window_pairs(arts, WINDOW):
        j = jaccard(a.bag, b.bag)
        tag = f"j={j:.2f}"
        everything.append((a, b, tag))
        for name, lo, hi in SIM_BINS:
            if lo <= j < hi:
                bins[name].append((a, b, tag))
        if LOW_RANGE[0] <= j < LOW_RANGE[1] and b.when - a.when <= LOW_WINDOW:
            common = sorted(a.title_words & b.title_words)
            if common:
                low.append((a, b, f"{tag} " + " ".join(common)))
        for place in sorted(a.places & b.places):
            places.setdefault(place, []).append((a, b, place))
        for person in sorted(a.persons & b.persons):
            persons.setdefault(person, []).append((a, b, person))

    for name, _, _ in SIM_BINS:
        take(bins[name], PER_BIN, name)
    take(low, LOWSIM, "lowsim")
    for key_pools, n, stratum in ((places, PLACES, "place"), (persons, PERSONS, "person")):
        keys = sorted(key_pools)
        rng.shuffle(keys)
        for key in keys[:n]:
            take(key_pools[key], 1, stratum)
    take(everything, RANDOM, "random")
    return chosen


def main() -> None:
    for pair in pick(load(), existing_pairs()):
        print(json.dumps(pair, ensure_ascii=False))


if __name__ == "__main__":
    main()
