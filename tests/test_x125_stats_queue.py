"""X125 QA75-2/QA75-3: what /stats says of the queue during and between broadcasts.

- QA75-2: the rate divided the chats sent in the last 10 minutes by the whole 10 minutes: 14 s
  into a wave sending ~1,000 a minute it read «نحو ٢٥ في الدقيقة؛ يبقى نحو ٩ دقائق» (run1), and
  «يبقى نحو ٥ ساعات» during an outage pause (run2). Now the rate is over the time spent sending
  (gaps over RATE_GAP are stops), an outage says paused with no time left, and a stop says since
  when.
- QA75-3: «مستحقة الآن: ٠ رسالة (فيها ٠ خبرًا)» and «وما زال جاريًا» when nothing was due (rows
  waiting for the alert gap, the next daily digest): now what waits and for what, and the wave
  «stopped» with its waiting chats; Arabic counts standing alone (bot.i18n.standing); the restart
  note's «رسالة لكل محادثة» only for several messages.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import cast

from botkit import ADMIN, running_bot, sample_db
from delivery_helpers import NOW, add_article, add_chat, add_source

from bot.i18n import clock_time, standing
from bot.reader_clock import reader_zone
from bot.restart_note import InFlight, text
from bot.runtime import Runtime
from bot.stats_queue import rate_line, sending_times
from digests import outbox_upkeep
from digests.models import iso
from digests.storage import Database

RLM = "\u200f"


def _rt(db: Database, now: datetime) -> Runtime:
    return cast(Runtime, SimpleNamespace(db=db, now=lambda: now, sender=None))


def _wave(db: Database, sent: dict[int, datetime], due: range) -> None:
    """Chats sent to at the given moments, and chats with one row due now."""
    src = add_source(db, "a")
    art = add_article(db, src, "خبر", story_id=1)
    for chat in [*sent, *due]:
        add_chat(db, chat)
    with db.transaction() as tx:
        for chat, when in sent.items():
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status,"
                       " created_at, sent_at) values (?, 1, ?, 'instant', 'sent', ?, ?)",
                       [chat, art.id, iso(NOW - timedelta(minutes=1)), iso(when)])
        for chat in due:
            tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at)"
                       " values (?, 1, ?, 'instant', ?)", [chat, art.id, iso(NOW)])


def _line(db: Database, now: datetime, lang: str = "ar", paused: bool = False) -> str | None:
    queue = outbox_upkeep.queue_stats(db, now)
    line = rate_line(queue, sending_times(_rt(db, now), now), now, lang, paused)
    return line.replace(RLM, "") if line else line


def test_the_rate_is_over_the_time_spent_sending(database: Database) -> None:
    """QA75-2 run1's shape: 247 chats in the 14 s since the wave began, 240 due. Before:
    247 / 10 min = «٢٥ في الدقيقة؛ يبقى نحو ١٠ دقائق»; the truth was about 1,000 a minute."""
    start = NOW - timedelta(seconds=14)
    _wave(database, {1000 + n: start + timedelta(seconds=n * 14 / 246) for n in range(247)},
          range(2000, 2240))
    assert _line(database, NOW) == \
        "• يُرسل نحو ١٠٥٩ في الدقيقة (قيس على ١٤ ثانية من الإرسال)؛ يبقى نحو دقيقة"
    assert _line(database, NOW, "en") == \
        "• Sending about 1059 a minute (measured over 14 s of sending); about 1 min left"


def test_a_stop_between_two_waves_is_not_sending_time(database: Database) -> None:
    """100 chats over 9 s eight minutes ago, then 50 over the last 6 s: 150 in 15 s of sending
    (600 a minute), not 150 over the 8 minutes since the first (`sent_at` is to the second)."""
    early = NOW - timedelta(minutes=8)
    sent = {1000 + n: early + timedelta(seconds=n // 10) for n in range(100)}
    sent |= {1100 + n: NOW - timedelta(seconds=6 - n // 8) for n in range(50)}
    _wave(database, sent, range(2000, 2600))
    assert _line(database, NOW) == \
        "• يُرسل نحو ٦٠٠ في الدقيقة (قيس على ١٥ ثانية من الإرسال)؛ يبقى نحو دقيقة"


def test_an_outage_says_paused_and_a_stop_says_since_when(database: Database) -> None:
    """QA75-2 run2: «نحو ٣ في الدقيقة؛ يبقى نحو ٥ ساعات» during an outage pause."""
    _wave(database, {1000 + n: NOW - timedelta(seconds=126 + n) for n in range(30)},
          range(2000, 2887))
    paused = _line(database, NOW, paused=True)
    assert paused is not None and "متوقف" in paused and "لا تقدير للوقت الباقي" in paused
    assert "يبقى" not in paused
    en = _line(database, NOW, "en", paused=True)
    assert en is not None and "paused" in en and "no estimate" in en
    idle = _line(database, NOW)  # the last send 126 s ago: a stop, not a slow rate
    assert idle == "• لم تُرسل أي رسالة منذ دقيقتين؛ لا تقدير للوقت الباقي", idle
    assert _line(database, NOW, "en") == "• No message has gone for 2 min; no estimate of the " \
        "time left"


def test_a_pause_under_30_s_is_neither_sending_time_nor_idle(database: Database) -> None:
    """120 chats over 11 s, a 16-s outage pause, 60 over the 6 s up to now: 180 in 17 s of
    sending (635 a minute; X125's rig read «٦٤٠» with its 15-s pause counted at RATE_GAP 30 s);
    21 s since the last send is a pause, not yet «لم تُرسل أي رسالة»."""
    first = NOW - timedelta(seconds=33)
    sent = {1000 + n: first + timedelta(seconds=n // 10) for n in range(120)}  # 0…11 s
    sent |= {1200 + n: NOW - timedelta(seconds=6 - n // 10) for n in range(60)}  # -6…-1 s
    _wave(database, sent, range(2000, 2600))
    assert _line(database, NOW) == \
        "• يُرسل نحو ٦٣٥ في الدقيقة (قيس على ١٧ ثانية من الإرسال)؛ يبقى نحو دقيقة"
    later = NOW + timedelta(seconds=20)  # 21 s without a send: no rate, not idle yet
    assert _line(database, later) == \
        "• يُرسل نحو ٦٧٥ في الدقيقة (قيس على ١٦ ثانية من الإرسال)؛ يبقى نحو دقيقة"


def test_too_little_sending_to_measure_says_no_rate(database: Database) -> None:
    _wave(database, {1000: NOW - timedelta(seconds=1), 1001: NOW}, range(2000, 2100))
    assert _line(database, NOW) is None


def test_counts_standing_alone() -> None:
    forms = [standing(n, "ar", "message") for n in (0, 1, 2, 3, 10, 11, 100)]
    assert forms == ["٠ رسالة", "رسالة واحدة", "رسالتان", "٣ رسائل", "١٠ رسائل", "١١ رسالة",
                     "١٠٠ رسالة"], forms
    assert [standing(n, "ar", "article") for n in (0, 1, 2, 11)] == \
        ["٠ خبر", "خبر واحد", "خبران", "١١ خبرًا"]
    assert standing(0, "en", "message") == "0 messages"


def test_the_restart_note_says_one_a_chat_of_several_messages_only() -> None:
    """QA75-3: «رسالة واحدة، رسالة لكل محادثة (فيها خبران)» (run1, run2, run8)."""
    one, en = text(InFlight(2, 1), "ar"), text(InFlight(2, 1), "en")
    assert "عندها: رسالة واحدة (فيها خبران)؛" in one and "لكل محادثة" not in one, one
    assert "being sent then: 1 message (2 stories in it), sent again" in en, en
    two = text(InFlight(4, 2), "ar")
    assert "عندها: رسالتان، رسالة لكل محادثة (فيها ٤ أخبار)؛" in two, two
    assert "عندها: ١١ رسالة، رسالة لكل محادثة (فيها ١١ خبرًا)؛" in text(InFlight(11, 11), "ar")
    assert "2 messages, one a chat (4 stories in them)" in text(InFlight(4, 2), "en")


async def test_stats_says_what_waits_when_nothing_is_due(tmp_path: Path) -> None:
    """QA75-3 run2's end: rows pending for the alert gap and the daily hour, none due. Before:
    «مستحقة الآن: ٠ رسالة (فيها ٠ خبرًا)» and «وما زال جاريًا (… حتى الآن)»."""
    now = datetime.now().astimezone().replace(microsecond=0)
    gap_end, daily = now + timedelta(minutes=4), now + timedelta(hours=20)
    path = sample_db(tmp_path)
    with Database(path) as db:
        src = add_source(db, "a")
        art = add_article(db, src, "خبر الموجة", story_id=77)
        other = add_article(db, src, "خبر اليوم", story_id=78)
        for chat in range(3001, 3006):
            add_chat(db, chat)
        with db.transaction() as tx:
            for chat in (3001, 3002):  # the wave went to two chats a minute ago
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, status,"
                           " created_at, sent_at) values (?, 77, ?, 'instant', 'sent', ?, ?)",
                           [chat, art.id, iso(now - timedelta(minutes=2)),
                            iso(now - timedelta(minutes=1))])
            for chat in (3003, 3004, 3005):  # its other three wait for the alert gap
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind,"
                           " created_at, not_before) values (?, 77, ?, 'instant', ?, ?)",
                           [chat, art.id, iso(now), iso(gap_end)])
            for chat in (3001, 3002):  # two daily digests wait for tomorrow
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind,"
                           " created_at, not_before) values (?, 78, ?, 'daily:x', ?, ?)",
                           [chat, other.id, iso(now), iso(daily)])
    async with running_bot(path, clock=lambda: now) as h:
        [answer] = await h.say(ADMIN, "/stats")
        zone = reader_zone(h.db.db, ADMIN)
    got = answer.plain_text.replace(RLM, "")
    at, first = (clock_time(w.astimezone(zone), "ar") for w in (gap_end, daily))
    assert "مستحقة الآن" not in got and "٠ خبرًا" not in got, got
    assert (f"• لا شيء مستحق الآن — في الانتظار: تنبيهات إلى ٣ محادثات حتى يمضي الفاصل بين "
            f"تنبيهين أو ساعات الهدوء (أقربها {at})، والنشرة اليومية إلى محادثتين في موعدها "
            f"(أقربها {first})؛ قيد الإرسال: ٠") in got, got
    assert "وما زال جاريًا" not in got, got
    assert f"— محادثتان؛ وتنتظر ٣ محادثات موعدها (أقربها {at})" in got, got


async def test_stats_rate_14_seconds_into_a_wave(tmp_path: Path) -> None:
    """QA75-2 through /stats itself (the sender stopped, so the due rows stay due): before,
    «يُرسل نحو ٢٥ في الدقيقة (آخر ١٠ دقائق)؛ يبقى نحو ٩ دقائق» (as run1 read)."""
    from bot.runtime import RUNTIME_KEY

    now = datetime.now().astimezone().replace(microsecond=0)
    path = sample_db(tmp_path)
    async with running_bot(path, clock=lambda: now) as h:
        await h.app.bot_data[RUNTIME_KEY].sender.stop(5)
        start = now - timedelta(seconds=14)
        _wave(h.db, {1000 + n: start + timedelta(seconds=n * 14 / 246) for n in range(247)},
              range(2000, 2240))
        [answer] = await h.say(ADMIN, "/stats")
    got = answer.plain_text.replace(RLM, "")
    assert "• مستحقة الآن: ٢٤٠ رسالة (فيها ٢٤٠ خبرًا)، قيد الإرسال: ٠" in got, got
    assert "• يُرسل نحو ١٠٥٩ في الدقيقة (قيس على ١٤ ثانية من الإرسال)؛ يبقى نحو دقيقة" in got, got
