"""X74 item 1 (QA48 R10): a toll revised *down* to a figure the reader was sent before.

A site corrects its report in place: 65 → 66 → 65. The reader got the alert (65) and the «🔄»
of 66; the mark of the 65 headline went with the alert, so before this change the 66 → 65
revision was silent and the reader kept the wrong 66. Now, when the corrected report says it is
a revision («… 65 وليس 66»), the reader gets it once per story — never again for that story,
after a restart too (the told mark is in SQLite). The same flips without such words (40 → 49 →
52 → 49 → 52) stay silent, as QA48 found them right.

Real parts: a local news site, the real poller and its re-read of corrected entries, real SQLite,
the real sender and renderer against the emulator (a new Sender = a restart).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from telegram import Bot

from bot.emulator import Emulator
from bot.origins import bundle_topics
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite, render_page
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database
from digests.subscriptions import subscribe, upsert_chat
from digests.toll_revisions import down_kinds, states_revision, toll_figures
from test_x42_delivery import make_sender

NOW = datetime(2018, 2, 19, 9, 0, tzinfo=timezone.utc)  # 12:00 in UTC+3: quiet hours pinned off
PLANE = "ارتفاع عدد ضحايا الطائرة الإيرانية المنكوبة إلى {n}"
SAID = ("أعلنت شركة الطيران أن عدد قتلى الطائرة المنكوبة {n} وليس {was} بعد أن تبين أن أحد"
        " الركاب لم يصعد إلى الطائرة.")
PLAIN = "قالت السلطات الإيرانية إن {n} شخصا قتلوا حين تحطمت الطائرة في جبال زاغروس."
CRASH = "مقتل {n} في تحطم طائرة ركاب في مطار كاتماندو بنيبال"


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite(with_sample=False) as running:
        yield running


def _page(title: str, paragraphs: list[str]) -> Response:
    html = render_page({"title": title, "published": (NOW - timedelta(hours=1)).isoformat(),
                        "paragraphs": [*paragraphs, "وتواصل فرق الإنقاذ البحث في موقع"
                                       " الحادث وسط ظروف جوية صعبة."], "author": "مراسل"}, "")
    return Response(body=html.encode(), content_type="text/html; charset=utf-8")


def _rss(site: SampleSite, items: list[tuple[str, str]], *, hours: float = 1.0) -> Response:
    body = "".join(
        f"<item><title>{title}</title><link>{site.url(path)}</link><guid>{path}</guid>"
        f"<description>ملخص: {title}</description>"
        f"<pubDate>{NOW - timedelta(hours=hours, minutes=i):%a, %d %b %Y %H:%M:%S GMT}</pubDate>"
        f"</item>" for i, (path, title) in enumerate(items))
    return Response(body=f'<rss version="2.0"><channel><title>t</title>{body}</channel></rss>'
                    .encode(), content_type="application/rss+xml; charset=utf-8")


async def _start(database: Database, settings: Settings, site: SampleSite, topic: str) -> None:
    site.add_route("/old.html", _page("طقس ماطر", ["أمطار غزيرة على الساحل اليوم."]))
    site.add_route("/f.xml", _rss(site, [("/old.html", "طقس ماطر")], hours=30))
    # added before its news: what was published before is its backlog (QA77-1)
    add_source(database, site.url("/f.xml"), settings=settings, now=NOW - timedelta(hours=6))
    await poll_once(database, settings, now=NOW)  # first poll: backfill
    upsert_chat(database, 42, now=NOW)
    database.db.execute("update chats set quiet_start = null, quiet_end = null where id = 42")
    subscribe(database, 42, topic, now=NOW)


async def _report(site: SampleSite, database: Database, settings: Settings, title: str,
                  paragraphs: list[str], minutes: int) -> None:
    site.add_route("/crash.html", _page(title, paragraphs))
    site.add_route("/f.xml", _rss(site, [("/crash.html", title), ("/old.html", "طقس ماطر")]))
    await poll_once(database, settings, now=NOW + timedelta(minutes=minutes), only_due=False)


async def _send(database: Database, bot: Bot, minutes: int) -> int:
    """A new sender (a restart) sends what is due `minutes` after NOW."""
    sender = make_sender(database, bot, render=None, topics_of=bundle_topics,
                         clock=lambda: NOW + timedelta(minutes=minutes))
    return int(await sender.run_once())  # type: ignore[attr-defined]


def _kinds(database: Database) -> list[Any]:
    return [r[0] for r in database.db.execute(
        "select kind from outbox where chat_id = 42 order by id").fetchall()]


def test_the_revision_words_and_the_figures() -> None:
    # what a correction says in so many words, in a sentence that names a toll
    assert states_revision(PLANE.format(n=65), SAID.format(n=65, was=66))
    assert states_revision("خفضت السلطات حصيلة القتلى إلى 49", "")
    assert states_revision("مقتل 49", "وتراجع عدد القتلى في الحادث إلى 49 شخصا.")
    assert states_revision("تصحيح: غارات الغوطة تقتل 37 مدنيا", "")
    assert states_revision("مقتل 49", "وقال الدفاع المدني إن 49 قتلوا، بعد أن كانت الحصيلة 52.")
    # the same words about no toll, or a toll without them, are no revision
    assert not states_revision("مقتل 49", "وانخفض عدد العاطلين عن العمل إلى 3 ملايين.")
    assert not states_revision("مقتل 49", "وارتفعت نسبة التأييد إلى 35% بعد أن كانت 49% العام الماضي.")
    assert not states_revision(PLANE.format(n=65), PLAIN.format(n=65))
    assert not states_revision("مقتل 49", "يجب الانتظار 24 ساعة بعد الوفاة وليس 12 ساعة فقط.")
    # a toll revised down, not up, not another kind of figure
    assert toll_figures("مقتل 52 وإصابة 80 في انفجار عمره 31 عاما") == [52, 80]
    assert down_kinds("مقتل 52 وإصابة 80", "مقتل 49 وإصابة 80")
    assert not down_kinds("مقتل 49", "مقتل 52")
    assert not down_kinds("الريال يفوز 3-1", "الريال يفوز 2-1")
    assert not down_kinds("مقتل 52", "52 عاما على الحرب")


async def test_a_stated_revision_down_reaches_the_reader_once(
        database: Database, settings: Settings, site: SampleSite, emu: Emulator,
        bot: Bot) -> None:
    await _start(database, settings, site, "الطائرة الإيرانية")
    for i, n in enumerate((60, 65, 66)):  # the alert, then two «🔄»: each figure once
        await _report(site, database, settings, PLANE.format(n=n), [PLAIN.format(n=n)], 20 * i)
        assert await _send(database, bot, 20 * i + 1) == 1
    assert [("🔄" in m.plain_text, str(n) in m.plain_text)
            for m, n in zip(emu.messages(42), (60, 65, 66))] == [(False, True), (True, True),
                                                                  (True, True)]

    # the airline revises it down to the 65 the reader was sent, and says so: told
    await _report(site, database, settings, PLANE.format(n=65), [SAID.format(n=65, was=66)], 60)
    assert await _send(database, bot, 61) == 1
    down = emu.messages(42)[3]
    assert "🔄" in down.plain_text and "65" in down.plain_text, down.plain_text
    assert _kinds(database)[3].startswith("update:down:")

    # flapping after it, and the same revision again after a restart: once per story
    await _report(site, database, settings, PLANE.format(n=66), [PLAIN.format(n=66)], 80)
    assert await _send(database, bot, 81) == 0
    await _report(site, database, settings, PLANE.format(n=65), [SAID.format(n=65, was=66)], 100)
    await _send(database, bot, 101)
    assert len(emu.messages(42)) == 4 and len(_kinds(database)) == 4


async def test_flips_without_revision_words_stay_silent(
        database: Database, settings: Settings, site: SampleSite, emu: Emulator,
        bot: Bot) -> None:
    await _start(database, settings, site, "نيبال")
    body = ["قالت السلطات في نيبال إن {n} شخصا قتلوا حين تحطمت طائرة ركاب في مطار كاتماندو."]
    for i, n in enumerate((40, 49, 52)):
        await _report(site, database, settings, CRASH.format(n=n), [body[0].format(n=n)],
                      20 * i)
        assert await _send(database, bot, 20 * i + 1) == 1
    for i, n in enumerate((49, 52, 49), start=3):
        await _report(site, database, settings, CRASH.format(n=n), [body[0].format(n=n)],
                      20 * i)
        await _send(database, bot, 20 * i + 1)
    # the story's mark, not the header's «🔄 تعديل «نيبال»» (X96); the mark says the figures
    # it changed, «(٤٠ ← ٤٩) ·» (X98; the word is the header's alone, QA70-7)
    assert [len(re.findall(r"🔄 (?:تعديل|تحديث) ·|\([^)]*\) ·", m.plain_text))
            for m in emu.messages(42)] == [0, 1, 1]
    assert len(_kinds(database)) == 3 and not any(k.startswith("update:down") for k in
                                                  _kinds(database))
