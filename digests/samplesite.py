"""A small Arabic news site served on 127.0.0.1, shipped with Nashra for tests and the demo.

It serves articles written for the project (digests/data/sample/articles.json, plus the seed
article about Macron, Rouhani and the Ghouta with its «مواضيع ذات صلة» block of 3 dated links) as
HTML pages, in three feeds: RSS 2.0 (/feeds/main.xml), Atom (/feeds/world.atom) and JSON Feed
(/feeds/economy.json). Every 200 answer carries an ETag and Last-Modified and conditional requests
get 304, like a polite real site.

Usage::

    from digests.samplesite import SampleSite, Response

    with SampleSite() as site:              # starts on 127.0.0.1:<free port>
        site.base_url                       # "http://127.0.0.1:PORT"
        site.feed_urls                      # the three feed URLs
        site.url("/news/ghouta-macron-rouhani.html")
        # add or replace routes (exact path, query ignored) for faults:
        site.add_route("/boom.xml", Response(status=500))
        site.add_route("/slow.xml", Response(body=b"...", delay=3.0))
        site.add_route("/busy.xml", Response(status=429, headers={"Retry-After": "120"}))
        site.add_route("/bomb", gzip_bomb(50 * 1024 * 1024))
        site.add_route("/loop", redirect("/loop"))
        site.add_route("/dyn", lambda request: Response(body=request.path.encode()))
        site.publish(slug="new-story", feed="main", title="…", paragraphs=["…"], published=dt)
        site.requests                       # every Request received (method, path, headers, status)

Safe to use from several tests at once: each instance has its own port and thread.
"""

from __future__ import annotations

import hashlib
import html
import json
import socket
import threading
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data" / "sample"


@dataclass(frozen=True)
class Request:
    """One request the site received (headers with lower-case names)."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    status: int = 0


@dataclass(frozen=True)
class Response:
    """What a route answers. `conditional` adds ETag/Last-Modified and answers 304 when asked."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    conditional: bool = True
    last_modified: datetime | None = None


Route = Response | Callable[[Request], Response]


@lru_cache(maxsize=8)
def _zeros_gzipped(size: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip framing
    chunk = b"\0" * (1024 * 1024)
    parts = [packer.compress(chunk) for _ in range(max(1, size // len(chunk)))]
    return b"".join(parts) + packer.flush()


def gzip_bomb(decompressed_size: int) -> Response:
    """A small gzip body that inflates to `decompressed_size` bytes of zeros."""
    return Response(body=_zeros_gzipped(decompressed_size), content_type="application/xml",
                    headers={"Content-Encoding": "gzip"}, conditional=False)


def redirect(location: str, status: int = 302) -> Response:
    """A redirect to `location` (a path on this site or an absolute URL)."""
    return Response(status=status, headers={"Location": location}, conditional=False)


# --- rendering -----------------------------------------------------------------------------

_AR_DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
_LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
              "تشرين الأول", "تشرين الثاني", "كانون الأول"]
_EGYPTIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر"]
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def visible_arabic_date(dt: datetime, *, indic_digits: bool = False) -> str:
    """«الاثنين 5 آذار/مارس 2018 - 16:45», as Levantine sites print dates."""
    text = (f"{_AR_DAYS[dt.weekday()]} {dt.day} {_LEVANTINE[dt.month - 1]}/"
            f"{_EGYPTIAN[dt.month - 1]} {dt.year} - {dt:%H:%M}")
    return text.translate(_INDIC) if indic_digits else text


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def render_page(article: dict[str, Any], base_url: str) -> str:
    """The HTML page of one article (styles: 'meta', 'visible', 'plain')."""
    published = datetime.fromisoformat(article["published"])
    style = article.get("style", "meta")
    head = [f"<title>{_esc(article['title'])} | {_esc(article.get('site', 'نشرة الشرق'))}</title>"]
    date_html = ""
    if style == "meta":
        head.append(f'<meta property="article:published_time" content="{published.isoformat()}">')
        head.append('<script type="application/ld+json">' + json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle",
            "headline": article["title"], "datePublished": published.isoformat(),
            "author": {"@type": "Person", "name": article.get("author", "")},
        }, ensure_ascii=False) + "</script>")
        date_html = f'<time datetime="{published.isoformat()}">{published:%Y-%m-%d %H:%M}</time>'
    elif style == "visible":
        date_html = (f'<span class="date">'
                     f'{_esc(visible_arabic_date(published, indic_digits=published.day % 2 == 0))}'
                     "</span>")
    if article.get("author"):
        head.append(f'<meta name="author" content="{_esc(article["author"])}">')
    paragraphs = "\n".join(f"<p>{_esc(p)}</p>" for p in article["paragraphs"])
    related = ""
    if article.get("related"):
        items = []
        for item in article["related"]:
            href = item.get("url") or f"/news/{item['slug']}.html"
            excerpt = (f"<p class=\"excerpt\">{_esc(item['excerpt'])}</p>"
                       if item.get("excerpt") else "")
            items.append(f'<li><a href="{_esc(href)}">{_esc(item["title"])}</a>{excerpt}'
                         f'<span class="related-date">{_esc(item["published"])}</span></li>')
        related = (f'<section class="related"><h2>{_esc(article["related_heading"])}</h2>'
                   f'<ul>{"".join(items)}</ul></section>')
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
{chr(10).join(head)}
</head><body>
<header><nav><a href="/">الرئيسية</a> <a href="/news/">أخبار</a> <a href="/economy/">اقتصاد</a>
<a href="/sport/">رياضة</a></nav></header>
<main><article>
<h1>{_esc(article['title'])}</h1>
<div class="meta">{date_html} <span class="byline">{_esc(article.get('author', ''))}</span></div>
<div class="article-body">
{paragraphs}
</div>
{related}
</article></main>
<footer><p>جميع الحقوق محفوظة لموقع نشرة الشرق التجريبي ٢٠١٨</p><a href="/about">من نحن</a></footer>
</body></html>
"""


def _rfc822(dt: datetime) -> str:
    return format_datetime(dt.astimezone(timezone.utc), usegmt=True)


def render_feed(feed: dict[str, Any], articles: list[dict[str, Any]], base_url: str) -> bytes:
    """A feed in its format ('rss', 'atom' or 'json'), newest first."""
    items = sorted(articles, key=lambda a: a["published"], reverse=True)
    link = lambda a: f"{base_url}/news/{a['slug']}.html"  # noqa: E731
    if feed["format"] == "json":
        return json.dumps({
            "version": "https://jsonfeed.org/version/1.1", "title": feed["title"],
            "home_page_url": base_url + "/", "feed_url": base_url + feed["path"],
            "items": [{"id": f"madar-eco-{a['slug']}", "url": link(a), "title": a["title"],
                       "summary": a.get("summary", ""), "date_published": a["published"],
                       "authors": [{"name": a.get("author", "")}]} for a in items],
        }, ensure_ascii=False, indent=1).encode("utf-8")
    if feed["format"] == "atom":
        updated = items[0]["published"] if items else "2018-01-01T00:00:00+00:00"
        entries = "".join(
            f"<entry><id>urn:madar:{a['slug']}</id><title>{_esc(a['title'])}</title>"
            f'<link rel="alternate" href="{_esc(link(a))}"/>'
            f"<published>{a['published']}</published><updated>{a['published']}</updated>"
            f"<author><name>{_esc(a.get('author', ''))}</name></author>"
            f"<summary>{_esc(a.get('summary', ''))}</summary></entry>\n" for a in items)
        return (f'<?xml version="1.0" encoding="utf-8"?>\n'
                f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">'
                f"<title>{_esc(feed['title'])}</title><id>{base_url}{feed['path']}</id>"
                f"<updated>{updated}</updated>\n{entries}</feed>\n").encode("utf-8")
    rss_items = "".join(
        f"<item><title>{_esc(a['title'])}</title><link>{_esc(link(a))}</link>"
        f'<guid isPermaLink="false">sharq-{a["slug"]}</guid>'
        f"<pubDate>{_rfc822(datetime.fromisoformat(a['published']))}</pubDate>"
        f"<dc:creator>{_esc(a.get('author', ''))}</dc:creator>"
        f"<description>{_esc(a.get('summary', ''))}</description></item>\n" for a in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n'
            f'<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            f"<title>{_esc(feed['title'])}</title><link>{base_url}/</link>"
            f"<language>ar</language>\n{rss_items}</channel></rss>\n").encode("utf-8")


def load_sample() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(feeds, articles) of the bundled sample site; the seed article's text filled in."""
    data = json.loads((DATA_DIR / "articles.json").read_text(encoding="utf-8"))
    for article in data["articles"]:
        if article.get("seed"):
            lines = [ln.strip() for ln in
                     (DATA_DIR / "ghouta-article.txt").read_text(encoding="utf-8").splitlines()]
            end = lines.index("مواضيع ذات صلة")
            article["title"] = lines[0]
            article["paragraphs"] = [ln for ln in lines[1:end] if ln]
    return data["feeds"], data["articles"]


# --- the server ----------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def _serve(self, *, send_body: bool) -> None:
        path, _, query = self.path.partition("?")
        headers = {k.lower(): v for k, v in self.headers.items()}
        request = Request(self.command, path, query, headers)
        site = self.server.site
        route = site.routes.get(path)
        if route is None:
            response = Response(status=404, body="غير موجود / not found".encode(),
                                content_type="text/plain; charset=utf-8", conditional=False)
        else:
            response = route(request) if callable(route) else route
        if response.delay:
            site.stopping.wait(response.delay)
        status, headers, body = response.status, dict(response.headers), response.body
        if response.conditional and status == 200:
            etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
            headers.setdefault("ETag", etag)
            last_modified = response.last_modified or site.started_at
            headers.setdefault("Last-Modified", _rfc822(last_modified))
            if _not_modified(request.headers, etag, last_modified):
                status, body = 304, b""
        site.record(replace(request, status=status))
        try:
            self.send_response(status)
            if status != 304:
                self.send_header("Content-Type", response.content_type)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body and body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeouts, size caps): nothing to do


def _not_modified(headers: dict[str, str], etag: str, last_modified: datetime) -> bool:
    if "if-none-match" in headers:
        return etag in [t.strip() for t in headers["if-none-match"].split(",")] or \
            headers["if-none-match"].strip() == "*"
    since = headers.get("if-modified-since")
    if since:
        try:
            return parsedate_to_datetime(since) >= last_modified.replace(microsecond=0)
        except (TypeError, ValueError):
            return False
    return False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 256
    site: SampleSite

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client closing a kept-alive connection (or giving up on a slow route) is normal
        # here; the stdlib default prints a traceback for it.
        pass


class SampleSite:
    """The sample news site on 127.0.0.1 (see the module docstring). A context manager."""

    def __init__(self, *, with_sample: bool = True, host: str = "127.0.0.1",
                 port: int = 0) -> None:
        """`port`: 0 for any free one (a kept sandbox folder asks for its earlier one)."""
        self.host = host
        self._wanted_port = port
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.stopping = threading.Event()
        self.started_at = datetime(2018, 3, 12, tzinfo=timezone.utc)
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.feeds: list[dict[str, Any]] = []
        self.articles: list[dict[str, Any]] = []
        if with_sample:
            self.feeds, self.articles = load_sample()

    # lifecycle
    def start(self) -> SampleSite:
        server = _Server((self.host, self._wanted_port), _Handler)
        server.site = self
        self._server = server
        self._render_all()
        self._thread = threading.Thread(target=server.serve_forever, name="samplesite",
                                        kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> SampleSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # addresses
    @property
    def port(self) -> int:
        assert self._server is not None, "start the site first"
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        """Absolute URL of a path on this site."""
        return self.base_url + (path if path.startswith("/") else "/" + path)

    @property
    def feed_urls(self) -> list[str]:
        """URLs of the sample feeds, in order: RSS, Atom, JSON Feed."""
        return [self.url(f["path"]) for f in self.feeds]

    def feed_url(self, slug: str) -> str:
        """URL of one feed by its slug ('main', 'world', 'economy')."""
        return next(self.url(f["path"]) for f in self.feeds if f["slug"] == slug)

    def article_url(self, slug: str) -> str:
        return self.url(f"/news/{slug}.html")

    # routes
    def add_route(self, path: str, route: Route) -> str:
        """Serve `route` at `path` (replacing any route there); returns the absolute URL."""
        self.routes[path] = route
        return self.url(path)

    def record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def hits(self, path: str | None = None, *, status: int | None = None) -> int:
        """How many requests were received (for `path`, answered with `status`)."""
        with self._lock:
            return sum(1 for r in self.requests
                       if (path is None or r.path == path)
                       and (status is None or r.status == status))

    def publish(self, *, slug: str, feed: str, title: str, paragraphs: Iterable[str],
                published: datetime, summary: str = "", author: str = "",
                style: str = "meta") -> str:
        """Add a new article to a feed (the feed's ETag changes); returns its page URL."""
        self.articles.append({"slug": slug, "feed": feed, "title": title,
                              "paragraphs": list(paragraphs), "style": style,
                              "published": published.astimezone(timezone.utc).isoformat(),
                              "summary": summary, "author": author})
        self._render_all()
        return self.article_url(slug)

    def _render_all(self) -> None:
        base = self.base_url
        for article in self.articles:
            published = datetime.fromisoformat(article["published"])
            self.routes[f"/news/{article['slug']}.html"] = Response(
                body=render_page(article, base).encode("utf-8"), last_modified=published)
        for feed in self.feeds:
            members = [a for a in self.articles if a.get("feed") == feed["slug"]]
            newest = max((datetime.fromisoformat(a["published"]) for a in members),
                         default=self.started_at)
            content_type = {"rss": "application/rss+xml; charset=utf-8",
                            "atom": "application/atom+xml; charset=utf-8",
                            "json": "application/feed+json; charset=utf-8"}[feed["format"]]
            self.routes[feed["path"]] = Response(body=render_feed(feed, members, base),
                                                 content_type=content_type,
                                                 last_modified=newest)
