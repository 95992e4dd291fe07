"""FL (session 20): PTB's getUpdates failing in the very loop turn the bot stops is one WARNING,
not asyncio's «Task exception was never retrieved» ERROR with a traceback.

PTB's retry loop (telegram.ext._utils.networkloop) waits for its getUpdates task or the stop,
whichever ends first; when both end in one turn it returns on the stop and never reads the
call's error, which asyncio then logs as an ERROR. test_app_edges' «502 at stop is one warning»
failed so on a loaded host (1 of 1 loaded runs). Here the record goes through asyncio's own
exception handler, as the garbage-collected task's does.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

import pytest
from telegram.error import NetworkError

from bot import api_noise


async def _polling_action_cb() -> None:  # named as PTB's one getUpdates task
    raise NetworkError("Bad Gateway")


async def _other() -> None:
    raise NetworkError("Bad Gateway")


async def _never_read(coro: Coroutine[Any, Any, None],
                      caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """What asyncio logs for a task that failed and whose error nobody read."""
    task = asyncio.get_running_loop().create_task(coro)
    await asyncio.gather(task, return_exceptions=True)
    caplog.clear()
    asyncio.get_running_loop().call_exception_handler(
        {"message": "Task exception was never retrieved", "exception": task.exception(),
         "future": task})
    return [r for r in caplog.records if r.name == "asyncio"]


async def test_ptbs_getupdates_failing_as_it_stops_is_one_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    api_noise.install()
    caplog.set_level(logging.WARNING)
    [record] = await _never_read(_polling_action_cb(), caplog)
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert "getUpdates" in record.getMessage() and "NetworkError: Bad Gateway" in record.getMessage()
    # any other task's unread error is left an ERROR, with its traceback
    [other] = await _never_read(_other(), caplog)
    assert other.levelno == logging.ERROR and other.exc_info is not None
