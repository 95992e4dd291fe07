"""QA52 R3: «لعل …» and «من المتوقع أن …» previews still blocked the result's «🔄 تحديث»
(the hedge list of X73's hedged previews had «يتوقع»/«متوقع» but not «المتوقع», nor
«لعل»/«عسى»). A result told plainly before such a hedge still blocks its retelling."""

from __future__ import annotations

import pytest

from digests.story_outcomes import new_outcome


@pytest.mark.parametrize(("sent", "result"), [
    ("لعل صلاح يسجل هاتريك", "صلاح يسجل هاتريك"),
    ("ولعل ليفربول يفوز على سيتي", "ليفربول يفوز على سيتي"),
    ("عسى أن يفوز ليفربول على سيتي", "ليفربول يفوز على سيتي"),
    ("من المتوقع أن يفوز ليفربول", "ليفربول يفوز"),
    ("من المرجح أن يتأهل الريال لربع النهائي", "الريال يتأهل لربع النهائي"),
    ("من المحتمل أن يقيل الرئيس وزير الدفاع", "الرئيس يقيل وزير الدفاع"),
])
def test_a_hedged_preview_leaves_the_result_new(sent: str, result: str) -> None:
    assert new_outcome([sent], result)


@pytest.mark.parametrize(("sent", "again"), [
    ("ليفربول يفوز على سيتي، والمتوقع أن يتصدر", "ليفربول يفوز على سيتي"),
    ("صلاح يسجل هاتريك، ولعل الرقم القياسي قريب", "صلاح يسجل هاتريك في مرمى واتفورد"),
])
def test_a_result_told_before_the_hedge_still_blocks(sent: str, again: str) -> None:
    assert not new_outcome([sent], again)
