"""F29 (QA39): whom «أبلغ» told is not the speaker; a surname alone shows the fuller name.

Invented sentences; each of the first four fails on the tree before F29 (speaker «كارلسون لجنة»,
«فيرنانديز محطة مدريد الإذاعية», «سانتوس», «مورنو»); the others guard what must stay.
"""

from __future__ import annotations

from digests.display_names import fuller_name, is_surname_alone, named_title
from digests.object_tails import others_cut, own_object_cut
from digests.quotes import find_quotes, key_quotes


def _speakers(paragraphs: list[str]) -> list[str]:
    return [q.speaker for q in key_quotes(paragraphs, "")]


def test_told_committee_is_not_the_speaker() -> None:
    para = ('وأبلغ كارلسون لجنة في مجلس النواب اليوم الخميس "الخطة التي وضعتها الحكومة ستخفض'
            ' الضرائب على الأسر الصغيرة خلال العام المقبل"، بحسب ما ورد في "رويترز".')
    assert [c.speaker for c in find_quotes([para])] == ["كارلسون"]


def test_told_station_is_not_the_speaker() -> None:
    para = ('وأبلغ فيرنانديز محطة مدريد الإذاعية: "نحن نشعر ببعض القلق لأن الفريق لم يتدرب'
            ' جيدا هذا الأسبوع بسبب الأمطار".')
    assert [c.speaker for c in find_quotes([para])] == ["فيرنانديز"]


def test_chair_of_a_committee_keeps_the_committee() -> None:
    para = ('وأبلغ رئيس لجنة الموازنة الصحفيين: "نحن نعمل على خطة جديدة لخفض العجز في'
            ' الموازنة العامة خلال العام المقبل".')
    assert [c.speaker for c in find_quotes([para])] == ["رئيس لجنة الموازنة"]


def test_surname_alone_takes_the_apposed_full_name() -> None:
    paras = ["التقى الرئيس الكولومبي، خوان مانويل سانتوس، وفدا من المعارضة في العاصمة بوغوتا.",
             'وقال سانتوس: "هذا الاتفاق خيار استراتيجي ولن يتغير بسبب حادث منفرد في وقت معين".']
    assert _speakers(paras) == ["خوان مانويل سانتوس"]


def test_surname_alone_takes_the_name_of_another_line() -> None:
    paras = ['وقال وزير المالية الكندي بيل مورنو إن الحكومة ستخفض الضرائب على الشركات الصغيرة'
             ' في الموازنة المقبلة.',
             'وأضاف مورنو: "نحن لا نريد أن نخسر الوظائف التي خلقناها خلال السنوات الثلاث'
             ' الماضية في كل المقاطعات".']
    assert "بيل مورنو" in _speakers(paras)
    assert "مورنو" not in _speakers(paras)


def test_two_fuller_forms_leave_the_surname() -> None:
    paras = ["واستقبل الرئيس، خوان سانتوس، الوزير، كارلوس سانتوس، في القصر يوم الأحد.",
             'وقال سانتوس: "هذا الاتفاق خيار استراتيجي ولن يتغير بسبب حادث منفرد في وقت معين".']
    assert _speakers(paras) == ["سانتوس"]


def test_only_bare_one_word_names_change() -> None:
    assert not is_surname_alone("الحكومة")
    assert not is_surname_alone("وزير الخارجية")
    assert fuller_name("الوزير", ["الوزير بيل مورنو"], []) == "الوزير"
    assert fuller_name("مورنو", ["وزير المالية الكندي بيل مورنو"], []) == "بيل مورنو"
    # After an indefinite word the run may hold a place («وزراء كندا جاستن ترودو»): unchanged.
    assert fuller_name("ترودو", ["رئيس وزراء كندا جاستن ترودو"], []) == "ترودو"
    assert fuller_name("ترودو", ["الرئيس الكندي جاستن ترودو"], []) == "جاستن ترودو"
    # A medium's head is no first name: «وكالة شينخوا» leaves «شينخوا».
    assert fuller_name("شينخوا", ["وكالة شينخوا"], []) == "شينخوا"


def test_share_far_from_its_clause_keeps_its_noun() -> None:
    para = ('ووفقا لمسح نشرت نتائجه أمس، قال 64 بالمئة من الأميركيين الذين تبلغ أعمارهم 18 عاما أو'
            ' أكثر أنهم احتسوا قدحا من القهوة في اليوم السابق لإجراء المسح.')
    assert [c.speaker for c in find_quotes([para])] == ["64 بالمئة من الأميركيين"]


def test_share_before_a_relative_speaks() -> None:
    para = ('وبلغ الاستهلاك المنزلي 79 بالمئة مقارنة بنحو 36 بالمئة من المشاركين الذين قالوا إنهم'
            ' تناولوا القهوة خارج بيوتهم خلال الأسبوع الماضي.')
    assert [c.speaker for c in find_quotes([para])] == ["36 بالمئة من المشاركين"]


def test_plain_relative_antecedent_unchanged() -> None:
    para = ('وأكد الخبراء الذين قالوا إنهم درسوا الملف أن الأرقام الجديدة تظهر تحسنا واضحا في'
            ' الاقتصاد خلال الربع الأول من العام.')
    assert all("بالمئة" not in c.speaker for c in find_quotes([para]))


def test_object_with_the_subjects_pronoun_is_cut() -> None:
    para = ('واختتمت سلمى أغنيتها بأنشودة وطنية قالت فيها "هذه الأرض لنا وستبقى لنا مهما طال'
            ' الزمن".')
    assert [c.speaker for c in find_quotes([para])] == ["سلمى"]
    assert own_object_cut("شفيق تراجعه") == "شفيق"


def test_title_with_its_own_noun_stays() -> None:
    assert own_object_cut("مدير مكتبه السياسي ياسر دلوان") == "مدير مكتبه السياسي ياسر دلوان"
    assert own_object_cut("كارل هاينز رومينيغه") == "كارل هاينز رومينيغه"
    assert own_object_cut("رئيس الشركة ومؤسسها مارك زوكربيرغ") == (
        "رئيس الشركة ومؤسسها مارك زوكربيرغ")


def test_reports_and_feminine_adjectives_are_not_objects() -> None:
    assert own_object_cut("بيان نشرته وكالة الأنباء السعودية") == "بيان نشرته وكالة الأنباء السعودية"
    assert own_object_cut("وسائل إعلام تركية") == "وسائل إعلام تركية"
    assert own_object_cut("مدير عام غرفة تجارة وصناعة دبي") == "مدير عام غرفة تجارة وصناعة دبي"


def test_a_clause_between_commas_is_no_name() -> None:
    assert fuller_name("ستيرن", [], ["وفي السياق، قال مايكل ستيرن، إن الموقف لم يتغير."]) == "ستيرن"
    assert fuller_name("بوتين", [], ["حسب التقديرات الأولية، فاز فلاديمير بوتين، بولاية"]) == "بوتين"
    assert fuller_name("جيجي", [], ["الغنائي البريطاني، ولا جيجي، وغيرهما"]) == "جيجي"


def test_spelled_medium_and_the_others_are_the_object() -> None:
    para = ('وفي كلمة أمام المجلس، انتقد وزير الخارجية المصري كمال حسن بي بي سي وغيرها من وسائل'
            ' الإعلام لما وصفه بأنه "الاعتماد على مصادر مختلقة لأغراض سياسية"، حسبما جاء في تغريدة.')
    assert [c.speaker for c in find_quotes([para])] == ["وزير الخارجية المصري كمال حسن"]
    assert others_cut("شكري وغيرها") == "شكري وغيرها"  # nothing certain to cut


def test_a_verbal_noun_is_no_first_name() -> None:
    speaker = "خافيير تيباس رئيس رابطة الدوري الإسباني تصرف بيكيه"
    assert fuller_name("بيكيه", [speaker], []) == "بيكيه"
    assert fuller_name("حسني", ["الفنان المصري تامر حسني"], []) == "تامر حسني"
    # A speaker that ends in a definite word has no name run at all.
    assert fuller_name("حسني", ["وزارة الداخلية المصرية", "الشرطة"], []) == "حسني"


def test_bare_title_shows_the_name_between_commas() -> None:
    paras = ['قالت وزيرة الصناعة الكندية، ماري نغ، اليوم الجمعة، إن الرسوم الجمركية الجديدة ستضر'
             ' بالتجارة بين البلدين وستدفع الأسعار إلى الارتفاع.']
    assert _speakers(paras) == ["وزيرة الصناعة الكندية ماري نغ"]


def test_bare_title_without_a_name_stays() -> None:
    assert named_title("وزير الخارجية", "وقال وزير الخارجية، طالبا عدم الكشف عن اسمه، إن") == (
        "وزير الخارجية")
    assert named_title("وزير الخارجية", "وقال وزير الخارجية، في مؤتمر صحفي، إن") == "وزير الخارجية"
