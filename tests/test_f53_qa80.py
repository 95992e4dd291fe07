"""Brief F53 (session 28): QA80's wrong quote ends and speakers, on invented sentences.

Each fix's test fails on main before F53 (0e3ea450); the guards pass on both.
"""

from __future__ import annotations

from digests.quotes import find_quotes
from digests.reached_names import reached_name


def test_f53_in_reply_to_that_ends_the_reported_clause() -> None:
    """QA80-3 (3908): «…، وردا على ذلك، طالب وزير …» opens another voice's reply; the
    commissioner's clause ends before it."""
    paragraph = ('وقال مفوض الأمم المتحدة لحقوق الإنسان إن لديه شكوكا قوية إزاء حدوث تطهير عرقي،'
                 ' وردا على ذلك، طالب وزير الداخلية في البلاد بتقديم "أدلة دامغة".')
    cands = find_quotes([paragraph])
    assert cands[0].speaker == "مفوض الأمم المتحدة لحقوق الإنسان"
    assert cands[0].text == "لديه شكوكا قوية إزاء حدوث تطهير عرقي"


def test_f53_opinion_sought_is_no_cue() -> None:
    """QA80-2 (3284): «لمعرفة رأي الجنسين …» is «opinion», not the verb «رأى»: the
    presenter's question after «وسألتهما:» is nobody's statement."""
    paragraph = ('لمعرفة رأي الجنسين في هذه المسألة حاورت المذيعة سلمى زوجين شابين من الأردن،'
                 ' وسألتهما: من هو الأكثر رضا عن عمله بينكما؟')
    assert find_quotes([paragraph]) == []


def test_f53_the_verb_raa_still_speaks() -> None:
    """Guard: «ورأى الوزير أن …» is the verb and names its subject."""
    paragraph = "ورأى الوزير أن الحكومة قادرة على تجاوز الأزمة الحالية خلال أشهر قليلة."
    cands = find_quotes([paragraph])
    assert [c.speaker for c in cands] == ["الوزير"]


def test_f53_a_request_heading_the_relative_antecedent() -> None:
    """QA80-6 (728): «رغم طلب جمهورية الكونغو التي ترى أن …»: the country holds the view,
    not its request."""
    paragraph = ('وقضت المحكمة برفض الدعوى على الرغم من طلب جمهورية الكونغو التي ترى أن الحصانة'
                 ' التي يتمتع بها وزيرها قد انتهكت.')
    cands = find_quotes([paragraph])
    assert [c.speaker for c in cands] == ["جمهورية الكونغو"]


def test_f53_a_body_after_comma_and_verb_is_its_own_subject() -> None:
    """QA80-5 (6016): «ونفت موسكو …، وكتبت السفارة الروسية …: "…"»: the embassy wrote it."""
    paragraph = ('ونفت موسكو هذه الأنباء، وكتبت السفارة الروسية في باريس على "تويتر": "ليس هناك'
                 ' أي رسالة من هذا النوع إلى الرئيس".')
    cands = find_quotes([paragraph])
    assert [c.speaker for c in cands] == ["السفارة الروسية"]


def test_f53_a_coordinated_verb_without_a_new_subject_goes_on() -> None:
    """Guard: «ونفت الوزارة الأنباء، وقالت إن …» is still the ministry's."""
    paragraph = ("ونفت الوزارة هذه الأنباء، وقالت إن الاجتماع سيعقد في موعده المحدد الأسبوع المقبل.")
    cands = find_quotes([paragraph])
    assert cands and all(c.speaker == "الوزارة" for c in cands)


def test_f53_a_member_for_a_seat_reaches_his_name() -> None:
    """QA80-9 (3416, 301): «عضو البرلمان البريطاني عن مدينة X، NAME،» and «عضو مجلس الشيوخ
    عن ولاية X، NAME،» show the member's name, not his bare title."""
    p1 = ('ودعا عضو البرلمان البريطاني عن مدينة برايتون، توماس براون، إلى الهدوء، قائلا: "إن كل'
          ' الأدوات متاحة أمامنا".')
    assert reached_name("عضو البرلمان البريطاني", p1) == "عضو البرلمان البريطاني توماس براون"
    p2 = 'وقال عضو مجلس الشيوخ عن ولاية تكساس، جون كورنين، إن "الكونغرس سيتحرك بسرعة".'
    assert reached_name("عضو مجلس الشيوخ", p2) == "عضو مجلس الشيوخ جون كورنين"


def test_f53_a_seat_with_no_name_after_stays_bare() -> None:
    """Guard: «عن ولاية تكساس، إن …» — no name after the seat: the title stays as written."""
    p = 'وقال عضو مجلس الشيوخ عن ولاية تكساس، إن "الكونغرس سيتحرك بسرعة".'
    assert reached_name("عضو مجلس الشيوخ", p) == "عضو مجلس الشيوخ"
