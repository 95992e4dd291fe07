"""REV (session 24) #8: a failure's reason named an IPv6 host without its brackets, so its port
read as part of the address («::ffff:127.0.0.2:37343»). digests.fetch_failures.host_of, which
every reason's host comes from, keeps the URL's brackets; the reason texts show them."""

from __future__ import annotations

import pytest

from bot.reasons import reason_text
from digests.fetch_failures import connection_reason, host_of


@pytest.mark.parametrize(("url", "host"), [
    ("http://[::ffff:127.0.0.2]:37343/feed", "[::ffff:127.0.0.2]:37343"),
    ("http://[::1]:8080/feed", "[::1]:8080"),  # «::1:8080» is itself an address
    ("https://[2001:db8::1]/feed", "[2001:db8::1]"),
    ("https://[2001:db8::1]:443/feed", "[2001:db8::1]"),  # the scheme's port is not named
    ("http://127.0.0.2:37343/feed", "127.0.0.2:37343"),
    ("https://user:pw@news.example/feed", "news.example"),
])
def test_an_ipv6_host_keeps_its_brackets(url: str, host: str) -> None:
    assert host_of(url) == host


def test_a_refused_ipv6_address_is_told_with_its_brackets() -> None:
    why = connection_reason("http://[::ffff:127.0.0.2]:37343/feed", ConnectionRefusedError())
    assert why.kind == "refused"
    for lang in ("ar", "en"):
        text = reason_text(why, lang)
        assert "[::ffff:127.0.0.2]:37343" in text or "[::ffff:127.0.0.2]:٣٧٣٤٣" in text, text
