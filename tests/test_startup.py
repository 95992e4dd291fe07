"""bot.startup.start_failure: the one line a failed start prints, by the failure's kind, in the
order run_bot always checked them (a BadRequest is a NetworkError, an InvalidToken a
TelegramError)."""

from __future__ import annotations

import errno

from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError, TimedOut

from bot.i18n import bilingual
from bot.startup import START_BOUND_SECONDS, api_urls, start_failure, webhook_options
from digests.settings import Settings


def _settings() -> Settings:
    return Settings(telegram_api_base_url="https://api.example:8443/bot",
                    webhook_url="https://bot.example/hook/s3cret", webhook_port=8443,
                    webhook_listen="0.0.0.0")


def test_each_failure_gets_its_own_line() -> None:
    s = _settings()
    assert start_failure(InvalidToken(), s) == bilingual("start_token")
    assert start_failure(BadRequest("Bad webhook: wrong port"), s) == \
        bilingual("start_refused", message="Bad webhook: wrong port")
    assert start_failure(OSError(errno.EADDRINUSE, "in use"), s) == \
        bilingual("start_port", port=8443, listen="0.0.0.0")
    assert start_failure(TimedOut(), s) == \
        bilingual("start_unreachable", host="api.example:8443", error="TimedOut")
    assert start_failure(NetworkError("reset"), s) == \
        bilingual("start_unreachable", host="api.example:8443", error="NetworkError")
    assert start_failure(TelegramError("not JSON"), s) == \
        bilingual("start_garbled", host="api.example:8443", message="not JSON")


def test_a_failure_it_cannot_explain_is_raised_on() -> None:
    s = _settings()
    assert start_failure(OSError(errno.EACCES, "denied"), s) is None
    assert start_failure(ValueError("x"), s) is None


def test_what_the_start_takes_from_the_settings() -> None:
    s = _settings()
    assert api_urls(s) == ("https://api.example:8443/bot", "https://api.example:8443/file/bot")
    options = webhook_options(s)
    assert options["url_path"] == "hook/s3cret" and options["port"] == 8443
    assert options["secret_token"] != webhook_options(s)["secret_token"]  # fresh each start
    assert START_BOUND_SECONDS == 120.0
