"""Alerts of one group under each of its names (digests.variants.SYNONYMS, brief X34): the body's
mentions are counted once each and against one threshold, whatever name the reader followed."""

from __future__ import annotations

import pytest

from digests.models import Article
from digests.topic_match import alert_matches, article_matches

OTHER = "كلام عن موضوع آخر تماما في فقرة طويلة"
ISIS = ("داعش", "تنظيم الدولة", "الدولة الإسلامية", "تنظيم الدولة الإسلامية")


def art(title: str, *paragraphs: str) -> Article:
    return Article(id=1, source_id=1, source_name="s", url="u", title=title,
                   paragraphs=paragraphs)


@pytest.mark.parametrize("topic", ISIS)
def test_two_body_mentions_alert_under_every_name_of_the_group(topic: str) -> None:
    """«تنظيم الدولة» needed three body mentions and «داعش» two, so the same report reached one
    follower and not the other (161 corpus alerts against 258)."""
    twice = art("عنوان", OTHER, "هجوم شنه مسلحو داعش", "وتبنى تنظيم الدولة الهجوم")
    assert alert_matches(topic, twice)
    once = art("عنوان", OTHER, "هجوم شنه مسلحو داعش أمس")
    assert article_matches(topic, once) and not alert_matches(topic, once)


@pytest.mark.parametrize("topic", ISIS)
def test_the_groups_long_name_is_one_mention_not_two(topic: str) -> None:
    """«تنظيم الدولة الإسلامية» holds «تنظيم الدولة» and «الدولة الإسلامية», both names of the
    group: written once in a passing sentence it was counted twice, an alert to «داعش»'s
    followers (63 of the corpus's 258)."""
    passing = art("عنوان", OTHER, "الاعتداءات التي تبناها تنظيم \"الدولة الإسلامية\" عام 2016")
    assert article_matches(topic, passing) and not alert_matches(topic, passing)
    two = art("عنوان", OTHER, "هجوم تبناه تنظيم الدولة الإسلامية",
              "ويحتفظ تنظيم الدولة الإسلامية بمواقع")
    assert alert_matches(topic, two)


@pytest.mark.parametrize("topic", ("الحوثي", "الحوثيين", "أنصار الله"))
def test_the_houthis_under_either_name(topic: str) -> None:
    twice = art("عنوان", OTHER, "صواريخ أطلقها الحوثيون", "وقالت جماعة أنصار الله")
    assert alert_matches(topic, twice)


def test_groups_of_multi_word_names_and_joined_spellings_keep_three() -> None:
    """Only a one-word synonym lowers the threshold: «محمد صلاح» / «مو صلاح» are both two words,
    and «حزبالله» is a joined spelling of «حزب الله», not another name."""
    salah = art("عنوان", OTHER, "سجل محمد صلاح هدفا", "وقال مو صلاح بعد المباراة")
    assert not alert_matches("محمد صلاح", salah) and not alert_matches("مو صلاح", salah)
    thrice = art("عنوان", OTHER, "سجل محمد صلاح هدفا", "وقال مو صلاح بعد المباراة",
                 "واحتفل محمد صلاح مع الجمهور")
    assert alert_matches("محمد صلاح", thrice) and alert_matches("مو صلاح", thrice)
    hezbollah = art("عنوان", OTHER, "قال حزب الله في بيان", "وأضاف حزبالله أن")
    assert article_matches("حزب الله", hezbollah) and not alert_matches("حزب الله", hezbollah)
    un = art("عنوان", OTHER, "وتقدر الأمم المتحدة عدد النازحين", "وقالت الأمم المتحدة أمس")
    assert not alert_matches("الأمم المتحدة", un)
