"""Briefs S22/S24: the shipped USE pair model (digests/data/story_use.json) is fitted on every
development file of benchmarks/fit_story_pairs.FILES (session 17's refit added story_pairs22 and
23, session 18's story_pairs24), the models it replaced are kept for
`benchmarks/stories.py --use-model benchmarks/models/story_use_s19.json` (and _s18), and all read
back as 512-float models at the shipped decision."""

from __future__ import annotations

import json
import re
from pathlib import Path

from benchkit import load_benchmark

from digests import story_use

ROOT = Path(__file__).resolve().parents[1]
# Development files a later session labelled after the shipped model was fitted (each judged that
# model once, as a fresh set): the next refit adds them and drops them from here. story_pairs25
# (holdout25) judged session 18's refit (brief S24, which added story_pairs24) once, after it was fitted;
# story_pairs26 (holdout26) judged it again in session 19 (no refit that session, brief S25);
# story_pairs27 (holdout27) judged it again in session 20 (no refit that session, brief S26);
# story_pairs28 (holdout28) judged it again in session 21 (no refit that session);
# story_pairs29 (holdout29) judged it again in session 22 (no refit that session);
# story_pairs30 (holdout30) judged it again in session 23 (no refit that session);
# story_pairs31 (holdout31) judged it again in session 24 (no refit that session);
# story_pairs32 (holdout32) judged it again in session 25 (no refit that session);
# story_pairs33 (holdout33) judged it again in session 26 (no refit that session);
# story_pairs34 (holdout34) judged it again in session 27 (no refit that session).
AFTER_THE_REFIT: frozenset[str] = frozenset({"story_pairs25.jsonl", "story_pairs26.jsonl",
                                             "story_pairs27.jsonl", "story_pairs28.jsonl",
                                             "story_pairs29.jsonl", "story_pairs30.jsonl",
                                             "story_pairs31.jsonl", "story_pairs32.jsonl",
                                             "story_pairs33.jsonl", "story_pairs34.jsonl"})
KEPT = ("story_use_s18.json", "story_use_s19.json")  # oldest first; the last is the one replaced


def test_the_shipped_model_is_fitted_on_every_development_file() -> None:
    fsp = load_benchmark("fit_story_pairs", "bench_fit_story_pairs_refit")
    data = json.loads((ROOT / "digests" / "data" / "story_use.json").read_text("utf-8"))
    found = re.fullmatch(r"(\d+) labelled pairs of (\d+) files \(fit_story_pairs\.FILES\),"
                         r" (\d+) folds", data["fitted_on"])
    assert found, data["fitted_on"]
    fitted = [f for f in fsp.FILES if f not in AFTER_THE_REFIT]
    assert len(fitted) == len(fsp.FILES) - len(AFTER_THE_REFIT)
    assert int(found.group(2)) == len(fitted)
    assert {"story_pairs22.jsonl", "story_pairs23.jsonl", "story_pairs24.jsonl"} <= set(fitted)
    lines = sum(1 for f in fitted for line in (fsp.GOLD / f).read_text("utf-8").splitlines()
                if line.strip())
    assert int(found.group(1)) <= lines  # pairs whose articles are in the corpus
    assert int(found.group(1)) > lines - 100


def test_the_models_before_the_refit_are_kept_and_differ() -> None:
    shipped = story_use.pair_model()
    kept = [story_use.parse_model(json.loads(
        (ROOT / "benchmarks" / "models" / name).read_text("utf-8"))) for name in KEPT]
    for before in kept:
        assert before.decision == shipped.decision == 0.65
        assert before.prod.shape == shipped.prod.shape == (story_use.DIMENSIONS,)
        assert before.bias != shipped.bias
    assert kept[0].bias != kept[1].bias


def test_the_model_replaced_last_was_fitted_on_fewer_files() -> None:
    data = json.loads((ROOT / "digests" / "data" / "story_use.json").read_text("utf-8"))
    before = json.loads((ROOT / "benchmarks" / "models" / KEPT[-1]).read_text("utf-8"))
    files = [int(re.search(r"of (\d+) files", d["fitted_on"]).group(1))  # type: ignore[union-attr]
             for d in (before, data)]
    assert files[0] < files[1]
