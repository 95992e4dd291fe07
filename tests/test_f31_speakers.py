"""F31 (seed 31's reading): the wrong and misread speakers of its lines, on invented sentences.

Each test named for a fix fails on the tree before F31 (the speaker or cut it asserts away was
shown); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes, key_quotes
from digests.speech import cue_of


def _found(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in find_quotes(paragraphs)]


def _speakers(paragraphs: list[str]) -> list[str]:
    return [q.speaker for q in key_quotes(paragraphs, "")]


def test_the_truth_after_a_clause_is_the_writers() -> None:
    # A column: «قال لك استقلت …» is an imagined voice; «الحقيقة أنه …» is the writer's claim.
    para = ('لا تصدق أي مسؤول قال لك استقلت حين شعرت بعدم القدرة على خدمة الناس، الحقيقة أنه'
            ' أقيل من منصبه بسبب الأخطاء الكثيرة.')
    assert _found([para]) == []


def test_the_truth_right_after_the_speaker_is_his() -> None:
    para = 'وأكد المدرب عقب المباراة، الحقيقة أن الفريق لعب جيدا أمام منافس قوي.'
    assert [s for s, _ in _found([para])] == ["المدرب"]


def test_an_adjective_of_a_statement_is_no_speaker() -> None:
    # «تؤكد» is the club management's (feminine); «رسمي» describes the statement.
    para = ('وتغيب المهاجم عن ثلاث حصص تدريبية، ما دفع إدارة النادي إلى إصدار بيان رسمي تؤكد'
            ' بأنه سيعاقب على الغياب وفق اللوائح.')
    assert "رسمي" not in [s for s, _ in _found([para])]
    # The management is not read as the statement's author yet: no line, rather than a wrong
    # one (F33, item 3: the positive half).
    assert _found([para]) == []


def test_a_body_described_by_its_aim_ends_before_the_verb() -> None:
    para = ('وقالت جمعية بريطانية تهدف لحماية المستهلكين من الاحتيال، إن "الإعلانات المضللة'
            ' تنتشر بسرعة كبيرة على الشبكات".')
    assert [s for s, _ in _found([para])] == ["جمعية بريطانية"]


def test_required_is_not_demanding() -> None:
    # «مطالب بهز الشباك» (required to score) opens no speech: the reports' clause goes on.
    para = ('وذكرت تقارير صحفية أن أهمية اللقاء تكمن في أن "الساحر" مطالب بهز شباك المنافس، لأسباب'
            ' كثيرة نذكرها هنا:')
    texts = [t for _, t in _found([para])]
    assert texts and "مطالب بهز شباك المنافس" in texts[0]
    # The whole line: the reports' clause, closed at the writer's «، لأسباب …» (F33, item 3).
    assert _found([para]) == [
        ("تقارير صحفية", 'أهمية اللقاء تكمن في أن "الساحر" مطالب بهز شباك المنافس')]


def test_bare_required_is_no_cue_but_demanding_is() -> None:
    assert cue_of("مطالبا")[1] == ("part", "m") and cue_of("مطالبة")[1] == ("part", "f")
    assert cue_of("مطالب")[1] is None


def test_an_affiliated_agency_without_its_owner_ends_before_the_adjective() -> None:
    para = ('وقالت وكالة صدى التابعة لحزب #الوحدة_الوطنية إن المسلحين أزالوا صور الرئيس الراحل من'
            ' المتحف.')
    assert [s for s, _ in _found([para])] == ["وكالة صدى"]


def test_the_accused_of_an_accusation_is_no_speaker() -> None:
    para = ('وعقد المجلس اجتماعا للرد على اتهام الحكومة بأنها "غائبة" عن المنطقة منذ سنوات.')
    assert "الحكومة" not in [s for s, _ in _found([para])]
    assert _found([para]) == []  # the accuser is not named: nobody speaks here (review RB)


def test_an_accusation_by_its_author_still_speaks() -> None:
    para = 'وتصاعد التوتر بعد اتهامات واشنطن بأن موسكو تنتهك التزاماتها الدولية.'
    assert [s for s, _ in _found([para])] == ["واشنطن"]


def test_a_national_paper_is_the_one_paper_named_before() -> None:
    # F30's left (113): «جريدة "…"» named without its nationality, then «الصحيفة البريطانية».
    paras = ['ونشرت جريدة "مورنينغ ستار" الخبر صباح اليوم على صفحتها الأولى.',
             'وقالت الصحيفة البريطانية إن "العمال لم يبلغوا بالقرار حتى الآن رغم اقتراب الموعد".']
    assert _speakers(paras) == ['جريدة "مورنينغ ستار"']


def test_a_national_paper_stays_bare_when_two_papers_were_named() -> None:
    paras = ['ونشرت جريدة "مورنينغ ستار" الخبر صباح اليوم، كما نشرته صحيفة "ديلي ميرور".',
             'وقالت الصحيفة البريطانية إن "العمال لم يبلغوا بالقرار حتى الآن رغم اقتراب الموعد".']
    assert _speakers(paras) == ["الصحيفة البريطانية"]


def test_a_group_is_the_name_it_is_called() -> None:
    # F30's left (4155): «والمجموعة … تدعى "…"» then «وقالت المجموعة إن».
    paras = ['والمجموعة التي نشرت الصور تدعى "أصدقاء الفضاء" وهي منظمة تهتم بالظواهر الغريبة.',
             'وقالت المجموعة إن الصور التقطتها طائرة عسكرية خلال تدريب فوق المحيط العام الماضي.']
    assert _speakers(paras) == ['مجموعة "أصدقاء الفضاء"']


def test_a_company_is_the_topic_its_sentence_opens_on() -> None:
    # F30's left (1272): «بالنسبة إلى "إل جي"، مثلا، أعلنت الشركة عن …».
    para = ('بالنسبة إلى "نوكيا"، مثلا، أعلنت الشركة أنها ستطرح هاتفا جديدا بكاميرا مزدوجة في'
            ' الربيع المقبل.')
    assert _speakers([para]) == ['شركة "نوكيا"']


def test_a_company_without_a_topic_stays_bare() -> None:
    para = 'وأعلنت الشركة أنها ستطرح هاتفا جديدا بكاميرا مزدوجة في الربيع المقبل.'
    assert _speakers([para]) == ["الشركة"]


def test_the_grounds_of_a_charge_are_no_quote() -> None:
    # F30's left (6543): «اتهم X Y بتبني "…" بسبب "…"»: the writer's sentence, not a statement.
    para = ('واتهم الوزير المعارضة بتبني "خطاب الكراهية" بسبب "تحريضها المستمر ضد المؤسسات الرسمية'
            ' في البلاد منذ سنوات".')
    assert not [t for _, t in _found([para]) if t.startswith("تحريضها")]
    assert _found([para]) == []  # the charge is the writer's report: no line at all (F33)


def test_marks_after_a_compound_preposition_leave_the_clause_the_statement() -> None:
    # F30's left (2802): «… تأتي على خلفية "…"» inside the expert's clause.
    para = ('وأكد الخبير الاقتصادي أن "الرسوم الجديدة" التي تريد الحكومة فرضها "لن تفيد أحدا في'
            ' النهاية" تأتي على خلفية "تراجع كبير في الصادرات الوطنية خلال العامين الماضيين".')
    found = _found([para])
    assert found and found[0][0] == "الخبير الاقتصادي"
    assert found[0][1].startswith('"الرسوم الجديدة"')


def test_marks_left_open_after_a_verbal_noun_close_with_the_clause() -> None:
    # Seed 31, 4486: «على محاسبة "كل من …» and no closing mark: the clause is the statement.
    para = ('وأكد المتحدث أن الحكومة ستعمل على ملاحقة "كل من يثبت تورطه في الفساد المالي والإداري'
            ' داخل المؤسسات العامة.')
    assert _found([para]) == [(
        "المتحدث", 'الحكومة ستعمل على ملاحقة "كل من يثبت تورطه في الفساد المالي والإداري داخل'
        ' المؤسسات العامة"')]


def test_all_after_a_verb_stays_a_quote() -> None:
    para = ('وذكر المتحدث أن "المستشفيات تحظى بحماية خاصة"، مؤكدا أن المنظمة تدعو "كل الأطراف في'
            ' البلاد إلى وقف هذه الهجمات فورا".')
    assert ("المتحدث", "كل الأطراف في البلاد إلى وقف هذه الهجمات فورا") in _found([para])


def test_what_a_message_held_is_no_speaker() -> None:
    # QA39 #28: «لكن محتوى الرسالة يكشف عن أنها …» is the writer's inference.
    para = ('كان من المتوقع أن يكون المدرب قد أعطى اللاعب تعليمات فنية، لكن محتوى الورقة يكشف عن'
            ' أنها كانت رسالة تحفيزية قبل نهاية المباراة.')
    assert not [s for s, _ in _found([para]) if s.startswith("محتوى")]
    assert _found([para]) == []  # nobody is quoted in the writer's inference (F33)


def test_the_warned_inside_a_statement_is_no_speaker() -> None:
    # QA39 #4: «…، وحذرت الحكومات …، بأنها ستتعرض …» goes on the officials' statement.
    para = ('وقال المسؤولون إن البلاد شكلت فريقا لمراقبة الانتخابات المقبلة، وحذرت الشركات في كل'
            ' أنحاء العالم، بما فيها شركات حليفة، بأنها ستتعرض لعقوبات في حال تعاملت مع الجيش.')
    assert [s for s, _ in _found([para])] == ["المسؤولون"]


def test_a_warning_by_its_subject_inside_a_statement_still_speaks() -> None:
    para = ('وقال المسؤولون إن البلاد شكلت فريقا لمراقبة الانتخابات المقبلة، وحذرت الأمم المتحدة من'
            ' أن التدخل في الانتخابات يهدد الاستقرار في المنطقة.')
    assert "الأمم المتحدة" in [s for s, _ in _found([para])]
    # Both lines, each with its own clause (F33, item 3: the positive half).
    assert _found([para]) == [
        ("المسؤولون", "البلاد شكلت فريقا لمراقبة الانتخابات المقبلة"),
        ("الأمم المتحدة", "التدخل في الانتخابات يهدد الاستقرار في المنطقة")]


def test_the_writers_we_list_closes_the_clause() -> None:
    # Seed 31, 834: «…، لأسباب عديدة نذكر أبرزها:» is the writer's, before a list.
    para = ('وذكرت تقارير صحفية أن المدرب مطالب بالفوز في المباراة المقبلة، لأسباب كثيرة نستعرض'
            ' أهمها:')
    assert _found([para]) == [("تقارير صحفية", "المدرب مطالب بالفوز في المباراة المقبلة")]


def test_a_body_named_with_its_own_lam_keeps_it() -> None:
    # Seed 31, 2920: «رئيس المجلس الأعلى لتنظيم الإعلام» was cut at «لتنظيم».
    para = 'وقال رئيس المجلس الأعلى لتنظيم الإعلام إن القرار نهائي ولا رجعة فيه بعد المراجعة.'
    assert [s for s, _ in _found([para])] == ["رئيس المجلس الأعلى لتنظيم الإعلام"]


def test_a_group_told_after_the_verb_is_no_part_of_a_name() -> None:
    para = 'وقال الوزير لتنظيم الدولة إن الحرب انتهت وإن عليهم تسليم السلاح فورا.'
    assert "لتنظيم" not in " ".join(s for s, _ in _found([para]))
    assert [s for s, _ in _found([para])] == ["الوزير"]  # the statement stays his (review RB)


def test_a_second_title_cut_after_its_and_is_dropped() -> None:
    para = ('وطالب رئيس اللجنة العليا لتنظيم الانتخابات ونقيب الصحفيين بالإفراج عن الموقوفين'
            ' باعتبار أنهم لم يرتكبوا أي مخالفة.')
    assert [s for s, _ in _found([para])] == ["رئيس اللجنة العليا لتنظيم الانتخابات"]
