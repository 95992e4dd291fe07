"""The exception tree of Nashra, named for the caller's decision.

Third-party errors (httpx, feedparser, sqlite3, PTB) are wrapped at the boundary into one of these,
so callers decide on our terms: retry later, give up on this source, tell the user.
"""

from __future__ import annotations


class NashraError(Exception):
    """Base of every error Nashra raises on purpose."""


class ConfigError(NashraError):
    """A setting is missing or malformed: fix the configuration and restart."""


class SourceError(NashraError):
    """A source cannot be used as given (bad URL, private address refused): tell the operator."""


class FetchError(NashraError):
    """A fetch failed. `retry_after` (seconds) is the least wait before trying again can help:
    the server's Retry-After, or our own floor for a failure that does not heal in minutes (an
    invalid certificate); None when the usual backoff applies."""

    def __init__(self, message: str, *, url: str = "", status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(message)
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
                 retry_after: float | None = None) -> None:
        super().__init__(message, url=url, retry_after=retry_after)
        self.host = host
        self.reason = reason


class ParseError(NashraError):
    """Bytes we fetched could not be understood as a feed or a page."""


class StorageError(NashraError):
    """The database refused a change (schema, integrity); the change was rolled back."""


class QueryError(NashraError):
    """A search query has nothing searchable in it (only stop-words or punctuation)."""
