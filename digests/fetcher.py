"""HTTP fetching for feeds and pages: one shared httpx.AsyncClient, polite and bounded.

Every request has a deadline, a cap on the decompressed body (a gzip bomb stops at the cap), at
most `per_host_concurrency` requests in flight per host, a User-Agent naming the bot, and
conditional GET. Redirects are followed by hand so that each hop is checked again against the
private-address rule (a public feed must not redirect us into the operator's network), and every
connection goes through digests.addresses.GuardedTransport, which connects only to the address it
checked (no DNS rebinding). What the final answer means (a FetchResult, or the error its status
calls for) is digests.responses'; the words of each failure are digests.fetch_failures'.
Errors leave this module only as TemporaryFetchError (try again later) or PermanentFetchError;
an invalid TLS certificate is a CertificateError (a PermanentFetchError whose `retry_after` keeps
the next try digests.fetch_failures.CERTIFICATE_RETRY_SECONDS away: the site must act).
An error's message never repeats a URL's `user:password@` part (digests.logs.strip_credentials):
it is stored as a page's or a source's last error and printed by the CLI (QA15 N12).
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Iterable
from dataclasses import replace
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx

from digests.addresses import (
    AddressRefused,
    GuardedTransport,
    check_address,
    private_address_message,
    private_reason,
)
from digests.body_decoding import (
    BodyTooBig,
    CappedDecoder,
    CorruptBody,
    UnsupportedEncoding,
    coding_of,
)
from digests.errors import (
    FetchError,
    PermanentFetchError,
    Reason,
    SourceError,
    TemporaryFetchError,
)
from digests.fetch_failures import (
    address_reason,
    arabic_digits,
    certificate_error,
    certificate_failure,
    connection_reason,
    host_of,
    host_problem,
    invalid_url,
    malformed_host,
    problem_of,
    too_big,
)
from digests.logs import strip_credentials
from digests.private_hosts import PrivateHosts
from digests.responses import FetchResult, fetch_result, refuse_non_page, sniff_media
from digests.settings import Settings

log = logging.getLogger(__name__)

_REDIRECTS = {301, 302, 303, 307, 308}
PERMANENT_REDIRECTS = {301, 308}
# Set on a feed's answer read only up to MAX_BODY_BYTES (its value: the cap): the entries it holds
# whole are kept (digests.feed_prefix) instead of the whole feed refused at every poll (QA35 L2).
PARTIAL_HEADER = "x-nashra-read-up-to"
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


class Fetcher:
    """The shared HTTP client. Use as `async with Fetcher(settings) as fetcher:`."""

    def __init__(self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None
                 ) -> None:
        self.settings = settings
        self._transport = transport
        # with ALLOW_PRIVATE_SOURCES, the hosts that may be private: the sources' (QA38 A4)
        self.private = PrivateHosts(settings.allow_private_sources, settings.database_path)
        self._client: httpx.AsyncClient | None = None
        self._host_slots: dict[str, asyncio.Semaphore] = {}
        # origin → (expires, refusal message with _URL_SLOT for the URL, "" when allowed; its
        # Reason)
        self._address_verdicts: dict[str, tuple[float, str, Reason | None]] = {}
        # URL asked → where every redirect of its last fetch said it moved for good (301/308
        # only): digests.feed_moves stores it after REDIRECT_ADOPT_POLLS polls in a row (QA35 L3)
        self.moved: dict[str, str] = {}
        # a feed over the cap comes back read up to it (PARTIAL_HEADER) instead of refused: set
        # by a poll (digests.source_work), whose feeds keep their whole entries (QA35 L2)
        self.feeds_in_part = False
        # URLs (asked, and each hop) whose answer came but whose body had not ended when their
        # time ran out: the site answered, slowly (QA63-3); see `answered_slowly`
        self._unfinished: set[str] = set()

    def new_poll(self, trusted: Iterable[str]) -> None:
        """A poll starts: the stored sources it reads whose rows trust their host (`trusted`
        URLs, PrivateHosts.polled) replace the last poll's, and the address verdicts are asked
        afresh (an allowed host's would hold its trust for ADDRESS_CACHE_SECONDS more). A
        fetcher kept for many polls (digests.scheduler) so follows the database (REV2 #7)."""
        self.private.polled(trusted)
        self._address_verdicts.clear()

    def answered_slowly(self, url: str) -> bool:
        """Whether the last fetch of `url` got its answer's headers but not its whole body in
        time (a cancelled fetch included: /addsource's own deadline)."""
        return url in self._unfinished

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
            transport=self._transport or GuardedTransport(self.settings, limits,
                                                          private=self.private),
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
            private_address_message(_URL_SLOT, address,
                                    key_set=self.settings.allow_private_sources),
            private_reason(url, address))

    async def _check(self, url: str) -> None:
        """check_address, remembered per host for a few minutes (a poll fetches many pages
        from one host; resolving each time would cost a DNS round trip per page). Only an early
        answer: the connection itself is checked again (digests.addresses.GuardedBackend)."""
        key = self._host_key(url)
        cached = self._address_verdicts.get(key)
        if cached is not None and cached[0] > time.monotonic():
            if cached[1]:  # the verdict is the origin's; the message names this URL (QA14 F12)
                raise PermanentFetchError(cached[1].replace(_URL_SLOT, url), url=url,
                                          why=cached[2] or address_reason(url))
            return
        seconds = self.settings.fetch_timeout_seconds
        try:
            # the lookup is bounded as the request is (QA73-1): a hanging resolver held a fetch
            # for the resolver's own timeout, outside FETCH_TIMEOUT_SECONDS
            async with asyncio.timeout(seconds):
                await check_address(url, self.settings, self.private)
        except TimeoutError as exc:
            raise TemporaryFetchError(
                f"انتهت المهلة أثناء حل اسم المضيف بعد {arabic_digits(f'{seconds:g}')} ث / "
                f"timed out resolving the host name after {seconds:g} s: {url}",
                url=url, why=Reason("timeout", host_of(url), f"{seconds:g}")) from exc
        except SourceError as exc:
            why = exc.why if exc.why is not None else address_reason(url)
            self._address_verdicts[key] = (time.monotonic() + ADDRESS_CACHE_SECONDS,
                                           str(exc).replace(url, _URL_SLOT), why)
            raise PermanentFetchError(str(exc), url=url, why=why) from exc
        except TemporaryFetchError as exc:  # the host name does not resolve
            raise TemporaryFetchError(str(exc), url=url,
                                      why=Reason("unknown_host", host_of(url))) from exc
        self._address_verdicts[key] = (time.monotonic() + ADDRESS_CACHE_SECONDS, "", None)

    def _flagged(self, why: Reason, *, redirect: bool, declared: bool) -> Reason:
        """A private-address refusal's Reason with what the admin needs to be told: whether
        ALLOW_PRIVATE_SOURCES is on, whether a redirect led there (detail «key_on», «redirect»:
        QA63-9, not told to set a key that is set), whether the feed was one a page declared
        («declared», QA65-4), next to the address's own «never» (link-local or metadata)."""
        flags = why.detail.split() if why.detail in ("never", "") else []
        flags += [flag for flag, on in (("key_on", self.settings.allow_private_sources),
                                        ("redirect", redirect), ("declared", declared)) if on]
        return replace(why, detail=" ".join(flags))

    def _slot(self, url: str) -> asyncio.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        port = urlsplit(url).port
        key = f"{host}:{port}" if port else host
        slot = self._host_slots.get(key)
        if slot is None:
            slot = self._host_slots[key] = asyncio.Semaphore(self.settings.per_host_concurrency)
        return slot

    async def fetch(self, url: str, *, etag: str | None = None,
                    last_modified: str | None = None, page: bool = False,
                    declared: bool = False, stored: bool = False) -> FetchResult:
        """GET `url`, conditionally when `etag`/`last_modified` are given.

        With `page` (an article page, not a feed) the body cap is the lower PAGE_MAX_BYTES, and
        an answer whose Content-Type is an image, audio, video or PDF is refused from its
        headers, before its body is read. With `feeds_in_part` set (a poll's fetcher:
        digests.source_work) a feed over MAX_BODY_BYTES is not refused: what was read up to the
        cap comes back, marked with PARTIAL_HEADER (QA35 L2).

        Raises:
            TemporaryFetchError: timeout, connection failure, 429, 5xx (with `retry_after`).
            PermanentFetchError: other 4xx, too many redirects, body over the cap, refused
                address, invalid URL (a malformed host, IDNA or IPv6 literal included), not a
                page (with `page`).

        `declared`: a feed a web page declares (digests.source_check's discovery). It is not the
        operator's: with ALLOW_PRIVATE_SOURCES its host may be private only when it is already
        an operator's host (a source's, or the link typed), as for a redirect (QA65-4: a page
        declaring a feed on another private host made /addsource read and add it).

        `stored`: the feed of a stored source (a poll, a twin check): its host may be private
        only as its row says (digests.private_hosts). Without it, a feed's URL is the
        operator's own link (a check, a command line fetch) and trusted for this fetcher.
        """
        if self._client is None:
            raise RuntimeError("Fetcher used outside 'async with'")
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        if not page and not declared and not stored:  # a link typed: the operator's
            self.private.trust(url)
        try:
            return await self._fetch(url, headers, page, self.feeds_in_part and not page,
                                     declared)
        except FetchError as exc:  # its message is stored and printed: no user:password@
            exc.args = tuple(strip_credentials(a) if isinstance(a, str) else a for a in exc.args)
            if exc.why is not None:  # nor its reason, which the bot words (an invalid URL's)
                exc.why = replace(exc.why, detail=strip_credentials(exc.why.detail))
            raise

    async def _fetch(self, url: str, headers: dict[str, str], page: bool,
                     partial: bool = False, declared: bool = False) -> FetchResult:
        """`fetch`'s redirect loop."""
        current = url
        permanent = True  # every redirect so far a 301/308
        self._unfinished.discard(url)
        try:
            for _hop in range(self.settings.max_redirects + 1):
                problem = host_problem(current)
                if problem is not None:  # before the address check: the resolver refuses it too
                    raise invalid_url(current, detail=malformed_host(problem))
                await self._check(current)
                async with self._slot(current):
                    status, resp_headers, body = await self._get_once(current, headers, page,
                                                                     partial)
                if status in _REDIRECTS and "location" in resp_headers:
                    current = urljoin(current, resp_headers["location"])
                    permanent = permanent and status in PERMANENT_REDIRECTS
                    continue
                if current != url and permanent:
                    self.moved[url] = current
                else:
                    self.moved.pop(url, None)
                return fetch_result(url, current, status, resp_headers, body)
        except asyncio.CancelledError:  # a caller's deadline: say whether the site answered
            if current in self._unfinished:
                self._unfinished.add(url)
            raise
        except FetchError as exc:
            if exc.why is not None and exc.why.kind == "private_address":
                exc.why = self._flagged(exc.why, redirect=current != url, declared=declared)
            if exc.why is not None and exc.why.kind == "slow_body":
                self._unfinished.add(url)
            if exc.why is not None and exc.why.kind == "no_tls" and current != url:
                # the link redirected to an https address with no TLS there: say where (QA63-10)
                exc.why = replace(exc.why, detail=strip_credentials(current)[:200])
            raise
        except (ValueError, UnicodeError, httpx.InvalidURL) as exc:
            # QA14 F1: a host httpx or the idna codec cannot encode («http://xn--/x», a
            # 64-letter label, «http://[::1/»), in the link or in a redirect's Location. Building
            # the request raises before any I/O; the URL will not get better by trying again.
            raise invalid_url(current, detail=malformed_host(problem_of(exc))) from exc
        raise PermanentFetchError(
            f"تحويلات كثيرة جدًا (أكثر من {arabic_digits(str(self.settings.max_redirects))}) / "
            f"too many redirects: {url}",
            url=url, why=Reason("redirects", host_of(url)))

    async def _get_once(self, url: str, headers: dict[str, str], page: bool = False,
                        partial: bool = False) -> tuple[int, dict[str, str], bytes]:
        assert self._client is not None
        cap = min(self.settings.max_body_bytes, PAGE_MAX_BYTES) if page else \
            self.settings.max_body_bytes
        try:
            async with asyncio.timeout(self.settings.fetch_timeout_seconds):
                self._unfinished.discard(url)
                async with self._client.stream("GET", url, headers=headers) as resp:
                    resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                    self._unfinished.add(url)  # answered; until the body ends
                    if resp.status_code in _REDIRECTS or resp.status_code == 304:
                        return resp.status_code, resp_headers, b""
                    if page and 200 <= resp.status_code < 300:
                        refuse_non_page(url, resp_headers.get("content-type", ""))
                    declared = resp_headers.get("content-length", "")
                    feed_ok = partial and not page and 200 <= resp.status_code < 300
                    if ("content-encoding" not in resp_headers and declared.isdigit()
                            and int(declared) > cap and not feed_ok):
                        raise too_big(url, cap, resp.status_code)
                    coding = coding_of(resp_headers.get("content-encoding", ""))
                    decoder = CappedDecoder(coding, cap)
                    chunks: list[bytes] = []
                    raw = b""
                    try:
                        # raw bytes, decoded here with the cap on every inflate (QA29 A1)
                        async for raw in resp.aiter_raw():
                            for chunk in decoder.feed(raw):
                                self._sniff(url, page, resp.status_code, chunks, chunk)
                                chunks.append(chunk)
                        for chunk in decoder.finish():
                            self._sniff(url, page, resp.status_code, chunks, chunk)
                            chunks.append(chunk)
                    except BodyTooBig as exc:
                        if not feed_ok:
                            raise too_big(url, cap, resp.status_code) from exc
                        # a feed: what was read up to the cap, its whole entries kept (the
                        # chunk that passed it too, when it is the body's own bytes)
                        if coding.wbits is None:
                            chunks.append(raw[:max(cap - sum(map(len, chunks)), 0)])
                        resp_headers[PARTIAL_HEADER] = str(cap)
                    self._unfinished.discard(url)
                    return resp.status_code, resp_headers, b"".join(chunks)
        except FetchError:
            raise
        except AddressRefused as exc:  # the connect-time check (a host that rebinds)
            self._remember_refusal(url, str(exc.address))
            raise PermanentFetchError(
                private_address_message(url, exc.address,
                                        key_set=self.settings.allow_private_sources), url=url,
                why=private_reason(url, str(exc.address))) from exc
        except TimeoutError as exc:
            seconds = f"{self.settings.fetch_timeout_seconds:g}"
            if url in self._unfinished:  # it answered, then sent its body too slowly (QA63-3)
                raise TemporaryFetchError(
                    f"أجاب الموقع لكنه أرسل الصفحة ببطء فلم تكتمل في {arabic_digits(seconds)} ث"
                    f" / answered but sent the body too slowly to finish in {seconds} s: {url}",
                    url=url, why=Reason("slow_body", host_of(url), seconds)) from exc
            raise TemporaryFetchError(
                f"انتهت المهلة بعد {arabic_digits(seconds)} ث / timed out: {url}",
                url=url, why=self._timeout_reason(url)) from exc
        except httpx.TimeoutException as exc:
            raise TemporaryFetchError(f"انتهت المهلة / timed out: {url}", url=url,
                                      why=self._timeout_reason(url)) from exc
        except (httpx.DecodingError, UnsupportedEncoding, CorruptBody) as exc:
            raise PermanentFetchError(f"ترميز ضغط تالف / bad content encoding: {url}: {exc}",
                                      url=url, why=Reason("bad_encoding", host_of(url))) from exc
        except httpx.InvalidURL as exc:  # a redirect's Location httpx cannot parse
            raise invalid_url(url, detail=malformed_host(problem_of(exc), redirect=True)) from exc
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
            raise invalid_url(url, detail=malformed_host(problem_of(exc), redirect=True)) from exc

    @staticmethod
    def _sniff(url: str, page: bool, status: int, before: list[bytes], chunk: bytes) -> None:
        """A file labelled text/html is known by its first decoded bytes, not read on."""
        if page and not before and 200 <= status < 300:
            refuse_non_page(url, sniff_media(chunk))

    def _timeout_reason(self, url: str) -> Reason:
        if url in self._unfinished:
            return Reason("slow_body", host_of(url), f"{self.settings.fetch_timeout_seconds:g}")
        return Reason("timeout", host_of(url), f"{self.settings.fetch_timeout_seconds:g}")
