"""F37 (seed 35's reading): who said it, on invented sentences.

Each test named for a fix fails on the tree before F37 (42b399a, with review RG's 6192682: the
garbled or wrong speaker it asserts away was found); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes
from digests.speaker_checks import plausible_speaker


def _found(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in find_quotes(paragraphs)]


def _speakers(paragraphs: list[str]) -> list[str]:
    return [s for s, _ in _found(paragraphs)]


# --- «ب» + a verbal noun after a name is the verb's object (4488) ---------------------------

def test_a_verbal_noun_after_b_is_no_part_of_the_name() -> None:
    # 4488: «وطالبت ميترا بوقف أي تعامل …» was shown «— ميترا بوقف».
    para = ('وطالبت سلمى بوقف أي تعامل تجاري مع الشركة قائلةً: "إن أي نشاط تجاري معها يصب في'
            ' مصلحة المحتكرين".')
    assert _speakers([para]) == ["سلمى"]
    para2 = 'وطالب كريم بإطلاق سراح المعتقلين قائلا: "لا يجوز أن يبقوا في السجن يوما آخر".'
    assert _speakers([para2]) == ["كريم"]


def test_a_name_in_b_still_goes_on() -> None:
    # Guard: «شيروان بري», «بشار» are names, not «ب» + a verbal noun.
    para = 'وقال شيروان بري "تعرضت المدينة لقصف كثيف خلال النهار".'
    assert _speakers([para]) == ["شيروان بري"]


# --- «رحب X بتأكيدات Y أن …»: the clause is Y's (5033) -----------------------------------------

def test_the_assurances_welcomed_are_the_assurers_words() -> None:
    # 5033: «ورحبت الفيدرالية بتأكيدات الشرطة البريطانية أنها تحقق …» was shown «بحسب
    # الفيدرالية بتأكيدات الشرطة البريطانية، …».
    para = ('ورحبت الجمعية بتأكيدات الشرطة الفرنسية أنها تحقق بجدية بالغة في الحادث، وتأمل في'
            ' الوصول إلى الفاعلين بأسرع وقت.')
    assert _speakers([para]) == ["الشرطة الفرنسية"]


def test_statements_made_are_still_the_speakers() -> None:
    # Guard: «أدلى X بتصريحات صحفية قال فيها …»: the means, the subject speaks.
    para = 'وقال الوزير بتصريحات للصحفيين إن الحكومة ستخفض الضرائب العام المقبل.'
    assert _speakers([para]) == ["الوزير"]


# --- an indefinite verbal noun opens an act, not a voice (5112) -------------------------------

def test_a_verbal_noun_is_no_speaker() -> None:
    # 5112: «مع بدء الرئيس اتخاذ خطوات أكثر جرأة يقول إنها ضرورية» was shown «بحسب بدء الرئيس
    # اتخاذ خطوات أكثر جرأة، فإنها ضرورية …».
    para = ('ويأتي الخلاف بين الطرفين مع بدء الحكومة اتخاذ إجراءات أكثر صرامة يقول إنها ضرورية'
            ' لحماية الاقتصاد.')
    assert not any(s.startswith("بدء") for s in _speakers([para]))
    assert not plausible_speaker("بدء الرئيس اتخاذ خطوات")
    assert not plausible_speaker("وقف إطلاق النار")


def test_a_body_named_by_a_verbal_noun_still_speaks() -> None:
    # Guard: «تنظيم الدولة», «مقاطعة كيبيك» head a body's name.
    assert plausible_speaker("تنظيم الدولة الإسلامية")
    assert plausible_speaker("مقاطعة كيبيك")
    para = 'وقال تنظيم الدولة الإسلامية في بيان إنه نفذ الهجوم.'
    assert _speakers([para]) == ["تنظيم الدولة الإسلامية"]


# --- a verb after «بعد أن» after the marks is no attribution (5033) ---------------------------

def test_a_time_clause_after_the_marks_names_no_speaker() -> None:
    # 5033: «كما أبدت الفيدرالية "قلقها البالغ …"، وذلك بعد أن أشارت تقارير إلى …» was shown
    # «… — تقارير».
    para = ('كما أبدت الرابطة "قلقها البالغ إزاء مثل هذه الجرائم أيا تكن الدولة التي تقع فيها"،'
            ' وذلك بعد أن أشارت تقارير إلى احتمال أن يكون الاعتداء مدفوعا بالكراهية.')
    assert not any(s == "تقارير" and t.startswith("قلقها") for s, t in _found([para]))


def test_an_attribution_after_the_marks_still_speaks() -> None:
    # Guard: «"…"، قال الوزير» names the speaker after the marks.
    para = '"سنعيد بناء كل ما تهدم في أقرب وقت ممكن"، قال الوزير للصحفيين أمس.'
    assert _speakers([para]) == ["الوزير"]


# --- «حسبما توضح X» names the one a later bare «وقالت» means (dev holdout3) ------------------

def test_as_x_explains_names_the_next_bare_speaker() -> None:
    # BB-economy-13 (dev gold, holdout3): «…، حسبما توضح إيرين غيبس من مؤسسة …» then «وقالت
    # "…"» was shown «— رفع سعر الفائدة أكثر» (an act read as a subject in a paragraph before).
    paras = ['أما الآن فهم يتوقعون رفع سعر الفائدة أكثر من هذا.',
             'وجاء تراجع المؤشرات مع بيع الأسهم، حسبما توضح سارة غيبسون من مؤسسة التحليل المالي.',
             'وقالت "هذا ليس انهيارا للاقتصاد. لا يوجد خوف من تعثر أداء الأسواق".']
    assert _speakers(paras) == ["سارة غيبسون"]


def test_as_a_paper_relayed_names_no_next_speaker() -> None:
    # Guard: «حسبما نقلت صحيفة …» relays; a later bare «وقال» is not the paper.
    paras = ['وقال الوزير إن الحكومة ستخفض الضرائب، حسبما نقلت صحيفة الأيام.',
             'وأضاف "لن نرفع الأسعار هذا العام".']
    assert _speakers(paras)[-1] == "الوزير"


def test_as_sources_said_names_no_next_speaker() -> None:
    # Guard (dev holdout7, SK-internationalNews-473): «…، حسبما قالت مصادر مطلعة لـ"رويترز"»
    # relays; the defenders' «يحذرون من أن …» later is not the sources'.
    paras = ['يسعى الرئيس إلى تيسير تصدير الطائرات المسيرة، حسبما قالت مصادر مطلعة لـ"رويترز".',
             'إلا أن المدافعين عن حقوق الإنسان يحذرون من أن ذلك يجازف بتغذية العنف في المنطقة.']
    assert "مصادر مطلعة" not in _speakers(paras)


def test_his_candidacy_is_no_speaker() -> None:
    # corpus_dev 5882: «… كان قد أعلن ترشحه عن الانتخابات» then marks with no cue read were
    # shown «— ترشحه» (the possessed object of «أعلن», remembered as a speaker).
    paras = ['وأثار التوقيف تساؤلات، لاسيما أن الرجل كان قد أعلن ترشحه عن الانتخابات المقبلة.',
             'و"بعد خروج المستأجر من الشقة، تم ضبط كمية من المخدرات في هذا المكان"، حسب ما أضاف'
             ' بيان المكتب الإعلامي.']
    assert "ترشحه" not in _speakers(paras)
