"""X72 (QA46 G8/G10): a topic named in the lead only inside a list of sectors («الطاقة والنفط
والغاز») or an epithet («الفائز بلقب كأس العالم») is a passing mention — X64's background rule
extended to the lead (digests.topic_match_passing). Invented reports."""

from __future__ import annotations

from digests.models import Article
from digests.topic_match import alert_matches
from digests.topic_match_passing import without_lists

FILLER = ("وقال مسؤولون إن الزيارة ستشهد توقيع عدد من الاتفاقيات بين البلدين في الأيام المقبلة.",)


def _report(title: str, lead: str, *more: str) -> Article:
    return Article(id=1, source_id=1, source_name="مصدر", url="https://a.test/1", title=title,
                   paragraphs=(lead, *FILLER, *more))


def test_a_sector_in_a_list_is_no_oil_alert() -> None:
    lead = ("قبل الرئيس الروسي دعوة لزيارة السودان، وأكد زيادة الاستثمارات في مجالات الطاقة"
            " والنفط والغاز وتعدين الذهب.")
    assert not alert_matches("النفط", _report("بوتين سيزور السودان", lead))
    # named again in the body: about oil after all (the body rule decides)
    assert alert_matches("النفط", _report("بوتين سيزور السودان", lead,
                                          "وتسعى الشركات الروسية إلى التنقيب عن النفط في البلاد."))
    # the lead about oil itself, or a pair, still alerts
    assert alert_matches("النفط", _report("اتفاق جديد", "ارتفعت أسعار النفط في الأسواق اليوم."))
    assert alert_matches("النفط", _report("أدنوك توقع اتفاقية", 'وقعت أدنوك اتفاقية مع "سيبسا"'
                                          " الإسبانية للنفط والغاز."))


def test_the_list_is_three_definite_nouns_not_a_relative_clause() -> None:
    assert "النفط" not in without_lists("في مجالات الطاقة والنفط والغاز")
    assert "النفط" not in without_lists("الذهب، والنفط والغاز")
    assert without_lists("أسعار النفط والغاز") == "أسعار النفط والغاز"
    assert without_lists("كأس العالم، والتي توج بها") == "كأس العالم، والتي توج بها"


def test_a_champions_epithet_is_no_world_cup_alert() -> None:
    for epithet in ("الفائز بلقب", "بطل", "الحائز على", "المتوج ب"):
        lead = (f"أعلن روماريو {epithet}كأس العالم 1994 ترشحه لمنصب حاكم ولاية ريو دي جانيرو."
                if epithet.endswith("ب") else
                f"أعلن روماريو {epithet} كأس العالم 1994 ترشحه لمنصب حاكم ولاية ريو دي جانيرو.")
        assert not alert_matches("كأس العالم", _report("روماريو يترشح لمنصب حاكم", lead)), epithet
    assert alert_matches("كأس العالم", _report("الفيفا يعلن", "استضافت المكسيك نسخة 1986 من كأس"
                                                " العالم، والتي توج بلقبها المنتخب الأرجنتيني."))
    assert alert_matches("كأس العالم", _report("منتخب مصر يستعد", "يستعد المنتخب لنهائيات كأس"
                                                " العالم في روسيا."))
