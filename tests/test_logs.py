"""digests.logs: the token never printed; PTB's start-up retry tracebacks only at DEBUG."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from digests.logs import setup_logging, strip_credentials, url_for_log, without_bidi_controls

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
    # one line, its error named by kind, no traceback (X91, QA60-7: README «Log lines»)
    assert "Traceback" not in err and "(ConnectionError)" in err
    assert TOKEN not in err


@pytest.mark.usefixtures("root_logging")
def test_the_tokens_secret_half_is_redacted_on_its_own(capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    """QA14 F2: a webhook path holding only the part after the colon is the token too."""
    setup_logging("INFO", TOKEN)
    secret = TOKEN.split(":", 1)[1]
    log = logging.getLogger("bot.app")
    log.info("starting mode=webhook url=%s listen=%s", f"https://example.com:8443/hook/{secret}",
             "0.0.0.0")
    try:
        raise RuntimeError(f"bad path /{secret}/x")
    except RuntimeError:
        log.exception("webhook failed")
    err = capsys.readouterr().err
    assert secret not in err and TOKEN not in err
    assert "url=https://example.com:8443/hook/<token> listen=0.0.0.0" in err
    assert "bad path /<token>/x" in err


@pytest.mark.usefixtures("root_logging")
def test_a_short_or_missing_token_redacts_no_words(capsys: pytest.CaptureFixture[str]) -> None:
    setup_logging("INFO", "12345:abc")
    logging.getLogger("x").info("abc and abcdef stay")
    assert "abc and abcdef stay" in capsys.readouterr().err


def test_url_for_log_keeps_scheme_host_and_port_only() -> None:
    secret = TOKEN.split(":", 1)[1]
    assert url_for_log(f"https://bot.example.org:8443/hook/{secret}?a=1") == \
        "https://bot.example.org:8443"
    assert url_for_log("https://user:pw@bot.example.org/x") == "https://bot.example.org"
    assert url_for_log("http://[::1]:80/x") == "http://[::1]:80"
    assert url_for_log("not a url") == "?"
    assert url_for_log("https://bot.example.org:bad/x") == "https://bot.example.org"


@pytest.mark.usefixtures("root_logging")
def test_a_feeds_bidi_controls_and_a_urls_password_are_not_logged(
        capsys: pytest.CaptureFixture[str]) -> None:
    """QA15 N12: `source named by its feed id=1 name=<b>مصدر</b> & … \u202eلوحة` carried the
    feed's RLO into the operator's terminal; a URL's user:password@ was logged as it was."""
    setup_logging("INFO", TOKEN)
    log = logging.getLogger("digests.sources")
    log.info("source named by its feed id=%s name=%s", 1, "<b>مصدر</b> & \u202eلوحة\u2066x\u2069")
    try:
        raise OSError("cannot reach http://admin:hunter2@feeds.example/rss")
    except OSError:
        log.exception("poll failed url=%s", "https://u:p@news.example/feed?x=a@b")
    err = capsys.readouterr().err
    assert "name='<b>مصدر</b> & لوحةx'" in err  # quoted: it holds spaces (QA30 O8)
    assert not any(ch in err for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "url=https://news.example/feed?x=a@b" in err  # an @ in the query is no user part
    assert "http://feeds.example/rss" in err and "hunter2" not in err  # the traceback too


def test_strip_credentials_keeps_everything_but_the_user_part() -> None:
    assert strip_credentials("a http://u:p@h.example:81/x@y b https://t@h2/") == \
        "a http://h.example:81/x@y b https://h2/"
    assert strip_credentials("mail me@host.example, see http://h/?a=b@c#d@e") == \
        "mail me@host.example, see http://h/?a=b@c#d@e"
    assert without_bidi_controls("\u202eabc\u202c \u200fد") == "abc \u200fد"  # marks stay


def test_throttle_lets_one_line_a_period_through_and_counts_the_rest() -> None:
    from digests.logs import Throttle

    now = [0.0]
    throttle = Throttle(60.0, clock=lambda: now[0])
    assert throttle.due() == 1  # the first occurrence is said at once
    now[0] = 30.0
    assert throttle.due() is None and throttle.due() is None
    now[0] = 61.0
    assert throttle.due() == 3  # the two held back and this one
    now[0] = 100.0
    assert throttle.due() is None
