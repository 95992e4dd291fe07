"""F39 (QA59's wrong speakers): who said it, on invented sentences of the same shapes.

Each test named for a fix fails on the tree before F39 (80d876e: the wrong, garbled or cut
speaker it asserts away was found there); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes


def _found(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in find_quotes(paragraphs)]


def _speakers(paragraphs: list[str]) -> list[str]:
    return [s for s, _ in _found(paragraphs)]


# --- QA59-22: «وصف X ما حصل بأنه …» names X, whom a bare «وشدد» next means ------------------------

def test_the_describer_of_what_happened_is_the_next_bare_speaker() -> None:
    paras = ['أعلنت مصادر أمنية محلية أن الطائرات قصفت ثلاثة مواقع في المنطقة الحدودية ليلة الأحد.',
             'وفي مؤتمر صحفي، وصف وزير الدفاع سامر الخطيب ما جرى بأنه "خطير". وشدد في بيان'
             ' "سنرد على هذا الاعتداء في الوقت المناسب".']
    found = _found(paras)
    assert ("وزير الدفاع سامر الخطيب", "سنرد على هذا الاعتداء في الوقت المناسب") in found
    assert not any(s.startswith("مصادر") and "سنرد" in t for s, t in found)


# --- QA59-50: «سوف تذكر X بأن …» reminds X; X is not the speaker ----------------------------------

def test_the_one_reminded_is_not_the_speaker() -> None:
    para = ('لكن الحكومة سوف تذكر رئيس الوزراء الجديد، خالد الحسن، بأن خياراتها الاقتصادية ما'
            ' زالت مطروحة على الطاولة.')
    assert not any("خالد الحسن" in s for s in _speakers([para]))


def test_a_mention_in_the_present_still_speaks() -> None:
    # Guard: «تذكر الصحيفة أن …» (mentions) is a statement of the paper.
    para = 'وتذكر الصحيفة أن الحكومة قررت رفع أسعار الوقود مطلع الشهر المقبل بنسبة كبيرة.'
    assert _speakers([para]) == ["الصحيفة"]


# --- QA59-26: «وكان X قد … ، محذراً …»: the participle is X's, not the last speaker's -------------

def test_a_participle_after_kana_qad_is_its_subjects() -> None:
    paras = ['وقالت المديرة العامة للمنظمة سلمى الراشد إن الحروب التجارية لا يربح فيها أحد أبدا.',
             'وكان الرئيس الأميركي جون سميث قد أعاد التأكيد أمس الثلاثاء على عزمه فرض رسوم كبيرة'
             ' على واردات الحديد، محذراً الاتحاد الأوروبي من أنه سيواجه "ضريبة كبيرة" قريبا.']
    found = _found(paras)
    threat = [s for s, t in found if "ضريبة كبيرة" in t]
    assert threat == ["الرئيس الأميركي جون سميث"]


# --- QA59-42: «ورفض X الانتقادات … . وأضاف … وقال "…"»: X goes on ---------------------------------

def test_the_one_who_refused_goes_on_at_a_bare_cue() -> None:
    para = ('وقال ترامب يوم السبت إن المحادثات قد تنتهي دون التوصل إلى اتفاق. ورفض منوتشين'
            ' الانتقادات الموجهة لقرار ترامب بأنه يعزز مكانة الزعيم الكوري. وقال "الآن لدينا وضع'
            ' يستخدم فيه الرئيس الدبلوماسية دون أن نوقف الضغط".')
    found = _found([para])
    assert ("منوتشين", "الآن لدينا وضع يستخدم فيه الرئيس الدبلوماسية دون أن نوقف الضغط") in found


# --- QA59-41: «وقالت "فتح" في بيان …، إن»: the name in marks is the subject -----------------------

def test_a_quoted_name_before_in_a_statement_is_the_speaker() -> None:
    paras = ['أدانت الرئاسة الفلسطينية الهجوم على الموكب وحملت المسؤولية للجهة المسيطرة على القطاع.',
             'وقالت "فتح" في بيان صحفي صادر عن مفوضية الإعلام، اليوم الثلاثاء، إن ما حدث يتطلب'
             ' تضافر الجهود الوطنية للتصدي لهذه المحاولات.']
    found = _found(paras)
    said = [s for s, t in found if "تضافر الجهود" in t]
    assert said and "الرئاسة" not in said[0] and "فتح" in said[0]


# --- QA59-14: «واستنكر محاولة … بأن …»: the object, and the claim he rejects ----------------------

def test_the_attempt_denounced_is_no_speaker_nor_its_claim_his_words() -> None:
    paras = ['انتقد الشيخ عمر يوسف، رئيس جمعية الإخاء، الأخبار المتداولة، وقال "هذه الأخبار لا أساس'
             ' لها من الصحة".',
             'واستنكر محاولة وسائل إعلامية عربية التسويق بأن هذه المنظمة محلية بينما لا توجد أي'
             ' أوراق رسمية تثبت ذلك، قائلاً "نرجو عدم إدراج بلادنا في صراعاتكم".']
    found = _found(paras)
    assert not any(s.startswith("محاولة") for s, _ in found)
    assert not any("المنظمة محلية" in t for _, t in found)


# --- QA59-7, -8, -30, -39: verbs where nobody's speech is written ---------------------------------

def test_the_writers_make_sure_is_no_statement() -> None:
    para = 'ولكن هذا النوع من القلق يعتبر طبيعيا ومبررا له، فتأكد أنك غير مصاب بهذا الرهاب المزعج!'
    assert _found([para]) == []


def test_a_passive_described_as_takes_no_earlier_speaker() -> None:
    paras = ['ويرى كثيرون أن اللاعب انتقل إلى النادي الفرنسي من أجل الفوز بالكرة الذهبية في النهاية.',
             'وأشارت تقارير صحفية إلى اهتمام النادي بالتعاقد مع اللاعب، وتقدم بعرض وصف بأنه'
             ' "خرافي"، لكن النادي الآخر رفض التفريط في خدمات اللاعب.']
    assert not any("خرافي" in t for _, t in _found(paras))


def test_what_he_sees_in_it_is_no_speaker() -> None:
    paras = ['وهو يعرف بعدائه الكبير للاتحاد الأوروبي الذي يرى فيه المتسبب الأول في كل المشاكل'
             ' الاقتصادية.',
             'كما يعرف بعدائه للمهاجرين حيث وعد أنه في حال أصبح رئيسا للحكومة فسيقوم "بإبعادهم في'
             ' ظرف ربع ساعة فقط".']
    assert not any("المتسبب" in s for s in _speakers(paras))


def test_the_news_item_told_of_is_no_speaker() -> None:
    para = ('ونشر التلفزيون الرسمي خبراً عاجلاً أفاد به بوصول "القوات الشعبية" إلى المدينة، "لدعم'
            ' صمود أهلها في مواجهة العدوان المستمر منذ الشهر الماضي".')
    assert not any(s.startswith("بوصول") for s in _speakers([para]))


# --- QA59-16, -23, -47: subjects that are no voice ------------------------------------------------

def test_everyone_asks_is_nobodys_statement() -> None:
    para = ('في هذا الموسم يتساءل الجميع: لماذا يختفي الفريقان رغم وجود العناصر، قد يكون هناك أكثر'
            ' من سبب، لكنني أعتقد أن من أبرزها غياب القائد.')
    assert "الجميع" not in _speakers([para])


def test_each_of_them_is_not_the_last_speaker() -> None:
    para = ('ويقول الكاتب إن الانتخابات أفرزت مشهدا معقدا للغاية في البلاد. وحقق فيها كل من الحزبين'
            ' اختراقا تاريخيا وبات يعتبر كل منهما أنه الأحق بتشكيل الحكومة المقبلة.')
    assert not any("الأحق" in t for _, t in _found([para]))


def test_a_step_taken_is_no_speaker() -> None:
    para = ('رغم أن اللاعب لا يعيش أفضل فتراته مع فريقه، إلا أن خطوة تجديد العقد تؤكد أن النادي'
            ' متمسك بنجمه المصري.')
    assert _found([para]) == []


# --- QA59-4, -10: an official named by his body, a title's place and name before «في بيان» --------

def test_an_official_is_named_by_his_body() -> None:
    para = 'وقال مسؤول في الدفاع المدني بالمدينة: "فرقنا لا تستطيع الوصول إلى كثير من المواقع".'
    assert _speakers([para]) == ["مسؤول في الدفاع المدني"]
    # guard: where he spoke is no body
    para2 = 'وقال مسؤول في تصريح صحفي إن الفرق لا تستطيع الوصول إلى كثير من المواقع المستهدفة.'
    assert _speakers([para2]) == ["مسؤول"]


def test_the_official_in_a_ministry_keeps_his_name() -> None:
    para = ('وقال المسؤول في وزارة التجارة الصينية لي وانغ في بيان إن النتائج لا أساس لها ولا تتماشى'
            ' مع الواقع.')
    assert _speakers([para]) == ["المسؤول في وزارة التجارة الصينية لي وانغ"]


# --- QA59-11: «دون الخوض» ends the name -----------------------------------------------------------

def test_without_going_into_details_is_no_part_of_the_name() -> None:
    para = 'وقال المكتب الصحفي دون الخوض في التفاصيل إن رئيس الحكومة تلقى دعوة رسمية لزيارة البلاد.'
    assert _speakers([para]) == ["المكتب الصحفي"]


# --- QA59-9: «الماضي» after a given name is a family name -----------------------------------------

def test_al_madi_after_a_given_name_is_a_family_name() -> None:
    para = 'وقال رئيس المؤسسة المهندس محمد الماضي، "لدينا برنامج كبير جدا لصناعة الاتصالات".'
    assert _speakers([para]) == ["رئيس المؤسسة المهندس محمد الماضي"]
    # guard: «الأسبوع الماضي» is when
    para2 = 'وقال الرئيس سامي الأسبوع الماضي إن البرنامج كبير جدا لصناعة الاتصالات.'
    assert _speakers([para2]) == ["الرئيس سامي"]


# --- QA59-31: a glued comma ends the name ---------------------------------------------------------

def test_a_day_glued_by_a_comma_ends_the_name() -> None:
    para = 'وقال وزير الخارجية الروسي سيرغي لافروف،الاثنين، إن الهدنة لم تنفذ بعد في المنطقة.'
    assert _speakers([para]) == ["وزير الخارجية الروسي سيرغي لافروف"]


# --- QA59-20: a court addressed is no part of the name --------------------------------------------

def test_a_court_addressed_is_no_part_of_the_name() -> None:
    para = 'وقال سمير عنان لمحكمة إنه مسؤول عن الهجوم الذي وقع في المدينة الشهر الماضي.'
    assert _speakers([para]) == ["سمير عنان"]


# --- QA59-23: «لمن سمتهم مراقبين»: the ones named -------------------------------------------------

def test_those_the_paper_called_observers_speak() -> None:
    para = ('ونقلت الصحيفة تصريحات لمن سمتهم مراقبين يقولون إن الغرب لم تعد لديه خيارات للضغط على'
            ' الحكومة.')
    assert _speakers([para]) == ["مراقبين"]


# --- QA59-45: «وذكر X فترة …»: the period is the object -------------------------------------------

def test_the_period_he_mentioned_is_no_part_of_the_name() -> None:
    para = ('وذكر الرئيس فترة حكم سلفه وما كان يتوجب عليه فعله حينها قائلاً: "أتصور أن النظام السابق'
            ' أخطأ التقدير".')
    assert _speakers([para]) == ["الرئيس"]
