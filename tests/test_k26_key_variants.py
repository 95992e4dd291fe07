"""benchmarks/key_variants.py's K26 «own voice» variant (session 26, screened, not shipped)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

from benchkit import load_file

from digests.models import QuoteKind
from digests.quote_rank import features
from digests.quotes import Candidate

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def load() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    return load_file(BENCH / "key_variants.py", "key_variants")


def cand(text: str, kind: QuoteKind, named: bool) -> Candidate:
    return Candidate(text=text, speaker="الوزير", kind=kind, paragraph=0, start=0, named=named)


def test_own_voice_credits_only_a_carried_first_person_direct_quote() -> None:
    bench = load()
    cands = [
        cand("نحن لن نقبل بأي شروط جديدة في المفاوضات", "direct", False),  # carried, «نحن»: credited
        cand("الحكومة لن تقبل بأي شروط جديدة في المفاوضات", "direct", False),  # third person
        cand("نحن لن نقبل بأي شروط جديدة", "reported", False),  # reported: not direct speech
        cand("نحن لن نقبل بأي شروط جديدة أبدا", "direct", True),  # named already
    ]
    out = features(cands, "الحكومة ترفض الشروط")
    assert [f["named"] for f in out] == [0.0, 0.0, 0.0, 1.0]
    bench.own_voice()(cands, "", out)
    assert [f["named"] for f in out] == [1.0, 0.0, 0.0, 1.0]
    every = features(cands, "")
    bench.own_voice(0.5, carried_only=False)(cands, "", every)
    assert [f["named"] for f in every] == [0.5, 0.0, 0.0, 1.5]
    assert {"K26 own voice", "K26 own voice half", "K26 first person +0.5 named"} <= set(
        bench.variants())
