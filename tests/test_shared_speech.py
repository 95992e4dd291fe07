"""Tests of digests.shared_speech: quoted speech, speakers and names two reports share.

The texts are written for these tests (a fictional minister in a fictional region), not corpus text.
"""

from __future__ import annotations

from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digests import shared_speech as ss

STATEMENT = "لا يمكن للعالم أن يقف متفرجا على معاناة المدنيين المحاصرين في فالديريا"

# One statement, reported by two sources in their own prose, both in quote marks.
ONE = ("كوسكينن يطالب بهدنة فورية في إقليم فالديريا",
       "دعا وزير الخارجية الفنلندي ماتي كوسكينن الأحد إلى هدنة فورية في إقليم فالديريا.\n"
       f"وقال كوسكينن في مؤتمر صحفي: \"{STATEMENT}\".\n"
       "وأضاف أن بلاده سترسل قافلة مساعدات، بحسب ما نقلت صحيفة \"هلسنكي تايمز\".")
TWO = ("هلسنكي تدعو لوقف القتال وترسل قافلة إغاثة",
       f"قال وزير الخارجية الفنلندي ماتي كوسكينن إنه «{STATEMENT}».\n"
       "وأعلن الوزير عن قافلة إغاثة تصل الإقليم قريبا.")
# The same statement carried as reported speech, without quote marks.
REPORTED = ("فنلندا قلقة على المدنيين في فالديريا",
            f"أكد ماتي كوسكينن أن {STATEMENT}، داعيا إلى ممرات آمنة.")
# Another event in the same region: the place is shared, the speech and speakers are not.
QUAKE = ("زلزال بقوة خمس درجات يضرب إقليم فالديريا",
         "ضرب زلزال بقوة خمس درجات إقليم فالديريا فجر الاثنين دون أن يسفر عن ضحايا.\n"
         "وقال رئيس الدفاع المدني يوهانس ليندبرغ إن \"فرق الإنقاذ تفقدت المباني القديمة في"
         " المدينة\".")


def speech(report: tuple[str, str]) -> ss.Speech:
    return ss.speech_of(*report)


def test_quoted_spans_keep_speech_and_drop_a_newspaper_name() -> None:
    quotes = ss.quoted_keys(ONE[1])
    assert len(quotes) == 1  # «هلسنكي تايمز» after «صحيفة» is a name, not speech
    assert quotes[0][:3] == ("لا", "يمكن", "عالم")  # index keys: «للعالم» → عالم
    assert ss.quoted_keys("وصف الحادث بأنه \"مؤسف\" وغادر.") == ()  # one word: a scare quote


def test_a_quote_open_at_a_paragraph_end_runs_on_in_the_next() -> None:
    text = "وقال الوزير: \"سنواصل العمل مع شركائنا\nحتى يعود الهدوء إلى المنطقة\" ثم غادر."
    quotes = ss.quoted_keys(text)
    assert len(quotes) == 2 and quotes[1][0] == "حتي"


def test_one_statement_in_two_reports_shares_a_long_run() -> None:
    one, two, quake = speech(ONE), speech(TWO), speech(QUAKE)
    assert ss.shared_quote_run(one, two) >= 10
    assert ss.quote_in_text(one, two) >= 10
    assert ss.shared_digest_run(one, two) >= 10  # the statement is each digest's quote
    assert ss.shared_quote_run(one, quake) <= 1  # «في» at most
    assert ss.quote_in_text(one, quake) <= 2


def test_a_statement_reported_without_quote_marks_is_found_in_the_text() -> None:
    one, reported = speech(ONE), speech(REPORTED)
    assert ss.quoted_keys(REPORTED[1]) == ()
    assert ss.shared_quote_run(one, reported) == 0
    assert ss.quote_in_text(one, reported) >= 10  # its quote, in the other's prose
    assert ss.shared_statement_run(one, reported) >= 10  # the finder reads the reported clause


def test_the_same_speaker_is_shared_a_different_one_is_not() -> None:
    one, two, quake = speech(ONE), speech(TWO), speech(QUAKE)
    assert "كوسكينن" in one.speakers and "كوسكينن" in two.speakers
    assert ss.shared_speakers(one, two) >= 1
    assert ss.shared_people(one, two) >= 2  # ماتي كوسكينن, named in both texts
    assert ss.shared_speakers(one, quake) == 0
    assert ss.shared_people(one, quake) == 0
    assert ss.speaker_in_text(one, quake) == 0


def test_a_shared_place_is_a_shared_name_but_not_a_shared_person() -> None:
    one, quake = speech(ONE), speech(QUAKE)
    assert ss.shared_names(one, quake) >= 1  # فالديريا
    assert ss.shared_people(one, quake) == 0


def test_quoted_share_needs_enough_quoted_words() -> None:
    one, two = speech(ONE), speech(TWO)
    assert ss.quoted_share(one, two) == 1.0  # every quoted content word of one is in the other
    assert ss.quoted_share(one, two, min_words=50) == 0.0
    assert ss.quoted_share(one, speech(QUAKE)) < 0.5


def test_without_the_finder_no_speakers_or_statements() -> None:
    plain = ss.speech_of(*ONE, speakers=False)
    assert plain.quotes == speech(ONE).quotes
    assert plain.speakers == frozenset() and plain.statements == () and plain.digest == ()
    assert ss.shared_speakers(plain, speech(TWO)) == 0


def _brute_run(a: list[str], b: list[str]) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            n = 0
            while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
                n += 1
            best = max(best, n)
    return best


words = st.lists(st.sampled_from(["و", "قال", "ان", "في", "غزه", "سلام"]), max_size=14)


@given(words, words)
def test_longest_run_is_the_longest_common_substring(a: list[str], b: list[str]) -> None:
    assert ss.longest_run(a, b) == _brute_run(a, b) == ss.longest_run(b, a)


@given(words, st.integers(0, 14), st.integers(0, 14))
def test_a_slice_runs_its_whole_length(a: list[str], i: int, j: int) -> None:
    part = a[min(i, j):max(i, j)]
    assert ss.longest_run(part, a) == len(part)


def _fit_script() -> ModuleType:
    from benchkit import load_benchmark

    return load_benchmark("fit_story_pairs", "bench_fit_story_pairs")


def test_the_fitting_script_adds_the_extra_features_and_counts_the_override(
        capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/fit_story_pairs.py --extra on constructed reports: the named features are
    added to each row, and the below-floor override counts pairs sharing a quote by label."""
    from digests import story_model

    fit = _fit_script()
    docs = {name: {"title": t, "text": x}
            for name, (t, x) in {"one": ONE, "two": TWO, "reported": REPORTED,
                                 "quake": QUAKE}.items()}
    low = story_model.features(0.2, 3.0, -0.1, 0.3, 0.2, False, False, False, 0.2, 1)
    rows = [{"same": True, "fold": "holdout2", "a": "one", "b": "reported", "x": low},
            {"same": False, "fold": "holdout3", "a": "one", "b": "quake", "x": low},
            {"same": True, "fold": "holdout2", "a": "one", "b": "two", "x": {**low, "sim": 0.6}}]
    speech = fit.speeches(rows, docs)
    extra = fit.with_extra(rows, ["qtext", "spk", "qlong"], speech)
    assert set(extra[0]["x"]) == {*story_model.FEATURES, "qtext", "spk", "qlong"}
    assert extra[0]["x"]["qlong"] == 1.0 and extra[1]["x"]["qlong"] == 0.0
    assert extra[1]["x"]["spk"] == 0.0 < extra[2]["x"]["spk"]
    fit.below_floor(rows, speech, runs=(6,))
    out = capsys.readouterr().out
    assert "2 labelled pairs (1 same)" in out  # the third pair is above the floor
    assert "quote run >=  6 words: 1 pairs, 1 same / 0 different" in out
