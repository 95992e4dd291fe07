"""Brief S22's tooling: story_curve's `+bandB` setting, benchmarks/story_outband.py's rules for the
pairs outside the words' band, and benchmarks/stories.py reading another USE pair model
(`--use-model`, the model before a refit) and another band edge (`--use-band`)."""

from __future__ import annotations

import gzip
import json
from datetime import timedelta
from pathlib import Path
from types import ModuleType

import pytest
from benchkit import load_benchmark

from digests import stories, story_model, story_use
from digests.models import iso


@pytest.fixture(scope="module")
def sc() -> ModuleType:
    return load_benchmark("story_curve", "bench_story_curve_band")


@pytest.fixture(scope="module")
def ob() -> ModuleType:
    return load_benchmark("story_outband", "bench_story_outband")


def test_a_setting_names_the_band_only_when_changed(sc: ModuleType) -> None:
    assert sc.parse_setting("0.65").band == story_model.MEANING_BAND[0]
    assert "band" not in sc.parse_setting("0.65").name
    wide = sc.parse_setting("0.60/0.40/0.50+floor0.20+band0.15")
    assert (wide.decision, wide.floor, wide.band) == (0.60, 0.20, 0.15)
    assert wide.name == "0.60/0.40/0.50+floor0.20+band0.15"
    assert sc.parse_setting(wide.name) == wide
    with pytest.raises(ValueError):
        sc.parse_setting("0.65+bond0.1")


def _held(ob: ModuleType, words: float, use: float, *, same: bool = True, sim: float = 0.4,
          cosine: float = 0.6, named: bool = False) -> object:
    return ob.Held("f", "a", "b", same, sim, words, use, cosine, named)


def test_the_rules_send_out_of_band_pairs_to_use_as_named(ob: ModuleType) -> None:
    below = _held(ob, words=0.12, use=0.9)  # below the band: words refuse it, USE would join
    assert not ob.shipped(below) and not ob.decide("base", below)
    assert ob.decide("wide:0.10", below) and not ob.decide("wide:0.15", below)
    assert not ob.decide("named:0.10", below)
    assert ob.decide("named:0.10", _held(ob, words=0.12, use=0.9, named=True))
    assert ob.decide("cos:0.55", below) and not ob.decide("cos:0.70", below)
    above = _held(ob, words=0.9, use=0.3)  # above it: words join, USE would refuse
    assert ob.shipped(above) and ob.decide("wide:0.0", above) and not ob.decide("top", above)
    floor = _held(ob, words=0.5, use=0.99, sim=0.15)  # under the cosine floor: nobody asks
    assert not any(ob.asks_use(r, floor) for r in ("wide:0.0", "cos:0.0", "top"))
    inside = _held(ob, words=0.5, use=0.7)
    assert all(ob.decide(r, inside) == ob.shipped(inside) for r in ("base", "wide:0.1", "top"))
    pairs = [below, above, inside, _held(ob, words=0.12, use=0.9, same=False)]
    assert ob.counts(pairs, ob.shipped) == (2, 0, 1)
    assert ob.counts(pairs, lambda h: ob.decide("wide:0.10", h)) == (3, 1, 0)


def _tiny_corpus(tmp_path: Path) -> tuple[Path, Path]:
    from test_stories import FESTIVAL, QUAKE_A, QUAKE_B, T0

    corpus = tmp_path / "tiny.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        for n, (doc, hours) in enumerate(((QUAKE_A, 0), (QUAKE_B, 2), (FESTIVAL, 1))):
            fh.write(json.dumps({"id": f"d{n}", "url": f"https://s{n}.test/{n}", "source": f"s{n}",
                                 "title": doc[0], "text": doc[1],
                                 "published": iso(T0 + timedelta(hours=hours))},
                                ensure_ascii=False) + "\n")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"a": "d0", "b": "d1", "same": True, "set": "dev"}),
                     encoding="utf-8")
    return corpus, pairs


def test_the_stories_benchmark_reads_another_use_model_and_band(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> None:
    """`stories.py --use-model FILE --use-band LOW`: the step reads that file's pair model (how the
    model before a refit is scored) and asks it from word probability LOW."""
    bench = load_benchmark("stories", "bench_stories_outband")
    corpus, pairs = _tiny_corpus(tmp_path)
    shipped_text = (Path(story_use.__file__).parent / "data" / "story_use.json").read_text("utf-8")
    other = json.loads(shipped_text)
    other["bias"], other["decision"] = other["bias"] - 1.0, 0.7
    path = tmp_path / "old_use.json"
    path.write_text(json.dumps(other), encoding="utf-8")
    monkeypatch.setattr(story_use, "_model", story_use.pair_model())  # restored afterwards
    monkeypatch.setattr(story_model, "MEANING_BAND", story_model.MEANING_BAND)
    monkeypatch.setattr(stories, "embedder_for", stories.embedder_for)
    monkeypatch.setattr(bench, "USE_VECTORS", tmp_path / "none.npz")
    bench.main(["--corpus", str(corpus), "--pairs", str(pairs), "--no-speed", "--words",
                "--use-model", str(path), "--use-band", "0.15"])
    assert "recall 1.000" in capsys.readouterr().out
    read = story_use.pair_model()
    shipped = story_use.parse_model(json.loads(shipped_text))
    assert (read.bias, read.decision) == (shipped.bias - 1.0, 0.7)
    assert (read.prod == shipped.prod).all()
    assert story_model.MEANING_BAND == (0.15, 0.80)
    assert story_model.in_band(0.2, 0.4) and not story_model.in_band(0.1, 0.4)
