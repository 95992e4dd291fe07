"""The sender against the Telegram emulator with real PTB and a real SQLite file.

Timing assertions never use the wall-clock duration of a test. The limits are checked on the
limiter's own decisions (`RateLimiter.observe`) replayed through the emulator's model of
Telegram's windows (`RateWindows`): deterministic on a loaded host, where the times messages reach
the emulator carry the machine's jitter as well.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import Bot
from telegram.request import HTTPXRequest

from bot import limiter as limiter_module
from bot.emulator import Emulator
from bot.emulator_model import RateWindows
from bot.sender import Sender
from delivery_helpers import (
    NOW,
    add_article,
    add_chat,
    add_source,
    per_story_render,
    rows,
    simple_render,
)
from digests import new_deliveries, outbox_states, push_queue, story_updates
from digests.models import Article, Digest, iso
from digests.settings import Settings
from digests.storage import Database

TOKEN = "123456:SENDER-TEST"



def make_sender(database: Database, bot: Bot, rate: float = 200.0, **kw: object) -> Sender:
    settings = Settings(database_path=__import__("pathlib").Path(database.path),
                        send_rate_per_second=rate)
    kw.setdefault("render", simple_render)
    kw.setdefault("retry_delay", 0.05)
    kw.setdefault("instant_gap", timedelta(0))  # spacing has its own test
    return Sender(database, bot, settings, clock=lambda: NOW, **kw)  # type: ignore[arg-type]


def queue(database: Database, chat_id: int, article: Article, kind: str = "instant",
          status: str = "pending") -> int:
    with database.transaction() as tx:
        cur = tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                         " status) values (?,?,?,?,?,?)",
                         [chat_id, article.story_id or -article.id, article.id, kind, iso(NOW),
                          status])
    return int(cur.lastrowid or 0)


def articles(database: Database, n: int) -> list[Article]:
    src = add_source(database, "src")
    return [add_article(database, src, f"خبر رقم {i}", story_id=100 + i) for i in range(n)]


def sent_texts(emu: Emulator, chat_id: int) -> list[str]:
    return [m.plain_text for m in emu.sent_log() if m.chat_id == chat_id]


async def test_bundles_one_message_per_chat(database: Database, emu: Emulator, bot: Bot) -> None:
    arts = articles(database, 3)
    add_chat(database, 1)
    add_chat(database, 2)
    for a in arts:
        queue(database, 1, a)
    queue(database, 2, arts[0])
    s = make_sender(database, bot)
    assert await s.run_once() == 2
    assert sent_texts(emu, 1) == ["\n".join(f"{a.id} {a.title}" for a in arts)]
    assert len(sent_texts(emu, 2)) == 1
    assert {r["status"] for r in rows(database)} == {"sent"}
    assert await s.run_once() == 0  # nothing twice


async def test_real_renderer_output_is_accepted(database: Database, emu: Emulator,
                                                bot: Bot) -> None:
    arts = articles(database, 2)
    database.db.execute("update articles set quotes_json = ? where id = ?",
                        ['[{"text": "لن نغادر <الغوطة> & أهلها", "speaker": "أحد السكان"}]',
                         arts[0].id])
    add_chat(database, 1, language="en")
    for a in arts:
        queue(database, 1, a)
    s = make_sender(database, bot, render=None)  # bot.render.render_bundle
    assert await s.run_once() >= 1
    [msg] = emu.messages(1)
    assert "<الغوطة> & أهلها" in msg.plain_text and arts[1].title in msg.plain_text


async def test_429_pauses_everything_then_resumes_in_order(database: Database, emu: Emulator,
                                                           bot: Bot) -> None:
    """Every chat refused 429 at once, none accepted: the bot as a whole is over its limit,
    every send pauses (one chat's own 429 holds that chat only: test_x42_delivery)."""
    arts = articles(database, 12)
    for chat in range(1, 5):
        add_chat(database, chat)
    for chat in range(1, 5):  # 3 stories per chat, sent as 3 messages (one per story)
        for a in arts[(chat - 1) * 3:chat * 3]:
            queue(database, chat, a)
    emu.inject_429(4, retry_after=1)
    s = make_sender(database, bot, render=per_story_render)
    decisions, waits = decisions_of(s), waits_of(s)
    await s.drain(timeout=20)
    refused = emu.refusals(429)
    assert len({r.chat_id for r in refused}) >= 2
    log = emu.sent_log()
    assert len(log) == 12 and s.stats.retry_after == 4  # nothing lost
    assert len({(m.chat_id, m.plain_text) for m in log}) == 12  # nothing twice
    # Once the pause is known, no slot at all is granted until retry_after has passed. Checked
    # on the limiter's own times (CI hardening: the emulator's «nothing accepted 0.1–1.0 s
    # after the last refusal» let a loaded host's late arrivals and spread refusals in).
    assert waits.pauses, "every chat refused: the bot as a whole must pause"
    paused_at, until = waits.pauses[0]
    after = [d for d in decisions if d.at > paused_at]
    assert after and min(d.at for d in after) >= until
    assert after[0].chat in {r.chat_id for r in refused}  # refused go first
    # Each chat got its stories in queue order.
    for chat in range(1, 5):
        want = [f"{a.id} {a.title}" for a in arts[(chat - 1) * 3:chat * 3]]
        assert sent_texts(emu, chat) == want


async def test_forbidden_deactivates_blocked_chats_only(database: Database, emu: Emulator,
                                                        bot: Bot) -> None:
    arts = articles(database, 2)
    for chat in (1, 2, 3, 4):
        add_chat(database, chat)
        queue(database, chat, arts[0])
    emu.block(2)
    emu.block(3, "deactivated")
    emu.block(4, "cant_initiate")  # a 403 that does not mean "blocked"
    s = make_sender(database, bot)
    await s.run_once()
    queue(database, 2, arts[1])  # queued later: never tried, the chat is inactive
    await s.run_once()
    active = dict(database.db.execute("select id, active from chats").fetchall())
    assert active == {1: 1, 2: 0, 3: 0, 4: 1}
    status = {(r["chat_id"], r["article_id"]): r["status"] for r in rows(database)}
    # QA16 N8: a chat that blocked the bot has its rows skipped, the one tried included (as
    # after my_chat_member «kicked»); a 403 that is not a block fails that bundle only
    assert status == {(1, arts[0].id): "sent", (2, arts[0].id): "skipped",
                      (3, arts[0].id): "skipped", (4, arts[0].id): "failed",
                      (2, arts[1].id): "pending"}
    assert "blocked by the user" in str(rows(database, "chat_id = 2")[0]["last_error"])
    assert s.stats.deactivated == 2
    assert emu.counters["error:403"] == 3  # each tried once


async def test_chat_not_found_deactivates_the_chat_and_keeps_its_topics(
        database: Database, emu: Emulator, bot: Bot, caplog: pytest.LogCaptureFixture) -> None:
    """QA12: a chat answering 400 «chat not found» stayed active and failed on every push; it
    is as permanent as a block now: deactivated, its later rows never tried, its topics kept
    (a chat that writes to the bot again gets them back, as after a 403)."""
    caplog.set_level(logging.INFO, logger="bot.courier")
    arts = articles(database, 2)
    add_chat(database, 1)
    add_chat(database, -77, topics=("الغوطة",), type="supergroup")  # unknown to Telegram
    for chat in (1, -77):
        queue(database, chat, arts[0])
    s = make_sender(database, bot)
    await s.run_once()
    queue(database, -77, arts[1])  # the next push: not tried again
    await s.run_once()
    assert dict(database.db.execute("select id, active from chats").fetchall()) == \
        {1: 1, -77: 0}
    status = {(r["chat_id"], r["article_id"]): r["status"] for r in rows(database)}
    assert status == {(1, arts[0].id): "sent", (-77, arts[0].id): "skipped",
                      (-77, arts[1].id): "pending"}
    assert "chat not found" in str(database.db.execute(
        "select deactivated_reason from chats where id = -77").fetchone()[0]).lower()
    assert emu.counters["error:400"] == 1 and s.stats.deactivated == 1
    assert database.db.execute("select topic from subscriptions where chat_id = -77"
                               ).fetchone()[0] == "الغوطة"
    # a lost chat is logged like a block, at INFO: no WARNING per stale chat (QA20 O9)
    refused = [r for r in caplog.records if r.getMessage().startswith("message refused")]
    assert refused and all(r.levelno == logging.INFO for r in refused), refused


async def test_a_migrated_group_is_a_supergroup(database: Database, emu: Emulator,
                                                bot: Bot) -> None:
    """QA12 run F: the moved chat kept type 'group'."""
    [art] = articles(database, 1)
    add_chat(database, -6, type="group")
    queue(database, -6, art)
    emu.migrate(-6, -1006)
    await make_sender(database, bot).run_once()
    assert database.db.execute("select type from chats where id = -1006").fetchone()[0] == \
        "supergroup"


async def test_chat_migration_moves_and_delivers(database: Database, emu: Emulator,
                                                 bot: Bot) -> None:
    arts = articles(database, 2)
    add_chat(database, -5, type="group")
    for a in arts:
        queue(database, -5, a)
    emu.migrate(-5, -1005)
    s = make_sender(database, bot)
    await s.run_once()
    assert len(emu.messages(-1005)) == 1 and emu.messages(-5) == []
    assert {(r["chat_id"], r["status"]) for r in rows(database)} == {(-1005, "sent")}
    assert database.db.execute("select count(*) from chats where id = -1005").fetchone()[0] == 1
    assert s.stats.migrated == 1
    queue(database, -1005, add_article(database, add_source(database, "x"), "جديد", story_id=9))
    assert await s.run_once() == 1  # the moved chat is not left marked busy


async def test_unparsable_html_is_sent_again_as_plain_text_and_the_queue_goes_on(
        database: Database, emu: Emulator, bot: Bot) -> None:
    arts = articles(database, 3)
    database.db.execute("update articles set headline = ? where id = ?",
                        ["broken <tag", arts[1].id])
    for chat, a in zip((1, 2, 3), arts):
        add_chat(database, chat)
        queue(database, chat, a)

    def raw_render(digests: list[Digest], lang: str, now: datetime,
                   topics: Sequence[str] | None = None, kind: str = "instant",
                   more: int = 0, button: bool = True, updates: frozenset[int] = frozenset(),
                   chat_type: str | None = None) -> list[str]:
        return [d.headline for d in digests]  # unescaped on purpose
    s = make_sender(database, bot, render=raw_render)
    await s.run_once()
    got = {r["chat_id"]: r for r in rows(database)}
    # QA27 D6: «can't parse entities» is our rendering: sent again once as plain text
    assert got[1]["status"] == got[2]["status"] == got[3]["status"] == "sent"
    assert len(emu.messages()) == 3 and emu.messages(2)[0].text == "broken <tag"
    assert emu.counters["error:400"] == 1


async def test_restart_resumes_pending_and_interrupted(database: Database, emu: Emulator,
                                                       bot: Bot) -> None:
    arts = articles(database, 3)
    add_chat(database, 1)
    add_chat(database, 2)
    queue(database, 1, arts[0], status="sent")  # delivered before the crash
    queue(database, 1, arts[1], status="sending")  # in flight at the crash
    queue(database, 2, arts[2])  # never tried
    s = make_sender(database, bot)
    assert s.recover() == 1
    await s.drain()
    assert [m.plain_text for m in emu.sent_log()] == [f"{arts[1].id} {arts[1].title}",
                                                      f"{arts[2].id} {arts[2].title}"]
    assert {r["status"] for r in rows(database)} == {"sent"}


async def test_each_story_once_through_the_whole_flow(database: Database, emu: Emulator,
                                                      bot: Bot) -> None:
    from digests.processing import StoreContext

    add_chat(database, 1, topics=("الغوطة",))
    s1, s2 = add_source(database, "a"), add_source(database, "b")
    s = make_sender(database, bot)
    for src in (s1, s2, s1):  # three reports of one story, delivered between them
        art = add_article(database, src, f"الغوطة من {src}", story_id=3)
        with database.transaction() as tx:
            new_deliveries.enqueue_article(tx, art, StoreContext(NOW, Settings()))
        await s.drain()
    assert len(emu.messages(1)) == 1


@dataclass
class Decision:
    """One slot the sender's limiter granted: to `chat` at monotonic time `at`; `refused` when
    the emulator answered that message 429 (the limiter then takes the slot back)."""

    chat: int
    at: float
    refused: bool = False


def decisions_of(s: Sender) -> list[Decision]:
    """The slots the sender's limiter grants, as it decides them (`RateLimiter.observe`)."""
    log: list[Decision] = []
    refused = s.limiter.refused

    def take_back(chat_id: int, is_group: bool) -> None:
        next(d for d in reversed(log) if d.chat == chat_id).refused = True
        refused(chat_id, is_group)

    s.limiter.observe = lambda chat_id, at: log.append(Decision(chat_id, at))
    s.limiter.refused = take_back  # type: ignore[method-assign]
    return log


@dataclass
class Waits:
    """What the sender's limiter was told to wait, on time.monotonic(): every global pause
    (`RateLimiter.pause`) as (when, until) and every chat's own hold (`RateLimiter.hold`) as
    (chat, when, until). `until` is never later than the limiter's own, so a slot it grants
    after `when` is at `until` or later, however loaded the host: a lower bound, not a window."""

    pauses: list[tuple[float, float]]
    holds: list[tuple[int, float, float]]


def waits_of(s: Sender) -> Waits:
    """Record the pauses and holds of the sender's limiter (see `Waits`)."""
    waits = Waits([], [])
    pause, hold = s.limiter.pause, s.limiter.hold

    def spy_pause(seconds: float) -> None:
        at = time.monotonic()
        pause(seconds)
        waits.pauses.append((at, at + seconds))

    def spy_hold(chat_id: int, seconds: float) -> None:
        at = time.monotonic()
        hold(chat_id, seconds)
        waits.holds.append((chat_id, at, at + seconds))
    s.limiter.pause = spy_pause  # type: ignore[method-assign]
    s.limiter.hold = spy_hold  # type: ignore[method-assign]
    return waits


def refusals(decisions: list[Decision], windows: RateWindows,
             groups: frozenset[int] = frozenset()) -> list[tuple[int, str]]:
    """The decisions Telegram's limits (the emulator's own windows) would refuse, replayed in
    the limiter's time. Every decision must be admitted — one the emulator refused too (in
    flight, the host's jitter may bring two messages closer than they were sent); such a slot
    then does not count, as Telegram does not count a refused call."""
    out: list[tuple[int, str]] = []
    for d in sorted(decisions, key=lambda d: d.at):
        is_group = d.chat in groups
        before = windows.last_per_chat.get(d.chat)
        verdict = windows.admit(d.chat, is_group, d.at)
        if verdict is not None:
            out.append((d.chat, verdict[0]))
        elif d.refused:  # admitted here, refused on the way: it does not count
            windows.overall.pop()
            if before is None:
                del windows.last_per_chat[d.chat]
            else:
                windows.last_per_chat[d.chat] = before
            if is_group:
                windows.group_window[d.chat].pop()
    return out


async def test_per_chat_and_overall_limits_hold(database: Database, emu: Emulator,
                                                bot: Bot) -> None:
    """The limiter's decisions keep Telegram's limits (30/s overall, 1/s per chat), checked by
    replaying them through the emulator's windows: deterministic on a loaded host, where the
    times messages arrive carry the machine's jitter too (a 429 there is waited out and the
    message resent: nothing is lost or sent twice)."""
    emu.rate_limits(True, overall_per_second=30)
    arts = articles(database, 25)
    add_chat(database, 1)
    for a in arts[:3]:  # 3 stories → 3 messages to one chat (one per story)
        queue(database, 1, a)
    for chat in range(2, 42):  # and 40 other chats at once
        add_chat(database, chat)
        queue(database, chat, arts[21])
    s = make_sender(database, bot, rate=30, render=per_story_render)
    decisions = decisions_of(s)
    await s.drain(timeout=30)
    assert refusals(decisions, RateWindows(True, overall_per_second=30,
                                           per_chat_interval=1.0)) == []
    sent = [d for d in decisions if not d.refused]
    assert len(sent) == 43  # one slot per message: 3 to chat 1, 1 to each other
    mine = [d.at for d in sent if d.chat == 1]
    assert len(mine) == 3 and all(b - a >= limiter_module.CHAT_INTERVAL
                                  for a, b in zip(mine, mine[1:]))
    assert s.stats.retry_after == emu.counters["error:429"]  # each 429 waited out, then resent
    assert len(emu.messages()) == 43 and len(emu.messages(1)) == 3
    assert {r["status"] for r in rows(database)} == {"sent"}


async def test_group_window_holds(database: Database, emu: Emulator, bot: Bot,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limiter_module, "GROUP_LIMIT", 3)
    monkeypatch.setattr(limiter_module, "GROUP_WINDOW", 2.0)  # 0.5 s margin, as in production
    monkeypatch.setattr(limiter_module, "CHAT_INTERVAL", 0.05)
    emu.rate_limits(True, overall_per_second=100, per_chat_interval=0.0, group_per_minute=3,
                    group_window=1.5)
    arts = articles(database, 5)
    add_chat(database, -9, type="supergroup")
    emu.add_group(-9, "مجموعة")
    for a in arts:
        queue(database, -9, a)
    s = make_sender(database, bot, render=per_story_render)
    decisions = decisions_of(s)
    await s.drain(timeout=20)
    # the limiter's decisions, replayed through the emulator's windows (3 per 1.5 s)
    assert refusals(decisions, RateWindows(True, overall_per_second=100, per_chat_interval=0.0,
                                           group_per_minute=3, group_seconds=1.5),
                    groups=frozenset({-9})) == []
    times = [d.at for d in decisions if not d.refused]
    assert len(times) == 5 and times[3] - times[0] >= limiter_module.GROUP_WINDOW
    assert len(emu.messages(-9)) == 5 and s.stats.retry_after == emu.counters["error:429"]


async def test_read_timeout_is_resent_at_least_once(database: Database, emu: Emulator,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # X93 (QA62-7): a delivery waits bot.courier.SEND_READ_TIMEOUT (120 s) for its answer, not
    # the client's read timeout; a send still unanswered after it is re-sent
    import bot.courier

    monkeypatch.setattr(bot.courier, "SEND_READ_TIMEOUT", 1.0)
    arts = articles(database, 1)
    add_chat(database, 1)
    queue(database, 1, arts[0])
    # the slow answer 3 s, the read timeout 1 s (were 0.8 and 0.25: on a loaded host an ordinary
    # answer could take 0.25 s and time out too, a third send; CI hardening)
    emu.slow_next(1, 3.0)
    async with Bot(TOKEN, base_url=emu.base_url,
                   request=HTTPXRequest(read_timeout=1.0)) as slow_bot:
        s = make_sender(database, slow_bot)
        await s.drain(timeout=10)
    # Policy: a timeout that may have delivered is re-sent (a visible duplicate, never a loss).
    assert len(emu.sent_log()) == 2 and s.stats.ambiguous == 1
    [row] = rows(database)
    assert row["status"] == "sent" and row["attempts"] == 2
    assert "maybe sent" in str(row["last_error"])


async def test_unreachable_server_is_not_sent_and_retried(database: Database) -> None:
    arts = articles(database, 1)
    add_chat(database, 1)
    queue(database, 1, arts[0])
    gone = Emulator().start()
    async with Bot(TOKEN, base_url=gone.base_url) as dead:
        gone.stop()  # Telegram unreachable: connections are refused from now on
        s = make_sender(database, dead, retry_delay=30.0)
        await s.run_once()
    [row] = rows(database)
    assert row["status"] == "pending" and "not sent" in str(row["last_error"])
    assert s.stats.ambiguous == 0


async def test_push_progress_reported_when_finished(database: Database, emu: Emulator,
                                                    bot: Bot) -> None:
    src = [add_source(database, n) for n in "ab"]
    for s_ in src:
        add_article(database, s_, "قمة", story_id=1)
    for chat in (1, 2, 3):
        add_chat(database, chat)
    emu.block(3)
    plan = push_queue.enqueue_push(database, topic=None, now=NOW)
    assert plan.chats == 3
    s = make_sender(database, bot)
    reports: list[push_queue.PushProgress] = []
    s.watch_push(plan.push_id, reports.append)
    task = asyncio.create_task(s.run())
    try:
        final = await s.wait_push(plan.push_id, timeout=10)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert (final.delivered, final.failed, final.pending) == (2, 1, 0)
    assert reports == [final]


async def test_run_always_stops_when_cancelled(database: Database, bot: Bot) -> None:
    s = make_sender(database, bot, poll_seconds=0.001)
    for i in range(40):  # cancel at many points of the idle loop
        task = asyncio.create_task(s.run())
        await asyncio.sleep(0.0005 * (i % 7))
        task.cancel()
        async with asyncio.timeout(5):
            await asyncio.gather(task, return_exceptions=True)
        assert task.done()


async def test_run_survives_a_failing_look(database: Database, emu: Emulator, bot: Bot,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    arts = articles(database, 1)
    add_chat(database, 1)
    queue(database, 1, arts[0])
    s = make_sender(database, bot, poll_seconds=0.01)
    real = outbox_states.due_rows
    calls = {"n": 0}

    def flaky(*args: object, **kw: object) -> list[outbox_states.DueRow]:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise __import__("sqlite3").OperationalError("database is locked")
        return real(*args, **kw)  # type: ignore[arg-type]
    monkeypatch.setattr(outbox_states, "due_rows", flaky)
    task = asyncio.create_task(s.run())
    try:
        await emu.await_messages(1, 1, timeout=10)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert calls["n"] > 2


async def test_a_group_migrated_into_a_known_supergroup_gets_no_story_twice(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """QA15 N2: the supergroup a group became was already a chat (a member subscribed there
    before the bot learned of the upgrade) and had the story; the old group's row, redirected by
    Telegram's «migrate_to_chat_id», must not send it again."""
    [art] = articles(database, 1)
    add_chat(database, -7, type="group")
    add_chat(database, -1007, type="supergroup")
    emu.migrate(-7, -1007)
    queue(database, -1007, art)
    s = make_sender(database, bot)
    await s.run_once()
    assert len(emu.messages(-1007)) == 1
    queue(database, -7, art)
    await s.run_once()
    await s.run_once()
    assert len(emu.messages(-1007)) == 1  # once, not twice
    assert {(r["chat_id"], r["status"]) for r in rows(database)} == {(-1007, "sent")}
    assert database.db.execute("select count(*) from chats where id = -7").fetchone()[0] == 0


async def test_a_daily_digest_is_one_digest_of_the_best_stories(database: Database, emu: Emulator,
                                                                bot: Bot) -> None:
    """QA16 F4: 25 stories due for a daily digest came as three digests of 10, 10 and 5, each
    headed «📰 نشرتك اليومية — …». One digest now: one header, the ten best stories (most
    sources first, then newest), and a line for the other 15; every row sent, none left for
    tomorrow. Arabic, English and a group alike."""
    from bot.origins import bundle_topics
    from bot.sender import MAX_BUNDLE

    arts = articles(database, 25)
    for name in ("src2", "src3"):  # story 105 is reported by three sources, 120 by two
        src = add_source(database, name)
        # other sources' reports share nothing with the story's numbered report: it stays
        # the story's face (digests.story_face)
        add_article(database, src, "تقرير ثان" if name == "src2" else "نبأ مختلف",
                    story_id=105)
        if name == "src2":
            add_article(database, src, "تقرير آخر", story_id=120)
    add_chat(database, 1, mode="daily")
    add_chat(database, 2, mode="daily", language="en")
    add_chat(database, -3, mode="daily", type="supergroup")
    emu.add_group(-3, "مجموعة")
    for chat in (1, 2, -3):
        for a in arts:
            queue(database, chat, a, kind="daily:2026-11-29")
    s = make_sender(database, bot, render=None, topics_of=bundle_topics)
    await s.drain(timeout=20)
    headers = {1: "📰 نشرتك اليومية — ٢٩ نوفمبر ٢٠٢٦", 2: "📰 Your daily digest — 29 November 2026",
               -3: "📰 النشرة اليومية — ٢٩ نوفمبر ٢٠٢٦"}
    more = {1: "وهناك ١٥ خبرًا آخر في الزر أدناه.", 2: "The button below shows 15 more stories.",
            -3: "وهناك ١٥ خبرًا آخر في الزر أدناه."}
    for chat, header in headers.items():
        texts = [m.plain_text.replace("\u200e", "").replace("\u200f", "")
                 for m in emu.messages(chat)]
        assert texts[0].startswith(header)
        assert sum(t.count("📰") for t in texts) == 1  # one header in all its messages
        whole = "\n".join(texts)
        assert more[chat] in whole and whole.index(more[chat]) > whole.index(arts[5].title)
        # a delivered story's line: «headline — source · time» (compact, X24)
        shown = [a for a in arts if f"{a.title} — " in whole]
        assert len(shown) == MAX_BUNDLE
        # the three-source story first, then the two-source one, then the newest (ids as ties)
        assert whole.index(arts[5].title) < whole.index(arts[20].title) < whole.index(
            arts[24].title)
    assert {r["status"] for r in rows(database)} == {"sent"}  # counted = delivered
    assert await s.run_once() == 0


async def test_a_big_poll_makes_one_instant_bundle(database: Database, emu: Emulator,
                                                    bot: Bot) -> None:
    """A poll that queues 25 instant stories for a chat sends one bundle of the 10 best with a
    line for the others, not three bundles headed «📰 النشرة العامة» a second apart; a bundle
    of at most 10 keeps the order its stories came in."""
    from bot.origins import bundle_topics

    arts = articles(database, 25)
    add_chat(database, 1)
    add_chat(database, 2, language="en")
    for a in arts:
        queue(database, 1, a)
    for a in reversed(arts[:4]):
        queue(database, 2, a)
    s = make_sender(database, bot, render=None, topics_of=bundle_topics)
    await s.drain(timeout=20)
    texts = [m.plain_text for m in emu.messages(1)]
    assert sum(t.count("📰 النشرة العامة") for t in texts) == 1
    assert "وهناك ١٥ خبرًا آخر" in texts[-1]
    [en] = [m.plain_text for m in emu.messages(2)]
    assert "more stor" not in en
    assert [en.index(a.title) for a in reversed(arts[:4])] == sorted(
        en.index(a.title) for a in arts[:4])  # as queued
    assert {r["status"] for r in rows(database)} == {"sent"}


def test_choose_shown_puts_pushes_first_and_ranks_the_rest() -> None:
    from bot.sender import choose_shown

    def row(i: int, kind: str = "instant") -> outbox_states.DueRow:
        return outbox_states.DueRow(id=i, chat_id=1, story_id=i, article_id=i, kind=kind,
                                    attempts=0)

    weights = {i: (1, f"2026-11-29T0{i % 10}:00:00") for i in range(1, 13)}
    weights[3] = (4, "2026-11-01T00:00:00")
    rows_ = [row(i) for i in range(1, 12)] + [row(12, "push:1")]
    shown, counted = choose_shown(rows_, weights, limit=3)
    assert [r.id for r in shown] == [12, 3, 9]  # the push, most sources, newest
    assert len(counted) == 9 and 12 not in {r.id for r in counted}
    few = [row(i) for i in (5, 1, 3)]
    # instant: the best-covered first (QA34 R3), the others as they came
    assert [r.id for r in choose_shown(few, weights, limit=3)[0]] == [3, 5, 1]
    even = [row(i) for i in (5, 1, 2)]
    assert choose_shown(even, weights, limit=3) == (even, [])  # equals: as they came
    daily = [row(i, "daily:2026-11-29") for i in (5, 1, 3)]
    assert [r.id for r in choose_shown(daily, weights, limit=3)[0]] == [3, 5, 1]


async def test_instant_bundles_to_a_chat_are_spaced(database: Database, emu: Emulator,
                                                   bot: Bot) -> None:
    """QA16 F4: a poll storing its articles one by one made a bundle headed «📰 جديد «سوريا»»
    for every story or two. The first alert goes at once; what comes within INSTANT_GAP waits
    and goes as one bundle; pushes are not spaced, other chats not held."""
    from bot.sender import INSTANT_GAP

    clock = [NOW]
    arts = articles(database, 8)
    add_chat(database, 1)
    add_chat(database, 2)
    s = make_sender(database, bot, instant_gap=INSTANT_GAP)
    s.clock = s.courier.clock = lambda: clock[0]
    queue(database, 1, arts[0])
    assert await s.run_once() == 1  # the first at once
    for a in arts[1:5]:  # the poll goes on storing
        queue(database, 1, a)
        clock[0] += timedelta(seconds=20)
        assert await s.run_once() == 0
    queue(database, 2, arts[5])
    assert await s.run_once() == 1  # another chat is not held
    queue(database, 1, arts[6], kind="push:1")
    with database.transaction() as tx:
        tx.execute("insert into pushes (id, topic, created_at, stories) values (1, null, ?, 1)",
                   [iso(NOW)])
    clock[0] += timedelta(seconds=1)
    assert await s.run_once() == 1  # an admin's push is not spaced
    queue(database, 1, arts[7])
    clock[0] += timedelta(seconds=1)
    assert await s.run_once() == 0
    pending = rows(database, "status = 'pending'")
    assert [r["article_id"] for r in pending] == [a.id for a in arts[1:5]] + [arts[7].id]
    assert {r["not_before"] for r in pending} == {iso(NOW + INSTANT_GAP)}
    clock[0] = NOW + INSTANT_GAP
    assert await s.run_once() == 1  # the five that waited: one bundle
    assert {r["status"] for r in rows(database)} == {"sent"}
    assert len(emu.messages(1)) == 3 and len(emu.messages(2)) == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["instant", "daily:2026-11-29", "push:1"]),
                          st.integers(0, 5), st.integers(0, 9)), max_size=30, unique_by=lambda x: x),
       st.integers(1, 12))
def test_choose_shown_partitions_the_rows(specs: list[tuple[str, int, int]], limit: int) -> None:
    """Every row is shown or counted, never both nor lost; at most `limit` shown; an admin's
    push rows are shown before any other; shown stories rank no lower than counted ones."""
    from bot.sender import choose_shown

    rows_ = [outbox_states.DueRow(id=i + 1, chat_id=1, story_id=i + 1, article_id=i + 1, kind=kind,
                                  attempts=0) for i, (kind, _, _) in enumerate(specs)]
    weights = {i + 1: (sources, f"2026-11-29T0{hour}:00:00")
               for i, (_, sources, hour) in enumerate(specs)}
    shown, counted = choose_shown(rows_, weights, limit)
    assert sorted(r.id for r in shown + counted) == [r.id for r in rows_]
    assert len(shown) == min(limit, len(rows_))
    pushes = [r for r in rows_ if r.kind.startswith("push:")]
    assert shown[:len(pushes)] == pushes[:len(shown)]
    rank = [(weights[r.id], r.id) for r in shown if not r.kind.startswith("push:")]
    if counted and (len(rows_) > limit or any(r.kind.startswith("daily:") for r in rows_)):
        assert all(w >= (weights[c.id], c.id) for w in rank for c in counted
                   if not c.kind.startswith("push:"))


async def test_a_daily_digest_shows_the_followed_topic_first(database: Database, emu: Emulator,
                                                             bot: Bot) -> None:
    """QA18 R6: a reader who follows «الغوطة» and the general digest got four daily digests
    whose ten visible stories held none of the 13+ Ghouta stories (one source each, ranked
    under the general digest's three-source stories). The topic's stories now come first,
    best first, and the header names the topic; the general digest's fill the rest."""
    from bot.origins import bundle_topics

    srcs = [add_source(database, f"src{i}") for i in range(3)]
    general = []
    for i in range(12):  # the general digest's: three sources each
        general.append(add_article(database, srcs[0], f"خبر عام رقم {i}", story_id=200 + i))
        for src in srcs[1:]:
            add_article(database, src, f"تقرير آخر رقم {i}", story_id=200 + i)
    ghouta = [add_article(database, srcs[i % 3], f"قصف جديد على الغوطة الشرقية رقم {i}",
                          story_id=300 + i, published=NOW - timedelta(hours=10 - i))
              for i in range(4)]  # one source each, the last the newest
    add_chat(database, 1, mode="daily", topics=("", "الغوطة"))
    add_chat(database, 2, mode="daily")  # the general digest alone: ranked by sources
    for a in ghouta[:2] + general + ghouta[2:]:
        for chat in (1, 2):
            queue(database, chat, a, kind="daily:2026-11-29")
    s = make_sender(database, bot, render=None, topics_of=bundle_topics)
    await s.drain(timeout=20)
    whole = "\n".join(m.plain_text for m in emu.messages(1)).replace("\u200f", "")
    assert whole.startswith("📰") and "الغوطة" in whole.split("\n")[0]  # the header names it
    positions = [whole.index(a.title) for a in reversed(ghouta)]  # all four, newest first
    assert positions == sorted(positions)
    shown_general = [a for a in general if f"{a.title} — " in whole]
    assert len(shown_general) == 6 and positions[-1] < whole.index(shown_general[0].title)
    other = "\n".join(m.plain_text for m in emu.messages(2)).replace("\u200f", "")
    assert not any(a.title in other for a in ghouta)  # hidden for the general-only reader
    assert "الغوطة" not in other.split("\n")[0]
    assert {r["status"] for r in rows(database)} == {"sent"}


def test_choose_shown_gives_several_topics_a_fair_share() -> None:
    from bot.sender import choose_shown, topic_share

    def row(i: int) -> outbox_states.DueRow:
        return outbox_states.DueRow(id=i, chat_id=1, story_id=i, article_id=i,
                                    kind="daily:2026-11-29", attempts=0)

    # 1–6 the general digest's (3 sources), 7–14 «النفط» (2 sources), 15–16 «الغوطة» (1)
    weights = {i: ((3 if i <= 6 else 2 if i <= 14 else 1), f"2026-11-29T{i:02d}:00:00")
               for i in range(1, 17)}
    topics = {i: "النفط" for i in range(7, 15)} | {15: "الغوطة", 16: "الغوطة"}
    shown, counted = choose_shown([row(i) for i in range(1, 17)], weights, topics=topics)
    assert [r.id for r in shown] == [14, 13, 12, 11, 10, 16, 15, 6, 5, 4]
    assert len(counted) == 6
    assert topic_share(1, 10) == 10 and topic_share(2, 10) == 5 and topic_share(4, 10) == 3
    # four topics of four stories each: rounds of each topic's best, three each, room for 10
    four = {i: f"t{(i - 1) // 4}" for i in range(1, 17)}
    flat = {i: (1, f"2026-11-29T{i:02d}:00:00") for i in range(1, 17)}
    shown, _ = choose_shown([row(i) for i in range(1, 17)], flat, topics=four)
    assert sorted({four[r.id] for r in shown}) == ["t0", "t1", "t2", "t3"]
    assert max(sum(1 for r in shown if four[r.id] == t) for t in ("t0", "t1", "t2")) == 3
    # no topic: the order /digest ranks in, unchanged
    plain, _ = choose_shown([row(i) for i in range(1, 17)], weights, topics={})
    assert [r.id for r in plain][:6] == [6, 5, 4, 3, 2, 1]


async def test_a_story_s_next_day_report_comes_as_an_update(database: Database, emu: Emulator,
                                                            bot: Bot) -> None:
    """QA18 R10 on the emulator: the oil follower gets the next day's report of a story it
    was sent yesterday, marked «🔄 تحديث»; a reader who follows oil since today gets the same
    report in the same pass as a story of its own, unmarked; English says "🔄 Update"."""
    from bot.origins import bundle_topics
    from delivery_helpers import ctx

    clock = [NOW]
    src = add_source(database, "src")
    add_chat(database, 1, topics=("النفط",))
    add_chat(database, 3, topics=("النفط",), language="en")
    first = add_article(database, src, "النفط يغلق بلا تغير", story_id=643)
    with database.transaction() as tx:
        new_deliveries.enqueue_article(tx, first, ctx(NOW))
    s = make_sender(database, bot, render=None, topics_of=bundle_topics)
    s.clock = s.courier.clock = lambda: clock[0]
    await s.drain(timeout=20)
    assert "تحديث" not in emu.messages(1)[0].plain_text
    clock[0] = NOW + timedelta(hours=20)
    add_chat(database, 2, topics=("النفط",))  # follows oil since today
    next_day = add_article(database, src, "النفط يرتفع بفعل الدولار", story_id=643,
                           published=clock[0])
    with database.transaction() as tx:
        new_deliveries.enqueue_article(tx, next_day, ctx(clock[0]))
    await s.drain(timeout=20)
    old, new = emu.messages(1)[-1].plain_text, emu.messages(2)[-1].plain_text
    assert len(emu.messages(1)) == 2 and next_day.title in old and next_day.title in new
    line = next(x for x in old.split("\n") if next_day.title in x)
    assert "🔄 تحديث" in line  # on the story's headline line
    assert "تحديث" not in new and "\x00" not in old  # the marker never shows
    assert "🔄 Update · " in emu.messages(3)[-1].plain_text.replace("\u200e", "")
    assert {r["status"] for r in rows(database)} == {"sent"}
    assert await s.run_once() == 0


def _shown(text: str) -> str:
    """A message's text without the invisible direction marks and isolates (bot.lines)."""
    return "".join(c for c in text if c not in "\u200e\u200f\u2066\u2067\u2068\u2069")


async def test_the_stop_line_is_worded_for_each_chat_of_one_broadcast(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """QA18 R18: «لإيقاف المتابعة: /unsubscribe» closed every delivered digest, where a
    channel's readers cannot act on it and a group's members cannot either. The same story in
    the same pass (one rendering key but the chat's type, Bundle.chat_type): a private chat is
    told how to stop, a group its admins, a channel nothing."""
    from bot.origins import bundle_topics

    [art] = articles(database, 1)
    add_chat(database, 1)
    add_chat(database, 2, language="en")
    add_chat(database, -3, type="supergroup")
    add_chat(database, -4, type="group", language="en")
    add_chat(database, -1005, type="channel")
    emu.add_group(-3, "مجموعة")
    emu.add_group(-4, "group", type="group")
    emu.add_chat(-1005, type="channel", title="قناة")
    for chat in (1, 2, -3, -4, -1005):
        queue(database, chat, art)
    s = make_sender(database, bot, render=None, topics_of=bundle_topics)
    await s.drain(timeout=20)
    last = {chat: _shown(emu.messages(chat)[-1].plain_text) for chat in (1, 2, -3, -4, -1005)}
    assert last[1].endswith("\nلإيقاف المتابعة: /unsubscribe")
    assert last[2].endswith("\nTo stop: /unsubscribe")
    assert last[-3].endswith("\nللمشرفين: /unsubscribe")
    assert last[-4].endswith("\nAdmins: /unsubscribe")
    # the channel's post is the private chat's but its stop line: header and story kept
    assert art.title in last[-1005] and "/unsubscribe" not in last[-1005]
    assert last[-1005] + "\n\nلإيقاف المتابعة: /unsubscribe" == last[1]
    assert {r["status"] for r in rows(database)} == {"sent"}


async def test_a_night_restart_holds_the_evening_backlog_until_the_quiet_hours_end(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """QA19 N2: alerts due at 22:30 local (19:30Z) that a stopped bot only sees at 01:30 local
    went out in the night although the chat's quiet hours are 23–07. At send time they are held
    to 07:00 local, then sent once; an admin's push to the same chat is not held, nor a chat
    without quiet hours."""
    evening = datetime(2026, 11, 29, 19, 30, tzinfo=NOW.tzinfo)  # 22:30 in UTC+3
    night = datetime(2026, 11, 29, 22, 30, tzinfo=NOW.tzinfo)  # 01:30
    morning = datetime(2026, 11, 30, 4, 0, tzinfo=NOW.tzinfo)  # 07:00
    clock = [night]
    arts = articles(database, 5)
    add_chat(database, 1, quiet=(23, 7))
    add_chat(database, 2)  # quiet hours off
    backlog = [queue(database, 1, a) for a in arts[:3]]
    queue(database, 1, arts[3], kind="update:2026-11-29")
    queue(database, 2, arts[0])
    queue(database, 1, arts[4], kind="push:1")
    with database.transaction() as tx:
        tx.execute("insert into pushes (id, topic, created_at, stories) values (1, null, ?, 1)",
                   [iso(night)])
        tx.execute("update outbox set not_before = ? where kind != 'push:1'", [iso(evening)])
    s = make_sender(database, bot)
    s.clock = s.courier.clock = lambda: clock[0]
    assert await s.run_once() == 2  # chat 2's alert and chat 1's push, nothing else
    assert len(emu.messages(1)) == 1 and arts[4].title in emu.messages(1)[0].plain_text
    held = rows(database, "chat_id = 1 and status = 'pending'")
    assert sorted(r["id"] for r in held) == sorted(backlog) + [max(backlog) + 1]
    assert {r["not_before"] for r in held} == {iso(morning)}
    for minutes in (60, 240, 329):  # the rest of the night: nothing
        clock[0] = night + timedelta(minutes=minutes)
        assert await s.run_once() == 0
    clock[0] = morning
    assert await s.run_once() == 1  # the backlog and the update: one bundle, once
    clock[0] = morning + timedelta(hours=1)
    assert await s.run_once() == 0
    assert len(emu.messages(1)) == 2
    whole = emu.messages(1)[1].plain_text
    assert all(a.title in whole for a in arts[:4])
    assert {r["status"] for r in rows(database)} == {"sent"}


def test_choose_shown_keeps_room_for_the_general_digest() -> None:
    """QA19 N7: a chat following «الغوطة» and the general digest got 10 Ghouta stories and one
    general story on a busy day. The topics now take at most 6 of 10 (their fair shares within
    them), the general digest's best the rest; a chat following only topics is unchanged."""
    from bot.sender import GENERAL_ROOM, MAX_BUNDLE, choose_shown

    def row(i: int) -> outbox_states.DueRow:
        return outbox_states.DueRow(id=i, chat_id=1, story_id=i, article_id=i,
                                    kind="daily:2026-11-29", attempts=0)

    # 1–12 the general digest's (1 source: 5–12 better than 1–4), 13–24 «الغوطة» (2 sources)
    weights = {i: ((2 if i > 12 else 1), f"2026-11-29T{i:02d}:00:00") for i in range(1, 25)}
    ghouta = {i: "الغوطة" for i in range(13, 25)}
    every = [row(i) for i in range(1, 25)]
    shown, counted = choose_shown(every, weights, topics=ghouta, general=True)
    assert [r.id for r in shown] == [24, 23, 22, 21, 20, 19, 12, 11, 10, 9]
    assert MAX_BUNDLE - GENERAL_ROOM == 6 and len(counted) == 14
    # topics only: the topic takes all the room, as before
    only, _ = choose_shown(every, weights, topics=ghouta)
    assert [r.id for r in only] == list(range(24, 14, -1))
    # two topics and the general digest: 3 + 3 + 4
    two = ghouta | {i: "النفط" for i in range(13, 19)}
    shown, _ = choose_shown(every, weights, topics=two, general=True)
    assert sorted(two.get(r.id, "") for r in shown) == [""] * 4 + ["الغوطة"] * 3 + ["النفط"] * 3
    # the general digest with few stories leaves its room to the topic
    few = [row(i) for i in (1, 2)] + [row(i) for i in range(13, 25)]
    shown, _ = choose_shown(few, weights, topics=ghouta, general=True)
    assert [r.id for r in shown] == [24, 23, 22, 21, 20, 19, 18, 17, 2, 1]
    # a push takes a place first; the general digest keeps at most half of what is left
    pushed = [outbox_states.DueRow(id=99, chat_id=1, story_id=99, article_id=99, kind="push:1",
                                   attempts=0)] + every
    shown, _ = choose_shown(pushed, weights, topics=ghouta, general=True)
    assert [r.id for r in shown] == [99, 24, 23, 22, 21, 20, 12, 11, 10, 9]


async def test_a_busy_topic_day_leaves_the_general_digest_its_room(database: Database,
                                                                   emu: Emulator,
                                                                   bot: Bot) -> None:
    """QA19 N7 on the emulator: 12 Ghouta and 12 general stories due in one daily digest. The
    reader of «الغوطة» and the general digest sees 6 Ghouta stories first, then the general
    digest's 4 best (most sources); the reader of «الغوطة» alone sees 10 Ghouta stories."""
    from bot.origins import bundle_topics

    srcs = [add_source(database, f"src{i}") for i in range(3)]
    general = []
    for i in range(12):  # the first four with three sources, the rest with one
        general.append(add_article(database, srcs[0], f"خبر عام رقم {i}", story_id=200 + i))
        for src in srcs[1:] if i < 4 else []:
            add_article(database, src, f"تقرير آخر رقم {i}", story_id=200 + i)
    ghouta = [add_article(database, srcs[i % 3], f"قصف جديد على الغوطة الشرقية رقم {i}",
                          story_id=300 + i, published=NOW - timedelta(hours=20 - i))
              for i in range(12)]
    add_chat(database, 1, mode="daily", topics=("", "الغوطة"))
    add_chat(database, 2, mode="daily", topics=("الغوطة",))
    for a in ghouta + general:
        for chat in (1, 2):
            queue(database, chat, a, kind="daily:2026-11-29")
    s = make_sender(database, bot, render=None, topics_of=bundle_topics)
    await s.drain(timeout=20)

    def shown(chat: int) -> tuple[str, list[Article], list[Article]]:
        whole = "\n".join(m.plain_text for m in emu.messages(chat)).replace("\u200f", "")
        return (whole, [a for a in ghouta if f"{a.title} — " in whole],
                [a for a in general if f"{a.title} — " in whole])

    whole, topic, plain = shown(1)
    assert len(topic) == 6 and plain == general[:4]
    assert max(whole.index(a.title) for a in topic) < min(whole.index(a.title) for a in plain)
    assert "الغوطة" in whole.split("\n")[0]
    whole, topic, plain = shown(2)
    assert len(topic) == 10 and plain == []
    assert {r["status"] for r in rows(database)} == {"sent"}


async def test_a_daily_digest_found_due_at_night_waits_for_the_morning(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """Brief X25: a daily digest due at 20:00 local that a bot down since the evening only finds
    at 03:00 local went out at once, in the chat's quiet hours (23–07). It is held to 07:00
    and sent then, once; a chat without quiet hours gets its late digest at once."""
    evening = datetime(2026, 11, 29, 17, 0, tzinfo=NOW.tzinfo)  # 20:00 in UTC+3
    night = datetime(2026, 11, 30, 0, 0, tzinfo=NOW.tzinfo)  # 03:00
    morning = datetime(2026, 11, 30, 4, 0, tzinfo=NOW.tzinfo)  # 07:00
    clock = [night]
    arts = articles(database, 3)
    add_chat(database, 1, mode="daily", daily_hour=20, quiet=(23, 7))
    add_chat(database, 2, mode="daily", daily_hour=20)  # quiet hours off
    digest = [queue(database, 1, a, kind="daily:2026-11-29") for a in arts]
    queue(database, 2, arts[0], kind="daily:2026-11-29")
    with database.transaction() as tx:
        tx.execute("update outbox set not_before = ?", [iso(evening)])
    s = make_sender(database, bot)
    s.clock = s.courier.clock = lambda: clock[0]
    assert await s.run_once() == 1  # chat 2's digest only
    assert emu.messages(1) == [] and len(emu.messages(2)) == 1
    held = rows(database, "chat_id = 1 and status = 'pending'")
    assert sorted(r["id"] for r in held) == digest
    assert {r["not_before"] for r in held} == {iso(morning)}
    for minutes in (30, 120, 239):  # the rest of the night: nothing
        clock[0] = night + timedelta(minutes=minutes)
        assert await s.run_once() == 0
    clock[0] = morning
    assert await s.run_once() == 1  # the day's digest, one message, once
    clock[0] = morning + timedelta(hours=1)
    assert await s.run_once() == 0
    [sent] = emu.messages(1)
    assert all(a.title in sent.plain_text for a in arts)
    assert {r["status"] for r in rows(database)} == {"sent"}


async def test_an_update_that_now_repeats_what_the_chat_was_sent_is_skipped(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """Brief X27: the outbox checks an update against what the chat had from other stories when
    it queues it (digests.repeats); the chat can be sent the other story afterwards. Here the
    next-day report of story 20 (Ivanka Trump in Seoul) is queued at 00:30 local for two chats
    and held by their quiet hours; at 01:00 an admin's push sends chat 1 story 10, which told
    the same. At 07:00 chat 1's update is recorded skipped (REPEAT_REASON, counted for /stats)
    and never sent; chat 2, which never had story 10, gets it."""
    from delivery_helpers import ctx
    from test_repeats import SEOUL, SEOUL_AGAIN

    night = datetime(2026, 11, 29, 21, 30, tzinfo=NOW.tzinfo)  # 00:30 in UTC+3
    morning = datetime(2026, 11, 30, 4, 0, tzinfo=NOW.tzinfo)  # 07:00
    clock = [night]
    src1, src2 = add_source(database, "a"), add_source(database, "b")
    for chat in (1, 2):
        add_chat(database, chat, topics=("إيفانكا",), quiet=(23, 7))
    plans = add_article(database, src1, "إيفانكا ترامب تستعد لرحلة آسيوية",
                        body="تستعد إيفانكا ترامب لرحلة إلى آسيا الأسبوع المقبل بحسب البيت"
                             " الأبيض.", story_id=20, published=night - timedelta(hours=22))
    for chat in (1, 2):
        with database.transaction() as tx:
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                       " status, sent_at) values (?, 20, ?, 'instant', ?, 'sent', ?)",
                       [chat, plans.id, iso(night - timedelta(hours=21)),
                        iso(night - timedelta(hours=21))])
    again = add_article(database, src2, SEOUL_AGAIN[0], body=SEOUL_AGAIN[1], story_id=20,
                        published=night)
    with database.transaction() as tx:
        new_deliveries.enqueue_article(tx, again, ctx(night))
    updates = rows(database, "article_id = ?", [again.id])
    assert {(r["chat_id"], r["status"]) for r in updates} == {(1, "pending"), (2, "pending")}
    assert {r["not_before"] for r in updates} == {iso(morning)}  # held for the night
    seoul = add_article(database, src1, SEOUL[0], body=SEOUL[1], story_id=10,
                        published=night - timedelta(hours=1))
    queue(database, 1, seoul, kind="push:1")
    with database.transaction() as tx:
        tx.execute("insert into pushes (id, topic, created_at, stories) values (1, null, ?, 1)",
                   [iso(night)])
    s = make_sender(database, bot)
    s.clock = s.courier.clock = lambda: clock[0]
    clock[0] = night + timedelta(minutes=30)
    assert await s.run_once() == 1  # the push, at once
    assert SEOUL[0] in emu.messages(1)[0].plain_text and emu.messages(2) == []
    clock[0] = morning
    assert await s.run_once() == 1  # chat 2's update only
    assert len(emu.messages(1)) == 1
    assert SEOUL_AGAIN[0] in emu.messages(2)[0].plain_text
    status = {r["chat_id"]: r for r in rows(database, "article_id = ?", [again.id])}
    assert status[1]["status"] == "skipped"
    assert status[1]["last_error"] == story_updates.REPEAT_REASON
    assert status[2]["status"] == "sent"
    assert story_updates.repeats_skipped(database.db, night - timedelta(hours=1)) == 1
    clock[0] = morning + timedelta(hours=1)
    assert await s.run_once() == 0 and len(emu.messages(1)) == 1


async def test_an_update_is_left_out_of_a_bundle_whose_new_story_tells_the_same(
        database: Database, emu: Emulator, bot: Bot) -> None:
    """Brief X27: the quiet hours hold both the next-day report of story 20 (an update) and the
    first report of story 10, which tells the same (one event split across stories); at 07:00
    they would go in one message, the same news twice. The bundle carries story 10's report;
    the update is recorded skipped. A bundle whose new story is other news keeps its update."""
    from delivery_helpers import ctx
    from test_repeats import OIL, SEOUL, SEOUL_AGAIN

    night = datetime(2026, 11, 29, 21, 30, tzinfo=NOW.tzinfo)  # 00:30 in UTC+3
    morning = datetime(2026, 11, 30, 4, 0, tzinfo=NOW.tzinfo)  # 07:00
    src1, src2 = add_source(database, "a"), add_source(database, "b")
    for chat in (1, 2):
        add_chat(database, chat, topics=("إيفانكا",), quiet=(23, 7))
    plans = add_article(database, src1, "إيفانكا ترامب تستعد لرحلة آسيوية",
                        body="تستعد إيفانكا ترامب لرحلة إلى آسيا الأسبوع المقبل بحسب البيت"
                             " الأبيض.", story_id=20, published=night - timedelta(hours=22))
    with database.transaction() as tx:
        for chat in (1, 2):
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                       " status, sent_at) values (?, 20, ?, 'instant', ?, 'sent', ?)",
                       [chat, plans.id, iso(night - timedelta(hours=21)),
                        iso(night - timedelta(hours=21))])
    again = add_article(database, src2, SEOUL_AGAIN[0], body=SEOUL_AGAIN[1], story_id=20,
                        published=night)
    with database.transaction() as tx:
        new_deliveries.enqueue_article(tx, again, ctx(night))
    seoul = add_article(database, src1, SEOUL[0], body=SEOUL[1], story_id=10,
                        published=night + timedelta(minutes=20))
    oil = add_article(database, src1, OIL[0], body=OIL[1], story_id=30,
                      published=night + timedelta(minutes=20))
    queue(database, 1, seoul)  # chat 1: the same news under story 10
    queue(database, 2, oil)  # chat 2: other news
    with database.transaction() as tx:
        tx.execute("update outbox set not_before = ? where status = 'pending'", [iso(morning)])
    s = make_sender(database, bot)
    s.clock = s.courier.clock = lambda: morning
    assert await s.run_once() == 2
    [one], [two] = emu.messages(1), emu.messages(2)
    assert SEOUL[0] in one.plain_text and SEOUL_AGAIN[0] not in one.plain_text
    assert OIL[0] in two.plain_text and SEOUL_AGAIN[0] in two.plain_text
    status = {r["chat_id"]: (r["status"], r["last_error"])
              for r in rows(database, "article_id = ?", [again.id])}
    assert status == {1: ("skipped", story_updates.REPEAT_REASON), 2: ("sent", None)}
