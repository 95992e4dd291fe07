"""One entry's page for the poll: fetched, extracted, or the reason the article is feed-only.

`fetch_page` never raises (but CancelledError): a fetch error, an unreadable page or a bug on one
odd link becomes the `Fetched.error` its article is stored with (QA14 F1), and the poll's clock
counts the fetch and extraction time. Split from digests/pipeline.py, which starts these fetches
in store order and stores each article as its page is in (digests/article_store.py).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from digests.encoding import unreadable
from digests.errors import FetchError, ParseError
from digests.extractor import Extractor
from digests.fetcher import Fetcher
from digests.logs import strip_credentials
from digests.models import FeedEntry, Page
from digests.source_work import Clock

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fetched:
    """An entry's page as this poll got it, or why not (the article is then feed-only)."""

    entry: FeedEntry
    page: Page | None
    error: str | None
    etag: str | None
    last_modified: str | None
    retry_after: float | None = None  # the server asked us to wait this long (429/503)
    status: int | None = None  # the failed fetch's HTTP status (404/410: the page is gone)
    # the entry's own link is on an address the private-address rule refuses: not stored, so
    # never a reader's link (QA63-11); a redirect there from an allowed link is not this
    refused_link: bool = False


async def fetch_page(fetcher: Fetcher, extractor: Extractor, entry: FeedEntry, batch: int,
                     clock: Clock) -> Fetched:
    """Fetch and extract one page; a fetch error or unreadable page becomes the reason.

    Never raises (but CancelledError): one page's failure, expected or not, makes its article
    feed-only and costs no other page, source or the poll (QA14 F1)."""
    started = time.perf_counter()
    try:
        result = await fetcher.fetch(entry.url, page=True)
    except FetchError as exc:
        clock.fetch += time.perf_counter() - started
        # said once per page: /sources shows the source's refused pages, the log says which (QA20 O5)
        log.info("page not fetched url=%s status=%s reason=%s", strip_credentials(entry.url),
                 exc.status, strip_credentials(str(exc)))
        why = exc.why
        refused = (why is not None and why.kind == "private_address"
                   and "redirect" not in why.detail.split())
        return Fetched(entry, None, str(exc), None, None, exc.retry_after, exc.status,
                       refused_link=refused)
    except Exception as exc:  # a fetcher bug on one odd link must not abort the poll
        clock.fetch += time.perf_counter() - started
        log.exception("page fetch failed unexpectedly url=%s", entry.url)
        return Fetched(entry, None, strip_credentials(f"تعذر جلب الصفحة / page fetch failed: "
                                                       f"{type(exc).__name__}: {exc}"), None, None)
    clock.fetch += time.perf_counter() - started
    codec = unreadable(result.body, result.headers)
    if codec is not None:  # the feed's entry, rather than a page of gibberish (QA63-1)
        log.warning("page not read: no charset reads it url=%s read_as=%s",
                    strip_credentials(result.final_url), codec)
        return Fetched(entry, None, "نص الصفحة بترميز لا يُقرأ (ليس UTF-8 ولا windows-1256 ولا"
                       " ISO-8859-6) / page text in an unreadable encoding (not UTF-8, windows-1256"
                       f" or ISO-8859-6): {strip_credentials(result.final_url)}", None, None)
    try:
        page, cpu = await extractor.extract(result.text(), result.final_url, batch=batch)
        clock.extract += cpu
    except ParseError as exc:
        return Fetched(entry, None,
                        strip_credentials(f"تعذرت قراءة الصفحة / page unreadable: {exc}"),
                        None, None)
    except Exception as exc:  # an extractor bug on one odd page must not cost the source
        log.exception("page extraction failed url=%s", entry.url)
        return Fetched(entry, None, strip_credentials(f"تعذرت قراءة الصفحة / page unreadable: "
                                                       f"{type(exc).__name__}: {exc}"), None, None)
    if not page.paragraphs:  # a consent wall, a script-only page: keep the feed's summary
        # the stored reason (/sources, the CLI) names the page without its `user:password@`
        return Fetched(entry, None, "الصفحة بلا نص مقروء / page has no readable article text: "
                        f"{strip_credentials(result.final_url)}", None, None)
    return Fetched(entry, page, None, result.etag, result.last_modified)
