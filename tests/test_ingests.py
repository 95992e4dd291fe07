"""bot.ingests: an /ingest is answered even when the bot is killed or stopped in the middle of
the poll (the request is owed in the database, migration 022), and answered once."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from botkit import ADMIN, TOKEN, running_bot, sample_db
from test_cli_main import SUBPROCESS_WAIT

from bot.emulator import Emulator
from bot.ingests import (
    REDELIVERY_WINDOW,
    answered,
    owe_ingest,
    owed_ingests,
    prune_ingests,
    record_answer,
)
from digests.storage import Database

ROOT = Path(__file__).resolve().parent.parent
INTERRUPTED = "توقف الجلب قبل أن يكتمل؛ أعد المحاولة بـ /ingest"


class SilentSite:
    """A feed host on 127.0.0.1 that accepts connections and never answers (a poll hangs)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.held: list[socket.socket] = []
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/feed.xml"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.held:
            conn.close()


def _owed(path: Path) -> int:
    with Database(path) as db:
        return len(owed_ingests(db))


def _until_answered(path: Path, timeout: float = 20.0) -> None:
    """Wait until no /ingest is owed."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Database(path) as db:
            if not owed_ingests(db):
                return
        time.sleep(0.1)
    raise TimeoutError("the /ingest answer was never marked as given")


def _start(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "run.py", "bot"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_an_ingest_killed_mid_poll_is_answered_after_the_restart(tmp_path: Path) -> None:
    """X8 (QA12 run I): SIGKILL while /ingest polls; the restarted bot tells the admin the poll
    stopped before it finished and how to run it again — once, not at every start."""
    site = SilentSite()
    sources = tmp_path / "sources.txt"
    sources.write_text(f"{site.url} موقع صامت\n", encoding="utf-8")
    try:
        with Emulator(token=TOKEN) as emu:
            env = {k: v for k, v in os.environ.items()
                   if not k.startswith(("TELEGRAM_", "ADMIN"))}
            env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=emu.base_url,
                       DATABASE_PATH=str(tmp_path / "bot.db"), SOURCES_FILE=str(sources),
                       ADMIN_IDS=str(ADMIN), ALLOW_PRIVATE_SOURCES="true",
                       FETCH_TIMEOUT_SECONDS="120", LOG_LEVEL="INFO")
            proc = _start(env)
            try:
                emu.send_user_message(ADMIN, "/ingest")
                [started] = emu.wait_for_messages(ADMIN, 1, timeout=SUBPROCESS_WAIT)
                assert "بدأ جلب الأخبار" in started.plain_text
            finally:
                proc.send_signal(signal.SIGKILL)
                proc.communicate(timeout=SUBPROCESS_WAIT)
            with Database(tmp_path / "bot.db") as db:
                assert [(c, lang, r) for _, c, lang, r in owed_ingests(db)] == [(ADMIN, "ar", None)]
            for start in range(2):  # the second start owes nothing
                proc = _start(env)
                try:
                    emu.send_user_message(ADMIN + 1, "/start")  # the bot is up and answering
                    emu.wait_for_messages(ADMIN + 1, len(emu.messages(ADMIN + 1)) + 1,
                                          timeout=SUBPROCESS_WAIT)
                    if start == 0:
                        [_, answer] = emu.wait_for_messages(ADMIN, 2, timeout=SUBPROCESS_WAIT)
                        bare = answer.plain_text.replace("\u200f", "").replace("\u200e", "")
                        assert bare == "⚠️ " + INTERRUPTED, bare
                        # marked as given once Telegram answered: a moment after the emulator
                        # recorded it (stopped before that, the next start would say it again)
                        _until_answered(tmp_path / "bot.db")
                        # marked as given once Telegram answered: a moment after the emulator
                        # recorded it (stopped before that, the next start would say it again)
                        emu.wait_for(lambda: _owed(tmp_path / "bot.db") == 0,
                                     SUBPROCESS_WAIT)
                finally:
                    proc.send_signal(signal.SIGINT)
                    out, err = proc.communicate(timeout=SUBPROCESS_WAIT)
                assert proc.returncode == 0, err[-2000:]
            # Telegram may hand the restarted bot the /ingest the killed one had not confirmed:
            # the same message starts no second poll (its «⏳» would follow the «⚠️ توقف…»)
            assert len(emu.messages(ADMIN)) == 2, [m.plain_text for m in emu.messages(ADMIN)]
            with Database(tmp_path / "bot.db") as db:
                assert owed_ingests(db) == []
    finally:
        site.close()


async def test_a_stopped_poll_and_a_finished_one_are_answered_at_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A graceful stop cancels the poll (no answer then); a poll that finished but whose answer
    never reached Telegram keeps it. The next start gives both, in order, in the admin's
    language."""
    import digests.pipeline

    async def hanging(*args: object, **kwargs: object) -> None:
        await asyncio.sleep(3600)

    path = sample_db(tmp_path)
    monkeypatch.setattr(digests.pipeline, "poll_once", hanging)
    async with running_bot(path) as h:
        [started] = await h.say(ADMIN, "/ingest", language_code="en")
        assert "Polling the sources" in started.plain_text
    monkeypatch.undo()
    with Database(path) as db:
        done = owe_ingest(db, ADMIN, "ar", datetime.now(UTC))
        assert done is not None
        record_answer(db, done, "✅ انتهى الجلب — كما حُفظ", datetime.now(UTC))
        assert len(owed_ingests(db)) == 2
    async with running_bot(path) as h:
        got = await h.emu.await_messages(ADMIN, 2, timeout=10)
        assert got[0].plain_text.startswith("⚠️ The poll stopped before it finished")
        assert "/ingest" in got[0].plain_text
        assert got[1].plain_text == "✅ انتهى الجلب — كما حُفظ"
        assert await h.until(lambda: owed_ingests(h.db) == [], 10)
    async with running_bot(path) as h:
        await h.settle()
        assert h.emu.messages(ADMIN) == []


def test_the_same_ingest_message_is_one_request(tmp_path: Path) -> None:
    """A redelivered update (the killed bot had not confirmed it) is the request already owed."""
    with Database(sample_db(tmp_path)) as db:
        first = owe_ingest(db, ADMIN, "ar", datetime.now(UTC), message_id=41)
        assert first is not None
        assert owe_ingest(db, ADMIN, "ar", datetime.now(UTC), message_id=41) is None
        assert owe_ingest(db, ADMIN + 1, "ar", datetime.now(UTC), message_id=41) is not None
        assert owe_ingest(db, ADMIN, "ar", datetime.now(UTC)) is not None  # no id: always new
        assert len(owed_ingests(db)) == 3


def test_an_old_request_with_the_same_message_id_is_another_message(tmp_path: Path) -> None:
    """QA16 N3: message ids start again in a database reused with a new bot token; only a
    request of the last REDELIVERY_WINDOW is a redelivery."""
    now = datetime(2026, 11, 30, 8, tzinfo=UTC)
    with Database(sample_db(tmp_path)) as db:
        old = owe_ingest(db, ADMIN, "ar", now - REDELIVERY_WINDOW - timedelta(seconds=1),
                         message_id=2)
        assert old is not None
        again = owe_ingest(db, ADMIN, "ar", now, message_id=2)
        assert again is not None and again != old
        assert owe_ingest(db, ADMIN, "ar", now + REDELIVERY_WINDOW, message_id=2) is None


def test_answered_requests_are_pruned_after_a_week_in_batches(tmp_path: Path) -> None:
    """QA16 N2: answered requests older than KEEP_ANSWERED go; unanswered ones stay."""
    now = datetime(2026, 11, 30, 8, tzinfo=UTC)
    with Database(sample_db(tmp_path)) as db:
        ids: list[int] = []
        for age in (9, 8, 8, 8, 6):  # days
            at = now - timedelta(days=age)
            rid = owe_ingest(db, ADMIN, "ar", at, message_id=age * 100 + len(ids))
            assert rid is not None
            ids.append(rid)
            if len(ids) != 2:
                answered(db, rid, at)
        assert prune_ingests(db, now, batch=2) == 3  # two batches: 2 + 1
        left = [r[0] for r in db.db.execute("select id from ingest_requests order by id")]
        assert left == [ids[1], ids[4]]  # the unanswered one and the recent one
        assert prune_ingests(db, now) == 0
        assert prune_ingests(db, now + timedelta(days=2)) == 1


async def test_a_reused_message_id_gets_its_ingest_answered(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """QA16 N3 end to end: every message id the emulator may give already names an /ingest
    answered hours ago; the admin's /ingest is answered, not ignored."""
    import digests.pipeline

    async def hanging(*args: object, **kwargs: object) -> None:
        await asyncio.sleep(3600)

    path = sample_db(tmp_path)
    with Database(path) as db:
        hours_ago = datetime.now(UTC) - timedelta(hours=3)
        for message_id in range(1, 200):
            rid = owe_ingest(db, ADMIN, "ar", hours_ago, message_id=message_id)
            assert rid is not None
            answered(db, rid, hours_ago)
    monkeypatch.setattr(digests.pipeline, "poll_once", hanging)
    async with running_bot(path) as h:
        [started] = await h.say(ADMIN, "/ingest")
        assert "بدأ جلب الأخبار" in started.plain_text


async def test_the_daily_purge_job_prunes_the_outbox_and_answered_requests(
        tmp_path: Path) -> None:
    """QA16 N2 through the bot's scheduled job: what is old and finished goes; a row of a story
    reported lately and a request still owed stay."""
    from telegram.ext import CallbackContext

    from bot.app import purge_job
    from digests.models import iso

    path = sample_db(tmp_path)
    long_ago = datetime.now(UTC) - timedelta(days=40)
    with Database(path) as db:
        owed = owe_ingest(db, ADMIN, "ar", long_ago, message_id=7)
        done = owe_ingest(db, ADMIN, "ar", long_ago, message_id=8)
        assert owed is not None and done is not None
        answered(db, done, long_ago)
        (fresh_story,) = db.db.execute("select story_id from articles where story_id is not null"
                                       " limit 1").fetchone()
        with db.transaction() as tx:
            tx.execute("insert into chats (id, created_at) values (?, ?)",
                       [ADMIN + 5, iso(long_ago)])
            for n in range(5):  # four stories nobody reported for 40 days, one of today
                story = fresh_story if n == 0 else -10_000 - n
                tx.execute("insert into outbox (chat_id, story_id, kind, status, created_at,"
                           " sent_at) values (?,?,'instant','sent',?,?)",
                           [ADMIN + 5, story, iso(long_ago), iso(long_ago)])
    async with running_bot(path) as h:
        await purge_job(CallbackContext(h.app))
        assert [r[0] for r in h.db.db.execute("select story_id from outbox where chat_id = ?",
                                              [ADMIN + 5])] == [fresh_story]
        assert [r[0] for r in h.db.db.execute("select id from ingest_requests")] == [owed]


def test_another_bots_message_with_the_same_id_is_a_new_request(tmp_path: Path) -> None:
    """QA17: a database reused with a new bot token (message ids start again) ignored the
    admin's /ingest for REDELIVERY_WINDOW; only the same bot's message is a redelivery."""
    now = datetime(2026, 11, 30, 8, tzinfo=UTC)
    with Database(sample_db(tmp_path)) as db:
        first = owe_ingest(db, ADMIN, "ar", now, message_id=1, bot_id=111)
        assert first is not None
        assert owe_ingest(db, ADMIN, "ar", now + timedelta(minutes=1), message_id=1,
                          bot_id=111) is None  # the same bot's, handed again
        other = owe_ingest(db, ADMIN, "ar", now + timedelta(minutes=2), message_id=1,
                           bot_id=222)
        assert other is not None and other != first
        assert owe_ingest(db, ADMIN, "ar", now + timedelta(minutes=3), message_id=1,
                          bot_id=222) is None
        # a request recorded before the bot was (migration 026) is taken as the same bot's
        db.db.execute("update ingest_requests set bot_id = null where id = ?", [first])
        assert owe_ingest(db, ADMIN, "ar", now + timedelta(minutes=4), message_id=1,
                          bot_id=333) is None


async def test_a_new_token_on_a_reused_database_answers_ingest_at_once(tmp_path: Path) -> None:
    """The real bot: an /ingest whose message id a previous bot's request had (recorded a
    minute ago) is answered, not ignored as a redelivery."""
    path = sample_db(tmp_path)
    with Database(path) as db:
        db.db.execute("update sources set active = 0")
        previous = owe_ingest(db, ADMIN, "ar", datetime.now(UTC) - timedelta(minutes=1),
                              message_id=1, bot_id=987654321)
        assert previous is not None
        answered(db, previous, datetime.now(UTC))
    async with running_bot(path) as h:
        got = await h.say(ADMIN, "/ingest", n=2, timeout=20)
        assert any("بدأ" in m.plain_text for m in got)
        owed = h.db.db.execute("select message_id, bot_id from ingest_requests order by id"
                               ).fetchall()
        # the same message id as the previous bot's request, which no longer hides it
        assert [tuple(r) for r in owed] == [(1, 987654321), (1, h.app.bot.id)]
