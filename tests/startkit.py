"""A start-up refusal as PTB raises it, for the tests of bot.startup's exit codes and lines.

bot.startup tells the webhook request's «Bad Request» from another call's by the function that
raised it (PTB's Bot.set_webhook, Bot.get_me, …); test_x128_start_status and
test_x131_start_line each wrote this helper, this is the one both use.
"""

from __future__ import annotations

from telegram.error import BadRequest


def raised_in(name: str, message: str) -> BadRequest:
    """A BadRequest raised inside a function called `name` (as PTB's Bot.<name> raises it)."""
    def call() -> None:
        raise BadRequest(message)

    call.__code__ = call.__code__.replace(co_name=name)
    try:
        call()
    except BadRequest as exc:
        return exc
    raise AssertionError("not raised")
