"""digests.speaker_checks: is a subject read at a cue a speaker; its trims."""

from __future__ import annotations

from digests.speaker_checks import (
    bare_medium,
    no_voice,
    nominative,
    object_cut,
    plausible_speaker,
    plural_verb_object,
)


def test_misread_subjects_are_not_speakers() -> None:
    for junk in ('بـ"الذباب الإلكتروني"', "قائلين", "وعندما تسعى للتغيير", "احتياجاتها",
                 "المتواجدين بمدرب (عالمي", ""):
        assert not plausible_speaker(junk), junk
    for name in ("الرئيس الفرنسي إيمانويل ماكرون", "روحاني", "الخارجية الفرنسية",
                 "صحيفة \"الشرق الأوسط\"", "وزارة الدفاع الأمريكية (البنتاغون)"):
        assert plausible_speaker(name), name


def test_the_object_after_an_accusing_or_calling_verb_is_cut() -> None:
    assert object_cut("واتهم", "أناستاسيادس تركيا") == "أناستاسيادس"
    assert object_cut("ودعا", "المومني المجتمع الدولي") == "المومني"
    assert object_cut("اتهم", "سفير روسيا") == "سفير روسيا"  # a genitive stays
    assert object_cut("قال", "أناستاسيادس تركيا") == "أناستاسيادس تركيا"  # not such a verb


def test_an_accusative_subject_is_given_as_nominative() -> None:
    assert nominative("استطلاعا للرأي") == "استطلاع للرأي"
    assert nominative("مصدرا أمنيا") == "مصدر أمني"
    assert nominative("وزير الخارجية") == "وزير الخارجية"


def test_subjects_that_are_nobody_who_speaks() -> None:
    assert bare_medium("شبكة") and not bare_medium("شبكة سي إن إن")
    for nobody in ("منهم", "الله تعالى", "الساحة", "بأخطائك"):
        assert no_voice(nobody), nobody
    for somebody in ("روحاني", "الساحة السياسية الفرنسية", ""):
        assert not no_voice(somebody), somebody


def test_f11_his_own_people_after_warn_are_the_object() -> None:
    from digests.speaker_checks import object_cut
    # «حذّر ميسي مدربه فالفيردي وزملاءه من …»: the coach and teammates were warned.
    assert object_cut("حذر", "ليونيل ميسي نجم برشلونة مدربه إرنيستو فالفيردي") == (
        "ليونيل ميسي نجم برشلونة")
    assert object_cut("وحذر", "مدربه فالفيردي وبقية نجوم الفريق") == ""
    assert object_cut("دعا", "الرئيس مواطنيه") == "الرئيس"
    # Not after a verb of saying: «قال مدربه» — his coach said it.
    assert object_cut("قال", "مدربه فالفيردي") == "مدربه فالفيردي"


def test_f12_a_subject_holding_a_colon_or_an_impersonal_verb_is_no_speaker() -> None:
    # QA13 1320: «كتبت قائلة:"لا أزال …"» — the speech began inside the subject read.
    assert not plausible_speaker('قائلة:"لا')
    # QA13 5046: «وأضاف يمكن رؤية مقاتلي …» — a caption, not a name.
    assert not plausible_speaker("يمكن رؤية المقاتلين")
    assert plausible_speaker("رئيس الوزراء:")  # a colon closing the subject is fine
    assert plausible_speaker('مراسل "العربية"')


def test_f12_the_joining_waw_is_cut_from_a_subject() -> None:
    from digests.speaker_checks import conjunction_cut
    assert conjunction_cut("ومصادر أمنية") == "مصادر أمنية"
    assert conjunction_cut("والشرطة المحلية") == "الشرطة المحلية"
    for name in ("والد الضحية", "وليد جنبلاط", "وزير الخارجية", "وكالة الأنباء", "واشنطن"):
        assert conjunction_cut(name) == name


def test_f12_a_subject_is_cut_where_its_speech_began() -> None:
    from digests.speaker_checks import colon_cut
    assert colon_cut('عصمان مايدمي لفرانس24:"الأفواج') == "عصمان مايدمي"
    assert colon_cut('الوزير:"نحن') == "الوزير"
    assert colon_cut('قائلة:"لا') == "قائلة"  # then no speaker: a participle (plausible_speaker)
    assert colon_cut("رئيس الوزراء:") == "رئيس الوزراء:"


def test_f12_a_share_of_those_polled_is_no_voice() -> None:
    # «بينما قال 1.8% فقط إنهم يؤيدون …» was shown «بحسب 1.8% فقط، يؤيدون …».
    assert no_voice("1.8% فقط")
    assert no_voice("25٪")
    assert not no_voice("ثلاثة مسؤولين")


def test_f12_to_the_ministry_is_no_speaker() -> None:
    assert not plausible_speaker("لوزارة العدل")
    assert not plausible_speaker("لرئيس الوزراء")
    assert plausible_speaker("لافروف") and plausible_speaker("لبنان")


def test_f13_the_people_warned_after_the_subject_are_the_object() -> None:
    # QA13 5953: «وحذر حارس مرمى مانشستر يونايتد دي خيا حراس المونديال من الكرة»
    assert object_cut("وحذر", "حارس مرمى مانشستر يونايتد دي خيا حراس المونديال") == (
        "حارس مرمى مانشستر يونايتد دي خيا")
    assert object_cut("ودعا", "المدرب اللاعبين إلى") == "المدرب"
    # Not after a genitive head: «قائد حراس الحدود» is one title.
    assert object_cut("وحذر", "قائد حراس الحدود") == "قائد حراس الحدود"


def test_f17_a_plural_verb_has_no_subject_after_it() -> None:
    """F16's skipped list (909): «وكان طلاب … قد أعلنوا تنظيم مسيرة» — «أعلنوا» holds its
    subject; «تنظيم مسيرة» is its object, never a speaker a later line falls back on."""
    assert plural_verb_object("اعلنوا", "تنظيم مسيرة") == ""
    assert plural_verb_object("واكدوا", "تنظيم مسيرة") == ""
    assert plural_verb_object("اعلن", "المتحدث باسم الوزارة") == "المتحدث باسم الوزارة"
    assert plural_verb_object("دعا", "الوزير") == "الوزير"


def test_f17_a_clause_with_its_verb_is_no_speaker() -> None:
    """F16's skipped list (908): «وتقول مجزرةٌ حقيقية حصلت …» read the clause as a subject."""
    assert not plausible_speaker("مجزرةٌ حقيقية حصلت")
    assert not plausible_speaker("معارك عنيفة جرت")
    assert plausible_speaker("وزارة الخارجية")
