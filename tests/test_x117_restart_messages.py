"""QA72-6: the restart note counts the messages that may come twice, not the rows in them.

Six daily digests of ~50 stories each were on the wire when the bot was killed; the admins read
«٣٢٧ خبرًا (عدد المحادثات: ٦) … وقد يصل ما يُعاد مرتين»: 327 stories that might come twice."""

from __future__ import annotations

from bot.restart_note import InFlight, text


def test_six_digests_in_flight_read_as_six_messages() -> None:
    ar = text(InFlight(327, 6), "ar")
    assert "عندها: ٦ رسائل، رسالة لكل محادثة (فيها ٣٢٧ خبرًا)" in ar, ar
    en = text(InFlight(327, 6), "en")
    assert "being sent then: 6 messages, one a chat (327 stories in them)" in en, en
    both = text(InFlight(327, 6))
    assert both.index("٦ رسائل") < both.index("6 messages")  # Arabic first
