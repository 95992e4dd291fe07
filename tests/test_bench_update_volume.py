"""Smoke test of benchmarks/update_volume.py (X114, QA71-2) on a tiny story table."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from benchkit import load_benchmark

from test_x114_lead_tolls import FIRST, FIRST_LEAD, LATER, LATER_LEAD


def test_the_lead_rule_adds_the_lead_toll_and_not_a_retelling(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "ranked.db"
    con = sqlite3.connect(db)
    con.execute("create table articles (id integer primary key, story_id integer, title text,"
                " headline text, body text, summary text, published_at text, fetched_at text,"
                " url text default 'https://a.test/1', source_id integer default 1)")
    con.executemany("insert into articles (id, story_id, title, headline, body, summary,"
                    " published_at, fetched_at) values (?, ?, ?, '', ?, '', ?, ?)", [
        (1, 7, FIRST, FIRST_LEAD, "2018-02-26T19:31:00+00:00", "2018-02-26T19:32:00+00:00"),
        (2, 7, LATER, LATER_LEAD, "2018-02-26T22:32:00+00:00", "2018-02-26T22:33:00+00:00"),
        (3, 7, "قصف على الغوطة", "ارتفعت حصيلة القتلى إلى 28 مدنيا.",
         "2018-02-27T00:10:00+00:00", "2018-02-27T00:11:00+00:00")])
    con.commit()
    con.close()
    module = load_benchmark("update_volume", "bench_update_volume")
    out = module.main(["--db", str(db)])
    assert (out["same_day_before"], out["same_day_after"], out["lead_only"]) == (0, 1, 1)
    assert "sent only with the lead: 1" in capsys.readouterr().out


def test_another_front_of_a_one_site_story_is_counted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # X126: site a's second front is an update; site b's report of a third place (a story of two
    # sites by then, the next local day, under 18 h) only under the "any" rule
    db = tmp_path / "ranked.db"
    con = sqlite3.connect(db)
    con.execute("create table articles (id integer primary key, story_id integer, title text,"
                " headline text, body text, summary text, published_at text, fetched_at text,"
                " url text, source_id integer)")
    con.executemany("insert into articles values (?, 5, ?, '', 'نص', '', ?, ?, ?, ?)", [
        (1, "معارك عنيفة بالجوف", "2018-02-25T05:26:00+00:00", "2018-02-25T05:27:00+00:00",
         "https://a.test/1", 1),
        (2, "خسائر للحوثيين في صرواح", "2018-02-25T11:43:00+00:00",
         "2018-02-25T11:44:00+00:00", "https://a.test/2", 1),
        (3, "غارات على صعدة", "2018-02-25T22:00:00+00:00", "2018-02-25T22:01:00+00:00",
         "https://b.test/3", 2)])
    con.commit()
    con.close()
    module = load_benchmark("update_volume", "bench_update_volume")
    out = module.main(["--db", str(db)])
    assert (out["fronts_one_site"], out["fronts_any"]) == (1, 2)
    assert "stories changed: 1" in capsys.readouterr().out
