"""Tests of digests.event_time: the days a headline and lead refer to, from constructed text."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digests import event_time as et

MONDAY = datetime(2018, 3, 19, 10, 0, tzinfo=timezone.utc)  # Monday 19 March 2018, 13:00 at UTC+3


def days(text: str, published: datetime = MONDAY) -> list[date]:
    return [r.first for r in et.references(text, published)]


def test_local_day_moves_a_late_evening_report_to_the_next_day() -> None:
    assert et.local_day(datetime(2018, 3, 19, 20, 59, tzinfo=timezone.utc)) == date(2018, 3, 19)
    assert et.local_day(datetime(2018, 3, 19, 21, 30, tzinfo=timezone.utc)) == date(2018, 3, 20)
    # a naive time is read as UTC
    assert et.local_day(datetime(2018, 3, 19, 21, 30)) == date(2018, 3, 20)


def test_weekday_of_a_preview_is_the_coming_day() -> None:
    assert days("ترامب يستقبل ولي العهد السعودي الثلاثاء") == [date(2018, 3, 20)]
    assert days("القمة المرتقبة يوم الأربعاء في بكين") == [date(2018, 3, 21)]


def test_weekday_of_a_past_event_is_the_last_one() -> None:
    assert days("قتلى في غارات على الغوطة مساء السبت") == [date(2018, 3, 17)]
    assert days("وقع الانفجار الأحد") == [date(2018, 3, 18)]


def test_tense_cues_decide_which_side() -> None:
    # Thursday is three days ahead and four behind: a future cue, a past cue, or the nearer.
    assert days("من المقرر أن يعقد المجلس جلسة الخميس") == [date(2018, 3, 22)]
    assert days("عقد المجلس جلسة الخميس الماضي") == [date(2018, 3, 15)]
    assert days("جلسة الخميس") == [date(2018, 3, 22)]
    # Friday: four ahead, three behind; nearer is the past one.
    assert days("صلاة الجمعة") == [date(2018, 3, 16)]
    assert days("سيلتقي الوزير نظيره الجمعة") == [date(2018, 3, 23)]


def test_same_weekday_is_today_unless_next_or_last_week() -> None:
    assert days("اجتماع الاثنين") == [date(2018, 3, 19)]
    assert days("اجتماع الاثنين المقبل") == [date(2018, 3, 26)]
    assert days("اجتماع الاثنين الماضي") == [date(2018, 3, 12)]


def test_relative_words() -> None:
    assert days("قال أمس إن") == [date(2018, 3, 18)]
    assert days("وبالأمس أعلنت") == [date(2018, 3, 18)]
    assert days("أول أمس") == [date(2018, 3, 17)]
    assert days("المباراة غدًا") == [date(2018, 3, 20)]
    assert days("بعد غد") == [date(2018, 3, 21)]
    assert days("مباراة الليلة") == [date(2018, 3, 19)]
    assert days("اليوم الاثنين") == [date(2018, 3, 19)]  # one day named twice: kept once


def test_weeks_are_ranges() -> None:
    (ref,) = et.references("الاجتماع الأسبوع المقبل", MONDAY)
    assert (ref.first, ref.last) == (date(2018, 3, 26), date(2018, 4, 1))
    (ref,) = et.references("في الأسبوع الماضي", MONDAY)
    assert (ref.first, ref.last) == (date(2018, 3, 12), date(2018, 3, 18))
    assert ref.covers(date(2018, 3, 19), slack=1) and not ref.covers(date(2018, 3, 20), slack=1)
    for text in ("هذا الأسبوع", "الأسبوع الجاري"):
        (ref,) = et.references(text, MONDAY)
        assert (ref.first, ref.last) == (date(2018, 3, 19), date(2018, 3, 25))


def test_explicit_dates() -> None:
    assert days("يوم 20 مارس") == [date(2018, 3, 20)]
    assert days("في 20 آذار/مارس 2018") == [date(2018, 3, 20)]
    assert days("في 20 آذار/مارس 2016") == [date(2016, 3, 20)]  # a written year is kept
    assert days("20 مارس 2017 و20 مارس الماضي") == [date(2017, 3, 20), date(2018, 3, 20)]
    assert days("في ٢٠ مارس") == [date(2018, 3, 20)]  # Arabic-Indic digits
    # No year: the one nearest the publication (a January report on «28 ديسمبر»).
    assert days("منذ حادث 28 ديسمبر", datetime(2018, 1, 3, tzinfo=timezone.utc)) == [
        date(2017, 12, 28)]
    assert days("في 3 كانون الثاني") == [date(2018, 1, 3)]
    assert days("31 فبراير") == []  # no such day


def test_spans_and_non_days_are_not_read() -> None:
    assert days("منذ الأحد") == []
    assert days("حتى الخميس") == []
    assert days("الفرق بين الاثنين كبير") == []
    assert days("قتل 40 شخصا") == []  # a number, no month
    assert days("ولي العهد يصل إلى واشنطن") == []


def test_occasions() -> None:
    assert et.occasions("القمة والاجتماع وزيارة ولي العهد") == frozenset({"قمه", "اجتماع", "زياره"})
    assert et.occasions("وللمباراة") == frozenset({"مباراه"})
    assert et.occasions("ارتفاع أسعار النفط") == frozenset()


def _time(title: str, published: datetime) -> et.EventTime:
    return et.event_time(title, "", published)


def test_a_preview_announces_the_report_of_the_next_day() -> None:
    preview = _time("ترامب يستقبل ولي العهد السعودي الثلاثاء", MONDAY)
    event = _time("ولي العهد يصل إلى البيت الأبيض", MONDAY + timedelta(days=1))
    assert et.announces(preview, event) and et.announces(event, preview)
    later = _time("ولي العهد في نيويورك", MONDAY + timedelta(days=2))
    assert not et.announces(preview, later)
    assert et.announces(preview, later, slack=1)


def test_previews_look_forward_only() -> None:
    preview = _time("ترامب يستقبل ولي العهد السعودي الثلاثاء", MONDAY)
    event = _time("ولي العهد في البيت الأبيض", MONDAY + timedelta(days=1))
    assert et.previews(preview, event) and et.previews(event, preview)
    assert not et.looks_back(preview, event)
    # the day after names the day before: a look back, not a preview
    attack = _time("هجوم بسيارة قرب جنين", MONDAY)
    arrests = _time("اعتقال أقارب منفذ هجوم أمس", MONDAY + timedelta(days=1))
    assert et.looks_back(attack, arrests) and et.looks_back(arrests, attack)
    assert not et.previews(attack, arrests)
    assert et.announces(attack, arrests)  # announces() takes either direction
    # a preview of two days ahead reaches the report of the next day only with slack
    ahead = _time("القمة الأربعاء", MONDAY)
    assert not et.previews(ahead, event) and et.previews(ahead, event, slack=1)


def test_a_report_of_today_announces_nothing() -> None:
    a = _time("ترامب يستقبل ولي العهد اليوم", MONDAY)
    b = _time("ولي العهد في البيت الأبيض", MONDAY)
    assert not et.announces(a, b)
    assert et.same_day(a, _time("اجتماع اليوم", MONDAY))
    assert not et.same_day(a, _time("اجتماع اليوم", MONDAY), other_only=True)


def test_same_day_named_by_two_reports() -> None:
    a = _time("مؤتمر صحفي للرئيس الثلاثاء", MONDAY)
    b = _time("الرئيس يتحدث في مؤتمر صحفي اليوم", MONDAY + timedelta(days=1))
    assert et.same_day(a, b, other_only=True)
    assert et.shared_occasion(a, b)
    c = _time("مباراة الأربعاء", MONDAY)
    assert not et.same_day(a, c) and not et.shared_occasion(a, c)


_WORDS = st.sampled_from(["ترامب", "يستقبل", "الثلاثاء", "غدا", "أمس", "اليوم", "الأسبوع",
                          "المقبل", "الماضي", "منذ", "20", "مارس", "2018", "قمة", "في", "الأحد",
                          "سيلتقي", "بين", "الاثنين", "و", "٣", "كانون", "الثاني"])
_WHEN = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 12, 31),
                     timezones=st.just(timezone.utc))


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=14), _WHEN)
def test_references_depend_only_on_text_and_time(words: list[str], when: datetime) -> None:
    text = " ".join(words)
    first = et.event_time(text, "", when)
    assert et.event_time(text, "", when) == first
    # the same instant written in another zone is the same publication
    assert et.event_time(text, "", when.astimezone(timezone(timedelta(hours=-5)))) == first
    for ref in first.references:
        assert ref.first <= ref.last
        # a weekday, a relative word or a week lies within a fortnight, a date written without
        # its year within half a year (only a written year reaches further)
        if not any(w.isdigit() and len(w) == 4 for w in ref.cue.split()):
            assert abs((ref.first - first.published).days) <= 184


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=10), st.lists(_WORDS, max_size=10), _WHEN,
       st.integers(min_value=-72, max_value=72))
def test_pair_relations_are_symmetric(one: list[str], two: list[str], when: datetime,
                                      hours: int) -> None:
    a = _time(" ".join(one), when)
    b = _time(" ".join(two), when + timedelta(hours=hours))
    assert et.announces(a, b) == et.announces(b, a)
    assert et.announces(a, b, 1) == et.announces(b, a, 1)
    assert et.same_day(a, b) == et.same_day(b, a)
    assert et.same_day(a, b, other_only=True) == et.same_day(b, a, other_only=True)
    assert et.shared_occasion(a, b) == et.shared_occasion(b, a)
    assert et.previews(a, b, 1) == et.previews(b, a, 1)
    assert et.looks_back(a, b) == et.looks_back(b, a)
    assert not et.announces(a, b) or et.announces(a, b, 1)  # slack only widens
    # a preview or a look back of the other's own day is an announcement of it
    assert not (et.previews(a, b) or et.looks_back(a, b)) or et.announces(a, b)


def test_the_fitting_script_adds_time_features_and_counts_the_override(
        capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/fit_story_pairs.py --extra with time features on constructed reports: a preview
    and the next day's report fire `fwd` and `ann`, the wide text («…w») reads past the first
    sentence, "repgap" replaces the model's day_gap, and the override counts by label."""
    from benchkit import load_benchmark

    from digests import story_model

    fit = load_benchmark("fit_story_pairs", "bench_fit_story_pairs")
    docs = {
        "preview": {"title": "الرئيس يستقبل نظيره الفالديري", "published": "2018-03-19T08:00:00Z",
                    "text": "يستقبل الرئيس نظيره الفالديري في العاصمة. وتعقد القمة الثلاثاء."},
        "summit": {"title": "قمة بين الرئيسين في العاصمة", "published": "2018-03-20T09:00:00Z",
                   "text": "التقى الرئيس نظيره الفالديري اليوم في العاصمة."},
        "quake": {"title": "زلزال في جزيرة", "published": "2018-03-20T10:00:00Z",
                  "text": "ضرب زلزال الجزيرة أمس الاثنين."},
    }
    low = story_model.features(0.2, 25.0, -0.3, 0.3, 0.2, False, False, True, 0.2, 2)
    rows = [{"same": True, "fold": "holdout2", "a": "preview", "b": "summit", "x": low},
            {"same": False, "fold": "holdout3", "a": "preview", "b": "quake", "x": low}]
    when = fit.times(rows, docs)
    timed = fit.with_time(rows, ["fwd", "fwdw", "annw", "back", "occ", "occw", "repgapw"], when)
    first, second = timed[0]["x"], timed[1]["x"]
    assert set(first) == {*story_model.FEATURES, "fwd", "fwdw", "annw", "back", "occ", "occw"}
    # «الثلاثاء» and «القمة» are in the preview's second sentence: only the wide text has them
    assert first["fwd"] == 0.0 and first["fwdw"] == 1.0 and first["annw"] == 1.0
    assert first["occ"] == 0.0 and first["occw"] == 1.0
    assert first["day_gap"] == 0.0  # a preview of the other's day is no day gap
    # the quake's «أمس الاثنين» is the preview's day: a look back; and the quake is published on
    # the day the preview names: a time feature alone cannot tell it from the summit
    assert second["back"] == 1.0 and second["fwdw"] == 1.0 and second["occw"] == 0.0
    fit.time_below_floor(rows, when)
    out = capsys.readouterr().out
    assert "2 labelled pairs (1 same)" in out
    assert "fwdw      2 pairs, 1 same / 1 different" in out
