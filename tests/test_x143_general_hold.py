"""QA79-16: the instant general digest sends what is worth an interruption at once, and gathers
minor stories into the next message; nothing held is dropped.

Real parts: the real queueing step (digests.new_deliveries.enqueue_article) on stories of two
and three sites, the real bot and its sender on the Telegram emulator, with the hold the bot
runs with (digests.general_hold.GENERAL_HOLD). The bot's clock is pinned and moved by the test.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from pathlib import Path

from delivery_helpers import add_article, add_source, ctx

from digests import subscriptions
from digests.general_hold import GENERAL_BATCH, GENERAL_HOLD, URGENT_SITES, Waiting, release
from digests.new_deliveries import enqueue_article
from digests.storage import Database
from tests.botkit import READER, BotHarness, running_bot

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)  # 12:00 in Riyadh: no quiet hours


def _report(db: Database, source: int, story: int, title: str, at: datetime) -> None:
    article = add_article(db, source, title, story_id=story, published=at)
    with db.transaction() as tx:
        enqueue_article(tx, article, ctx(at))


def _pending(db: Database) -> list[tuple[int, str | None]]:
    return [(int(r[0]), r[1]) for r in db.db.execute(
        "select story_id, not_before from outbox where chat_id = ? and status = 'pending'"
        " order by id", [READER]).fetchall()]


async def _quiet(h: BotHarness, before: int) -> None:
    """Several sender passes (0.05 s each) and no new message to the reader."""
    await asyncio.sleep(0.4)
    assert len(h.emu.messages(READER)) == before


async def _reader(h: BotHarness) -> tuple[list[int], int]:
    await h.say(READER, "/start")
    subscriptions.subscribe(h.db, READER, "", now=T0)  # the general digest only, instant
    return [add_source(h.db, f"site{i}") for i in range(3)], len(h.emu.messages(READER))


async def test_minor_stories_wait_and_go_with_the_next_major_one(tmp_path: Path) -> None:
    clock = [T0]
    async with running_bot(tmp_path / "n.db", general_hold=GENERAL_HOLD,
                           clock=lambda: clock[0]) as h:
        sites, before = await _reader(h)
        # a story two sites report: minor, held until the hold's end
        _report(h.db, sites[0], 101, "افتتاح معرض الكتاب في المدينة", T0)
        _report(h.db, sites[1], 101, "معرض الكتاب يفتح أبوابه", T0)
        await h.until(lambda: _pending(h.db) and _pending(h.db)[0][1] is not None)
        await _quiet(h, before)
        held_until = (T0 + GENERAL_HOLD).isoformat()
        assert _pending(h.db) == [(101, held_until)]
        # another minor one half an hour later waits with it, until the same time
        clock[0] = T0 + timedelta(minutes=30)
        _report(h.db, sites[0], 102, "ارتفاع أسعار الخضار في الأسواق", clock[0])
        _report(h.db, sites[2], 102, "الخضار تغلو في الأسواق", clock[0])
        await h.until(lambda: len(_pending(h.db)) == 2 and _pending(h.db)[1][1] is not None)
        await _quiet(h, before)
        assert _pending(h.db) == [(101, held_until), (102, held_until)]
        # a story three sites report is worth an interruption: it goes now, and takes them along
        clock[0] = T0 + timedelta(minutes=45)
        for n, site in enumerate(sites):
            _report(h.db, site, 103, f"زلزال قوي يضرب الساحل ({n})", clock[0])
        await h.until(lambda: len(h.emu.messages(READER)) > before)
        await _quiet(h, before + 1)
        text = h.emu.messages(READER)[-1].plain_text
        assert "زلزال" in text and "الكتاب" in text and "الخضار" in text
        assert _pending(h.db) == []


async def test_minor_stories_go_together_when_the_oldest_has_waited(tmp_path: Path) -> None:
    clock = [T0]
    async with running_bot(tmp_path / "n.db", general_hold=GENERAL_HOLD,
                           clock=lambda: clock[0]) as h:
        sites, before = await _reader(h)
        _report(h.db, sites[0], 201, "افتتاح معرض الكتاب في المدينة", T0)
        _report(h.db, sites[1], 201, "معرض الكتاب يفتح أبوابه", T0)
        clock[0] = T0 + timedelta(minutes=90)
        _report(h.db, sites[1], 202, "ارتفاع أسعار الخضار في الأسواق", clock[0])
        _report(h.db, sites[2], 202, "الخضار تغلو في الأسواق", clock[0])
        await h.until(lambda: len(_pending(h.db)) == 2 and _pending(h.db)[1][1] is not None)
        clock[0] = T0 + GENERAL_HOLD - timedelta(minutes=1)
        await _quiet(h, before)
        clock[0] = T0 + GENERAL_HOLD  # the oldest has waited the hold: both go, in one message
        await h.until(lambda: len(h.emu.messages(READER)) > before)
        await _quiet(h, before + 1)
        text = h.emu.messages(READER)[-1].plain_text
        assert "الكتاب" in text and "الخضار" in text
        assert _pending(h.db) == []


async def test_a_held_story_a_third_site_reports_goes_at_once(tmp_path: Path) -> None:
    clock = [T0]
    async with running_bot(tmp_path / "n.db", general_hold=GENERAL_HOLD,
                           clock=lambda: clock[0]) as h:
        sites, before = await _reader(h)
        _report(h.db, sites[0], 301, "حريق في مصنع للورق", T0)
        _report(h.db, sites[1], 301, "حريق يلتهم مصنع ورق", T0)
        await h.until(lambda: _pending(h.db) and _pending(h.db)[0][1] is not None)
        await _quiet(h, before)
        clock[0] = T0 + timedelta(minutes=20)
        _report(h.db, sites[2], 301, "الحريق يمتد في مصنع الورق", clock[0])  # no new row: woken
        await h.until(lambda: len(h.emu.messages(READER)) > before)
        assert "مصنع" in h.emu.messages(READER)[-1].plain_text
        assert _pending(h.db) == []


async def test_a_reader_who_follows_a_topic_too_is_not_held(tmp_path: Path) -> None:
    clock = [T0]
    async with running_bot(tmp_path / "n.db", general_hold=GENERAL_HOLD,
                           clock=lambda: clock[0]) as h:
        sites, before = await _reader(h)
        subscriptions.subscribe(h.db, READER, "الغوطة", now=T0)
        _report(h.db, sites[0], 401, "افتتاح معرض الكتاب في المدينة", T0)
        _report(h.db, sites[1], 401, "معرض الكتاب يفتح أبوابه", T0)
        await h.until(lambda: len(h.emu.messages(READER)) > before)
        assert "الكتاب" in h.emu.messages(READER)[-1].plain_text


def test_the_rule_itself() -> None:
    def w(i: int, minutes: int = 0, kind: str = "instant") -> Waiting:
        return Waiting(i, i, kind, T0 + timedelta(minutes=minutes), None)

    now = T0 + timedelta(minutes=60)
    assert release([w(1), w(2, 30)], {1: 2, 2: 2}, now) == T0 + GENERAL_HOLD
    assert release([w(1), w(2, 30)], {1: 2, 2: 3}, now) == now  # a major one
    assert release([w(1), w(2, 30, "update:2026-11-30")], {1: 2, 2: 2}, now) == now
    batch = [w(i, i) for i in range(GENERAL_BATCH)]
    assert release(batch, dict.fromkeys(range(GENERAL_BATCH), 2), now) == now
    assert release([w(1)], {1: 2}, now, hold=timedelta(0)) == now
    assert release([], {}, now) == now


async def test_settings_say_what_waits_to_a_general_only_instant_reader(tmp_path: Path) -> None:
    # the help text's words («ثلاثة مصادر»، «ساعتين») are these settings
    assert (URGENT_SITES, GENERAL_HOLD) == (3, timedelta(hours=2))
    async with running_bot(tmp_path / "n.db") as h:
        await _reader(h)
        await h.say(READER, "/settings")
        assert "يصلك فورًا الخبر الذي تنقله ثلاثة مصادر" in h.emu.messages(READER)[-1].plain_text
        subscriptions.subscribe(h.db, READER, "الغوطة", now=T0)  # a topic too: not held
        await h.say(READER, "/settings")
        assert "ثلاثة مصادر" not in h.emu.messages(READER)[-1].plain_text
