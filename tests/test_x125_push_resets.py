"""X125 QA75-1: a /push send Telegram accepted before the connection was reset (no answer) is
sent again — the chat gets it twice — and the push report now counts it among the chats that
may have it twice (before: only read timeouts and kills were counted: «سُلّمت: ٤، فشلت: ٠» and
no «↻» line). A 5xx answer before acceptance is retried too, but is no repeat. The real
Application and sender against the emulator (`Emulator.reset_next`)."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot
from pushkit import general_readers, push_report
from test_x71_chat_holds import _no_gap

from digests.push_queue import push_progress

READERS = (7101, 7102, 7103, 7104)




async def test_a_reset_after_acceptance_is_counted_as_maybe_twice(tmp_path: Path) -> None:
    async with running_bot(general_readers(tmp_path, READERS)) as h:
        _no_gap(h)
        h.emu.reset_next(1, chat_id=READERS[0])  # accepted, then the connection reset
        h.emu.fail_next(1, 500, "Internal Server Error", chat_id=READERS[1])  # refused
        await h.say(ADMIN, "/push")
        report = await h.until(lambda: push_report(h), 30)
        assert len(h.emu.messages(READERS[0])) == 2  # at least once: it came twice
        assert [len(h.emu.messages(r)) for r in READERS[1:]] == [1, 1, 1]
        assert "قد تكون وصلت محادثة واحدة مرتين" in report, report
        assert "انقطع الاتصال" in report
        [push_id] = [r[0] for r in h.db.db.execute("select id from pushes")]
        progress = push_progress(h.db, push_id)
        assert (progress.delivered, progress.failed, progress.repeats) == (len(READERS), 0, 1)
