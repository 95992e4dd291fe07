"""X80 item 4: /ingest's final report is a reply to the admin's /ingest, as its «⏳ بدأ جلب
الأخبار…» is (QA49 M11), and stays in the forum topic it was typed in. Before, the report came
as a plain message: in a busy chat nobody could tell whose /ingest it answered.

Real parts: the real Application (PTB) against the emulator, a real SQLite file; the poll
itself fails at once (no network), which is answered as any report is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db

FORUM = -100904


def _failing_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    """The poll fails at once (after the sample database was built by a real one)."""
    import digests.pipeline

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no network in tests")

    monkeypatch.setattr(digests.pipeline, "poll_once", broken)


async def test_the_report_replies_to_the_ingest_in_its_topic(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sample_db(tmp_path)
    _failing_poll(monkeypatch)
    async with running_bot(path) as h:
        h.emu.add_group(FORUM, "منتدى", admins=[ADMIN], forum=True)
        before = len(h.emu.messages(FORUM))
        asked = h.emu.send_user_message(FORUM, "/ingest", user=h.user(ADMIN), extra={
            "message_thread_id": 77, "is_topic_message": True})
        started, report = (await h.emu.await_messages(FORUM, before + 2, timeout=10))[before:]
        assert "بدأ" in started.plain_text and "فشل الجلب" in report.plain_text, report
        assert report.reply_to == asked, report.reply_to  # before: None
        assert report.message_thread_id == 77


async def test_the_report_replies_in_a_private_chat_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sample_db(tmp_path)
    _failing_poll(monkeypatch)
    async with running_bot(path) as h:
        before = len(h.emu.messages(ADMIN))
        asked = h.emu.send_user_message(ADMIN, "/ingest", user=h.user(ADMIN))
        started, report = (await h.emu.await_messages(ADMIN, before + 2, timeout=10))[before:]
        assert "فشل الجلب" in report.plain_text, report.plain_text
        assert started.reply_to == asked and report.reply_to == asked, report.reply_to
