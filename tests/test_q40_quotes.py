"""Brief Q40 (QA59): quote spans, marks and repeats a demanding reader found, and two headline slips.

Invented sentences of the shapes QA59 read in the corpus; each test fails before its fix.
"""

from __future__ import annotations

import pytest

from digests.headline import clean_headline
from digests.quotes import find_quotes

LEAD = "نص الخبر الأول في الصفحة. ثم جملة ثانية."


# QA59-21: invisible direction controls copied from the page are no part of a headline.
@pytest.mark.parametrize(("title", "expected"), [
    ("\u200f\u202bقرار حكومي بتسريع سداد مستحقات المقاولين", "قرار حكومي بتسريع سداد مستحقات المقاولين"),
    ("ارتفاع أسعار الشحن 14\u200e% في الربع الأول", "ارتفاع أسعار الشحن 14% في الربع الأول"),
    ("الوزير\u202d:\u202c لا زيادة في الضرائب هذا العام", "الوزير: لا زيادة في الضرائب هذا العام"),
    ("\u200f مصر.. افتتاح أكبر محطة لتحلية المياه", "مصر.. افتتاح أكبر محطة لتحلية المياه"),
    ("عنوان \u2067بعزل\u2069 و\u061cعلامة", "عنوان بعزل وعلامة"),
])
def test_direction_controls_leave_the_headline(title: str, expected: str) -> None:
    assert clean_headline(title, LEAD) == expected


def test_the_joiners_stay() -> None:
    # (ZWNJ and ZWJ are the writer's: only the direction controls go)
    assert clean_headline("كلمة\u200cأخرى في العنوان الجديد", LEAD) == "كلمة\u200cأخرى في العنوان الجديد"


# QA59-38: «شاهد» before a definite noun is the verb, the noun its object; stripped, the headline
# is an accusative or a phrase with no verb.
@pytest.mark.parametrize("title", [
    "شاهد اللاعبين وهم يحتفلون بالكأس في شوارع المدينة",
    "شاهد الرجل بمواجهة السيل.. دقائق من الرعب",
    "شاهد الجنود أثناء عبورهم النهر تحت القصف",
])
def test_watch_before_a_definite_object_stays(title: str) -> None:
    assert clean_headline(title, LEAD) == title


@pytest.mark.parametrize(("title", "expected"), [
    ("شاهد وزير الخارجية يغادر القاعة غاضبا", "وزير الخارجية يغادر القاعة غاضبا"),
    ("شاهد ماذا فعل الحكم بعد نهاية المباراة", "ماذا فعل الحكم بعد نهاية المباراة"),
    ("شاهد لحظة انهيار الجسر في المدينة", "لحظة انهيار الجسر في المدينة"),
])
def test_the_teaser_watch_still_goes(title: str, expected: str) -> None:
    assert clean_headline(title, LEAD) == expected


# QA59-35: a name in straight marks inside a quote in straight marks. Paired in order, the quote
# broke at the name into «إننا نرى أن انضمام» and «إلى هذا المشروع …»; the outer pair is the quote.
@pytest.mark.parametrize(("para", "expected"), [
    ('وأضاف المدير التنفيذي للشركة سامي العلي، مضيفا:" إننا نرى أن انضمام "نور" إلى هذا المشروع'
     ' دليل آخر على نجاح الشراكة بين البلدين ".',
     'إننا نرى أن انضمام "نور" إلى هذا المشروع دليل آخر على نجاح الشراكة بين البلدين'),
    ('وقال رئيس الشركة سامي العلي: "إن هذه الخطوة مهمة جدا بالنسبة لـ "الأمل"، حيث ستضيف إلى'
     ' أعمالها استثمارا طويل الأمد ". حسبما نقلت وكالة الأنباء "وام".',
     'إن هذه الخطوة مهمة جدا بالنسبة لـ "الأمل"، حيث ستضيف إلى أعمالها استثمارا طويل الأمد'),
])
def test_a_name_in_marks_inside_a_quote_keeps_it_whole(para: str, expected: str) -> None:
    assert [c.text for c in find_quotes([para]) if c.kind == "direct"] == [expected]


def test_two_quotes_in_a_row_stay_two() -> None:
    para = ('وقال الوزير سامي العلي "نحن لا نقبل هذه الشروط أبدا" ثم أضاف "سنواصل العمل مع شركائنا'
            ' في المنطقة".')
    assert [c.text for c in find_quotes([para])] == [
        "نحن لا نقبل هذه الشروط أبدا", "سنواصل العمل مع شركائنا في المنطقة"]


# QA59-35: the name of what a title heads, in marks, is no quote of the title.
def test_the_unit_a_commander_heads_is_no_quote() -> None:
    para = ('أعلن قائد "الفرقة الرابعة مشاة جبلية" العميد سالم ناصر الكندي مساء الاثنين أن الهجوم'
            ' الذي شنته القوات على المواقع قد نجح في تحقيق كامل أهدافه.')
    texts = [c.text for c in find_quotes([para])]
    assert "الفرقة الرابعة مشاة جبلية" not in texts
    assert any(t.startswith("الهجوم الذي شنته القوات") for t in texts)


# QA59-17: the colon before a web address opens no speech.
def test_a_link_after_a_colon_is_no_statement() -> None:
    para = ('وجددت الوزارة دعوتها للمواطنين إلى زيارة حساباتهم على الرابط: www.example.gov.sa لمعرفة'
            ' مواعيد التسجيل، كما يمكنهم التواصل مع مركز الاتصال على الرقم المجاني.')
    assert not [c for c in find_quotes([para]) if c.text.lower().startswith("www")]
