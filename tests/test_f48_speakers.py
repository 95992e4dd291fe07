"""F48: seed 42's wrong quote lines (session 26) and QA74's quote findings, on invented sentences.

Each test named for a fix fails on the tree before F48 (57425c2); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes, key_quotes


def _speakers(paragraphs: list[str]) -> list[str]:
    return [c.speaker for c in find_quotes(paragraphs)]


def _shown(paragraphs: list[str]) -> list[str]:
    return [q.speaker for q in key_quotes(paragraphs)]


# --- «كلفت المحكمة خبيرا طبيا قال إن …»: the indefinite noun the verb describes speaks (1312) ---

def test_the_expert_who_said_speaks_not_the_court() -> None:
    para = ('وكانت المحكمة قد كلفت، قبل إصدار قرارها، خبيرا طبيا قال إن الوضع الصحي للمتهم لا'
            ' يتعارض مع احتجازه في السجن.')
    assert _speakers([para]) == ["خبير طبي"]


def test_the_official_met_speaks_not_the_paper_and_its_verb() -> None:
    para = 'والتقت الصحيفة مسؤولا أمريكيا قال إن الإدارة لن تتراجع عن قرارها الأخير بشأن الرسوم.'
    assert _speakers([para]) == ["مسؤول أمريكي"]


def test_an_accusative_subject_after_lakin_speaks() -> None:
    # Guard (read so before F48 too): the same run after «لكنّ» is the subject.
    para = 'لكن مسؤولا أمريكيا رفيعا قال إن الإدارة لن تتراجع عن قرارها الأخير بشأن الرسوم.'
    assert _speakers([para]) == ["مسؤول أمريكي رفيع"]


def test_kana_and_qad_then_the_verb_stay_kanas_subject() -> None:
    # Guard: no accusative word before the verb.
    para = 'وكان الوزير قد قال إن الحكومة لن تتراجع عن قرارها الأخير بشأن الرسوم.'
    assert _speakers([para]) == ["الوزير"]


def test_an_adverb_before_the_verb_is_no_speaker() -> None:
    # Guard: «سابقا» has the accusative shape but speaks for no one.
    para = 'وكان الوزير سابقا قال إن الحكومة لن تتراجع عن قرارها الأخير بشأن الرسوم.'
    assert all("سابق" not in s for s in _speakers([para]))


def test_a_feminine_verb_is_not_the_masculine_nouns() -> None:
    # Guard: «القبض على 16 عنصرا إرهابيا قالت إنهم …»: the ministry's «قالت», not the men's.
    para = ('أعلنت وزارة الداخلية، السبت، عن إحباط عدد من العمليات والقبض على 16 عنصرا إرهابيا'
            ' قالت إنهم ينتمون إلى تنظيم مسلح خارج البلاد.')
    assert _speakers([para]) == ["وزارة الداخلية"]


def test_a_name_in_alif_before_its_verb_stays_the_subject() -> None:
    # Guard: «غوارديولا قال إن …» (one word in «ا», no adjective): the name, not «غوارديول».
    para = 'وفي المؤتمر الصحفي غوارديولا قال إن الفريق لن يغير طريقة لعبه في المباريات المقبلة.'
    assert all(s != "غوارديول" for s in _speakers([para]))


# --- «تؤكد الأرقام السابقة أن …»: the figures the writer listed are no voice (5552) --------------

_FIGURES = ['وكشفت الهيئة العامة للاستثمار أن حجم الاستثمارات الأجنبية في السوق فاق مئتي مليار ريال'
            ' خلال العام الماضي.',
            'تؤكد الأرقام السابقة أن المملكة شهدت عدة إصلاحات واسعة في بيئتها الاستثمارية خلال'
            ' السنوات الأخيرة.']


def test_the_figures_above_are_no_source() -> None:
    assert _speakers(_FIGURES) == ["الهيئة العامة للاستثمار"]


def test_official_figures_stay_a_source() -> None:
    # Guard: figures without «السابقة» are a source as before.
    para = 'وتشير الأرقام الرسمية إلى أن البطالة تراجعت إلى عشرة في المئة خلال العام الماضي.'
    assert _speakers([para]) == ["الأرقام الرسمية"]


def test_the_former_government_speaks() -> None:
    # Guard: «السابقة» after a body is "former", a voice.
    para = 'وقالت الحكومة السابقة إن الاتفاق لم يكن في مصلحة البلاد على الإطلاق.'
    assert _speakers([para]) == ["الحكومة السابقة"]


# --- a bare title cut at its complement reaches the name past it (QA74-6, 4107, 1528) ----------

def test_a_bare_participle_shows_the_name_past_its_complement() -> None:
    para = ('وقالت المكلفة بالإعلام في البيت الأبيضن سارة ساندرز، إن "القرار يعود إلى وزير العدل'
            ' وحده دون غيره".')
    assert _shown([para]) == ["سارة ساندرز"]


def test_a_bare_adjective_shows_the_name_after_a_country() -> None:
    para = ('ويقول الإداري في حزب اليسار الكردي في سوريا محمد جلال قاسم: "المدينة تواجه تهجيرا'
            ' ثانيا وسط صمت دولي".')
    assert _shown([para]) == ["محمد جلال قاسم"]


def test_a_title_keeps_its_words_and_gains_the_name() -> None:
    para = ('وقد ذكر مدير الابتكار بالشركة أرثر أوردونا لـ CNN إن "العملية تتطلب عناية كبيرة'
            ' وتركيزا من العمال".')
    assert _shown([para]) == ["مدير الابتكار أرثر أوردونا"]


def test_a_title_before_a_setting_stays_bare() -> None:
    # Guard: no name past the complement («في مؤتمر صحفي عقده …»): unchanged.
    para = ('وقال الرئيس في مؤتمر صحفي عقده في القصر إن "الحكومة لن تتراجع عن قرارها مهما'
            ' كانت الضغوط".')
    assert _shown([para]) == ["الرئيس"]


def test_a_time_after_the_place_is_no_name() -> None:
    # Guard: «مساء أمس» after a definite word is no name run (not closed by «إن»/comma).
    para = ('وقال الوزير للصحفيين في القصر الجمهوري مساء أمس إن "الحكومة لن تتراجع عن قرارها'
            ' مهما كانت الضغوط".')
    assert _shown([para]) == ["الوزير"]


# --- QA74-8: «الوزير الفرنسي» shows the name the article gives that title ----------------------

_MINISTER = ['ومن الجدير بالذكر أن طهران تستعد لاستضافة وزير الخارجية الفرنسي جان إيف لودريان؛ غدا'
             ' الإثنين.',
             'وقال الوزير الفرنسي في تصريحات لصحيفة "جورنال دو ديمانش" إنه ينبغي لإيران تهدئة'
             ' المخاوف بشأن برنامجها للصواريخ البالستية.',
             'ويزور لودريان العاصمة الإيرانية غدا.']


def test_a_bare_title_shows_the_name_written_after_that_title() -> None:
    assert _shown(_MINISTER) == ["الوزير الفرنسي جان إيف لودريان"]


def test_two_names_for_the_title_leave_it_bare() -> None:
    # Guard: two presidents named: no telling which one.
    paras = ['وكان الرئيس الأمريكي باراك أوباما قد وقع الاتفاق، ثم انسحب منه الرئيس الأمريكي'
             ' دونالد ترامب.',
             'وقال الرئيس الأمريكي في تصريحات للصحفيين إن الاتفاق كان سيئا منذ البداية.']
    assert _shown(paras) == ["الرئيس الأمريكي"]


def test_a_former_holder_is_not_the_title() -> None:
    # Guard: «الرئيس الأمريكي السابق باراك أوباما» is no name of «الرئيس الأمريكي».
    paras = ['وكان الرئيس الأمريكي السابق باراك أوباما قد وقع الاتفاق قبل سنوات.',
             'وقال الرئيس الأمريكي في تصريحات للصحفيين إن الاتفاق كان سيئا منذ البداية.']
    assert _shown(paras) == ["الرئيس الأمريكي"]


# --- QA74-7: the English denial keeps «أن» before a subjunctive verb ---------------------------

def test_english_denial_keeps_anna_before_a_subjunctive() -> None:
    from bot.attribution import denied_alone

    assert denied_alone("أن يكون هناك دليل على إمكانية ذلك") == "أن يكون هناك دليل على إمكانية ذلك"
    assert denied_alone("بأن تستخدم الشرطة القوة") == "أن تستخدم الشرطة القوة"


def test_english_denial_still_drops_anna_before_a_noun() -> None:
    # Guard (QA68-14): «أن ترامب أقام …» reads «ترامب أقام …».
    from bot.attribution import denied_alone

    assert denied_alone("أن ترامب أقام علاقة") == "ترامب أقام علاقة"


# --- QA74-5: a thing's relative description is no claim; a denial of a verbal noun is one -------

_ROBOTS = ('نفى الجيش الألماني عزمه امتلاك أسلحة آلية وصفها البعض بأنها "أجهزة روبوت قاتلة"، وفق ما'
           ' نقلت رويترز عن قائد عسكري.')


def test_a_relative_description_of_a_thing_is_no_claim() -> None:
    assert all(c.speaker != "البعض" for c in find_quotes([_ROBOTS]))


def test_a_denied_verbal_noun_is_a_denial() -> None:
    found = [(c.kind, c.speaker, c.text) for c in find_quotes([_ROBOTS])]
    assert ("denial", "الجيش الألماني", "عزمه امتلاك أسلحة آلية") in found


def test_a_description_in_its_own_clause_stays() -> None:
    # Guard: «ووصفها الوزير بأنها …» (its «و», a clause of its own) is the minister's.
    para = 'ووصفها الوزير بأنها "خطوة مهمة نحو السلام في المنطقة كلها".'
    assert _speakers([para]) == ["الوزير"]


def test_a_denial_without_an_intent_noun_is_no_line() -> None:
    # Guard: «نفى الجيش الاتهامات» names what was denied, no clause or intent of its own.
    para = 'ونفى الجيش الاتهامات الموجهة إليه بشأن قصف المستشفى في المدينة.'
    assert all(c.kind != "denial" for c in find_quotes([para]))


# --- F44's left 5429: a fronted plural subject's «وصفوا X بأنه "…"» keeps what was described ----

def test_a_plural_describing_verb_keeps_its_object() -> None:
    para = ('وكان أعضاء من المجلس من الداعمين للقرار وصفوا قبل التصويت النزاع المستمر في البلاد'
            ' منذ ثلاث سنوات بأنه "كارثة إنسانية كبرى".')
    texts = [c.text for c in find_quotes([para]) if c.speaker == "أعضاء من المجلس"]
    assert texts and texts[0].startswith("وصفوا قبل التصويت النزاع المستمر")


def test_the_plural_description_is_shown_with_its_verb() -> None:
    from bot.attribution import hedged

    assert hedged('وصفوا النزاع المستمر بأنه "كارثة إنسانية كبرى"')
