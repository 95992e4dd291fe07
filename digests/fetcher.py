"""HTTP fetching for feeds and pages: one shared httpx.AsyncClient, polite and bounded.

Every request has a deadline, a cap on the decompressed body (a gzip bomb stops at the cap), at
most `per_host_concurrency` requests in flight per host, a User-Agent naming the bot, and
conditional GET. Redirects are followed by hand so that each hop is checked again against the
private-address rule (a public feed must not redirect us into the operator's network), and every
connection goes through digests.addresses.GuardedTransport, which connects only to the address it
checked (no DNS rebinding). Errors leave this module only as TemporaryFetchError (try again later)
or PermanentFetchError; an invalid TLS certificate is a CertificateError (a PermanentFetchError
whose `retry_after` keeps the next try CERTIFICATE_RETRY_SECONDS away: the site must act).
An error's message never repeats a URL's `user:password@` part (digests.logs.strip_credentials):
it is stored as a page's or a source's last error and printed by the CLI (QA15 N12).
"""

from __future__ import annotations

import asyncio
import logging
import re
import socket
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx

from digests.addresses import (
    AddressRefused,
    GuardedTransport,
    check_address,
    private_address_message,
)
from digests.encoding import decode
from digests.errors import (
    CertificateError,
    FetchError,
    PermanentFetchError,
    Reason,
    SourceError,
    TemporaryFetchError,
)
from digests.logs import strip_credentials
from digests.settings import Settings

log = logging.getLogger(__name__)

_REDIRECTS = {301, 302, 303, 307, 308}
ADDRESS_CACHE_SECONDS = 300.0
# Where a cached refusal names the URL: each refusal names the URL at hand, not the first one.
_URL_SLOT = "\x00url\x00"
# The body cap of an article page (a feed's is MAX_BODY_BYTES, 10 MB by default, or lower when
# that is set lower). A news page is commonly a few hundred KB of HTML, inline scripts included;
# past 4 MB it is a dump rather than an article, and one 9 MB page cost 0.6 GB of RAM and 22 s
# to read (QA14 F5). The text kept from a page is capped as well (digests.extractor).
PAGE_MAX_BYTES = 4 * 1024 * 1024
ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9,"
          " text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
_TEMPORARY_STATUSES = {408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524}
_MAX_AGE_RE = re.compile(r"(?:^|[,\s])(?:s-)?max-age\s*=\s*\"?(\d+)", re.IGNORECASE)

# An invalid certificate does not heal in minutes: someone at the site must renew or fix it. So
# the next try waits at least this long (the cap of the usual backoff, digests.sources
# MAX_BACKOFF: four checks a day from the first failure instead of after five quick retries).
# The source is not disabled: nothing would tell us when the site is fixed, and a disabled
# source waits for an operator to notice; the admin's /ingest and `ingest --once --all` check
# at once.
CERTIFICATE_RETRY_SECONDS = 6 * 3600.0
# OpenSSL verify codes (X509_V_ERR_*) → the reason in Arabic and English, and its kind (the
# Reason detail the bot words: bot/i18n.py "tls_<kind>").
_CERTIFICATE_REASONS: dict[int, tuple[str, str, str]] = {
    2: ("صادرة عن جهة غير موثوقة", "issued by an unknown authority", "unknown_authority"),
    9: ("لم يبدأ سريانها بعد", "not valid yet", "not_yet_valid"),
    10: ("منتهية الصلاحية", "expired", "expired"),
    18: ("موقّعة ذاتيًا", "self-signed", "self_signed"),
    19: ("في سلسلتها شهادة موقّعة ذاتيًا", "a self-signed certificate in its chain",
         "self_signed"),
    20: ("صادرة عن جهة غير موثوقة", "issued by an unknown authority", "unknown_authority"),
    21: ("صادرة عن جهة غير موثوقة", "issued by an unknown authority", "unknown_authority"),
    23: ("ملغاة", "revoked", "revoked"),
    62: ("صادرة لاسم آخر", "issued for another name", "other_name"),
}


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


class Fetcher:
    """The shared HTTP client. Use as `async with Fetcher(settings) as fetcher:`."""

    def __init__(self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None
                 ) -> None:
        self.settings = settings
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._host_slots: dict[str, asyncio.Semaphore] = {}
        # origin → (expires, refusal message with _URL_SLOT for the URL; "" when allowed)
        self._address_verdicts: dict[str, tuple[float, str]] = {}

    async def __aenter__(self) -> Self:
        limits = httpx.Limits(max_connections=64, max_keepalive_connections=32)
        self._client = httpx.AsyncClient(
            headers={"User-Agent": self.settings.user_agent,
                     "Accept": ACCEPT,
                     "Accept-Encoding": "gzip, deflate",
                     "Accept-Language": "ar,en;q=0.5"},
            timeout=httpx.Timeout(self.settings.fetch_timeout_seconds),
            follow_redirects=False,
            limits=limits,
            trust_env=False,
            transport=self._transport or GuardedTransport(self.settings, limits),
        )
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    @staticmethod
    def _host_key(url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{(parts.hostname or '').lower()}:{parts.port}"

    def _remember_refusal(self, url: str, address: str) -> None:
        self._address_verdicts[self._host_key(url)] = (
            time.monotonic() + ADDRESS_CACHE_SECONDS,
            private_address_message(_URL_SLOT, address))

    async def _check(self, url: str) -> None:
        """check_address, remembered per host for a few minutes (a poll fetches many pages
        from one host; resolving each time would cost a DNS round trip per page). Only an early
        answer: the connection itself is checked again (digests.addresses.GuardedBackend)."""
        key = self._host_key(url)
        cached = self._address_verdicts.get(key)
        if cached is not None and cached[0] > time.monotonic():
            if cached[1]:  # the verdict is the origin's; the message names this URL (QA14 F12)
                raise PermanentFetchError(cached[1].replace(_URL_SLOT, url), url=url,
                                          why=_address_reason(url))
            return
        try:
            await check_address(url, self.settings)
        except SourceError as exc:
            self._address_verdicts[key] = (time.monotonic() + ADDRESS_CACHE_SECONDS,
                                           str(exc).replace(url, _URL_SLOT))
            raise PermanentFetchError(str(exc), url=url, why=_address_reason(url)) from exc
        except TemporaryFetchError as exc:  # the host name does not resolve
            raise TemporaryFetchError(str(exc), url=url,
                                      why=Reason("unknown_host", host_of(url))) from exc
        self._address_verdicts[key] = (time.monotonic() + ADDRESS_CACHE_SECONDS, "")

    def _slot(self, url: str) -> asyncio.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        port = urlsplit(url).port
        key = f"{host}:{port}" if port else host
        slot = self._host_slots.get(key)
        if slot is None:
            slot = self._host_slots[key] = asyncio.Semaphore(self.settings.per_host_concurrency)
        return slot

    async def fetch(self, url: str, *, etag: str | None = None,
                    last_modified: str | None = None, page: bool = False) -> FetchResult:
        """GET `url`, conditionally when `etag`/`last_modified` are given.

        With `page` (an article page, not a feed) the body cap is the lower PAGE_MAX_BYTES, and
        an answer whose Content-Type is an image, audio, video or PDF is refused from its
        headers, before its body is read.

        Raises:
            TemporaryFetchError: timeout, connection failure, 429, 5xx (with `retry_after`).
            PermanentFetchError: other 4xx, too many redirects, body over the cap, refused
                address, invalid URL (a malformed host, IDNA or IPv6 literal included), not a
                page (with `page`).
        """
        if self._client is None:
            raise RuntimeError("Fetcher used outside 'async with'")
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            return await self._fetch(url, headers, page)
        except FetchError as exc:  # its message is stored and printed: no user:password@
            exc.args = tuple(strip_credentials(a) if isinstance(a, str) else a for a in exc.args)
            if exc.why is not None:  # nor its reason, which the bot words (an invalid URL's)
                exc.why = replace(exc.why, detail=strip_credentials(exc.why.detail))
            raise

    async def _fetch(self, url: str, headers: dict[str, str], page: bool) -> FetchResult:
        """`fetch`'s redirect loop."""
        current = url
        try:
            for _hop in range(self.settings.max_redirects + 1):
                problem = host_problem(current)
                if problem is not None:  # before the address check: the resolver refuses it too
                    raise invalid_url(current, detail=malformed_host(problem))
                await self._check(current)
                async with self._slot(current):
                    status, resp_headers, body = await self._get_once(current, headers, page)
                if status in _REDIRECTS and "location" in resp_headers:
                    current = urljoin(current, resp_headers["location"])
                    continue
                return self._result(url, current, status, resp_headers, body)
        except FetchError:
            raise
        except (ValueError, UnicodeError, httpx.InvalidURL) as exc:
            # QA14 F1: a host httpx or the idna codec cannot encode («http://xn--/x», a
            # 64-letter label, «http://[::1/»), in the link or in a redirect's Location. Building
            # the request raises before any I/O; the URL will not get better by trying again.
            raise invalid_url(current, detail=malformed_host(_problem(exc))) from exc
        raise PermanentFetchError(
            f"تحويلات كثيرة جدًا (أكثر من {self.settings.max_redirects}) / "
            f"too many redirects: {url}",
            url=url, why=Reason("redirects", host_of(url)))

    async def _get_once(self, url: str, headers: dict[str, str], page: bool = False
                        ) -> tuple[int, dict[str, str], bytes]:
        assert self._client is not None
        cap = min(self.settings.max_body_bytes, PAGE_MAX_BYTES) if page else \
            self.settings.max_body_bytes
        try:
            async with asyncio.timeout(self.settings.fetch_timeout_seconds):
                async with self._client.stream("GET", url, headers=headers) as resp:
                    resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                    if resp.status_code in _REDIRECTS or resp.status_code == 304:
                        return resp.status_code, resp_headers, b""
                    if page and 200 <= resp.status_code < 300:
                        _refuse_non_page(url, resp_headers.get("content-type", ""))
                    declared = resp_headers.get("content-length", "")
                    if ("content-encoding" not in resp_headers and declared.isdigit()
                            and int(declared) > cap):
                        raise PermanentFetchError(_too_big(url, cap), url=url,
                                                  status=resp.status_code,
                                                  why=Reason("too_big", host_of(url), str(cap)))
                    chunks: list[bytes] = []
                    size = 0
                    async for chunk in resp.aiter_bytes():
                        if page and size == 0 and 200 <= resp.status_code < 300:
                            # a file labelled text/html: known by its first bytes, not read on
                            _refuse_non_page(url, sniff_media(chunk))
                        size += len(chunk)
                        if size > cap:
                            raise PermanentFetchError(
                                _too_big(url, cap), url=url, status=resp.status_code,
                                why=Reason("too_big", host_of(url), str(cap)))
                        chunks.append(chunk)
                    return resp.status_code, resp_headers, b"".join(chunks)
        except FetchError:
            raise
        except AddressRefused as exc:  # the connect-time check (a host that rebinds)
            self._remember_refusal(url, str(exc.address))
            raise PermanentFetchError(
                private_address_message(url, exc.address), url=url,
                why=Reason("private_address", host_of(url), str(exc.address))) from exc
        except TimeoutError as exc:
            raise TemporaryFetchError(
                f"انتهت المهلة بعد {self.settings.fetch_timeout_seconds:g} ث / timed out: {url}",
                url=url, why=self._timeout_reason(url)) from exc
        except httpx.TimeoutException as exc:
            raise TemporaryFetchError(f"انتهت المهلة / timed out: {url}", url=url,
                                      why=self._timeout_reason(url)) from exc
        except httpx.DecodingError as exc:
            raise PermanentFetchError(f"ترميز ضغط تالف / bad content encoding: {url}: {exc}",
                                      url=url, why=Reason("bad_encoding", host_of(url))) from exc
        except httpx.InvalidURL as exc:  # a redirect's Location httpx cannot parse
            raise invalid_url(url, detail=malformed_host(_problem(exc), redirect=True)) from exc
        except httpx.UnsupportedProtocol as exc:
            raise invalid_url(url, exc) from exc
        except (httpx.HTTPError, ssl.SSLCertVerificationError) as exc:
            failure = certificate_failure(exc)
            if failure is not None:
                refused = certificate_error(url, failure)
                log.warning("certificate invalid host=%s code=%s reason=%s", refused.host,
                            failure.verify_code, refused.reason)
                raise refused from exc
            raise TemporaryFetchError(f"خطأ في الاتصال / connection failed: {url}: "
                                      f"{type(exc).__name__}: {exc}", url=url,
                                      why=connection_reason(url, exc)) from exc
        except (ValueError, UnicodeError) as exc:  # after ssl's: its errors are ValueErrors too
            # idna's errors from a redirect's Location, which httpx parses as it answers: worded
            # as host_problem words a malformed link, not as the raw exception (QA15 N12)
            raise invalid_url(url, detail=malformed_host(_problem(exc), redirect=True)) from exc

    def _timeout_reason(self, url: str) -> Reason:
        return Reason("timeout", host_of(url), f"{self.settings.fetch_timeout_seconds:g}")

    def _result(self, url: str, final_url: str, status: int, headers: dict[str, str],
                body: bytes) -> FetchResult:
        retry_after = parse_retry_after(headers.get("retry-after"), _date_header(headers))
        max_age = parse_max_age(headers.get("cache-control"))
        if status == 304:
            return FetchResult(url, final_url, status, b"", headers, True, retry_after, max_age)
        if 200 <= status < 300:
            return FetchResult(url, final_url, status, body, headers, False, retry_after, max_age)
        if status in _TEMPORARY_STATUSES or status >= 500:
            raise TemporaryFetchError(f"خطأ مؤقت من الخادم HTTP {status} / server error "
                                      f"HTTP {status}: {url}", url=url, status=status,
                                      retry_after=retry_after,
                                      why=Reason("server_error", host_of(final_url), str(status)))
        raise PermanentFetchError(f"رفض الخادم الطلب HTTP {status} / HTTP {status}: {url}",
                                  url=url, status=status, retry_after=retry_after,
                                  why=Reason("http_status", host_of(final_url), str(status)))


def host_problem(url: str) -> str | None:
    """Why no request can be built for `url`'s host (a malformed IDNA «xn--» label, a label
    over 63 characters, a broken IPv6 literal), in a few words; None when it can (QA14 F1)."""
    try:
        host = httpx.Request("GET", url).url.host  # httpx's own IDNA and IPv6 rules
        if host and ":" not in host:  # DNS's: what the resolver will be asked
            host.encode("idna")
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        return _problem(exc)
    return None


def malformed_host(problem: str, *, redirect: bool = False) -> str:
    """The words of a host no request can be built for, `problem` being host_problem's answer:
    «اسم المضيف مكتوب خطأ / malformed host name (…)», of the redirect's target with `redirect`."""
    if redirect:
        return f"يحوّل إلى اسم مضيف مكتوب خطأ / redirects to a malformed host name ({problem})"
    return f"اسم المضيف مكتوب خطأ / malformed host name ({problem})"


def _problem(exc: BaseException) -> str:
    """An exception's own words (its class name when it has none), as host_problem gives them."""
    return str(exc) or type(exc).__name__


# How the error of a link refused as malformed starts (digests.retries.MALFORMED_PREFIX is
# its Arabic head: such a link is never tried again).
INVALID_URL = "رابط غير صالح / invalid URL: "


def invalid_url(url: str, exc: BaseException | None = None, *, detail: str = ""
                ) -> PermanentFetchError:
    """The error of a URL no request can be built for (a malformed host or port): `detail`, or
    the exception that said so."""
    detail = detail or (f"{type(exc).__name__}: {exc}" if exc is not None else "")
    return PermanentFetchError(f"{INVALID_URL}{url}: {detail}",
                               url=url, why=Reason("invalid_url", "", url))


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


def _refuse_non_page(url: str, content_type: str) -> None:
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


def host_of(url: str) -> str:
    """The host (and a port that is not the scheme's default) of `url`: what an admin is told,
    never the whole URL (its query or user part may hold a secret)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:
        port = None
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return f"{host}:{port}" if port is not None and port != default else host


def _address_reason(url: str) -> Reason:
    """The Reason of a check_address refusal: not http(s), or a private address."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return Reason("invalid_url", "", url)
    return Reason("private_address", host_of(url))


def connection_reason(url: str, exc: BaseException) -> Reason:
    """What went wrong with a connection, from the errors chained behind `exc`: nothing
    listening (refused), a host name that does not resolve, or another failure."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ConnectionRefusedError):
            return Reason("refused", host_of(url))
        if isinstance(current, socket.gaierror):
            return Reason("unknown_host", host_of(url))
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return Reason("connect", host_of(url))


def certificate_failure(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate verification error behind `exc`: itself or one in its chain of causes
    (httpx.ConnectError ← httpcore.ConnectError ← ssl.SSLCertVerificationError)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def certificate_error(url: str, failure: ssl.SSLCertVerificationError) -> CertificateError:
    """The CertificateError for `url`: what is wrong, in Arabic then English, naming the host
    (never the whole URL: its query or user part may hold a secret), and what to do."""
    host = host_of(url) or "?"
    code = getattr(failure, "verify_code", None)
    detail = str(getattr(failure, "verify_message", None) or failure.reason or failure)
    reason_ar, reason_en, kind = _CERTIFICATE_REASONS.get(
        code if isinstance(code, int) else -1,
        ("تعذر التحقق منها", "failed verification", "unverified"))
    hours = f"{CERTIFICATE_RETRY_SECONDS / 3600:g}"
    message = (f"شهادة الأمان (TLS) للموقع غير صالحة: {host} — {reason_ar} / "
               f"the site's TLS certificate is invalid: {host} — {reason_en}. "
               f"على الموقع إصلاحها؛ نعيد المحاولة كل {hours} ساعات، واحذف المصدر إن بقيت غير "
               f"صالحة / the site must fix it: checked again every {hours} h; remove the "
               f"source if it stays invalid (OpenSSL: {detail})")
    return CertificateError(message, host=host, reason=detail, url=url,
                            retry_after=CERTIFICATE_RETRY_SECONDS, kind=kind)


def _date_header(headers: Mapping[str, str]) -> datetime | None:
    try:
        when = parsedate_to_datetime(headers["date"]) if "date" in headers else None
    except (TypeError, ValueError, IndexError):
        return None
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when


def size_text(size: int) -> tuple[str, str]:
    """A byte count as a reader says it, in Arabic and English: («٤ ميغابايت», "4 MB"),
    («١٫٥ كيلوبايت», "1.5 KB"), («٩٠٠ بايت», "900 bytes"); binary units, as MAX_BODY_BYTES's
    help counts them (10485760 = ten megabytes)."""
    for unit, arabic, english in ((1024 ** 2, "ميغابايت", "MB"), (1024, "كيلوبايت", "KB")):
        if size >= unit:
            value = f"{size / unit:.1f}".removesuffix(".0")
            break
    else:
        value, arabic, english = str(size), "بايت", "bytes"
    indic = value.replace(".", "٫").translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    return f"{indic} {arabic}", f"{value} {english}"


def _too_big(url: str, cap: int) -> str:
    arabic, english = size_text(cap)
    return f"حجم الاستجابة يتجاوز الحد ({arabic}) / response body over the {english} cap: {url}"
