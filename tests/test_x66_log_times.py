"""QA43 C6: the log's line times are UTC and say so, whatever TZ the process runs under."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from digests.logs import setup_logging


@pytest.fixture
def riyadh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Riyadh")
    time.tzset()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for h in list(root.handlers):
        root.removeHandler(h)
    for h in handlers:
        root.addHandler(h)
    root.setLevel(level)
    monkeypatch.delenv("TZ")
    time.tzset()


def test_a_line_under_tz_riyadh_carries_utc_time_with_z(riyadh: None) -> None:
    assert time.localtime(0).tm_gmtoff == 3 * 3600  # the zone really is in force
    setup_logging("INFO")
    handler = logging.getLogger().handlers[-1]
    when = datetime(2026, 12, 1, 4, 55, 7, 250000, tzinfo=timezone.utc)
    record = logging.LogRecord("bot.app", logging.WARNING, __file__, 1, "x=%s", ("y",), None)
    record.created = when.timestamp()
    record.msecs = 250.0
    line = handler.format(record)
    assert line.startswith("2026-12-01 04:55:07.250Z WARNING bot.app x=y"), line
    assert os.environ["TZ"] == "Asia/Riyadh"
