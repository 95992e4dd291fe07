"""digests.responses: what an answer's status and headers mean, and what no page looks like."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.errors import PermanentFetchError, TemporaryFetchError
from digests.responses import (
    fetch_result,
    non_page_kind,
    parse_max_age,
    parse_retry_after,
    refuse_non_page,
    sniff_media,
)


def test_header_parsers() -> None:
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after("nonsense") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:30:00 GMT",
                             datetime(2015, 10, 21, 7, 28, tzinfo=UTC)) == 120.0
    assert parse_retry_after(None) is None
    assert parse_max_age("max-age=60, must-revalidate") == 60.0
    assert parse_max_age("s-maxage=10") is None or parse_max_age("s-maxage=10") == 10.0
    assert parse_max_age("no-store") == 0.0
    assert parse_max_age(None) is None


def test_a_2xx_is_a_result_and_a_304_one_without_a_body() -> None:
    headers = {"etag": '"v1"', "cache-control": "max-age=90"}
    done = fetch_result("http://a.example/f", "http://b.example/f", 200, headers, b"<rss/>")
    assert (done.final_url, done.body, done.not_modified, done.max_age, done.etag) == (
        "http://b.example/f", b"<rss/>", False, 90.0, '"v1"')
    same = fetch_result("http://a.example/f", "http://a.example/f", 304, headers, b"ignored")
    assert same.not_modified and same.body == b"" and same.status == 304


def test_a_status_error_names_the_final_host_and_keeps_retry_after() -> None:
    # an HTTP date in Retry-After counts from the answer's own Date header, not from our clock
    headers = {"retry-after": "Wed, 21 Oct 2015 07:30:00 GMT",
               "date": "Wed, 21 Oct 2015 07:28:00 GMT"}
    with pytest.raises(TemporaryFetchError) as busy:
        fetch_result("http://a.example/f", "http://b.example:8080/f", 503, headers, b"")
    assert busy.value.retry_after == 120.0 and busy.value.status == 503
    assert busy.value.why is not None
    assert (busy.value.why.kind, busy.value.why.host) == ("server_error", "b.example:8080")
    with pytest.raises(PermanentFetchError) as gone:
        fetch_result("http://a.example/f", "http://a.example/f", 410, {}, b"")
    assert "HTTP 410 / HTTP 410: http://a.example/f" in str(gone.value)
    assert gone.value.why is not None and gone.value.why.kind == "http_status"


def test_non_page_kind_reads_the_media_type_only() -> None:
    assert non_page_kind("IMAGE/JPEG") == "image"
    assert non_page_kind("application/pdf; charset=binary") == "pdf"
    for page in ("text/html; charset=utf-8", "", "application/xhtml+xml", "text/plain",
                 "application/octet-stream", "application/json"):
        assert non_page_kind(page) is None, page


def test_refuse_non_page_words_what_the_link_is() -> None:
    refuse_non_page("http://a.example/x", "text/html; charset=utf-8")  # a page: no error
    with pytest.raises(PermanentFetchError) as info:
        refuse_non_page("http://a.example/x", "application/pdf; charset=binary")
    assert "الرابط ملف PDF وليس صفحة خبر (application/pdf)" in str(info.value)
    assert info.value.status is None  # not a 404/410: the page is not taken for gone


@pytest.mark.parametrize("head, media", [
    (b"%PDF-1.4\n", "application/pdf"), (b"\x89PNG\r\n\x1a\n\0\0", "image/png"),
    (b"GIF89a..", "image/gif"), (b"\xff\xd8\xff\xe0", "image/jpeg"), (b"ID3\x04", "audio/mpeg"),
    (b"RIFF\0\0\0\0WEBPVP8 ", "image/webp"), (b"\0\0\0\x18ftypmp42", "video/mp4"),
    (b"<!doctype html>", ""), (b"\xef\xbb\xbf<html>", ""), (b"", ""), (b"RIFF\0\0\0\0XXXX", "")])
def test_sniff_media_knows_files_by_their_first_bytes(head: bytes, media: str) -> None:
    assert sniff_media(head) == media
