"""X131 (REV s26 #6): a search page's fold measures the story window from each entry's own
report. digests.search_events.fold_events took the first report of an entry's group as its own;
where the entry's own report has no stored vector (`read` leaves it out) that was another
report of its story, and the 48 h guard was measured from it: an entry published days from the
one it folded under could fold through a story-mate near it. An entry whose own report is not
read has no time to measure from: it is neither folded nor folded under."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from test_search import NOW
from test_x124_search_events import HOSPITAL, PARIS

from digests.search_events import Report, fold_events, report_of


def _reader(reports: dict[int, Report]) -> Callable[[list[int]], dict[int, Report]]:
    def read(ids: list[int]) -> dict[int, Report]:
        return {i: reports[i] for i in ids if i in reports}
    return read


def test_an_entry_without_its_own_report_is_not_folded_through_a_story_mate() -> None:
    when = NOW - timedelta(hours=1)
    # entry 3's own report (no stored vector) is unknown; its story-mate 4 is the same event
    # as entry 1, the same hour
    read = _reader({1: report_of(*HOSPITAL, when), 4: report_of(*HOSPITAL, when)})
    cands = [(1, 1.0, 11), (3, 1.0, 12)]
    # failed before: {1: (3,)}, the window measured from 4
    assert fold_events(cands, 10, read, members={1: [1], 3: [3, 4]})[1] == {}


def test_nothing_folds_under_an_entry_without_its_own_report() -> None:
    when = NOW - timedelta(hours=1)
    read = _reader({2: report_of(*HOSPITAL, when), 3: report_of(*HOSPITAL, when)})
    cands = [(1, 1.0, 11), (3, 1.0, 12)]
    # failed before: {1: (3,)}, the window measured from 1's story-mate 2
    assert fold_events(cands, 10, read, members={1: [1, 2], 3: [3]})[1] == {}


def test_the_window_is_the_own_reports_when_both_are_read() -> None:
    # the story-mates are near, the entries' own reports 60 h apart: apart; near: one event
    when = NOW - timedelta(hours=1)
    reports = {1: report_of(*HOSPITAL, when - timedelta(hours=60)),
               2: report_of(*HOSPITAL, when), 3: report_of(*HOSPITAL, when)}
    cands = [(1, 1.0, 11), (3, 1.0, 12)]
    assert fold_events(cands, 10, _reader(reports), members={1: [1, 2], 3: [3]})[1] == {}
    reports[1] = report_of(*PARIS, when - timedelta(hours=2))
    kept, under = fold_events(cands, 10, _reader(reports), members={1: [1, 2], 3: [3]})
    assert [c[0] for c in kept] == [1] and under == {1: (3,)}
