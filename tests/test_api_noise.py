"""bot.api_noise: the Bot API's bad moments are WARNING lines, not ERROR tracebacks (QA14 F4, F6)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from telegram.error import NetworkError

from bot.api_noise import NotJsonFilter, PollingTrouble


def test_an_invalid_json_record_becomes_one_short_warning() -> None:
    try:
        raise ValueError("Expecting value: line 1 column 1")
    except ValueError:
        import sys

        exc_info = sys.exc_info()
    record = logging.LogRecord("telegram.request.BaseRequest", logging.ERROR, __file__, 1,
                               'Can not load invalid JSON data: "%s"',
                               ("<html>" + "x" * 5000 + "</html>",), exc_info)
    assert NotJsonFilter().filter(record)
    assert record.levelno == logging.WARNING and record.exc_info is None
    message = record.getMessage()
    assert message.startswith("Bot API answered something that is not JSON: <html>xxx")
    assert len(message) < 200 and message.endswith("…")
    other = logging.LogRecord("telegram.request.BaseRequest", logging.ERROR, __file__, 1,
                              "something else", (), None)
    assert NotJsonFilter().filter(other) and other.levelno == logging.ERROR


def test_polling_trouble_is_reported_once_a_minute(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    trouble = PollingTrouble(every=60.0, clock=lambda: now[0])
    with caplog.at_level(logging.WARNING, logger="bot.api_noise"):
        said = []
        for t in (0.0, 5.0, 30.0, 59.0, 61.0, 62.0, 125.0):
            now[0] = t
            said.append(trouble.report(NetworkError("Bad Gateway")))
    assert said == [True, False, False, False, True, False, True]
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.api_noise"]
    assert len(lines) == 3 and "(4 time(s)" in lines[1] and "Bad Gateway" in lines[1]
    assert all(r.exc_info is None for r in caplog.records)


async def test_a_bot_api_answering_502_to_polls_logs_warnings_not_tracebacks(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """QA14 F6: every long poll answered 502 logged two ERROR tracebacks; now at most one
    WARNING a minute, and the bot answers as soon as the API is back."""
    async with running_bot(sample_db(tmp_path)) as h:
        with caplog.at_level(logging.WARNING):
            h.emu.fail_next(3, 502, "Bad Gateway", methods=["getUpdates"])
            await h.until(lambda: h.emu.counters["error:502"] >= 3, 30)
            [m] = await h.say(READER, "/help", timeout=20)
        assert "/subscribe" in m.plain_text
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
    warned = [r for r in caplog.records if "while polling" in r.getMessage()]
    assert 1 <= len(warned) <= 2 and all(r.exc_info is None for r in warned)


def test_the_senders_planning_keeps_the_database_fault_filter() -> None:
    """bot.delivery_plan logged as bot.sender until it took its own name (QA73-15): its
    re-check's database faults still become the one WARNING a minute, not a traceback."""
    from bot import api_noise, delivery_plan

    api_noise.install()
    assert any(isinstance(f, api_noise.DbFaultFilter) for f in delivery_plan.log.filters)
