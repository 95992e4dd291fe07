"""Compact delivered digests and their story buttons (QA18 R16, brief X24): a delivered bundle
shows each story as a short block — headline, source and time, at most one key quote — and a
«📖 n» button per story whose block leaves something out; pressed, the story's full digest in a
private chat or a group (once per button), an alert in a channel (for any reader). The real
Application (PTB) and sender against the emulator, real SQLite files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from botkit import running_bot
from delivery_helpers import (NOW, add_article, add_chat, add_source, claims_under_lock,
                              quick_sender, rows)
from story_labels import story_label, story_numbers
from telegram import Bot

from bot import bundle_buttons, callbacks
from bot.emulator import Emulator
from digests.models import Quote, RelatedItem, iso
from digests.records import quotes_to_json, related_to_json
from digests.storage import Database

QUOTES = (Quote("الوضع في المدينة خطير جدا & <يتدهور>", "المتحدث باسم الأمم المتحدة"),
          Quote("لن نتراجع عن مطالبنا مهما حدث", "زعيم المعارضة"),
          Quote("نحن ندرس جميع الخيارات المتاحة", "وزير الخارجية"))
RELATED = (RelatedItem("تقرير سابق عن المدينة", "https://other.test/older"),)


def _digested(db: Database, article_id: int, quotes: tuple[Quote, ...],
              related: tuple[RelatedItem, ...] = ()) -> None:
    with db.transaction() as tx:
        tx.execute("update articles set quotes_json = ?, digest_related_json = ?,"
                   " digested_at = ? where id = ?",
                   [quotes_to_json(quotes), related_to_json(related), iso(NOW), article_id])


def _queue(db: Database, chats: dict[int, str]) -> list[int]:
    """Three stories for each chat (id → Telegram type): the first with three quotes and a
    related link, the second with one short quote (nothing more to show), the third with
    two quotes."""
    src = add_source(db, "src")
    arts = [add_article(db, src, f"خبر رقم {i} عن المدينة", story_id=200 + i) for i in range(3)]
    _digested(db, arts[0].id or 0, QUOTES, RELATED)
    _digested(db, arts[1].id or 0, QUOTES[1:2])
    _digested(db, arts[2].id or 0, QUOTES[1:])
    for chat, kind in chats.items():
        add_chat(db, chat, type=kind, language="en" if chat == 2 else "ar")
        with db.transaction() as tx:
            for a in arts:
                tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at,"
                           " status) values (?,?,?, 'instant', ?, 'pending')",
                           [chat, a.story_id, a.id, iso(NOW)])
    return [a.id or 0 for a in arts]


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


async def test_a_delivered_bundle_is_compact_with_a_button_per_story_with_more(
        tmp_path: Path) -> None:
    path = tmp_path / "compact.db"
    with Database(path) as db:
        _queue(db, {1: "private", 2: "private"})
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [bundle] = h.emu.messages(1)
        text = _plain(bundle.plain_text)
        # one key quote per story: the second and third quotes of story 1 are not shown
        assert "الوضع في المدينة خطير جدا & <يتدهور>" in text
        assert "نحن ندرس" not in text and "تقرير سابق" not in text
        assert "١. " in text and "٣. " in text
        # story 2 shows all it has: no button; 1 and 3 have one each, numbered as in the text
        assert story_numbers(bundle) == ["📖 خبر ١", "📖 خبر ٣"]
        data = [b["callback_data"] for b in bundle.buttons()]
        assert all(len(d.encode()) <= 64 for d in data)
        assert len({d.partition(".")[0] for d in data}) == 1  # one stored id for the bundle
        [english] = h.emu.messages(2)
        assert story_numbers(english) == ["📖 Story 1", "📖 Story 3"]

        [full] = await h.click(bundle, story_label(bundle, "١"))
        whole = _plain(full.plain_text)
        for quote in QUOTES:
            assert quote.text in whole
        assert "تقرير سابق عن المدينة" in whole and "روابط ذات صلة" in whole
        assert "&amp;" in full.text and "&lt;يتدهور&gt;" in full.text  # escaped
        again = await h.click_answer(bundle, story_label(bundle, "١"))
        assert again["show_alert"] and "من قبل" in again["text"]
        assert len(h.emu.messages(1)) == 2  # no second copy
        [third] = await h.click(bundle, story_label(bundle, "٣"))
        assert "نحن ندرس جميع الخيارات المتاحة" in _plain(third.plain_text)
        [en] = await h.click(english, story_label(english, "1"))
        assert "Related links:" in en.plain_text


async def test_forged_or_foreign_story_buttons_do_nothing(tmp_path: Path) -> None:
    path = tmp_path / "forged.db"
    with Database(path) as db:
        _queue(db, {1: "private", 3: "private"})
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [bundle] = h.emu.messages(1)
        cb_id = bundle.buttons()[0]["callback_data"].partition(".")[0]
        for data in (f"{cb_id}.9", f"{cb_id}.0", f"{cb_id}.x", f"{cb_id}.-1", f"{cb_id}.١"):
            answer = await h.click_answer(bundle, data=data)
            assert answer["show_alert"], data
        [other] = h.emu.messages(3)
        answer = await h.click_answer(other, data=f"{cb_id}.1")  # chat 1's id pressed in chat 3
        assert answer["show_alert"]
        assert len(h.emu.messages(1)) == 1 and len(h.emu.messages(3)) == 1


async def test_in_a_channel_a_story_button_answers_with_an_alert_to_any_reader(
        tmp_path: Path) -> None:
    """A message would be a new post to every reader of the channel: the reader who pressed
    (a subscriber of the bot or not) gets the story's rest as an alert, every time."""
    path = tmp_path / "channel.db"
    with Database(path) as db:
        _queue(db, {-1001: "channel"})
    async with running_bot(path) as h:
        h.emu.add_chat(-1001, type="channel", title="قناة")
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [bundle] = h.emu.messages(-1001)
        assert story_numbers(bundle) == ["📖 خبر ١", "📖 خبر ٣"]
        for reader in (h.user(501), h.user(502), h.user(501)):
            answer = await h.click_answer(bundle, story_label(bundle, "١"), user=reader)
            assert answer["show_alert"]
            assert 0 < len(answer["text"]) <= 200
            assert "لن نتراجع عن مطالبنا" in _plain(answer["text"])
            assert "&amp;" not in answer["text"]  # an alert is plain text: nothing escaped
        assert len(h.emu.messages(-1001)) == 1  # nothing posted in the channel


async def test_in_a_group_the_full_story_goes_once(tmp_path: Path) -> None:
    path = tmp_path / "group.db"
    with Database(path) as db:
        _queue(db, {-500: "supergroup"})
    async with running_bot(path) as h:
        h.emu.add_group(-500, title="مجموعة")
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [bundle] = h.emu.messages(-500)
        [full] = await h.click(bundle, story_label(bundle, "٣"), user=h.user(601))
        assert "نحن ندرس جميع الخيارات المتاحة" in _plain(full.plain_text)
        second = await h.click_answer(bundle, story_label(bundle, "٣"), user=h.user(602))
        assert second["show_alert"] and len(h.emu.messages(-500)) == 2


def test_story_place_is_taken_once_and_given_back(database: Database) -> None:
    add_chat(database, 1)
    cb_id = callbacks.new_callback(database, chat_id=1, action=callbacks.STORY,
                                   payload={"articles": [5, 6]}, now=NOW)
    found = callbacks.resolve(database, callbacks.button_data(cb_id, 2), chat_id=1, now=NOW)
    assert found is not None and found.index == 2 and found.payload["articles"] == [5, 6]
    assert callbacks.take_index(database, cb_id, 2)
    assert not callbacks.take_index(database, cb_id, 2)
    assert callbacks.take_index(database, cb_id, 1)  # the other button is its own
    callbacks.give_back_index(database, cb_id, 2)
    assert callbacks.take_index(database, cb_id, 2)
    assert not callbacks.take_index(database, "unknown", 1)
    assert callbacks.resolve(database, f"{cb_id}.", chat_id=1, now=NOW) is None
    assert callbacks.resolve(database, f"{cb_id}.1234", chat_id=1, now=NOW) is None


async def test_story_buttons_that_cannot_be_stored_leave_the_compact_digest_without_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unforeseen failure storing the buttons' id: the digest still goes (its blocks promise
    no button), with no story button under it."""
    def broken(*args: Any) -> str:
        raise RuntimeError("the callbacks table is gone")

    monkeypatch.setattr(bundle_buttons, "_new_stories", broken)
    path = tmp_path / "nostory.db"
    with Database(path) as db:
        _queue(db, {1: "private"})
    async with running_bot(path) as h:
        await h.until(lambda: {r["status"] for r in rows(h.db)} == {"sent"})
        [bundle] = h.emu.messages(1)
        assert bundle.button_texts() == [] and "١. " in _plain(bundle.plain_text)


async def test_story_buttons_of_a_digest_that_never_went_are_forgotten(
        database: Database, bot: Bot, emu: Emulator, monkeypatch: pytest.MonkeyPatch) -> None:
    """The buttons' id is stored before the claim; a claim refused under another program's
    lock sends nothing, and that id is deleted: only ids of buttons a chat got are kept."""
    _queue(database, {1: "private"})
    now = [100.0]
    s = quick_sender(database, bot, now)
    with claims_under_lock(database, monkeypatch):
        assert await s.run_once() == 0
        assert emu.sent_log() == []
    now[0] += 2.0
    assert await s.drain(timeout=5) >= 1
    [(kept,)] = database.db.execute("select id from callbacks").fetchall()
    [bundle] = emu.messages(1)
    assert {b["callback_data"].partition(".")[0] for b in bundle.buttons()} == {kept}
