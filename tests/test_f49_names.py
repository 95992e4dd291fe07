"""F49: names shown whole — a last name word spelled «إن/آن» («مون جاي إن»), and the title words
of the law and the feminine offices, on invented sentences.

Each test named for a fix fails on the tree before F49 (ca6c0c9); the guards keep what must stay.
"""

from __future__ import annotations

from digests.name_tails import tail_at, whole_name
from digests.quotes import find_quotes, key_quotes


def _shown(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(q.speaker, q.text) for q in key_quotes(paragraphs)]


# --- «مون جاي إن»: the name's last word is no complementizer ---

def test_a_name_ending_in_aan_before_a_comma_is_whole_and_its_speech_starts_at_an() -> None:
    para = ('أعلن مكتب مون جاي آن، الأحد، أن رئيس كوريا الجنوبية سيرسل مدير الاستخبارات إلى'
            ' الشمال لبحث خفض التوتر.')
    assert _shown([para]) == [("مكتب مون جاي آن",
                               "رئيس كوريا الجنوبية سيرسل مدير الاستخبارات إلى الشمال لبحث خفض"
                               " التوتر")]


def test_a_reached_name_keeps_its_last_word() -> None:
    para = 'وقال المكلف بالملف في الرئاسة مون جاي إن، إن الحوار مع الشمال مستمر رغم الصعوبات.'
    assert [s for s, _ in _shown([para])] == ["مون جاي إن"]


def test_a_single_name_for_a_bare_title_keeps_its_last_word() -> None:
    paras = ['زار الرئيس الكوري الجنوبي مون جاي إن، الذي وصل أمس، الإمارات في أول جولة له.',
             'وقال الرئيس الكوري الجنوبي إن البلدين اتفقا على إنشاء خط ساخن بين الزعيمين.',
             'وأضاف مون أن الحوار مع الشمال مستمر ولن يتوقف.']
    assert [s for s, _ in _shown(paras)][0] == "الرئيس الكوري الجنوبي مون جاي إن"


def test_a_name_before_a_second_in_is_whole() -> None:
    para = 'وقال مون جاي إن إن الحوار مع الشمال مستمر رغم الصعوبات.'
    assert _shown([para]) == [("مون جاي إن", "الحوار مع الشمال مستمر رغم الصعوبات")]


def test_a_name_then_the_complementizer_stays_the_clause() -> None:
    # Guard: «إن» after a name and a verb of saying opens the speech.
    para = 'وقال دونالد ترامب إن الحوار مع الشمال مستمر رغم الصعوبات.'
    assert _shown([para]) == [("دونالد ترامب", "الحوار مع الشمال مستمر رغم الصعوبات")]


def test_a_complementizer_set_off_after_a_cue_stays_one() -> None:
    # Guard: «قال X Y إن، …» with no later complementizer: the comma sets off an aside.
    words = 'وقال دونالد ترامب إن، في حال فشل المحادثات، ستفرض عقوبات جديدة.'.split()
    assert not tail_at(words, 3)


def test_a_title_or_one_word_before_in_is_no_name() -> None:
    # Guards: a definite title or one name word before «إن،».
    assert not tail_at('وقال الوزير الفرنسي إن، في حال …، إن'.split(), 3)
    assert not tail_at('وقال ماكرون إن، في حال …، إن'.split(), 2)
    assert whole_name("الرئيس ترامب", ["وقال الرئيس ترامب إن الحوار مستمر."]) == "الرئيس ترامب"


# --- «المحامي مايكل أفيناتي», «القاضي … جورج دانيلز»: the law's titles (X130's union) ---

def test_a_lawyers_surname_shows_the_name_written_after_his_title() -> None:
    paras = ['ونشر المحامي مايكل أفيناتي في حسابه على موقع "تويتر" صورة لأسطوانة مدمجة.',
             'وقال أفيناتي إن هذه الأسطوانة تحتوي دليلا يثبت روايته عن العلاقة.']
    assert [s for s, _ in _shown(paras)] == ["مايكل أفيناتي"]


def test_a_judges_surname_shows_the_name_written_after_his_title() -> None:
    paras = ['رفض القاضي الأمريكي جورج دانيلز، إلغاء مجموعة دعاوى قضائية ضد الشركة.',
             'وقال دانيلز، القاضي في محكمة منهاتن، إن تصريحات المدعين توفر أساسا معقولا.']
    assert [s for s, _ in _shown(paras)] == ["جورج دانيلز"]


# --- «زعماء دينيين … وصفوا X بأنه»: a plural verb follows its subject (797) ---

def _speakers(paragraphs: list[str]) -> list[str]:
    return [c.speaker for c in find_quotes(paragraphs)]


def test_the_subject_before_a_plural_describing_verb_speaks_not_its_object() -> None:
    para = 'ولكن زعماء دينيين مسلمين ويهودا وصفوا مشروع القانون بأنه انتهاك للحريات الدينية.'
    assert _speakers([para]) == ["زعماء دينيين مسلمين ويهودا"]


def test_a_broken_plural_before_its_relative_adjective_opens_the_subject() -> None:
    para = 'لكن زعماء دينيين مسلمين قالوا إن مشروع القانون انتهاك للحريات الدينية.'
    assert _speakers([para]) == ["زعماء دينيين مسلمين"]


def test_the_plural_joined_by_lam_before_a_plural_verb_speaks() -> None:
    para = ('وبدأت جلسات اليوم الافتتاحي بكلمات لمسؤولين عراقيين شددوا خلالها على أن المؤتمر'
            ' سيكون أساسيا في تحقيق خطة إعادة الإعمار.')
    assert _speakers([para]) == ["مسؤولين عراقيين"]


def test_a_singular_describing_verb_keeps_its_subject_after_it() -> None:
    # Guards: VSO with a singular verb; an indefinite plural after a singular verb.
    assert _speakers(['ووصف الوزير، مشروع القانون بأنه انتهاك للحريات الدينية.']) == ["الوزير"]
    assert _speakers(['وقال متظاهرون إن مشروع القانون انتهاك للحريات الدينية.']) == ["متظاهرون"]


# --- «رئيس النادي العاصمي»: the name written before the title in its construct form (3193) ---

_CLUB = ['قدم أحمد العقيل، رئيس نادي الشباب، شكره للهيئة على دعمها الدائم والمتواصل.',
         'وقال رئيس النادي العاصمي في حديثه للصحيفة: "نعاني من التزامات مالية كبيرة هذا الموسم".']


def test_a_title_of_a_body_named_otherwise_shows_the_name_set_before_its_construct() -> None:
    paras = [*_CLUB, 'وزاد العقيل أن مصروفات النادي تبلغ خمسة ملايين ريال شهريا.']
    assert _shown(paras)[0][0] == "رئيس النادي العاصمي أحمد العقيل"


def test_no_name_when_two_are_set_before_the_title_or_the_surname_is_written_once() -> None:
    # Guards: two presidents of clubs; the surname never written again.
    two = [_CLUB[0], 'والتقى خالد البلطان، رئيس نادي الهلال، بالوفد.', _CLUB[1],
           'وزاد العقيل والبلطان أن المصروفات كبيرة.']
    assert _shown(two)[0][0] == "رئيس النادي العاصمي"
    assert _shown(_CLUB)[0][0] == "رئيس النادي العاصمي"
