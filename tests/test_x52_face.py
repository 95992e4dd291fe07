"""QA34 R4 (brief X52): a story is shown under its most informative report — the headline that
shares most with the others, a number to break ties — not the one that queued it. The rule on
invented stories (pure), then a real bundle through the sender and the renderer (emulator)."""

from __future__ import annotations

from telegram import Bot

from bot.emulator import Emulator
from bot.origins import bundle_topics
from delivery_helpers import NOW, add_article, add_chat, add_source
from digests.storage import Database
from digests.story_face import face_index, names_a_topic
from test_x42_delivery import make_sender, queue

EXPULSION = ["أزمة الجاسوس الروسي.. موسكو ترد بالمثل",
             "روسيا ترد بالمثل وتطرد 23 دبلوماسيا بريطانيا",
             "موسكو تطرد 23 دبلوماسيا بريطانيا وتمهلهم أسبوعا",
             "أول تعليق لماي على طرد دبلوماسيي بريطانيا"]
FIRE = ["عشرات القتلى في حريق بمركز تجاري في سيبيريا",
        "53 قتيلا بحريق في مركز تسوق بروسيا",
        "حريق هائل في مركز تسوق بروسيا"]


def test_the_face_is_the_report_that_carries_the_event() -> None:
    assert face_index(EXPULSION) in (1, 2)  # the expulsion with its number, not the reaction
    assert face_index(FIRE) == 1  # the toll, not the newest «حريق هائل»
    assert face_index(["خبر وحيد"]) == 0 and face_index([]) == -1
    # nothing in common, no number: the newest, as before
    assert face_index(["انطلاق معرض الكتاب", "افتتاح مهرجان السينما"]) == 1


def test_a_followed_topics_face_names_the_topic() -> None:
    assert names_a_topic("ترامب يقيل وزير خارجيته تيلرسون", ["تيلرسون"])
    assert not names_a_topic("مايك بومبيو: الصقر الموالي لترامب", ["تيلرسون"])
    assert names_a_topic("أي عنوان", [""])


async def test_a_bundle_shows_the_story_under_its_face(database: Database, emu: Emulator,
                                                       bot: Bot) -> None:
    """The alert to «الجاسوس» showed «أزمة الجاسوس الروسي.. موسكو ترد بالمثل» rather than the
    expulsion with its number; the fire story came under «حريق هائل» (no toll)."""
    add_chat(database, 1)
    reports = [add_article(database, add_source(database, f"src{i}"), title, story_id=70)
               for i, title in enumerate(EXPULSION)]
    fire = [add_article(database, add_source(database, f"f{i}"), title, story_id=71)
            for i, title in enumerate(FIRE)]
    queue(database, 1, reports[0])  # the vague report queued the story
    queue(database, 1, fire[2])
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    text = message.plain_text
    assert "تطرد 23 دبلوماسيا بريطانيا" in text and EXPULSION[0] not in text
    assert FIRE[1] in text and FIRE[2] not in text
