"""digests.logs: the token never printed; PTB's start-up retry tracebacks only at DEBUG."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from digests.logs import setup_logging

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"


@pytest.fixture
def root_logging() -> Iterator[None]:
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)


def _bootstrap_failure() -> None:
    """What PTB's network retry loop logs when it gives up (telegram.ext, ERROR, traceback)."""
    try:
        raise ConnectionError(f"All connection attempts failed for {TOKEN}")
    except ConnectionError:
        logging.getLogger("telegram.ext").exception(
            "%s Failed run number %s of %s. Aborting.",
            "Network Retry Loop (Bootstrap Initialize Application):", 3, 3)


@pytest.mark.usefixtures("root_logging")
def test_ptbs_bootstrap_traceback_is_not_shown_at_info(capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    setup_logging("INFO", TOKEN)
    _bootstrap_failure()
    logging.getLogger("telegram.ext").error("Error while getting Updates: boom")  # not start-up
    err = capsys.readouterr().err
    assert "Bootstrap" not in err and "Traceback" not in err
    assert "ERROR telegram.ext Error while getting Updates: boom" in err


@pytest.mark.usefixtures("root_logging")
def test_at_debug_it_is_kept_as_debug_without_the_token(capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    setup_logging("DEBUG", TOKEN)
    _bootstrap_failure()
    err = capsys.readouterr().err
    assert "DEBUG telegram.ext Network Retry Loop (Bootstrap Initialize Application)" in err
    assert "Traceback" in err and "ConnectionError" in err
    assert TOKEN not in err and "<token>" in err
