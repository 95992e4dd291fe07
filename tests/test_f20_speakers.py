"""Brief F20 (session 11): the bare words F19 left, on invented sentences. A bare «المصدر» is
the unnamed source the article described before («مصدر أمني بوزارة الداخلية»); a bare «البيان»
is the subject that issued it («أصدر مجلس الأمن الدولي بيانا», «وأوردت وزارة … في بيان») or
a hashtag after it («بيان #وزارة_العدل»). Guards keep what names nobody: a plural source, «مصدر
قلق», a pronoun issuer, a subject that is not a name."""

from __future__ import annotations

import pytest

from digests.bare_bodies import resolve
from digests.bare_sources import described_source
from digests.quote_marks import quotable
from digests.quotes import find_quotes, key_quotes

_ADDED = "وأضاف المصدر أن عددا من المشجعين كانوا يحاولون دخول الملعب بالمخالفة للتعليمات."
_STATEMENT = "وأضاف البيان أن الحكومة الجديدة ستؤدي اليمين الدستورية خلال الأيام المقبلة القريبة."


def _speakers(*paragraphs: str) -> list[str]:
    """Every candidate's speaker as the digest credits it (bare bodies named)."""
    return [c.speaker for c in resolve(quotable(paragraphs), find_quotes(list(paragraphs)))]


@pytest.mark.parametrize(("described", "source"), [
    ("وقال مصدر أمني بوزارة الداخلية للصحفيين إن أجهزة الأمن ألقت القبض على عدد منهم.",
     "مصدر أمني بوزارة الداخلية"),
    ("كشف مصدر رسمي في التحالف العربي الداعم للشرعية عن أدلة جديدة.",
     "مصدر رسمي في التحالف العربي"),
    ("بحسب ما أفاد مصدر مطّلع على التحقيق لوكالة فرانس برس.", "مصدر مطّلع على التحقيق"),
    ("كما أعلن، السبت، مصدر قريب من التحقيق.", "مصدر قريب من التحقيق"),
    ("واعتبر المصدر الرئاسي الفرنسي أن الهدنة لم تكن كافية.", "المصدر الرئاسي الفرنسي"),
    # guards: a plural source, a source described by nothing, only a bare one before
    ("أفادت مصادر مطلعة أن السلطات اعتقلت ضابطة كبيرة.", "المصدر"),
    ("ونقلت الصحيفة عن مصدر لم تسمه أن السلطات اعتقلت ضابطة.", "المصدر"),
    ("وقال المصدر نفسه إن السلطات اعتقلت ضابطة كبيرة في المدينة.", "المصدر"),
])
def test_f20_bare_source_is_the_one_described_before(described: str, source: str) -> None:
    assert _speakers("وشهدت المدينة أحداثا متفرقة مساء أمس. " + described, _ADDED)[-1] == source


def test_f20_source_passes_over_a_bare_one_and_a_worry() -> None:
    """«وأضاف المصدر» in between is the same source; «مصدر قلق» is no source of news, an
    earlier described source is still meant."""
    paragraphs = ["وقال مصدر أمني بوزارة الداخلية إن أجهزة الأمن ألقت القبض على عدد منهم.",
                  "وأضاف المصدر أن الأمر بات مصدر قلق كبير للسلطات. وتابع المصدر أن"]
    assert described_source(paragraphs, 1, len(paragraphs[1])) == "مصدر أمني بوزارة الداخلية"


def test_f20_digest_quote_credits_the_described_source() -> None:
    """The digest shows the same quote; only its credit changes."""
    paragraphs = ["وشهد الملعب أحداثا متفرقة مساء أمس بعد نهاية المباراة الكبيرة.",
                  "وأكد مصدر أمني بوزارة الداخلية وقوع إصابات طفيفة بين المشجعين.",
                  _ADDED]
    quotes = key_quotes(paragraphs)
    assert [q.speaker for q in quotes if q.text.startswith("عددا من المشجعين")] == [
        "مصدر أمني بوزارة الداخلية"]
    assert [c.speaker for c in find_quotes(paragraphs)][-1] == "المصدر"


@pytest.mark.parametrize(("statement", "issuer"), [
    ("أصدر مجلس الأمن الدولي اليوم الخميس بيانا رئاسيا حول اليمن.", "مجلس الأمن الدولي"),
    ("أصدرت المملكة العربية السعودية وبريطانيا بيانا مشتركا، مساء الجمعة، في ختام الزيارة.",
     "المملكة العربية السعودية وبريطانيا"),
    ("وأوردت وزارة الخارجية السويدية في بيان أن الوزيرين ناقشا الفرص.",
     "وزارة الخارجية السويدية"),
    ("وبحسب بيان #وزارة_العدل_الأميركية، فإن المشتبه بهما احتجزا.", "وزارة العدل الأميركية"),
    # guards: a pronoun subject, a vague one, a subject that runs into a clause, a participle
    ("وأصدروا بيانا مشتركا يدين الهجوم.", "البيان"),
    ("وأصدرت المنظمة الثلاثاء بيانها عن الحرب.", "البيان"),
    ("أعلنت القوات المسلحة بالتعاون مع وزارة الداخلية عن قصف أهداف في بيان رسمي.", "البيان"),
    ("ودعا الاتحاد الأوروبي، الجمعة، إلى وقف فوري للقتال، مستخدما بيانا شديد اللهجة.",
     "البيان"),
    ("وقالت الحكومة في بيانها للصحفيين إن الوضع مستقر.", "البيان"),
])
def test_f20_bare_statement_issued_by_the_subject_before(statement: str, issuer: str) -> None:
    assert _speakers("وأعلنت السلطات تعديلا وزاريا واسعا شمل عددا من الحقائب. " + statement,
                     _STATEMENT)[-1] == issuer


@pytest.mark.parametrize(("named", "body"), [
    ("وسلطت صحيفة ماركا الإسبانية الضوء على اللاعب.", "صحيفة ماركا الإسبانية"),
    ('وبحسب ما أفادت وكالة أنباء "الأناضول" التركية، وقع الحادث ليلا.',
     'وكالة أنباء "الأناضول" التركية'),
    ("ونقلت وكالة أنباء الشرق الأوسط الرسمية عن شهود أن الحادث وقع ليلا.",
     "وكالة أنباء الشرق الأوسط الرسمية"),
    # guards: a name of two unquoted words, a name with no adjective after it
    ("وسلطت صحيفة يديعوت أحرونوت الضوء على اللاعب.", "الصحيفة"),
    ("وذكرت صحيفة ماركا أن اللاعب غاضب.", "الصحيفة"),
])
def test_f20_unquoted_paper_and_news_agency_names(named: str, body: str) -> None:
    """A paper or agency named without quotation marks: one word closed by its relative
    adjective («صحيفة ماركا الإسبانية»), or «وكالة أنباء» and its name."""
    bare = "الصحيفة" if "صحيفة" in named else "الوكالة"
    assert _speakers("ونشرت وسائل إعلام محلية تقارير عن الحادث. " + named,
                     f"وقالت {bare} إن اللاعب سيبقى في النادي حتى نهاية الموسم الحالي.",
                     )[-1] == body


@pytest.mark.parametrize(("written", "issuer"), [
    ("وقال البيان الصادر عن وزارة الخارجية الروسية إن فريق عمل سيعين.",
     "وزارة الخارجية الروسية"),
    ("وأعلن البيان الذي وقعته فصائل المعارضة المسلحة التزامها بالاتفاق.", "فصائل المعارضة"),
    ("وجاء في بيان الإليزيه أن الرئيس اتصل بنظيره.", "الإليزيه"),
    # guard: the paper that published it is not its issuer
    ("وأضاف البيان الذي نشرته البعثة الأميركية أن الدول قلقة.", "البيان"),
])
def test_f20_definite_statement_with_its_issuer(written: str, issuer: str) -> None:
    assert _speakers("وأعلنت السلطات تعديلا وزاريا واسعا شمل عددا من الحقائب. " + written,
                     _STATEMENT)[-1] == issuer


def test_f20_an_earlier_statement_names_the_issuer_a_later_mention_does_not() -> None:
    """Corpus 4491, 4864: the last mention («كما دعا بيان المجلس …») names nobody strictly;
    the statement issued before («أصدر مجلس الأمن الدولي بيانا») is the same one."""
    assert _speakers(
        "أصدر مجلس الأمن الدولي اليوم الخميس بيانا رئاسيا حول اليمن.",
        "كما دعا بيان المجلس الأطراف إلى وقف تجنيد الأطفال في المدن.",
        _STATEMENT,
    )[-1] == "مجلس الأمن الدولي"
