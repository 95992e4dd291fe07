"""What an HTTP answer means to Nashra: a FetchResult, or the error its status calls for.

digests.fetcher reads the answer (capped, each redirect hop checked); this module decides what it
says. A 2xx is a FetchResult (a 304 one with `not_modified` and an empty body); 408, 425, 429 and
5xx are a TemporaryFetchError, any other status a PermanentFetchError, both with the Retry-After
the site asked for. Cache-Control's max-age travels with the result. An article link that
answers with an image, audio, video or PDF is refused from its Content-Type or its first bytes
(`refuse_non_page`), before its body is read. Pure functions: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from digests.encoding import decode
from digests.errors import PermanentFetchError, Reason, TemporaryFetchError
from digests.fetch_failures import host_of

_TEMPORARY_STATUSES = {408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524}
_MAX_AGE_RE = re.compile(r"(?:^|[,\s])(?:s-)?max-age\s*=\s*\"?(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class FetchResult:
    """A completed fetch. `not_modified` is True for a 304 (then `body` is empty)."""

    url: str
    final_url: str
    status: int
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    not_modified: bool = False
    retry_after: float | None = None
    max_age: float | None = None

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    def text(self) -> str:
        """The body decoded (digests.encoding rules: UTF-8, declarations, then windows-1256)."""
        return decode(self.body, self.headers)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    reference = now or datetime.now(UTC)
    if reference.tzinfo is None:
        reference = reference.replace(tzinfo=UTC)
    return max(0.0, (when - reference).total_seconds())


def parse_max_age(cache_control: str | None) -> float | None:
    """max-age (seconds) of a Cache-Control header; 0 for no-cache/no-store; None if absent."""
    if not cache_control:
        return None
    match = _MAX_AGE_RE.search(cache_control)
    if match:
        return float(match.group(1))
    if re.search(r"no-cache|no-store", cache_control, re.IGNORECASE):
        return 0.0
    return None


def _date_header(headers: Mapping[str, str]) -> datetime | None:
    try:
        when = parsedate_to_datetime(headers["date"]) if "date" in headers else None
    except (TypeError, ValueError, IndexError):
        return None
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when


def fetch_result(url: str, final_url: str, status: int, headers: dict[str, str],
                 body: bytes) -> FetchResult:
    """The result of the final answer to `url` (reached at `final_url`; `headers` with lower-case
    names).

    Raises:
        TemporaryFetchError: 408, 425, 429, 5xx and the like (with `retry_after`).
        PermanentFetchError: any other status that is not 2xx or 304 (a 404/410 included).
    """
    retry_after = parse_retry_after(headers.get("retry-after"), _date_header(headers))
    max_age = parse_max_age(headers.get("cache-control"))
    if status == 304:
        return FetchResult(url, final_url, status, b"", headers, True, retry_after, max_age)
    if 200 <= status < 300:
        return FetchResult(url, final_url, status, body, headers, False, retry_after, max_age)
    wall = bot_wall(status, headers, body)
    if wall is not None:  # retried like any failure, but worded for what it is (QA63-5)
        raise PermanentFetchError(f"حماية من البوتات ({wall}) HTTP {status} / bot protection"
                                  f" ({wall}) HTTP {status}: {url}", url=url, status=status,
                                  retry_after=retry_after,
                                  why=Reason("bot_wall", host_of(final_url), wall))
    if status in _TEMPORARY_STATUSES or status >= 500:
        raise TemporaryFetchError(f"خطأ مؤقت من الخادم HTTP {status} / server error "
                                  f"HTTP {status}: {url}", url=url, status=status,
                                  retry_after=retry_after,
                                  why=Reason("server_error", host_of(final_url),
                                             server_detail(status, retry_after)))
    raise PermanentFetchError(f"رفض الخادم الطلب HTTP {status} / HTTP {status}: {url}",
                              url=url, status=status, retry_after=retry_after,
                              why=Reason("http_status", host_of(final_url), str(status)))


# A bot-protection challenge page: the header that names the service, and the marks of its page
# («Just a moment...», its challenge script). Both are needed: a site behind Cloudflare that
# answers a plain 403 or 503 of its own is that, not a challenge.
_CHALLENGE_MARKS = (b"just a moment", b"challenge-platform", b"cf_chl_", b"cf-chl-",
                    b"attention required! | cloudflare", b"checking your browser")


def bot_wall(status: int, headers: Mapping[str, str], body: bytes) -> str | None:
    """The service whose bot challenge this answer is («Cloudflare»), or None (QA63-5)."""
    if status not in (403, 429, 503):
        return None
    server = headers.get("server", "").lower()
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return "Cloudflare"
    head = body[:16384].lower()
    if ("cloudflare" in server or "cf-ray" in headers) and any(m in head
                                                               for m in _CHALLENGE_MARKS):
        return "Cloudflare"
    return None


def server_detail(status: int, retry_after: float | None) -> str:
    """A server error's Reason detail: the status, and the wait the site asked for in whole
    seconds after a space («503 3600»; bot.reasons tells it, QA63-4)."""
    if retry_after is None or retry_after <= 0:
        return str(status)
    return f"{status} {int(retry_after)}"


def non_page_kind(content_type: str) -> str | None:
    """What a Content-Type says an answer is when it is no article page: "image", "audio",
    "video" or "pdf"; None for anything that may be a page (HTML, text, unknown)."""
    media = content_type.split(";", 1)[0].strip().lower()
    if media == "application/pdf":
        return "pdf"
    kind = media.split("/", 1)[0]
    return kind if kind in {"image", "audio", "video"} else None


# The first bytes of files that are no page, whatever their Content-Type says (QA14 F13: an image
# served as text/html was downloaded and handed to trafilatura).
_MAGIC = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"),
          (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"), (b"\xff\xd8\xff", "image/jpeg"),
          (b"ID3", "audio/mpeg"), (b"OggS", "audio/ogg"), (b"fLaC", "audio/flac"),
          (b"\x1aE\xdf\xa3", "video/webm"))


def sniff_media(head: bytes) -> str:
    """The media type the first bytes of a body show (a PDF, an image, audio, video: see
    _MAGIC, plus RIFF WEBP/WAVE/AVI and ISO «ftyp» video), or "" when they show none."""
    for magic, media in _MAGIC:
        if head.startswith(magic):
            return media
    if head[:4] == b"RIFF" and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/avi"}[head[8:12]]
    if head[4:8] == b"ftyp":
        return "image/avif" if head[8:12] in (b"avif", b"heic") else "video/mp4"
    return ""


_NON_PAGE_WORDS = {"image": ("صورة", "an image"), "audio": ("ملف صوتي", "an audio file"),
                   "video": ("فيديو", "a video"), "pdf": ("ملف PDF", "a PDF file")}


def refuse_non_page(url: str, content_type: str) -> None:
    """PermanentFetchError when an article link answers with an image, audio, video or PDF:
    refused from the headers, so its body (maybe megabytes) is never downloaded (QA14 F13)."""
    kind = non_page_kind(content_type)
    if kind is None:
        return
    arabic, english = _NON_PAGE_WORDS[kind]
    media = content_type.split(";", 1)[0].strip()
    raise PermanentFetchError(f"الرابط {arabic} وليس صفحة خبر ({media}) / the link is {english},"
                              f" not an article page ({media}): {url}",
                              url=url, why=Reason("other", host_of(url), media))
