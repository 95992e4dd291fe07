"""`run.py digest` words a quote as the bot does (QA25 E3): a clause kept with its verb — a
forecast «توقعت شركة BP أن …» — is printed as the article wrote it, its speaker not said twice
(it printed «بحسب شركة "BP"، توقعت شركة "BP"، …»)."""

from __future__ import annotations

from cli.digest import quote_text
from digests.models import Quote


def test_a_clause_kept_with_its_verb_names_its_speaker_once() -> None:
    text = 'توقعت شركة "BP"، النفطية العملاقة أن يرتفع الطلب العالمي على النفط الخام'
    line = quote_text(Quote(text, 'شركة "BP"', "reported"))
    assert line.count("BP") == 1 and not line.startswith("بحسب")
    assert "أن يرتفع الطلب العالمي على النفط الخام" in line


def test_paraphrases_and_speech_keep_their_frames() -> None:
    assert quote_text(Quote("أنه مستعد للمشاركة في الانتخابات", "ائتلاف المعارضة",
                            "reported")) == "بحسب ائتلاف المعارضة، فإنه مستعد للمشاركة في الانتخابات"
    assert quote_text(Quote("«لا تعتمدوا على الوحدة»", "ائتلاف المعارضة", "direct")) == (
        "«لا تعتمدوا على الوحدة» — ائتلاف المعارضة")
    assert quote_text(Quote("سنواصل العمل", "", "reported")) == ""
