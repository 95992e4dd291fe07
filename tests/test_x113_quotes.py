"""X113: QA71's quote and speaker findings (session 25), on invented sentences.

Each test named for a fix fails on the tree before X113 (336e829); the guards keep what must stay.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone

from bot.attribution import after_bihasab, standalone
from bot.render import render_digest
from digests.models import Digest
from digests.quotes import find_quotes, key_quotes


def _found(paragraphs: list[str]) -> list[tuple[str, str, str]]:
    return [(c.kind, c.speaker, c.text) for c in find_quotes(paragraphs)]


# --- QA71-1: «انتقد X تقارير عن أن …»: the reports' claim, not the speaker's -------------------

def test_a_criticised_report_is_not_the_critics_claim() -> None:
    para = ('انتقد وزير الخارجية سامي نور، الاثنين، تقارير عن أن قوات الجيش مسؤولة عن قصف المستشفى'
            ' في المدينة، حسبما نقلت عنه وكالة الأنباء الرسمية.')
    assert not any("مسؤولة عن قصف" in text for _, _, text in _found([para]))


def test_reports_denounced_are_not_the_denouncers_claim() -> None:
    para = 'واستنكر الوزير تقارير عن أن بلاده تدعم الجماعات المسلحة في المنطقة الحدودية.'
    assert _found([para]) == []


def test_reports_denied_through_their_own_verb_are_a_denial_of_the_denier() -> None:
    # «تقارير تفيد بأن»: the claim's verb was read as a cue whose subject ran into «تقارير».
    para = 'ونفى المتحدث باسم الجيش تقارير تفيد بأن قواته قصفت المستشفى في المدينة الليلة الماضية.'
    assert _found([para]) == [
        ("denial", "المتحدث باسم الجيش", "أن قواته قصفت المستشفى في المدينة الليلة الماضية")]


def test_reports_denied_stay_a_denial() -> None:
    # Guard: «نفى X تقارير عن أن …» was a denial before and stays one.
    para = 'ونفى الوزير تقارير عن أن بلاده تدعم الجماعات المسلحة في المنطقة.'
    assert _found([para]) == [("denial", "الوزير", "أن بلاده تدعم الجماعات المسلحة في المنطقة")]


def test_reports_confirmed_stay_the_speakers() -> None:
    # Guard: a verb of confirmation makes the claim the speaker's own.
    para = 'وأكد الوزير تقارير عن أن الحكومة ستخفض الضرائب في العام المقبل.'
    assert _found([para]) == [("reported", "الوزير", "الحكومة ستخفض الضرائب في العام المقبل")]


def test_reports_that_speak_stay_the_speaker() -> None:
    # Guard: the reports as the subject («قالت تقارير إن») and the speaker's own reports.
    assert _found(['وقالت تقارير إعلامية إن الحكومة ستخفض الضرائب في العام المقبل.']) == [
        ("reported", "تقارير إعلامية", "الحكومة ستخفض الضرائب في العام المقبل")]
    assert _found(['وقالت المنظمة في تقارير سابقة إن الحكومة ستخفض الضرائب في العام المقبل.']) == [
        ("reported", "المنظمة", "الحكومة ستخفض الضرائب في العام المقبل")]


# --- QA71-4: «أعلن X فتح تحقيق … وقال:»: the inquiry opened is no part of the speaker ----------

def test_an_inquiry_opened_ends_a_named_subject() -> None:
    para = ('وأعلن أردوغان فتح تحقيق لمعرفة الطلاب المعارضين للتدخل وقال: "في حين كان هؤلاء الشبان'
            ' يوزعون الحلوى، تجرأ هؤلاء على مهاجمة ما يعرضونه".')
    assert [s for _, s, _ in _found([para])] == ["أردوغان"]


def test_an_inquiry_opened_ends_a_definite_subject() -> None:
    para = ('وأعلنت الشرطة فتح تحقيق في الحادث وقالت: "لن نتهاون مع أي شخص يخالف القانون في'
            ' البلاد".')
    assert [s for _, s, _ in _found([para])] == ["الشرطة"]


def test_the_fatah_movement_keeps_its_name() -> None:
    # Guard: «فتح» alone is the movement, part of a spokesman's title.
    para = 'وقال المتحدث باسم حركة فتح أسامة القواسمي إن الحركة سترفض أي مقترح أمريكي جديد.'
    assert [s for _, s, _ in _found([para])] == ["المتحدث باسم حركة فتح أسامة القواسمي"]


# --- QA71-7: «قالت X إن أشخاصا عانوا …»: the accusative gets its «إنّ» back -------------------

def test_a_broken_plural_in_the_accusative_gets_its_inna_back() -> None:
    assert after_bihasab("أشخاصا عانوا من أعراض الاختناق") == "فإن أشخاصا عانوا من أعراض الاختناق"
    assert standalone("أطفالا قتلوا في القصف") == "إن أطفالا قتلوا في القصف"


def test_an_adverb_of_that_shape_stays_as_written() -> None:
    # Guard: «أحيانا» is an adverb, no «إنّ» was cut before it.
    assert after_bihasab("أحيانا نرى ذلك في المدينة") == "أحيانا نرى ذلك في المدينة"


# --- QA71-8: speakers cut to a surname or before two channels' names ------------------------

def test_a_surname_shows_the_name_a_cue_without_a_quote_wrote() -> None:
    paras = ['قتل العشرات في عمليات عسكرية بالغوطة، حسبما قالت المتحدثة باسم الأمم المتحدة ليندا'
             ' توم، الاثنين. وأضافت توم أن العمليات العسكرية أدت إلى مقتل 30 شخصا على الأقل.']
    assert [q.speaker for q in key_quotes(paras)] == ["ليندا توم"]


def test_two_channels_named_after_their_dual_stay_in_the_speaker() -> None:
    para = ('وأكدت مراسلة قناتي "العربية" و"الحدث" أن الصوت ناجم على ما يبدو عن اختراق مقاتلة'
            ' لجدار الصوت.')
    assert [s for _, s, _ in _found([para])] == ['مراسلة قناتي "العربية" و"الحدث"']


def test_the_lines_read_whole_in_arabic_and_english() -> None:
    paras = ['وأكدت مراسلة قناتي "العربية" و"الحدث" أن الصوت ناجم على ما يبدو عن اختراق مقاتلة'
             ' لجدار الصوت فوق الحدود.']
    digest = Digest(url="https://example.com/a", source="alarabia", headline="انفجارات على الحدود",
                    quotes=key_quotes(paras))
    now = datetime(2018, 4, 2, tzinfo=timezone.utc)
    arabic = html.unescape(re.sub(r"<[^>]+>", "", render_digest(digest, "ar", now)))
    english = html.unescape(re.sub(r"<[^>]+>", "", render_digest(digest, "en", now)))
    assert 'بحسب مراسلة قناتي "العربية" و"الحدث"، الصوت ناجم' in arabic
    assert 'According to \u2067مراسلة قناتي "العربية" و"الحدث"\u2069' in english
