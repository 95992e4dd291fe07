"""QA48 R1: a preview that is hedged («قد»), asked («هل»), promised («سيقود») or a wish
(«يبحث عن») no longer blocks the result's «🔄 تحديث»: the words of such a clause (the count
noun «هاتريك», the round «لربع النهائي») are the preview's, not marks the result repeats
(digests.story_outcomes._clauses). A result told plainly still blocks its retelling."""

from __future__ import annotations

import pytest

from digests.story_outcomes import new_outcome

RONALDO = "رونالدو يقود الريال لربع النهائي"


@pytest.mark.parametrize(("sent", "result"), [
    ("قد يقود رونالدو الريال لربع النهائي", RONALDO),
    ("هل يقود رونالدو الريال لربع النهائي", RONALDO),
    ("رونالدو سيقود الريال لربع النهائي", RONALDO),
    ("قد يسجل صلاح هاتريك", "صلاح يسجل هاتريك"),
    ("صلاح قد يسجل هاتريك الليلة", "صلاح يسجل هاتريك في مرمى واتفورد"),
    ("يتوقع أن يسجل صلاح ثنائية", "صلاح يسجل ثنائية"),
    ("ليفربول يبحث عن الفوز", "ليفربول يفوز"),
    ("سيتي يسعى إلى هزيمة إيفرتون والاقتراب من حسم اللقب", "سيتي يهزم إيفرتون ويحسم اللقب"),
])
def test_a_hedged_preview_leaves_the_result_new(sent: str, result: str) -> None:
    assert new_outcome([sent], result)


@pytest.mark.parametrize(("sent", "again"), [
    (RONALDO, "الريال يتأهل لربع النهائي"),
    ("روما إلى ربع النهائي", "روما يتأهل"),
    ("صلاح يسجل هاتريك", "صلاح يسجل هاتريك في مرمى واتفورد"),
    ("تقارير: ترامب يطيح بتيلرسون الليلة، وقد أطاح بمستشاره", "ترامب يطيح بتيلرسون"),
    ("سيميوني يقود أتلتيكو لنصف النهائي", "أتلتيكو يتأهل لنصف النهائي"),  # a name, no promise
])
def test_a_result_told_plainly_still_blocks_its_retelling(sent: str, again: str) -> None:
    assert not new_outcome([sent], again)


MCCABE = "وزير العدل الأمريكي يدرس مصير ماكيب"


@pytest.mark.parametrize("result", [
    "وزير العدل الأمريكي يقيل ماكيب", "وزير العدل الأمريكي أقال ماكيب", "ترامب يعزل ماكيب",
    "ماكيب يستقيل", "المحكمة تبرئ ماكيب", "الحكم بسجن ماكيب 3 سنوات",
])
def test_a_firing_a_resignation_or_a_verdict_is_an_outcome(result: str) -> None:
    """QA48 R2: outcomes beyond tolls, wins and «يطيح»."""
    assert new_outcome([MCCABE], result)
    assert new_outcome(["أنباء عن إقالة ماكيب"], result)  # a rumour gave no mark


@pytest.mark.parametrize("headline", ["مطالبات بإقالة ماكيب", "مطالبات بسجن ماكيب 30 سنة",
                                      "إقالة ماكيب تهز واشنطن"])
def test_a_demand_or_a_bare_noun_is_none(headline: str) -> None:
    assert not new_outcome([MCCABE], headline)
    assert not new_outcome(["ترامب يقيل ماكيب"], "ماكيب يستقيل قبل إقالته")  # told already
