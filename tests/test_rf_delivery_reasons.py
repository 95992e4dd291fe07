"""Review RF of X82 (dba2b5b, QA56-3): Telegram's refusals that mean the bot may not post are
worded in the admin's language, never quoted in English inside Arabic. bot.reasons copied three
of bot.chat_holds.RIGHTS' five, so «Bad Request: have no rights to send a message» (a supergroup
that restricted the bot) and «CHAT_ADMIN_REQUIRED» were still shown as «رفض تيليجرام الرسالة:
Bad Request: have no rights to send a message» in a /push report. Now every one of RIGHTS is
«لا يملك البوت حق النشر في المحادثة». Pure: the report's words (bot.pushes.push_report).
"""

from __future__ import annotations

from bot.chat_holds import RIGHTS
from bot.pushes import push_report
from bot.reasons import delivery_reason
from digests.push_queue import PushProgress


def test_every_rights_refusal_is_worded() -> None:
    for words in RIGHTS:
        error = f"Bad Request: {words.upper() if '_' in words else words} (test)"
        assert delivery_reason(error, "ar") == "لا يملك البوت حق النشر في المحادثة", error
        assert delivery_reason(error, "en") == "the bot may not post in the chat", error


def test_a_push_report_quotes_no_english_refusal() -> None:
    progress = PushProgress(push_id=1, chats=3, delivered=1, failed=2, pending=0)
    reasons: list[tuple[str | None, int]] = [
        ("Bad Request: have no rights to send a message", 1),
        ("Bad Request: CHAT_ADMIN_REQUIRED", 1)]
    text = push_report(progress, reasons, "ar")
    assert "have no rights" not in text and "CHAT_ADMIN" not in text, text  # before: quoted
    assert "• ٢: لا يملك البوت حق النشر في المحادثة" in text, text  # one line, both chats
