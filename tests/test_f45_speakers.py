"""F45: two wrong speakers QA70 saw in top stories (session 24), on invented sentences.

Each test named for a fix fails on the tree before F45 (7595a03); the guards keep what must stay.
"""

from __future__ import annotations

from digests.quotes import find_quotes


def _speakers(paragraphs: list[str]) -> list[str]:
    return [c.speaker for c in find_quotes(paragraphs)]


# --- «وأعلنت الحكومة X تعطيل …»: the decree's verbal noun ends the subject (QA70-3) ------------

def test_a_decreed_closing_is_no_part_of_the_speaker() -> None:
    para = ('وأعلنت الحكومة الأردنية تعطيل كافة المدارس والجامعات "حرصا على سلامة الطلاب في ظل'
            ' العاصفة الثلجية التي تضرب البلاد".')
    assert all("تعطيل" not in s for s in _speakers([para]))


def test_a_suspension_of_all_flights_ends_the_subject() -> None:
    # (Passes before F45 too, by another path; kept so the listed noun keeps ending the subject.)
    para = ('وأعلنت سلطة الطيران المدني تعليق كافة الرحلات والحجوزات "بسبب الأحوال الجوية السيئة التي'
            ' تشهدها المنطقة منذ أيام".')
    assert all("تعليق" not in s for s in _speakers([para]))


def test_a_body_named_by_a_ban_keeps_its_name() -> None:
    # Guard: «حظر» opens a body's name («منظمة حظر الأسلحة الكيميائية»), so it is not on the list.
    para = 'وقالت منظمة حظر الأسلحة الكيميائية إن فريقها سيصل إلى المدينة خلال أيام.'
    assert _speakers([para]) == ["منظمة حظر الأسلحة الكيميائية"]


# --- «ونقل البيان قول X لضباط …»: the one whose saying is relayed speaks (QA70-9) --------------

def test_a_relayed_saying_names_its_owner() -> None:
    para = ('ونقل البيان قول الرئيس لضباط وجنود التقى بهم "سنعود إلى هنا قريبا للاحتفال بالنصر'
            ' على الإرهابيين".')
    assert _speakers([para]) == ["الرئيس"]


def test_a_relayed_saying_with_a_clause_names_its_owner() -> None:
    para = 'ونقل التلفزيون الرسمي قول الوزير أحمد سالم للصحفيين إن الحكومة ستدرس المقترحات كلها.'
    assert _speakers([para]) == ["الوزير أحمد سالم"]


def test_soldiers_spoken_to_are_no_part_of_the_speaker() -> None:
    para = 'وقال الرئيس لضباط وجنود التقى بهم إن البلاد ستنتصر قريبا على الإرهاب.'
    assert _speakers([para]) == ["الرئيس"]


def test_a_relay_with_about_still_names_the_relayed() -> None:
    # Guard: «نقلت X عن Y قوله» names Y as before.
    para = 'ونقلت الوكالة عن الوزير قوله إن الحكومة ستدرس المقترحات كلها.'
    assert _speakers([para]) == ["الوزير"]


def test_a_statement_with_its_saying_stays_the_statement() -> None:
    # Guard: «وقال البيان إن …» with no relaying verb is the statement's.
    para = 'وقال البيان إن الرئيس استمع إلى شرح من الطيارين عن طبيعة مهامهم.'
    assert _speakers([para]) == ["البيان"]


def test_any_tafil_verbal_noun_after_a_definite_word_ends_the_subject() -> None:
    # The rule is the shape «تفعيل», not a list: «تأميم» (nationalising) is on none.
    para = ('وأعلنت الحكومة الفنزويلية تأميم كافة شركات النفط والغاز "دفاعا عن ثروات الشعب في وجه'
            ' الشركات الأجنبية الطامعة".')
    assert _speakers([para]) == ["الحكومة الفنزويلية"]


def test_a_name_of_the_tafil_shape_after_a_title_stays() -> None:
    # Guard: «تيسير» (Taysir) after a definite title is his name, not an act.
    para = 'وقال الأمين العام تيسير خالد إن اللجنة ستجتمع الأسبوع المقبل لبحث المقترحات.'
    assert _speakers([para]) == ["الأمين العام تيسير خالد"]


def test_a_named_agency_or_town_of_the_tafil_shape_stays() -> None:
    # Guard (REV2 #5): «تسنيم» (the agency) and «تكريت» (the town) have the shape «تفعيل» but
    # are names: «وكالة الأنباء الإيرانية تسنيم» speaks whole.
    para = 'وقالت وكالة الأنباء الإيرانية تسنيم إن الحرس الثوري أجرى مناورات في الخليج.'
    assert _speakers([para]) == ["وكالة الأنباء الإيرانية تسنيم"]
