"""F40: the speaker cases session 22's readers left (F38, F39, QA59, Q40), on invented sentences.

Each test named for a fix fails on the tree before F40 (4c21768); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes, key_quotes


def _found(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in find_quotes(paragraphs)]


def _speakers(paragraphs: list[str]) -> list[str]:
    return [s for s, _ in _found(paragraphs)]


# --- «اتهم الوزير المعارضة بأنها»: the body after a definite title is the one accused (F38) ---

def test_a_body_after_a_definite_title_is_the_one_accused() -> None:
    para = 'واتهم الوزير المعارضة بأنها تعرقل عمل البرلمان منذ شهور طويلة.'
    assert _speakers([para]) == ["الوزير"]
    para2 = 'واتهم رئيس الوزراء الشرطة بأنها تقاعست عن حماية المتظاهرين في العاصمة.'
    assert _speakers([para2]) == ["رئيس الوزراء"]


def test_a_body_in_the_title_stays() -> None:
    # Guard: «قائد الجيش», «وزير الداخلية» keep their body; a nisba after the body is its own.
    para = 'واتهم قائد الجيش الحكومة بأنها أهملت الجنود على الحدود منذ سنوات.'
    assert _speakers([para]) == ["قائد الجيش"]
    para2 = 'وقال المتحدث باسم الحرس الثوري إن القوات أسقطت طائرة مسيرة قرب الحدود.'
    assert _speakers([para2]) == ["المتحدث باسم الحرس الثوري"]


# --- «وكشف انهيار نانبرغ … حجم الضغط»: what befell someone says nothing (QA59-28) -------------

def test_an_event_befalling_someone_is_no_voice() -> None:
    paragraphs = [
        'وكشف انهيار نيلسون أثناء عدة لقاءات تلفزيونية حجم الضغط الذي يمارسه المحقق على مساعدي'
        ' الحملة.',
        'وكان نيلسون قد أقيل من الحملة قبيل الانتخابات.',
        'وانفجر مساعد الرئيس السابق أثناء مقابلة "سي إن إن"، وبدا في حالة من الانهيار، وهو يعلن'
        ' رفضه طلب استدعاء تلقاه من المحقق، وقال إن على المحقق أن يصدر أمرا بالقبض عليه حتى يتعاون.',
    ]
    assert not any(s.startswith("انهيار") for s in _speakers(paragraphs))


# --- «ويسعى السيسي، الذي …، أكد أنه»: the opening verb is no part of the name (QA59-45) -------

def test_an_opening_present_verb_is_no_part_of_the_subject() -> None:
    para = ('ويسعى الرئيس، الذي كان قائدا للجيش قبل سنوات، إلى فترة رئاسة ثانية بعد فترته الأولى'
            ' التي استمرت 4 سنوات، أكد أنه حقق خلالها الأمن والاستقرار.')
    assert _speakers([para]) == ["الرئيس"]


def test_a_name_opening_on_waw_stays_whole() -> None:
    # Guard: «ويليام» is a name, not «و» + a verb.
    para = ('ويليام بيرنز، الذي كان سفيرا في موسكو قبل سنوات، قال إن العلاقات بين البلدين تمر'
            ' بأسوأ مراحلها.')
    assert _speakers([para]) == ["ويليام بيرنز"]


# --- «قائد "…"» of four or more words, then the rank and the name (Q40's 3060) ----------------

def test_a_long_unit_name_in_marks_then_the_rank_and_name() -> None:
    para = ('أعلن قائد "اللواء السادس حرس حدود" العميد حسين حسان الغمري مساء الثلاثاء أن العملية'
            ' العسكرية نجحت في تحرير المنطقة.')
    assert _speakers([para]) == ['قائد "اللواء السادس حرس حدود" العميد حسين حسان الغمري']


def test_a_long_quote_after_a_title_is_still_a_quote() -> None:
    # Guard: no rank and name after the marks, the words in them are what he said.
    para = 'وقال قائد الكتيبة "إن العملية نجحت في تحرير المنطقة كلها" بعد معارك عنيفة.'
    assert ["إن العملية نجحت في تحرير المنطقة كلها" in t or "العملية نجحت" in t
            for _, t in _found([para])] == [True]


# --- «مصدر في الشرطة»: a source named by the body he is in (F38's left) ------------------------

def test_a_source_keeps_his_body() -> None:
    para = 'وقال مصدر في الشرطة إن المسلحين فروا إلى الجبال المجاورة بعد الاشتباك.'
    assert _speakers([para]) == ["مصدر في الشرطة"]
    para2 = 'وقالت مصادر في وزارة الخارجية إن الوفد سيصل إلى العاصمة صباح الغد.'
    assert _speakers([para2]) == ["مصادر في وزارة الخارجية"]


def test_a_source_in_a_place_or_a_statement_stays_bare() -> None:
    # Guard: «في تصريح», «في غزة» are not the body he is in.
    para = 'وقال مصدر في تصريح للصحفيين إن الوفد سيصل إلى العاصمة صباح الغد.'
    assert _speakers([para]) == ["مصدر"]
    para2 = 'وقال مصدر في غزة إن الوفد سيصل إلى العاصمة صباح الغد.'
    assert _speakers([para2]) == ["مصدر"]


# --- «بحسب وانغ»: a Chinese family name shows the full name the article wrote (QA59-10) ------

def test_a_chinese_family_name_shows_the_full_name() -> None:
    paragraphs = [
        'وقال المسؤول في وزارة التجارة الصينية وانغ هيجون في بيان إن بلاده ستتخذ الإجراءات'
        ' اللازمة دفاعا عن حقوقها المشروعة.',
        'وأضاف وانغ أن النتائج التي توصلت إليها التحقيقات الأمريكية لا أساس لها ولا تتماشى مع'
        ' الواقع.',
    ]
    assert [q.speaker for q in key_quotes(paragraphs)] == [
        "المسؤول في وزارة التجارة الصينية وانغ هيجون", "وانغ هيجون"]


# --- «ابن دريد المتوفى سنة 321هـ»: when he died is no part of his name (QA59-20) -------------

def test_the_year_he_died_is_no_part_of_the_name() -> None:
    para = 'ولهذا يقول ابن دريد المتوفى سنة 321هـ، إن "الهمج من الناس هم الذين لا نظام لهم".'
    assert _speakers([para]) == ["ابن دريد"]



# --- «مصدر في قيادة شرطة ريف دمشق»: a command named by the nouns in construct after it -------

def test_a_source_in_a_command_keeps_its_whole_name() -> None:
    para = ('ونقل التلفزيون عن مصدر في قيادة شرطة ريف دمشق أن قذيفة صاروخية سقطت على سوق شعبية'
            ' في أطراف المدينة.')
    assert _speakers([para]) == ["مصدر في قيادة شرطة ريف دمشق"]
    para2 = 'وقال مصدر في قيادة الجيش السوري إن القوات تقدمت نحو المدينة من ثلاثة محاور.'
    assert _speakers([para2]) == ["مصدر في قيادة الجيش السوري"]


def test_a_command_runs_not_into_the_anonymity_clause() -> None:
    # Guard: «طلب عدم الكشف عن هويته» is no part of the command's name.
    para = ('وقال مسؤول في قيادة شرطة طلب عدم الكشف عن هويته إن القوات تقدمت نحو المدينة من'
            ' ثلاثة محاور.')
    assert _speakers([para]) == ["مسؤول"]
