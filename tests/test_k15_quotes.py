"""Brief K15 (QA25 E5, E7): the quotes an editor would lead with, and quotes that end where the
speaker's words end. Invented sentences, one per rule, through the real finder and ranking."""

from __future__ import annotations

from digests.quotes import find_quotes, key_quotes


def _texts(paragraphs: list[str], headline: str = "") -> list[str]:
    return [q.text for q in key_quotes(paragraphs, headline)]


# E7: a reported clause runs on into the writer's next clause.

def test_clause_ends_before_a_comma_and_a_past_speech_verb_without_speech() -> None:
    texts = _texts(["وقال المحافظ إن الشركة أخفت الأرقام عن المساهمين لسنوات، ودعا إلى إجراء"
                    " تحقيق عام في حساباتها."])
    assert texts == ["الشركة أخفت الأرقام عن المساهمين لسنوات"]


def test_clause_ends_before_the_writer_citing_another_source() -> None:
    texts = _texts(["واتهمت الحكومة الشركة بأنها أخفت الأرقام عن المساهمين لسنوات، وأورد البيان"
                    " أن 48 موظفا غادروا البلاد."])
    assert not any("وأورد" in t for t in texts)


def test_clause_ends_before_wa_and_a_past_verb_without_a_comma() -> None:
    texts = _texts(["وقال وزير الدفاع إن استخدام الغاز سيكون حماقة شديدة واستشهد بتقارير غير"
                    " مؤكدة عن هجمات في الريف."])
    assert texts == ["استخدام الغاز سيكون حماقة شديدة"]


def test_the_speakers_own_words_in_marks_run_on() -> None:
    # Guard: inside quote marks the «، ودعا» is the speaker's own sentence.
    texts = _texts(["وقال المحافظ إن \"الوزير كذب على الناس، ودعا الجميع إلى الصبر\" في كلمته"
                    " أمس أمام البرلمان."])
    assert any("ودعا الجميع" in t for t in texts)


def test_a_noun_that_spells_like_a_verb_does_not_end_the_clause() -> None:
    # Guard: «ونقل» is as often «and the transfer» (AMBIGUOUS): the clause goes on.
    texts = _texts(["وقال المسعف إن القصف أصاب المستشفى الوحيد في البلدة ونقل الجرحى صار"
                    " مستحيلا."])
    assert texts and texts[0].endswith("صار مستحيلا")


# E5: speech introduced by a colon the site glued to both words.

def test_glued_colon_opens_the_speech() -> None:
    found = find_quotes(["واختتم المدرب تصريحاته:نحن نسير في الطريق الصحيح ونخوض مواجهات قوية"
                         " للغاية وهي خير اختبار للاعبين أن يصححوا الأوضاع."])
    assert found and found[0].text.startswith("نحن نسير في الطريق الصحيح")


def test_a_time_is_no_colon() -> None:
    found = find_quotes(["وقال المتحدث في الساعة 10:40 إن القوات انسحبت من البلدة بالكامل."])
    assert [c.text for c in found] == ["القوات انسحبت من البلدة بالكامل"]


def test_after_a_colon_the_speakers_own_words_go_on() -> None:
    # Guard: «… للقائمة: X عنصر مهم، واستبعد بسبب إصابته» (a passive in his own words).
    texts = _texts(["وأوضح المدير أن الإصابة هي السبب في غيابه عن القائمة: اللاعب عنصر مهم في"
                    " الفريق، واستبعد بسبب إصابته في العضلة الأمامية."])
    assert texts and texts[0].endswith("في العضلة الأمامية")


# E5: a bare «وقال "…"» after a sentence whose subject is named by a trade.

def test_bare_cue_after_a_sentence_opened_by_a_named_trade() -> None:
    quotes = key_quotes(["وتسلمت المخرجة سارة الخالدي جائزتها من لجنة التحكيم. وقالت \"السينما"
                         " هي صوت من لا صوت لهم في هذا العالم\"."])
    assert [(q.speaker, q.text) for q in quotes] == [
        ("المخرجة سارة الخالدي", "السينما هي صوت من لا صوت لهم في هذا العالم")]


def test_no_speaker_is_made_of_a_subject_that_is_no_trade() -> None:
    # Guard: «وتسلم الفيلم …» names no person: the bare «وقال» has nobody to mean.
    quotes = key_quotes(["وتسلم المهرجان الدولي الجديد جوائزه من الرعاة. وقال \"السينما هي صوت"
                         " من لا صوت لهم في هذا العالم\"."])
    assert not any(q.speaker.startswith("المهرجان") for q in quotes)


def test_bare_cue_in_the_next_paragraph_after_a_long_title_ending_in_a_name() -> None:
    quotes = key_quotes([
        "وأسف الرئيس الإقليمي السابق الفار كريم داود الأحد في حديث لصحيفة محلية لعدم إعلان"
        " الاستقلال في وقت مبكر.",
        "وقال \"كنا ننوي إعلان الاستقلال لكنني قررت تعليق آثاره لفسح المجال للحوار\"."])
    assert [q.speaker for q in quotes] == ["الرئيس الإقليمي السابق الفار كريم داود"]


def test_a_long_subject_that_ends_in_no_name_is_nobody() -> None:
    # Guard: «وأسف الرئيس … الأوروبي الجديد» holds no name at its end: not read on to seven words.
    quotes = key_quotes([
        "وأسف رئيس الاتحاد الرياضي الأوروبي الجديد الأحد في حديث لصحيفة محلية لعدم إعلان"
        " القرار في وقت مبكر.",
        "وقال \"كنا ننوي إعلان القرار لكننا قررنا تعليق آثاره لفسح المجال للحوار\"."])
    assert not any(q.speaker.endswith("الجديد") for q in quotes)


# Dual verbs of saying: the dev gold's key quote after «وأضافا: "…"» had no cue.

def test_a_dual_verb_of_saying_before_its_two_subjects() -> None:
    found = find_quotes(["وقالا وزير المالية سامي داود ووزير الاقتصاد ماهر سليم، إن الحكومة ستخفض"
                         " الضرائب على الشركات الصغيرة."])
    assert [c.text for c in found] == ["الحكومة ستخفض الضرائب على الشركات الصغيرة"]
    assert found[0].speaker.startswith("وزير المالية سامي داود")


def test_a_dual_inside_someones_clause_stays_that_voices() -> None:
    # Guard (as tests/test_quotes F13): «إن المبعوثين أكدا أن …» is the official's line.
    found = find_quotes(["وقال مسؤول أميركي إن المبعوثين كوشنر وغرينبلات أكدا أن الخطة الشاملة لن"
                         " تكون منحازة لأي طرف."])
    assert [c.speaker for c in found] == ["مسؤول أميركي"]


def test_a_bare_dual_with_a_colon_goes_on_with_the_two_just_named() -> None:
    found = find_quotes(["وتحدث الوزيران داود وسليم إلى الصحفيين بعد الاجتماع. وأضافا: \"الحكومة"
                         " ستخفض الضرائب على الشركات الصغيرة العام المقبل\"."])
    assert [c.text for c in found] == ["الحكومة ستخفض الضرائب على الشركات الصغيرة العام المقبل"]


def test_their_word_is_no_speaker() -> None:
    # Guard: «وقالا كلمتهما» (they had their say) names nobody; no line is credited to it.
    found = find_quotes(["ونافس الفريقان وانتصرا وقالا كلمتهما، وأعلنا أمام الجميع أنه لا فرق بين"
                         " فريق وآخر داخل الملعب."])
    assert not any("كلمتهما" in c.speaker for c in found)
