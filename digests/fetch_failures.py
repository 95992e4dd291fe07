"""How a failed fetch is told: the host named, the reason kind and the words of each error.

digests.fetcher raises what these build: an invalid URL (a malformed host no request can be built
for, `host_problem`), a failed connection (`connection_reason`: refused, unknown host, other), an
invalid TLS certificate (`certificate_error`: a CertificateError whose `retry_after` keeps the next
try CERTIFICATE_RETRY_SECONDS away, since the site must act) and a body over its cap (`too_big`).
An admin is told the host (`host_of`), never the whole URL: its query or user part may hold a
secret. Pure functions: no I/O.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpcore
import httpx

from digests.errors import CertificateError, PermanentFetchError, Reason

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


_INDIC = str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")


def arabic_digits(text: str) -> str:
    """`text` with Arabic-Indic digits, for the Arabic half of a reason («بعد ٨ ث»: QA63-6, the
    Latin «8» stood out among the line's other figures)."""
    return text.translate(_INDIC)


def host_of(url: str) -> str:
    """The host (and a port that is not the scheme's default) of `url`: what an admin is told,
    never the whole URL (its query or user part may hold a secret). An IPv6 literal keeps its
    brackets, as in the URL: «::ffff:127.0.0.2:37343» read the port as part of the address."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return f"{host}:{port}" if port is not None and port != default else host


def host_problem(url: str) -> str | None:
    """Why no request can be built for `url`'s host (a malformed IDNA «xn--» label, a label
    over 63 characters, a broken IPv6 literal), in a few words; None when it can (QA14 F1)."""
    try:
        host = httpx.Request("GET", url).url.host  # httpx's own IDNA and IPv6 rules
        if host and ":" not in host:  # DNS's: what the resolver will be asked
            host.encode("idna")
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        return problem_of(exc)
    return None


def malformed_host(problem: str, *, redirect: bool = False) -> str:
    """The words of a host no request can be built for, `problem` being host_problem's answer:
    «اسم المضيف مكتوب خطأ / malformed host name (…)», of the redirect's target with `redirect`."""
    if redirect:
        return f"يحوّل إلى اسم مضيف مكتوب خطأ / redirects to a malformed host name ({problem})"
    return f"اسم المضيف مكتوب خطأ / malformed host name ({problem})"


def problem_of(exc: BaseException) -> str:
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


def address_reason(url: str) -> Reason:
    """The Reason of a check_address refusal: not http(s), or a private address."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return Reason("invalid_url", "", url)
    return Reason("private_address", host_of(url))


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and the errors behind it, each once: its cause, else its context, and theirs (a
    library's error wraps the one that happened: httpx ← httpcore ← ssl or socket)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        yield current
        seen.add(id(current))
        current = current.__cause__ or current.__context__


def connection_reason(url: str, exc: BaseException) -> Reason:
    """What went wrong with a connection, from the errors chained behind `exc`: nothing
    listening (refused), a host name that does not resolve, or another failure."""
    for error in _chain(exc):
        if isinstance(error, ConnectionRefusedError):
            return Reason("refused", host_of(url))
        if isinstance(error, socket.gaierror):
            return Reason("unknown_host", host_of(url))
        # connected, then no TLS handshake (an https link to a plain http server: QA63-10);
        # an invalid certificate is told apart before this (certificate_failure)
        if isinstance(error, ssl.SSLError) and not isinstance(error,
                                                               ssl.SSLCertVerificationError):
            return Reason("no_tls", host_of(url))
        # connected, then the server hung up before a whole answer (QA63-10)
        if isinstance(error, (httpx.RemoteProtocolError, httpcore.RemoteProtocolError)):
            return Reason("closed", host_of(url))
    return Reason("connect", host_of(url))


def certificate_failure(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate verification error behind `exc`: itself or one in its chain of causes
    (httpx.ConnectError ← httpcore.ConnectError ← ssl.SSLCertVerificationError)."""
    return next((e for e in _chain(exc) if isinstance(e, ssl.SSLCertVerificationError)), None)


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


def too_big(url: str, cap: int, status: int) -> PermanentFetchError:
    """The error of a body over its `cap` (declared by Content-Length, or read past it)."""
    arabic, english = size_text(cap)
    return PermanentFetchError(
        f"حجم الاستجابة يتجاوز الحد ({arabic}) / response body over the {english} cap: {url}",
        url=url, status=status, why=Reason("too_big", host_of(url), str(cap)))
