"""The exception tree of Nashra, named for the caller's decision.

Third-party errors (httpx, feedparser, sqlite3, PTB) are wrapped at the boundary into one of these,
so callers decide on our terms: retry later, give up on this source, tell the user.

An error's message (`str(exc)`) is the full detail for logs and the CLI. What an admin reads in
the bot is its `why`, a Reason: a kind, the host and a short detail, which bot.reasons words in the
admin's own language with what to do. The reason travels with a source's last error
(`Reason.encode` → sources.last_error_reason) so /sources can word it later.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

ReasonKind = Literal[
    "invalid_url",      # not an http(s) link (detail: what was given)
    "unknown_host",     # the host name does not resolve
    "private_address",  # the host is on a private or loopback network (detail: flags, see
    # digests.addresses.private_reason: never, key_on, redirect, declared)
    "refused",          # nothing listens there: connection refused
    "connect",          # the connection failed otherwise (reset, unreachable)
    "no_tls",           # connected, but no TLS handshake (detail: the https hop a redirect gave)
    "closed",           # connected, but the server closed the connection before a whole answer
    "timeout",          # no answer within FETCH_TIMEOUT_SECONDS
    "slow_body",        # an answer whose body did not end within it (detail: the seconds)
    "http_status",      # the site answered 4xx (detail: the status)
    "server_error",     # the site answered 5xx or 429 (detail: the status)
    "bot_wall",         # a bot-protection challenge page (detail: the service, «Cloudflare»)
    "too_big",          # the answer is over MAX_BODY_BYTES
    "feed_too_big",     # a feed over MAX_BODY_BYTES with no whole entry in what was read
    "feed_no_entry",    # over MAX_BODY_BYTES, and not one entry even begun: no feed (QA65-8)
    "tls",              # invalid certificate (detail: expired, self_signed, other_name …)
    "redirects",        # too many redirects
    "bad_encoding",     # a broken compressed body
    "not_feed",         # an answer that is not RSS/Atom/JSON Feed (a web page …)
    "feed_broken",      # a feed with nothing readable in it
    "unreadable_text",  # a feed in no charset Nashra reads (Arabic letters, no Arabic word)
    "slow_feed",        # a feed fetched but not read within its bound (detail: the seconds)
    "duplicate",        # the source is there already (detail: its id)
    "no_source",        # no such (active) source (detail: the id)
    "not_stored",       # articles that could not be stored (detail: how many)
    "other",            # anything else (see the logs)
]


@dataclass(frozen=True)
class Reason:
    """Why something failed, in words-to-be: `kind`, the `host` concerned, a short `detail`."""

    kind: ReasonKind
    host: str = ""
    detail: str = ""

    def encode(self) -> str:
        """A compact text form to store beside the message (see `decode`)."""
        return json.dumps([self.kind, self.host, self.detail], ensure_ascii=False)

    @classmethod
    def decode(cls, text: str | None) -> Reason | None:
        """The Reason `encode` wrote; None for nothing or for text it did not write."""
        if not text:
            return None
        try:
            kind, host, detail = json.loads(text)
        except (ValueError, TypeError):
            return None
        if not all(isinstance(x, str) for x in (kind, host, detail)):
            return None
        return cls(kind, host, detail)


class NashraError(Exception):
    """Base of every error Nashra raises on purpose. `why`, when set, is the Reason the bot
    tells an admin (the message is for logs and the CLI)."""

    def __init__(self, message: str = "", *, why: Reason | None = None) -> None:
        super().__init__(message)
        self.why = why


class ConfigError(NashraError):
    """A setting is missing or malformed: fix the configuration and restart."""


class SourceError(NashraError):
    """A source cannot be used as given (bad URL, private address refused): tell the operator."""


class FetchError(NashraError):
    """A fetch failed. `retry_after` (seconds) is the least wait before trying again can help:
    the server's Retry-After, or our own floor for a failure that does not heal in minutes (an
    invalid certificate); None when the usual backoff applies."""

    def __init__(self, message: str, *, url: str = "", status: int | None = None,
                 retry_after: float | None = None, why: Reason | None = None) -> None:
        super().__init__(message, why=why)
        self.url = url
        self.status = status
        self.retry_after = retry_after


class TemporaryFetchError(FetchError):
    """Worth retrying later with backoff: timeouts, 5xx, 429, connection resets."""


class PermanentFetchError(FetchError):
    """Retrying soon will not help: 4xx other than 429, refused address, body over the cap,
    invalid certificate. The source is not disabled: it backs off like any failing source."""


class CertificateError(PermanentFetchError):
    """The site's TLS certificate failed verification (expired, self-signed, issued for another
    name, unknown authority). The site's operator must fix it; we only check again, rarely.

    `host` is the host (and port) named in the message; `reason` OpenSSL's verify message.
    """

    def __init__(self, message: str, *, host: str, reason: str, url: str = "",
                 retry_after: float | None = None, kind: str = "") -> None:
        super().__init__(message, url=url, retry_after=retry_after,
                         why=Reason("tls", host, kind or "unverified"))
        self.host = host
        self.reason = reason


class ParseError(NashraError):
    """Bytes we fetched could not be understood as a feed or a page."""


class StorageError(NashraError):
    """The database refused a change (schema, integrity); the change was rolled back."""


class QueryError(NashraError):
    """A search query has nothing searchable in it (only stop-words or punctuation)."""
