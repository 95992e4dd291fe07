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


def test_f25_name_after_comma_is_no_addressee() -> None:
    """«… في بي بي سي، لورا كوينزبيرغ، إن» (corpus 5813): «لورا» after the comma opens the name;
    it is not «ل» + an addressee."""
    assert _speaker_of("لغة صارمة", 'وقالت محررة الشؤون السياسية في بي بي سي، لورا كوينزبيرغ،'
                       ' إن الحكومة "نجحت في جعلهم يستخدمون لغة صارمة ضد الهجوم".') == (
        "محررة الشؤون السياسية في بي بي سي، لورا كوينزبيرغ")


def test_f25_name_before_in_keeps_its_cut() -> None:
    """Guard: «المحلل فيودور لوكيانوف في صحيفة فيدوموستي» (corpus 6555): the name came first;
    «في صحيفة …» is where he wrote, not his title's place."""
    assert _speaker_of("حرب باردة", "وقال المحلل فيودور لوكيانوف في صحيفة فيدوموستي إن العلاقة"
                       " بين روسيا والغرب تدخل مرحلة حرب باردة بشكل تام.") == "المحلل فيودور لوكيانوف"


def test_f25_singular_verb_takes_no_plural_speaker() -> None:
    """«ويتهم المنتقدون بوتن …. وقال إن …» (F24's left, seed 24 3506): a singular «وقال» does
    not mean «المنتقدون»; the minister named before speaks."""
    assert _speaker_of("تتحمل المسؤولية", "وقال الوزير إن الوضع صعب للغاية في المنطقة كلها."
                       " ويتهم المنتقدون الحكومة بإخفاء الحقائق عن الشعب. وقال إن الحكومة"
                       " تتحمل المسؤولية كاملة عن الكارثة.") == "الوزير"


def test_f25_plural_verb_keeps_its_plural_speaker() -> None:
    """Guard: «وأضافوا أن …» after «وقال المحتجون» is still them."""
    assert _speaker_of("تتحمل المسؤولية", "وقال المحتجون إن الوضع صعب للغاية في المنطقة كلها."
                       " وأضافوا أن الحكومة تتحمل المسؤولية كاملة عن الكارثة.") == "المحتجون"


def test_f25_pronoun_before_the_verb_is_no_name() -> None:
    """«فهو يشير إلى …. ويقول إنه …» (corpus 1123): «فهو» (he) is no speaker a later «ويقول»
    could mean (before: «فهو» was credited)."""
    found = _found("فهو يشير إلى الروائي البريطاني تشارلز ديكنز، الذي كشف عن علاقته الصعبة"
                   " بالنوم في مقال كتبه. ويقول إنه كان لا بد من وضع هذا الكتاب الآن لأن العالم"
                   ' يعاني من "أكبر تحد للصحة العامة يمكن أن نواجهه في هذا القرن".')
    assert "فهو" not in [s for s, _ in found]


def test_f25_a_name_in_al_is_no_plural() -> None:
    """Guard (dev gold holdout2): «أليسون تيدستون» is a name, not a plural in «ال…ون»; her
    «وأضافت "…"» stays hers."""
    text = ('وقالت أليسون تيدستون، أخصائية التغذية في الهيئة، إن "كمية الملح برغيف الخبز أصبحت'
            ' أقل مما كانت عليه بنسبة 40 في المئة". وأضافت "ومع ذلك، لا تزال بعض المنتجات تحتوي'
            ' على كمية مرتفعة للغاية من الملح".')
    assert _speaker_of("بعض المنتجات", text) == "أليسون تيدستون"


def test_f25_a_name_in_un_is_no_plural() -> None:
    """Guard (corpus 6801): «البنتاغون» is one speaker; a singular «وأشار» still means it."""
    text = ('وقال البنتاغون إن المقطع يوثق آخر عملية من سلسلة عمليات ضد التنظيم في المنطقة. وأشار'
            ' إلى أن "الهزيمة التكتيكية لمقاتلي التنظيم هي آخر عملية ناجحة من سلسلة عمليات".')
    assert _speaker_of("الهزيمة", text) == "البنتاغون"


def test_f25_correspondent_of_a_spelled_medium_keeps_the_name() -> None:
    """«مراسل بي بي سي في بيروت، فلان، إن» (corpus 5705: «مراسل بي بي سي»)."""
    assert _speaker_of("الاتفاق", "وقال مراسل بي بي سي في بيروت، مارتن بيشنس، إن الاتفاق قد"
                       " يضغط على الجماعات المسلحة الأخرى.") == "مراسل بي بي سي في بيروت، مارتن بيشنس"


def test_f25_bare_trade_is_the_person_so_titled() -> None:
    """«توصل الممثل فلان …» then «وقال الممثل إن …» (QA25 E6: «— الممثل»): the actor named."""
    assert _speaker_of("مذنبة", "توصل الممثل جون سميث إلى تسوية مع مجموعة صحف بريطانية بقضية"
                       " أمام المحكمة العليا.", "وقال الممثل إن المجموعة الإعلامية كانت مذنبة"
                       " بالتنصت الهاتفي على نطاق واسع.") == "الممثل جون سميث"


def test_f25_bare_trade_keeps_its_adjective() -> None:
    """«المخرجة الفرنسية فلانة» named before: her whole title and name."""
    assert _speaker_of("السينما", "كرمت المخرجة الفرنسية آنييس فاردا في الحفل الختامي.",
                       "وقالت المخرجة إن السينما هي حياتها كلها منذ الطفولة.") == (
        "المخرجة الفرنسية آنييس فاردا")


def test_f25_bare_trade_with_no_name_stays() -> None:
    """Guard: «فاز المخرج بالجائزة» names nobody; one word after the trade may be a verb."""
    assert _speaker_of("الفيلم", "فاز المخرج بالجائزة الكبرى في المهرجان هذا العام.", "وقال"
                       " المخرج إن الفيلم يروي قصة عائلته في الحرب الأهلية.") == "المخرج"


def test_f25_bare_trade_takes_no_object_for_a_name() -> None:
    """Guards (corpus 3068, 6315): «فاجأت الممثلة إيما واتسون جمهورها» (the object follows the
    name) and «قاطع الصحفي ووجه له سؤالا» (a verb follows the trade) give no name to a later
    bare trade: nothing run on is shown."""
    assert _speaker_of("مدقق لغوي", "فاجأت الممثلة البريطانية إيما واتسون جمهورها بوشم جديد.",
                       'وكتبت الممثلة "هناك وظيفة شاغرة لمدقق لغوي للوشوم المؤقتة".') == "الممثلة"
    assert _speaker_of("منعك", "قاطع المدرب الصحفي ووجه له سؤالا عن المباراة الأخيرة.",
                       'وقال الصحفي "هل منعك أحد من الحديث عن المباراة الأخيرة؟".') == "الصحفي"
