"""Shared helpers for the tests of the hand-labelled gold sets in benchmarks/gold/.

The pick_pairs*.py scripts are not a package: they are loaded from their files. The gold files are
read as they are committed; the corpus check skips when ../shared/corpus is absent.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from benchkit import load_file

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "gold"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant-2018-02-03.jsonl.gz"
KINDS = {"reaction", "development", "other"}


def load_script(name: str) -> ModuleType:
    """benchmarks/gold/<name>.py as a module (registered, so scripts importing it find it)."""
    return load_file(GOLD / f"{name}.py", name)


def row(id_: str, source: str, published: str, title: str, abstract: str) -> dict[str, Any]:
    """One corpus row with the fields the pair pickers read."""
    return {"id": id_, "source": source, "published": published, "title": title, "abstract": abstract}


def gold_rows(name: str) -> list[dict[str, Any]]:
    """The rows of a committed gold .jsonl file."""
    lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def pair_keys(rows: Iterable[dict[str, Any]]) -> list[frozenset[str]]:
    """Each row's unordered pair of article ids."""
    return [frozenset((r["a"], r["b"])) for r in rows]


def check_pair_row(r: dict[str, Any], set_name: str) -> None:
    """The shape every labelled story pair shares."""
    assert r["set"] == set_name
    assert r["a"].split("-")[0] != r["b"].split("-")[0]  # id prefix names the source
    assert isinstance(r["same"], bool) and r["stratum"] and "shared" in r
    assert ("kind" in r) == (not r["same"])
    assert r.get("kind", "other") in KINDS


def check_ids_in_corpus(name: str) -> None:
    """Every article id of a pairs file exists in the corpus (skipped without the corpus)."""
    if not CORPUS.exists():
        pytest.skip("corpus not beside the repository")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        ids = {json.loads(line)["id"] for line in fh}
    missing = {x for r in gold_rows(name) for x in (r["a"], r["b"])} - ids
    assert not missing


def assert_pairs_valid(pairs: Sequence[dict[str, Any]], by_id: Mapping[str, Any],
                       excluded: frozenset[frozenset[str]]) -> None:
    """The rules every pick_pairs*.py pick keeps: two sources, at most 48 hours apart, never an
    excluded or an already picked pair, and a place or person stratum's name held by both
    articles (pick_pairs2's, 3's and 4's tests checked it each in a copy of this loop)."""
    seen: set[frozenset[str]] = set()
    for p in pairs:
        a, b = by_id[p["a"]], by_id[p["b"]]
        key = frozenset((a.id, b.id))
        assert a.source != b.source
        assert abs(b.when - a.when) <= timedelta(hours=48)
        assert key not in excluded and key not in seen
        seen.add(key)
        if p["stratum"] == "place":
            assert p["shared"] in a.places & b.places
        if p["stratum"] == "person":
            assert p["shared"] in a.persons & b.persons


# The strata and counts of pick_pairs3.py's procedure (pick_pairs4/5 reuse it).
PAIRS3_STRATA = {"sim0.5": 8, "sim0.35": 8, "sim0.25": 8, "sim0.18": 8, "sim0.15": 8,
                 "lowsim": 12, "place": 14, "person": 8, "random": 8}


def tiny_pairs_corpus(article: Callable[[dict[str, Any]], Any]) -> list[Any]:
    """Ten invented articles (two of one event, a visit over two days, a place shared by two
    events, a person on two occasions, one far in time) as `article` values, in time order."""
    rows = [
        row("A-1", "alarabia", "2018-03-01T10:00:00+04:00", "قصف عنيف على دوما في الغوطة الشرقية",
            "قتلى في قصف عنيف على الغوطة الشرقية قرب دمشق"),
        row("S-1", "skynews", "2018-03-01T09:00:00+00:00", "قتلى بقصف على دوما في الغوطة الشرقية",
            "قتلى في قصف عنيف على الغوطة الشرقية قرب دمشق اليوم"),
        row("B-1", "BBC", "2018-03-01T12:00:00+00:00", "مادورو يزور القاهرة",
            "الرئيس الفنزويلي يبدأ زيارة إلى مصر"),
        row("C-1", "CNN", "2018-03-02T12:00:00+00:00", "مادورو يتحدث في القاهرة",
            "تصريحات للرئيس الفنزويلي عن العلاقات مع مصر"),
        row("F-1", "france24", "2018-03-09T12:00:00+00:00", "قصف على دوما في الغوطة الشرقية",
            "قتلى في قصف عنيف على الغوطة الشرقية قرب دمشق"),
        row("S-2", "skynews", "2018-03-01T11:00:00+00:00", "أسعار النفط ترتفع", "النفط يرتفع في الأسواق"),
        row("A-2", "alarabia", "2018-03-03T08:00:00+04:00", "انفجار سيارة في حمص",
            "دوي انفجار كبير هز المدينة صباحا"),
        row("B-2", "BBC", "2018-03-04T12:00:00+00:00", "مؤتمر للمانحين في حمص",
            "دول مانحة تجتمع لجمع تبرعات"),
        row("C-2", "CNN", "2018-03-04T09:00:00+00:00", "هنية يلقي خطابا", "كلمة لرئيس المكتب السياسي"),
        row("F-2", "france24", "2018-03-04T15:00:00+00:00", "هنية يستقبل وفدا", "لقاء في غزة مع وفد مصري"),
    ]
    return sorted((article(r) for r in rows), key=lambda a: (a.when, a.id))


def check_pair_set(rows: list[dict[str, Any]], set_name: str, earlier_files: Iterable[str],
                   also_earlier: Iterable[frozenset[str]] = ()) -> None:
    """The shape every blind pair set of pick_pairs3's procedure shares: no pair repeated, none
    labelled before it was picked (merged-pair audits drawn later, blind to it, may share pairs
    with it: independent labels, so audits do not count), rows well formed, strata within their
    counts, both labels present."""
    earlier = {frozenset((r["a"], r["b"])) for r in gold_rows("story_pairs.jsonl")
               if not str(r.get("set", "")).startswith("audit")}
    for name in earlier_files:
        earlier |= set(pair_keys(gold_rows(name)))
    earlier |= set(also_earlier)
    keys = pair_keys(rows)
    assert len(set(keys)) == len(keys) and not set(keys) & earlier
    for r in rows:
        check_pair_row(r, set_name)
        assert r["stratum"] in PAIRS3_STRATA
        assert set(r) <= {"a", "b", "same", "stratum", "shared", "kind", "note", "set"}
    per_stratum = Counter(r["stratum"] for r in rows)
    assert all(per_stratum[s] <= n for s, n in PAIRS3_STRATA.items())
    assert {r["same"] for r in rows} == {True, False}
