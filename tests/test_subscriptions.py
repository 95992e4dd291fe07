"""digests.subscriptions: chats and topics on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digests import subscriptions as subs
from digests import subscription_rekeys
from digests import topic_keys
from digests.errors import QueryError
from digests.models import iso
from digests.outbox_states import deactivate_chat
from digests.storage import Database

NOW = datetime(2026, 1, 1, 12, tzinfo=UTC)


def test_upsert_chat_keeps_language_choice_and_reactivates(database: Database) -> None:
    chat = subs.upsert_chat(database, 10, now=NOW, type="private", title="Ali", language="ar")
    assert (chat.type, chat.language, chat.active, chat.mode) == ("private", "ar", True, "instant")
    subs.set_language(database, 10, "en")
    deactivate_chat(database, 10, "blocked", NOW)
    assert subs.get_chat(database, 10).active is False  # type: ignore[union-attr]
    again = subs.upsert_chat(database, 10, now=NOW, title="Ali B", language="ar")
    assert (again.language, again.active, again.title) == ("en", True, "Ali B")


def test_variants_of_a_topic_are_one_subscription(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    first, created = subs.subscribe(database, 1, "الغوطة", now=NOW)
    assert created and first.topic == "الغوطة"
    for variant in ("غوطة", "الغوطه", "  الغُوطة ", "والغوطة"):
        again, created = subs.subscribe(database, 1, variant, now=NOW)
        assert not created and again.id == first.id, variant
    assert [s.topic for s in subs.list_subscriptions(database, 1)] == ["الغوطة"]
    # «الضغوط» (pressures) is another topic
    _, created = subs.subscribe(database, 1, "الضغوط", now=NOW)
    assert created


def test_general_digest_and_unsubscribe(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    general, created = subs.subscribe(database, 1, "", now=NOW)
    assert created and general.topic == "" and general.topic_key == ""
    subs.subscribe(database, 1, "لبنان", now=NOW)
    assert subs.unsubscribe(database, 1, "لبنان", now=NOW) is True
    assert [s.topic for s in subs.list_subscriptions(database, 1)] == [""]
    assert subs.unsubscribe_id(database, 1, general.id, now=NOW) is not None
    assert subs.list_subscriptions(database, 1) == []
    assert subs.unsubscribe(database, 1, "لبنان", now=NOW) is False


def test_unsubscribe_id_of_another_chat_does_nothing(database: Database) -> None:
    for chat_id in (1, 2):
        subs.upsert_chat(database, chat_id, now=NOW)
    sub, _ = subs.subscribe(database, 1, "إيران", now=NOW)
    assert subs.unsubscribe_id(database, 2, sub.id, now=NOW) is None
    assert len(subs.list_subscriptions(database, 1)) == 1


def test_nothing_searchable_and_limit(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    with pytest.raises(QueryError):
        subs.subscribe(database, 1, "!!! ؟؟", now=NOW)
    for i in range(subs.MAX_SUBSCRIPTIONS):
        subs.subscribe(database, 1, f"topic{i}", now=NOW)
    with pytest.raises(QueryError):
        subs.subscribe(database, 1, "one more", now=NOW)


def test_settings(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    chat = subs.set_mode(database, 1, "daily", 20, now=NOW)
    assert (chat.mode, chat.daily_hour) == ("daily", 20)
    chat = subs.set_mode(database, 1, "instant", now=NOW)
    assert (chat.mode, chat.daily_hour) == ("instant", 20)
    chat = subs.set_quiet_hours(database, 1, 22, 7, now=NOW)
    assert (chat.quiet_start, chat.quiet_end) == (22, 7)
    chat = subs.set_quiet_hours(database, 1, None, None, now=NOW)
    assert chat.quiet_start is None
    with pytest.raises(ValueError):
        subs.set_mode(database, 1, "daily", 24, now=NOW)
    with pytest.raises(ValueError):
        subs.set_quiet_hours(database, 1, 22, None, now=NOW)
    assert subs.get_chat(database, 1).utc_offset_minutes == 180  # type: ignore[union-attr]
    assert subs.set_utc_offset(database, 1, 60, now=NOW).utc_offset_minutes == 60
    with pytest.raises(ValueError):
        subs.set_utc_offset(database, 1, 15 * 60, now=NOW)


def test_stats_count_active_subscribers(database: Database) -> None:
    for chat_id in (1, 2, 3):
        subs.upsert_chat(database, chat_id, now=NOW)
    subs.subscribe(database, 1, "", now=NOW)
    subs.subscribe(database, 2, "الغوطة", now=NOW)
    subs.subscribe(database, 2, "لبنان", now=NOW)
    deactivate_chat(database, 2, "blocked", NOW)
    st = subs.stats(database)
    # a lost chat's subscriptions are counted apart (QA20 O3: 3,000 «المتابعات» beside 2,700
    # chats that follow something)
    assert (st.chats, st.active_chats, st.subscribers, st.subscriptions) == (3, 2, 1, 1)
    assert (st.lost_chats, st.lost_subscriptions, st.lost_recently) == (1, 2, 0)
    assert subs.stats(database, since=iso(NOW - timedelta(hours=1))).lost_recently == 1
    assert subs.stats(database, since=iso(NOW + timedelta(hours=1))).lost_recently == 0


def test_rekey_gives_old_subscriptions_the_key_they_are_looked_up_by(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    subs.upsert_chat(database, 2, now=NOW)
    mine, _ = subs.subscribe(database, 1, "علي شمخاني", now=NOW)
    subs.subscribe(database, 2, "الغوطة", now=NOW)
    current = topic_keys.key_of("علي شمخاني")
    with database.transaction() as tx:  # as stored before «علي» was read as a name
        tx.execute("update subscriptions set topic_key = 'شمخاني' where id = ?", [mine.id])
    assert not subs.unsubscribe(database, 1, "علي شمخاني", now=NOW)  # the old key is not found
    with database.transaction() as tx:
        assert subscription_rekeys.rekey_subscriptions(tx) == 1
        assert subscription_rekeys.rekey_subscriptions(tx) == 0  # idempotent
    [row] = list(database.db.query("select topic_key from subscriptions where id = ?", [mine.id]))
    assert row["topic_key"] == current
    assert subs.unsubscribe(database, 1, "علي شمخاني", now=NOW)
    assert [s.topic for s in subs.list_subscriptions(database, 2)] == ["الغوطة"]


def test_rekey_keeps_the_old_key_when_the_new_one_is_already_followed(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    a, _ = subs.subscribe(database, 1, "الغوطة", now=NOW)
    b, _ = subs.subscribe(database, 1, "حلب", now=NOW)
    with database.transaction() as tx:  # b's topic edited to collide with a's key once re-keyed
        tx.execute("update subscriptions set topic = 'غوطة' where id = ?", [b.id])
        assert subscription_rekeys.rekey_subscriptions(tx) == 0
    keys = {s.id: s.topic_key for s in subs.list_subscriptions(database, 1)}
    assert keys[a.id] != keys[b.id]


def test_a_subscription_is_delivered_every_spelling_of_its_name(database: Database) -> None:
    from delivery_helpers import add_article, add_source, ctx, rows

    from digests import new_deliveries

    subs.upsert_chat(database, 1, now=NOW)
    subs.subscribe(database, 1, "ترامب", now=NOW)
    arabiya = add_source(database, "alarabia")
    article = add_article(database, arabiya, "ترمب يهاجم وسائل الإعلام", story_id=7)
    with database.transaction() as tx:
        new_deliveries.enqueue_article(tx, article, ctx())
    assert [(r["chat_id"], r["story_id"]) for r in rows(database)] == [(1, 7)]


def test_a_long_topic_is_cut_at_a_word_boundary(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    sub, _ = subs.subscribe(database, 1, "الغوطة الشرقية " * 30, now=NOW)
    assert len(sub.topic) <= topic_keys.MAX_TOPIC_CHARS
    assert sub.topic.split()[-1] in ("الغوطة", "الشرقية")


def test_unsubscribe_topic_returns_the_topic_as_stored(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    subs.subscribe(database, 1, "الغوطة", now=NOW)
    removed = subs.unsubscribe_topic(database, 1, "غوطه", now=NOW)
    assert removed is not None and removed.topic == "الغوطة"
    assert subs.unsubscribe_topic(database, 1, "الغوطة", now=NOW) is None
    assert subs.unsubscribe_topic(database, 1, "في", now=NOW) is None  # nothing searchable


def test_a_question_is_stored_as_the_topic_it_asks_about(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    sub, created = subs.subscribe(database, 1, "ما آخر أخبار الغوطة؟", now=NOW)
    assert created and sub.topic == "الغوطة" and sub.topic_key == "غوطه"
    again, created = subs.subscribe(database, 1, "الغوطة", now=NOW)
    assert not created and again.id == sub.id
    sub, _ = subs.subscribe(database, 1, "شو صار في الغوطة الشرقية", now=NOW)
    assert sub.topic == "الغوطة الشرقية"
    assert [s.topic for s in subs.list_subscriptions(database, 1)] == ["الغوطة", "الغوطة الشرقية"]


def test_topic_was_cut_says_when_the_stored_topic_is_shorter() -> None:
    assert topic_keys.topic_was_cut("الغوطة الشرقية " * 30)
    assert not topic_keys.topic_was_cut("ما آخر أخبار الغوطة الشرقية؟")
    assert not topic_keys.topic_was_cut("الغوطة")


def test_trim_topics_gives_questions_followed_before_their_topic(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    sub, _ = subs.subscribe(database, 1, "الغوطة", now=NOW)
    general, _ = subs.subscribe(database, 1, "", now=NOW)
    with database.transaction() as tx:  # as stored before topics were trimmed
        tx.execute("update subscriptions set topic = 'ما آخر أخبار الغوطة؟' where id = ?",
                   [sub.id])
        assert subscription_rekeys.trim_topics(tx) == 1
        assert subscription_rekeys.trim_topics(tx) == 0  # idempotent
    assert [(s.topic, s.topic_key) for s in subs.list_subscriptions(database, 1)] == [
        ("الغوطة", sub.topic_key), ("", "")]
    assert subs.unsubscribe(database, 1, "ما آخر أخبار الغوطة؟", now=NOW)


def test_the_migration_trims_topics_stored_before(database: Database) -> None:
    subs.upsert_chat(database, 1, now=NOW)
    sub, _ = subs.subscribe(database, 1, "الغوطة الشرقية", now=NOW)
    with database.transaction() as tx:  # a database from before 015_trim_topics
        tx.execute("update subscriptions set topic = 'شو صار في الغوطة الشرقية' where id = ?",
                   [sub.id])
        tx.execute("delete from _migrations where name = '015_trim_topics'")
    assert database.migrate() == ["015_trim_topics"]
    assert [s.topic for s in subs.list_subscriptions(database, 1)] == ["الغوطة الشرقية"]


def test_two_spellings_of_one_name_are_one_subscription(database: Database) -> None:
    subs.upsert_chat(database, 7, now=NOW)
    first, new = subs.subscribe(database, 7, "ترامب", now=NOW)
    again, new_again = subs.subscribe(database, 7, "ترمب", now=NOW)  # Al Arabiya's spelling
    assert new and not new_again and again.id == first.id
    assert [s.topic for s in subs.list_subscriptions(database, 7)] == ["ترامب"]
    removed = subs.unsubscribe_topic(database, 7, "ترمب", now=NOW)
    assert removed is not None and removed.topic == "ترامب"
    assert subs.list_subscriptions(database, 7) == []
    # Different people stay different topics.
    subs.subscribe(database, 7, "بوتين", now=NOW)
    subs.subscribe(database, 7, "ماكرون", now=NOW)
    assert len(subs.list_subscriptions(database, 7)) == 2


def test_a_name_written_as_one_word_or_two_is_one_topic(database: Database) -> None:
    """QA12 F10 / X8: «فيس بوك» and «فيسبوك» (digests.variants.JOINED) are one subscription, one
    unsubscribe, and a push of either reaches the followers of both."""
    assert topic_keys.same_name("فيس بوك") == topic_keys.same_name("فيسبوك")
    assert topic_keys.same_name("بيونج يانج") == topic_keys.same_name("بيونغيانغ")
    assert topic_keys.same_name("فيس بوك ترمب") == topic_keys.same_name("فيسبوك ترامب")
    # one word of the two is not it
    assert topic_keys.same_name("فيس") != topic_keys.same_name("فيسبوك")
    subs.upsert_chat(database, 7, now=NOW)
    first, new = subs.subscribe(database, 7, "فيسبوك", now=NOW)
    again, new_again = subs.subscribe(database, 7, "فيس بوك", now=NOW)
    assert new and not new_again and again.id == first.id
    subs.upsert_chat(database, 8, now=NOW)
    subs.subscribe(database, 8, "فيس بوك", now=NOW)
    from digests.search import topic_key

    assert topic_keys.keys_of_same_name(database.db, topic_key("فيسبوك")) == sorted(
        {topic_key("فيسبوك"), topic_key("فيس بوك")})
    removed = subs.unsubscribe_topic(database, 7, "فيس بوك", now=NOW)
    assert removed is not None and removed.topic == "فيسبوك"


def test_the_migration_cleans_topics_stored_with_bidi_controls(database: Database) -> None:
    """QA14 F5: a topic followed with an RLO before it was stripped gets its clean label."""
    subs.upsert_chat(database, 1, now=NOW)
    sub, _ = subs.subscribe(database, 1, "الغوطة", now=NOW)
    with database.transaction() as tx:
        tx.execute("update subscriptions set topic = ? where id = ?", ["\u202eالغوطة\u200b",
                                                                        sub.id])
        tx.execute("delete from _migrations where name = '024_clean_topics'")
    assert database.migrate() == ["024_clean_topics"]
    assert [s.topic for s in subs.list_subscriptions(database, 1)] == ["الغوطة"]


def test_a_new_chat_starts_with_quiet_hours_and_chats_from_before_keep_theirs(
        tmp_path: Path) -> None:
    """QA18 R5: every instant chat got its alerts at 01:30 local, quiet hours being off by
    default. A chat created after migration 027 starts with 23:00–07:00 local; a chat from
    before keeps what it had — off, or hours of its own — and /settings' «off» stays off."""
    from datetime import timedelta

    from migration_kit import archive_before

    from digests.delivery_times import after_quiet

    path = tmp_path / "quiet.db"
    with archive_before(path, "027_new_chat_quiet_hours") as old:
        subs.upsert_chat(old, 1, now=NOW)
        subs.upsert_chat(old, 2, now=NOW)
        subs.set_quiet_hours(old, 2, 22, 6, now=NOW)
    with Database(path) as db:
        assert "027_new_chat_quiet_hours" in db.applied_migrations()
        quiet = {c: (chat.quiet_start, chat.quiet_end) for c in (1, 2)
                 if (chat := subs.get_chat(db, c)) is not None}
        assert quiet == {1: (None, None), 2: (22, 6)}  # an operator's chats do not change
        new = subs.upsert_chat(db, 3, now=NOW)
        assert (new.quiet_start, new.quiet_end) == (23, 7)
        # a chat writing again is updated, not inserted: its settings stay as they are
        assert subs.upsert_chat(db, 1, now=NOW).quiet_start is None
        assert subs.set_quiet_hours(db, 3, None, None, now=NOW).quiet_start is None
        assert subs.upsert_chat(db, 3, now=NOW, title="x").quiet_start is None
        # held to the morning: 01:30 in Riyadh (22:30 UTC) waits for 07:00 (04:00 UTC)
        night = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)
        chat4 = subs.upsert_chat(db, 4, now=NOW)
        settings = {"quiet_start": chat4.quiet_start, "quiet_end": chat4.quiet_end,
                    "utc_offset_minutes": chat4.utc_offset_minutes, "time_zone": "Asia/Riyadh"}
        assert after_quiet(night, settings) == night + timedelta(hours=5, minutes=30)
        noon = datetime(2026, 11, 30, 9, tzinfo=UTC)
        assert after_quiet(noon, settings) == noon


async def test_settings_shows_a_new_chats_quiet_hours(tmp_path: Path) -> None:
    """The default as a reader meets it: /settings of a new chat says 23:00–07:00, and
    «بلا ساعات هدوء» turns them off."""
    from botkit import READER, running_bot, sample_db

    async with running_bot(sample_db(tmp_path), night_quiet=True) as h:
        [menu] = await h.say(READER, "/settings")
        shown = menu.plain_text.replace("\u200e", "").replace("\u200f", "")
        assert "ساعات الهدوء: من ٢٣:٠٠ إلى ٧:٠٠" in shown, shown
        chat = subs.get_chat(h.db, READER)
        assert chat is not None and (chat.quiet_start, chat.quiet_end) == (23, 7)
        [english] = await h.say(READER + 1, "/settings", language_code="en")
        assert "Quiet hours: from 23:00 to 7:00" in english.plain_text
