"""Brief F25 (session 13): QA25's wrong speakers (E1, E2, E4, E6), on invented sentences.

The writer's own «قلتُ … إن» is nobody else's statement; «ودعا البيان منسق …، فلان، "…"» credits
the statement, not whom it called on; a speaker stops before «خارج», «وبحلول» and before the dual
«طلبا عدم الكشف عن هويتيهما»; «تنقّل» (moved) is no «تنقل» (relays); a title placed «في» its firm
keeps the name that follows («الباحث في مجال … فلان»). Guards keep what must not change.
"""

from __future__ import annotations

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


def test_f25_writers_own_said_is_not_the_subjects() -> None:
    """«تحدث الأهالي …، إذ قلت لأحدهم إن …» (QA25 E1, an op-ed): the writer said it, not the
    people of «تحدث» (before: credited to them)."""
    assert _speaker_of("الطحين", "تحدث وجهاء البلدة في الاجتماع إلى أعضاء اللجنة، إذ قلت"
                       " لأحدهم إن كميات الطحين التي وصلت إلينا لم تكن كافية أبدا.") == ""


def test_f25_subjects_said_still_speaks() -> None:
    """Guard: without the writer's «قلتُ» the subject of «تحدث … إن» keeps the clause."""
    assert _speaker_of("الطحين", "وقال وجهاء البلدة في الاجتماع إن كميات الطحين التي وصلت"
                       " إلينا لم تكن كافية أبدا.") == "وجهاء البلدة"


def test_f25_statement_calls_on_someone() -> None:
    """«ودعا البيان منسق الإغاثة في الأمم المتحدة، فلان، "…"» (QA25 E1): the statement speaks;
    the coordinator is whom it called on (before: «البيان منسق الإغاثة …»)."""
    assert _speaker_of("بسرعة التدخل", 'ودعا البيان منسق الإغاثة الدولية، جون سميث، "بسرعة'
                       ' التدخل للإفراج عن الموظفين المختطفين وإنهاء معاناتهم".') == "البيان"


def test_f25_statement_keeps_its_adjective() -> None:
    """Guard: «البيان الختامي» is one subject after «دعا»."""
    assert _speaker_of("بسرعة التدخل", 'ودعا البيان الختامي "بسرعة التدخل للإفراج عن'
                       ' الموظفين المختطفين وإنهاء معاناتهم".') == "البيان الختامي"


def test_f25_speaker_ends_before_outside() -> None:
    """«وتحدث فلان خارج المحكمة، قائلا إن …» (QA25 E2: «غرانت خارج المحكمة مقر»)."""
    assert _speaker_of("سعيد", "وتحدث سميث خارج المحكمة العليا، قائلا إنه سعيد جدا بالحكم"
                       " الصادر اليوم.") == "سميث"


def test_f25_speaker_ends_before_by_year() -> None:
    """«وتوقعت الشركة وبحلول عام 2040، أن …» (QA25 E2: «BP وبحلول عام»)."""
    assert _speaker_of("يرتفع", "وتوقعت أرامكو وبحلول عام 2040، أن يرتفع الطلب العالمي على"
                       " الطاقة بنسبة الثلث.") == "أرامكو"


def test_f25_two_who_asked_not_to_be_named() -> None:
    """«وقال مسؤولان طلبا عدم الكشف عن هويتيهما إن …» (QA25 E2: «مسؤولان أمريكيان طلبا»)."""
    assert _speaker_of("المروحية", "وقال مسؤولان فرنسيان طلبا عدم الكشف عن هويتيهما إن"
                       " المروحية سقطت بسبب عطل فني.") == "مسؤولان فرنسيان"


def test_f25_moved_is_no_relaying() -> None:
    """«…، تنقّل من قرية إلى أخرى، …» (QA25 E2: «الزمن امتدت حتى …» credited with it): the
    shadda makes «تنقّل» «moved», no verb of relaying."""
    assert _found("وعلى مدى عقدين من الزمن امتدت حتى بداية الألفية الثالثة، تنقّل من قرية إلى"
                  " أخرى، وعرض لنا بعض قصص هؤلاء المسنين التي حرص أن ينقلها إلينا بكل دقة.") == []


def test_f25_relays_still_speaks() -> None:
    """Guard: «وتنقل الوكالة عن مصادر أن …» is still the agency relaying."""
    assert _speaker_of("الاتفاق", "وتنقل الوكالة عن مصادر مطلعة أن الاتفاق بات قريبا جدا من"
                       " التوقيع النهائي.") == "الوكالة"


def test_f25_title_placed_in_its_field_keeps_the_name() -> None:
    """«وقال الباحث في مجال الأمن الإلكتروني فلان لبي بي سي إن» (QA25 E4: «الباحث»)."""
    assert _speaker_of("الشركة تعاملت", "وقال الباحث في مجال الأمن الإلكتروني جون سميث لبي بي"
                       " سي إن الشركة تعاملت بصورة جيدة مع الاختراق.") == (
        "الباحث في مجال الأمن الإلكتروني جون سميث")


def test_f25_editor_at_a_medium_keeps_the_name() -> None:
    """«يقول محرر شؤون … في بي بي سي، فلان، إن» (QA25 E4: «محرر شؤون الشرق الأوسط»)."""
    assert _speaker_of("المعارضة", "يقول محرر شؤون الشرق الأوسط في بي بي سي، جيريمي بوين، إن"
                       " المعارضة تواجه خيارات صعبة.") == (
        "محرر شؤون الشرق الأوسط في بي بي سي، جيريمي بوين")


def test_f25_analyst_at_a_firm_keeps_the_name() -> None:
    """«وقال المحلل في شركة IDC فلان إن» (QA25 E4, the edge page: «المحلل»)."""
    assert _speaker_of("المبيعات", "وقال المحلل في شركة IDC أحمد سالم إن المبيعات سترتفع هذا"
                       " العام.") == "المحلل في شركة IDC أحمد سالم"


def test_f25_title_placed_with_no_name_is_cut_as_before() -> None:
    """Guards: «الباحث في الشؤون الإسرائيلية إن» has no name after its field; «الرئيس في خطاب
    متلفز» is where he spoke."""
    assert _speaker_of("الحكومة", "وقال الباحث في الشؤون الإسرائيلية إن الحكومة الحالية ستسقط"
                       " قريبا بسبب الخلافات.") == "الباحث"
    assert _speaker_of("الحكومة", "وقال الرئيس في خطاب متلفز إن الحكومة الحالية ستسقط قريبا"
                       " بسبب الخلافات.") == "الرئيس"


def test_f25_another_official_still_borrows_the_head() -> None:
    """Guard: «وصرح مسؤول أميركي …، في حين قال آخر إنه …» is «مسؤول آخر» (QA13)."""
    assert _speaker_of("نجح جزئيا", "وصرح مسؤول أميركي أن الهجوم فشل، في حين قال آخر إنه نجح"
                       " جزئيا في تحقيق أهدافه المعلنة.") == "مسؤول آخر"
