"""QA41 T4: a story's face for a follower names the followed topic when another report of the story
does. The tie rule («the queued report stays unless another scores strictly higher») ran before
«names the topic»: with two reports scoring alike, the queued Pompeo profile (its body names
«تيلرسون», its headline does not) headed a «تيلرسون» follower's bundle. Now only the reports naming
the topic compete, the tie rule among them. The rule (pure), then a real bundle through the sender
and the renderer (emulator, real SQLite)."""

from __future__ import annotations

from telegram import Bot

from bot.emulator import Emulator
from bot.origins import bundle_topics
from delivery_helpers import NOW, add_article, add_chat, add_source
from digests.storage import Database
from digests.story_face import face_index, faces
from test_x42_delivery import make_sender, queue

PROFILE = "مايك بومبيو: الصقر الموالي لترامب في الخارجية"
FIRING = "ترامب يقيل وزير خارجيته تيلرسون ويعين بومبيو"


def test_the_tie_rule_runs_among_the_reports_naming_the_topic() -> None:
    headlines = [PROFILE, FIRING]
    assert face_index(headlines, current=0) == 0  # no topic: the queued one stays on a tie
    assert face_index(headlines, current=0, eligible=[1]) == 1
    assert face_index(headlines, current=1, eligible=[1]) == 1
    assert face_index(headlines, current=0, eligible=[]) == -1


def test_faces_for_a_topic_pick_the_report_naming_it(database: Database) -> None:
    profile = add_article(database, add_source(database, "a"), PROFILE, story_id=104,
                          body=f"{PROFILE}. خلف ريكس تيلرسون في المنصب.")
    firing = add_article(database, add_source(database, "b"), FIRING, story_id=104)
    assert faces(database.db, [104], ["تيلرسون"], {104: profile.id}) == {104: firing.id}
    # a topic no headline names: no face for it (the caller keeps the queued report)
    assert faces(database.db, [104], ["هاسبل"], {104: profile.id}) == {}
    # no topic: the firing faces the story, as a later report giving an outcome the queued one
    # did not (X64 B1's rule; a firing is an outcome since QA48 R2: the profile stayed before)
    assert faces(database.db, [104], [""], {104: profile.id}) == {104: firing.id}


async def test_a_followers_bundle_is_headed_by_the_report_naming_the_topic(
        database: Database, emu: Emulator, bot: Bot) -> None:
    add_chat(database, 1, topics=("تيلرسون",))
    profile = add_article(database, add_source(database, "a"), PROFILE, story_id=104,
                          body=f"{PROFILE}. خلف ريكس تيلرسون في المنصب بعد إقالته.")
    add_article(database, add_source(database, "b"), FIRING, story_id=104)
    queue(database, 1, profile)  # its body names the topic: the profile queued the story
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: NOW)
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [message] = emu.messages(1)
    # was: headed «مايك بومبيو: الصقر الموالي…», which does not say what happened to تيلرسون
    assert FIRING in message.plain_text and PROFILE not in message.plain_text
