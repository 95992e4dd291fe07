"""X87 (QA58-14): the resume notice's count did not agree — «✅ عاد بوسعي النشر في «…»: تُرسل الآن
١ من الأخبار الموقوفة أو الفائتة.», "1 held or missed stories go out now" — and /stats' last
story took «٠ د ٠ ث» / "0 min 0 s". Now the verb and adjectives agree with the count in each
form (bot.i18n.count_form) and a send under a second says so. Pure: the words only (the notice
is sent by tests/test_x71_chat_holds and test_x78_*, real bot and emulator)."""

from __future__ import annotations

from datetime import timedelta

from bot.hold_resumption import resumed_text
from bot.i18n import count_form
from bot.stats_lines import _took


def test_the_count_forms() -> None:
    assert [count_form(n, "ar") for n in (1, 2, 3, 10, 11, 99, 100, 101, 103, 111)] == [
        "one", "two", "few", "few", "many", "many", "hundred", "hundred", "few", "many"]
    assert [count_form(n, "en") for n in (1, 2, 11)] == ["one", "many", "many"]


def test_the_resume_notice_agrees_with_its_count() -> None:
    said = {n: resumed_text("قناة", [(n, None)], 0, "ar") for n in (1, 2, 3, 11, 100)}
    assert "يُرسل الآن خبر واحد موقوف أو فائت." in said[1], said[1]
    assert "يُرسل الآن خبران موقوفان أو فائتان." in said[2], said[2]
    assert "تُرسل الآن ٣ أخبار موقوفة أو فائتة." in said[3], said[3]
    assert "يُرسل الآن ١١ خبرًا موقوفًا أو فائتًا." in said[11], said[11]
    assert "يُرسل الآن ١٠٠ خبر موقوف أو فائت." in said[100], said[100]
    assert "1 held or missed story goes out now." in resumed_text("c", [(1, None)], 0, "en")
    assert "2 held or missed stories go out now." in resumed_text("c", [(2, None)], 0, "en")
    later = resumed_text("قناة", [(1, None), (3, "عند ٧:٠٠")], 0, "ar")
    assert "خبر يُرسل الآن، و٣ أخبار تُرسل عند ٧:٠٠" in later, later
    assert "1 goes out now, 3 go out at 7:00" in resumed_text(
        "c", [(1, None), (3, "at 7:00")], 0, "en")


def test_a_send_under_a_second_is_said_so() -> None:
    assert _took(timedelta(0), "ar") == "أقل من ثانية"
    assert _took(timedelta(milliseconds=300), "en") == "under a second"
    assert _took(timedelta(seconds=65), "ar") == "١ د ٥ ث"
