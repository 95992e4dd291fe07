"""Brief F26 (session 14): the seed-27 reading's wrong lines and F24/F25's left, on invented
sentences.

A title keeps the name set after its comma («وقال وزير الداخلية، فلان، إن»); a title that opens
the sentence before a non-speech verb speaks at the participle after it («لكن المتحدث …، فلان،
سارع إلى …، قائلا إن»). Guards keep what must not change.
"""

from __future__ import annotations

from bot.attribution import after_bihasab, standalone
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


# --- a title and the name after its comma (seed 27: 2313, 2479, 4721, 7139) ---

def test_f26_title_keeps_name_before_inna() -> None:
    """«وقال وزير الداخلية الأسترالي، بيتر دوتون، إن» (4721: «بحسب وزير الداخلية الأسترالي»)."""
    assert _speaker_of("الشبكات", "وقال وزير النقل الكندي، مارك جونسون، إن استخدام الشبكات"
                       " المظلمة من جانب المهربين يتزايد بسرعة كبيرة.") == "وزير النقل الكندي مارك جونسون"


def test_f26_title_keeps_name_before_colon() -> None:
    """«وقالت المتحدثة باسم الوزارة، دانا وايت: "…"» (2479), «…، محمد المومني،: "…"» (2313)."""
    assert _speaker_of("نتطلع", 'وقالت المتحدثة باسم وزارة الزراعة الكندية، سارة بولتون:'
                       ' "نحن نتطلع إلى موسم حصاد أفضل بكثير من الموسم الماضي".') == (
        "المتحدثة باسم وزارة الزراعة الكندية سارة بولتون")
    assert _speaker_of("مشين", 'وقال وزير الدولة لشؤون الإعلام، سامر الخطيب،: "إن الاعتداء'
                       ' على المستثمرين عمل مشين وسيحاسب مرتكبوه بأقصى العقوبات".') == (
        "وزير الدولة لشؤون الإعلام سامر الخطيب")


def test_f26_title_keeps_name_before_second_title() -> None:
    """«قال الأديب الجزائري، الطيب العروسي، مدير كرسي المعهد: "…"» (7139)."""
    assert _speaker_of("نتردد", 'من جانبه، قال الشاعر المغربي، الحسن الوزاني، مدير دار النشر:'
                       ' "لم نتردد لحظة واحدة عندما طرح اسمه على لجنة الجائزة".') == (
        "الشاعر المغربي الحسن الوزاني")


def test_f26_title_keeps_name_before_anna() -> None:
    """«واعتبرت رئيسة جمعية X، فلانة أن …» (no comma after the name, an indefinite name)."""
    assert _speaker_of("الميراث", "واعتبرت رئيسة جمعية النساء، ليلى بن عمار أن قوانين الميراث"
                       " الحالية تحتاج إلى مراجعة شاملة.") == "رئيسة جمعية النساء ليلى بن عمار"


def test_f26_time_or_place_after_title_is_no_name() -> None:
    """Guard: «، الخميس،», «، في بيان،», «، رافضا الكشف عن اسمه،» are no names."""
    assert _speaker_of("خطير", "وقال وزير الدفاع، الخميس، إن الوضع على الحدود خطير جدا.") == (
        "وزير الدفاع")
    assert _speaker_of("خطير", "وقال المتحدث باسم الجيش، في بيان، إن الوضع على الحدود خطير"
                       " جدا.") == "المتحدث باسم الجيش"
    assert _speaker_of("صرفت", "وقال مسؤول بوزارة المالية، طلب عدم نشر اسمه، إن الأموال صرفت"
                       " على النقل والطعام.") == "مسؤول بوزارة المالية"


def test_f26_addressee_or_alias_after_title_is_no_name() -> None:
    """Guard: «، لرويترز:», «، لوكالة فرانس برس:» are whom it was said to; «، واسمها
    الحقيقي …،» and «، محامي …،» describe."""
    assert _speaker_of("المستشفى", 'وقال مسؤول بالهلال الأحمر، لوكالة فرانس برس: "لقد كان'
                       ' المستشفى الوحيد الذي ما زال يعمل في المدينة".') == "مسؤول بالهلال الأحمر"
    assert "واسمها" not in _speaker_of("لتهديد", "وقالت الممثلة الأميركية جين دو، واسمها"
                                       " الحقيقي ماري سميث، إنها تعرضت لتهديد خطير.")
    assert "محامي" not in _speaker_of("عادي", "وقال متحدث باسم جون لويس، محامي الوزير، إن"
                                      " الأمر عادي ولا يستحق كل هذا الاهتمام.")


def test_f26_object_before_bianna_is_no_name() -> None:
    """Guard: «ووصفت رئيسة اللجنة X، الانتخابات بأنها "…"»: «الانتخابات» is the object."""
    assert _speaker_of("شرعية", 'ووصفت رئيسة لجنة الانتخابات إيلا بامفيلوفا، الانتخابات بأنها'
                       ' "شرعية وقانونية تماما".') == "رئيسة لجنة الانتخابات إيلا بامفيلوفا"


# --- a title opening the sentence before a non-speech verb (corpus 6957, 1240) ---

def test_f26_fronted_title_speaks_at_participle() -> None:
    """«لكن المتحدث باسم الرئاسة، فلان، سارع إلى رفض العرض، قائلا إن …» (6957: «تركيا عرضا»,
    the subject of the article's first sentence)."""
    assert _speaker_of("موقف واضح", "رفضت الحكومة عرضا من الجيران للوساطة في النزاع الدائر"
                       " بشمال البلاد منذ أشهر.",
                       'لكن المتحدث باسم الرئاسة، كريم سالم، سارع إلى رفض العرض، قائلا إن على'
                       ' الدول "اتخاذ موقف واضح ضد كافة أشكال الإرهاب".') == (
        "المتحدث باسم الرئاسة كريم سالم")


# --- «ماذا كان يقول X … وكيف أن …» (seed 27, 5378: the columnist's words credited) ---

def test_f26_what_they_said_has_no_clause() -> None:
    """«ويكفي أن تعلموا ماذا كان يقول قادة الرياضة … وكيف أن …»: «ماذا» is what they said; the
    «أن» clause is the writer's (before: «بحسب قادة الرياضة، مباريات الفريقين …»)."""
    assert _speaker_of("حدثا وطنيا", "ويكفي أن تعلموا ماذا كان يقول قادة الرياضة في المغرب عن"
                       " الفريقين وكيف أن مباريات الفريقين كانت بالنسبة لهم حدثا وطنيا كبيرا.") == ""


def test_f26_what_question_then_said_still_speaks() -> None:
    """Guard: «سئل ماذا يريد، فقال إن …»: the later «قال» keeps its clause."""
    assert _speaker_of("الحوار", "وعندما سئل الوزير ماذا يريد من الاجتماع، قال الوزير إن الحوار"
                       " هو الحل الوحيد للأزمة.") == "الوزير"


# --- a verb clause keeps its «إنه/إنها» (seed 27, 935; F24/F25's left: «بحسب X، فعل …») ---

def _text_of(words: str, *paragraphs: str) -> str:
    return next((t for _, t in _found(*paragraphs) if words in t), "")


def test_f26_present_verb_clause_keeps_its_pronoun() -> None:
    """«يقول خبراء إنها تهدد التفوق …»: whose act it is («إنها» = the weapons) stays, and after
    «بحسب X،» it reads «فإنها تهدد» (before: «بحسب خبراء الحروب، تهدد التفوق …»)."""
    text = _text_of("التفوق", "تعمل بكين على تطوير أسلحة جديدة، يقول خبراء الحروب إنها تهدد"
                    " التفوق الأميركي في ملعب كانت تحتكره واشنطن.")
    assert text.startswith("إنها تهدد")
    assert after_bihasab(text).startswith("فإنها تهدد")


def test_f26_bare_alef_pronoun_reads_inna() -> None:
    """«قال إنه سيعتمد …» written «انه»: shown «فإنه سيعتمد» after «بحسب X،», «إنه» alone."""
    assert after_bihasab("انه سيعتمد على اللاعب المحلي") == "فإنه سيعتمد على اللاعب المحلي"
    assert standalone("انها تابعت تحركات المشتبه به") == "إنها تابعت تحركات المشتبه به"


def test_f26_past_verb_clause_unchanged() -> None:
    """Guard: a nominal clause keeps «إنه» as before; a past verb's clause starts at the verb."""
    assert _text_of("فخور", "وقال المدرب إنه فخور جدا بما قدمه اللاعبون في المباراة.").startswith(
        "إنه فخور")
    assert _text_of("الاتفاق", "وقال الوزير إنه وقع الاتفاق مع نظيره في العاصمة أمس.").startswith(
        "وقع الاتفاق")
    # the speaker's own act: «قال الوزير إنه سيزور» starts at the verb, as before
    assert _text_of("المدينة", "وقال الوزير إنه سيزور المدينة الأسبوع المقبل مع وفد كبير.").startswith(
        "سيزور")


# --- a bare body named definite before (seed 27, 2887: «— الهيئة») ---

def test_f26_bare_body_takes_its_definite_name() -> None:
    """«أصدرت الهيئة الوطنية العليا للمساءلة …» then «وقالت الهيئة: "…"» (before: «الهيئة»)."""
    assert _speaker_of("مصادرة", "أصدرت الهيئة الوطنية العليا للرقابة والتفتيش في البلاد، الاثنين،"
                       " قرارها بمصادرة أموال عدد من المسؤولين السابقين.",
                       'وقالت الهيئة في بيان نشرته على موقعها: "مصادرة الأموال المنقولة وغير'
                       ' المنقولة تسجل لوزارة المالية".') == "الهيئة الوطنية العليا للرقابة والتفتيش"


def test_f26_two_definite_bodies_leave_the_word_bare() -> None:
    """Guard: «اللجنة الأولمبية الدولية … اللجنة الوطنية للرياضة», then «وقالت اللجنة»: which
    one is not written; the word stays bare."""
    assert _speaker_of("المنشطات", "رفضت اللجنة الأولمبية الدولية طلب الاستئناف، فيما أيدت اللجنة"
                       " الوطنية للرياضة القرار الصادر أمس.",
                       'وقالت اللجنة في بيان: "سنواصل مكافحة المنشطات في كل البطولات المقبلة".'
                       ) == "اللجنة"


# --- a title's field after its preposition (seed 27: 1808, 5760, 3198) ---

def test_f26_field_participle_keeps_its_field() -> None:
    """«ويقول القائمون على الدراسة إن …» (1808: «بحسب القائمين»), «المشارك في إعداد التقرير:»
    (5760: «رافاييل ألسكوج المشارك»)."""
    assert _speaker_of("الأسر", "ويقول القائمون على البحث إن الأسر تتردد في إنجاب الأطفال إذا"
                       " لم تكن واثقة من تحسن الأوضاع.") == "القائمون على البحث"
    assert _speaker_of("تحليلاتنا", 'وقال يوهان سفينسون المشارك في إعداد الدراسة: "تظهر'
                       ' تحليلاتنا أن العمال المهاجرين يدفعون ضرائب أكبر مما يأخذون".') == (
        "يوهان سفينسون المشارك في إعداد الدراسة")


def test_f26_superlative_keeps_in_the_world() -> None:
    """«حذر أصغر ملياردير في العالم من أن …» (3198: «بحسب أصغر ملياردير»)."""
    assert _speaker_of("المطورين", "حذر أكبر مستثمر في العالم من أن الخطاب المناهض للهجرة يثني"
                       " المطورين عن الذهاب إلى البلاد.") == "أكبر مستثمر في العالم"


def test_f26_occasion_after_official_is_no_field() -> None:
    """Guard: «وقال المسؤول في تصريح للصحفيين إن» — where he spoke, not his field."""
    assert _speaker_of("الحدود", "وقال المسؤول في تصريح للصحفيين إن الوضع على الحدود هادئ"
                       " تماما منذ الصباح.") == "المسؤول"


# --- a surname in «بال…» (6748), the writer's «، حيث» after the marks close (4220) ---

def test_f26_surname_in_bal_is_a_name() -> None:
    """«كشف جيمس بالوتا، رئيس النادي، عن … مشيرا إلى أن …» (6748: «جيمس»)."""
    assert _speaker_of("متجرا", "كشف جيمس بالوتا، رئيس نادي روما، عن أسباب رحيل النجمين، مشيرا"
                       " إلى أن ناديه ليس متجرا لبيع اللاعبين.") == "جيمس بالوتا"


def test_f26_bi_al_adverb_is_no_surname() -> None:
    """Guard: «وقال ترامب بالفعل، في تغريدة، إن …» — «بالفعل» is «indeed»."""
    assert _speaker_of("الاتفاق", "وقال ترامب بالفعل، في تغريدة على تويتر، إن الاتفاق سيئ جدا"
                       " للولايات المتحدة.") == "ترامب"


def test_f26_writers_where_after_closed_marks() -> None:
    """«إن بقاءهم على قيد الحياة "معجزة."، حيث قتل 49 …» (4220: the writer's count shown)."""
    text = _text_of("معجزة", 'قال ناجون من حادث تحطم الطائرة، إن بقاءهم على قيد الحياة'
                    ' "معجزة."، حيث قتل 49 من إجمالي 71 راكبا كانوا على متنها.')
    assert text.endswith('"معجزة."')


# --- a bare «البيان» after a statement posted on a page (F24's left: 5460, 888) ---

def test_f26_bare_statement_is_who_posted_it() -> None:
    """«…، حسبما أعلنت الرئاسة على صفحتها بموقع "فيسبوك". وأوضح البيان أن …» (5460: «البيان»)."""
    assert _speaker_of("إعفاؤه", 'أعلن رئيس البلاد، الأربعاء، استقالته من منصبه، حسبما أعلنت'
                       ' الرئاسة على صفحتها بموقع "فيسبوك".',
                       'وأوضح البيان أن "الرئيس طلب في 21 مارس أن يتم إعفاؤه من مهامه".') == "الرئاسة"


def test_f26_bare_statement_without_a_poster_stays() -> None:
    """Guard: no statement and no page named before: «البيان» stays."""
    assert _speaker_of("إعفاؤه", "أعلن رئيس البلاد، الأربعاء، استقالته من منصبه بمفعول فوري.",
                       'وأوضح البيان أن "الرئيس طلب في 21 مارس أن يتم إعفاؤه من مهامه".') == "البيان"


def test_f26_long_title_keeps_name_after_its_comma() -> None:
    """«وقال الأستاذ في مركز … في جامعة كلية لندن، غاريث بارنز، المشارك في قيادة فريق البحث:
    "…"» (F25's left, 5721: «الأستاذ في مركز ويلكام تراست»)."""
    speaker = _speaker_of("ثورة", 'وقال الأستاذ في مركز ويلكام تراست لأبحاث الأعصاب في جامعة'
                          ' المدينة، جون سميث، المشارك في قيادة فريق البحث: "يمكن أن يحدث'
                          ' هذا ثورة في مجال تصوير المخ".')
    assert speaker.endswith("جون سميث")


def test_f26_addressee_medium_after_long_title_is_no_name() -> None:
    """Guard: «وقالت مديرة الاستثمار في شركة X، لبي بي سي، إن …»: whom she told."""
    assert "بي" not in _speaker_of("هبوط", "وقالت مديرة الاستثمار في شركة راثبونز للأوراق"
                                   " المالية، لبي بي سي، إن هبوط الأسواق لم يحدث تغييرا كبيرا.")
