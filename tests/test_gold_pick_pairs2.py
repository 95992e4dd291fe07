"""benchmarks/gold/pick_pairs2.py on a tiny corpus of our own, and the shape of story_pairs2.jsonl."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from goldkit import (assert_pairs_valid, check_ids_in_corpus, check_pair_row, gold_rows,
                     load_script, pair_keys, row)



def load() -> ModuleType:
    return load_script("pick_pairs2")


def test_fold_and_jaccard() -> None:
    pp = load()
    assert pp.fold("الغوطة") == "غوطه"
    assert pp.fold("والإمارات") == "امارات"
    assert pp.fold("للسلام") == "سلام"
    assert pp.fold("مصر") == "مصر"  # short words keep their letters
    a, b = frozenset(pp.words("قصف على الغوطة")), frozenset(pp.words("قصف الغوطة الشرقية"))
    assert pp.jaccard(a, b) == pytest.approx(2 / 4)
    assert pp.jaccard(frozenset(), b) == 0.0


def test_mentions_match_clitics_but_not_longer_words() -> None:
    pp = load()
    names = ("مصر", "سوريا", "الغوطة")
    assert pp._mentions(["قصف", "بالغوطة"], names) == {"غوطه"}
    assert pp._mentions(["وسوريا"], names) == {"سوريا"}
    assert pp._mentions(["مصرف", "المصرية"], names) == set()


def tiny_corpus(pp: ModuleType) -> list[Any]:
    rows = [
        row("A-1", "alarabia", "2018-03-01T10:00:00+04:00", "قصف عنيف على الغوطة الشرقية",
            "قتلى في قصف عنيف على الغوطة الشرقية قرب دمشق"),
        row("S-1", "skynews", "2018-03-01T09:00:00+00:00", "قتلى بقصف على الغوطة الشرقية",
            "قتلى في قصف عنيف على الغوطة الشرقية قرب دمشق اليوم"),
        row("B-1", "BBC", "2018-03-01T12:00:00+00:00", "ماكرون يزور مصر",
            "الرئيس الفرنسي يبدأ زيارة إلى القاهرة"),
        row("C-1", "CNN", "2018-03-02T12:00:00+00:00", "ماكرون يتحدث عن مصر",
            "تصريحات للرئيس الفرنسي عن العلاقات مع القاهرة"),
        row("F-1", "france24", "2018-03-09T12:00:00+00:00", "قصف على الغوطة الشرقية",
            "قتلى في قصف عنيف على الغوطة الشرقية قرب دمشق"),
        row("S-2", "skynews", "2018-03-01T11:00:00+00:00", "أسعار النفط ترتفع", "النفط يرتفع في الأسواق"),
        # shares only a place / only a person with its partner: reachable through those strata alone
        row("A-2", "alarabia", "2018-03-03T08:00:00+04:00", "انفجار سيارة في سوريا",
            "دوي انفجار كبير هز مدينة حمص صباحا"),
        row("B-2", "BBC", "2018-03-04T12:00:00+00:00", "مؤتمر للمانحين حول سوريا",
            "دول مانحة تجتمع في بروكسل لجمع تبرعات"),
        row("C-2", "CNN", "2018-03-04T09:00:00+00:00", "ترامب يوقع قانونا جديدا",
            "البيت الأبيض يعلن توقيع تشريع للضرائب"),
        row("F-2", "france24", "2018-03-04T15:00:00+00:00", "ترامب يلعب الغولف",
            "الرئيس الأمريكي يمضي عطلة نهاية الأسبوع في فلوريدا"),
    ]
    return sorted((pp.Article(r) for r in rows), key=lambda a: (a.when, a.id))


def test_pick_respects_sources_window_and_exclusions() -> None:
    pp = load()
    arts = tiny_corpus(pp)
    by_id = {a.id: a for a in arts}
    excluded = frozenset({frozenset(("B-1", "S-2"))})
    pairs = pp.pick(arts, excluded, seed=1)
    assert pairs == pp.pick(arts, excluded, seed=1)  # reproducible
    assert_pairs_valid(pairs, by_id, excluded)
    for p in pairs:
        if p["stratum"].startswith("sim"):
            lo = float(p["stratum"][3:])
            assert pp.jaccard(by_id[p["a"]].bag, by_id[p["b"]].bag) >= lo
    assert "F-1" not in {x for p in pairs for x in (p["a"], p["b"])}  # days away from every other article
    strata = {p["stratum"] for p in pairs}
    assert "sim0.5" in strata and "place" in strata and "person" in strata


def test_story_pairs2_shape() -> None:
    rows = gold_rows("story_pairs2.jsonl")
    assert len(rows) >= 80
    # The pairs that existed when story_pairs2 was picked; audit4 and audit5 (merged pairs sampled
    # later by another engineer, blind to this file) may share pairs with it: independent labels.
    first = {frozenset((r["a"], r["b"])) for r in gold_rows("story_pairs.jsonl")
             if r.get("set") not in ("audit4", "audit5")}
    keys = pair_keys(rows)
    assert len(set(keys)) == len(keys) and not set(keys) & first
    for r in rows:
        check_pair_row(r, "holdout2")
    assert {r["same"] for r in rows} == {True, False}


def test_story_pairs2_ids_exist_in_corpus() -> None:
    check_ids_in_corpus("story_pairs2.jsonl")
