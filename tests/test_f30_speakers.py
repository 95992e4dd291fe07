"""F30 (seed 30's reading): the wrong and misread speakers of its lines, on invented sentences.

Each test named for a fix fails on the tree before F30 (the speaker it asserts away was shown);
the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes, key_quotes


def _found(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in find_quotes(paragraphs)]


def _speakers(paragraphs: list[str]) -> list[str]:
    return [q.speaker for q in key_quotes(paragraphs, "")]


def test_other_after_a_noun_is_no_speaker() -> None:
    # «أخرى» describes «رسالة»: the writer's comment after the quote names nobody.
    para = ('وودّع المدرب جماهير ناديه بكلمات قصيرة «سنعود أقوى في الموسم المقبل بإذن الله»، هذه'
            ' رسالة أخرى تدعو إلى الصبر على الفريق الشاب.')
    assert "أخرى" not in [s for s, _ in _found([para])]


def test_another_official_still_speaks() -> None:
    paras = ['وقال مسؤول أميركي إن الاجتماع سيعقد الأسبوع المقبل في العاصمة.',
             'في حين قال آخر إن موعد الاجتماع لم يحدد بعد بشكل نهائي.']
    assert [s for s, _ in _found(paras)] == ["مسؤول أميركي", "مسؤول آخر"]


def test_causes_is_not_spoke() -> None:
    para = ('ووجدت تجربة جديدة، أن المشروبات الثلاثة تحدث أثرا متقاربا في ضغط الدم، ولذلك لا يجدر'
            ' بالمرضى أن يغيروا علاجهم الحالي قبل استشارة الطبيب.')
    assert "أثرا متقاربا" not in [s for s, _ in _found([para])]


def test_spoke_about_still_speaks() -> None:
    para = ('وتحدث الوزير عن الخطة الجديدة، وقال إن الحكومة ستبدأ تنفيذها في الربع الأول من'
            ' العام المقبل.')
    assert [s for s, _ in _found([para])] == ["الوزير"]


def test_that_of_a_time_clause_set_off_is_not_the_cues() -> None:
    # «يستبعد X» (rules X out) with «أن» only inside «، خصوصا بعد أن أثبت Y أنهما …».
    para = ('ولا يوجد مدرب في العالم يستبعد أفضل مهاجمين لديه، خصوصا بعد أن أثبت سالم وراشد أنهما'
            ' في أفضل حالاتهما البدنية هذا الموسم.')
    assert not [s for s, _ in _found([para]) if s == "أفضل مهاجمين لديه"]


def test_said_after_a_meeting_still_speaks() -> None:
    para = ('وقال الوزير، بعد أن التقى نظيره الفرنسي في باريس، إن البلدين سيوقعان اتفاقا جديدا'
            ' للتعاون في مجال الطاقة.')
    assert _found([para]) == [("الوزير", "البلدين سيوقعان اتفاقا جديدا للتعاون في مجال الطاقة")]


def test_or_that_is_the_writers_alternative() -> None:
    # The officials said «technical»; «أم أنه تأديبي» is the writer's question, not theirs.
    para = ('ولا يعرف الجمهور هل كان القرار فنيا كما صرح به مسؤولو النادي، أم أنه عقوبة على ما'
            ' حدث بعد المباراة النهائية الأخيرة.')
    assert not [t for s, t in _found([para]) if "عقوبة" in t]


def test_relative_clause_voice_of_another_gender_is_not_the_participles() -> None:
    paras = ['وقال الوزير في كلمته أمام المؤتمر إن بلاده لن تتراجع عن موقفها.',
             'وكان الوزير يحمل أثناء المؤتمر صورة للمبنى الذي تقول الشرطة إنه تعرض للهجوم،'
             ' ووجه حديثه إلى الصحفيين، متسائلا: "هل تعرفون ما هذا؟ إنه دليل على كل ما قلناه'
             ' منذ البداية".']
    direct = [s for s, t in _found(paras) if t.startswith("هل تعرفون")]
    assert direct == ["الوزير"]


def test_relative_clause_voice_of_the_same_gender_goes_on() -> None:
    # «مشيدة» agrees with «وسائل الإعلام» of the relative clause: the media praised him.
    para = ('إنه اللاعب الشاب الذي تحدثت عنه وسائل الإعلام المحلية، مشيدة بقدراته ومؤكدة أنه'
            ' سيكون من أفضل اللاعبين في البطولة المقبلة.')
    assert [s for s, _ in _found([para])] == ["وسائل الإعلام المحلية"]


def test_title_place_then_ranked_name() -> None:
    para = ('وأكد الخبير الكويتي في الاقتصاد الدولي الدكتور سالم العتيبي أن "الرسوم الجديدة لن'
            ' تكون في صالح أي طرف في هذه المرحلة الصعبة".')
    assert [s for s, _ in _found([para])] == ["الخبير الكويتي الدكتور سالم العتيبي"]


def test_title_place_then_name_before_whom_he_told() -> None:
    para = ('وقال أمين سر الحركة في المدينة سامر خليل لـ"العربية.نت" إن المدينة ومقدساتها ستبقى'
            ' كما هي دائما.')
    assert [s for s, _ in _found([para])] == ["أمين سر الحركة سامر خليل"]


def test_title_in_a_marked_medium_keeps_it() -> None:
    para = ('وقالت المحررة في "واشنطن بوست" سارة جونز إن الصحيفة ستنشر التحقيق كاملا الأسبوع'
            ' المقبل.')
    assert [s for s, _ in _found([para])] == ['المحررة في "واشنطن بوست" سارة جونز']


def test_title_place_then_a_time_is_no_name() -> None:
    paras = ['وقال المدرب في المؤتمر الصحفي عقب المباراة إن الفريق قدم أداء جيدا رغم الخسارة.',
             'وقال الوزير في المؤتمر الصحفي المشترك اليوم إن البلدين سيوقعان الاتفاق قريبا.']
    assert [s for s, _ in _found(paras)] == ["المدرب", "الوزير"]


def test_li_opens_a_korean_name() -> None:
    para = ('وقالت لي مين-جو، التي غادرت البلاد مع أسرتها عام 2005، "النظام لا يقول الحقيقة أبدا'
            ' وعلى العالم أن يعرف ذلك".')
    assert [s for s, _ in _found([para])] == ["لي مين-جو"]


def test_li_before_a_name_and_title() -> None:
    para = ('وعلقت لي مينغيو النائبة عن إقليم سيتشوان قائلة إن "الإصلاح الدستوري ضروري لمستقبل'
            ' البلاد كلها".')
    assert [s for s, _ in _found([para])][0].startswith("لي مينغيو")


def test_li_to_me_stays_the_addressee() -> None:
    para = 'وقال لي صديق إن "الوضع في المدينة أصبح صعبا جدا بعد إغلاق جميع الطرق المؤدية إليها".'
    assert [s for s, _ in _found([para])] == ["صديق"]


def test_still_is_no_part_of_the_subject() -> None:
    para = ('وبحسب الصحيفة، فإن نقاشا دار بين المدرب واللاعب، حيث لا يزال المدير الفني يرى أن'
            ' اللاعب أحد الأعمدة المهمة في الفريق.')
    assert [s for s, _ in _found([para])] == ["المدير الفني"]


def test_the_act_criticised_is_no_speaker() -> None:
    paras = ['وقال المدير إن اللاعب "يحتاج إلى فترة راحة طويلة، ويجب أن يعرض على طبيب مختص".',
             'وانتقد تأجيل تنفيذ القرار الأخير من اللجنة، قائلا إنه كان يجب أن يطبق فورا على جميع'
             ' الأندية.']
    assert [s for s, _ in _found(paras)] == ["المدير", "المدير"]


def test_a_report_criticising_still_speaks() -> None:
    para = 'وانتقد تقرير الهيئة أداء الحكومة، قائلا إن الخطة فشلت في تحقيق أهدافها المعلنة.'
    # (its object «أداء» still runs into it: a known gap, not this rule's)
    assert [s.startswith("تقرير الهيئة") for s, _ in _found([para])] == [True]


def test_attribution_after_the_marks_is_where_it_was_read() -> None:
    paras = ['وقال مالك المطعم إن "الوجبة ستقدم مجانا طوال الموسم لكل الزبائن الذين يحضرون'
             ' المباراة".',
             'وأتم مالك المطعم "هي وجبة مثالية وغذاء رائع لكل لاعبي الفريق"، وفقا لوكالة'
             ' "سبوتنيك".']
    assert [s for s, _ in _found(paras)] == ["مالك المطعم", "مالك المطعم"]


def test_texts_before_cuts_the_quotes_paragraph() -> None:
    from digests.texts_before import texts_before
    paras = ["الأولى", "الثانية", "الثالثة هنا"]
    assert list(texts_before(paras, 2, 7)) == [(0, "الأولى"), (1, "الثانية"), (2, "الثالثة")]
    assert [pi for pi, _ in texts_before(paras, 2, 7, backward=True)] == [2, 1, 0]
    assert [pi for pi, _ in texts_before(paras, 2, 7, backward=True, depth=2)] == [2, 1]
    assert list(texts_before(paras, 0, 3, backward=True, depth=2)) == [(0, "الأ")]


def test_a_name_in_marks_after_the_verb_is_no_quote() -> None:
    para = 'وقال «المرصد الوطني لحقوق الإنسان» إن «القصف على البلدة مستمر منذ ساعات الصباح الأولى».'
    assert _found([para]) == [("المرصد الوطني لحقوق الإنسان",
                               "القصف على البلدة مستمر منذ ساعات الصباح الأولى")]


def test_a_documents_clause_is_the_statements_of_the_one_named() -> None:
    para = ('ولكن الحكومة قررت أن تغير هذا الوضع، إذ تضمن خطة العام المالي 2018 أن تدفع رواتب'
            ' الموظفين المدنيين في الإقليم، وفقا لتصريحات سالم الحسني، رئيس البرلمان، في مؤتمر'
            ' صحفي عقده أمس.')
    assert [s for s, _ in _found([para])] == ["سالم الحسني"]


def test_people_of_a_field_keep_it() -> None:
    para = 'ويرى مسؤولون في مجال التكنولوجيا والسيارات أن وقوع الحوادث أمر وارد في هذه المرحلة.'
    assert [s for s, _ in _found([para])] == ["مسؤولون في مجال التكنولوجيا والسيارات"]
    assert _speakers([para]) == ["مسؤولون في مجال التكنولوجيا والسيارات"]


def test_described_object_stays_after_a_bare_wasafat() -> None:
    # «وصفت» opens on its own «و»: the line keeps the verb and what was described.
    para = ('وصفت الحكومة اليمنية، الجمعة، الجماعة المسلحة، بأنها "مجرد أداة خارجية" لا يعنيها'
            ' معاناة المواطنين.')
    assert [t for _, t in _found([para])] == [
        'وصفت الحكومة اليمنية، الجمعة، الجماعة المسلحة، بأنها "مجرد أداة خارجية" لا يعنيها'
        ' معاناة المواطنين']


def test_whom_a_name_spoke_to_is_cut() -> None:
    paras = ['وتلقى بيل رسالة تشجيع من المدرب قبل المباراة. وقال المدرب إن بيل لاعب مهم في الفريق.',
             'وقال زيدان لبيل إنه "يتوقع منه الكثير في المباريات المقبلة"، مشددا على حاجة الفريق له.']
    assert "زيدان لبيل" not in [s for s, _ in _found(paras)]
    assert "زيدان" in [s for s, _ in _found(paras)]


def test_a_titles_genitive_stays() -> None:
    paras = ['وفاز توتنهام على منافسه. وقال لاعبو توتنهام إن الفوز مستحق.',
             'وقال ماوريسيو بوتشيتينو المدير الفني لتوتنهام إن "الفريق لعب بشكل رائع طوال المباراة".']
    assert "ماوريسيو بوتشيتينو المدير الفني لتوتنهام" in [s for s, _ in _found(paras)]
