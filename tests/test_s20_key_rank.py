"""Session 20 (brief KEY): a long statement of the headline's claim stays in the three.

The annotators key a long statement as readily as a short one (the digest trims what it shows to
MAX_QUOTE_CHARS anyway): CN-middleEast-274 (holdout19) states the headline's «سيرد … بشكل ساحق»
in a quote of more than sixty words, and the −0.4 weight on «long» put three shorter side points
of other voices before it. The weight is 0 since session 20 (dev key-three +3, no article worse).
"""

from __future__ import annotations

from digests.quote_rank import WEIGHTS, features, rank_quotes
from digests.quotes import Candidate


def _cand(text: str, speaker: str, paragraph: int) -> Candidate:
    return Candidate(text=text, speaker=speaker, kind="direct", paragraph=paragraph, start=0,
                     named=True, counter=False, context=text)


HEADLINE = "قائد الجيش: سنرد على أي تهديد بشكل ساحق"
# The commander's statement of the headline's claim: 61 words of one paragraph.
LONG = ("الشعب يدرك أن العدو لم يترك مجالا إلا وتدخل عبره ولذلك فإننا سنتصدى لأي تهديد"
        " وقد أعددنا لكل الاحتمالات منذ سنوات طويلة وتدربت الوحدات في الجبال والسهول"
        " والسواحل وفي كل الفصول حتى صارت قادرة على مواجهة أي هجوم من أي جهة جاء وفي أي وقت"
        " كان ونحن لا نخشى أحدا ولا نسعى إلى القتال لكننا لا نسمح لأحد بأن يمس حدودنا أو أمن"
        " شعبنا أبدا")
SIDE = [
    _cand("يجب أن تتوقف الاشتباكات في المدينة القديمة فورا قبل حلول الشتاء", "المبعوث الأممي", 0),
    _cand("يجب أن نفتح المعابر أمام قوافل الإغاثة الإنسانية دون شروط", "منظمة الإغاثة", 1),
    _cand("يجب أن تحترم كل الأطراف الهدنة المعلنة منذ الأسبوع الماضي", "الوسيط القطري", 2),
]
STATEMENT = _cand(LONG, "قائد الجيش", 9)  # (the article's last paragraph of ten)


def test_the_case_is_what_it_says() -> None:
    f = features([*SIDE, STATEMENT], HEADLINE)
    assert f[3]["long"] == 1.0 and f[3]["about"] > 0.0
    assert all(x["long"] == 0.0 and x["strong"] == 1.0 and x["about"] == 0.0 for x in f[:3])
    # (scores with the old weight: 3.8, 3.7, 3.6 for the side points, 3.5 for the statement;
    # without it 3.9)


def test_a_long_statement_of_the_headline_claim_makes_the_three() -> None:
    ranked = rank_quotes([*SIDE, STATEMENT], HEADLINE)
    assert STATEMENT in ranked and len(ranked) == 3
    # (what the old weight did: the same candidates, «long» −0.4, leave it fourth)
    old = rank_quotes([*SIDE, STATEMENT], HEADLINE, weights={**WEIGHTS, "long": -0.4})
    assert STATEMENT not in old


def test_length_alone_still_earns_nothing() -> None:
    # A long quote off the headline's claim does not push out the shorter side points.
    off = _cand(LONG.replace("سنتصدى لأي تهديد", "أنهينا المناورات السنوية"), "قائد الجيش", 9)
    ranked = rank_quotes([*SIDE, off], "قوافل الإغاثة تنتظر فتح المعابر")
    assert off not in ranked
