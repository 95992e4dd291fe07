"""digests.leads: reaction cues and who reacts, who acts in a lead, headline agreement (pure).

Invented headlines and first sentences, not corpus text.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from datetime import datetime, timezone

from digests.leads import (
    compare_leads,
    event_day,
    headline_agreement,
    lead_of,
    reactions,
    speaker,
)

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
    assert ab.speaker_gap == ba.speaker_gap and ab.day_gap == ba.day_gap
    assert ab.same_speaker == ba.same_speaker
    assert ab.agreement == pytest.approx(ba.agreement)
    assert 0.0 <= ab.agreement <= 1.0 and 0.0 <= ab.similarity <= 1.0


# --- quote headlines «X: …» ------------------------------------------------------------------

def test_a_quote_headline_names_its_speaker_when_the_first_sentence_confirms_it() -> None:
    first = "قال المبعوث الأممي يان كوبيلاند، الخميس، إن الحوار هو الحل الوحيد."
    assert speaker("كوبيلاند: الحوار هو الحل", first) == {"كوبيلاند"}
    # A country label is its official's statement: «الغابون» / «الغابوني».
    assert speaker("الغابون: لن نفتح الحدود", "قال وزير الداخلية الغابوني إن الحدود ستبقى مغلقة.")


def test_a_place_or_tag_label_is_not_a_speaker() -> None:
    assert speaker("الغابون: إغلاق الحدود مع الكاميرون", "أغلقت السلطات المعابر البرية.") == set()
    assert speaker("عاجل: زلزال في كريت", "ضرب زلزال قوي جزيرة كريت.") == set()
    # A relaying source under a place label: the place is no speaker.
    assert speaker("الغابون: إغلاق الحدود", "أفادت وسائل إعلام غابونية بإغلاق الحدود.") == set()
    assert speaker("ملعب جديد في كريت", "قال المحافظ إن الملعب جاهز.") == set()  # no label


def test_another_speakers_quote_headline_is_a_gap_its_own_speaker_is_not() -> None:
    event = lead_of(*EVENT)
    other = lead_of("كوبيلاند: إغلاق الحدود خطوة مقلقة",
                    "قال المبعوث الأممي يان كوبيلاند إن إغلاق الحدود بين الغابون والكاميرون مقلق.")
    own = lead_of("الغابون: أغلقنا الحدود لحماية المواطنين",
                  "قال وزير الداخلية الغابوني إن إغلاق الحدود مع الكاميرون جاء بعد هجوم.")
    assert compare_leads(event, other).speaker_gap
    assert compare_leads(other, event).speaker_gap
    assert not compare_leads(event, own).speaker_gap  # «الغابون» acts in the event's lead


def test_one_speaker_under_a_title_and_under_a_name_is_no_gap() -> None:
    by_name = lead_of("يان كوبيلاند: الحوار هو الحل",
                      "قال المبعوث الأممي يان كوبيلاند، الخميس، إن الحوار هو الحل.")
    by_title = lead_of("المبعوث الأممي: لا حل إلا بالحوار",
                       "أكد المبعوث الأممي يان كوبيلاند أن الحوار هو الحل الوحيد.")
    assert not compare_leads(by_name, by_title).speaker_gap


def test_a_capital_reacting_is_its_country_acting() -> None:
    event = lead_of("الغابون تغلق حدودها مع الكاميرون وتطرد 12 دبلوماسيا",
                    "أغلقت الغابون حدودها مع الكاميرون وطردت 12 دبلوماسيا.")
    by_capital = lead_of("ليبرفيل ترد بالمثل وتطرد 12 دبلوماسيا", "طردت ليبرفيل 12 دبلوماسيا.")
    assert compare_leads(event, by_capital).reaction_gap  # ليبرفيل is not in the capitals table
    russia = lead_of("روسيا تطرد 23 دبلوماسيا بريطانيا", "طردت روسيا 23 دبلوماسيا بريطانيا.")
    moscow = lead_of("موسكو ترد بالمثل وتطرد 23 دبلوماسيا بريطانيا",
                     "طردت موسكو 23 دبلوماسيا بريطانيا.")
    london = lead_of("لندن ترد على طرد دبلوماسييها", "ردت لندن على طرد دبلوماسييها من روسيا.")
    assert not compare_leads(russia, moscow).reaction_gap
    assert compare_leads(russia, london).reaction_gap  # لندن is بريطانيا, another actor


def test_two_quote_headlines_of_one_speaker_are_the_same_speaker_if_one_is_confirmed() -> None:
    confirmed = lead_of("كوبيلاند: الحصار ابتزاز للمدنيين",
                        "قال المبعوث الأممي يان كوبيلاند إن الحصار ابتزاز للمدنيين.")
    paraphrased = lead_of("كوبيلاند: ابتزاز كبير في الحصار",
                          "اتهم المبعوث الأممي الحكومة بابتزاز المدنيين بالحصار.")
    other = lead_of("بونغو: الحصار دفاع عن النفس",
                    "قال الرئيس علي بونغو إن الحصار دفاع عن النفس.")
    assert compare_leads(confirmed, paraphrased).same_speaker
    assert compare_leads(paraphrased, confirmed).same_speaker
    assert not compare_leads(confirmed, other).same_speaker
    assert not compare_leads(paraphrased, paraphrased).same_speaker  # neither confirmed
    assert not compare_leads(confirmed, lead_of(*EVENT)).same_speaker  # no label


# --- the event's day -----------------------------------------------------------------------

TUESDAY = datetime(2030, 1, 1, 9, tzinfo=timezone.utc)  # a Tuesday


def test_the_first_weekday_name_dates_the_event() -> None:
    assert event_day("أوقفت الشرطة الوزير السابق، الثلاثاء، في باريس.") == 1
    assert event_day("استؤنف صباح الأربعاء توقيف الوزير السابق") == 2
    assert event_day("تعادل الفريقان يوم الأحد وسيلتقيان الخميس") == 6
    assert event_day("فاز الفريق بثلاثة أهداف") is None


def test_spans_and_nights_across_midnight_do_not_date_the_event() -> None:
    assert event_day("نزح آلاف المدنيين منذ مساء الأربعاء") is None
    assert event_day("غارات ليل السبت إلى الأحد على القطاع") == 6  # the night: the next name


def test_today_and_yesterday_resolve_against_the_publication_date() -> None:
    assert event_day("قال الوزير اليوم إن الحدود مغلقة", TUESDAY) == 1
    assert event_day("أعلن الوزير أمس إغلاق الحدود", TUESDAY) == 0
    assert event_day("أعلن الوزير أمس إغلاق الحدود") is None  # no date: unknown
    assert event_day("أعلن الوزير، أمس الأحد، إغلاق الحدود", TUESDAY) == 6  # the name wins


def test_leads_naming_different_days_are_a_day_gap() -> None:
    tuesday = lead_of("توقيف الوزير السابق", "أوقفت الشرطة الوزير السابق الثلاثاء في باريس.")
    wednesday = lead_of("الوزير السابق موقوف لليوم الثاني", "استؤنف الأربعاء توقيف الوزير السابق.")
    undated = lead_of("توقيف الوزير السابق في باريس", "أوقفت الشرطة الوزير السابق في باريس.")
    assert compare_leads(tuesday, wednesday).day_gap
    assert not compare_leads(tuesday, undated).day_gap
    assert not compare_leads(tuesday, tuesday).day_gap


def test_an_unnamed_officials_quote_headline_needs_only_the_speech_verb() -> None:
    first = "قال نائب وزير الخارجية الغابوني إن الوزير لم يبلغ بالقرار."
    assert speaker("مصدر: الوزير لم يبلغ بالقرار", first) == {"مصدر"}
    assert speaker("مصدر: الوزير لم يبلغ بالقرار", "أغلقت السلطات الحدود.") == set()


def test_anger_and_condemnation_nouns_mark_a_reaction_but_a_bare_anger_noun_does_not() -> None:
    assert reactions('الكاميرون "غاضبة" من إغلاق الحدود', "")[0] == {"gdb"}
    assert reactions("تنديدات دولية بإغلاق الحدود", "")[0] == {"ndd"}
    assert reactions("إغلاق الحدود يشعل غضب التجار", "")[0] == frozenset()


DAY_WORDS = st.lists(st.sampled_from("الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد منذ ليل"
                                     " مساء يوم اليوم أمس قال الوزير الحدود".split()),
                     max_size=10).map(" ".join)


@hsettings(max_examples=80, deadline=None)
@given(DAY_WORDS)
def test_event_day_is_a_weekday_or_unknown_and_a_known_name_needs_no_date(text: str) -> None:
    day = event_day(text, TUESDAY)
    assert day is None or 0 <= day <= 6
    undated = event_day(text)
    assert undated is None or undated == day  # the date only resolves «اليوم»/«أمس»
