"""QA76-18 (X133): a new reader's /settings while another program holds the write lock.

The chat's record is refused (bot.runtime.ensure_chat answers from a Chat it made up), so the
screen said «ساعات الهدوء: غير مفعّلة» and «UTC+3 (مكة، بغداد…)» though a new chat gets quiet
hours 23:00–07:00 and the Riyadh zone; and the hour chosen after the lock went to
subscriptions.set_mode with no chat row: AssertionError, «حدث خطأ». Now the screen shows the
defaults the chat's first record will get, and a settings change records the chat first (a
refusal then is the «busy» toast, never an assertion).

The real bot against the emulator and a real SQLite file; the lock is a second connection's
BEGIN IMMEDIATE, as another program's would be.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from botkit import READER, running_bot, sample_db

from digests import subscriptions
from digests.storage import FAULTS

NEWCOMER = READER + 151
APOLOGY = "عذرًا، حدث خطأ"


def bare(text: str) -> str:
    """Text without its direction marks (LRM/RLM around «UTC+3»)."""
    return text.replace("\u200e", "").replace("\u200f", "")


@contextmanager
def write_lock(path: Path) -> Iterator[None]:
    """Another program's write lock on `path` while the block runs."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("begin immediate")
    try:
        yield
    finally:
        other.close()


async def test_a_new_readers_settings_under_a_lock_then_an_hour_chosen_after_it(
        tmp_path: Path) -> None:
    """QA76-18's steps: /settings and «🗓 يومية» under the lock, «٧:٠٠» after it."""
    FAULTS.forget()
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.05, night_quiet=True) as h:
        with write_lock(path):
            [menu] = await h.say(NEWCOMER, "/settings")
            assert subscriptions.get_chat(h.db, NEWCOMER) is None  # the record was refused
            await h.click(menu, "🗓 يومية", n=0)
            await h.settle()
        hours = h.emu.messages(NEWCOMER)[-1]
        answer = await h.click_answer(hours, "٧:٠٠")  # the lock is gone: it was an assertion
        assert APOLOGY not in str(answer.get("text")), answer
        assert "نشرة يومية الساعة ٧:٠٠" in str(answer.get("text")), answer
        chat = subscriptions.get_chat(h.db, NEWCOMER)
        assert chat is not None and (chat.mode, chat.daily_hour) == ("daily", 7)
        assert (chat.quiet_start, chat.quiet_end) == (23, 7)  # what the screen said
        await h.settle()
        [again] = await h.say(NEWCOMER, "/settings")
        assert "من ٢٣:٠٠ إلى ٧:٠٠" in again.plain_text and "٧:٠٠" in again.plain_text


async def test_the_screens_under_the_lock_show_the_defaults_the_chat_will_get(
        tmp_path: Path) -> None:
    """Was: «ساعات الهدوء: غير مفعّلة» and «UTC+3 (مكة، بغداد…)» on /settings, the hour and the
    quiet-hours pickers; a new chat gets 23:00–07:00 and the Riyadh zone."""
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.05, night_quiet=True) as h:
        with write_lock(path):
            [menu] = await h.say(NEWCOMER, "/settings")
            assert "ساعات الهدوء: من ٢٣:٠٠ إلى ٧:٠٠" in menu.plain_text, menu.plain_text
            assert "السعودية (UTC+3)" in bare(menu.plain_text), menu.plain_text
            await h.click(menu, "🗓 يومية", n=0)
            await h.settle()
            hours = h.emu.messages(NEWCOMER)[-1]
            assert "السعودية (UTC+3)" in bare(hours.plain_text), hours.plain_text
            [zone] = await h.say(NEWCOMER, "/zone")
            assert "السعودية (UTC+3)" in bare(zone.plain_text), zone.plain_text
            assert any(b.startswith("✓") and "السعودية" in b for b in zone.button_texts()), \
                zone.button_texts()


async def test_an_english_newcomer_is_shown_utc_and_a_change_under_the_lock_says_busy(
        tmp_path: Path) -> None:
    """An English reader's first record starts on UTC (brief X25): shown so under the lock;
    a choice pressed while the lock is still held is told «busy», and nothing is stored."""
    FAULTS.forget()
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.05, night_quiet=True) as h:
        with write_lock(path):
            [menu] = await h.say(NEWCOMER, "/settings", language_code="en")
            assert "Quiet hours: from 23:00 to 7:00" in menu.plain_text, menu.plain_text
            assert "UTC" in menu.plain_text and "Mecca" not in menu.plain_text, menu.plain_text
            answer = await h.click_answer(menu, "🗓 Daily")
            await h.settle()
            hours = h.emu.messages(NEWCOMER)[-1]
            answer = await h.click_answer(hours, "7:00")
            assert "busy" in str(answer.get("text")), answer
            assert "went wrong" not in str(answer.get("text")), answer
        assert subscriptions.get_chat(h.db, NEWCOMER) is None or \
            subscriptions.get_chat(h.db, NEWCOMER).mode == "instant"  # type: ignore[union-attr]


async def test_without_the_new_chat_quiet_trigger_the_screen_says_none(tmp_path: Path) -> None:
    """The defaults are the database's own: where new chats start without quiet hours (the
    tests' usual database drops migration 027's trigger), the screen says «غير مفعّلة»."""
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.05) as h:
        with write_lock(path):
            [menu] = await h.say(NEWCOMER, "/settings")
        assert "ساعات الهدوء: غير مفعّلة" in menu.plain_text, menu.plain_text
