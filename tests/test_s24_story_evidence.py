"""Brief S24: the marks of event identity (digests.story_evidence) read from invented Arabic leads,
and benchmarks/story_evidence_screen.py counting them among the pairs the shipped step refuses."""

from __future__ import annotations

from types import ModuleType

import pytest
from benchkit import load_benchmark

from digests import story_evidence as ev


@pytest.fixture(scope="module")
def screen() -> ModuleType:
    return load_benchmark("story_evidence_screen", "bench_story_evidence_screen")


def test_a_count_keeps_its_unit_and_drops_dates_and_years() -> None:
    assert ev.figures("ارتفاع حصيلة القتلى إلى ٤٣ قتيلاً في المدينة") == {"43 قتيلا"}
    assert ev.figures("مقتل 43 قتيلا في 14 فبراير 2018") == {"43 قتيلا"}
    assert ev.figures("استثمارات بقيمة 20 مليار دولار") == {"20 مليار دولار"}
    assert ev.figures("تراجع بنسبة 30 في المئة") == {"30 %"}
    assert ev.figures("ارتفع 12% أمس") == {"12 %"}
    assert ev.figures("في عام 2018 وفي 1 مارس") == frozenset()
    assert ev.figures("زار الوزير المدينة") == frozenset()
    # the same toll twice, one in Arabic-Indic digits: one key
    assert ev.figures("سقوط ٣٩ عاملا") == ev.figures("سقوط 39 عاملا")
    assert ev.figures("39 عاملا") != ev.figures("39 جريحا")


def test_a_score_is_one_result_in_figures_or_words() -> None:
    figures, words = ev.scores("إسبانيا تسحق الأرجنتين 6-1 وديا"), ev.scores(
        "خسر المنتخب الأرجنتيني بسداسية مقابل هدف وحيد")
    assert figures == words == {"1-6"}
    assert ev.scores("خسارة بستة أهداف لهدف") == {"1-6"}
    assert ev.scores("الأهلي يتغلب على الزمالك 4-صفر") == {"0-4"}
    assert ev.scores("فاز بثلاثية نظيفة على ضيفه") == {"0-3"}
    assert ev.scores("تعادل الفريقان بهدفين لمثلهما") == {"2-2"}
    assert ev.scores("فاز الفريق 1-3 خارج أرضه") == ev.scores("فاز الفريق 3-1 خارج أرضه")
    assert ev.scores("الساعة 10:30 يوم 2018-03-01") == frozenset()
    # a side of a score is not a count
    assert ev.figures("فاز ليفربول 3-1 الأحد") == frozenset()


def test_a_named_occasion_is_its_noun_and_the_word_after() -> None:
    assert ev.named_events("انطلاق قمة الرياض العربية") == {"قمه رياض"}
    assert "كاس ملك" in ev.named_events("نهائي كأس الملك بين الاتحاد والفيصلي")
    assert ev.named_events("مباراة الأهلي والزمالك") == {"مباراه اهلي"}
    assert ev.named_events("وزير الخارجية يزور باريس") == frozenset()


def test_two_reports_share_the_kinds_both_leads_carry() -> None:
    preview = ev.marks("الأهلي يواجه الزمالك في نهائي كأس مصر", "يلتقي الفريقان مساء الجمعة")
    result = ev.marks("الأهلي بطلا لكأس مصر", "توج الأهلي بعد فوزه 2-1 في نهائي كأس مصر")
    report = ev.marks("الزمالك يخسر 1-2", "خسر الزمالك أمام الأهلي في نهائي كأس مصر أمام 40 ألف متفرج")
    other = ev.marks("ليفربول يفوز 2-1", "فاز ليفربول على إيفرتون في الدوري أمام 40 ألف متفرج")
    assert ev.shared(preview, result) == {"event"}
    assert ev.shared(result, report) == {"event", "score"}
    assert ev.shared(report, other) == {"figure", "score"}
    assert ev.shared(preview, other) == frozenset()
    assert ev.shared(ev.Marks(), ev.Marks()) == frozenset()


def _doc(ident: str, title: str, text: str) -> dict[str, object]:
    return {"id": ident, "title": title, "text": text}


def test_the_screen_counts_marks_among_refused_candidates(screen: ModuleType) -> None:
    ob = screen.ob
    final = _doc("a", "المغرب يسحق نيجيريا 4-صفر", "توج المغرب بلقب البطولة بعد فوزه على نيجيريا.")
    preview = _doc("b", "المغرب أمام نيجيريا الليلة", "يلتقي المغرب ونيجيريا في المباراة النهائية.")
    recap = _doc("c", "نيجيريا تخسر برباعية نظيفة", "خسرت نيجيريا أمام المغرب بأربعة أهداف دون رد.")
    cache: dict[str, object] = {}
    assert "score" in screen.kinds_of(final, recap, cache)
    assert screen.kinds_of(final, preview, cache) == frozenset()
    held = [ob.Held("f", "a", "c", True, 0.3, 0.4, 0.3, 0.6, False),     # refused, marked, same
            ob.Held("f", "a", "b", True, 0.3, 0.4, 0.3, 0.6, False),     # refused, unmarked
            ob.Held("f", "b", "c", False, 0.3, 0.1, 0.1, 0.5, False),    # refused, marked, different
            ob.Held("f", "a", "d", True, 0.1, 0.1, 0.1, 0.5, False),     # under the floor: no candidate
            ob.Held("f", "c", "d", True, 0.5, 0.95, 0.9, 0.8, False)]    # taken
    marked = {("a", "c"): frozenset({"score", "any_lead"}), ("a", "b"): frozenset(),
              ("b", "c"): frozenset({"score", "any_lead"}), ("a", "d"): frozenset({"score"}),
              ("c", "d"): frozenset()}
    lines = screen.table(held, marked, ob.shipped)
    assert "candidates (cosine >= 0.2) 4: refused 3 (2 same), taken 1 (0 different)" in lines[0]
    row = next(line for line in lines if line.startswith("| score |"))
    # 1 same / 1 different at no floor, only the same pair (p 0.4) past 0.2, 0.3 and 0.4
    assert row.startswith("| score | 1/1 · 1/1 · 1/0 · 1/0 · 1/0 |"), row
    assert row.endswith("| 0/0 |")


def test_the_stored_table_counts_marks_among_misses_and_wrong_joins(screen: ModuleType) -> None:
    lines = ["pair use f1 0.65/0.40/0.50 a b gold=1 stored=0",   # missed, marked
             "pair use f1 0.65/0.40/0.50 a c gold=1 stored=0",   # missed, unmarked
             "pair use f1 0.65/0.40/0.50 b c gold=0 stored=1",   # wrong join, marked
             "pair use f1 0.65/0.40/0.50 c d gold=0 stored=0",   # different, apart, marked
             "pair use f1 0.65/0.40/0.50 a d gold=1 stored=1",   # joined: not counted
             "pair words f1 0.65/0.40/0.50 a b gold=1 stored=0",  # another path: not read
             "result use f1 0.65/0.40/0.50 1 1 2"]
    marked = {("a", "b"): frozenset({"score"}), ("a", "c"): frozenset(),
              ("b", "c"): frozenset({"score", "event"}), ("c", "d"): frozenset({"event"}),
              ("a", "d"): frozenset({"score"})}
    out = screen.stored_table(lines, marked)
    assert out[0] == ("stored use 0.65/0.40/0.50: 5 pairs, 2 same stored apart, 1 wrong joins;"
                      " marked among them (missed / different apart / wrong joins):")
    assert "  score: 1 / 0 / 1" in out and "  event: 0 / 1 / 1" in out
    assert "  quote: 0 / 0 / 0" in out
