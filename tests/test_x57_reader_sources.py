"""X57 (QA36 E5): a reader mutes a source from /settings («📡 المصادر»): its reports leave the
chat's search answers and are not queued as its alerts or daily digest rows; the press is
checked by the server (a group's member is refused); migration 040_reader_sources makes the
table. The real bot, the sample site's database, the real enqueue step."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from botkit import ADMIN, READER, running_bot, sample_db
from delivery_helpers import ctx

from bot import answers
from bot.reader_sources import set_muted
from digests import new_deliveries, subscriptions
from digests.archive import get_article
from digests.sources import list_sources

EAST = "نشرة الشرق — الأخبار الرئيسية"  # the sample site's first feed
TITLE = re.compile(r"^\u200f?[٠-٩0-9]+\. (.+)$", re.M)  # a result's numbered headline


def _queued(h: object, chat_id: int) -> set[int]:
    db = h.db  # type: ignore[attr-defined]
    # X122: a daily digest's stories are items of one row; outbox_stories shows one a line
    return {int(r[0]) for r in db.db.execute(
        "select article_id from outbox_stories where chat_id = ?", [chat_id]).fetchall()}


async def test_a_muted_source_leaves_search_alerts_and_digests(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [before] = await h.say(READER, "/search الغوطة")
        assert EAST in before.plain_text, before.plain_text
        [menu] = await h.say(READER, "/settings")
        h.emu.click(menu, "📡 المصادر")
        picker = await h.until(lambda: next((m for m in h.emu.messages(READER)
                                             if f"🔔 {EAST}: تصل أخباره" in m.button_texts()),
                                            None))
        toast = await h.click_answer(picker, f"🔔 {EAST}: تصل أخباره")
        assert f"كُتم {EAST}" in toast.get("text", ""), toast
        await h.until(lambda: f"🔕 {EAST}: مكتوم" in h.emu.messages(READER)[-1].button_texts()
                      or any(f"🔕 {EAST}: مكتوم" in m.button_texts()
                             for m in h.emu.messages(READER)))
        [after] = await h.say(READER, "/search الغوطة")
        assert EAST not in after.plain_text and "الغوطة" in after.plain_text, after.plain_text
        # alerts and daily digests: the enqueue step skips the muted source for this chat only
        await h.say(READER, "/subscribe الغوطة")
        other = READER + 5
        await h.say(other, "/subscribe الغوطة")
        subscriptions.set_mode(h.db, other, "daily", 8, now=datetime.now(UTC))
        rows = h.db.db.execute(
            "select a.id, s.name from articles a join sources s on s.id = a.source_id"
            " where a.title like '%الغوطة%'").fetchall()
        now = datetime.now(UTC)
        for article_id, _name in rows:
            article = get_article(h.db, article_id)
            assert article is not None
            with h.db.transaction() as tx:
                new_deliveries.enqueue_article(tx, article, ctx(now, False))
        east = {a for a, n in rows if n == EAST}
        assert east and not east & _queued(h, READER), _queued(h, READER)
        assert _queued(h, READER) == {a for a, _ in rows} - east
        assert east <= _queued(h, other)  # another chat still gets it
        # unmuted again: its reports come back
        picker = next(m for m in reversed(h.emu.messages(READER))
                      if f"🔕 {EAST}: مكتوم" in m.button_texts())
        toast = await h.click_answer(picker, f"🔕 {EAST}: مكتوم")
        assert f"عاد {EAST}" in toast.get("text", ""), toast
        [back] = await h.say(READER, "/search الغوطة")
        assert EAST in back.plain_text


async def test_in_a_group_only_admins_mute_a_source(tmp_path: Path) -> None:
    group = -100577
    async with running_bot(sample_db(tmp_path)) as h:
        h.emu.add_group(group, "مجموعة", admins=[ADMIN])
        [menu] = await h.say(group, "/settings", user=h.user(ADMIN))
        h.emu.click(menu, "📡 المصادر", user=h.user(ADMIN))
        picker = await h.until(lambda: next((m for m in h.emu.messages(group)
                                             if f"🔔 {EAST}: تصل أخباره" in m.button_texts()),
                                            None))
        refused = await h.click_answer(picker, f"🔔 {EAST}: تصل أخباره", user=h.user(READER))
        assert "مشرف" in refused.get("text", ""), refused
        assert h.db.db.execute("select count(*) from chat_muted_sources").fetchone()[0] == 0
        await h.click_answer(picker, f"🔔 {EAST}: تصل أخباره", user=h.user(ADMIN))
        assert h.db.db.execute("select chat_id from chat_muted_sources").fetchall() == [(group,)]


async def test_more_goes_on_past_a_muted_source(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """«المزيد» goes on from the last result searched, muted ones included (review RC): counted
    from those kept, the next page began inside this one and said «no more» with results left."""
    monkeypatch.setattr(answers, "PAGE_SIZE", 2)  # the sample site's «الغوطة» fills two pages
    async with running_bot(sample_db(tmp_path)) as h:
        east = next(s for s in list_sources(h.db) if s.name == EAST)
        set_muted(h.db, READER, east.id, True, datetime.now(UTC))
        [page] = await h.say(READER, "/search الغوطة")
        pages = [page.plain_text]
        while "المزيد" in page.button_texts() and len(pages) < 10:
            await h.click(page, "المزيد", n=0)
            page = await h.until(lambda: next((m for m in h.emu.messages(READER)[-1:]
                                               if m.plain_text != pages[-1]), None))
            pages.append(page.plain_text)
        titles = [t for text in pages for t in TITLE.findall(text)]
        assert len(pages) > 1 and len(titles) == len(set(titles)), pages
        assert any("لودريان في طهران" in title for title in titles), pages  # on the last page
        assert EAST not in "\n".join(pages)
