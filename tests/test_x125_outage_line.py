"""X125 QA75-4: during an outage whose sends were accepted and then had their connection reset,
/stats said «⚠️ تيليجرام يرفض الرسائل لكل المحادثات …» and «لا يضيع شيء» — and every one of
them arrived twice once retried, unannounced. Now the outage counts its failures apart
(bot.send_failures.Backoff.outage_unanswered) and the line says the answers do not come and
that what was sent may arrive twice; a 5xx outage reads as before. Real SQLite, real PTB against
the emulator (`Emulator.reset_next`), as X48's outage test."""

from __future__ import annotations

import pytest
from telegram import Bot

from bot import send_failures, stats_warnings
from bot.emulator import Emulator
from delivery_helpers import add_article, add_chat, add_source, rows
from digests.storage import Database
from test_x42_delivery import make_sender, queue


def test_the_line_says_refused_unanswered_or_both() -> None:
    outage = (126.0, 10, 30.0)
    refused = stats_warnings.outage_warning(outage, (8, 0))
    unanswered = stats_warnings.outage_warning(outage, (8, 8))
    mixed = stats_warnings.outage_warning(outage, (8, 3))
    assert refused is not None and unanswered is not None and mixed is not None
    assert "يرفض الرسائل" in refused.text("ar") and "مرتين" not in refused.text("ar")
    before = stats_warnings.outage_warning(outage)  # as before X125
    assert before is not None and refused.text("ar") == before.text("ar")
    ar, en = unanswered.text("ar"), unanswered.text("en")
    assert "يرفض" not in ar and "لا يصل ردّ تيليجرام" in ar, ar
    assert "قد يصل مرتين (عدد الإرسالات: ٨)" in ar, ar
    assert "refuse" not in en and "may arrive twice (sends: 8)" in en, en
    assert "يرفض بعض الرسائل" in mixed.text("ar") and "(عدد الإرسالات: ٣)" in mixed.text("ar")
    assert "refuses some sends" in mixed.text("en") and "(sends: 3)" in mixed.text("en")


async def test_an_outage_of_resets_is_not_called_refusing(
        database: Database, emu: Emulator, bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(send_failures, "OUTAGE_FIRST_DELAY", 0.2)
    monkeypatch.setattr(send_failures, "OUTAGE_MAX_DELAY", 0.4)
    src = add_source(database, "src")
    chats = range(1, 13)
    for chat in chats:
        add_chat(database, chat)
        queue(database, chat, add_article(database, src, f"خبر رقم {chat}", story_id=200 + chat))
    emu.reset_next(6)  # the next six sends are accepted, then their connection is reset
    sender = make_sender(database, bot, retry_delay=0.01)
    seen: list[tuple[str, str]] = []
    backoff = sender.courier.backoff  # type: ignore[attr-defined]
    retry = backoff.retry

    def watched(*args: object, **kwargs: object) -> object:  # what /stats says after each
        outcome = retry(*args, **kwargs)
        got = stats_warnings.outage_warning(backoff.outage(), backoff.outage_unanswered())
        if got is not None:
            seen.append((got.text("ar"), got.text("en")))
        return outcome

    monkeypatch.setattr(backoff, "retry", watched)
    await sender.drain(timeout=30)  # type: ignore[attr-defined]
    assert seen, "no outage was met"
    ar, en = seen[-1]
    assert "يرفض" not in ar and "لا يصل ردّ تيليجرام" in ar and "قد يصل مرتين" in ar, ar
    assert "may arrive twice" in en, en
    assert [str(r["status"]) for r in rows(database)] == ["sent"] * len(chats)
    twice = [c for c in chats if len(emu.messages(c)) == 2]
    assert len(twice) == 6 and all(len(emu.messages(c)) >= 1 for c in chats)
