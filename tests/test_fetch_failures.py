"""digests.fetch_failures: the host an admin is told and the words of a failed fetch."""

from __future__ import annotations

import socket
import ssl

import httpx
import pytest

from digests.fetch_failures import (
    certificate_failure,
    connection_reason,
    host_of,
    host_problem,
    size_text,
    too_big,
)

# hosts no request can be built for (QA14 F1): a bad IDNA label, an empty one, a broken IPv6
# literal, a label over 63 characters
MALFORMED = ["http://xn--zz/y", "http://xn--/x", "http://[::1/", f"http://{'a' * 64}.com/feed"]


def test_host_of_keeps_only_host_and_a_non_default_port() -> None:
    assert host_of("https://user:pw@news.example/feed?key=1") == "news.example"
    assert host_of("https://news.example:443/feed") == "news.example"
    assert host_of("http://news.example:8080/feed") == "news.example:8080"
    assert host_of("http://news.example:bad/feed") == "news.example"


def test_host_problem_names_only_hosts_no_request_can_be_built_for() -> None:
    for url in MALFORMED:
        assert host_problem(url), url
    for url in ("http://example.com/a", "http://[::1]:8080/x", "https://مثال.test/خبر",
                "http://127.0.0.1:9/x", f"http://{'a' * 63}.com/"):
        assert host_problem(url) is None, url


@pytest.mark.parametrize("size, arabic, english", [
    (4 * 1024 * 1024, "٤ ميغابايت", "4 MB"), (10 * 1024 * 1024, "١٠ ميغابايت", "10 MB"),
    (1536, "١٫٥ كيلوبايت", "1.5 KB"), (900, "٩٠٠ بايت", "900 bytes"),
    (5_000_000, "٤٫٨ ميغابايت", "4.8 MB")])
def test_size_text_says_sizes_as_a_reader_does(size: int, arabic: str, english: str) -> None:
    assert size_text(size) == (arabic, english)


def test_too_big_names_the_cap_as_a_reader_says_it() -> None:
    error = too_big("http://a.example:8080/feed", 4 * 1024 * 1024, 200)
    assert str(error) == ("حجم الاستجابة يتجاوز الحد (٤ ميغابايت) / response body over the 4 MB"
                          " cap: http://a.example:8080/feed")
    assert error.status == 200 and error.why is not None
    assert (error.why.kind, error.why.host, error.why.detail) == (
        "too_big", "a.example:8080", str(4 * 1024 * 1024))


def _wrapped(cause: BaseException) -> httpx.ConnectError:
    """`cause` behind two layers, as httpx raises it (httpx ← httpcore ← the OS or ssl)."""
    try:
        try:
            raise cause
        except BaseException as inner:
            raise OSError("httpcore") from inner
    except OSError as middle:
        error = httpx.ConnectError("failed")
        error.__cause__ = middle
        return error


def test_the_reason_of_a_connection_is_read_behind_the_errors_that_wrap_it() -> None:
    url = "https://news.example:8443/feed"
    assert connection_reason(url, _wrapped(ConnectionRefusedError())).kind == "refused"
    unknown = connection_reason(url, _wrapped(socket.gaierror(-2, "Name or service not known")))
    assert (unknown.kind, unknown.host) == ("unknown_host", "news.example:8443")
    assert connection_reason(url, _wrapped(TimeoutError())).kind == "connect"
    looped = httpx.ConnectError("failed")
    looped.__context__ = looped  # a cycle is walked once, not forever
    assert connection_reason(url, looped).kind == "connect"
    assert certificate_failure(looped) is None


def test_a_certificate_failure_is_found_behind_the_errors_that_wrap_it() -> None:
    failure = ssl.SSLCertVerificationError(1, "certificate verify failed")
    assert certificate_failure(_wrapped(failure)) is failure
    assert certificate_failure(failure) is failure
    assert certificate_failure(_wrapped(ConnectionRefusedError())) is None
