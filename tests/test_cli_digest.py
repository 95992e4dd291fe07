"""`run.py digest URL [--json]`: a stored article's digest, or a page fetched once from 127.0.0.1.

The end-to-end test runs the real chain: the sample news site on loopback → poll_once (fetch,
extract, store, index, digest in one transaction) → `run.py digest URL --json`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from cli.main import main
from digests.digest import find_article, load_digest
from digests.pipeline import poll_once
from digests.samplesite import Response, SampleSite
from digests.settings import Settings
from digests.sources import add_source
from digests.storage import Database

SEED_PATH = "/news/ghouta-macron-rouhani.html"
HEADLINE = "ماكرون يدعو طهران للضغط على دمشق لوقف قصف الغوطة"
NOW = datetime(2018, 3, 12, 12, 0, tzinfo=timezone.utc)
RELATED = [
    ('الأردن يدعو للضغط على "إسرائيل" لوقف انتهاكاتها للمقدسات بالقدس', "2019-08-18T14:55:10+00:00"),
    ('اطلاق حملة فلسطينية دولية للضغط على الاحتلال لوقف "الاعتقال الإداري"',
     "2021-08-08T20:31:44+00:00"),
    ("مقتل 19 مدنيًا في قصف للنظام السوري على الغوطة الشرقية", "2018-03-08T18:40:13+00:00"),
]


@pytest.fixture
def site() -> Iterator[SampleSite]:
    with SampleSite() as running:
        yield running


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    # The sample site listens on 127.0.0.1, which Nashra refuses unless told otherwise.
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")
    monkeypatch.setenv("FETCH_TIMEOUT_SECONDS", "5")


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code = main(["digest", *args, "--json"])
    out = capsys.readouterr().out
    assert code == 0, out
    data = json.loads(out)
    assert isinstance(data, dict)
    return data


def check_seed(data: dict[str, object]) -> None:
    assert set(data) == {"url", "source", "headline", "published_at", "quotes", "related",
                         "story_id"}
    assert data["headline"] == HEADLINE
    quotes = data["quotes"]
    assert isinstance(quotes, list) and 1 <= len(quotes) <= 3
    assert quotes[0]["text"].startswith("لوضع حد للهجمات العشوائية على السكان المحاصرين")
    assert quotes[0]["speaker"] in {"الرئاسة الفرنسية", "ماكرون", "الرئيس الفرنسي إيمانويل ماكرون"}
    assert any("ينبغي لإيران تهدئة المخاوف" in q["text"] for q in quotes)
    # `kind` tells a script direct speech from a paraphrase (QA8 F10)
    assert all(set(q) == {"text", "speaker", "kind"} for q in quotes)
    kinds = {q["text"][:20]: q["kind"] for q in quotes}
    assert kinds["لوضع حد للهجمات العش"] == "direct"
    assert kinds["ينبغي لإيران تهدئة ا"] == "reported"
    related = data["related"]
    assert isinstance(related, list)
    page = [(r["title"], r["published_at"]) for r in related if r["kind"] == "page"]
    assert page == RELATED
    assert all(set(r) == {"title", "url", "published_at", "kind"} for r in related)


async def test_end_to_end_sample_site_poll_store_digest(site: SampleSite, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "nashra.db"
    settings = Settings(database_path=db_path, allow_private_sources=True,
                        fetch_timeout_seconds=5.0)
    db = Database(db_path)
    try:
        for feed in site.feed_urls:
            add_source(db, feed, settings=settings, now=NOW)
        await poll_once(db, settings, now=NOW, only_due=False)
        url = site.url(SEED_PATH)
        stored = find_article(db.db, url)
        assert stored is not None
        digest = load_digest(db.db, stored.id)
        assert digest is not None and digest.headline == HEADLINE
        row = db.db.table("articles").get(stored.id)
        assert row["digested_at"] is not None
        digested = db.db.execute("select count(*) from articles where digested_at is null"
                                 ).fetchone()[0]
        assert digested == 0  # every stored article got its digest in the same transaction
    finally:
        db.close()
    requests_before = len(site.requests)
    data = run_json(capsys, url + "?utm_source=telegram", "--db", str(db_path))
    assert len(site.requests) == requests_before  # stored: no second fetch
    check_seed(data)
    assert data["url"] == url
    assert data["published_at"] == "2018-02-25T18:20:00+00:00"


def test_fetches_an_unstored_page_once(site: SampleSite, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    url = site.url(SEED_PATH)
    data = run_json(capsys, url, "--db", str(tmp_path / "absent.db"))
    check_seed(data)
    assert data["story_id"] is None
    assert [r.path for r in site.requests].count(SEED_PATH) == 1
    assert not (tmp_path / "absent.db").exists()  # nothing written


def test_human_output_is_arabic_first(site: SampleSite, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["digest", site.url(SEED_PATH), "--db", str(tmp_path / "x.db")])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == HEADLINE
    assert "اقتباسات رئيسية / key quotes:" in lines
    assert any(line.startswith("  «لوضع حد للهجمات") and "— الرئاسة الفرنسية" in line
               for line in lines)
    # reported speech as the bot shows it: «بحسب X، …», not in quote marks (QA8 F10)
    # (the name the article gives the title, QA74-8)
    assert "  بحسب الوزير الفرنسي جان إيف لودريان، ينبغي لإيران تهدئة المخاوف بشأن " \
           "برنامجها للصواريخ " \
           "البالستية، وإلا فإنها ستكون معرضة لعقوبات جديدة" in lines
    assert not any("«ينبغي لإيران" in line for line in lines)
    assert "روابط ذات صلة / related:" in lines


def test_clear_errors(site: SampleSite, tmp_path: Path,
                      capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "x.db")
    assert main(["digest", "not a url", "--db", db]) == 1
    assert "http(s)" in capsys.readouterr().err
    assert main(["digest", site.url("/no/such/page.html"), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "تعذر جلب الصفحة" in err and "could not fetch" in err


def test_a_feed_link_is_told_apart_from_an_article(site: SampleSite, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """`digest FEED_URL`: our own bilingual pointer to `sources add`, not lxml's complaint
    about encoding declarations (QA8 F10)."""
    db = str(tmp_path / "x.db")
    feed = site.feed_urls[0]
    assert main(["digest", feed, "--db", db]) == 1
    err = capsys.readouterr().err
    assert f"هذا رابط خلاصة وليس مقالًا؛ أضفه مصدرًا: python run.py sources add {feed}" in err
    assert "this is a feed, not an article" in err and "lxml" not in err
    assert "Unicode strings" not in err
    garbage = site.add_route("/junk.bin", Response(body=b"\x00\x01garbage",
                                                    content_type="application/octet-stream"))
    assert main(["digest", garbage, "--db", db]) == 1
    err = capsys.readouterr().err
    assert "الصفحة ليست مقالًا" in err or "لم أجد نص مقال" in err


def test_an_xhtml_page_that_declares_its_encoding_is_read(site: SampleSite, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    """A page opening with `<?xml … encoding="windows-1256"?>` (XHTML) is an article too."""
    body = ('<?xml version="1.0" encoding="windows-1256"?>\n<html><head><title>خبر</title>'
            '</head><body><article><h1>اجتماع طارئ في بيروت</h1><p>قال وزير الخارجية إن '
            'الاجتماع الطارئ سيعقد في بيروت يوم الأحد لبحث الأزمة.</p></article></body></html>'
            ).encode("windows-1256")
    url = site.add_route("/x.xhtml", Response(body=body, content_type="application/xhtml+xml"))
    assert main(["digest", url, "--db", str(tmp_path / "x.db")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "اجتماع طارئ في بيروت"


def test_a_fetched_page_date_without_offset_is_read_in_the_sources_local_time(
        site: SampleSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # «الاثنين 5 آذار/مارس 2018 - 16:45» on the page carries no offset: the ingest rule reads it in
    # the stored source's learned offset (UTC+3 here), else SOURCE_UTC_OFFSET_MINUTES (0).
    wall = datetime(2018, 3, 5, 16, 45, tzinfo=timezone.utc)
    url = site.publish(slug="local-time", feed="main", title="خبر بتوقيت محلي",
                       paragraphs=["وصل الوفد إلى العاصمة صباح اليوم لبدء المحادثات."],
                       published=wall, style="visible")
    alone = run_json(capsys, url, "--db", str(tmp_path / "absent.db"))
    assert alone["published_at"] == "2018-03-05T16:45:00+00:00"

    db_path = tmp_path / "nashra.db"
    settings = Settings(database_path=db_path, allow_private_sources=True)
    db = Database(db_path)
    try:
        source = add_source(db, site.feed_urls[0], settings=settings, now=NOW)
        with db.transaction() as sql:
            sql.execute("update sources set utc_offset_minutes = 180 where id = ?", [source.id])
    finally:
        db.close()
    local = run_json(capsys, url, "--db", str(db_path))
    assert local["published_at"] == "2018-03-05T13:45:00+00:00"
    assert local["source"] == source.name

    # A second source on the same host: the page may be either's, so it is named by its host
    # (QA8 F10: an unstored page showed the first source's name), read at the default offset.
    db = Database(db_path)
    try:
        add_source(db, site.feed_urls[1], settings=settings, now=NOW, name="مصدر آخر")
    finally:
        db.close()
    shared = run_json(capsys, url, "--db", str(db_path))
    assert shared["source"] == "127.0.0.1"
    assert shared["published_at"] == "2018-03-05T16:45:00+00:00"


def test_a_denial_is_worded_as_the_bot_words_it() -> None:
    """`run.py digest` prints a denial «نفى X أن …» (cli.digest.quote_text), never «بحسب X»."""
    from cli.digest import quote_text
    from digests.models import Quote

    assert quote_text(Quote("أن يكون لهم أي علاقة", "المسؤولون", "denial")) == (
        "نفى المسؤولون أن يكون لهم أي علاقة")
    assert quote_text(Quote("أن يكون لهم أي علاقة", "", "denial")) == ""
    assert Quote("أن يكون", "السلطات", "denial").to_json()["kind"] == "denial"


def test_a_link_to_an_image_or_a_huge_page_is_refused_as_ingest_refuses_it(
        site: SampleSite, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`digest URL` fetches as ingest fetches a page (QA14 F5, F13): an image is no article, a
    page over the page cap is not read whole, and an article's text is cut where it is extracted."""
    from digests import extractor
    from digests.fetcher import PAGE_MAX_BYTES

    db = str(tmp_path / "x.db")
    image = site.add_route("/photo.png", Response(body=b"\x89PNG\r\n\x1a\n" + b"\x00" * 2048,
                                                   content_type="image/png"))
    assert main(["digest", image, "--db", db]) == 1
    err = capsys.readouterr().err
    assert "تعذر جلب الصفحة" in err and "could not fetch" in err
    huge = site.add_route("/huge.html", Response(
        body=b"<html><body><p>" + "الغوطة ".encode() * (PAGE_MAX_BYTES // 12 + 10)
        + b"</p></body></html>", content_type="text/html; charset=utf-8"))
    assert main(["digest", huge, "--db", db]) == 1
    assert "could not fetch" in capsys.readouterr().err
    first = "<p>قال وزير الخارجية الفرنسي جان إيف لودريان إن الحصار يجب أن ينتهي فورا في الغوطة.</p>"
    later = "<p>وقال رئيس الوزراء البريطاني إن المساعدات ستصل إلى السكان المحاصرين خلال أيام.</p>"
    long_page = site.add_route("/long.html", Response(
        body=("<html><head><title>حصار الغوطة</title></head><body><article>" + first
              + "<p>" + "تفاصيل الحصار والمعاناة اليومية للسكان. " * 40 + "</p>" + later
              + "</article></body></html>").encode(), content_type="text/html; charset=utf-8"))
    monkeypatch.setattr(extractor, "MAX_ARTICLE_CHARS", 400)  # read at the call: a small cut
    data = run_json(capsys, long_page, "--db", db)
    speakers = [q["speaker"] for q in data["quotes"]]
    assert any("لودريان" in s for s in speakers)
    assert not any("البريطاني" in s for s in speakers)  # past the cut: never read
