"""The sources repository: validation, duplicates, removal, the sources file, health and backoff."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digests.archive import store_article
from digests.errors import Reason, SourceError
from digests.models import FeedEntry
from digests.settings import Settings
from digests.sources import (
    DEFAULT_SOURCES_FILE,
    add_source,
    adopt_feed_title,
    backoff_delay,
    due_sources,
    get_source,
    list_sources,
    load_sources_file,
    parse_sources_file,
    record_failure,
    record_success,
    remove_source,
)
from digests.storage import Database

NOW = datetime(2018, 3, 12, 8, 0, tzinfo=UTC)


def test_add_and_list(database: Database, settings: Settings) -> None:
    source = add_source(database, "http://127.0.0.1:8000/feeds/main.xml", settings=settings,
                        now=NOW, name="نشرة الشرق")
    assert (source.id, source.name, source.consecutive_failures) == (1, "نشرة الشرق", 0)
    assert source.next_poll_at is None  # due at once
    default_name = add_source(database, "http://127.0.0.1:8000/other.xml", settings=settings,
                              now=NOW)
    assert default_name.name == "127.0.0.1"
    assert [s.url for s in list_sources(database)] == [source.url, default_name.url]


@pytest.mark.parametrize("url", ["ftp://example.com/feed", "example.com/feed", "", "javascript:x"])
def test_only_http_urls(database: Database, settings: Settings, url: str) -> None:
    with pytest.raises(SourceError, match="http"):
        add_source(database, url, settings=settings, now=NOW)


def test_duplicate_is_refused_with_a_clear_message(database: Database, settings: Settings) -> None:
    add_source(database, "http://127.0.0.1:8000/feed?utm_source=x", settings=settings, now=NOW)
    with pytest.raises(SourceError) as info:
        add_source(database, "HTTP://127.0.0.1:8000/feed#top", settings=settings, now=NOW)
    assert "مضاف مسبقًا" in str(info.value) and "already added as id 1" in str(info.value)


def test_the_other_scheme_of_a_feed_is_the_same_source(database: Database,
                                                       settings: Settings) -> None:
    """QA9 N5: «127.0.0.1:8000/feed» typed without a scheme and taken as https:// added a second
    copy of the http:// source, whose every poll then failed."""
    add_source(database, "http://127.0.0.1:8000/feed", settings=settings, now=NOW)
    with pytest.raises(SourceError, match="already added as id 1"):
        add_source(database, "https://127.0.0.1:8000/feed", settings=settings, now=NOW)
    add_source(database, "https://127.0.0.1:8000/other", settings=settings, now=NOW)  # another path


@pytest.mark.parametrize("url", ["http://127.0.0.1/feed", "http://localhost:8080/feed",
                                 "http://10.1.2.3/rss", "http://192.168.1.1/rss",
                                 "http://169.254.169.254/latest", "http://[::1]/feed"])
def test_private_addresses_refused_unless_allowed(database: Database, settings: Settings,
                                                  url: str) -> None:
    strict = settings.replace(allow_private_sources=False)
    with pytest.raises(SourceError) as info:
        add_source(database, url, settings=strict, now=NOW)
    assert "ALLOW_PRIVATE_SOURCES" in str(info.value)
    assert add_source(database, url, settings=settings, now=NOW).url == url


def test_remove_deactivates(database: Database, settings: Settings) -> None:
    empty = add_source(database, "http://127.0.0.1/a", settings=settings, now=NOW)
    used = add_source(database, "http://127.0.0.1/b", settings=settings, now=NOW)
    with database.transaction() as sql:
        store_article(sql, source_id=used.id, entry=FeedEntry(url="http://127.0.0.1/b/1",
                                                               title="خبر"), page=None, now=NOW)
    remove_source(database, empty.id)
    remove_source(database, used.id)
    gone = get_source(database, empty.id)
    assert gone is not None and not gone.active
    kept = get_source(database, used.id)
    assert kept is not None and not kept.active  # its article stays searchable
    assert list_sources(database) == []
    with pytest.raises(SourceError, match="no source with id"):
        remove_source(database, used.id)
    again = add_source(database, "http://127.0.0.1/b", settings=settings, now=NOW, name="ب")
    assert (again.id, again.active, again.name) == (used.id, True, "ب")


def test_a_resumed_source_keeps_the_operators_name(database: Database, settings: Settings) -> None:
    """QA16 N5: re-adding a paused source named by the operator renamed it to the feed's title."""
    named = add_source(database, "http://127.0.0.1/n", settings=settings, now=NOW, name="مصدر 0",
                       title="BBC")
    assert named.name == "مصدر 0"
    remove_source(database, named.id)
    again = add_source(database, "http://127.0.0.1/n", settings=settings, now=NOW, title="BBC")
    assert (again.id, again.active, again.name) == (named.id, True, "مصدر 0")
    remove_source(database, named.id)  # named now by the operator: the new name wins
    renamed = add_source(database, "http://127.0.0.1/n", settings=settings, now=NOW,
                         name="بي بي سي", title="BBC")
    assert renamed.name == "بي بي سي"
    # a source nobody named (still its host) takes the feed's title when it comes back
    bare = add_source(database, "http://127.0.0.1/h", settings=settings, now=NOW)
    assert bare.name == "127.0.0.1"
    remove_source(database, bare.id)
    assert add_source(database, "http://127.0.0.1/h", settings=settings, now=NOW,
                      title="الشرق").name == "الشرق"
    # a new source without a name is named by its feed's title
    assert add_source(database, "http://127.0.0.1/t", settings=settings, now=NOW,
                      title="العربي").name == "العربي"


def test_sources_file(database: Database, settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "sources.txt"
    path.write_text("# comment\n\nhttp://127.0.0.1/one نشرة واحد\nnot-a-url\n"
                    "http://127.0.0.1/two\n", encoding="utf-8")
    added = load_sources_file(database, settings, NOW, path, check=False)  # no fetch: the
    # file's lines alone (the fetch-once check is tests/test_x58_sources_file.py, a local site)
    assert [(s.url, s.name) for s in added] == [("http://127.0.0.1/one", "نشرة واحد"),
                                                 ("http://127.0.0.1/two", "127.0.0.1")]
    remove_source(database, added[0].id)
    assert load_sources_file(database, settings, NOW, path, check=False) == []  # nothing comes back twice


def test_sources_file_keeps_feeds_whose_host_does_not_resolve_yet(
        database: Database, settings: Settings, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A DNS outage when the bot first starts must not drop the shipped feeds; the fetcher checks
    # the address again on every request. An operator typing a bad host still gets the error.
    def no_dns(*args: object, **kwargs: object) -> list[object]:
        raise OSError("Name or service not known")

    monkeypatch.setattr("digests.sources.socket.getaddrinfo", no_dns)
    strict = settings.replace(allow_private_sources=False)
    path = tmp_path / "sources.txt"
    path.write_text("https://news.example.org/rss أخبار\n", encoding="utf-8")
    added = load_sources_file(database, strict, NOW, path, check=False)  # never the internet
    assert [s.url for s in added] == ["https://news.example.org/rss"]
    with pytest.raises(SourceError, match="cannot resolve host"):
        add_source(database, "https://other.example.org/rss", settings=strict, now=NOW)


def test_shipped_sources_file_lists_real_arabic_feeds() -> None:
    entries = parse_sources_file(DEFAULT_SOURCES_FILE.read_text(encoding="utf-8"))
    hosts = " ".join(url for url, _ in entries)
    assert len(entries) >= 6
    for name in ("bbc", "france24", "skynewsarabia", "aljazeera", "alarabiya", "dw.com", "rt.com"):
        assert name in hosts
    assert all(url.startswith("https://") and title for url, title in entries)


def test_success_schedules_by_interval_or_max_age(database: Database, settings: Settings) -> None:
    source = add_source(database, "http://127.0.0.1/a", settings=settings, now=NOW)
    with database.transaction() as sql:
        record_success(sql, source.id, NOW, settings, status=200, etag='"e1"',
                       last_modified="Sun, 11 Mar 2018 19:15:00 GMT", max_age=None)
    fresh = get_source(database, source.id)
    assert fresh is not None and fresh.etag == '"e1"' and fresh.last_success_at == NOW
    assert fresh.next_poll_at == NOW + timedelta(minutes=settings.poll_interval_minutes)
    with database.transaction() as sql:
        record_success(sql, source.id, NOW, settings, status=304, etag=None, last_modified=None,
                       max_age=3600)
    fresh = get_source(database, source.id)
    assert fresh is not None and fresh.etag == '"e1"'  # a 304 keeps the validators
    assert fresh.next_poll_at == NOW + timedelta(hours=1)
    assert due_sources(database, NOW) == []
    assert [s.id for s in due_sources(database, NOW + timedelta(hours=1))] == [source.id]


def test_failures_back_off_exponentially_capped_and_honour_retry_after(
        database: Database, settings: Settings) -> None:
    source = add_source(database, "http://127.0.0.1/a", settings=settings, now=NOW)
    delays = []
    for _ in range(8):
        with database.transaction() as sql:
            delays.append(record_failure(sql, source.id, NOW, settings, error="HTTP 500") - NOW)
    assert delays[:4] == [timedelta(minutes=15), timedelta(minutes=30), timedelta(hours=1),
                          timedelta(hours=2)]
    assert delays[-1] == timedelta(hours=6)
    failing = get_source(database, source.id)
    assert failing is not None and failing.consecutive_failures == 8
    assert failing.last_error == "HTTP 500" and failing.last_error_at == NOW
    with database.transaction() as sql:
        record_success(sql, source.id, NOW, settings, status=200, etag=None, last_modified=None,
                       max_age=None)
        nxt = record_failure(sql, source.id, NOW, settings, error="429", status=429,
                             retry_after=7200)
    assert nxt == NOW + timedelta(hours=2)  # Retry-After beats the 15-minute first backoff
    assert backoff_delay(1, settings) == timedelta(minutes=15)


def test_only_a_source_named_by_its_host_takes_its_feed_title(database: Database,
                                                              settings: Settings) -> None:
    unnamed = add_source(database, "http://127.0.0.1:8000/a.xml", settings=settings, now=NOW)
    named = add_source(database, "http://127.0.0.1:8000/b.xml", settings=settings, now=NOW,
                       name="الشرق")
    assert adopt_feed_title(database, unnamed, "نشرة الشرق") is True
    assert adopt_feed_title(database, named, "نشرة الشرق") is False
    assert adopt_feed_title(database, unnamed, "") is False
    renamed = get_source(database, unnamed.id)
    assert renamed is not None and renamed.name == "نشرة الشرق"
    # the value read before the rename is stale: its name is no longer the row's
    assert adopt_feed_title(database, unnamed, "عنوان آخر") is False
    assert [s.name for s in list_sources(database)] == ["نشرة الشرق", "الشرق"]


def test_refusals_carry_their_reason(database: Database, settings: Settings) -> None:
    first = add_source(database, "http://127.0.0.1:8000/a.xml", settings=settings, now=NOW)
    with pytest.raises(SourceError) as duplicate:
        add_source(database, "http://127.0.0.1:8000/a.xml?utm_source=x", settings=settings,
                   now=NOW)
    assert duplicate.value.why == Reason("duplicate", detail=str(first.id))
    with pytest.raises(SourceError) as missing:
        remove_source(database, 99)
    assert missing.value.why == Reason("no_source", detail="99")
    with pytest.raises(SourceError) as invalid:
        add_source(database, "notaurl", settings=settings, now=NOW)
    assert invalid.value.why == Reason("invalid_url", "", "notaurl")


# --- QA14 F1: hosts no request can be built for are refused when added, with a clear reason

MALFORMED_HOSTS = ["http://xn--/feed", "http://xn--zz/y", f"http://{'a' * 64}.com/feed"]


@pytest.mark.parametrize("require_dns", [True, False])
@pytest.mark.parametrize("url", MALFORMED_HOSTS)
def test_a_malformed_host_is_refused_in_both_languages(database: Database, settings: Settings,
                                                       url: str, require_dns: bool) -> None:
    for private in (True, False):
        with pytest.raises(SourceError) as info:
            add_source(database, url, settings=settings.replace(allow_private_sources=private),
                       now=NOW, require_dns=require_dns)
        message = str(info.value)
        assert "رابط غير صالح" in message and "invalid URL" in message and "malformed" in message
        assert info.value.why == Reason("invalid_url", "", url)
    assert list_sources(database) == []


@pytest.mark.parametrize("url", MALFORMED_HOSTS)
def test_the_cli_refuses_a_malformed_host_without_a_traceback(
        settings: Settings, url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.main import main

    assert main(["--db", str(settings.database_path), "sources", "add", url]) == 1
    err = capsys.readouterr().err
    assert "لم يُضف المصدر / source not added" in err and "Traceback" not in err
    assert "رابط" in err and "link" in err.lower()
