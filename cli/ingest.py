"""Command groups 'sources' and 'ingest': manage feeds and pull news into the database.

    run.py sources add URL [--name NAME]   add a feed, once checked as the bot's /addsource does
                                           (--no-check: add it without fetching, offline)
    run.py sources list                    feeds with their health, paused ones marked
    run.py sources remove ID               pause a feed: no longer polled, its articles stay
    run.py sources rename ID NAME          rename a feed, as the bot's /renamesource does
    run.py ingest --once                   poll every due source once, with progress
    run.py ingest                          keep polling every POLL_INTERVAL_MINUTES

The shipped list of Arabic feeds (or SOURCES_FILE) is loaded by `ingest` when the database has
no sources yet, and every time when SOURCES_FILE is set explicitly.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from types import FrameType
from typing import TextIO

from bot.i18n import t
from bot.lines import clean
from bot.reasons import error_text
from digests.errors import NashraError, SourceError
from digests.feed_twins import refuse_twin, twin_of
from digests.link_words import link_word
from digests.logs import strip_credentials
from digests.models import Source
from digests.pipeline import PollSummary, SourceReport, poll_once
from digests.scheduler import run_forever
from digests.settings import Settings
from digests.source_names import NameRefused, rename_source
from digests.source_check import check_link, link_candidates
from digests.sources import (
    add_source,
    find_source,
    get_source,
    list_sources,
    load_sources_file,
    refuse_duplicate,
    refuse_known,
    remove_source,
    validate_url,
)
from digests.start_warnings import listed_feeds, no_sources
from digests.storage import Database, DatabaseFault

from cli.counts import SOURCES, ar_counted
from cli.dbpath import existing_database, reading_database


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _when(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d %H:%M UTC") if dt else "—"


def cmd_sources_add(args: argparse.Namespace, settings: Settings) -> int:
    """Add a feed once `check_link` proved it one (named by its title unless --name), or the
    feed a web page declares; otherwise print why, once in Arabic and once in English (the
    technical detail with --verbose), and add nothing. A link without a scheme is checked as
    https://, then http:// when https:// cannot connect, and the output says which.
    --no-check adds the link as given (without a scheme: as https://), without fetching it."""
    candidates = link_candidates(link_word(args.url))  # «link», <b>link</b>, HTTP://HOST (T4)
    tried: list[str] = []
    checked = None
    resumed = False
    with Database(settings.database_path) as db:
        try:
            if args.no_check:
                before = find_source(db, candidates[0])
                resumed = before is not None and not before.active
                # not fetched, so not resolved either: an offline setup adds its feeds now
                # (QA45 D2); the fetcher checks the address on every request
                source = add_source(db, candidates[0], settings=settings, now=_now(),
                                    name=args.name, require_dns=False)
            else:
                refuse_known(db, candidates)  # before DNS and the fetch (QA69-9)
                url = validate_url(candidates[0], settings)  # bad or duplicate: not fetched
                for candidate in (url, *candidates[1:]):
                    refuse_duplicate(db, candidate)
                checked = asyncio.run(check_link((url, *candidates[1:]), settings, tried=tried))
                # the same feed under another query string: a duplicate (QA44 T3)
                refuse_twin(asyncio.run(twin_of(db, checked.url, settings,
                                                  private=checked.private_host)))
                before = find_source(db, checked.url)  # a paused source comes back (QA17)
                resumed = before is not None and not before.active
                source = add_source(db, checked.url, settings=settings, now=_now(),
                                    name=args.name, title=checked.title or None,
                                    require_dns=False, private_host=checked.private_host)
        except DatabaseFault:  # the database's own line, with what to do (cli.main, QA73-4)
            raise
        except NashraError as exc:  # the bot's wording, once in each language
            print(f"لم يُضف المصدر / source not added: {strip_credentials(args.url)}\n"
                  f"  {_refusal(exc, 'ar')}\n  {_refusal(exc, 'en')}", file=sys.stderr)
            if exc.why is None or exc.why.kind != "duplicate":  # of either scheme
                _print_scheme(candidates, tried, sys.stderr)
            if args.verbose:
                print(f"  detail: {strip_credentials(str(exc))}", file=sys.stderr)
            return 1
    _print_scheme(candidates, tried, sys.stdout)
    if checked is not None and checked.page_url is not None:
        print(f"الصفحة تشير إلى خلاصتها / the page declares its feed: "
              f"{strip_credentials(checked.url)}")
    # clean: a name's bidi overrides would redraw the rest of the line (QA14 F14)
    if resumed:  # as the bot's /addsource says it (not «added»: it was there, paused)
        print(f"أُعيد تفعيل المصدر {source.id}: {clean(source.name)} — "
              f"{strip_credentials(source.url)}\nresumed source {source.id}: {clean(source.name)}")
    else:
        print(f"أُضيف المصدر {source.id}: {clean(source.name)} — {strip_credentials(source.url)}"
              f"\nadded source {source.id}: {clean(source.name)}")
    return 0


def _refusal(exc: NashraError, lang: str) -> str:
    """Why a link was not added, as the bot words it, but pointing a terminal user to
    `python run.py sources list` rather than the bot's /sources."""
    if exc.why is not None and exc.why.kind == "duplicate":
        return t("reason_duplicate_cli", lang, detail=exc.why.detail)
    return error_text(exc, lang, adding=True)


def _print_scheme(candidates: tuple[str, ...], tried: list[str], out: TextIO) -> None:
    """For a link typed without http:// or https://: which scheme it was checked with."""
    if len(candidates) < 2:
        return
    key = "addsource_scheme_fallback" if len(tried) > 1 else "addsource_scheme"
    scheme = (tried[-1] if tried else candidates[0]).split("://", 1)[0]
    print(f"  {t(key, 'ar', scheme=scheme)}\n  {t(key, 'en', scheme=scheme)}", file=out)


def format_source(source: Source) -> str:
    """One `sources list` entry: id, name, URL and health (a paused source says so)."""
    health = "سليم / ok" if source.consecutive_failures == 0 else \
        f"متعثر / failing ×{source.consecutive_failures}"
    if not source.active:
        health = "⏸ موقوف / paused (sources remove)"
        next_poll = "— (لإعادته / to resume: sources add URL)"
    else:
        next_poll = _when(source.next_poll_at) if source.next_poll_at else "الآن / now"
    # a feed's user:password@ is not printed (QA15 N12); `sources add` of the link without it
    # still finds the source (sources are keyed without it, digests.urls.url_key)
    lines = [f"[{source.id}] {clean(source.name)} — {strip_credentials(source.url)}",
             f"    الحالة / health: {health}",
             f"    آخر نجاح / last success: {_when(source.last_success_at)}",
             f"    الجلب التالي / next poll: {next_poll}"]
    if source.last_error:
        lines.append(f"    آخر خطأ / last error ({_when(source.last_error_at)}): "
                     f"{strip_credentials(source.last_error)}")
    return "\n".join(lines)


def cmd_sources_list(args: argparse.Namespace, settings: Settings) -> int:
    with reading_database(args, settings) as db:
        sources = list_sources(db, include_inactive=True)
    if not sources:
        print("لا توجد مصادر بعد؛ أضف واحدًا: run.py sources add URL\n"
              "no sources yet; add one with: run.py sources add URL")
        return 0
    for source in sources:
        print(format_source(source))
    return 0


def cmd_sources_remove(args: argparse.Namespace, settings: Settings) -> int:
    """Pause a source, as the bot's /removesource does: it is no longer polled, its articles
    stay, `sources list` shows it paused, and `sources add` of its link resumes it. Pausing a
    paused source says so (exit code 0: it is paused, as asked)."""
    with Database(existing_database(args, settings)) as db:
        if not 0 < args.id < 2 ** 63:  # beyond SQLite's integers: no such source either
            raise SourceError(f"لا يوجد مصدر برقم {args.id}؛ راجع `sources list` / "
                              f"no source with id {args.id}; see `sources list`")
        known = get_source(db, args.id)
        if known is not None and not known.active:
            print(f"المصدر {known.id} موقوف من قبل: {clean(known.name)}\n"
                  f"source {known.id} is already paused: {strip_credentials(known.url)}")
            return 0
        source = remove_source(db, args.id)
    url = strip_credentials(source.url)
    print(f"⏸ أُوقف جلب المصدر {source.id}: {clean(source.name)} (تبقى أخباره في الأرشيف)\n"
          f"paused source {source.id}: {url} (no longer polled; its articles stay)\n"
          f"لإعادته / to resume: python run.py sources add {url}")
    return 0


def cmd_sources_rename(args: argparse.Namespace, settings: Settings) -> int:
    """Rename a source, as the bot's /renamesource does (the same refusals: an empty or too
    long name, a link, another source's name), in both languages."""
    from bot.sources_rename import refusal  # late: the bot's wording of a refused name
    from bot.terminal_chat import to_terminal  # late: it loads the emulator's types

    name = " ".join(args.name)
    with Database(existing_database(args, settings)) as db:
        try:
            if not 0 < args.id < 2 ** 63:
                raise SourceError("no such source")
            done = rename_source(db, args.id, name)
        except NameRefused as refused:
            # the bot's answer (Telegram HTML) as the terminal shows the bot's (X89: a copy of
            # bot.terminal_chat.to_terminal was here)
            raise SourceError(" / ".join(clean(to_terminal(refusal(refused, lang)))
                                         for lang in ("ar", "en"))) from None
        except SourceError:
            raise SourceError(f"لا يوجد مصدر برقم {args.id}؛ راجع `sources list` / "
                              f"no source with id {args.id}; see `sources list`") from None
    print(f"✏️ صار اسم المصدر {done.source_id}: {clean(done.new)} (كان: {clean(done.old)})\n"
          f"source {done.source_id} is now named: {clean(done.new)} (was: {clean(done.old)})")
    return 0


def format_report(report: SourceReport) -> str:
    """One progress line of `ingest` (the name cleaned of bidi controls, QA14 F14)."""
    report = replace(report, name=clean(report.name))
    if report.status == "failed":
        return (f"✗ [{report.source_id}] {report.name}: فشل / failed — "
                f"{strip_credentials(report.error or '')} "
                f"(المحاولة التالية / retry at {_when(report.next_poll_at)})")
    if report.status == "unchanged" and report.entries == 0:
        return f"= [{report.source_id}] {report.name}: بلا تغيير / not modified (304)"
    extra = f"، بلا صفحة / feed only: {report.pages_failed}" if report.pages_failed else ""
    return (f"✓ [{report.source_id}] {report.name}: جديد / new {report.new}، "
            f"موجود / known {report.known + report.duplicates} من / of {report.entries}{extra}"
            f"{_backfill(report.backfill)}")


def _backfill(n: int) -> str:
    """«، منها للأرشيف دون إرسال / backfill, not sent: 8» when a poll stored backfill (X135:
    only the bot's first-poll note said so): published before its source was added or over
    48 h ago, listed by its source's first poll, or its page gone (digests.article_store)."""
    return f"، منها للأرشيف دون إرسال / backfill, not sent: {n}" if n else ""


def format_summary(summary: PollSummary) -> str:
    """The closing line of `ingest --once`."""
    retried = (f"، صفحات أعيد جلبها / pages retried {summary.pages_retried} "
               f"(اكتملت / recovered {summary.pages_recovered})" if summary.pages_retried else "")
    refreshed = (f"، ملخصات محدّثة / digests refreshed {summary.digests_refreshed}"
                 if summary.digests_refreshed else "")
    return (f"الخلاصة / summary: مصادر / sources {len(summary.reports)} — "
            f"جديد / new {summary.new}، بلا تغيير / unchanged {summary.unchanged}، "
            f"فشل / failed {summary.failed}{_backfill(summary.backfill)}{retried}{refreshed}")


def sources_counted(n: int) -> str:
    """«مصدر واحد», «مصدران», «٩ مصادر», «١١ مصدرًا», «١٠٠ مصدر» (cli.counts)."""
    return ar_counted(n, SOURCES)


def _prepare_sources(settings: Settings) -> None:
    with Database(settings.database_path) as db:
        if settings.sources_file is not None or not list_sources(db, include_inactive=True):
            added = load_sources_file(db, settings, _now())
            if added:
                print(f"أُضيف {sources_counted(len(added))} من ملف المصادر / added "
                      f"{len(added)} source{'' if len(added) == 1 else 's'} from the sources file")


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM (`kill PID`, a service manager's stop) ends the command as Ctrl-C does: the
    poll unwinds, so its extraction worker process is shut down rather than left orphaned
    (only the parent gets a `kill`; Ctrl-C reaches the whole process group)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """`ingest --once` (one poll, with progress and a summary) or `ingest` (on a schedule)."""
    with _sigterm_as_interrupt():
        return _ingest(args, settings)


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    _prepare_sources(settings)
    if not args.once:
        print(f"الجلب كل {settings.poll_interval_minutes} دقيقة؛ Ctrl-C للإيقاف / polling every "
              f"{settings.poll_interval_minutes} min; Ctrl-C to stop")
        run_forever(settings, progress=lambda r: print(format_report(r), flush=True),
                    on_poll=lambda s: print(format_summary(s), flush=True))
        return 0
    with Database(settings.database_path) as db:
        summary = asyncio.run(poll_once(
            db, settings, now=_now(), only_due=not args.all,
            progress=lambda r: print(format_report(r), flush=True)))
        nothing = not summary.reports and not list_sources(db)
    if nothing:  # no source at all: --all would change nothing; say why, as the bot does (QA60-10)
        print(no_sources(settings.sources_file, listed_feeds(settings.sources_file)))
    elif not summary.reports:
        print("لا مصادر مستحقة الآن / no source is due now (use --all to poll every source)")
    print(format_summary(summary))
    return 1 if summary.reports and summary.failed == len(summary.reports) else 0


__all__ = ["register", "format_report", "format_summary", "format_source"]
