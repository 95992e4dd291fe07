"""digests.clause_split: «قال إن X، وإن Y» ranked as two statements, shown split only whole."""

from __future__ import annotations

from digests.clause_split import split_clauses, whole_unless_all
from digests.quote_rank import rank_quotes
from digests.quotes import Candidate, find_quotes

_MOON = ("قال الرئيس الكوري الجنوبي مون جي-إن إن من الممكن عقد قمة ثلاثية مع كوريا الشمالية"
         " والولايات المتحدة، وإن المحادثات يجب أن تهدف إلى إنهاء التهديد النووي على شبه"
         " الجزيرة الكورية.")
_HEADLINE = "سول: من الممكن عقد قمة ثلاثية"


def _reported(text: str, speaker: str = "الوزير", kind: str = "reported") -> Candidate:
    return Candidate(text=text, speaker=speaker, kind=kind,  # type: ignore[arg-type]
                     paragraph=0, start=10, named=True, context=f"قال {speaker} إن {text}.")


def _texts(text: str, kind: str = "reported") -> list[str]:
    return [c.text for c in split_clauses([_reported(text, kind=kind)])[0]]


def test_two_statements_after_wa_inna_are_two_candidates() -> None:
    found = find_quotes([_MOON])
    assert len(found) == 1  # the finder makes one span of the two clauses
    parts, origin = split_clauses(found)
    assert [p.text for p in parts] == [
        "من الممكن عقد قمة ثلاثية مع كوريا الشمالية والولايات المتحدة",
        "المحادثات يجب أن تهدف إلى إنهاء التهديد النووي على شبه الجزيرة الكورية"]
    assert origin == (0, 0)
    # Each part is a slice of the paragraph at its own offset; the speaker is the span's, written
    # at the first part only.
    assert all(_MOON[p.start:p.start + len(p.text)] == p.text for p in parts)
    assert [p.named for p in parts] == [True, False]
    assert {p.speaker for p in parts} == {found[0].speaker}
    # Each part is matched to the headline by its own words, not its neighbour's.
    assert "المحادثات" not in parts[0].context and "قمة" not in parts[1].context


def test_which_clauses_split() -> None:
    # A complementizer that carries its subject stays with its clause (shown «إنه …»).
    assert _texts("الحلقات المقبلة ستشهد منافسة مغايرة، وأنه رغم فوز الحلاني سيتغير الوضع") == [
        "الحلقات المقبلة ستشهد منافسة مغايرة", "أنه رغم فوز الحلاني سيتغير الوضع"]
    assert _texts("الصندوق حقق ثلاثة مليارات دولار، وأن الصندوق شارك في 15 مشروعا") == [
        "الصندوق حقق ثلاثة مليارات دولار", "الصندوق شارك في 15 مشروعا"]
    assert _texts("فيسبوك تجمع البيانات دون إذن، كما أنها تتتبع المواقع التي يزورونها") == [
        "فيسبوك تجمع البيانات دون إذن", "أنها تتتبع المواقع التي يزورونها"]
    # Not split: a second subjunctive object of one verb; «أن» before an indefinite subject (one
    # reasoning going on, which the annotators keep whole); «بأن»; inside quote marks; a part
    # under three words; direct speech; a span that opens on its verb (a hedged clause).
    for whole in ("اللاعب لن يشارك في المباراة، وأن يبقى مع الجهاز الطبي على الدكة",
                  "الجندي حاول الدفاع عن نفسه بالرذاذ، وأن عراكا اندلع بين الرجلين",
                  "الحكومة ستدرس الطلب بعناية، وبأن القرار سيصدر قريبا جدا",
                  'الخطة "ستنجح حتما، وإن الجميع سيرون ذلك" في الأشهر المقبلة',
                  "القرار نهائي، وإن الأمر محسوم",
                  "ترجح السلطات أن تكون الطائرة سقطت، وإن الركاب جميعا نجوا",
                  # a concession («even though he added»), a second reason of one «because»
                  "الدول الفقيرة لن تتأثر كثيرا، وإن أضاف أن الدول لديها الوقت للاستعداد",
                  "الأوبئة تهدد العالم لأن البشر يتفاعلون مع البرية، كما أنهم يسافرون حول العالم"):
        assert _texts(whole) == [whole], whole
    assert _texts("من الممكن عقد القمة هذا العام، وإن المحادثات ستبدأ قريبا", "direct") == [
        "من الممكن عقد القمة هذا العام، وإن المحادثات ستبدأ قريبا"]


def test_a_clause_shown_without_its_sibling_is_shown_whole() -> None:
    whole = _reported("القمة ممكنة هذا العام مع الجارتين، وإن المحادثات ستبدأ قريبا جدا")
    other = _reported("واشنطن تدرس الدعوة بعناية كبيرة", "وزير الخارجية")
    cands = [whole, other]
    parts, origin = split_clauses(cands)
    assert len(parts) == 3 and origin == (0, 0, 1)
    assert whole_unless_all([0, 1, 2], parts, origin, cands) == parts
    assert whole_unless_all([2, 0], parts, origin, cands) == [other, whole]
    assert whole_unless_all([1, 0], parts, origin, cands) == [parts[1], parts[0]]
    assert whole_unless_all([], parts, origin, cands) == []


def test_rank_quotes_shows_both_clauses_when_both_make_the_three() -> None:
    ranked = rank_quotes(find_quotes([_MOON]), _HEADLINE)
    assert [c.text[:20] for c in ranked] == ["من الممكن عقد قمة ثل", "المحادثات يجب أن تهد"]
    # Two other voices outrank the second clause: the span is shown whole, as before the split.
    others = ["وقال وزير الخارجية الأمريكي إن واشنطن تدرس الدعوة بعناية كبيرة.",
              "وقال المتحدث باسم الكرملين إن موسكو ترحب بأي حوار بين الكوريتين."]
    ranked = rank_quotes(find_quotes([_MOON, *others]), _HEADLINE)
    assert len(ranked) == 3 and "، وإن المحادثات" in ranked[0].text
    assert [c.speaker for c in ranked[1:]] == ["وزير الخارجية الأمريكي", "المتحدث باسم الكرملين"]
