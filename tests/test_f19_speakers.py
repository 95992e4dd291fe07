"""Brief F19 (session 11, QA21 R5): the one speaker a compact digest shows, on invented
sentences. A speaker never ends in a finite verb («مجلس الأمن الدولي تبنى»), and a bare
«الصحيفة», «الوكالة», «الوزارة», «الخارجية», «البيان» is the body the article named before.
The guards (a body not read strictly, a wire credit, a verb that leaves only a particle) keep
what must not change."""

from __future__ import annotations

import pytest

from digests.bare_bodies import resolve
from digests.quote_marks import quotable
from digests.quotes import find_quotes, key_quotes
from digests.speaker_checks import describing_verb_cut


def _speakers(*paragraphs: str) -> list[str]:
    """Every candidate's speaker as the digest credits it (bare bodies named)."""
    return [c.speaker for c in resolve(quotable(paragraphs), find_quotes(list(paragraphs)))]


def test_f19_kana_subject_ends_before_its_own_past_verb() -> None:
    """QA21 R5 (corpus 1666): «وكان مجلس الأمن الدولي تبنى السبت قرارا يدعو …» — the verb
    after «كان»'s subject is no part of the council's name."""
    paragraph = ('وكان مجلس الأمن الدولي تبنى السبت بالإجماع قرارا يدعو إلى وقف إطلاق النار من أجل'
                 ' "إفساح المجال أمام إيصال المساعدات الإنسانية بشكل منتظم إلى المدنيين".')
    assert _speakers(paragraph) == ["مجلس الأمن الدولي"]


@pytest.mark.parametrize(("speaker", "cut"), [
    ("مستشار أجنبي يعمل", "مستشار أجنبي"),
    ("كليتشدار أوغلو قد", "كليتشدار أوغلو"),
    ("تقرير سري نشرته", "تقرير سري"),
    ("فتاة تبلغ", "فتاة"),
    # guards: a particle alone names nobody; a verb inside the name before its publisher stays;
    # «نشرة» (a bulletin) is a noun.
    ("ولم يرغب", "ولم يرغب"),
    ("إحصائية نشرها موقع الجيش", "إحصائية نشرها موقع الجيش"),
    ("رئيس تحرير نشرة", "رئيس تحرير نشرة"),
])
def test_f19_verb_tail_cut(speaker: str, cut: str) -> None:
    assert describing_verb_cut(speaker) == cut


def test_f19_bare_newspaper_is_the_one_named_before() -> None:
    """«وقالت الصحيفة» after «ونشرت صحيفة "الغارديان" البريطانية …»."""
    assert _speakers(
        'ونشرت صحيفة "الغارديان" البريطانية تقريرا مطولا عن الحرب في اليمن.',
        'وقالت الصحيفة إن الحرب ستطول كثيرا في المنطقة كلها.',
    ) == ['صحيفة "الغارديان" البريطانية']


def test_f19_digest_quote_credits_the_named_paper_and_keeps_its_words() -> None:
    """The digest (key_quotes) shows the same quote, credited to the paper; the finder's own
    candidate keeps the speaker as written (ranking is unchanged)."""
    paragraphs = ['ونشرت صحيفة "الغارديان" البريطانية تقريرا مطولا عن الحرب في اليمن.',
                  'وقالت الصحيفة إن الحرب ستطول كثيرا في المنطقة كلها بلا شك.']
    [quote] = key_quotes(paragraphs)
    assert quote.speaker == 'صحيفة "الغارديان" البريطانية'
    assert quote.text.startswith("الحرب ستطول")
    assert [c.speaker for c in find_quotes(paragraphs)] == ["الصحيفة"]


def test_f19_the_last_paper_named_not_the_first() -> None:
    """A press review (corpus 6653): «الصحيفة» is the paper named last before the quote."""
    assert _speakers(
        'وعنونت صحيفة "ماركا" في صدر صفحتها الأولى عن الفوز الكبير.',
        'أما صحيفة "سبورت" فأبرزت صورة للنجم الغائب عن المباراة.',
        'وأشارت الصحيفة إلى أن المنتخبين خاضا المباراة كأنها نهائي كأس العالم.',
    ) == ['صحيفة "سبورت"']


def test_f19_bare_paper_stays_when_the_last_one_is_not_read() -> None:
    """«وسلطت صحيفة يديعوت أحرونوت الضوء …»: an unquoted name of two words runs into the
    object; an earlier paper is not the one meant, so «الصحيفة» stays. (A one-word name its
    relative adjective closes, «صحيفة ماركا الإسبانية», is read since F20:
    tests/test_f20_speakers.py.)"""
    assert _speakers(
        'ونشرت صحيفة "الغارديان" البريطانية تقريرا عن الحرب.',
        'وسلطت صحيفة يديعوت أحرونوت الضوء على اللاعب.',
        'وقالت الصحيفة إن اللاعب سيبقى في النادي حتى نهاية الموسم.',
    ) == ["الصحيفة"]


def test_f19_bare_foreign_ministry_and_ministry() -> None:
    assert _speakers(
        'وذكرت وزارة الخارجية الروسية أن الوزير سيزور المنطقة الأسبوع المقبل.',
        'وأضافت الخارجية أن الزيارة ستبحث الأزمة في سوريا بالتفصيل.',
        'وقالت الوزارة إن الوفد سيضم خبراء عسكريين ودبلوماسيين كبارا.',
    ) == ["وزارة الخارجية الروسية"] * 3


def test_f19_a_wire_credit_does_not_replace_the_agency_that_spoke() -> None:
    """Corpus 479: Fitch spoke; «وفقا لوكالة "فرانس برس"» credits the writer's facts."""
    assert _speakers(
        'أعلنت وكالة التصنيف الائتماني فيتش أنها رفعت علامة الدين السيادي لليونان.',
        'ويأتي القرار بعد سنوات من الأزمة، وفقا لوكالة "فرانس برس".',
        'وقالت الوكالة إن التوقعات بإنجاز المراجعة الثالثة تقلل المخاطر كثيرا.',
    )[-1] == "وكالة التصنيف الائتماني فيتش"


def test_f19_a_wire_credit_names_the_agency_when_none_spoke() -> None:
    """Corpus 5408: «وبحسب وكالة الأنباء التركية، …» then «وأضافت الوكالة أن …»."""
    assert _speakers(
        'وبحسب وكالة الأنباء التركية، تضم لائحة الاتهامات بحق القس تهما كثيرة.',
        'وأضافت الوكالة أن القس يواجه شبح السجن لمدة خمسة عشر عاما.',
    ) == ["وكالة الأنباء التركية"]


def test_f19_bare_statement_is_its_issuers() -> None:
    """QA21 R5 (UNICEF's statement): «وأضاف البيان» after «وقالت X في بيان»."""
    assert _speakers(
        'وقالت منظمة اليونيسف في بيان إن الأطفال يعانون من نقص الغذاء في المدينة.',
        'وأضاف البيان أن المساعدات لم تصل إلى المدينة منذ أشهر طويلة.',
    ) == ["منظمة اليونيسف", "منظمة اليونيسف"]


def test_f19_bare_statement_after_a_statement_of_a_body() -> None:
    """«وقال بيان لوزارة الداخلية …» then «وأضاف البيان …»: the body issued it (the first line
    keeps «بيان لوزارة الداخلية» as written, tests/test_quotes.py). A body that names no more
    than «البيان» («بيان للحزب» → «الحزب») leaves it as written (F21: «الشرطة», «الجيش»,
    «الرئاسة» name the country's body and are given, tests/test_f21_speakers.py)."""
    assert _speakers(
        'وقال بيان لوزارة الداخلية إن المشتبه به اعتقل في منزله صباح اليوم بعد مداهمة.',
        'وأضاف البيان أن التحقيق ما زال جاريا لمعرفة دوافع الهجوم على المبنى.',
    ) == ["بيان لوزارة الداخلية", "وزارة الداخلية"]
    assert _speakers(
        'وقال بيان للحزب إن المشتبه به اعتقل في منزله صباح اليوم بعد مداهمة.',
        'وأضاف البيان أن التحقيق ما زال جاريا لمعرفة دوافع الهجوم على المبنى.',
    ) == ["بيان للحزب", "البيان"]


def test_f19_statement_issuer_words() -> None:
    """«بيان للشرطة», «بيان صادر عن البيت الأبيض»: the body that issued it."""
    from digests.statement_issuers import statement_issuer
    assert statement_issuer("بيان للشرطة") == "الشرطة"
    assert statement_issuer("بيان لوزارة المالية") == "وزارة المالية"
    assert statement_issuer("بيان صادر عن البيت الأبيض") == "البيت الأبيض"
    assert statement_issuer("وزارة المالية") == "وزارة المالية"


@pytest.mark.parametrize(("statement", "issuer"), [
    ("وذلك بحسب بيان صادر عن الديوان الملكي الأردني.", "الديوان الملكي الأردني"),
    ("كما أفاد بيان لوزارة الخارجية الصينية.", "وزارة الخارجية الصينية"),
    ("وجاء في بيان هيئة الرياضة: ستقام البطولة في الرياض.", "هيئة الرياضة"),
    # guards: no issuer written after the statement; a day is no issuer's name
    ("بحسب بيان نشرته وسائل إعلام محلية.", "البيان"),
    ("وقالت الحكومة في بيانها الأحد إن الوضع مستقر.", "البيان"),
])
def test_f19_bare_statement_issuer_written_after_it(statement: str, issuer: str) -> None:
    """Corpus 1724, 7110, 564: no quote was said «في بيان», but the article wrote whose the
    statement is right after the word."""
    assert _speakers(
        "وأعلنت السلطات تعديلا وزاريا واسعا شمل عددا من الحقائب. " + statement,
        "وأضاف البيان أن الحكومة الجديدة ستؤدي اليمين الدستورية خلال الأيام المقبلة.",
    )[-1] == issuer
