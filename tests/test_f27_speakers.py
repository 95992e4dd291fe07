"""Brief F27 (session 15): the seed-28 reading's wrong lines and slips, and F26's left, on invented
sentences.

1. Cue words: «أضاف X ثلاثة أهداف» is no speech; a verb glued to the marks after «بكلمات» is
   the quoted words'; «أبان X أن» is speech; «كأخ أكبر لها» is no speaker.
2. A title keeps its name after a phrase of where it was said («، فلان، في بيان، إن»), in quote
   marks («عمدة لندن "صديق خان"»), and its firm («لمجموعة …»، «في Royal Caribbean»).
3. A bare «الرئيس», «المحكمة» or definite plural takes the one named before.
4. A work's author, «الرجل» after «أحد …», a subject run into its object: whom a cue means.
5. «اتهم X Y بأنه» keeps the accused; a colon's words closing on a stray mark are direct.

Guards keep what must not change.
"""

from __future__ import annotations

from bot.attribution import hedged
from digests.bare_bodies import resolve
from digests.quote_marks import quotable
from digests.quotes import find_quotes


def _found(*paragraphs: str) -> list[tuple[str, str]]:
    """(speaker as the digest credits it, text) of every candidate."""
    return [(c.speaker, c.text)
            for c in resolve(quotable(paragraphs), find_quotes(list(paragraphs)))]


def _speaker_of(words: str, *paragraphs: str) -> str:
    """The speaker credited with the candidate holding `words` ("" when there is none)."""
    return next((s for s, t in _found(*paragraphs) if words in t), "")


# --- 1. cue words (seed 28: 1723, 5891, 2276, 2561) ---

def test_f27_added_goals_is_no_speech() -> None:
    """«بينما أضاف لويس سواريز ثلاثة أهداف، لكن ميسي حظي …» (1723: «بحسب لويس سواريز ثلاثة
    أهداف، ميسي حظي …»): "added three goals"."""
    found = _found("وسجل اللاعب هدفين في الشوط الأول، بينما أضاف كريم بنزيمة ثلاثة أهداف، لكن"
                   " المدرب حظي بالإشادة الأكبر بسبب خطته الذكية.")
    assert not any("الإشادة" in t for _, t in found), found
    assert _speaker_of("الإشادة", "وأضاف المهاجم هدفا ثانيا، لكن الحارس تألق في التصدي للكرات"
                       " الخطيرة طوال المباراة.") == ""


def test_f27_added_with_partitive_subject_still_speaks() -> None:
    """Guard: «وأضاف ثلاثة من الخبراء أن …» (a number heads the subject) and «وأضاف الوزير،
    …» stay speech."""
    assert _speaker_of("صعب", "وأضاف ثلاثة من الخبراء أن الوضع صعب جدا في المنطقة.") == (
        "ثلاثة من الخبراء")
    assert _speaker_of("صعب", "وأضاف الوزير، الوضع صعب جدا في المنطقة الحدودية.") == "الوزير"


def test_f27_added_in_a_statement_numbered_still_speaks() -> None:
    """Guard (development gold CN-middleEast-164): «وأضاف الجيش في بيانه الرابع عشر نجاحه "في
    تدمير 11 عربة …"» is speech; the ordinal belongs to where it was said."""
    assert _speaker_of("عربة", 'وأضاف الجيش في بيانه الرابع عشر نجاحه "في تدمير 11 عربة محملة'
                       ' بالأسلحة أثناء محاولة اختراق الحدود".') == "الجيش"


def test_f27_added_with_a_described_speaker_still_speaks() -> None:
    """Guard (corpus): «وأضاف المدرب الذي تأخر بهدف بعد ثلاث دقائق …: …» is speech."""
    assert _speaker_of("النظام", "وأضاف المدرب الذي تأخر فريقه بهدف بعد ثلاث دقائق من البداية:"
                       " لهذا السبب فأنا لا أحب هذا النظام الجديد.") == "المدرب"


def test_f27_added_after_a_year_still_speaks() -> None:
    """Guard (corpus): «وأضاف الفائز بكأس العالم 2006 "…"» is speech; a year is no count."""
    assert _speaker_of("أضيفه", 'وأضاف الفائز بكأس العالم 2006 "لا يوجد ما أضيفه على كلمات'
                       ' المدرب في هذه المرحلة".') == "الفائز بكأس العالم"


def test_f27_added_after_an_age_still_speaks() -> None:
    """Guard (corpus 3983): «وأضاف تيفيز (34 عاماً) قائلا: …» names its speaker at «أضاف»."""
    [c] = find_quotes(["وأضاف المهاجم (34 عاماً) قائلا: عندما نرتدي قميص هذا النادي فإننا ندرك"
                       " أن علينا أن نقدم كل شيء."])
    assert (c.speaker, c.named) == ("المهاجم", True)


def test_f27_words_quoted_after_bikalimat_are_nobody_named() -> None:
    """«وقامت الشركة بنشر تغريدة …، واستكملت بكلمات "قالوا إن هذا لن يحدث مطلقا"» (5891: «—
    واستكملت بكلمات»): the verb glued to the mark is the quoted words', not a cue."""
    assert not any("واستكملت" in s or "بكلمات" in s for s, _ in _found(
        'وقامت الشركة بنشر تغريدة تظهر اللاعب بقميص الفريق، واستكملت بكلمات "قالوا إن هذا لن'
        ' يحدث أبدا".'))


def test_f27_abana_with_anna_speaks() -> None:
    """«وأبان العمري أن …، مبيناً أن …» (2276: the participle fell back to «الرئيس التنفيذي»)."""
    paras = ("وكشف الرئيس التنفيذي لشركة الخليج للمحركات سالم الحربي، عن اتفاقية جديدة للصيانة.",
             "وأبان الحربي أن هذه الصفقات ستوفر مئات الوظائف للشباب، مبيناً أن الاتفاقيات من"
             " شأنها زيادة الاستثمار في القطاع.")
    assert _speaker_of("الصفقات", *paras) == "الحربي"
    assert _speaker_of("زيادة الاستثمار", *paras) == "الحربي"


def test_f27_ibban_during_is_no_cue() -> None:
    """Guard: «إبان» (during) and «أبان عن» (revealed) say nothing."""
    assert _found("وذلك إبان الحرب العالمية الثانية أن المدينة كانت مركزا تجاريا مهما.") == []
    assert _found("وأبان اللاعب عن مستوى رائع في المباراة أن الجمهور صفق له طويلا.") == []


def test_f27_as_phrase_is_no_speaker() -> None:
    """«إلا أنه كأخ أكبر لها يعتبر أن هذا غير صحيح» (seed 28, 2561: «بحسب كأخ أكبر لها»)."""
    assert not any(s.startswith("كأخ") for s, _ in _found(
        "وأوضح المطرب أن المغنية قد تفكر في كون عفويتها تقربها إلى جمهورها، إلا أنه كأخ أكبر"
        " لها يعتبر أن هذا غير صحيح."))


# --- 2. a title's name after a phrase of where it was said, in quote marks; its firm (922, 2103,
# 2257, 1681, 1701, 2915) ---

def test_f27_apposed_name_before_setting_phrase() -> None:
    """«وقال القائد العسكري الأميركي، جوزيف فوتيل، خلال جلسة … إن» (2103), «…، محمد صالح
    النظيف، في البيان، إن "…"» (2257), «… في سوريا، بانوس مومتزيس، في بيان إن» (922)."""
    assert _speaker_of("تهديدا", "وقال القائد العسكري البريطاني، نيك كارتر، خلال جلسة للجنة"
                       " الدفاع في البرلمان إن أنشطة الجماعات المسلحة تشكل تهديدا كبيرا.") == (
        "القائد العسكري البريطاني نيك كارتر")
    assert _speaker_of("جهازها", 'وقال رئيس البعثة الأممية، أحمد ولد عبد الله، في البيان، إن'
                       ' "القوة الدولية تعزز حاليا جهازها الأمني في وسط البلاد".') == (
        "رئيس البعثة الأممية أحمد ولد عبد الله")
    assert _speaker_of("يتوقف", 'وقال منسق الأمم المتحدة للشؤون الإنسانية في اليمن، جيمي'
                       ' ماكغولدريك، في بيان إن "استهداف المدنيين يجب أن يتوقف حالا".').endswith(
        "جيمي ماكغولدريك")


def test_f27_setting_phrase_alone_is_no_name() -> None:
    """Guard: «وقال وزير الخارجية، في مؤتمر صحفي، إن» has no name; «، الخميس، خلال …» neither."""
    assert _speaker_of("صعب", "وقال وزير الخارجية، في مؤتمر صحفي، إن الوضع صعب جدا.") == (
        "وزير الخارجية")
    assert _speaker_of("صعب", "وقال وزير الخارجية، الخميس، خلال مؤتمر صحفي إن الوضع صعب"
                       " جدا.") == "وزير الخارجية"


def test_f27_title_keeps_name_in_quote_marks() -> None:
    """«كما أعرب عمدة لندن "صديق خان" عن حزنه …، وغرد: "…"» (1681: «— عمدة لندن»)."""
    assert _speaker_of("استمتعت", 'كما أعرب عمدة برلين "كارين ماير" عن حزنها الشديد لوفاتها،'
                       ' وغردت: "استمتعت بلقاء الممثلة الراحلة أثناء زيارتي إلى الهند".') == (
        'عمدة برلين "كارين ماير"')


def test_f27_short_quote_after_title_is_no_name() -> None:
    """Guard: marks that close the sentence after a title are a quote, not a name; one word in
    marks is a label."""
    assert _speaker_of("جاهزون للحوار", 'وقال وزير الخارجية "نحن جاهزون للحوار مع الجميع".') == (
        "وزير الخارجية")
    assert _speaker_of("صعب", 'وقال رئيس الوزراء "السابق" إن الوضع صعب جدا.') == "رئيس الوزراء"


def test_f27_far_title_keeps_its_firm() -> None:
    """«أكد رئيس مجلس الإدارة والرئيس التنفيذي لمجموعة موانئ دبي العالمية، سلطان بن سليم، أن»
    (1701: the firm dropped between title and name)."""
    assert _speaker_of("تعترف", "أكد الرئيس التنفيذي لمجموعة الخليج للملاحة، سالم الكعبي، أن"
                       " الشركة لا تعترف بالقرار الصادر عن الحكومة.") == (
        "الرئيس التنفيذي لمجموعة الخليج للملاحة سالم الكعبي")
    # whom it was said to is no firm
    assert _speaker_of("ارتفعت", "وقال مدير الشركة لوكالة الأنباء، سامي علي، إن الأرباح"
                       " ارتفعت كثيرا.") == "مدير الشركة"


def test_f27_title_keeps_its_latin_firm() -> None:
    """«قال محمد سعيد المدير العام لمنطقة الشرق الأوسط في Royal Caribbean Cruise، إن …»."""
    assert _speaker_of("البحر الأحمر", "قال خالد حسن المدير الإقليمي في Blue Ocean Cruises، إن"
                       " خطط تطوير البحر الأحمر سيكون لها أثر إيجابي.") == (
        "خالد حسن المدير الإقليمي في Blue Ocean Cruises")


def test_f27_minister_in_a_latin_place_stays() -> None:
    """Guard: «وقال الوزير في London إن» — where he spoke, not a firm."""
    assert _speaker_of("صعب", "وقال الوزير في London إن الوضع صعب جدا في المنطقة.") == "الوزير"


# --- 3. bare words: «الرئيس» (3595), «المحكمة» (F26's left, 2155), a definite plural (4439) ---

def test_f27_bare_president_is_the_one_named() -> None:
    """«غير أن الرئيس الأميركي دونالد ترامب اختار …» then «وقال الرئيس …: "…"» (3595)."""
    assert _speaker_of("شعارنا", "قد تبدو الانتخابات بعيدة، غير أن الرئيس الأميركي دونالد ترامب"
                       " اختار عبارة جديدة شعارا لحملته.",
                       'وقال الرئيس خلال تجمع لناشطين "شعارنا الجديد سيكون عظيما جدا هذه'
                       ' المرة". وعبر ترامب عن أمله بالفوز.') == "الرئيس الأميركي دونالد ترامب"


def test_f27_bare_president_of_two_stays_bare() -> None:
    """Guard: two presidents named before, or none, leave «الرئيس» bare."""
    assert _speaker_of("شعارنا", "والتقى الرئيس المصري عبد الفتاح السيسي بالرئيس الفرنسي"
                       " إيمانويل ماكرون في باريس.",
                       'وقال الرئيس خلال المؤتمر "شعارنا الجديد سيكون عظيما جدا هذه'
                       ' المرة".') == "الرئيس"
    assert _speaker_of("شعارنا", 'وقال الرئيس خلال المؤتمر "شعارنا الجديد سيكون عظيما جدا'
                       ' هذه المرة".') == "الرئيس"


def test_f27_president_with_a_verb_after_is_no_name() -> None:
    """Guard (corpus): «الرئيسة ستستقيل بعد 12 مارس» names no president."""
    assert _speaker_of("أدين", "وقال رئيس الوزراء إن الرئيسة ستستقيل بعد 12 مارس الجاري.",
                       'وقالت الرئيسة في بيان "لا أدين بأي شيء لأي أحد في هذه البلاد".') == (
        "الرئيسة")


def test_f27_bare_court_is_the_one_named() -> None:
    """«أصدرت محكمة العدل الاتحادية الألمانية حكما …» then «وقالت المحكمة إن …» (2155)."""
    assert _speaker_of("ملزمة", "أصدرت محكمة العدل الاتحادية الألمانية حكما في قضية شركة"
                       " غوغل.", "وقالت المحكمة إن الشركة ليست ملزمة بفحص كل المحتوى.") == (
        "محكمة العدل الاتحادية الألمانية")


def test_f27_bare_court_of_two_stays_bare() -> None:
    """Guard (F24's development gold): «قضت المحكمة الدستورية العليا بعدم الاعتداد بأحكام محكمة
    الأمور المستعجلة …، ورأت المحكمة أن …» leaves «المحكمة» bare."""
    assert _speaker_of("سليمة", "قضت المحكمة الدستورية العليا بعدم الاعتداد بأحكام محكمة"
                       " الأمور المستعجلة في القضية، ورأت المحكمة أن الإجراءات كانت سليمة.") == (
        "المحكمة")


def test_f27_bare_plural_is_the_group_named() -> None:
    """«قال محققون تابعون للأمم المتحدة، الخميس، إن …» then «وذكر المحققون في تقرير أن …»."""
    paras = ("قال محققون تابعون للأمم المتحدة، الخميس، إن القوات استخدمت العنف ضد المدنيين في"
             " المنطقة.",
             'وذكر المحققون في تقرير أن هذه الأفعال "تشكل جرائم حرب وجرائم ضد الإنسانية".')
    assert _speaker_of("جرائم حرب", *paras) == "محققون تابعون للأمم المتحدة"


def test_f27_bare_plural_without_its_group_stays() -> None:
    """Guard: no indefinite group named before, or another plural: «المحققون» stays."""
    assert _speaker_of("جرائم حرب", "قال مسؤولون أمميون، الخميس، إن القوات استخدمت العنف.",
                       'وذكر المحققون في تقرير أن هذه الأفعال "تشكل جرائم حرب وجرائم ضد'
                       ' الإنسانية".') == "المحققون"


# --- 4. whom a cue points back to: a work's author (1123), «الرجل» (BB-economy-68), a subject run
# into its object (5891's article) ---

def test_f27_books_author_is_the_bare_cue_speaker() -> None:
    """«أما كتاب "…" الذي أعده البروفيسور ماثيو ووكر، … ويقول إنه …» (1123: credited to the
    author of the book named before)."""
    paras = ('ويقول الكاتب مايكل ماكجير إن "النوم فن ضائع في عالمنا الحديث المزدحم".',
             'أما كتاب "لماذا ننام" الذي أعده البروفيسور سامي الحداد، مدير مختبر النوم، فيشمل'
             ' استكشافا معمقا للنوم. ويقول إنه كان لا بد من وضع هذا الكتاب الآن لأن العالم'
             ' يعاني من قلة النوم.')
    assert _speaker_of("وضع هذا الكتاب", *paras) == "البروفيسور سامي الحداد"


def test_f27_untitled_maker_is_not_recorded() -> None:
    """Guard: «الذي أعده فريق من …» (no scholar's title) leaves the bare cue as before."""
    paras = ('ويقول الكاتب مايكل ماكجير إن "النوم فن ضائع في عالمنا الحديث المزدحم".',
             "أما التقرير الذي أعده فريق من الباحثين فيشمل أرقاما كثيرة. ويقول إنه كان لا بد من"
             " وضع هذا الكتاب الآن لأن العالم يعاني من قلة النوم.")
    assert _speaker_of("وضع هذا الكتاب", *paras) == "الكاتب مايكل ماكجير"


def test_f27_the_man_is_the_one_described() -> None:
    """«وأشار أحد المديرين السابقين في شركة اتصالات … كيف …» then «وأضاف الرجل أن …»."""
    assert _speaker_of("فرضت", "وأشار أحد المهندسين السابقين في شركة طيران كيف يمكن للحكومة أن"
                       " تجعل العمل صعبا. وأضاف الرجل أن السلطات فرضت على الشركات قيودا"
                       " جديدة.") == "أحد المهندسين السابقين"


def test_f27_the_man_after_a_named_speaker_stays() -> None:
    """Guard: «الرجل» after a named speaker is not borrowed from him."""
    assert _speaker_of("فرضت", "وقال الوزير سامي علي إن الوضع صعب جدا. وأضاف الرجل أن السلطات"
                       " فرضت على الشركات قيودا جديدة.") == "الرجل"


def test_f27_opener_run_into_its_object_is_the_name_seen() -> None:
    """«وقال بولت إنه …. ويشجع بولت مانشستر يونايتد، وقال من قبل إن …» (5891's article: «—
    بولت مانشستر يونايتد»): the subject is the name seen speaking."""
    assert _speaker_of("حلمه", "وقال بولت إنه جاد بشأن البدء في مسيرة جديدة. ويشجع بولت مانشستر"
                       " يونايتد، وقال من قبل إن حلمه أن يلعب كرة القدم.") == "بولت"


# --- 5. clause shapes: «اتهم X Y بأنه» (3142, 3088), a colon's words closing on a stray mark (4275) ---

def test_f27_accused_kept_with_its_verb() -> None:
    """«اتهمت صحفية في بي بي سي سياسيا روسيا … بأنه تحرش …» (3088: «بحسب صحفية، فإنه تحرش …»):
    the line keeps the verb and whom she accused, as «وصف X Y بأنه» does."""
    found = _found("اتهمت نائبة في البرلمان وزيرا سابقا رفيع المستوى بأنه استولى على أموال"
                   " عامة.")
    assert found and found[0][1].startswith("اتهمت نائبة في البرلمان وزيرا سابقا"), found
    assert hedged(found[0][1])
    found = _found("واتهم #الشيخ_سالم_بن_علي آل ثاني خلال مقابلة تلفزيونية، الأربعاء،"
                   " #الشيخ_أحمد_بن_خالد بأنه المتورط بشكل مباشر في الهجوم.")
    assert found and found[0][1].startswith("اتهم"), found


def test_f27_passive_accused_stays_as_before() -> None:
    """Guard: «اتُّهم الوزير بأنه …» (no object) is no line from the verb."""
    assert not any(t.startswith("اتهم") for _, t in _found(
        "وقال المتحدث إن الوزير اتهم بأنه أخفى الوثائق عن اللجنة."))


def test_f27_one_word_accused_keeps_the_clause_reading() -> None:
    """Guard (tests/test_quotes.py): «واتهم النائب الوزير بأنه أكثر …» stays «أنه أكثر …»."""
    [c] = find_quotes(["واتهم النائب الوزير بأنه أكثر الداعمين للمشروع المثير للجدل."])
    assert c.text.startswith("أنه أكثر")


def test_f27_colon_words_closing_on_a_stray_mark_are_direct() -> None:
    """«وقال مورينيو: جلست على هذا المقعد … أولد ترافورد".» (4275: «بحسب مورينيو، جلست …»)."""
    found = find_quotes(['وقال المدرب: جلست على هذا المقعد مرتين في دوري الأبطال عقب الإطاحة'
                         ' بالفريق".'])
    assert [(c.kind, c.speaker) for c in found] == [("direct", "المدرب")]


def test_f27_colon_words_without_a_mark_stay_reported() -> None:
    """Guard: without the stray mark the clause is read as before."""
    found = find_quotes(["وقال المدرب: جلست على هذا المقعد مرتين في دوري الأبطال عقب الإطاحة"
                         " بالفريق."])
    assert [(c.kind, c.speaker) for c in found] == [("reported", "المدرب")]
