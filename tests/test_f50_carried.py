"""F50: carried quotes' speakers — whom a bare «وقال»/«وأضاف»/«وتابع» goes on with, on invented
sentences.

Each test named for a fix fails on the tree before F50 (ac7639f4); the guards keep what must stay.
"""

from __future__ import annotations

from benchmarks.carried_speakers import cue_class, gold_carried
from digests.quotes import Candidate, find_quotes
from digests.speakers import tokens
from digests.speechless_objects import fronted_subject


def _found(paragraphs: list[str]) -> list[tuple[str, str, bool]]:
    return [(c.speaker, c.text, c.named) for c in find_quotes(paragraphs)]


# --- a speechless verb after its subject: the words after it are its object ---

def test_the_subject_before_a_speechless_verb_is_the_one_a_coordinated_verb_means() -> None:
    paras = ['وقالت الشرطة المحلية إن رجلا مسلحا اعتقل في وسط المدينة مساء أمس.',
             'ولكن الجيش اعترف بوجوده في المنطقة وقال إنه يقوم بمراجعة الحادث بدقة.']
    assert _found(paras)[-1][:2] == ("الجيش", "يقوم بمراجعة الحادث بدقة")


def test_the_object_of_a_speechless_verb_is_not_remembered() -> None:
    para = ('وحاولت عشرات النساء حضور المباراة في الملعب. لكن السلطات أعلنت احتجازهن بصورة مؤقتة،'
            ' وقالت إنه سيطلق سراحهن عقب نهاية المباراة.')
    assert [s for s, _, _ in _found([para])] == ["السلطات"]


def test_a_subject_after_that_before_a_speechless_verb_speaks_next() -> None:
    paras = ['وقال وزير العمل إن الشركات المخالفة ستعاقب بغرامات كبيرة.',
             'وبالرغم من أن النقابات رحبت بقرارات الحكومة، إلا أنها ترى أن عدد الشركات المعاقبة'
             ' غير كاف أبدا.']
    assert _found(paras)[-1][0] == "النقابات"


def test_fronted_subject_reads_only_a_definite_subject_right_before_a_bare_verb() -> None:
    toks = tokens("ولكن الجيش اعترف بوجوده في المنطقة")
    assert fronted_subject(toks, 2, 0) == "الجيش"
    # Guards: a verb with its own «و» (a new clause), a comma between, a particle spelled
    # with «ال», a clause with its verb, a time word: nobody is read before the verb.
    assert fronted_subject(tokens("ولكن الجيش واعترف بوجوده"), 2, 0) == ""
    assert fronted_subject(tokens("وقال الجيش، اعترف بوجوده"), 2, 0) == ""
    assert fronted_subject(tokens("وكادت المسرحية ألا ترى النور"), 3, 0) == ""
    assert fronted_subject(tokens("انقلب الأمر وصار البعض يستنكر العقوبات"), 4, 0) == ""
    assert fronted_subject(tokens("وفي الأسبوع الماضي أعلن الوزير خطته"), 3, 0) == ""
    assert fronted_subject(tokens("وعن هذا الزواج يقول فاين"), 3, 0) == ""
    assert fronted_subject(tokens("وفي هذا السياق دعا الأمين الدول العربية"), 3, 0) == ""
    assert fronted_subject(tokens("في وقت كانت القيادة المركزية تهاجم روسيا"), 5, 0) == (
        "القيادة المركزية")


def test_a_subject_after_a_speechless_verb_stays_its_speaker() -> None:
    # Guard: VSO, the common order — the subject after «وأعلنت» is the one «وقالت» means.
    paras = ['وقال الوزير إن المحادثات مع الجانب الآخر ستستمر أسبوعا آخر على الأقل.',
             'وأعلنت الشرطة حالة الطوارئ في المدينة. وقالت إن الوضع خطير ويتطلب الحذر الشديد.']
    # (its object still runs into it, «الشرطة حالة الطوارئ»: left, see benchmarks/README)
    assert _found(paras)[-1][0].startswith("الشرطة")


# --- a describer goes on speaking ---

def test_a_describer_is_the_one_a_later_bare_cue_means() -> None:
    paras = ['وقال رئيس الحكومة إن الاتفاق الجديد يحمي مصالح البلاد كلها.',
             'ووصف بيرتولي هذه التصريحات بـ"المتسرعة وغير المسؤولة".',
             'وشدد على أن بلاده لن تتراجع عن قرارها بأي حال من الأحوال.']
    assert _found(paras)[-1][:2] == ("بيرتولي", "بلاده لن تتراجع عن قرارها بأي حال من الأحوال")


def test_a_describer_of_the_other_gender_keeps_a_bare_masculine_cue() -> None:
    paras = ['وقالت المتحدثة باسم الحكومة إن المفاوضات ستستأنف الأسبوع المقبل.',
             'ووصف غرانت أيضا وزير المالية بأنه "رجل بلا خطة ولا رؤية". وتابع "لا أحد في البرلمان'
             ' يصدق وعوده بعد اليوم".']
    assert ("غرانت", "لا أحد في البرلمان يصدق وعوده بعد اليوم", False) in _found(paras)


def test_a_describer_with_nobody_named_before_still_makes_no_line() -> None:
    # Guard (F18): a description with no speaker to fall back on makes no line.
    para = 'ووصف بيرتولي هذه التصريحات بأنها "متسرعة وغير مسؤولة على الإطلاق".'
    assert _found([para]) == []


# --- benchmarks/carried_speakers: the classes ---

def _cand(text: str, start: int, named: bool) -> Candidate:
    return Candidate(text=text, speaker="x", kind="direct", paragraph=0, start=start, named=named)


def test_cue_classes() -> None:
    para = 'وأضاف: "نحن هنا لبناء الثقة"، مضيفا أن "الأمن ضمان للمنطقة".'
    assert cue_class(para, _cand("نحن هنا لبناء الثقة", para.index("نحن"), False)) == (
        "carried: pronoun cue")
    assert cue_class(para, _cand("الأمن ضمان للمنطقة", para.index("الأمن"), False)) == (
        "carried: participle")
    assert cue_class('"ولن نتراجع أبدا"', _cand("ولن نتراجع أبدا", 1, False)) == (
        "carried: paragraph")
    assert cue_class(para, _cand("نحن هنا", 8, True)) == "named"


def test_gold_carried_reads_the_speaker_before_the_quote() -> None:
    gold = {"text": "الأمن ضمان للمنطقة", "speaker": "رئيس الوزراء سعد الحريري",
            "speaker_aliases": ["الحريري"]}
    assert not gold_carried('وقال الحريري إن "الأمن ضمان للمنطقة".', gold)
    assert gold_carried('وأضاف أن "الأمن ضمان للمنطقة".', gold)
