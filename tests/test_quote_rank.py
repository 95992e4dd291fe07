"""digests.quote_rank: an editor's order over the found quotes."""

from __future__ import annotations

from digests.quote_rank import rank_quotes
from digests.quotes import Candidate


def _cand(text: str, speaker: str, paragraph: int, kind: str = "direct",
          counter: bool = False) -> Candidate:
    return Candidate(text=text, speaker=speaker, kind=kind,  # type: ignore[arg-type]
                     paragraph=paragraph, start=0, named=True, counter=counter, context=text)


def test_ranking_prefers_the_headline_claim_then_another_voice() -> None:
    cands = [
        _cand("الطقس كان جميلا في العاصمة طوال الأسبوع الماضي", "المتحدث", 1),
        _cand("قررنا رفع أسعار الوقود بنسبة عشرة في المئة من الشهر المقبل", "وزير الطاقة", 2),
        _cand("سنواصل دراسة أثر القرار على الأسر الفقيرة في كل المحافظات", "وزير الطاقة", 3),
        _cand("هذا القرار ظالم وسندعو إلى إضراب عام في كل القطاعات", "النقابات", 4,
              counter=True),
    ]
    ranked = rank_quotes(cands, "الحكومة ترفع أسعار الوقود عشرة في المئة")
    assert ranked[0].speaker == "وزير الطاقة" and "أسعار الوقود" in ranked[0].text
    assert ranked[1].speaker == "النقابات"
    assert len(ranked) == 3


def test_ranking_prefers_direct_speech_over_its_paraphrase() -> None:
    cands = [
        _cand("الحكومة لن تقبل بأي شروط جديدة على الاتفاق", "الرئيس", 0, kind="reported"),
        _cand("لن نقبل بأي شروط جديدة على الاتفاق مهما كانت", "الرئيس", 3),
    ]
    ranked = rank_quotes(cands, "الرئيس يرفض شروطا جديدة على الاتفاق")
    assert ranked[0].kind == "direct"
    assert len(ranked) == 1  # the paraphrase adds nothing


def test_ranking_prefers_different_speakers_and_respects_the_limit() -> None:
    cands = [
        _cand("سنفتح المعبر أمام الشاحنات صباح الغد بعد الاتفاق", "المحافظ", 0),
        _cand("الشاحنات ستدخل محملة بالطحين والدواء والوقود للمدينة", "المحافظ", 1),
        _cand("لم نتلق أي إخطار رسمي بفتح المعبر حتى الآن من أي جهة", "الهلال الأحمر", 2,
              counter=True),
    ]
    ranked = rank_quotes(cands, "فتح المعبر أمام الشاحنات غدا")
    assert [c.speaker for c in ranked[:2]] == ["المحافظ", "الهلال الأحمر"]
    assert len(rank_quotes(cands, "فتح المعبر", limit=1)) == 1
    assert rank_quotes([], "أي عنوان") == []


def test_ranking_prefers_a_named_speaker_and_another_voice_over_repeats() -> None:
    cands = [
        _cand("سنواصل العمل على إعادة فتح المدارس في كل الأحياء", "المحافظ", 0),
        _cand("الحكومة ستدفع رواتب المعلمين المتأخرة كاملة", "المحافظ", 1),
        _cand("لم يصلنا أي قرار رسمي من الوزارة بعد", "نقابة المعلمين", 5,
              kind="reported"),
    ]
    carried = Candidate(text=cands[1].text, speaker="المحافظ", kind="direct", paragraph=1,
                        start=0, named=False, context=cands[1].text)
    ranked = rank_quotes([cands[0], carried, cands[2]], "إعادة فتح المدارس", limit=2)
    # A later quote of another voice beats the first speaker's carried repeat.
    assert [c.speaker for c in ranked] == ["المحافظ", "نقابة المعلمين"]


def test_the_fitting_script_refuses_a_set_that_is_not_development_data() -> None:
    import sys
    from pathlib import Path

    import pytest

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import fit_quote_rank

    assert fit_quote_rank.KNOWN_SETS == {"dev1", "holdout1", "dev2", "holdout2"}
    with pytest.raises(SystemExit):
        fit_quote_rank.main(["--sets", "dev1,holdout3"])
