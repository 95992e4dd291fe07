"""benchmarks/quote_meaning.py and quote_ceiling.py: meaning signals beside the shipped ranking,
the held-out weight choice, the vector cache, and the oracle choice among found quotes."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from benchkit import load_benchmark

from digests.quote_rank import rank_quotes
from digests.quotes import Candidate, find_quotes


def _meaning() -> ModuleType:
    return load_benchmark("quote_meaning", "quote_meaning")


def _ceiling() -> ModuleType:
    return load_benchmark("quote_ceiling", "quote_ceiling")


PARAGRAPHS = (
    "قال وزير الخارجية إن بلاده لن تقبل بأي تهديد لأمن المنطقة، وإن الحوار هو الطريق الوحيد.",
    "وأضاف الوزير أن الحكومة ستعمل مع الشركاء على وقف إطلاق النار فورا.",
    "من جهته، قال المتحدث باسم المعارضة إن الحكومة تتحمل مسؤولية التصعيد الأخير.",
    "وقال مسؤول في الأمم المتحدة إن المساعدات ستصل إلى المدنيين خلال أيام.",
)
HEADLINE = "وزير الخارجية: لن نقبل بأي تهديد لأمن المنطقة"


def _item(qm: ModuleType, gold: tuple[dict[str, object], ...] = ()) -> object:
    from fit_quote_rank import Example

    cands = tuple(find_quotes(PARAGRAPHS))
    ex = Example("dev1", HEADLINE, cands, gold, (), None, (), PARAGRAPHS,  # type: ignore[arg-type]
                 article_id="x")
    return qm.items([ex])[0]


def _letters(texts: list[str]) -> np.ndarray:
    """A stand-in encoder: counts of each letter (texts sharing letters point the same way)."""
    out = np.zeros((len(texts), 64), dtype=np.float32)
    for n, t in enumerate(texts):
        for ch in t:
            out[n, ord(ch) % 64] += 1.0
    return out


def test_hand_scores_show_what_the_digest_shows() -> None:
    qm = _meaning()
    it = _item(qm)
    assert len(it.ex.candidates) >= 4
    assert [c.text for c in qm.hand_pick(0, it)] == [
        c.text for c in rank_quotes(it.ex.candidates, HEADLINE)]
    # A large weight on a value that favours the last part brings it into the three.
    last = [[0.0] * (len(it.parts) - 1) + [1.0]]
    assert qm.plus_pick(last, 10.0)(0, it)[0].text == it.parts[-1].text


def test_within_article_forms() -> None:
    qm = _meaning()
    assert qm.transform([0.2, 0.4, 0.3], "scaled") == pytest.approx([0.0, 1.0, 0.5])
    assert qm.transform([0.2, 0.4, 0.3], "rank") == [0.0, 1.0, 0.5]
    assert qm.transform([0.2, 0.4, 0.3], "centred", 0.1) == pytest.approx([-1.0, 1.0, 0.0])
    assert qm.transform([0.5, 0.5], "rank") == [0.0, 0.0]  # all equal: nothing to say
    assert qm.transform([0.5], "scaled") == [0.0]


def test_held_out_ties_go_to_the_value_listed_first() -> None:
    qm = _meaning()
    same = {"a": (5, 10, 5, 5), "b": (5, 10, 5, 5)}
    rows, chosen = qm.held_out({0.0: same, 1.0: dict(same)})
    assert chosen == {"a": 0.0, "b": 0.0}
    better_on_b = {"a": (5, 10, 5, 5), "b": (7, 10, 7, 7)}
    rows, chosen = qm.held_out({0.0: same, 1.0: better_on_b})
    # «a» left out is judged on «b», where 1.0 wins; «b» left out on «a»: a tie, so 0.0.
    assert chosen == {"a": 1.0, "b": 0.0}
    assert rows["b"] == (5, 10, 5, 5)


def test_cache_round_trip_and_misses(tmp_path: Path) -> None:
    qm = _meaning()
    calls: list[int] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(len(texts))
        return _letters(texts)

    path = tmp_path / "v.npz"
    cache = qm.Cache(embed, path)
    cache.fill(["أ ب", "ت ث", "أ ب"])
    assert calls == [2]  # each distinct text once
    cache.save()
    again = qm.Cache(None, path)
    v = again(["أ ب"])
    assert v.shape == (1, 64)
    assert float(np.linalg.norm(v[0])) == pytest.approx(1.0)
    with pytest.raises(KeyError):
        again.fill(["نص جديد"])


def test_signals_read_the_headline_and_the_speakers() -> None:
    qm = _meaning()
    it = _item(qm)
    cache = qm.Cache(_letters, None)
    cache.fill([t for ts in qm.texts_of(it).values() for t in ts])
    raw, sim = qm.signals(it, cache)
    n = len(it.parts)
    assert all(len(raw[s]) == n for s in qm.SIGNALS)
    assert sim.shape == (n, n)
    # The quote most like the headline is the minister's «لن تقبل بأي تهديد …».
    best = max(range(n), key=lambda i: raw["head"][i])
    assert "تهديد" in it.parts[best].text
    # Each speaker's best quote scores 0, the others below.
    assert max(raw["best_of_speaker"]) == 0.0
    assert all(x <= 0.0 for x in raw["best_of_speaker"])
    assert qm.redundancy_floor([sim]) <= 1.0


def test_the_oracle_finds_what_the_ranking_leaves() -> None:
    qc = _ceiling()
    cands = find_quotes(PARAGRAPHS)
    gold = [{"text": c.text, "speaker": c.speaker, "key": n in (1, 3)} for n, c in
            enumerate(cands)]
    gold.append({"text": "كلام لم يجده أحد في هذا المقال أبدا", "speaker": "س", "key": True})
    shown = rank_quotes(cands, HEADLINE)
    got, key = qc.matched(shown, gold)
    assert key == 3
    best = qc.oracle(cands, gold)
    assert best == 2  # the two found key quotes, never the one not found
    assert got <= best
    assert qc.oracle(cands, gold, limit=1) == 1
    assert qc.oracle([], gold) == 0


def test_readers_are_the_triple_annotated_articles() -> None:
    qc = _ceiling()
    three = qc.readers()
    assert len(three) == 32
    assert all(len(r) == 3 for r in three.values())


def test_the_probe_learns_a_direction_and_centres_its_scores() -> None:
    qp = load_benchmark("quote_probe", "quote_probe")
    qm = _meaning()
    rng = np.random.default_rng(7)
    x = rng.normal(size=(200, 5)).astype(np.float32)
    y = (x[:, 2] > 0).astype(np.float64)  # key where the third column is high
    it = _item(qm)
    # grams() sums per set; two "articles" of one set stand in for the development data.
    fake = [qm.Item(it.ex, it.parts, it.origin, it.hand, it.pool, it.about)] * 2
    g = qp.grams(fake, [x[:100], x[100:]], [y[:100], y[100:]])
    w = qp.fit(g, {"dev1"}, l2=1.0)
    assert int(np.argmax(np.abs(w[:-1]))) == 2 and w[2] > 0
    scores = qp.logit(w, x)
    assert ((scores > 0) == (y > 0.5)).mean() > 0.9
    assert sum(qp.centred(scores[:4])) == pytest.approx(0.0, abs=1e-6)
    assert qp.centred(scores[:1]) == [0.0]


def test_a_readers_three_become_the_found_quotes_that_match_them() -> None:
    qc = _ceiling()
    cands = find_quotes(PARAGRAPHS)
    reader = [Candidate("إن المساعدات ستصل إلى المدنيين خلال أيام", "", "direct", 0, 0, True),
              Candidate("نص لم يجده الباحث عن الاقتباسات في أي فقرة", "", "direct", 0, 0, True)]
    found = qc.as_found(reader, cands)
    # The first is found (the UN official's quote, as the finder cut it); the second is dropped.
    assert len(found) == 1
    assert found[0] in cands and "المساعدات" in found[0].text
    assert found[0].speaker != ""
