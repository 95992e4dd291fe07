"""F44: the wrong speakers seed 40's reading found (session 24), on invented sentences.

Each test named for a fix fails on the tree before F44 (14b56de); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes


def _speakers(paragraphs: list[str]) -> list[str]:
    return [c.speaker for c in find_quotes(paragraphs)]


# --- «X، وزير … الذي أعلن Y عن تعيينه» then «حيث قال:»: Y only describes X (4178) -----------

def test_a_relative_clause_verb_without_speech_names_no_later_speaker() -> None:
    paras = ['قال سامي الخطيب، مدير الشركة الذي أعلن رئيس المجلس، فؤاد نصار، عن تعيينه أمس، إن'
             ' الشركة ستتوسع هذا العام في ثلاث دول.',
             'جاء ذلك في بيان للشركة، حيث قال: "أنا ممتن جدا للمجلس على هذه الثقة وسأعمل بكل جهد'
             ' لتحقيق أهدافنا".']
    assert _speakers(paras)[-1] == "سامي الخطيب"


def test_a_relative_clause_verb_with_speech_still_speaks() -> None:
    # Guard: «الذي قال X إنه …» opens speech: X is named there as before.
    paras = ['وزار الوفد المصنع الذي قال مديره سامي الخطيب إنه سيغلق أبوابه نهاية العام المقبل.',
             'وأضاف: "لم يعد بوسعنا دفع الرواتب في ظل هذه الظروف الصعبة".']
    assert _speakers(paras)[-1].endswith("سامي الخطيب")


# --- «قالت X إن الإجراءات المشددة تشير إلى أن …»: X's claim, not the evidence's (6439) ---------

def test_what_the_clause_subject_indicates_stays_the_voice() -> None:
    para = ('وقالت الإذاعة الرسمية إن الإجراءات الأمنية المشددة تشير إلى أن وفدا كبيرا وصل إلى'
            ' المدينة صباح اليوم.')
    assert _speakers([para]) == ["الإذاعة الرسمية"]


def test_a_new_voice_after_a_comma_still_speaks() -> None:
    # Guard: «…، فيما يشير المرصد إلى أن …» is a voice of its own.
    para = ('وقالت الإذاعة الرسمية إن وفدا كبيرا وصل إلى المدينة، فيما يشير المرصد السوري إلى أن'
            ' الوفد لم يصل بعد إلى القصر.')
    assert _speakers([para]) == ["الإذاعة الرسمية", "المرصد السوري"]


# --- «وكان X، أحد …، قال إن "…"»: «كان»'s subject before a long aside speaks (901) -----------

def test_kana_subject_before_a_long_aside_speaks() -> None:
    paras = ['وقال المجلس في بيان إن المعرض سيقام في الرياض في نهاية الشهر المقبل.',
             'وكان خالد المنصور، أحد كبار رجال الدين وعضو هيئة كبار العلماء في البلاد منذ سنوات،'
             ' قال إن "ارتداء العباءة ليس فرضا على المرأة"، لكن لم يتضح بعد موقف الحكومة.']
    assert _speakers(paras)[-1] == "خالد المنصور"


def test_a_subject_written_after_the_verb_still_speaks() -> None:
    # Guard: a subject after the verb («قال فيه الوزير») speaks, whatever «كان» opened.
    para = ('وكان المؤتمر، الذي عقد في العاصمة أمس بحضور مئات الصحفيين، قال فيه الوزير إن'
            ' الحكومة ستدرس المقترحات كلها.')
    assert _speakers([para]) == ["الوزير"]


# --- «…، تعتبر "الأقسى …"»: a bare «تعتبر» before the marks is «which are considered» (2068) --

def test_a_bare_considered_before_marks_is_nobodys_quote() -> None:
    paras = ['وقالت السلطات اليابانية إنها رصدت عملية نقل جديدة بين ناقلتين في البحر.',
             'وجاءت بعد أيام على قرار الرئيس الأميركي فرض عقوبات جديدة على البلاد، تعتبر "الأقسى'
             ' التي تفرض على بلد".']
    assert _speakers(paras) == ["السلطات اليابانية"]


def test_a_written_subject_of_considered_still_speaks() -> None:
    # Guard: «وتعتبر الوزارة أن "…"» names who considers.
    para = 'وتعتبر الوزارة أن "هذه العقوبات هي الأقسى التي تفرض على أي بلد في العالم".'
    assert _speakers([para]) == ["الوزارة"]


# --- «تعتبر تركيا الحزب X حزباً إرهابياً وأن …»: the country considers, the party is its object

def test_a_country_then_the_object_it_considers() -> None:
    para = ('تعتبر تركيا حزب العمال الديمقراطي حزباً إرهابياً وأن جناحه العسكري مرتبط بجماعات'
            ' مسلحة تقاتل منذ سنوات في الجنوب.')
    assert _speakers([para]) == ["تركيا"]


def test_a_country_and_its_allies_consider_together() -> None:
    # Guard: no accusative predicate after the subject: the whole subject considers.
    para = 'وتعتبر إسرائيل وحلفاؤها أن الاتفاق النووي لم يمنع طهران من تطوير صواريخها.'
    assert _speakers([para]) == ["إسرائيل وحلفاؤها"]


# --- «وتضيف رسالة X: "…"», «وقال بيان الوزارة إن»: the document and its owner speak (978) ------

def test_a_letter_in_construct_names_its_writer() -> None:
    paras = ['وقال الدكتور سامر منصور إن الرسالة ما زالت محفوظة في المتحف حتى اليوم.',
             'وتضيف رسالة محمد عبده: "وكما كانت آراؤك ضياء يهتدي به الضالون، كان مثالك في العمل'
             ' إماما يقتدي به المسترشدون".']
    assert _speakers(paras)[-1] == "رسالة محمد عبده"


def test_a_statement_of_a_body_in_construct_speaks() -> None:
    paras = ['وقال المتحدث باسم الحكومة إن الوضع مستقر في المدينة بعد الاشتباكات الأخيرة.',
             'وقال بيان الوزارة إن القوات استعادت السيطرة على ثلاث قرى في الشمال.']
    assert _speakers(paras) == ["المتحدث باسم الحكومة", "بيان الوزارة"]


def test_a_statement_with_an_adjective_names_no_owner() -> None:
    # Guard: «بيان مشترك» (a joint statement) names no owner; nothing new is read.
    paras = ['وقال المتحدث باسم الحكومة إن الوضع مستقر في المدينة بعد الاشتباكات الأخيرة.',
             'وقال بيان مشترك إن القوات استعادت السيطرة على ثلاث قرى في الشمال.']
    assert "بيان مشترك" not in _speakers(paras)


# --- «والذي يدعو الإنسان إلى أن …»: generic man is no voice (978) ------------------------------

def test_generic_man_is_no_voice() -> None:
    paras = ['وقال الكاتب سامر منصور إن الرسالتين محفوظتان في المتحف حتى اليوم.',
             'ذلك الدين الذي قوامه الإقرار بالله والذي يدعو الإنسان إلى أن يرعى حق جاره، وأن يحب'
             ' لغيره ما يحب لنفسه.']
    assert _speakers(paras) == ["الكاتب سامر منصور"]


# --- «الذي قال إنه …، وذلك بفوز الأخير على …»: the writer's «the latter» ends the clause (5982)

def _texts(paragraphs: list[str]) -> list[str]:
    return [c.text for c in find_quotes(paragraphs)]


def test_the_latter_is_the_writers_clause() -> None:
    para = ('ورد المنتخب المغربي على قائد المنتخب الصربي، ألكساندر كولاروف، الذي قال إنه لا يعرف'
            ' شيئا عن المغرب، وذلك بفوز الأخير على "النسور البيضاء"، مساء الجمعة.')
    assert _texts([para]) == ["لا يعرف شيئا عن المغرب"]


def test_the_speakers_own_means_stays() -> None:
    # Guard (F43's withdrawn wider cut): «وذلك بسبب …» is the speaker's own reason.
    para = ('وقال الوزير إن الحكومة قررت رفع الأسعار، وذلك بسبب ارتفاع تكاليف الإنتاج في الأشهر'
            ' الماضية.')
    assert _texts([para])[0].endswith("في الأشهر الماضية")


# --- «فقد تعرض الجنرال لانتقاد الرئيس عندما اعتبر أن …»: the «قد» clause's subject (2513) -----

def test_when_clause_goes_on_with_the_qad_clause_subject() -> None:
    paras = ['وقالت شبكة "ان بي سي" إن البيت الأبيض يبحث تعيين مستشار جديد للأمن القومي.',
             'وتشهد العلاقة بين الرئيس ومستشاره توترا، فقد تعرض الجنرال لانتقاد الرئيس مؤقتا'
             ' عندما اعتبر أن الأدلة على التدخل في الانتخابات "لا يمكن دحضها".']
    assert _speakers(paras)[-1] == "الجنرال"


def test_when_clause_after_a_comma_keeps_the_fallback() -> None:
    # Guard: a comma between the «قد» clause and «عندما»: no reading, as before.
    paras = ['وقال الوزير سامي نصار إن الحكومة ستدرس المقترحات كلها خلال أسبوع.',
             'وقد تحدث المدير عن الخطة، عندما أكد أن المشروع سينتهي في موعده المحدد.']
    assert "المدير" not in _speakers(paras)


# --- names cut: «وكالة انباء "كيودو" اليابانية» (6439), «منظمة ( Born Free) المعنية» (210) -----

def test_a_news_agency_keeps_its_quoted_name() -> None:
    para = 'كما ذكرت وكالة انباء "كيودو" اليابانية ان القطار ربما يكون قادما من مدينة حدودية.'
    assert _speakers([para]) == ['وكالة انباء "كيودو" اليابانية']


def test_concerned_with_without_its_field_is_cut() -> None:
    para = ('وتقول منظمة ( Born Free) المعنية بالحياة البرية إن عظام الأسود تلقى طلبا متزايدا في'
            ' منطقة جنوب شرق آسيا.')
    assert _speakers([para]) == ["منظمة ( Born Free)"]


# --- «وقال X، هو الذي أشرف على … "…"»: marks after a long aside about X are X's (4411) ----------

def test_marks_after_a_long_who_aside_are_the_speakers() -> None:
    para = ('وقال هوهوان، هو الذي أشرف على الدراسة من قسم علم الأوبئة والوقاية في المركز الوطني'
            ' للصحة العالمية والطب في طوكيو "كلما زاد تدخين المرء، ارتفع خطر ضعف السمع".')
    assert _speakers([para]) == ["هوهوان"]


def test_an_aside_broken_by_a_comma_names_no_one() -> None:
    # Guard: the aside closes with a comma, then the writer's words before the marks.
    para = ('وقال هوهوان، هو الذي أشرف على الدراسة في طوكيو، وتابعها فريق كبير من الباحثين على'
            ' مدى سنوات طويلة في مدن عديدة بحثا عن "أسباب ضعف السمع لدى المدخنين".')
    assert _speakers([para]) == []


# --- «جاء ذلك في مقابلة لكلابر مع CNN حيث قال:»: the interview's giver speaks (4191) ----------

def test_an_interview_given_with_a_medium_names_who_answers() -> None:
    paras = ['وأعرب المدير السابق للوكالة عن دعمه للمرشحة التي أعلن الرئيس عن تعيينها أمس.',
             'جاء ذلك في مقابلة لكلابر مع CNN حيث قال: "أنا أدعمها، وأرى فيها قدرات كبيرة لهذا'
             ' المنصب".']
    assert _speakers(paras) == ["كلابر"]


def test_an_interview_for_a_paper_names_no_one() -> None:
    # Guard: «في حوار لصحيفة الأهرام حيث قال» — the paper is the medium, not who answers.
    paras = ['وقال الوزير سامي نصار إن الحكومة ستدرس المقترحات كلها خلال أسبوع.',
             'جاء ذلك في حوار لصحيفة الأهرام حيث قال: "سندرس كل المقترحات المقدمة إلينا بعناية".']
    assert "صحيفة الأهرام" not in _speakers(paras)


def test_a_network_keeps_its_quoted_name_after_its_adjective() -> None:
    para = ('وقالت شبكة التلفزة اليابانية "ان.تي.في" إن الإجراءات الأمنية في المحطة كانت مشددة'
            ' طوال اليوم.')
    assert _speakers([para]) == ['شبكة التلفزة اليابانية "ان.تي.في"']


def test_marks_after_a_papers_adjective_stay_its_words() -> None:
    # Guard: marks of three words or more after «صحيفة X البريطانية» are what it wrote.
    para = ('وكتبت صحيفة الغارديان البريطانية "إن الحكومة فشلت في إدارة الأزمة" في افتتاحيتها'
            ' أمس.')
    assert 'صحيفة الغارديان البريطانية "إن' not in " ".join(_speakers([para]))
