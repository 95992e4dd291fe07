"""Brief F24 (session 13): seed 25's wrong speakers and F23's left list, on invented sentences.

«يستمر وفق رأي اللجنة، …، أي أن …» is the writer's sentence («رأي» after «وفق» is «opinion», no
verb); «وأفاد بيان مقتضب صدر عن مكتب رئيس المجلس، …، بأن» credits the statement of the office,
not the body named before; after «اتهم/دعا …» a definite plural subject ends before the name
accused («ويتهم المنتقدون بوتن …»), and a name before «أعضاء المجلس» ends before them; a bare
«الوزير» takes a portfolio of two whole («وزير الطاقة والصناعة»). Guards keep what must not change.
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
    """The speaker credited with the candidate holding `words`."""
    return next(s for s, t in _found(*paragraphs) if words in t)


def test_f24_opinion_after_according_to_is_no_verb() -> None:
    """«يستمر وفق رأي اللجنة الموضوعة ويُرفض …، أي أن المدرب …» (seed 25, 1584: «بحسب اللجنة
    الموضوعة ويُرفض الاستغناء عنه، المدرب …»): a columnist's sentence, nobody's speech."""
    assert _found("فالمدرب الجيد يستمر وفق رأي اللجنة المختصة ويُرفض الاستغناء عنه، مع وضع شروط"
                  " تضمن للأندية حقها، أي أن المدرب الذي لا يقدم عملاً جيداً يلغى عقده.") == []


def test_f24_opinion_inside_a_statement_keeps_its_speaker() -> None:
    """«حسب رأي اللجنة» inside a minister's clause leaves the clause his (before: «أي أن …»
    was a second clause, credited to «المدرب الجيد يستمر حسب»)."""
    assert _speaker_of("يلغى عقده", "وقال الوزير إن المدرب الجيد يستمر حسب رأي اللجنة، أي أن"
                       " المدرب الذي لا يقدم عملاً جيداً يلغى عقده.") == "الوزير"


def test_f24_statement_issued_by_an_office_speaks() -> None:
    """«وأفاد بيان مقتضب صدر عن مكتب رئيس مجلس النواب، سليم الجبوري، بأن» (seed 25, 2362:
    credited to «مجلس النواب العراقي», named before)."""
    speaker = _speaker_of(
        "وجه الشكر", "أقر البرلمان الوطني، الخميس، قرارا يدعو الحكومة إلى وضع جدول زمني.",
        "وأفاد بيان مقتضب صدر عن مكتب رئيس البرلمان، خالد العلي، بأن الأخير وجه الشكر لجميع"
        " الدول التي وقفت مع البلاد.")
    assert speaker == "بيان مقتضب صدر عن مكتب رئيس البرلمان"


def test_f24_statement_issued_with_the_past_verb() -> None:
    """«وقال بيان صدر عن وزارة الخارجية إن …» (no line was made before)."""
    assert _speaker_of("ستقدم الدعم", "وقال بيان صدر عن وزارة الخارجية إن الحكومة ستقدم الدعم"
                       " لجميع المتضررين من الفيضانات.") == "بيان صدر عن وزارة الخارجية"


def test_f24_statement_issued_guard() -> None:
    """Guard: «وأكد بيان صادر عن الوزارة أن» (K12) reads as before."""
    assert _speaker_of("ستقدم الدعم", "وأكد بيان صادر عن الوزارة أن الحكومة ستقدم الدعم لجميع"
                       " المتضررين.") == "بيان صادر عن الوزارة"


def test_f24_plural_accusers_end_before_the_accused() -> None:
    """«ويتهم المنتقدون بوتن الذي …، بإخفاء نوايا» (seed 24, 3506: «المنتقدون بوتن»), as «أبلغ»
    already was: a definite plural subject takes no indefinite word after it."""
    speaker = _speaker_of("فشل", "ويحذر المعارضون سالم الذي انتخب رئيسا عام 2000 من أنه فشل في"
                          " إدارة الاقتصاد خلال ولايته.")
    assert speaker == "المعارضون"


def test_f24_plural_subject_guard() -> None:
    """Guard: «ودعا المتظاهرون الحكومة إلى …، قائلين» keeps the protesters."""
    assert _speaker_of("فشلت", "ودعا المتظاهرون الحكومة إلى الاستقالة، قائلين إنها فشلت في"
                       " إدارة الأزمة الاقتصادية.") == "المتظاهرون"


def test_f24_members_urged_are_no_speaker() -> None:
    """«دعا رئيس الفيفا السويسري جاني إنفانتينو أعضاء المجلس إلى التصويت إيجابا بقوله "…"»
    (seed 24, 2700): whom he urged is no part of his name."""
    speaker = _speaker_of("نشجع", "لكن الأمر أصبح مؤكدا بعد أن دعا رئيس الاتحاد السويسري هانز"
                          " مولر أعضاء المجلس إلى التصويت إيجابا بقوله \"نشجع المجلس على اتخاذ"
                          " قرار إيجابي بهذا الخصوص\".")
    assert speaker == "رئيس الاتحاد السويسري هانز مولر"


def test_f24_bare_minister_takes_a_portfolio_of_two() -> None:
    """A bare «الوزير» after «وزير الطاقة والصناعة الإماراتي» (F23's left: «وزير الطاقة»)."""
    speaker = _speaker_of(
        "ستواصل", "والتقى وزير الطاقة والصناعة الإماراتي سهيل المزروعي نظيره في الرياض أمس.",
        "وقال الوزير إن بلاده ستواصل الاستثمار في الطاقة المتجددة بكل قوة.")
    assert speaker == "وزير الطاقة والصناعة الإماراتي"


def test_f24_bare_minister_guard() -> None:
    """Guard: «وزير الخارجية الألماني هايكو ماس» then «الوزير» (F23) reads as before."""
    speaker = _speaker_of(
        "ستواصل", "والتقى وزير الخارجية الألماني هايكو ماس نظيره في برلين أمس.",
        "وقال الوزير إن بلاده ستواصل دعم الحل السياسي للأزمة.")
    assert speaker == "وزير الخارجية الألماني"


def test_f24_writers_time_setting_ends_the_clause() -> None:
    """«…، وذلك بعد الضجة التي أثارتها تصريحاته» (seed 25, 6944): the writer's «and that came
    after …» is no part of the ambassador's line."""
    assert _found("وأكد السفير خالد الراشد أن بلاده لا تسعى لاستبدال رئيس السلطة، وذلك بعد"
                  " الضجة التي أثارتها تصريحاته خلال مقابلة تلفزيونية.") == [
        ("السفير خالد الراشد", "بلاده لا تسعى لاستبدال رئيس السلطة")]


def test_f24_dangling_issued_participle_is_dropped() -> None:
    """«كشف تقرير السعادة العالمي الصادر عن شبكة …» (seed 25, 4457: «… الصادر»)."""
    assert _speaker_of("الأسعد", "كشف تقرير التنمية العالمي الصادر عن شبكة حلول التنمية"
                       " التابعة للأمم المتحدة الأربعاء، أن سكان فنلندا هم الأسعد في العالم.") == (
        "تقرير التنمية العالمي")


def test_f24_bare_issued_statement_guard() -> None:
    """Guard: «وقال البيان الصادر عن مكتب رئيس الوزراء إن» still names the office (F21)."""
    assert _speaker_of("ستقدم", "وقال البيان الصادر عن مكتب رئيس الوزراء إن الحكومة ستقدم"
                       " الدعم للمتضررين.") == "مكتب رئيس الوزراء"


def test_f24_title_of_a_hashtag_body() -> None:
    """«قالت #كريستين_لاغارد المديرة العامة لـ #صندوق_النقد_الدولي» (seed 25, 2025: cut at
    «لـ»)."""
    assert _speaker_of("يبدي", "قالت #سارة_العلي المديرة العامة لـ #صندوق_النقد_العربي اليوم"
                       " الثلاثاء، إن الاقتصاد العالمي يبدي مظاهر نمو واسع النطاق.") == (
        "سارة العلي المديرة العامة لـصندوق النقد العربي")


def test_f24_statement_its_issuer_published() -> None:
    """«وقال بيان أصدره الجيش إن …» (no line was made before)."""
    assert _speaker_of("وقع", "وقال بيان أصدره الجيش إن الهجوم وقع في وقت متأخر مساء الأحد.") == (
        "بيان أصدره الجيش")


def test_f24_bare_statement_of_a_body_own_site() -> None:
    """«وقال بيان نشره الموقع الرسمي لقوات الحشد الشعبي إن …» then «وأضاف البيان أن» (789:
    «البيان»): the body whose own site published it."""
    assert _speaker_of(
        "اشتباكات", "وقال بيان نشره الموقع الرسمي لقوات الحرس الوطني إن الهجوم وقع مساء الأحد.",
        "وأضاف البيان أن اشتباكات وقعت بين الطرفين استمرت لأكثر من ساعتين.") == (
        "قوات الحرس الوطني")


def test_f24_statement_a_medium_published_guard() -> None:
    """Guard: «بيان نشرته وكالة الأنباء» then «البيان» is no statement of the agency (F19)."""
    assert _speaker_of(
        "اشتباكات", "وقال بيان نشرته وكالة الأنباء الرسمية إن الهجوم وقع مساء الأحد.",
        "وأضاف البيان أن اشتباكات وقعت بين الطرفين استمرت لأكثر من ساعتين.") == "البيان"


def test_f24_bare_council_takes_the_council_named_before() -> None:
    """A bare «المجلس» after «مجلس العموم البريطاني» (F23's left: 2700's «المجلس»)."""
    assert _speaker_of(
        "بناء على", "دعا مجلس العموم البريطاني مؤسس الشركة، الثلاثاء، إلى الإدلاء بشهادته.",
        "وأوضح المجلس في رسالته أنه بناء على ما تكشف من معلومات يجب أن يحضر بنفسه.") == (
        "مجلس العموم البريطاني")


def test_f24_bare_committee_after_a_definite_committee_stays_bare() -> None:
    """«رفضت اللجنة الأولمبية الدولية قرار لجنة الانضباط …، ورأت اللجنة» (as 2659's «قضت المحكمة
    الدستورية العليا بعدم الاعتداد بأحكام محكمة الأمور …، ورأت المحكمة» in an intermediate
    build: «محكمة الأمور»): the body written definite may be the one meant, so no indefinite one
    named before is given."""
    assert _speaker_of(
        "لا يمكن", "رفضت اللجنة الأولمبية الدولية قرار لجنة الانضباط في الاتحاد المحلي.",
        "ورأت اللجنة أن كافة القرارات السابقة لا يمكن اعتبارها صحيحة.") == "اللجنة"


def test_f24_bare_committee_takes_the_committee_named_before() -> None:
    """A bare «اللجنة» after «لجنة الانتخابات المركزية الروسية» (5111: «اللجنة»)."""
    assert _speaker_of(
        "بلغت", "أعلنت لجنة الانتخابات المركزية الروسية النتائج الأولية مساء الأحد.",
        "وقالت اللجنة إن نسبة المشاركة بلغت 67 في المئة من الناخبين.") == (
        "لجنة الانتخابات المركزية الروسية")


def test_f24_bare_report_never_takes_a_cut_name() -> None:
    """«قال تقرير صادر عن اليونيسف إن …» then «وأضاف التقرير أن» (5271: «تقرير صادر», and an
    intermediate build gave it to the bare «التقرير» too): the report is read with its issuer, and
    a cut name is no better than the bare word."""
    speaker = _speaker_of(
        "قتلوا", "قال تقرير صادر عن المنظمة الدولية إن العام الماضي كان الأكثر دموية للأطفال.",
        "وأضاف التقرير أن نحو ألف طفل قتلوا خلال العام الماضي.")
    assert speaker in ("التقرير", "تقرير صادر عن المنظمة الدولية")
    assert _speaker_of("دموية", "قال تقرير صادر عن المنظمة الدولية إن العام الماضي كان الأكثر"
                       " دموية للأطفال.") == "تقرير صادر عن المنظمة الدولية"


def test_f24_the_accused_are_no_speakers() -> None:
    """«كما اتُّهم المعتقلون بأنهم أعضاء في خلية …» (seed 26, 2707: «بحسب المعتقلين، أعضاء في
    خلية …»): unvoweled, a nominative plural right before «بأنهم» is the passive's subject."""
    assert _found("واعتقلت السلطات عشرات الأشخاص خلال الأسبوع الماضي.", "كما اتهم المعتقلون"
                  " بأنهم أعضاء في خلية شكلها تنظيم مسلح في الخارج.") == []


def test_f24_accuser_with_an_object_guard() -> None:
    """Guard: «واتهم الوزير بأن المعارضة تسعى …» keeps the minister (no plural in «ون»)."""
    assert _speaker_of("تسعى", "واتهم الوزير بأن المعارضة تسعى إلى تخريب الاقتصاد.") == "الوزير"


def test_f24_delegation_told_is_no_subject() -> None:
    """«… أن الزعيم الكوري الشمالي، كيم جونغ أون، قال لوفد كوري جنوبي … إنه "…"» (seed 26,
    4549: «بحسب مسؤول رفيع، الزعيم الكوري الشمالي، كيم جونغ أون»): «لوفد» is whom he told, so
    the leader written before the verb speaks and his name is no statement of the official's."""
    found = _found("وأشار مسؤول رفيع في الرئاسة إلى أن الزعيم الكوري الشمالي، كيم جونغ أون، قال"
                   " لوفد كوري جنوبي في مهمة الأسبوع الماضي إنه \"يتفهم\" إجراء المناورات.")
    assert found == [("الزعيم الكوري الشمالي كيم جونغ أون", "\"يتفهم\" إجراء المناورات")]


def test_f24_anonymous_source_keeps_where_it_stands() -> None:
    """«قال مصدر بالأمم المتحدة إن» (seed 26, 2150: «بحسب مصدر») and «أفاد مصدر مقرب من التحقيق
    بأن» (5289: «مصدر مقرب»)."""
    assert _speaker_of("أرسلت", "قال مصدر بالأمم المتحدة إن البلاد أرسلت مواد محظورة إلى"
                       " الخارج.") == "مصدر بالأمم المتحدة"
    assert _speaker_of("أوقف", "أفاد مصدر مقرب من التحقيق بأن الرئيس السابق قد أوقف احترازيا"
                       " صباح الثلاثاء.") == "مصدر مقرب من التحقيق"


def test_f24_anonymous_source_never_takes_quote_marks() -> None:
    """Guard: «وقال مسؤول بالبيت الأبيض "الرئيس على علاقة …"» (430, an intermediate build:
    «مسؤول بالبيت الأبيض "الرئيس»)."""
    assert _speaker_of("علاقة", "وقال مسؤول بالبيت الأبيض \"الرئيس على علاقة رائعة مع رئيس"
                       " الوزراء ويتطلع للاجتماع معه\".") == "مسؤول بالبيت الأبيض"


def test_f24_statements_criticised_are_no_speaker() -> None:
    """«أبوردينة، المتحدث …، انتقد الخميس، التصريحات التي أدلى بها X، واصفا إياها بأنها "…"»
    (6944: the line «— التصريحات» shown first once the clause before it was cut): what he
    criticised is nobody who speaks."""
    found = _found("خالد سالم، المتحدث باسم الرئاسة، انتقد الخميس، التصريحات التي أدلى بها"
                   " السفير، واصفا إياها بأنها \"تدخل سافر وغير مقبول في الشأن الداخلي\".")
    assert all(speaker != "التصريحات" for speaker, _ in found)


def test_f24_one_statement_still_speaks_guard() -> None:
    """Guard: «ومضى التصريح إلى القول، "…"» (1841) keeps its statement as the speaker."""
    assert _speaker_of("انتهت", "ومضى التصريح إلى القول، \"ولكن هذا اليوم انتهت المفاوضات دون"
                       " التوصل إلى أي اتفاق موقع\".") == "التصريح"
