"""What the start of the bot takes from the settings, and what it says when the start fails.

`api_urls` turns TELEGRAM_API_BASE_URL into PTB's base URLs, `webhook_options` WEBHOOK_URL into
run_webhook's arguments, and the timeouts say how long a call to Telegram may take and how long
the start tries. `start_failure(exc, settings)` is the one bilingual line `run.py bot` prints on
stderr instead of a traceback when Telegram refused the start, was unreachable or garbled, or the
webhook's port was taken (bot.app.run_bot; the webhook request's refusal and another start-up
call's have a line each), and `start_status(exc)` its exit status;
`token_refusal(settings)` is that line for a token Telegram refuses, asked before the database
is opened.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import secrets
import socket
import traceback
from urllib.parse import urlsplit

from telegram import Bot, Update
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.request import HTTPXRequest

from bot.i18n import bilingual
from digests.logs import url_host
from digests.settings import Settings, listen_error

log = logging.getLogger(__name__)

TOKEN_CHECK_SECONDS = 5.0  # the getMe before the database opens (a silent API: go on)

# A refused token is a configuration error, cli.main's exit status 2: deploy/nashra.service's
# RestartPreventExitStatus=2 leaves it for the operator to fix. As exit 1 a revoked token was
# started again every 30 s for ever (review REV2 #3); a lost network at boot stays 1 (restarted).
# So is the webhook request Telegram refuses («bad webhook: …»: a WEBHOOK_URL it will not call):
# the same settings meet the same refusal at every restart (X120). Only that one (REV s26): a
# 400 to another start-up call (getMe, a call a later post_init makes) may pass, so it exits 1.
CONFIG_STATUS = 2
FAILED_STATUS = 1

# How long a call to Telegram may take to answer (PTB's default is 5 s). A digest Telegram
# answers late was delivered all the same, and a timeout there is "maybe sent": re-sent, a
# duplicate the reader sees (QA12 F5: 12 s answers repeated every message). Long polls are
# timed apart (getUpdates adds its own timeout).
READ_TIMEOUT_SECONDS = 30.0
WRITE_TIMEOUT_SECONDS = 30.0

BOOTSTRAP_RETRIES = 3
# A Bot API that takes the connection and never answers: PTB tries getMe 1 + BOOTSTRAP_RETRIES
# times, each until READ_TIMEOUT_SECONDS, at once after a timeout; then run_bot's clean line.
START_BOUND_SECONDS = (1 + BOOTSTRAP_RETRIES) * READ_TIMEOUT_SECONDS


def api_urls(settings: Settings) -> tuple[str, str]:
    """PTB's `base_url` and `base_file_url` from TELEGRAM_API_BASE_URL.

    "https://api.telegram.org/bot" → files at "https://api.telegram.org/file/bot" (the same rule
    holds for a self-hosted Bot API server and the emulator).
    """
    base = settings.telegram_api_base_url.rstrip("/")
    if base.endswith("/bot"):
        return base, base[: -len("/bot")] + "/file/bot"
    return base, base + "/file"


def webhook_options(settings: Settings) -> dict[str, object]:
    """Arguments of run_webhook/start_webhook for WEBHOOK_URL: PTB serves the URL's path on
    WEBHOOK_LISTEN:WEBHOOK_PORT (TLS usually ends at a reverse proxy in front) and checks a fresh
    random secret token Telegram sends with every update."""
    return {"listen": settings.webhook_listen, "port": settings.webhook_port,
            "url_path": urlsplit(settings.webhook_url).path.lstrip("/"),
            "webhook_url": settings.webhook_url, "secret_token": secrets.token_urlsafe(32),
            "allowed_updates": Update.ALL_TYPES}


def listen_problem(settings: Settings) -> str | None:
    """The configuration error for a WEBHOOK_LISTEN this machine cannot listen on (an address
    it does not have: errno 99), found before the bot starts; None without WEBHOOK_URL or when
    a socket binds there (QA69-1: a 45-line traceback from the webhook server)."""
    if not settings.webhook_url:
        return None
    try:
        found = socket.getaddrinfo(settings.webhook_listen, 0, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = found[0]
        with socket.socket(family, kind, proto) as probe:
            probe.bind(address)  # port 0: any free port, so only the address can fail
    except OSError:
        return listen_error(settings.webhook_listen)
    return None


def token_refusal(settings: Settings, *, seconds: float = TOKEN_CHECK_SECONDS) -> str | None:
    """Ask the Bot API who the token is (getMe) before the database is opened: the line to
    print when Telegram refuses the token, so a wrong token upgrades nothing (QA69-5: the
    database was created, 50 migrations run and the shipped sources added before the refusal,
    the 72nd line). Anything else (no answer within `seconds`, a network error, a garbled
    answer) is None: the start goes on and meets it with its own retries and words."""
    from bot import api_noise  # PTB's tracebacks of a garbled answer → one WARNING (QA14 F4)

    api_noise.install()
    base_url, file_url = api_urls(settings)

    async def ask() -> None:
        request = HTTPXRequest(connect_timeout=seconds, read_timeout=seconds)
        # entering the Bot is initialize(), which asks getMe itself: one call (it was two)
        async with Bot(settings.telegram_bot_token, base_url=base_url, base_file_url=file_url,
                       request=request, get_updates_request=request):
            pass

    try:
        asyncio.run(asyncio.wait_for(ask(), seconds))
    except InvalidToken as exc:
        return start_failure(exc, settings)
    except (TelegramError, OSError, TimeoutError) as exc:
        log.info("token not checked before the start error=%s", type(exc).__name__)
    return None


# PTB's Bot methods the start's bootstrap calls (telegram.ext.Updater._bootstrap): setWebhook
# for a webhook, deleteWebhook before polling
_WEBHOOK_CALLS = frozenset({"set_webhook", "delete_webhook"})


def _webhook_refused(exc: BadRequest) -> bool:
    """Whether Telegram refused the webhook request itself: its refusal names the webhook
    («bad webhook: …»), or it was raised inside that request («can't parse URL»)."""
    if "webhook" in exc.message.lower():
        return True
    return any(frame.f_code.co_name in _WEBHOOK_CALLS
               for frame, _line in traceback.walk_tb(exc.__traceback__))


def start_status(exc: BaseException) -> int:
    """The exit status after the start's line for `exc`: CONFIG_STATUS for a token or a webhook
    request Telegram refuses (retrying the same settings cannot cure it), FAILED_STATUS for the
    rest (a restart may: the network not up yet at boot, a port still held, a server answering
    garbage, another start-up call answered «Bad Request» — REV s26)."""
    if isinstance(exc, InvalidToken) or (isinstance(exc, BadRequest) and _webhook_refused(exc)):
        return CONFIG_STATUS
    return FAILED_STATUS


def start_failure(exc: BaseException, settings: Settings) -> str | None:
    """The line run_bot prints on stderr when the start ended with `exc` (a wrong token or base
    URL, a refused request, a taken port, an unreachable or garbled Bot API), instead of a
    traceback; None for a failure it cannot explain (raised on)."""
    if isinstance(exc, InvalidToken):
        return bilingual("start_token")
    if isinstance(exc, BadRequest):  # a NetworkError in PTB's classes, but Telegram did answer
        # only the webhook request's refusal names WEBHOOK_URL (X131: getMe answered 400 said
        # «check WEBHOOK_URL», a start that had asked no webhook yet)
        key = "start_refused" if _webhook_refused(exc) else "start_refused_call"
        return bilingual(key, message=exc.message)
    if isinstance(exc, OSError):
        if exc.errno == errno.EADDRNOTAVAIL or isinstance(exc, socket.gaierror):
            return listen_error(settings.webhook_listen)  # QA69-1
        if exc.errno != errno.EADDRINUSE:
            return None
        return bilingual("start_port", port=settings.webhook_port, listen=settings.webhook_listen)
    host = url_host(settings.telegram_api_base_url)  # never its user:password@ (QA65-1)
    if isinstance(exc, NetworkError):
        return bilingual("start_unreachable", host=host, error=type(exc).__name__)
    if isinstance(exc, TelegramError):  # QA14 F4: 200 with a body that is not the Bot API's JSON
        return bilingual("start_garbled", host=host, message=exc.message)
    return None
