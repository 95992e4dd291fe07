"""digests/event_frame.py (brief S16): an article's event frame from headline and lead — the
predicate class through proclitics, the agent slot of a subject-first headline and a verb-first
lead, places without the CNN dateline, counts with their noun and scale (no years, no spans of
time), match scores in digits and in words, the event's day — and how two frames agree."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from digests import event_frame as ef

THURSDAY = datetime(2018, 3, 15, 9, tzinfo=timezone.utc)


@pytest.mark.parametrize(("word", "cls"), [
    ("يقصف", "attack"), ("والتقى", "meet"), ("بالهجوم", "attack"), ("وللاجتماع", "meet"),
    ("قتيلا", "kill"), ("يقيل", "appoint"), ("فاز", "match"), ("اعتقال", "arrest"),
    ("مدينة", None), ("ترامب", None),
])
def test_predicate_class_reads_through_proclitics_and_article(word: str, cls: str | None) -> None:
    from digests import arabic
    assert ef.predicate_class(arabic.normalize(word)) == cls


def test_a_subject_first_headline_puts_its_subject_in_the_agent_slot() -> None:
    f = ef.frame_of("ترامب يقيل تيلرسون", "قال البيت الأبيض إن القرار نهائي.", THURSDAY)
    assert f.main == "appoint"
    assert "ترامب" in f.agents and "تيلرسون" not in f.agents


def test_a_verb_first_lead_takes_the_names_after_the_verb() -> None:
    f = ef.frame_of("تطورات جديدة", "أقال الرئيس ترامب وزير خارجيته تيلرسون صباح اليوم.",
                    THURSDAY)
    assert f.main == "appoint"
    assert "ترامب" in f.agents
    assert "رئيس" not in f.agents  # a common noun (written with and without the article)


def test_counts_keep_their_noun_and_scale_but_not_years_or_spans() -> None:
    f = ef.frame_of("مقتل 25 مدنيا في غارات على الغوطة",
                    "خرج 12 ألف شخص من البلدة عام 2018 بعد 3 أيام من القصف.", THURSDAY)
    assert ("مدني", 25) in f.counts
    assert ("شخص", 12000) in f.counts
    assert not any(v in (2018, 3) for _, v in f.counts)
    assert f.predicates >= {"kill", "attack", "exodus"}


def test_scores_in_digits_and_in_words_larger_side_first() -> None:
    digits = ef.frame_of("إسبانيا تسحق الأرجنتين 6-1", "في مباراة ودية في مدريد.", THURSDAY)
    words = ef.frame_of("الأرجنتين تخسر بهدف مقابل سداسية", "خسر المنتخب أمام إسبانيا.", THURSDAY)
    assert digits.scores == words.scores == frozenset({(6, 1)})
    dated = ef.frame_of("اجتماع في 27-3", "التقى الوزيران.", THURSDAY)
    assert dated.scores == frozenset()  # no side of a result is 27


def test_places_skip_the_cnn_dateline() -> None:
    f = ef.frame_of("غارات جديدة", "دبي، الإمارات العربية المتحدة (CNN)-- قصفت طائرات بلدة"
                    " دوما في الغوطة الشرقية.", THURSDAY)
    assert {"دوما", "غوطه"} <= f.places
    assert "دبي" not in f.places and "امارات" not in f.places


def test_the_day_named_in_the_lead_is_the_events_day() -> None:
    f = ef.frame_of("قصف على الغوطة", "قتل عشرة مدنيين الأربعاء في قصف على دوما.", THURSDAY)
    assert f.day == date(2018, 3, 14)
    assert ef.frame_of("قصف على الغوطة", "قصف عنيف على دوما.", THURSDAY).day is None


def test_two_tellings_of_one_attack_agree() -> None:
    a = ef.frame_of("مقتل 25 مدنيا في غارات على دوما", "قتل 25 مدنيا اليوم في غارات.", THURSDAY)
    b = ef.frame_of("25 قتيلا مدنيا بقصف على الغوطة", "قتل 25 مدنيا في دوما بالغوطة.", THURSDAY)
    agree = ef.agreement(a, b)
    assert list(agree) == list(ef.FRAME_FEATURES)
    assert agree["same_main"] == agree["same_family"] == agree["same_place"] == 1.0
    assert agree["same_count"] == 1.0 and agree["count_clash"] == 0.0
    assert agree["family_clash"] == agree["place_clash"] == 0.0


def test_different_counts_scores_families_and_places_clash() -> None:
    a = ef.frame_of("مقتل 25 مدنيا في دوما", "قتل 25 مدنيا.", THURSDAY)
    b = ef.frame_of("مقتل 40 مدنيا في حلب", "قتل 40 مدنيا.", THURSDAY)
    agree = ef.agreement(a, b)
    assert agree["count_clash"] == agree["place_clash"] == 1.0 and agree["same_count"] == 0.0
    m1 = ef.frame_of("ريال مدريد يفوز 3-1", "فاز ريال مدريد.", THURSDAY)
    m2 = ef.frame_of("ريال مدريد يفوز 2-0", "فاز ريال مدريد.", THURSDAY)
    assert ef.agreement(m1, m2)["score_clash"] == 1.0
    assert ef.agreement(m1, m1)["score_same"] == 1.0
    assert ef.agreement(a, m1)["family_clash"] == 1.0


def test_another_actor_doing_the_same_clashes_and_one_actor_acting_is_one_act() -> None:
    damascus = ef.frame_of("دمشق تدين احتلال عفرين", "أدانت دمشق سيطرة القوات على المدينة.",
                           THURSDAY)
    cairo = ef.frame_of("مصر تدين احتلال عفرين", "أدانت القاهرة سيطرة القوات على المدينة.",
                        THURSDAY)
    again = ef.frame_of("دمشق تندد باحتلال عفرين", "نددت دمشق بسيطرة القوات على المدينة.",
                        THURSDAY)
    other = ef.agreement(damascus, cairo)
    assert other["same_main"] == 1.0 and other["agent_clash"] == 1.0
    assert other["same_act"] == 0.0
    same = ef.agreement(damascus, again)
    assert same["agent_clash"] == 0.0 and same["same_act"] == 1.0
