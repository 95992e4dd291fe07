"""`run.py sources …` and `run.py ingest --once` through the real command line entry point."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cli.ingest import sources_counted
from cli.main import main
from digests.samplesite import Response, SampleSite


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as running:
        yield running


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean working directory (no .env) and environment; returns the database path."""
    monkeypatch.chdir(tmp_path)
    for key in ("DATABASE_PATH", "SOURCES_FILE", "POLL_INTERVAL_MINUTES"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")
    monkeypatch.setenv("FETCH_TIMEOUT_SECONDS", "2")
    return tmp_path / "cli.db"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sources_add_list_remove(env: Path, site: SampleSite,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = str(env)
    code, out, _ = run(capsys, "sources", "add", site.feed_url("main"), "--name", "نشرة الشرق",
                       "--db", db)
    assert code == 0 and "أُضيف المصدر 1" in out and "added source 1" in out
    code, _, err = run(capsys, "sources", "add", site.feed_url("main"), "--db", db)
    assert code == 1 and "already there as number 1" in err and "/sources" not in err
    # the reason once per language, pointing to the terminal's own listing (QA B6)
    assert err.count("python run.py sources list") == 2 and "already added" not in err, err
    code, _, err = run(capsys, "sources", "add", "ftp://nope", "--db", db)
    assert code == 1 and "http" in err
    code, out, _ = run(capsys, "sources", "list", "--db", db)
    assert code == 0 and "[1] نشرة الشرق" in out and "next poll" in out
    code, out, _ = run(capsys, "sources", "remove", "1", "--db", db)
    # paused, as the bot's /removesource says, not «deleted» (QA8 F10)
    assert code == 0 and "⏸ أُوقف جلب المصدر 1: نشرة الشرق (تبقى أخباره في الأرشيف)" in out
    assert "paused source 1" in out and "حُذف" not in out and "removed" not in out
    assert f"python run.py sources add {site.feed_url('main')}" in out
    code, out, _ = run(capsys, "sources", "list", "--db", db)
    assert "[1] نشرة الشرق" in out and "⏸ موقوف / paused" in out, out
    code, out, _ = run(capsys, "sources", "remove", "1", "--db", db)
    assert code == 0 and "المصدر 1 موقوف من قبل" in out and "already paused" in out
    code, _, err = run(capsys, "sources", "remove", "7", "--db", db)
    assert code == 1 and "no source with id 7" in err
    code, _, err = run(capsys, "sources", "remove", "99999999999999999999", "--db", db)
    assert code == 1 and "no source with id 99999999999999999999" in err
    # `sources add` of a paused source's link resumes it
    code, out, _ = run(capsys, "sources", "add", site.feed_url("main"), "--db", db)
    # said as resumed, as the bot says it, not «added» (QA17)
    assert code == 0 and "أُعيد تفعيل المصدر 1: نشرة الشرق" in out
    assert "resumed source 1: نشرة الشرق" in out and "أُضيف" not in out and "added" not in out
    code, out, _ = run(capsys, "sources", "list", "--db", db)
    assert "paused" not in out and "سليم / ok" in out


def test_private_source_refused_without_the_setting(env: Path, site: SampleSite,
                                                    capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "false")
    code, _, err = run(capsys, "sources", "add", site.feed_url("main"), "--db", str(env))
    assert code == 1 and "ALLOW_PRIVATE_SOURCES" in err and "خاص" in err


def test_ingest_once_prints_progress_and_a_summary(env: Path, site: SampleSite,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = str(env)
    site.add_route("/down.xml", Response(status=503, headers={"Retry-After": "600"}))
    for url, name in ((site.feed_url("main"), "الشرق"), (site.feed_url("world"), "المدى"),
                      (site.url("/down.xml"), "معطل")):
        # --no-check: /down.xml answers 503, and this test is about the failure at ingest
        assert run(capsys, "sources", "add", url, "--name", name, "--no-check", "--db", db)[0] == 0
    code, out, _ = run(capsys, "ingest", "--once", "--db", db)
    assert code == 0
    assert "✓ [1] الشرق: جديد / new 4" in out
    assert "✓ [2] المدى: جديد / new 4" in out
    assert "✗ [3] معطل: فشل / failed" in out and "503" in out
    assert "جديد / new 8، بلا تغيير / unchanged 0، فشل / failed 1" in out
    code, out, _ = run(capsys, "ingest", "--once", "--all", "--db", db)
    assert "= [1] الشرق: بلا تغيير / not modified (304)" in out
    assert "جديد / new 0، بلا تغيير / unchanged 2، فشل / failed 1" in out
    code, out, _ = run(capsys, "sources", "list", "--db", db)
    assert "failing ×2" in out and "503" in out
    code, out, _ = run(capsys, "ingest", "--once", "--db", db)
    assert "no source is due now" in out


def test_ingest_loads_an_explicit_sources_file(env: Path, site: SampleSite,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    sources = env.parent / "sources.txt"
    sources.write_text(f"{site.feed_url('economy')} المدى الاقتصادي\n", encoding="utf-8")
    monkeypatch.setenv("SOURCES_FILE", str(sources))
    code, out, _ = run(capsys, "ingest", "--once", "--db", str(env))
    assert code == 0 and "جديد / new 3" in out
    assert "أُضيف مصدر واحد من ملف المصادر / added 1 source from the sources file" in out


@pytest.mark.parametrize("n, words", [
    (1, "مصدر واحد"), (2, "مصدران"), (3, "٣ مصادر"), (9, "٩ مصادر"), (10, "١٠ مصادر"),
    (11, "١١ مصدرًا"), (99, "٩٩ مصدرًا"), (100, "١٠٠ مصدر"), (102, "١٠٢ مصدر"),
    (103, "١٠٣ مصادر"), (111, "١١١ مصدرًا")])
def test_source_counts_agree_with_their_number(n: int, words: str) -> None:
    """«أُضيف ٩ مصادر», not «٩ مصدرًا» (QA8 F10)."""
    assert sources_counted(n) == words


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["sources", "--help"])
    out = capsys.readouterr().out
    assert "add" in out and "list" in out and "remove" in out


def test_sources_add_checks_the_link_as_addsource_does(env: Path, site: SampleSite,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """`sources add` fetches the link once: a feed is named by its own title, a web page adds
    the feed it declares, anything else is refused with the reason in Arabic and English and
    nothing is added; --no-check adds a link without fetching it."""
    from digests import sources
    from digests.storage import Database

    db = str(env)
    site.add_route("/page.html", Response(body=(
        '<html><head><link rel="alternate" type="application/rss+xml" href="'
        + site.feed_url("world") + '"></head><body>x</body></html>').encode(),
        headers={"Content-Type": "text/html; charset=utf-8"}))
    site.add_route("/plain.html", Response(body=b"<html><body>no feed</body></html>",
                                           headers={"Content-Type": "text/html"}))
    code, out, _ = run(capsys, "sources", "add", site.feed_url("main"), "--db", db)
    assert code == 0 and "added source 1" in out
    with Database(env) as d:
        [first] = sources.list_sources(d)
    assert first.name != "127.0.0.1" and first.name in out  # the feed's own title
    code, out, _ = run(capsys, "sources", "add", site.url("/page.html"), "--db", db)
    assert code == 0 and "the page declares its feed: " + site.feed_url("world") in out
    for path, ar, en in (
            ("/plain.html", "صفحة ويب وليس خلاصة", "not a news feed"),
            ("/missing.xml", "الصفحة غير موجودة", "404")):
        code, out, err = run(capsys, "sources", "add", site.url(path), "--db", db)
        assert code == 1 and out == "", path
        assert "لم يُضف المصدر / source not added: " + site.url(path) in err
        assert ar in err and en in err, err
    code, _, err = run(capsys, "sources", "add", "http://127.0.0.1:9/feed.xml", "--db", db)
    assert code == 1 and "رفض الاتصال" in err and "connection refused" in err
    with Database(env) as d:
        assert [s.url for s in sources.list_sources(d)] == [site.feed_url("main"),
                                                            site.feed_url("world")]
    code, out, _ = run(capsys, "sources", "add", site.url("/plain.html"), "--no-check",
                       "--db", db)
    assert code == 0 and "added source 3" in out


def test_sources_add_help_names_no_check(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["sources", "add", "--help"])
    assert "--no-check" in capsys.readouterr().out


def test_sources_add_without_a_scheme_and_refusals_said_once(env: Path, site: SampleSite,
                                                             capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    """QA B6: `sources add` printed each refusal three times (Arabic, English, then the raw
    error in both) and refused «www…» for its missing scheme. A link without a scheme is tried
    as https:// then http:// and the output says so; a refusal is one Arabic and one English
    line, the raw detail only with --verbose."""
    db = str(env)
    typed = site.feed_url("main").removeprefix("http://")
    code, out, _ = run(capsys, "sources", "add", typed, "--db", db)
    assert code == 0 and "added source 1" in out
    assert "so I tried http://" in out and "فجرّبته بـ http://" in out
    code, _, err = run(capsys, "sources", "add", "http://", "--db", db)
    assert code == 1 and err.count("ليس رابط موقع صالحًا") == 1
    assert err.count("is not a valid web link") == 1 and "detail:" not in err
    assert "must start" not in err and "يجب أن يبدأ" not in err
    code, _, err = run(capsys, "sources", "add", "http://", "--verbose", "--db", db)
    assert code == 1 and err.strip().split("\n")[-1].startswith("  detail: ")


def test_sources_add_no_check_refuses_clearly_and_takes_a_bare_host_as_https(
        env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(env)
    code, _, err = run(capsys, "sources", "add", "http://", "--no-check", "--db", db)
    assert code == 1 and "is not a valid web link" in err and "expected http://" not in err
    code, out, _ = run(capsys, "sources", "add", "news.example/rss", "--no-check", "--db", db)
    assert code == 0 and "added source 1" in out and "https://news.example/rss" in out
    assert "so I took it as https://" in out


def _children(pid: int) -> set[int]:
    """Live descendants of `pid` (from /proc), zombies excluded."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigterm_to_ingest_once_leaves_no_worker_process(env: Path, site: SampleSite,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    """QA8 F10: `kill PID` of `ingest --once` during a big poll (pages extracted in a worker
    process) ends it like Ctrl-C, and no worker or resource tracker is left running."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from digests.extractor import PROCESS_POOL_MIN_PAGES

    count = PROCESS_POOL_MIN_PAGES + 20
    items = "".join(f"<item><title>خبر {n}</title><link>{site.url(f'/p{n}.html')}</link>"
                    f"<pubDate>Mon, 12 Mar 2018 10:00:00 +0000</pubDate></item>"
                    for n in range(count))
    site.add_route("/big.xml", Response(
        body=f'<rss version="2.0"><channel><title>كبير</title>{items}</channel></rss>'.encode(),
        content_type="application/rss+xml; charset=utf-8"))
    for n in range(count):
        site.add_route(f"/p{n}.html", Response(
            body=(f"<html><body><article><h1>خبر {n}</h1><p>نص الخبر رقم {n} في فقرة طويلة بما "
                  f"يكفي لتكون مقالًا.</p></article></body></html>").encode(), delay=0.3))
    assert run(capsys, "sources", "add", site.url("/big.xml"), "--no-check", "--db",
               str(env))[0] == 0
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen([sys.executable, str(root / "run.py"), "ingest", "--once",
                             "--db", str(env)], cwd=env.parent, env=dict(os.environ),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        workers: set[int] = set()
        for _ in range(600):  # until the extraction worker process is up
            workers = _children(proc.pid)
            if len(workers) >= 2 or proc.poll() is not None:  # resource tracker + a worker
                break
            time.sleep(0.1)
        assert proc.poll() is None and len(workers) >= 2, "the worker process never started"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=120) == 130
        for _ in range(300):
            if not any(_alive(pid) for pid in workers):
                break
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_feeds_user_and_password_are_never_printed(env: Path, site: SampleSite,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """QA15 N12: a URL's `user:password@` was repeated in stored errors; the terminal's
    listings, reports and hints name the feed without it (and `sources add` of that link
    resumes the paused source: sources are keyed without it)."""
    db = str(env)
    printed: list[str] = []
    bare = site.url("/missing-feed.xml")
    secret = bare.replace("http://", "http://reader:s3cret@")
    code, out, err = run(capsys, "sources", "add", secret, "--no-check", "--db", db)
    printed += [out, err]
    assert code == 0 and "أُضيف المصدر 1: " in out and bare in out
    code, out, err = run(capsys, "ingest", "--once", "--all", "--db", db)
    printed += [out, err]
    assert "✗ [1]" in out and "404" in out
    code, out, err = run(capsys, "sources", "list", "--db", db)
    printed += [out, err]
    assert code == 0 and f"— {bare}" in out and "آخر خطأ / last error" in out
    code, out, err = run(capsys, "sources", "remove", "1", "--db", db)
    printed += [out, err]
    assert code == 0 and f"to resume: python run.py sources add {bare}" in out
    code, out, err = run(capsys, "sources", "add", bare, "--no-check", "--db", db)
    printed += [out, err]
    assert code == 0 and "أُعيد تفعيل المصدر 1: " in out  # resumed, not a second source
    for text in printed:
        assert "s3cret" not in text and "reader:" not in text, text
