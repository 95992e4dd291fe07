"""The stories a delivered digest counts but does not show (QA17 R2): the line under them never
promises a button that is not there, and /stats counts them as delivered only once the button
is pressed. The real Application (PTB) and sender against the emulator, real SQLite files."""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from botkit import ADMIN, running_bot
from delivery_helpers import (NOW, add_article, add_chat, add_source, claims_under_lock,
                              quick_sender, rows)
from story_labels import story_label, story_numbers
from telegram import Bot

from bot import bundle_buttons
from bot.emulator import Emulator
from bot.render import more_line
from bot.sender import MAX_BUNDLE
from digests.models import Article, iso
from digests.storage import Database


def _queue_daily(db: Database, chats: tuple[int, ...], n: int) -> list[Article]:
    src = add_source(db, "src")
    arts = [add_article(db, src, f"خبر رقم {i}", story_id=100 + i) for i in range(n)]
    for chat in chats:
        add_chat(db, chat, mode="daily", language="en" if chat == 2 else "ar")
        with db.transaction() as tx:
            for a in arts:
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                           " status) values (?,?,?,?,?, 'pending')",
                           [chat, a.story_id, a.id, "daily:2026-11-29", iso(NOW)])
    return arts


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


def test_the_line_without_a_button_promises_none() -> None:
    assert more_line(3, [""], "ar") == "وهناك ٣ أخبار أخرى في الزر أدناه."
    assert more_line(3, [""], "ar", button=False) == "وهناك ٣ أخبار أخرى خارج هذه الرسالة، وأهم الأخبار الآن في /digest."
    assert more_line(1, ["سوريا"], "ar", button=False) == "وهناك خبر آخر في /search سوريا."
    assert more_line(38, ["سوريا"], "en", button=False) == "/search سوريا shows 38 more stories."
    for lang in ("ar", "en"):
        for topics in ([""], ["سوريا"], ["سوريا", ""]):
            line = more_line(5, topics, lang, button=False)
            assert "الزر" not in line and "button" not in line


async def test_a_button_that_cannot_be_stored_leaves_the_digest_hint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unforeseen failure storing the button's id: the digest goes, its line pointing to
    /digest, and no button under it."""
    path = tmp_path / "nobutton.db"
    with Database(path) as db:
        _queue_daily(db, (1, 2), MAX_BUNDLE + 3)

    def broken(*args: Any) -> str:
        raise RuntimeError("the callbacks table is gone")

    monkeypatch.setattr(bundle_buttons, "_new_more", broken)
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        for chat, line in ((1, "وهناك ٣ أخبار أخرى خارج هذه الرسالة، وأهم الأخبار الآن في /digest."),
                           (2, "This message leaves out 3 more stories; /digest has the top stories now.")):
            delivered = h.emu.messages(chat)
            whole = _plain("\n".join(m.plain_text for m in delivered))
            assert line in whole
            assert "الزر" not in whole and "button" not in whole
            assert all(m.button_texts() == [] for m in delivered)



async def test_under_a_lock_the_digest_waits_and_then_comes_with_its_button(
        database: Database, bot: Bot, emu: Emulator) -> None:
    """The button's id is stored before anything is claimed or rendered: while another program
    holds the lock the digest waits (nothing sent, rows pending), never goes with a line
    promising a button it lacks."""
    _queue_daily(database, (1,), MAX_BUNDLE + 2)
    now = [100.0]
    s = quick_sender(database, bot, now)
    other = sqlite3.connect(database.path, isolation_level=None, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")
    other.execute("update _migrations set applied_at = applied_at")
    try:
        assert await s.run_once() == 0
        assert emu.sent_log() == []
        assert {r["status"] for r in rows(database)} == {"pending"}
        assert database.db.execute("select count(*) from callbacks").fetchone()[0] == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
    now[0] += 2.0
    assert await s.drain(timeout=5) >= 1
    delivered = emu.messages(1)
    assert "وهناك خبران آخران في الزر أدناه." in _plain(delivered[-1].plain_text)
    assert delivered[-1].button_texts() == ["📰 اعرض الأخبار الأخرى (٢)"]


def _figures(text: str) -> tuple[int, int]:
    """(delivered, behind the button) in an English /stats answer."""
    [sent] = re.findall(r"(\d+) delivered", text)
    behind = re.findall(r"not counted as delivered\): (\d+)", text)
    return int(sent), int(behind[0]) if behind else 0


async def test_stats_counts_the_stories_behind_the_button_once_it_is_pressed(
        tmp_path: Path) -> None:
    path = tmp_path / "stats.db"
    with Database(path) as db:
        _queue_daily(db, (1, 2), MAX_BUNDLE + 3)
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [before] = await h.say(ADMIN, "/stats", language_code="en")
        # 26 rows marked sent; 20 stories shown, 6 behind the two buttons
        assert _figures(before.plain_text) == (20, 6)
        last = h.emu.messages(1)[-1]
        await h.click(last, "📰 اعرض الأخبار الأخرى (٣)")
        [after] = await h.say(ADMIN, "/stats", language_code="en")
        assert _figures(after.plain_text) == (23, 3)
        await h.click(h.emu.messages(2)[-1], "📰 Show the other stories (3)")
        [done] = await h.say(ADMIN, "/stats", language_code="en")
        assert _figures(done.plain_text) == (26, 0)
        assert "not counted as delivered" not in done.plain_text


async def test_a_button_whose_digest_never_went_is_forgotten(
        database: Database, bot: Bot, emu: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    """The button's id is stored, then the claim meets another program's lock: nothing is sent,
    and that id is deleted once the database takes it (before anything else is claimed), so
    only the button the chat really got names those stories."""
    _queue_daily(database, (1,), MAX_BUNDLE + 2)
    now = [100.0]
    s = quick_sender(database, bot, now)
    with claims_under_lock(database, monkeypatch):
        assert await s.run_once() == 0
        assert emu.sent_log() == [] and s.courier.writes.owed == 1  # the id's deletion
        assert database.db.execute("select count(*) from callbacks").fetchone()[0] == 1
    now[0] += 2.0
    assert await s.drain(timeout=5) >= 1
    [(kept,)] = database.db.execute("select id from callbacks").fetchall()
    assert emu.messages(1)[-1].buttons()[0]["callback_data"] == kept


def test_stats_count_a_story_behind_buttons_once_and_pressed_wins(database: Database) -> None:
    """A row named by two buttons (a digest re-sent after a «maybe sent» timeout) is behind
    the button once; once either button is pressed it is delivered."""
    import json

    from bot.stats import behind_buttons

    arts = _queue_daily(database, (1,), 2)
    with database.transaction() as tx:
        tx.execute("update outbox set status = 'sent', sent_at = ?", [iso(NOW)])
        for cb in ("first", "second"):
            tx.execute("insert into callbacks (id, chat_id, action, payload, created_at)"
                       " values (?, 1, 'more_stories', ?, ?)",
                       [cb, json.dumps({"articles": [arts[1].id]}), iso(NOW)])
    since = iso(NOW - timedelta(days=1))
    assert behind_buttons(database, since) == 1
    assert behind_buttons(database, iso(NOW + timedelta(seconds=1))) == 0  # sent before that
    database.db.execute("update callbacks set action = 'more_stories:done' where id = 'first'")
    assert behind_buttons(database, since) == 0


def test_more_pages_never_leave_a_page_of_one_or_two() -> None:
    from bot.buttons import MORE_PAGE, more_pages

    assert more_pages(0) == [] and more_pages(3) == [(0, 3)]
    assert more_pages(23) == [(0, 10), (10, 20), (20, 23)]
    assert more_pages(31) == [(0, 10), (10, 20), (20, 31)]
    for n in range(1, 60):
        pages = more_pages(n)
        assert [s for s, _ in pages] == [0] + [e for _, e in pages[:-1]] and pages[-1][1] == n
        assert all(e - s <= MORE_PAGE + 2 for s, e in pages)
        assert len(pages) == 1 or all(e - s >= 3 for s, e in pages)


async def test_the_more_stories_come_compact_in_pages_with_their_story_buttons(
        tmp_path: Path) -> None:
    """QA21 R7: the «more» button brought 23–31 stories whole (3–4 long messages, every quote
    and related link). They come as the digest's own do: pages of compact blocks numbered on
    («١١.»), each page with «📖 خبر n» for its stories that have more, the quote chosen for the
    followed topic; pressed, the story's full digest."""
    from digests.models import Quote
    from digests.records import quotes_to_json

    hidden_n = 21
    path = tmp_path / "morecompact.db"
    with Database(path) as db:
        arts = _queue_daily(db, (1,), MAX_BUNDLE + hidden_n)
        with db.transaction() as tx:
            tx.execute("delete from subscriptions where chat_id = 1")
            tx.execute("insert into subscriptions (chat_id, topic, topic_key, created_at)"
                       " values (1, 'الغوطة', 'غوط', ?)", [iso(NOW)])
            for i, a in enumerate(arts):
                # every other story has two quotes, the second about the followed topic
                quotes = (Quote(f"القول الأول للخبر {i} عن عفرين", "المتحدث"),
                          Quote(f"القول الثاني للخبر {i} عن الغوطة الشرقية", "الوزير")) \
                    if i % 2 == 0 else ()
                tx.execute("update articles set quotes_json = ?, digested_at = ?,"
                           " title = ? where id = ?",
                           [quotes_to_json(quotes), iso(NOW), f"خبر رقم {i} عن الغوطة", a.id])
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        delivered = h.emu.messages(1)
        more_label = next(t for t in delivered[-1].button_texts() if t.startswith("📰"))
        pages = await h.click(delivered[-1], more_label, n=2)
        first, second = (_plain(p.plain_text) for p in pages)
        # numbered on from the digest's own ten (README; QA26 N5: they restarted at «١.»)
        assert "١١. " in first and "٢٠. " in first and "٢١. " not in first
        assert not re.search(r"(^|\s)[١-٩]\. ", first)
        assert "٢١. " in second and "٣١. " in second
        shown = first + second
        assert "القول الثاني" in shown and "القول الأول" not in shown  # chosen for «الغوطة»
        assert "روابط ذات صلة" not in shown
        assert all(len(p.plain_text.encode("utf-16-le")) // 2 < 3000 for p in pages)
        # a button per story with more (two quotes), numbered as its block
        in_first = [n for n in range(11, 21)
                    if "القول الثاني" in _story_block(first, n)]
        assert story_numbers(pages[0]) == [f"📖 خبر {_ar(n)}" for n in in_first]
        in_second = [n for n in range(21, 32) if "القول الثاني" in _story_block(second, n)]
        assert story_numbers(pages[1]) == [f"📖 خبر {_ar(n)}" for n in in_second]
        label = story_label(pages[1], _ar(in_second[0]))
        [full] = await h.click(pages[1], label)
        whole = _plain(full.plain_text)
        assert "القول الأول" in whole and "القول الثاني" in whole  # the full story
        headline = re.search(r"خبر رقم \d+", _story_block(second, in_second[0]))
        assert headline is not None and headline.group(0) in whole
        again = await h.click_answer(pages[1], label)
        assert again["show_alert"] and "من قبل" in again["text"]


def _ar(n: int) -> str:
    from bot.i18n import num

    return num(n, "ar")


def _story_block(text: str, n: int) -> str:
    """Story n's block in a page's text: from «n. » to the next blank line."""
    start = text.index(f"{_ar(n)}. ")
    end = text.find("\n\n", start)
    return text[start:end if end >= 0 else len(text)]
