"""F43: the wrong speakers seed 39's reading found (session 23), on invented sentences.

Each test named for a fix fails on the tree before F43 (a952178); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes


def _speakers(paragraphs: list[str]) -> list[str]:
    return [c.speaker for c in find_quotes(paragraphs)]


# --- «إصدار نفي واضح قال فيه:»: the denial's adjective is nobody who speaks (2513) ----------

def test_an_indefinite_adjective_alone_is_no_speaker() -> None:
    para = ('ما دفع المتحدث باسم الوزير إلى إصدار نفي واضح قال فيه: "كنت للتو مع الرئيس في مكتبه'
            ' وقال لي إن الخبر كاذب".')
    assert "واضح" not in _speakers([para])


# --- «وأكد متحدث باسم الشركة تلقي الشركة للرسالة وقال إنها»: the receipt is the object (5953)

def test_a_receipt_confirmed_is_no_part_of_the_name() -> None:
    para = ('وأكد متحدث باسم الشركة تلقي الشركة للرسالة وقال إنها تدرسها لكنه لم يقل إن كان المدير'
            ' سيوافق على الحضور.')
    assert _speakers([para])[0] == "متحدث باسم الشركة"


# --- «وقال باخشوينعقب تدريبات»: a typo glued «عقب» to the name (6069) -------------------------

def test_a_glued_after_ends_the_name() -> None:
    para = ('وقال المدربعقب تدريبات يوم السبت: لا يجب أن ننظر لنتائج المواجهات الودية، ولكن إلى'
            ' تطبيق الأمور التي يقوم بها اللاعبون.')
    assert _speakers([para]) == ["المدرب"]


def test_a_word_of_the_root_stays() -> None:
    # Guard: «المتعقب» is a word («the tracker»), not a name with «عقب» glued to it.
    para = 'وقال المتعقب الرسمي للأرقام إن العدد ارتفع إلى مئة وعشرين حالة في الأسبوع الماضي.'
    assert _speakers([para]) == ["المتعقب الرسمي للأرقام"]


# --- «رجل يدعى X، تذهب بعض الروايات إلى أنه»: «يدعى» names a man, no claim of his (3654) -----

def test_is_called_before_a_name_is_no_claim() -> None:
    para = ('تعود شخصية الرجل إلى شاعر يدعى عمرو بن سالم، تذهب بعض الروايات إلى أنه ولد في القرن'
            ' الأول، وكان أبوه من موالي الأمويين.')
    assert "عمرو بن سالم" not in _speakers([para])


def test_a_name_set_off_after_a_verb_of_saying_stays() -> None:
    # Guard (holdout gold): after «وقال» the name «ويدعى X (26 عاما)،» is the speaker's own.
    para = 'وقال المسلح، ويدعى سامر خليل (26 عاما)، إنه يقاتل لصالح التنظيم منذ عامين.'
    assert _speakers([para]) == ["المسلح"]


def test_a_claim_keeps_its_clause() -> None:
    # Guard: «يدعي أن» (claims) with its clause stays a cue.
    para = 'ويدعي الوزير أن الحكومة أنجزت كل وعودها خلال العام الماضي رغم الأزمة الاقتصادية.'
    assert _speakers([para]) == ["الوزير"]


# --- «وأكد لوكالة فرانس برس مسؤول في الوزارة أن»: the medium told, then the subject (F42's left)

def test_an_indefinite_medium_name_then_the_subject() -> None:
    para = 'وأكد لوكالة فرانس برس مسؤول في الوزارة أن المفاوضات ستستأنف الأسبوع المقبل في جنيف.'
    assert _speakers([para]) == ["مسؤول في الوزارة"]
    para2 = 'وقال لوكالة رويترز مصدر أمني إن المهاجمين فروا باتجاه الحدود بعد الهجوم على الحاجز.'
    assert _speakers([para2]) == ["مصدر أمني"]


def test_a_speaker_before_the_medium_stays() -> None:
    # Guard: the subject written before the medium told is the speaker.
    para = 'وقال مسؤول لوكالة رويترز إن المفاوضات ستستأنف الأسبوع المقبل في جنيف.'
    assert _speakers([para]) == ["مسؤول"]


# --- «وأن "على X" أن يدركا»: the marks hold only the «on X» of «على X أن يفعل» (2649) -----------

def test_marks_around_on_x_before_its_an_are_no_quote() -> None:
    para = ('وأكد الوزير أن "على الحكومة كلها وبكل أجهزتها" أن تتحرك فورا لوقف الانهيار'
            ' الاقتصادي.')
    assert not any(t.startswith("على الحكومة كلها") for _, t in
                   [(c.speaker, c.text) for c in find_quotes([para])])


def test_on_x_with_its_an_inside_the_marks_stays() -> None:
    # Guard: the whole «على X أن …» inside the marks is a statement.
    para = 'وقال الوزير: "على الحكومة أن تتحرك فورا لوقف الانهيار الاقتصادي في البلاد".'
    assert _speakers([para]) == ["الوزير"]


# --- «وطالب رئيس حكومة الإقليم الشركة بأن»: a firm urged after a definite word (F41's left) ----

def test_a_firm_after_a_definite_word_is_the_one_urged() -> None:
    para = 'وطالب رئيس حكومة الإقليم الشركة بأن تدفع الضرائب المتأخرة عليها منذ سنوات طويلة.'
    assert _speakers([para]) == ["رئيس حكومة الإقليم"]


def test_a_firm_in_a_title_stays() -> None:
    # Guard: «رئيس مجلس إدارة الشركة»: the firm after an indefinite word is the title's own.
    para = 'وقال رئيس مجلس إدارة الشركة إن الأرباح ارتفعت بنسبة كبيرة خلال العام الماضي.'
    assert _speakers([para]) == ["رئيس مجلس إدارة الشركة"]


# --- «فإن أشعب سوف يعتبر …»: «سوف» ends a subject, as «قد» does (3654: «— أشعب سوف») --------

def test_sawfa_is_no_part_of_a_name() -> None:
    paragraphs = [
        'وإذا ذكر العصر العباسي وأخباره، فإن أشعب سوف يعتبر من الشخصيات البارزة في المخيال'
        ' الجمعي، من خلال قصصه ونوادره.',
        'ويقال إنه كان خال الشاعر الأصمعي، الذي وصفه قائلا: "إني أرى الشيطان ليتمثل على صورتك"،'
        ' وترد هذه القصة في كتب كثيرة.',
    ]
    assert not any(s.endswith("سوف") for s in _speakers(paragraphs))


# --- «وأضاف الأمين للموقع قائلا»: one definite word told the medium (2649: «— الأمين للموقع») --

def test_one_definite_word_told_the_medium() -> None:
    para = ('وأضاف الأمين للموقع قائلا حول مستقبل لبنان السياسي: "كنا نود أن يكون لبنان بعيدا عن'
            ' التأثر بالحرب في سوريا".')
    assert _speakers([para]) == ["الأمين"]


def test_a_fuller_title_keeps_its_medium() -> None:
    # Guard: «المدير العام للقناة» is the channel's director.
    para = 'وقال المدير العام للقناة إن البث سيستأنف غدا بعد إصلاح الأعطال الفنية في المحطة.'
    assert _speakers([para]) == ["المدير العام للقناة"]


# --- «…، وذلك بحسب الإحصائيات»: the writer's source after the clause (corpus diff, 2789) -------

def test_and_that_according_to_ends_the_reported_clause() -> None:
    para = ('وقال المتحدث باسم الوزارة إن ألف منشأة اشتركت في البرنامج خلال العام، وذلك بحسب'
            ' الإحصائيات الأخيرة للبرنامج.')
    texts = [c.text for c in find_quotes([para])]
    assert texts and all("الإحصائيات" not in t for t in texts)


def test_and_that_for_a_reason_stays() -> None:
    # Guard: «وذلك بسبب …» may be the speaker's own reason; the clause keeps it.
    para = ('وقال المتحدث باسم النادي إن اللاعب لم يشارك في التدريبات، وذلك بسبب الإصابة التي'
            ' تعرض لها في المباراة الأخيرة.')
    assert any("بسبب الإصابة" in c.text for c in find_quotes([para]))


def test_wa_is_called_set_off_keeps_its_reading() -> None:
    # Guard (corpus diff, 6119): «أحد الناجين، ويدعى X، أخبر … أن»: the name is the subject's.
    para = ('أحد الناجين، ويدعى سامي فريد، أخبر الحاضرين خلال المسيرة أن الجهود لن تتوقف عند'
            ' انتهاء المسيرة.')
    assert _speakers([para]) == ["سامي فريد"]


# --- «وأعلن العراق الانتصار على …»: the victory declared is the object (corpus diff, 1738) ----

def test_the_victory_declared_is_no_part_of_the_name() -> None:
    paragraphs = [
        'وأعلن العراق الانتصار على التنظيم في ديسمبر الماضي بعد طرد مقاتليه من المدن الكبرى.',
        'ونقلت وكالة رويترز تصريحا لوزارة الخارجية يشير إلى أن السلطات سلمت روسيا أربع نساء.',
    ]
    assert "العراق الانتصار" not in _speakers(paragraphs)
