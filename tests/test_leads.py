"""digests.leads: reaction cues and who reacts, who acts in a lead, headline agreement (pure).

Invented headlines and first sentences, not corpus text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from digests.leads import compare_leads, headline_agreement, lead_of, lead_vector, reactions
from digests.similarity import similarity

EVENT = ("الغابون تغلق حدودها مع الكاميرون",
         "أعلنت حكومة الغابون، الخميس، إغلاق حدودها البرية مع الكاميرون بعد هجوم على مركز جمركي.")


def test_a_headline_reaction_verb_names_who_reacts_before_it() -> None:
    kinds, actor = reactions("الكاميرون تدين قرار ليبرفيل", "")
    assert kinds == {"dan"}
    assert actor == {"كاميرون"}


def test_a_first_sentence_opening_with_a_reaction_verb_names_who_reacts_after_it() -> None:
    kinds, actor = reactions("بيان رسمي", "ندد وزير الخارجية الكاميروني بالقرار.")
    assert kinds == {"ndd"}
    assert {"وزير", "خارجيه"} <= actor


def test_a_cnn_dateline_does_not_hide_the_opening_verb() -> None:
    first = "ياوندي، الكاميرون (CNN)-- نفت الحكومة الكاميرونية وجود قوات على الحدود."
    kinds, _ = reactions("", first)
    assert kinds == {"nfy"}


def test_a_reaction_verb_deep_in_the_sentence_or_ردا_على_is_not_a_reaction_lead() -> None:
    assert reactions("", "أغلقت الغابون حدودها، وهو ما رفضته الكاميرون لاحقا.") == (frozenset(),
                                                                                 frozenset())
    assert reactions("الغابون تطرد دبلوماسيين ردا على الهجوم", "")[0] == frozenset()


def test_another_actors_reaction_is_a_gap_the_same_actor_is_not() -> None:
    other = lead_of("الكاميرون تدين إغلاق الحدود", "أدانت الخارجية الكاميرونية إغلاق الحدود.")
    same = lead_of("الغابون تدين الهجوم على مركز جمركي", "أدانت حكومة الغابون الهجوم.")
    event = lead_of(*EVENT)
    assert compare_leads(event, other).reaction_gap
    assert compare_leads(other, event).reaction_gap  # symmetric
    assert not compare_leads(event, same).reaction_gap


def test_transliterations_of_one_name_are_the_same_actor() -> None:
    event = lead_of("نتنياهو يعرض قطعة من طائرة مسيرة", "عرض نتنياهو قطعة معدنية في ميونيخ.")
    warning = lead_of("نتانياهو يحذر طهران", "")  # who reacts: «نتانياهو», before the verb
    assert not compare_leads(event, warning).reaction_gap
    assert compare_leads(event, lead_of("روحاني يحذر إسرائيل", "")).reaction_gap


def test_headline_agreement_counts_rare_words_the_other_lead_uses() -> None:
    a = lead_of("منتخب بوتان يتأهل إلى نهائيات كأس آسيا", "تأهل منتخب بوتان إلى نهائيات كأس آسيا.")
    b = lead_of("بوتان تبلغ نهائيات كأس آسيا", "حجزت بوتان مقعدها في البطولة القارية.")
    unrelated = lead_of("مهرجان للموسيقى في كريت", "تنطلق في كريت فعاليات مهرجان للموسيقى.")
    assert headline_agreement(a, b) >= 0.5
    assert headline_agreement(a, unrelated) == 0.0
    assert headline_agreement(lead_of("", ""), lead_of("", "")) == 0.0


WORDS = st.lists(st.sampled_from("الغابون الكاميرون تدين ترحب حدود إغلاق هجوم نفت قال بوتان كأس"
                                 " آسيا منتخب وزير".split()), max_size=12).map(" ".join)


@hsettings(max_examples=60, deadline=None)
@given(WORDS, WORDS, WORDS, WORDS)
def test_lead_evidence_is_symmetric_and_bounded(t1: str, s1: str, t2: str, s2: str) -> None:
    a, b = lead_of(t1, s1), lead_of(t2, s2)
    ab, ba = compare_leads(a, b), compare_leads(b, a)
    assert ab.reaction_gap == ba.reaction_gap
    assert ab.agreement == pytest.approx(ba.agreement)
    assert 0.0 <= ab.agreement <= 1.0 and 0.0 <= ab.similarity <= 1.0


def test_lead_vector_is_the_headline_and_first_sentence_only() -> None:
    one = lead_vector("زلزال في كريت", "ضرب زلزال قوي جزيرة كريت صباح الثلاثاء. وفي خبر آخر حفل.")
    two = lead_vector("زلزال في كريت", "ضرب زلزال قوي جزيرة كريت صباح الثلاثاء.")
    assert similarity(one, two) == pytest.approx(1.0)
