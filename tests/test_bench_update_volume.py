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
                " headline text, body text, summary text, published_at text, fetched_at text)")
    con.executemany("insert into articles values (?, ?, ?, '', ?, '', ?, ?)", [
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
