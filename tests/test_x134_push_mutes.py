"""QA77-2 (session 26): an admin's /push leaves out a chat's muted sources.

A channel muted «الأرشيف الكبير»; a second admin's `/push سوريا` then posted four of its
reports there, and the answer said nothing. A mute is the chat's editorial block: a push now
gives a story another source reports with that source's report, leaves out a story only muted
sources report, and the admin's answer says how many were left out, in how many chats.
Real SQLite, the real queue (digests.push_queue) and the answer's words (bot.pushes).
"""

from __future__ import annotations

from delivery_helpers import NOW, add_article, add_chat, add_source

from bot.pushes import muted_words
from digests.models import iso
from digests.push_queue import enqueue_push
from digests.storage import Database


def _mute(database: Database, chat_id: int, source_id: int) -> None:
    with database.transaction() as tx:
        tx.execute("insert into chat_muted_sources (chat_id, source_id, created_at)"
                   " values (?, ?, ?)", [chat_id, source_id, iso(NOW)])


def _sent(database: Database, kind: str) -> dict[int, set[tuple[int, int]]]:
    """chat → (story, source of the report it is sent)."""
    out: dict[int, set[tuple[int, int]]] = {}
    for chat, story, source in database.db.execute(
            "select o.chat_id, o.story_id, a.source_id from outbox o"
            " join articles a on a.id = o.article_id where o.kind = ?", [kind]).fetchall():
        out.setdefault(chat, set()).add((story, source))
    return out


def test_a_push_gives_a_chat_none_of_its_muted_sources_reports(database: Database) -> None:
    archive, agency = add_source(database, "archive"), add_source(database, "agency")
    add_article(database, archive, "ولادة 311 ألف طفل سوري بتركيا", story_id=1, published=NOW)
    add_article(database, archive, "واشنطن تطالب بتحقيق جديد", story_id=2, published=NOW)
    add_article(database, agency, "واشنطن تطالب بتحقيق جديد في دوما", story_id=2, published=NOW)
    add_article(database, archive, "عفرين ساحة مواجهة", story_id=3, published=NOW)
    add_article(database, agency, "قمة في أنقرة", story_id=4, published=NOW)
    add_chat(database, 10)  # the channel: the general digest, «الأرشيف الكبير» muted
    add_chat(database, 11)  # a reader who muted nothing
    _mute(database, 10, archive)
    plan = enqueue_push(database, topic=None, now=NOW)
    sent = _sent(database, plan.kind)
    # before: the channel got stories 1 and 3 from the muted archive too
    assert sent[10] == {(2, agency), (4, agency)}  # story 2 with the agency's report
    assert {s for s, _src in sent[11]} == {1, 2, 3, 4}
    assert (plan.chats, plan.muted, plan.muted_chats) == (2, 2, 1)
    assert muted_words(plan, "ar") == (
        "\u200f🔕 أخبار لم تُرسل لأن مصادرها مكتومة هناك: ٢ في محادثة واحدة (الكتم يسري على"
        " \u200e/push\u200e أيضًا).")
    assert muted_words(plan, "en") == (
        "🔕 Articles left out because their sources are muted there: 2 in 1 chat (a mute"
        " holds for /push too).")


def test_a_push_of_only_muted_reports_says_so_not_sent_before(database: Database) -> None:
    archive = add_source(database, "archive")
    for story in (1, 2, 3):
        add_article(database, archive, f"خبر الأرشيف رقم {story}", story_id=story,
                    published=NOW)
    add_chat(database, 10)
    _mute(database, 10, archive)
    plan = enqueue_push(database, topic=None, now=NOW)
    assert (plan.chats, plan.muted, plan.muted_chats, plan.waiting) == (0, 3, 1, 0)
    assert not _sent(database, plan.kind)
    assert "لم تُرسل نشرة" in muted_words(plan, "ar", "push_all_muted")


def test_a_held_chat_back_gets_none_of_its_muted_sources_from_the_pushes_it_missed(
        database: Database) -> None:
    from datetime import timedelta

    from bot.hold_resumption import missed_pushes

    archive, agency = add_source(database, "archive"), add_source(database, "agency")
    add_article(database, archive, "ولادة 311 ألف طفل سوري بتركيا", story_id=1, published=NOW)
    add_article(database, archive, "واشنطن تطالب بتحقيق جديد", story_id=2, published=NOW)
    add_article(database, agency, "واشنطن تطالب بتحقيق جديد في دوما", story_id=2, published=NOW)
    add_article(database, agency, "قمة في أنقرة", story_id=4, published=NOW)
    add_chat(database, 11)  # got the push
    add_chat(database, 10, active=False)  # held while the push went; «archive» muted
    _mute(database, 10, archive)
    plan = enqueue_push(database, topic=None, now=NOW)
    assert missed_pushes(database, 10, NOW - timedelta(hours=1), NOW + timedelta(minutes=5))
    assert _sent(database, plan.kind)[10] == {(2, agency), (4, agency)}
