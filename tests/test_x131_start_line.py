"""X131 (X128 #5's leftover): a «Bad Request» at start that is not the webhook request's (getMe,
a call a later post_init makes) exits 1 since X128, but its line still said «check WEBHOOK_URL»
(bot.startup.start_failure). It has its own line now (bilingual «start_refused_call»): what
Telegram said, that it was not the webhook's, and that a start again may pass. The bot's run
with getMe answered 400 checks that line in tests/test_x128_start_status.py.
"""

from __future__ import annotations

from telegram.error import BadRequest

from bot.i18n import bilingual
from bot.startup import start_failure
from digests.settings import Settings
from startkit import raised_in

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"


def test_another_calls_refusal_has_its_own_line() -> None:
    s = Settings(telegram_bot_token=TOKEN, webhook_url="https://bot.example/hook")
    for exc in (BadRequest("chat not found"), raised_in("get_me", "Bad Request: try again")):
        line = start_failure(exc, s)
        # failed before: the webhook's line, «… check WEBHOOK_URL and the other settings»
        assert line == bilingual("start_refused_call", message=exc.message)
        assert line is not None and "WEBHOOK_URL" not in line and exc.message in line
        arabic, english = line.split(" / ", 1)
        assert "webhook" in english and "not the webhook" in english
    # the webhook request's refusal keeps its line (exit 2: X120, X128)
    for exc in (BadRequest("bad webhook: Failed to resolve host"),
                raised_in("set_webhook", "can't parse URL")):
        assert start_failure(exc, s) == bilingual("start_refused", message=exc.message)
