"""X107: QA66's and QA68's smaller items, each with the test that failed before its fix.

QA66-7: the database alert goes to each admin in the admin's stored language, and its Arabic
says what to do (it named the cause only; the English half had «free space at DATABASE_PATH»).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot import db_alerts
from digests.db_faults import Fault
from tests.botkit import ADMIN, running_bot, sample_db

if TYPE_CHECKING:
    from telegram import Bot

    from bot.emulator import Emulator
    from digests.settings import Settings
    from digests.storage import Database


async def test_a_database_alert_is_in_the_admins_language_and_says_what_to_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_alerts, "CHECK_SECONDS", 0.05)
    monkeypatch.setattr(db_alerts, "GRACE", 0.3)
    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.2) as h:
        await h.say(ADMIN, "/start")  # the admin's private chat, stored in Arabic
        await h.settle()
        monkeypatch.setattr(db_alerts, "free_bytes", lambda p: 4096)
        down = await h.until(lambda: [m.text for m in h.emu.messages(ADMIN)
                                      if "لا تقبل الكتابة" in m.text], timeout=10)
    assert "حرّر مساحة في مجلد DATABASE_PATH" in down[0]
    assert "The database" not in down[0]  # an Arabic admin reads Arabic only


def test_each_fault_says_what_to_do_in_arabic_and_in_english() -> None:
    faults: tuple[tuple[Fault, str, str], ...] = (
        ("full", "حرّر مساحة", "free space at DATABASE_PATH"),
        ("readonly", "حق الكتابة", "write access"),
        ("damaged", "recover fixed.db", "recover fixed.db"),
        ("locked", "حتى يتركها", "until it lets go"))
    for fault, ar, en in faults:
        said_ar = db_alerts.text("down", fault, 2, lang="ar")
        said_en = db_alerts.text("down", fault, 2, lang="en")
        assert ar in said_ar and "The database" not in said_ar, fault
        assert en in said_en and "قاعدة" not in said_en, fault
    both = db_alerts.text("down", "full", 2)  # an admin who never wrote: both, Arabic first
    assert both.index("حرّر مساحة") < both.index("The database has refused")


def test_the_restart_note_reads_for_one_story() -> None:
    """QA66-8: «خبر (عدد المحادثات: ١) كانت قيد الإرسال … وقد تصل هذه مرتين», and «إرسال نشرة»
    for what was an instant alert."""
    from bot.restart_note import InFlight, text

    one = text(InFlight(1, 1), "ar")
    # X125 (QA75-3): «رسالة لكل محادثة» said of several messages only
    assert "عندها: رسالة واحدة (فيها خبر واحد)؛" in one, one
    assert "كانت" not in one and "هذه" not in one and "نشرة" not in one, one
    assert "(فيها خبران)" in text(InFlight(2, 2), "ar")
    assert "٣ رسائل، رسالة لكل محادثة (فيها ٥ أخبار)" in text(InFlight(5, 3), "ar")
    en = text(InFlight(1, 1), "en")
    assert "1 message (1 story in it)" in en and "were" not in en and "broadcast" not in en, en


def test_english_quote_lines_isolate_the_speaker_and_drop_anna() -> None:
    """QA68-14: "البيت الأبيض denied: أن ترامب أقام …" (the Arabic «أن» after an English frame);
    QA66-12: «According to الوزير الفرنسي: …» — the Arabic speaker is an island (RLI…PDI)."""
    from bot.lines import PDI, RLI
    from bot.story_quotes import quote_line
    from digests.models import Quote

    def shown(quote: Quote) -> str:
        line = quote_line(quote, "en")
        assert line is not None
        return "".join(span.text for span in line)

    denied = shown(Quote("أن ترامب أقام علاقة مع دانييلز", "البيت الأبيض", "denial"))
    assert f"{RLI}البيت الأبيض{PDI} denied" in denied
    assert "أن ترامب" not in denied and "ترامب أقام علاقة مع دانييلز" in denied
    assert "إنه كان هناك" in shown(Quote("أنه كان هناك", "المتحدث", "denial"))
    said = shown(Quote("ينبغي لإيران أن تتفاوض", "الوزير الفرنسي", "reported"))
    assert f"According to {RLI}الوزير الفرنسي{PDI}" in said
    # the Arabic lines are as before
    line = quote_line(Quote("أن ترامب أقام علاقة", "البيت الأبيض", "denial"), "ar")
    assert line is not None and "".join(s.text for s in line) == "نفى البيت الأبيض أن ترامب أقام علاقة"


def test_a_page_holding_every_result_says_how_many() -> None:
    """QA68-18: «نتائج «كورونا»: ١ إلى ١ من ١» for one result; a range only when there is more."""
    from datetime import UTC, datetime

    from bot.render import render_results
    from digests.models import Digest
    from tests.telegram_html import visible_text

    now = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)

    def head(n: int, lang: str, **kw: object) -> str:
        stories = [Digest(url=f"https://x.example/{i}", source="مصدر", headline=f"عنوان {i}")
                   for i in range(n)]
        page = render_results(stories, lang, now, query="كورونا", **kw)  # type: ignore[arg-type]
        return visible_text(page[0]).split("\n")[0]

    assert head(1, "ar").endswith("نتائج «كورونا»: خبر واحد")
    assert head(2, "ar").endswith("نتائج «كورونا»: خبران")
    assert head(3, "ar").endswith("نتائج «كورونا»: ٣ أخبار")
    assert "1 story" in head(1, "en") and "3 stories" in head(3, "en")
    assert head(5, "ar", total=12).endswith("١ إلى ٥ من ١٢")  # more than the page: a range
    assert head(2, "ar", offset=5, total=7).endswith("٦ إلى ٧ من ٧")  # a later page
    assert head(3, "ar", total=3, total_exact=False).endswith("من ٣ على الأقل")


async def test_the_running_sender_skips_rows_over_a_day_late(
        database: "Database", emu: "Emulator", bot: "Bot",
        monkeypatch: pytest.MonkeyPatch) -> None:
    """X102's left: late rows were dropped only at the start; a bot that stayed up while
    Telegram could not be reached for days sent them when it came back. The sender's pass skips
    them by the same rule (digests.late_rows), a retried row by its age as well (a retry moved
    its due time). Real SQLite, the emulator, a pinned clock."""
    from datetime import timedelta

    from delivery_helpers import NOW, add_article, add_chat, add_source, rows
    from test_sender import make_sender

    from bot import sender as sender_module
    from digests.late_rows import OVERDUE_REASON
    from digests.models import iso

    monkeypatch.setattr(sender_module, "LATE_CHECK_SECONDS", 0.0)
    src = add_source(database, "مصدر")
    queued = (  # (chat, created, not_before, attempts): the first two are a day late
        (1, NOW - timedelta(hours=30), None, 0),  # an alert of yesterday morning
        (2, NOW - timedelta(days=3), NOW - timedelta(minutes=5), 4),  # retried through it
        (3, NOW - timedelta(hours=2), None, 0),  # this morning's: goes
        (4, NOW - timedelta(hours=30), NOW - timedelta(minutes=1), 0))  # a daily digest: goes
    for chat, created, due, attempts in queued:
        add_chat(database, chat)
        article = add_article(database, src, f"خبر {chat}", story_id=700 + chat)
        database.db.execute(
            "insert into outbox (chat_id, story_id, article_id, kind, created_at, not_before,"
            " attempts, status) values (?, ?, ?, 'instant', ?, ?, ?, 'pending')",
            [chat, 700 + chat, article.id, iso(created), iso(due), attempts])
    sender = make_sender(database, bot)
    await sender.run_once()
    assert [len(emu.messages(chat)) for chat in (1, 2, 3, 4)] == [0, 0, 1, 1]
    got = [(r["status"], r["last_error"]) for r in rows(database)]
    assert got[:2] == [("skipped", OVERDUE_REASON)] * 2, got


async def test_a_clock_set_back_logs_one_line_per_poll_not_one_per_article(
        database: "Database", settings: "Settings", caplog: pytest.LogCaptureFixture) -> None:
    """QA66-6: with the server's clock behind, every stored article logged «article dated in the
    future, stored at its fetch time …» (29 a minute in QA66's rig). The sample site's 11
    articles polled with the clock two months back: one WARNING, with the count."""
    import logging
    from datetime import datetime, timezone

    from digests.pipeline import poll_once
    from digests.samplesite import SampleSite
    from digests.sources import add_source

    back = datetime(2018, 1, 1, tzinfo=timezone.utc)  # the site's articles are of Feb–Mar 2018
    with SampleSite() as site:
        for slug in ("main", "world", "economy"):
            add_source(database, site.feed_url(slug), settings=settings, now=back, name=slug)
        with caplog.at_level(logging.WARNING):
            summary = await poll_once(database, settings, now=back)
    said = [r.getMessage() for r in caplog.records if "in the future" in r.getMessage()]
    assert summary.new == 11
    assert len(said) == 1, said
    assert "count=11 sources=3" in said[0], said


def test_a_read_only_folder_is_named_as_a_folder(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """QA66-11: `chattr +i` on the database's folder (the file writable) answered «unable to
    open database file: choose a file in a writable folder, Nashra's SQLite file or a new one»
    — the advice for a wrong path. The folder is named, and what to do about it. (The tests
    run as root, whom no mode stops: the folder's access is what `os.access` answers.)"""
    import os

    from cli import main as cli_main

    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "nashra.db"
    path.write_bytes(b"")
    real = os.access
    monkeypatch.setattr(cli_main.os, "access", lambda p, mode: (
        False if Path(p) == folder and mode == os.W_OK else real(p, mode)))
    said = cli_main.database_error(path, sqlite3.OperationalError("unable to open database file"))
    assert f"المجلد {folder} للقراءة فقط" in said and f"the folder {folder} is read-only" in said
    assert "choose a file" not in said
    monkeypatch.setattr(cli_main.os, "access", real)  # a writable folder: as before
    assert "choose a file in a writable folder" in cli_main.database_error(
        path, sqlite3.OperationalError("unable to open database file"))


def test_the_singular_election_finds_the_elections(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """QA68-9: «الانتخاب» (62 in QA68's corpus, only «انتخاب فلان») and «انتخابات» (382) were two
    worlds; the singular is searched, followed and alerted as the plural too, and back."""
    from test_search import add, load

    from cli.main import main
    from digests.storage import Database
    from digests.topic_match import alert_matches

    path = sample_db(tmp_path)
    with Database(path) as db:
        add(db, 900960, "الانتخابات الرئاسية في مصر: السيسي يفوز بولاية ثانية",
            "أعلنت نتائج الانتخابات.", days_ago=1)
        add(db, 900961, "إعادة انتخاب بوتين رئيسا لروسيا", "فاز بوتين في الاقتراع.", days_ago=1)
        plural, singular = load(db.db, 900960), load(db.db, 900961)
    assert main(["search", "--db", str(path), "--limit", "5", "الانتخاب"]) == 0
    out = capsys.readouterr().out
    assert "الانتخابات الرئاسية في مصر" in out and "إعادة انتخاب بوتين" in out, out
    assert main(["search", "--db", str(path), "--limit", "5", "انتخابات"]) == 0
    assert "إعادة انتخاب بوتين" in capsys.readouterr().out
    assert alert_matches("الانتخاب", plural) and alert_matches("الانتخابات", singular)


def test_the_sandbox_sends_a_quoted_number_as_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    """QA68-17: in `run.py sandbox` a typed «2018» (or «911») with buttons on screen was «no
    button 2018»: a tester could not search a year. «'2018» sends it as the operator's message,
    and the «no button» line says so. The real conversation loop against the emulator."""
    import io
    import threading

    import httpx

    from bot.emulator import Emulator
    from cli import sandbox_console
    from tests.test_x55_sandbox_press import _Typed

    monkeypatch.setattr(sandbox_console, "SILENT_SECONDS", 0.2)
    monkeypatch.setattr(sandbox_console, "QUIET_SECONDS", 0.2)
    texts: list[str] = []
    with Emulator() as emu:
        api = f"{emu.url}/bot123:TEST"
        httpx.post(f"{api}/sendMessage", json={"chat_id": 1001, "text": "نتائج", "reply_markup": {
            "inline_keyboard": [[{"text": "المزيد", "callback_data": "x1"}]]}})
        stop = threading.Event()

        def bot_reading_updates() -> None:  # takes the operator's messages, answers none
            offset = 0
            while not stop.is_set():
                got = httpx.post(f"{api}/getUpdates", json={"offset": offset, "timeout": 0},
                                 timeout=5).json()["result"]
                texts.extend(u["message"]["text"] for u in got if "message" in u)
                offset = max([offset, *(u["update_id"] + 1 for u in got)])
                stop.wait(0.05)

        reader = threading.Thread(target=bot_reading_updates, daemon=True)
        reader.start()
        out = io.StringIO()
        try:
            sandbox_console.converse(emu, _Typed([(None, "مرحبا\n"),  # type: ignore[arg-type]
                                                  (None, "2018\n"), (None, "'2018\n"),
                                                  (None, "'quoted\n")]), out)
        finally:
            stop.set()
            reader.join(5)
    assert "no button 2018; to send it as a message, type '2018" in out.getvalue()
    assert texts == ["مرحبا", "2018", "'quoted"], texts


async def test_a_stored_chat_is_told_of_a_locked_database_in_its_language(
        tmp_path: Path) -> None:
    """QA66-7: while the database refused writes, a known Arabic admin's request was answered
    «… / the database is busy …»: in both languages, as for a chat not stored yet. A stored
    chat reads its own (the read works while writes are refused); a new one both, as before."""
    import asyncio

    path = sample_db(tmp_path)
    async with running_bot(path, busy_seconds=0.2) as h:
        await h.say(ADMIN, "/start")  # stored, in Arabic
        await h.settle()
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("begin immediate")  # another program holds the write lock
        try:
            h.emu.send_user_message(ADMIN, "/subscribe الغوطة")  # a write
            busy = await h.until(lambda: [m.text for m in h.emu.messages(ADMIN)
                                          if "مشغولة" in m.text], timeout=10)
        finally:
            holder.execute("rollback")
            holder.close()
        await asyncio.sleep(0)
    assert busy[0] == "قاعدة البيانات مشغولة الآن، أعد المحاولة بعد قليل", busy


def test_a_chat_not_stored_is_told_in_both_languages() -> None:
    """…and a chat whose record could not be read or written: both, Arabic first."""
    from types import SimpleNamespace

    from bot.update_errors import BUSY_REPLY, UNSAVED_REPLY, _fault_reply

    class _NoDb:
        @property
        def db(self) -> object:
            raise sqlite3.OperationalError("database is locked")

    rt = SimpleNamespace(db=_NoDb())
    assert _fault_reply(rt, 5, True) == BUSY_REPLY  # type: ignore[arg-type]
    assert _fault_reply(rt, None, False) == UNSAVED_REPLY  # type: ignore[arg-type]
    assert " / " in BUSY_REPLY and " / " in UNSAVED_REPLY


def test_the_spellings_of_chemical_find_each_other(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """QA68-15: «الكيماوي» (29), «كيميائي» (16) and "chemical weapons" were three sets."""
    from test_search import add, load

    from cli.main import main
    from digests.storage import Database
    from digests.topic_match import alert_matches

    path = sample_db(tmp_path)
    with Database(path) as db:
        add(db, 900970, "اتهامات للنظام بشن هجوم كيميائي على دوما", "هجوم بالغاز.", days_ago=1)
        add(db, 900971, "روسيا تنفي استخدام السلاح الكيماوي", "نفت موسكو.", days_ago=1)
        add(db, 900972, "منظمة حظر الأسلحة الكيميائية تصل إلى دوما", "وصل المفتشون.",
            days_ago=1)
        attack = load(db.db, 900970)
    assert main(["search", "--db", str(path), "--limit", "5", "الكيماوي"]) == 0
    out = capsys.readouterr().out
    assert "هجوم كيميائي على دوما" in out and "السلاح الكيماوي" in out, out
    assert main(["search", "--db", str(path), "--limit", "5", "الأسلحة الكيماوية"]) == 0
    assert "منظمة حظر الأسلحة الكيميائية" in capsys.readouterr().out
    assert alert_matches("الكيماوي", attack)
