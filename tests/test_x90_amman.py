"""X90 (QA61-3): a follower of «عمّان» (Amman, with its shadda) was alerted Oman's «سلطنة عمان ترحب
…», and the search header named the topic «عمان» (Oman's spelling) though /subscribe kept «عمّان».
The harakat that tell the two apart now stay in the header (digests.asked_topics.MARKED_APART)
and in the alert match (digests.topic_match._MARKED_NAMES: «سلطنة عمان» is no mention of Amman;
«عمان، الأردن» is one). «عمان» unmarked still matches both. Pure, then the real bot."""

from __future__ import annotations

from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests.asked_topics import topic_shown
from digests.models import Article
from digests.topic_match import alert_matches


def _article(title: str, body: str) -> Article:
    return Article(1, 1, "s", "http://127.0.0.1/1", title, paragraphs=(body,))


OMAN = _article("سلطنة عمان ترحب باتفاق وقف إطلاق النار في اليمن",
                "رحبت سلطنة عمان اليوم باتفاق وقف إطلاق النار في اليمن، وقالت وزارة الخارجية في"
                " سلطنة عمان إن الاتفاق خطوة مهمة.")
AMMAN = _article("وزير الخارجية الأردني يستقبل نظيره العراقي في عمان",
                 "استقبل وزير الخارجية الأردني في عمان اليوم نظيره العراقي.")
DATELINE = _article("الأمن الأردني يحبط محاولة تهريب",
                    "عمان، الأردن (CNN) -- أحبط الأمن الأردني محاولة تهريب كبيرة في عمان.")


def test_the_header_keeps_the_shadda() -> None:
    assert topic_shown("عمّان") == "عمّان"
    assert topic_shown("اخبار عُمان") == "عُمان"
    assert topic_shown("عمان") == "عمان"
    assert topic_shown("الغُوطة") == "الغوطة"  # other harakat still go


def test_an_amman_follower_is_not_alerted_omans_news() -> None:
    for topic in ("عمّان", "عَمّان"):
        assert not alert_matches(topic, OMAN), topic
        assert alert_matches(topic, AMMAN) and alert_matches(topic, DATELINE), topic
    assert alert_matches("عمان", OMAN) and alert_matches("عمان", AMMAN)  # unmarked: both


async def test_the_search_names_amman_as_typed(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        got = await h.say(READER, "عمّان")
        assert "«عمّان»" in got[0].plain_text, got[0].plain_text
