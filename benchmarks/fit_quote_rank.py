"""Fit the quote ranking's weights on the development gold articles, with cross-validation.

    .venv/bin/python benchmarks/fit_quote_rank.py                 # fit on dev1,holdout1,dev2
    .venv/bin/python benchmarks/fit_quote_rank.py --sets dev1,dev2 --passes 3

The ranking (digests.quote_rank) scores each found quote with a weighted sum of a few features
(headline overlap, direct speech, named speaker, position, the speaker's first quote …) and picks
at most three greedily, with a penalty per chosen quote of the same speaker and a bonus for a
counter-voice in the second slot. This script chooses those weights by coordinate ascent on the
benchmark's own measure (matched key quotes, then precision) over the training articles.

Cross-validation first: for each training set, fit on the others and score it (the figure that
says whether the weights generalize), then fit on all of them and print the weights to paste into
digests/quote_rank.py. All four development sets are used (holdout2 was scored once in session 2
and is development data now); a newer test set is refused.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from digest_quality import CORPUS, GOLD, Score, gold_sets, read_corpus, to_article  # noqa: E402
from digests.headline import clean_headline  # noqa: E402
from digests.quote_rank import W_COUNTER, W_REPEAT, WEIGHTS, rank_quotes  # noqa: E402
from digests.quotes import Candidate, find_quotes  # noqa: E402

# holdout2 was scored once (session 2) and is development data now; a newer set is never fitted.
KNOWN_SETS = frozenset({"dev1", "holdout1", "dev2", "holdout2"})
GRID = (-2.0, -1.2, -0.8, -0.4, -0.2, 0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.6, 2.0, 2.4, 3.0)
Model = dict[str, float]


@dataclass(frozen=True)
class Example:
    set_name: str
    headline: str
    candidates: tuple[Candidate, ...]
    gold: tuple[dict[str, object], ...]


def examples(sets: Sequence[str]) -> list[Example]:
    corpus = {row["id"]: row for row in read_corpus(CORPUS)}
    out = []
    for n, (name, g) in enumerate(gold_sets(GOLD, 20)):
        if name not in sets or g["id"] not in corpus:
            continue
        article = to_article(n, corpus[g["id"]])
        headline = clean_headline(article.title, article.text)
        paragraphs = [p for p in article.paragraphs if p.strip()]
        out.append(Example(name, headline, tuple(find_quotes(paragraphs)),
                           tuple(g.get("quotes", []))))
    return out


def split(model: Model) -> tuple[dict[str, float], float, float]:
    weights = {k: v for k, v in model.items() if k not in ("repeat", "counter")}
    return weights, model["repeat"], model["counter"]


def score(model: Model, data: Sequence[Example]) -> Score:
    weights, repeat, counter = split(model)
    s = Score()
    for ex in data:
        chosen = rank_quotes(ex.candidates, ex.headline, weights=weights, repeat=repeat,
                             counter=counter)
        s.add([(c.text, c.speaker) for c in chosen], ex.gold)
    return s


def objective(s: Score) -> float:
    # Key quotes found first; precision breaks ties (a wrong quote costs half a right one).
    return s.matched_key + 0.5 * s.matched_pred - 0.5 * (s.predicted - s.matched_pred)


def fit(data: Sequence[Example], start: Mapping[str, float], passes: int) -> Model:
    model = dict(start)
    best = objective(score(model, data))
    for _ in range(passes):
        improved = False
        for name in sorted(model):
            grid = GRID if name not in ("repeat",) else (0.0, 0.8, 1.6, 2.4, 3.2, 4.0)
            for value in grid:
                if value == model[name]:
                    continue
                trial = dict(model, **{name: value})
                got = objective(score(trial, data))
                if got > best + 1e-9:
                    best, model, improved = got, trial, True
        if not improved:
            break
    return model


def line(label: str, s: Score) -> str:
    r = s.matched_key / s.gold_key if s.gold_key else 1.0
    p = s.matched_pred / s.predicted if s.predicted else 1.0
    return f"{label:<40} key recall {r:.3f} ({s.matched_key}/{s.gold_key})  precision {p:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", default="dev1,holdout1,dev2,holdout2")
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    sets = [x for x in args.sets.split(",") if x]
    if any(x not in KNOWN_SETS for x in sets):
        known = ", ".join(sorted(KNOWN_SETS))
        parser.error(f"only the development sets ({known}) may be fitted on")
    data = examples(sets)
    start: Model = dict(WEIGHTS, repeat=W_REPEAT, counter=W_COUNTER)
    print(f"{len(data)} articles, {sum(len(e.candidates) for e in data)} candidates")
    for name in sets:
        train = [e for e in data if e.set_name != name]
        test = [e for e in data if e.set_name == name]
        fitted = fit(train, start, args.passes)
        print(line(f"{name}: current weights", score(start, test)))
        print(line(f"{name}: fitted on the others", score(fitted, test)))
    fitted = fit(data, start, args.passes)
    print(line("all: current weights", score(start, data)))
    print(line("all: fitted (in-sample)", score(fitted, data)))
    for k in sorted(fitted):
        print(f"  {k} = {fitted[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
