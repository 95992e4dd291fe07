"""QA79-14: a press review alerts a followed topic only when its headline names it.

The headlines, leads and addresses are the project's own, written in the forms BBC Arabic and
France24 use; digests.topic_match.alert_matches is the real check the outbox asks.
"""

from __future__ import annotations

from digests.models import Article
from digests.press_review import is_press_review
from digests.topic_match import alert_matches


def _article(title: str, lead: str, *rest: str, url: str = "https://example.org/a/1") -> Article:
    return Article(id=1, source_id=1, source_name="s", url=url, title=title,
                   paragraphs=(lead, *rest))


_REVIEW_LEAD = ("تناولت صحف عربية التوتر بين واشنطن وموسكو في الملف السوري، كما تحدثت عن "
                "الانتخابات في العراق وعن أسعار النفط وعن زيارة ولي العهد السعودي إلى لندن.")
_REVIEW_BODY = ("وقالت صحيفة الأولى إن التوتر بين واشنطن وموسكو يهدد الهدنة في سوريا.",
                "وكتبت صحيفة ثانية عن الانتخابات في العراق وعن تحالفات جديدة قبل الاقتراع.",
                "أما صحيفة ثالثة فرأت أن أسعار النفط سترتفع، وأن النفط يبقى مورد الخليج الأول.")


def test_a_bbc_review_alerts_only_the_topic_its_headline_names() -> None:
    review = _article("في صحف عربية: حرب باردة جديدة بين أمريكا وروسيا في سوريا",
                      _REVIEW_LEAD, *_REVIEW_BODY)
    assert is_press_review(review.title, review.paragraphs[0], review.url)
    assert alert_matches("روسيا", review) and alert_matches("سوريا", review)
    # named in the lead and twice in the body, but the lead is the list of other papers' subjects
    assert not alert_matches("النفط", review)
    assert not alert_matches("العراق", review)


def test_british_papers_and_a_tour_of_the_press_are_reviews() -> None:
    for title in ("صحف بريطانية: هل تنجح تيريزا ماي في اتفاق الخروج؟",
                  "عرض الصحف: مخاوف من تصعيد في الخليج",
                  "جولة في الصحف العالمية",
                  "صحف: المدرب يدرس ضم لاعب جديد"):
        assert is_press_review(title), title
    review = _article("جولة في الصحف: مخاوف من تصعيد في الخليج", _REVIEW_LEAD, *_REVIEW_BODY)
    assert not alert_matches("النفط", review)


def test_france24_review_known_by_its_lead_or_its_address() -> None:
    lead = ("في الصحف اليوم: الانتخابات في العراق، والتوتر بين واشنطن وموسكو، وأسعار النفط "
            "التي ارتفعت أمس.")
    by_lead = _article("الغرب يتخلى عن حلفائه في الشرق!!", lead, *_REVIEW_BODY)
    assert not alert_matches("النفط", by_lead)
    opened = _article("الغرب يتخلى عن حلفائه!!", "اهتمت الصحف العالمية الصادرة اليوم بأسعار "
                      "النفط وبالانتخابات في العراق.", *_REVIEW_BODY)
    assert not alert_matches("العراق", opened)
    by_url = _article("الغرب يتخلى عن حلفائه!!", "ارتفعت أسعار النفط أمس، ومعها مخاوف الأسواق.",
                      *_REVIEW_BODY,
                      url="http://www.france24.com/ar/20180321-%D8%A7%D9%84%D8%B5%D8%AD%D9%81-"
                          "%D8%A7%D9%84%D8%B9%D8%A7%D9%84%D9%85%D9%8A%D8%A9-x")  # «الصحف-العالمية»
    assert is_press_review(by_url.title, by_url.paragraphs[0], by_url.url)
    assert not alert_matches("النفط", by_url)
    assert alert_matches("النفط", _article("ارتفاع أسعار النفط في الخليج", lead))


def test_a_report_on_one_subject_that_papers_carry_is_news() -> None:
    for title, lead in (
            ("صحف إسبانيا تتغنى بفوز المنتخب على الأرجنتين",
             "تغنت الصحف الإسبانية بالفوز التاريخي لمنتخب بلادها على الأرجنتين."),
            ("تنديد روسي بطرد الدبلوماسيين",
             "رأت الصحف الروسية، الثلاثاء، أن طرد الدبلوماسيين يعيد الحرب الباردة."),
            ("صحيفة: الوزير يجمد تمويل إعادة الإعمار",
             "قالت صحيفة أمريكية إن الوزير جمد تمويل إعادة الإعمار في سوريا.")):
        assert not is_press_review(title, lead, "https://example.org/2018/03/28/news.html"), title
    news = _article("تنديد روسي بطرد الدبلوماسيين",
                    "رأت الصحف الروسية، الثلاثاء، أن طرد أكثر من عشرين دولة دبلوماسيين روسا "
                    "يعيد أجواء الحرب الباردة مع بريطانيا.")
    assert alert_matches("بريطانيا", news)  # the lead names it: news, as before
