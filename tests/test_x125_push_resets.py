"""X125 QA75-1: a /push send Telegram accepted before the connection was reset (no answer) is
sent again — the chat gets it twice — and the push report now counts it among the chats that
may have it twice (before: only read timeouts and kills were counted: «سُلّمت: ٤، فشلت: ٠» and
no «↻» line). A 5xx answer before acceptance is retried too, but is no repeat. The real
Application and sender against the emulator (`Emulator.reset_next`)."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, BotHarness, running_bot, sample_db
from delivery_helpers import add_chat
from test_x71_chat_holds import _no_gap

from digests.push_queue import push_progress
from digests.storage import Database

READERS = (7101, 7102, 7103, 7104)


def _setup(tmp_path: Path) -> Path:
    path = sample_db(tmp_path)
    with Database(path) as db:
        for reader in READERS:
            add_chat(db, reader, topics=("",))
    return path


def _report(h: BotHarness) -> str | None:
    done = [m.plain_text for m in h.emu.messages(ADMIN) if "انتهت النشرة" in m.plain_text]
    return done[-1] if done else None


async def test_a_reset_after_acceptance_is_counted_as_maybe_twice(tmp_path: Path) -> None:
    async with running_bot(_setup(tmp_path)) as h:
        _no_gap(h)
        h.emu.reset_next(1, chat_id=READERS[0])  # accepted, then the connection reset
        h.emu.fail_next(1, 500, "Internal Server Error", chat_id=READERS[1])  # refused
        await h.say(ADMIN, "/push")
        report = await h.until(lambda: _report(h), 30)
        assert len(h.emu.messages(READERS[0])) == 2  # at least once: it came twice
        assert [len(h.emu.messages(r)) for r in READERS[1:]] == [1, 1, 1]
        assert "قد تكون وصلت محادثة واحدة مرتين" in report, report
        assert "انقطع الاتصال" in report
        [push_id] = [r[0] for r in h.db.db.execute("select id from pushes")]
        progress = push_progress(h.db, push_id)
        assert (progress.delivered, progress.failed, progress.repeats) == (len(READERS), 0, 1)
