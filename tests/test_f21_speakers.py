"""Brief F21 (session 12): the seed-22 reading's wrong speakers and the long tail F18–F20 left,
on invented sentences. A time phrase before a verb is no subject; the writer's turn to another
voice («، فيما رد عليه صديقه», «، بينما أعربت الوزارة …», «، ليخرج بعدها X ويقول») ends a
reported clause; a work's title after «مؤلف كتاب» is nobody's words; a clause that ends on
«كالتالي» is dropped; a bare «البيان» takes an issuer written after «الصادر عن», «أصدره», «نشره»
(not a medium's), «بيان للشرطة»; «كان تقارير لمنظمات …» is the reports'; «الرئيس التنفيذي لشبكة
…» keeps its genitive. Guards keep what must not change."""

from __future__ import annotations

import pytest

from digests.bare_bodies import resolve
from digests.quote_marks import quotable
from digests.quotes import find_quotes, key_quotes

_NEXT = "وأضاف البيان أن الحكومة الجديدة ستؤدي اليمين الدستورية خلال الأيام المقبلة القريبة."


def _found(*paragraphs: str) -> list[tuple[str, str]]:
    """(speaker as the digest credits it, text) of every candidate."""
    return [(c.speaker, c.text)
            for c in resolve(quotable(paragraphs), find_quotes(list(paragraphs)))]


def _speakers(*paragraphs: str) -> list[str]:
    return [s for s, _ in _found(*paragraphs)]


@pytest.mark.parametrize("sentence", [
    "والأحد قال إنه سأل الحراس عدة مرات عن موعد الإفراج عنه.",
    "وفي اليوم الأول للمحاكمة ادعى أنه لم يكن في المدينة ليلة الحادث.",
])
def test_f21_time_phrase_before_the_verb_is_no_speaker(sentence: str) -> None:
    """«والأحد قال إنه», «وفي اليوم الأول للمحاكمة ادعى أنه» (seed 22, 5256 showed «بحسب
    الأحد، …»): no subject is written there."""
    speakers = _speakers("وأدلى المتهم بإفادات متناقضة حول ظروف الواقعة أمام المحكمة.", sentence)
    assert not any(s in ("الأحد", "الأول للمحاكمة", "اليوم") for s in speakers)


def test_f21_subject_before_the_verb_still_speaks() -> None:
    """Guard: a name before the verb is still its subject."""
    assert _speakers("المتحدث باسم الشرطة قال إن التحقيق مستمر في ملابسات الحادث الأخير.") == [
        "المتحدث باسم الشرطة"]


@pytest.mark.parametrize(("paragraph", "end"), [
    ("وقال أحد الأطفال إن نجمه المفضل ليس اللاعب، فيما رد عليه صديقه مازحا بكلمات قليلة.",
     "نجمه المفضل ليس اللاعب"),
    ("وقالت الحكومة إن الرسوم الجديدة قد تقوض علاقات تجارية حيوية، بينما أعربت وزارة التجارة"
     " عن استنكارها الشديد للقرار.", "الرسوم الجديدة قد تقوض علاقات تجارية حيوية"),
    ('وقال صديقه إنه مصدوم ولا يريد معرفته بعد اليوم، ليخرج بعدها اللاعب ويقول ضاحكا: "أنت'
     ' لست رجلي المفضل".', "إنه مصدوم ولا يريد معرفته بعد اليوم"),
    ("وقال رجل الأعمال إنه سيعاود الاتصال بالصحيفة لكن لم يرد هو أو محاميه على طلب التعليق.",
     "سيعاود الاتصال بالصحيفة"),
])
def test_f21_writer_turns_to_another_voice(paragraph: str, end: str) -> None:
    """Seed 22 (6671, 2195, 2848): the writer's next voice is no part of the clause."""
    texts = [t for _, t in _found(paragraph)]
    assert texts[0] == end
    assert not any(w in t for t in texts for w in ("فيما رد", "بينما أعربت", "ليخرج", "لم يرد"))


def test_f21_her_own_story_goes_on() -> None:
    """Guard: «…، لتقرر بعدها رفض …» without another voice speaking is still what she said
    (corpus 3237)."""
    text = _found("وأشارت الممثلة إلى أنها كانت ترتدي ملابس قصيرة، لتقرر بعدها رفض كل هذه"
                  " الأمور وارتداء الملابس المحتشمة فقط.")[0][1]
    assert text.endswith("وارتداء الملابس المحتشمة فقط")


def test_f21_a_books_title_is_nobodys_words() -> None:
    """«وتساءل مؤلف كتاب "…" عما إذا» (seed 22, 3834): the marks hold the book's title."""
    found = _found('وتساءل مؤلف كتاب "كيف ترفض مليار دولار قصة تطبيق شهير" عما إذا كان'
                   " التطبيق مناسبا.")
    assert not any("مليار دولار" in t for _, t in found)


def test_f21_quote_in_a_book_still_counts() -> None:
    """Guard: words quoted after «قال في كتابه:» are the author's."""
    found = _found('وقال الكاتب في كتابه: "لم تكن الحرب خيارا لأحد من الذين عاشوا تلك السنوات".')
    assert found == [("الكاتب", "لم تكن الحرب خيارا لأحد من الذين عاشوا تلك السنوات")]


def test_f21_clause_pointing_at_a_list_is_dropped() -> None:
    """«… ستكون كالتالي» (seed 22, 6837): the list is not in the line."""
    found = _found("وقالت الشركة إن الأرباح ارتفعت كثيرا في الربع الأخير من العام.",
                   "وأوضحت الشركة أن أحقية الأرباح للدفعات ستكون كالتالي", "الأولى في مايو.")
    assert [t for _, t in found] == ["الأرباح ارتفعت كثيرا في الربع الأخير من العام"]


@pytest.mark.parametrize(("statement", "issuer"), [
    ("وقال البيان الصادر عن مكتب نتانياهو إن فريق عمل سيشكل قريبا.", "مكتب نتانياهو"),
    ("وتراجعت الحكومة عن الضرائب وفقاً لبيان من مكتب رئيس الوزراء الإسرائيلي بنيامين نتنياهو،"
     " الثلاثاء.", "مكتب رئيس الوزراء الإسرائيلي بنيامين نتنياهو"),
    ('وجاء في بيان أصدره المكتب الإعلامي للعبادي الثلاثاء أن "المطارات ستعود للعمل".',
     "المكتب الإعلامي للعبادي"),
    ("وذكر بيان نشره المركز الإعلامي للجيش اليمني أن القوات تقدمت في الجبهة.",
     "المركز الإعلامي للجيش اليمني"),
    ('وجاء في بيان للشرطة "تم استدعاء ضباط من القوات الخاصة لفحص الطرد".', "الشرطة"),
    ("وأكد بيان الجيش رقم 15 أن القتلى كان بحوزتهم أسلحة نارية.", "الجيش"),
    # guards: a medium that published another's statement, a vague issuer
    ("وبحسب بيان نشرته وكالة الأنباء الرسمية فإن الحكومة رفضت الاتهامات.", "البيان"),
    ("وقالت الهيئة في بيان نشرته وكالة الأنباء إن القنوات تحرض على العنف.", "البيان"),
])
def test_f21_bare_statement_issuer_written_after(statement: str, issuer: str) -> None:
    assert _speakers("وأعلنت السلطات تعديلا وزاريا واسعا شمل عددا من الحقائب. " + statement,
                     _NEXT)[-1] == issuer


def test_f21_statement_cut_at_its_issuer_is_named() -> None:
    """«وقال البيان الصادر عن النيابة العامة إن …» read as «البيان الصادر» (5 corpus digests)
    credits the issuer."""
    assert _speakers("وقال البيان الصادر عن النيابة العامة إنها خصصت أرقام هواتف لتلقي"
                     " البلاغات.") == ["النيابة العامة"]


def test_f21_kana_reports_speak() -> None:
    """«وكانت تقارير لمنظمات دولية ومحلية …، أكدت أن» (F18's left, 1790)."""
    assert _speakers("ويضم المسجد قاعة للصلاة ومدرسة قديمة. وكانت تقارير لمنظمات دولية ومحلية"
                     " مهتمة بتاريخ البلاد، أكدت أن الحرب طالت الكثير من المعالم التاريخية.") == [
        "تقارير لمنظمات دولية ومحلية"]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ('قال الرئيس التنفيذي لشبكة التواصل الاجتماعي "فيسبوك"، مارك زوكربيرغ، إن الموقع شهد'
     " انخفاضا.", "الرئيس التنفيذي لشبكة التواصل الاجتماعي"),
    ("وقال المدير العام للقناة إن البرنامج سيعود قريبا إلى الشاشة.", "المدير العام للقناة"),
    # guards: a whole title, then the medium told
    ("وقال رئيس الوزراء للصحيفة إن الحكومة لن تستقيل قبل الانتخابات.", "رئيس الوزراء"),
    ("وقال المتحدث لشبكة سي إن إن إن الوضع تحت السيطرة تماما.", "المتحدث"),
    # «نقابة الصحفيين» is the union; «للصحفيين», «الصحفيين» after a verb are whom he told
    ("وقالت نقابة الصحفيين في بيان إن السلطات اعتقلت ثلاثة مراسلين.", "نقابة الصحفيين"),
    ("وأبلغ المدرب الصحفيين أن الفريق جاهز تماما للمباراة المقبلة.", "المدرب"),
])
def test_f21_title_keeps_its_medium(sentence: str, speaker: str) -> None:
    """F18's left (corpus 37: «بحسب الرئيس التنفيذي»; «نقابة الصحفيين» cut at «الصحفيين»):
    after a head title («الرئيس التنفيذي», «المدير العام») «لشبكة/للقناة» is its genitive,
    after a whole one whom he told; after «نقابة» the journalists are its members."""
    assert _speakers(sentence) == [speaker]


def test_f21_digest_credits_the_issuer() -> None:
    """The digest shows the statement's quote with its issuer."""
    quotes = key_quotes(["وأعلن رئيس الوزراء في بيان تعليق الإجراءات الضريبية على الكنائس.",
                         "وقال البيان الصادر عن مكتب نتانياهو إن فريق عمل سيشكل قريبا للتوصل"
                         " إلى حل."])
    assert [q.speaker for q in quotes] == ["مكتب نتانياهو"]


@pytest.mark.parametrize(("before", "medium"), [
    ('نشر موقع "سي إن بي سي" مقطع فيديو لسيارة صنعت بتقنية الطباعة ثلاثية الأبعاد.',
     'موقع "سي إن بي سي"'),
    ('وبحسب صحيفة "نيويورك تايمز" الأميركية، فإن الفضيحة ستشحذ الجهود لفرض رقابة أكبر.',
     'صحيفة "نيويورك تايمز" الأميركية'),
    # guard: a person-source written before («مصادر مطلعة») is not the medium it spoke to
    ('أفادت مصادر مطلعة لصحيفة "الغارديان" أن السلطات اعتقلت ضابطة كبيرة.', "المصدر"),
    # guard: the medium relayed an official («نقلا عن المسؤول»): he is the source, unnamed
    ('وذكرت صحيفة "الغارديان" نقلا عن المسؤول الذي لم تسمه أن الخطة ما زالت وليدة.',
     "المصدر"),
])
def test_f21_bare_source_is_the_medium_named_before(before: str, medium: str) -> None:
    """F20's left (4912, 5371): «وذكر المصدر أن» after a medium and no described source."""
    assert _speakers(before, "وذكر المصدر أن السيارة الجديدة كهربائية بالكامل وسريعة جدا.")[
        -1] == medium


def test_f21_quote_cut_at_a_glued_preposition_is_dropped() -> None:
    """Seed 22 (2326): marks that close on «لـ» (a name's marks opened inside the quote) hold
    no statement alone."""
    found = _found('وقال الباحث في شركة الأبحاث: "يمكن أن يشكل هذا تهديداً لـ"لينكد إن" إذا كان'
                   ' جزء من المجتمع يحصلون على وظائفهم من خلال فيسبوك."')
    assert not any(t.endswith("لـ") for _, t in found)



def test_f21_relayed_speaker_is_the_one_spoken_for() -> None:
    """«ونقلت المتحدثة باسم رئيس المفوضية … يونكر عنه أن» (F18's left, 2595): the words are
    his, relayed; the speaker never ends in «عنه»."""
    assert _speakers("ونقلت المتحدثة باسم رئيس المفوضية الأوروبية جان كلود يونكر عنه أن الاتحاد"
                     " يعد إجراءات مضادة.") == ["رئيس المفوضية الأوروبية جان كلود يونكر"]
