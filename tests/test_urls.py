"""URL normalization (the url_key column) and the content hash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digests.urls import absolute_url, content_hash, is_http_url, url_key


def test_tracking_parameters_fragment_host_case_and_default_port_are_dropped() -> None:
    assert url_key("HTTPS://Www.Example.COM:443/news/1?utm_source=tw&utm_medium=x&fbclid=abc"
                   "&gclid=z&id=7#comments") == "https://www.example.com/news/1?id=7"
    assert url_key("http://example.com:80/a") == "http://example.com/a"
    assert url_key("http://example.com:8080/a") == "http://example.com:8080/a"


def test_query_order_and_percent_encoding_do_not_matter() -> None:
    assert url_key("https://x.com/p?b=2&a=1") == url_key("https://x.com/p?a=1&b=2")
    assert url_key("https://x.com/أخبار/الغوطة") == url_key(
        "https://x.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%A7%D9%84%D8%BA%D9%88%D8%B7%D8%A9")


def test_different_articles_keep_different_keys() -> None:
    assert url_key("https://x.com/news/1") != url_key("https://x.com/news/2")
    assert url_key("https://x.com/news?id=1") != url_key("https://x.com/news?id=2")
    assert url_key("https://x.com/news") != url_key("https://y.com/news")


def test_empty_path_becomes_slash() -> None:
    assert url_key("https://x.com") == "https://x.com/"


@given(st.from_regex(r"https?://[A-Za-z0-9.-]{1,20}(:[0-9]{1,5})?(/[A-Za-z0-9%ءاب_.~-]{0,10}){0,3}"
                     r"(\?[a-z_]{1,8}=[A-Za-z0-9%]{0,6}(&[a-z_]{1,8}=[a-z0-9]{0,4}){0,3})?"
                     r"(#[a-z]{0,5})?", fullmatch=True))
def test_url_key_is_idempotent(url: str) -> None:
    once = url_key(url)
    assert url_key(once) == once
    assert "#" not in once
    assert "utm_" not in once


def test_absolute_url_and_http_check() -> None:
    assert absolute_url("/news/1.html", "http://127.0.0.1:8000/feeds/main.xml") == \
        "http://127.0.0.1:8000/news/1.html"
    assert is_http_url("https://x.com/a")
    assert not is_http_url("ftp://x.com/a")
    assert not is_http_url("javascript:alert(1)")
    assert not is_http_url("/relative")


def test_content_hash_ignores_whitespace_differences_only() -> None:
    a = content_hash("عنوان", "فقرة أولى\nفقرة ثانية")
    assert a == content_hash(" عنوان ", "فقرة  أولى \n\nفقرة ثانية")
    assert a != content_hash("عنوان", "فقرة أولى\nفقرة ثالثة")
    assert len(a) == 64


@pytest.mark.parametrize("url", ["http://[oops/x", "http://ok.example:99999/x",
                                 "http://exa mple.com/x", "http://ex<am>ple.com/",
                                 "https://", "http://\x00.com/"])
def test_malformed_links_are_not_http_urls_and_never_raise(url: str) -> None:
    assert not is_http_url(url)
    assert url_key(url_key(url)) == url_key(url)
    assert absolute_url(url, "http://feed.example/rss")  # as written, no exception


def test_an_out_of_range_port_keeps_its_own_key() -> None:
    assert url_key("http://ok.example:99999/x") != url_key("http://ok.example/x")
    assert url_key("http://[oops/x#frag") == "http://[oops/x"


def test_a_url_without_a_host_keys_as_written_and_stays_stable() -> None:
    # Found by Hypothesis: "http://.//" once keyed to "http://", which keyed to "http:///".
    for url in ("http://.//", "http:///a", "https://./x#frag", "http://..:80/"):
        once = url_key(url)
        assert url_key(once) == once and "#" not in once
