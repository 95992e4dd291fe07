"""X87 (QA58-10): under a polled source (/sources, the admins' notices) a failure gave the advice
of a refused /addsource and disagreed on who retries: «has a problem … I will try again later by
myself» beside «did not answer in time … Try later» and «The page is not a news feed … Send the
feed's link» (a known feed that served a maintenance page once sent the admin hunting for a new
link); one failure read «failing 1 time in a row». Now a polled source's reasons say the bot
tries again; /addsource keeps its own advice. Pure: bot.reasons' words (the real /sources and
poll are tests/test_bot_admin's)."""

from __future__ import annotations

from bot.reasons import reason_text
from digests.errors import Reason

KINDS = (Reason("refused", "a.example"), Reason("connect", "a.example"),
         Reason("timeout", "a.example", "20"), Reason("bad_encoding", "a.example"),
         Reason("not_feed", "a.example"), Reason("not_feed", "a.example", "html"),
         Reason("server_error", "a.example", "500"))


def test_a_polled_source_is_retried_by_the_bot() -> None:
    for why in KINDS:
        ar, en = reason_text(why, "ar"), reason_text(why, "en")
        assert "أعيد المحاولة تلقائيًا" in ar and "جرّب لاحقًا" not in ar, ar
        assert "try again" in en and "Try later" not in en, en
        assert "أرسل رابط الخلاصة" not in ar and "Send the feed's link" not in en, (ar, en)


def test_addsource_keeps_its_own_advice() -> None:
    assert "جرّب لاحقًا" in reason_text(KINDS[2], "ar", adding=True)
    assert "Try later" in reason_text(KINDS[2], "en", adding=True)
    assert "Send the feed's link" in reason_text(KINDS[4], "en", adding=True)
    assert "points to no feed" in reason_text(KINDS[5], "en", adding=True)
    assert "Check the link or try later" in reason_text(KINDS[0], "en", adding=True)
