"""QA27's delivery findings (brief X42): unfollowing drops that topic's queued alerts (D2), a
chat's own 429 holds that chat only (D1), a clock jump does not hold alerts for hours (D3), a
rendering refusal is retried as plain text (D6). Real SQLite, real PTB against the emulator."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from telegram import Bot

from bot.emulator import Emulator
from delivery_helpers import NOW, add_article, add_chat, add_source, rows, simple_render
from digests import subscriptions
from digests.models import Article, iso
from digests.settings import Settings
from digests.storage import Database
from digests.unfollowed import UNFOLLOWED_REASON
from test_sender import waits_of


def queue(database: Database, chat_id: int, article: Article, kind: str = "instant",
          not_before: str | None = None) -> int:
    with database.transaction() as tx:
        cur = tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                         " status, not_before) values (?,?,?,?,?,'pending',?)",
                         [chat_id, article.story_id or -article.id, article.id, kind, iso(NOW),
                          not_before])
    return int(cur.lastrowid or 0)


def two_topics(database: Database) -> tuple[Article, Article, Article]:
    src = add_source(database, "src")
    egypt = add_article(database, src, "مصر تدخل امتحان الانتخابات", story_id=1)
    syria = add_article(database, src, "سوريا: هدنة جديدة في الغوطة", story_id=2)
    both = add_article(database, src, "مصر وسوريا تبحثان التعاون", story_id=3)
    return egypt, syria, both


def status_of(database: Database, chat_id: int) -> dict[int, str]:
    return {int(str(r["article_id"])): str(r["status"])
            for r in rows(database, "chat_id = ?", [chat_id])}


# ------------------------------------------------------------------------------------- D2


def test_unfollow_skips_only_that_topics_queued_alerts(database: Database) -> None:
    egypt, syria, both = two_topics(database)
    add_chat(database, 1, topics=("مصر", "سوريا"))
    for art in (egypt, syria, both):
        queue(database, 1, art)
    push = queue(database, 1, egypt, kind="push:7")  # an admin's push is no topic's
    assert subscriptions.unsubscribe_topic(database, 1, "مصر", now=NOW) is not None
    got = {int(str(r["id"])): (r["article_id"], r["kind"], r["status"], r["last_error"])
           for r in rows(database, "chat_id = 1")}
    by_kind = {(a, k): (s, e) for a, k, s, e in got.values()}
    assert by_kind[(egypt.id, "instant")] == ("skipped", UNFOLLOWED_REASON)
    assert by_kind[(syria.id, "instant")][0] == "pending"
    assert by_kind[(both.id, "instant")][0] == "pending"  # still owed to «سوريا»
    assert got[push][2] == "pending"


def test_unfollow_by_id_and_the_last_topic(database: Database) -> None:
    egypt, syria, _both = two_topics(database)
    add_chat(database, 2, topics=("مصر",), mode="daily")
    queue(database, 2, egypt, kind="daily:2026-11-30")
    [sub] = subscriptions.list_subscriptions(database, 2)
    assert subscriptions.unsubscribe_id(database, 2, sub.id, now=NOW) is not None
    assert status_of(database, 2) == {egypt.id: "skipped"}


def test_general_digest_keeps_its_rows(database: Database) -> None:
    egypt, _syria, _both = two_topics(database)
    add_chat(database, 3, topics=("", "مصر"))
    queue(database, 3, egypt)
    subscriptions.unsubscribe_topic(database, 3, "مصر", now=NOW)
    assert status_of(database, 3) == {egypt.id: "pending"}


# ------------------------------------------------------------------------------------- D1


def make_sender(database: Database, bot: Bot, **kw: object) -> object:
    from pathlib import Path

    from bot.sender import Sender

    settings = Settings(database_path=Path(database.path), send_rate_per_second=200.0)
    kw.setdefault("render", simple_render)
    kw.setdefault("retry_delay", 0.05)
    kw.setdefault("instant_gap", timedelta(0))
    return Sender(database, bot, settings, **kw)  # type: ignore[arg-type]


async def test_one_chats_429_holds_that_chat_only(database: Database, emu: Emulator,
                                                  bot: Bot) -> None:
    """QA27 D1: a chat answering 429 retry_after=3 (its own flood wait) held every send for 3 s;
    now the others go at once and that chat gets its alert after its wait, once."""
    src = add_source(database, "src")
    arts = [add_article(database, src, f"خبر رقم {i}", story_id=10 + i) for i in range(6)]
    for chat in range(1, 7):
        add_chat(database, chat)
        queue(database, chat, arts[chat - 1])
    emu.inject_429(1, retry_after=3, chat_id=1)
    sender = make_sender(database, bot)
    waits = waits_of(sender)  # type: ignore[arg-type]
    await sender.drain(timeout=20)  # type: ignore[attr-defined]
    [refusal] = emu.refusals(429)
    log = emu.sent_log()
    others = [m for m in log if m.chat_id != 1]
    # only chat 1 waited, nobody paused (the limiter's own record; CI hardening: «the 5 others
    # accepted within 1 s of the refusal» is a race a loaded host can lose)
    assert len(others) == 5
    assert waits.pauses == [] and [chat for chat, _, _ in waits.holds] == [1]
    mine = [m for m in log if m.chat_id == 1]
    assert len(mine) == 1 and mine[0].at >= refusal.at + 3.0 - 0.1
    assert {str(r["status"]) for r in rows(database)} == {"sent"}


async def test_an_unfollow_whose_answer_met_429_answers_once_and_truly(tmp_path: object) -> None:
    """QA27 D2: an /unsubscribe whose answer was refused with 429 was handled again and then
    answered «لست تتابع» (the subscription was gone); and the topic's queued alert still came.
    Now the answer is sent again (the command runs once) and the alert is not sent."""
    from pathlib import Path

    from botkit import READER, running_bot, sample_db

    assert isinstance(tmp_path, Path)
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe مصر")
        src = add_source(h.db, "x42")
        art = add_article(h.db, src, "مصر تدخل امتحان الانتخابات", story_id=4242)
        queue(h.db, READER, art, not_before=iso(NOW + timedelta(days=3650)))  # held
        h.emu.inject_429(1, retry_after=1, chat_id=READER)
        before = len(h.emu.messages(READER))
        h.emu.send_user_message(READER, "/unsubscribe مصر")
        await h.emu.await_messages(READER, before + 1, timeout=15)
        await asyncio.sleep(1.5)
        await h.settle()
        answers = [m.plain_text for m in h.emu.messages(READER)[before:]]
        assert len(answers) == 1 and "لست" not in answers[0] and "مصر" in answers[0], answers
        [row] = rows(h.db, "chat_id = ? and article_id = ?", [READER, art.id])
        assert row["status"] == "skipped"


# ------------------------------------------------------------------------------------- D3


async def test_a_sent_at_from_before_the_clock_went_back_holds_5_min_not_an_hour(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """QA27 D3 (back 1 h): the last alert's `sent_at`, written an hour «ahead», held the chat's
    next alert 1 h 05 min. A `sent_at` in the future does not count (QA32 R1: counted as now,
    it postponed the alert by 5 min at every pass): with no alert before now, it goes at once."""
    src = add_source(database, "src")
    old, new = (add_article(database, src, f"خبر {i}", story_id=50 + i) for i in range(2))
    add_chat(database, 1)
    sent = queue(database, 1, old)
    database.db.execute("update outbox set status = 'sent', sent_at = ? where id = ?",
                        [iso(NOW + timedelta(hours=1)), sent])
    row = queue(database, 1, new)
    sender = make_sender(database, bot, clock=lambda: NOW, instant_gap=timedelta(minutes=5))
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    [got] = rows(database, "id = ?", [row])
    assert got["status"] == "sent"


async def test_a_forward_glitch_does_not_hold_alerts_till_morning(
        database: Database, emu: Emulator, bot: Bot, caplog: object) -> None:
    """QA27 D3 (ahead 2 h for 20 s): rows taken during the glitch were postponed to the end of
    the quiet hours (10 h) and stayed so. The jump is logged once and they are re-planned."""
    import logging

    import pytest

    from digests.delivery_times import quiet_until

    assert isinstance(caplog, pytest.LogCaptureFixture)
    caplog.set_level(logging.WARNING, logger="bot.sender")
    src = add_source(database, "src")
    art = add_article(database, src, "خبر عاجل", story_id=60)
    add_chat(database, 1)
    glitch = NOW + timedelta(hours=2)
    for start in range(24):  # quiet hours holding the glitch's time, not the true one
        database.db.execute("update chats set quiet_start = ?, quiet_end = ? where id = 1",
                            [start, (start + 1) % 24])
        if quiet_until(database.db, 1, glitch) and not quiet_until(database.db, 1, NOW):
            break
    else:
        raise AssertionError("no quiet hour found")
    row = queue(database, 1, art)
    clock = [glitch]
    sender = make_sender(database, bot, clock=lambda: clock[0])
    assert await sender.run_once() == 0  # type: ignore[attr-defined]
    [held] = rows(database, "id = ?", [row])
    assert str(held["not_before"]) > str(iso(glitch))  # held by the wrong clock
    clock[0] = NOW  # corrected
    assert await sender.run_once() == 1  # type: ignore[attr-defined]
    assert len(emu.messages(1)) == 1
    jumps = [r for r in caplog.records if "clock jump" in r.getMessage()]
    assert len(jumps) == 1 and "-7200" in jumps[0].getMessage()


async def test_answers_to_readers_take_the_senders_slots(tmp_path: object) -> None:
    """QA27 D1: the bot's answers went outside the sender's limiter (45 readers talking during
    a broadcast pushed it over 30/s). Now each answer takes a slot of the same schedule."""
    from pathlib import Path

    from bot.runtime import RUNTIME_KEY
    from botkit import READER, running_bot, sample_db

    assert isinstance(tmp_path, Path)
    async with running_bot(sample_db(tmp_path)) as h:
        rt = h.app.bot_data[RUNTIME_KEY]
        await h.until(lambda: rt.sender is not None)
        slots: list[int] = []
        rt.sender.limiter.observe = lambda chat_id, at: slots.append(chat_id)
        await h.say(READER, "/help")
        await h.say(READER + 1, "/help")
        assert slots == [READER, READER + 1]


# ------------------------------------------------------------------------------------- D6


async def test_a_too_long_bundle_is_sent_as_plain_parts(database: Database, emu: Emulator,
                                                        bot: Bot) -> None:
    """QA27 D6: a 400 «message is too long» (a rendering bug of ours) failed the rows for good.
    Now the message goes once more as plain text, split to fit; every word arrives."""
    from datetime import datetime
    from collections.abc import Sequence

    from bot.send_failures import plain_parts
    from bot.telegram_html import utf16_len
    from digests.models import Digest

    src = add_source(database, "src")
    art = add_article(database, src, "خبر طويل", story_id=70)
    add_chat(database, 1)
    queue(database, 1, art)
    long_text = "\n".join(f"<b>سطر {i}</b> &amp; " + "كلمة " * 60 for i in range(30))

    def long_render(digests: list[Digest], lang: str, now: datetime,
                    topics: Sequence[str] | None = None, kind: str = "instant", more: int = 0,
                    button: bool = True, updates: frozenset[int] = frozenset(),
                    chat_type: str | None = None) -> list[str]:
        return [long_text]
    assert utf16_len(long_text) > 4096
    sender = make_sender(database, bot, render=long_render)
    await sender.run_once()  # type: ignore[attr-defined]
    got = emu.messages(1)
    assert len(got) == len(plain_parts(long_text)) >= 2
    assert all(utf16_len(m.text) <= 4096 for m in got)
    joined = "\n".join(m.text for m in got)
    assert "سطر 29 & " in joined and "<b>" not in joined
    [row] = rows(database, "chat_id = 1")
    assert row["status"] == "sent"


def test_plain_parts_cut_a_line_longer_than_the_limit() -> None:
    from bot.send_failures import plain_parts

    parts = plain_parts("<i>" + "ب" * 25 + "</i>\nقصير", limit=10)
    assert parts == ["ب" * 10, "ب" * 10, "ب" * 5 + "\nقصير"]


# ------------------------------------------------------------------------------------- D4


async def test_a_bundle_waiting_for_a_slot_goes_in_the_new_language(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """QA27 D4: a reader who switched to English while their alert waited got it in Arabic (the
    bundle carried the language read when it was planned). Read again as the bundle starts."""
    from collections.abc import Sequence
    from datetime import datetime

    from digests.models import Digest

    def lang_render(digests: list[Digest], lang: str, now: datetime,
                    topics: Sequence[str] | None = None, kind: str = "instant", more: int = 0,
                    button: bool = True, updates: frozenset[int] = frozenset(),
                    chat_type: str | None = None) -> list[str]:
        return [f"{lang}: " + " ".join(d.headline for d in digests)]
    src = add_source(database, "src")
    first, second = (add_article(database, src, f"خبر {i}", story_id=80 + i) for i in range(2))
    add_chat(database, 1)
    add_chat(database, 2)
    queue(database, 1, first)
    queue(database, 2, second)
    emu.slow_next(1, 1.0)  # chat 1's send holds the only slot a second
    sender = make_sender(database, bot, render=lang_render, max_in_flight=1)
    running = asyncio.create_task(sender.run_once())  # type: ignore[attr-defined]
    await asyncio.sleep(0.4)  # both bundles planned; chat 2's waits for the slot
    database.db.execute("update chats set language = 'en' where id = 2")
    await running
    assert emu.messages(1)[0].text.startswith("ar:")
    assert emu.messages(2)[0].text.startswith("en:")


# ------------------------------------------------------------------------------------- D5


async def test_ingest_polls_while_its_acknowledgement_waits_out_a_429(tmp_path: object) -> None:
    """QA27 D5: /ingest awaited its own «⏳ بدأ جلب الأخبار…» (refused with 429 again and again:
    4 min) before fetching. The poll now starts at once; «بدأ» still comes before the report."""
    from pathlib import Path

    from botkit import ADMIN, running_bot, sample_db
    from digests import sources

    assert isinstance(tmp_path, Path)
    async with running_bot(sample_db(tmp_path)) as h:
        for s in sources.list_sources(h.db):
            sources.remove_source(h.db, s.id)  # nothing to fetch: the poll is quick
        polls = h.db.db.execute("select count(*) from polls").fetchone()[0]
        h.emu.inject_429(2, retry_after=3, chat_id=ADMIN)
        before = len(h.emu.messages(ADMIN))
        h.emu.send_user_message(ADMIN, "/ingest")
        await h.until(lambda: h.db.db.execute("select count(*) from polls").fetchone()[0]
                      > polls, 2.5)  # before the acknowledgement's 3 s wait is over
        assert len(h.emu.messages(ADMIN)) == before  # «بدأ» not sent yet
        await h.until(lambda: len(h.emu.messages(ADMIN)) >= before + 2, 20)
        first, last = (m.plain_text for m in h.emu.messages(ADMIN)[before:before + 2])
        assert "بدأ جلب الأخبار" in first and "انتهى الجلب" in last


# ------------------------------------------------------------------------------------ D10


async def test_a_group_that_muted_the_bot_is_held_at_the_first_refusal(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """QA27 D10: a group that took the bot's right to write failed every alert, forever. Since
    X71 (QA49 M1) the first refusal holds it (bot.chat_holds): inactive, its queue kept
    pending for when it may post again, not tried again meanwhile."""
    src = add_source(database, "src")
    arts = [add_article(database, src, f"خبر {i}", story_id=90 + i) for i in range(4)]
    add_chat(database, -42, type="supergroup")
    emu.add_group(-42, "مجموعة")
    emu.fail_next(10, 400, "Bad Request: not enough rights to send text messages to the chat",
                  chat_id=-42)
    sender = make_sender(database, bot)
    for art in arts[:3]:  # three rounds, each one alert
        queue(database, -42, art)
        await sender.run_once()  # type: ignore[attr-defined]
        await asyncio.sleep(0.01)  # rounds apart in time
    status = [str(r["status"]) for r in rows(database, "chat_id = -42")]
    assert status == ["pending", "pending", "pending"], status
    assert database.db.execute("select active from chats where id = -42").fetchone()[0] == 0
    queue(database, -42, arts[3])  # not tried while held
    assert await sender.run_once() == 0  # type: ignore[attr-defined]
    assert emu.counters["error:400"] == 1
