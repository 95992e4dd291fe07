"""S29 (QA59-49): a report of the event is a story's face before an analysis, opinion or
explainer piece.

An analysis that sets the event beside another shared the most headline words with the story's
reports and became its face, so readers read «٤ مصادر · ينقله أيضًا …» under a piece the other
sites never ran, and the event itself was not in the block's headline. Now such a piece
(digests.angle_pieces) is the face only when no allowed report reads as a report.

Real parts: real SQLite, the real sender and renderer against the emulator.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from telegram import Bot

from bot.emulator import Emulator
from bot.origins import bundle_topics
from delivery_helpers import NOW, add_article, add_chat, add_source
from digests import story_face
from digests.angle_pieces import is_angle_piece
from digests.storage import Database
from digests.story_face import face_index, faces
from test_x42_delivery import make_sender, queue

ANALYSIS = ("حين قصف الجيش مدينة الساحل الشمالية.. وزار الرئيس مدينة الساحل الشمالية لأول مرة"
            " وسط جنوده")
VISIT = "الرئيس يزور مدينة الساحل الشمالية لأول مرة"
VISIT_TOO = "الرئيس وسط جنوده في مدينة الساحل الشمالية"


@pytest.mark.parametrize("headline", [
    ANALYSIS,
    "رأي: لماذا تعثر المنتخب في مباراته الأخيرة",
    "تحليل: ما بعد قمة العاصمتين",
    "لماذا استقال وزير المالية الآن؟",
    "هل تنجح الهدنة الجديدة في مدينة الساحل؟",
    "من هو المبعوث الجديد إلى البلاد؟",
    "ما هي الأسباب التي أطاحت بالوزير؟",
    "لهذه الأسباب ارتفع سعر الذهب",
    "تعرف على أكبر معرض للكتاب في المنطقة",
    "بالأرقام.. موازنة البلاد الجديدة",
    "الانتخابات الرئاسية: خمسة أشياء يجب أن تعرفها",  # QA79-4
    "الوزير هدف لخمسة تحقيقات.. إليك كل ما يجب أن تعرفه",
    "بعد الإقالة.. هل يرحل المدرب أيضا؟",
    "الوزير يزور المصنع.. ماذا قال عن الأسعار؟",  # a first segment of three words
])
def test_pieces_read_as_angles(headline: str) -> None:
    assert is_angle_piece(headline), headline


@pytest.mark.parametrize("headline", [
    VISIT,
    "الرئيس يقبل لقاء نظيره.. هل تكون أهم لحظة في تاريخ البلدين؟",  # a fact, then a teaser
    "الوزير: لماذا نقبل هذه الشروط؟",  # the speaker's question is the news
    "مقتل 12 مدنيا في قصف على ريف المدينة",
    "الحكومة تعلن موازنة بـ15 مليار دولار",
    "",
])
def test_reports_do_not(headline: str) -> None:
    assert not is_angle_piece(headline), headline


def test_the_report_is_the_face_even_when_the_analysis_shares_more(
        monkeypatch: pytest.MonkeyPatch) -> None:
    headlines = [VISIT, ANALYSIS, VISIT_TOO]
    assert story_face.face_scores(headlines)[1] > max(story_face.face_scores(headlines)[::2])
    assert face_index(headlines, current=1) in (0, 2)
    assert face_index(headlines) in (0, 2)
    monkeypatch.setattr(story_face, "ANGLE_RULE", False)  # before S29
    assert face_index(headlines, current=0) == 1


def test_a_story_of_pieces_keeps_its_rule() -> None:
    pieces = ["لماذا زار الرئيس مدينة الساحل؟", ANALYSIS]
    assert face_index(pieces, current=0) == 0
    assert face_index(pieces, current=1) == 1


def test_a_followed_topic_named_only_by_the_piece_keeps_it() -> None:
    # the face must name the followed topic (QA41 T4); no report of the event names it
    assert face_index([VISIT, ANALYSIS], current=1, eligible=[1]) == 1


async def test_the_bundle_shows_the_visit_not_the_analysis(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 7, topics=("الساحل",))
    opinion, wire = add_source(database, "قناة التحليلات"), add_source(database, "وكالة الأخبار")
    analysis = add_article(database, opinion, ANALYSIS, story_id=61,
                           published=NOW - timedelta(minutes=30))
    visit = add_article(database, wire, VISIT, story_id=61, published=NOW - timedelta(minutes=50))
    add_article(database, wire, VISIT_TOO, story_id=61, published=NOW - timedelta(minutes=40))
    queue(database, 7, analysis)  # the analysis queued the story
    assert faces(database.db, [61], current={61: analysis.id})[61] != analysis.id
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics, clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(7)
    assert "حين قصف الجيش" not in message.plain_text, message.plain_text
    assert "يزور" in message.plain_text or "وسط جنوده" in message.plain_text, message.plain_text
    assert visit.id
