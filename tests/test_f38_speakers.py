"""F38 (seed 36's reading): who said it, on invented sentences.

Each test named for a fix fails on the tree before F38 (a98aa91: the garbled or wrong speaker it
asserts away was found); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes


def _found(paragraphs: list[str]) -> list[tuple[str, str]]:
    return [(c.speaker, c.text) for c in find_quotes(paragraphs)]


def _speakers(paragraphs: list[str]) -> list[str]:
    return [s for s, _ in _found(paragraphs)]


# --- «قال فيهما» and the dual document (5469) ----------------------------------------------------

def test_in_them_two_is_no_speaker() -> None:
    # 5469: «وكتب X رسالتين نشرهما موقع "…" المقرب منه، قال فيهما إن …» was shown «بحسب فيهما».
    para = ('وكتب الوزير السابق سمير ناصر رسالتين نشرهما موقع "الأفق" المقرب منه، قال فيهما إن'
            ' الحكومة أهدرت أموال الدولة عبر شركات لا تخضع لأي رقابة.')
    assert _speakers([para]) == ["الوزير السابق سمير ناصر"]


def test_two_tweets_end_the_publisher() -> None:
    # The dual of a post ends its publisher's name as the singular does.
    para = 'ونشر اللاعب كريم حسن تغريدتين قال فيهما إنه سيبقى مع فريقه حتى نهاية الموسم المقبل.'
    assert _speakers([para]) == ["اللاعب كريم حسن"]


def test_one_tweet_still_names_its_publisher() -> None:
    # Guard: the singular, as before.
    para = 'ونشر اللاعب كريم حسن تغريدة قال فيها إنه سيبقى مع فريقه حتى نهاية الموسم المقبل.'
    assert _speakers([para]) == ["اللاعب كريم حسن"]


# --- what should be said is the writer's advice (54) ------------------------------------------

def test_a_modal_before_a_verb_of_saying_is_no_statement() -> None:
    # 54: «وينبغي أيضا أن تلفت تلك الواقعة انتباه المستخدمين إلى أن …» was shown as the words of
    # the subject read before («بحسب خريطة سترافا أكثر، …»).
    para = ('وكشف التطبيق مواقع سرية للجنود. وينبغي أيضا أن تلفت تلك الواقعة انتباه المستخدمين'
            ' إلى أن البيانات التي تجمعها التطبيقات تكشف الكثير عن حياتهم.')
    assert _found([para]) == []
    para2 = 'ويجب على الحكومة أن تعلن أن الأزمة انتهت قبل عودة المهجرين إلى قراهم.'
    assert _found([para2]) == []


def test_a_verb_of_saying_after_an_ordinary_an_still_speaks() -> None:
    # Guard: «أعلن الوزير أن …» after another clause's «أن» keeps its speaker.
    para = 'وبعد أن انتهى الاجتماع، أكد الوزير أن الحكومة ستخفض الضرائب العام المقبل.'
    assert _speakers([para]) == ["الوزير"]


# --- «اتهم X بأنه»: X is the one accused (6834) ------------------------------------------------

def test_the_one_accused_is_no_speaker() -> None:
    # 6834: «بعدما اتهم الرئيس بأنه أكثر الداعمين لحركة …» was shown «بحسب الرئيس، فإنه …».
    para = ('ورفع الرئيس دعوى قضائية ضد زعيم المعارضة، بعدما اتهم الرئيس بأنه أكبر داعم'
            ' للحركة المحظورة في البلاد.')
    assert _found([para]) == []


def test_an_accuser_with_his_object_still_speaks() -> None:
    # Guard: the accuser written with the accused after him («اتهم X Y بأنه …»).
    para = 'واتهم رئيس الحزب كريم سالم الحكومة بأنها تعرقل عمل البرلمان منذ شهور طويلة.'
    assert _speakers([para]) == ["رئيس الحزب كريم سالم"]


# --- «نقلت X بيان Y»: the document's author speaks (4105) --------------------------------------

def test_a_relayed_statement_is_its_authors() -> None:
    # 4105: «ونقلت وكالة أنباء سبوتنيك … بيان الخارجية وجاء فيه: "…"» was shown as Sputnik's.
    para = ('ونقلت وكالة الأنباء الرسمية بيان الخارجية وجاء فيه: "تم استدعاء السفير البريطاني في'
            ' موسكو وأبلغ احتجاجا شديدا على الاتهامات".')
    assert _speakers([para]) == ["الخارجية"]


def test_a_relaying_agency_with_its_source_still_relays() -> None:
    # Guard: «نقلت X عن Y»: Y, as before.
    para = ('ونقلت وكالة الأنباء الرسمية عن المتحدث باسم الوزارة قوله: "تم استدعاء السفير'
            ' البريطاني في موسكو وأبلغ احتجاجا شديدا".')
    assert _speakers([para]) == ["المتحدث باسم الوزارة"]


# --- marks on the object of an act reported «عن» (5343) ---------------------------------------

def test_the_object_of_a_reported_act_is_no_quote() -> None:
    # 5343: «وأفاد مدير المرصد … عن استهداف إحدى هذه الخلايا "آلية عسكرية تركية الأحد …"» was
    # shown «"آلية عسكرية تركية …" — مدير المرصد».
    para = ('وأفاد مدير المرصد سامر حداد لوكالة الأنباء عن استهداف إحدى هذه المجموعات "آلية'
            ' عسكرية الأحد وسيارة تابعة للجيش الاثنين بصاروخ مضاد للدروع ما أدى إلى مقتل جنديين".')
    assert _found([para]) == []


def test_marks_after_a_verb_and_its_subject_stay_a_quote() -> None:
    # Guard: the marks after the cue and its subject, and after «عن» + a topic, are speech.
    para = ('وقال مدير المرصد سامر حداد لوكالة الأنباء "القصف لم يتوقف طيلة الليل ولا يزال'
            ' مستمرا على المدينة".')
    assert _speakers([para]) == ["مدير المرصد سامر حداد"]
    para2 = ('وتحدث مدير المرصد سامر حداد عن القصف على المدينة "نحن نرى مأساة حقيقية لم يشهدها'
             ' العالم منذ سنوات".')
    assert _speakers([para2]) == ["مدير المرصد سامر حداد"]


# --- a subjunctive in marks after the frame's «أن» (2802) --------------------------------------

def test_marks_after_a_negated_frame_keep_their_clause() -> None:
    # 2802: «وأكد أنه لا يمكن لأي دولة أن "تستعيض عن الميزات …"» was shown «"تستعيض عن …"»: the
    # negation outside the marks was lost; the reported clause that holds them is the line.
    para = ('وأكد الخبير سامي حداد أنه لا يمكن لأي دولة أن "تستغني عن صناعة الصلب، فهي أساس'
            ' الصناعات الثقيلة كلها في العالم".')
    found = _found([para])
    assert [s for s, _ in found] == ["الخبير سامي حداد"]
    assert found[0][1].startswith("لا يمكن لأي دولة")


def test_marks_right_after_the_cues_an_stay_a_quote() -> None:
    # Guard: «أكد أن "…"»: the speech starts at the marks.
    para = 'وأكد الخبير سامي حداد أن "الحكومة ستخفض الضرائب العام المقبل على كل الشركات".'
    found = _found([para])
    assert [s for s, _ in found] == ["الخبير سامي حداد"]
    assert found[0][1].startswith("الحكومة ستخفض")


# --- session 21's left: «وكان X، الذي …، قد قال» (6206) ----------------------------------------

def test_kana_subject_before_a_long_aside() -> None:
    # 6206: «وكان الجيش الأميركي، الذي صعد من جهوده … بدون طيار، قد قال إن …» was shown with
    # the last speaker named before («— المسؤول البارز»).
    para = ('وقال المسؤول في الشرطة سامي حداد إن عشرات قتلوا. وكان الجيش الأميركي، الذي صعد من'
            ' جهوده ضد الجماعة العام الماضي بعشرات الضربات الجوية من طائرات بدون طيار، قد قال'
            ' إن القوات المحلية ليست مستعدة بعد.')
    assert _speakers([para]) == ["المسؤول في الشرطة سامي حداد", "الجيش الأميركي"]


def test_a_short_aside_still_reads_kana() -> None:
    # Guard: the aside within twelve words, as before.
    para = ('وكان الجيش الأميركي، الذي يدعم القوات الحكومية، قد قال إن الغارة استهدفت مقاتلين'
            ' فقط.')
    assert _speakers([para]) == ["الجيش الأميركي"]


# --- session 21's left: «"…"، حسب ما أضاف بيان X» (5882) --------------------------------------

def test_a_statement_after_hasab_ma_speaks() -> None:
    # 5882: «و"…"، حسب ما أضاف بيان المكتب الإعلامي» named no one («بيان» ended the subject),
    # so the lawyers' earlier voice was given the words.
    paras = ['وقال المحامون إن القضية ملفقة.',
             'و"سنواصل الدفاع عن موكلنا حتى تظهر الحقيقة كاملة أمام الجميع"، حسب ما أضاف بيان'
             ' المكتب الإعلامي.']
    assert _speakers(paras) == ["المحامون", "بيان المكتب الإعلامي"]


def test_hasabama_then_a_verb_names_its_subject() -> None:
    # «"…"، حسبما قال X»: the one word «حسبما» names no one; the verb after it does.
    para = ('"سنواصل الدفاع عن موكلنا حتى تظهر الحقيقة كاملة أمام الجميع"، حسبما قال المتحدث'
            ' باسم الوزارة.')
    assert _speakers([para]) == ["المتحدث باسم الوزارة"]


# --- a time's adjective is no speaker (corpus 723) ---------------------------------------------

def test_an_earlier_statement_names_no_speaker_sabiq() -> None:
    # 723: «… بتكرار بيان صدر في وقت سابق قال إن …» was shown «بحسب سابق، …».
    para = ('وأشار الوزير إلى بيان صدر في وقت سابق قال إن الجيش لم يرد بعد على نداءات'
            ' للمساعدة.')
    assert "سابق" not in _speakers([para])


# --- a title's name, then the medium told (3763, lenient) ---------------------------------------

def test_a_titles_name_before_the_medium_told() -> None:
    # 3763: «واعتبر الكاتب والباحث السياسي، عبدالملك اليوسفي، لـ"سكاي نيوز عربية" أن …» was shown
    # «بحسب الكاتب والباحث السياسي» (the name after the comma left out).
    para = ('واعتبر الكاتب والباحث السياسي، سامي الحداد، لـ"سكاي نيوز عربية" أن كفاءة القوات'
            ' ساهمت بشكل كبير في نجاح العملية.')
    assert _speakers([para]) == ["الكاتب والباحث السياسي سامي الحداد"]


def test_an_accuser_written_before_the_verb_still_speaks() -> None:
    # Guard (corpus 4129): «إن ممثل الادعاء اتهم برانسون بأنه "مسؤول تنفيذي" …»: the subject
    # stands before the verb; the one word after it is the accused, the accuser speaks.
    para = ('وقالت الوكالة إن ممثل الادعاء اتهم برانسون بأنه "مسؤول تنفيذي" في الجماعة التي'
            ' تتهمها الحكومة بمحاولة الانقلاب.')
    assert "ممثل الادعاء" in _speakers([para])


# --- «وهي خطوة قالوا إنها …»: a pronoun's predicate is no subject (corpus 2729) -----------------

def test_a_pronouns_predicate_is_no_speaker() -> None:
    # 2729: «…، وهي خطوة قالوا إنها ستحسن فرص السلامة» was shown «— خطوة».
    para = ('اهتدى باحثون إلى مجال جديد لاستعمال الروبوتات، وهي خطوة قالوا إنها ستحسن فرص'
            ' السلامة بشكل كبير.')
    assert "خطوة" not in _speakers([para])


def test_wahuwa_bringing_in_a_name_keeps_it() -> None:
    # Guard (dev holdout15 FR-internationalNews-264): «كاتب المقال وهو X يقول إن …».
    para = 'كاتب المقال وهو سامي الحداد يقول إن العنف غير المسبوق في المدينة لا يعكس رغبة النظام.'
    assert _speakers([para]) == ["سامي الحداد"]


def test_a_fronted_time_is_no_subject() -> None:
    # Dev holdout15 SK-sport-502: «وفي وقت سابق، رجحت تقارير صحفية إسبانية أن …» was read
    # «— سابق»; the reports after the verb speak.
    para = 'وفي وقت سابق، رجحت تقارير صحفية إسبانية أن اللاعب يقترب من الرحيل عن النادي.'
    assert _speakers([para]) == ["تقارير صحفية"]


def test_after_a_relative_the_two_words_accused_are_no_speaker() -> None:
    # Corpus 3565: «…، الذي اتهم الضحايا المفترضين بأنهن "تلقين تعليمات من الغرب"» was shown
    # «— الضحايا المفترضين»; 5566 «وهناك من يتهم اتحاد الكرة بأنه …» «بحسب اتحاد الكرة».
    para = ('ويلقى النائب دعما من رئيس الكتلة سامي حداد، الذي اتهم الضحايا المفترضين بأنهن'
            ' "تلقين تعليمات من الخارج".')
    assert "الضحايا المفترضين" not in _speakers([para])
    para2 = 'وهناك من يتهم اتحاد الكرة بأنه يعمل لخدمة فريق بعينه عبر لجانه.'
    assert _found([para2]) == []
