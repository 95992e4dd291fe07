"""bot.app at its edges: a stop in the middle of the scheduled poll, a stop while the Bot API
answers 502, a start against a Bot API that never answers, two /ingest at once (QA15 N3, N4,
N5, N10)."""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.api_noise import LastConfirmFilter, StartWatch
from bot.app import START_BOUND_SECONDS, poll_job, stop_application
from bot.runtime import RUNTIME_KEY, Runtime
from botkit import ADMIN, READER, running_bot, sample_db
from digests import sources
from digests.samplesite import Response, SampleSite

ROOT = Path(__file__).resolve().parent.parent
WAIT = 120.0  # seconds a test waits for what must come (never reached when green; 30 s
# was short for a run.py bot on a loaded host: S20 FL)
GOOD_SHAPED = "123456789:AAHqa14SeCrEtZz9Zz9Zz9Zz9Zz9Zz9Zz9QQ"


def _held(gate: threading.Event, arrived: threading.Event | None = None) -> Response:
    """A feed answered only once the test opens `gate` (or after WAIT); `arrived` is set as
    soon as the request is in."""
    if arrived is not None:
        arrived.set()
    gate.wait(WAIT)
    return Response(body=b'<rss version="2.0"><channel><title>t</title></channel></rss>',
                    content_type="application/rss+xml")


async def test_stopping_in_the_middle_of_the_scheduled_poll_cancels_it(tmp_path: Path) -> None:
    """QA15 N4: PTB's stop waits for running jobs, so a scheduled poll waiting on a silent site
    kept the bot up to FETCH_TIMEOUT_SECONDS (then recorded the site as failed). Now the job
    only starts the poll's task and the stop cancels it: nothing is recorded, the site is
    polled again at the next start."""
    gate, arrived = threading.Event(), threading.Event()
    path = sample_db(tmp_path)
    try:
        with SampleSite(with_sample=False) as site:
            site.add_route("/silent.xml", lambda request: _held(gate, arrived))
            async with running_bot(path) as h:
                for source in sources.list_sources(h.db):
                    sources.remove_source(h.db, source.id)
                silent = sources.add_source(h.db, site.url("/silent.xml"), settings=h.settings,
                                            now=datetime.now(UTC))
                finished = "select count(*) from polls where finished_at is not null"
                polls_done = h.db.db.execute(finished).fetchone()[0]
                assert h.app.job_queue is not None
                h.app.job_queue.run_once(poll_job, 0)
                await h.until(arrived.is_set, WAIT)
                rt: Runtime = h.app.bot_data[RUNTIME_KEY]
                task = rt.poll_task
                assert task is not None and not task.done()
                await stop_application(h.app)  # the harness's own stop finds it stopped
                assert task.cancelled()
                after = sources.get_source(h.db, silent.id)
                assert after is not None and after.last_error is None
                assert after.consecutive_failures == 0
                assert h.db.db.execute(finished).fetchone()[0] == polls_done
    finally:
        gate.set()


async def test_a_scheduled_poll_is_not_started_twice(tmp_path: Path) -> None:
    """The job returns at once now, so the JobQueue's one-instance rule no longer holds a second
    run back: the job itself skips while the previous poll's task runs."""
    gate, arrived = threading.Event(), threading.Event()
    path = sample_db(tmp_path)
    try:
        with SampleSite(with_sample=False) as site:
            site.add_route("/silent.xml", lambda request: _held(gate, arrived))
            async with running_bot(path) as h:
                for source in sources.list_sources(h.db):
                    sources.remove_source(h.db, source.id)
                sources.add_source(h.db, site.url("/silent.xml"), settings=h.settings,
                                   now=datetime.now(UTC))
                assert h.app.job_queue is not None
                h.app.job_queue.run_once(poll_job, 0)
                await h.until(arrived.is_set, WAIT)
                rt: Runtime = h.app.bot_data[RUNTIME_KEY]
                first = rt.poll_task
                ran = threading.Event()

                async def again(context: object) -> None:
                    await poll_job(context)  # type: ignore[arg-type]
                    ran.set()

                h.app.job_queue.run_once(again, 0)
                await h.until(ran.is_set, WAIT)
                assert rt.poll_task is first and site.hits("/silent.xml") == 0  # still held
                gate.set()
                assert first is not None
                await first
                assert h.db.db.execute("select count(*) from polls").fetchone()[0] >= 1
    finally:
        gate.set()


async def test_stopping_while_the_api_answers_502_is_one_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """QA15 N5: PTB's last getUpdates at stop (it confirms the updates taken) failed with an
    ERROR and three chained tracebacks; now one WARNING saying what it means."""
    with caplog.at_level(logging.WARNING):
        async with running_bot(sample_db(tmp_path)) as h:
            h.emu.fail_next(1000, 502, "Bad Gateway", methods=["getUpdates"])
            await h.until(lambda: h.emu.counters["error:502"] >= 1 or None, WAIT)
        # leaving the harness stopped the bot: the confirming getUpdates got its 502 too
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
    said = [r for r in caplog.records if "confirmation of the last updates" in r.getMessage()]
    assert len(said) == 1 and said[0].levelno == logging.WARNING
    assert said[0].exc_info is None and "Bad Gateway" in said[0].getMessage()


def test_the_last_confirm_filter_leaves_other_updater_records_alone() -> None:
    other = logging.LogRecord("telegram.ext.Updater", logging.ERROR, __file__, 1,
                              "Exception happened while polling for updates.", (), None)
    assert LastConfirmFilter().filter(other) and other.levelno == logging.ERROR


async def test_a_second_ingest_is_answered_after_the_firsts_acknowledgement(
        tmp_path: Path) -> None:
    """QA15 N10: two /ingest sent together; «الجلب جارٍ بالفعل» arrived before the first one's
    «⏳ بدأ جلب الأخبار…». Now «بدأ» first, then «جارٍ», then the one report."""
    gate = threading.Event()
    path = sample_db(tmp_path)
    try:
        with SampleSite(with_sample=False) as site:
            site.add_route("/held.xml", lambda request: _held(gate))
            async with running_bot(path) as h:
                for source in sources.list_sources(h.db):
                    sources.remove_source(h.db, source.id)
                sources.add_source(h.db, site.url("/held.xml"), settings=h.settings,
                                   now=datetime.now(UTC))
                before = len(h.emu.messages(ADMIN))
                h.emu.send_user_message(ADMIN, "/ingest")
                h.emu.send_user_message(ADMIN, "/ingest")
                got = await h.emu.await_messages(ADMIN, before + 2, timeout=WAIT)
                first, second = (m.plain_text for m in got[before:before + 2])
                assert "بدأ جلب الأخبار" in first and "الجلب جارٍ بالفعل" in second, \
                    (first, second)
                gate.set()
                await h.until(lambda: "انتهى الجلب" in h.emu.messages(ADMIN)[-1].plain_text
                              or None, WAIT)
                assert len(h.emu.messages(ADMIN)) == before + 3
    finally:
        gate.set()


# --- QA15 N3: a Bot API that takes the connection and never answers -------------------------


def test_the_start_watch_speaks_until_ready_then_stops(
        caplog: pytest.LogCaptureFixture) -> None:
    spoke = threading.Event()

    class Heard(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "no answer from the Telegram server" in record.getMessage():
                spoke.set()

    heard = Heard()
    logging.getLogger("bot.api_noise").addHandler(heard)
    try:
        with caplog.at_level(logging.WARNING, logger="bot.api_noise"):
            with StartWatch("api.example:443", 120.0, every=0.01) as watch:
                assert spoke.wait(WAIT)
                watch.ready()
            said = watch.said
    finally:
        logging.getLogger("bot.api_noise").removeHandler(heard)
    lines = [r.getMessage() for r in caplog.records if "Telegram server" in r.getMessage()]
    assert said >= 1 and len(lines) == said  # nothing after the block
    assert "لا ردّ من خادم تيليجرام (api.example:443)" in lines[0]
    assert "giving up after 120 s" in lines[0] and "أحاول مجددًا" in lines[0]


def test_the_start_watch_is_silent_once_the_start_gives_up(
        caplog: pytest.LogCaptureFixture) -> None:
    """Past the bound the start ends with its own clean line: no «retrying» that is not true."""
    with caplog.at_level(logging.WARNING, logger="bot.api_noise"):
        watch = StartWatch("api.example:443", 0.03, every=0.01)
        with watch:
            watch._thread.join(WAIT)  # it returns by itself at the bound
            assert not watch._thread.is_alive()
    assert 1 <= watch.said <= 2
    lines = [r.getMessage() for r in caplog.records if "Telegram server" in r.getMessage()]
    assert len(lines) == watch.said and all("after 0 s" in line for line in lines)


@contextmanager
def _silent_api() -> Iterator[str]:
    """A server that accepts every connection and never answers; its base URL."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/bot"
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        server.close()


def test_a_silent_api_at_start_is_said_every_15_seconds(tmp_path: Path) -> None:
    """QA15 N3: 121 s with nothing after «starting mode=polling». Now a bilingual WARNING every
    15 s with the bound (START_BOUND_SECONDS); SIGINT meanwhile ends the start quietly."""
    from digests.settings import env_keys

    env = {k: v for k, v in os.environ.items() if k not in env_keys()}
    with _silent_api() as base_url:
        env.update(TELEGRAM_BOT_TOKEN=GOOD_SHAPED, DATABASE_PATH=str(tmp_path / "bot.db"),
                   SOURCES_FILE=os.devnull, TELEGRAM_API_BASE_URL=base_url)
        proc = subprocess.Popen([sys.executable, "run.py", "bot"], cwd=ROOT, env=env,
                                stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        lines: list[str] = []
        try:
            assert proc.stderr is not None
            timer = threading.Timer(60.0, proc.kill)  # a hung start fails the test, not CI
            timer.start()
            for line in proc.stderr:
                lines.append(line)
                if "no answer from the Telegram server" in line:
                    break
            timer.cancel()
            proc.send_signal(signal.SIGINT)
            _, rest = proc.communicate(timeout=WAIT)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    said = [line for line in lines if "no answer from the Telegram server" in line]
    assert said, "".join(lines)[-3000:]
    assert "WARNING" in said[0] and "after 15 s" in said[0] and "بعد 15 ثانية" in said[0]
    assert f"giving up after {START_BOUND_SECONDS:.0f} s" in said[0]
    everything = "".join(lines) + rest
    assert "Traceback" not in everything and GOOD_SHAPED not in everything, everything[-3000:]
    assert proc.returncode == 0, everything[-3000:]
