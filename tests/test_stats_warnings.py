"""QA27 D8: /stats says when the disk holding the database is full and when the server's clock
is wrong (bot.stats_warnings), with a WARNING in the log. The real bot and emulator; the disk
is a real 24 MB tmpfs filled up (skipped where this process may not mount one); the clock is
seen as Telegram sees it: the /stats message dated by Telegram's clock (the emulator's date)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db, sample_template

from bot.stats_warnings import (FULL_BYTES, LOW_DISK_BYTES, MB, clock_warning, disk_warning,
                                gather)
from digests.models import iso

NOW = datetime(2026, 11, 30, 18, 0, tzinfo=timezone.utc)


def test_the_disk_line_says_nearly_full_then_full_with_what_is_owed() -> None:
    assert disk_warning(None, 0) is None and disk_warning(LOW_DISK_BYTES, 3) is None
    nothing_owed = disk_warning(0, 0)
    assert nothing_owed is not None and "outcomes" not in nothing_owed.text("en")
    low = disk_warning(40 * MB, 0)
    assert low is not None and "nearly full (40 MB free)" in low.text("en")
    assert "٤٠ م.ب" in low.text("ar")
    full = disk_warning(FULL_BYTES - 1, 7)
    assert full is not None and full.text("en").startswith("⚠️ The disk holding the database "
                                                            "is full (0 MB free)")
    assert "7 outcomes of sent messages are not written yet" in full.text("en")
    assert "ممتلئ" in full.text("ar") and "٧ رسائل" in full.text("ar")


def test_the_clock_line_compares_with_telegram_then_with_the_last_poll() -> None:
    behind = clock_warning(NOW, NOW + timedelta(hours=1), None)
    # X102 (QA66-3): past an hour in hours and days; the zone named once, after both times
    assert behind is not None and "1 h behind Telegram's" in behind.text("en")
    assert "19:00, the server reads 18:00 UTC" in behind.text("en")
    assert "متأخرة ساعة عن" in behind.text("ar")
    ahead = clock_warning(NOW, NOW - timedelta(minutes=30), None)
    assert ahead is not None and "30 min before this server's clock" in ahead.text("en")
    assert "if it was sent just now" in ahead.text("en")
    assert clock_warning(NOW, NOW + timedelta(seconds=50), None) is None  # Telegram's delay
    assert clock_warning(NOW, NOW - timedelta(minutes=4), None) is None  # a short wait
    back = clock_warning(NOW, NOW, NOW + timedelta(minutes=65))
    assert back is not None and "last poll is recorded at 19:05, after" in back.text("en")
    assert clock_warning(NOW, None, NOW - timedelta(minutes=15)) is None


async def test_stats_says_the_clock_is_behind_telegrams(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [fine] = await h.say(ADMIN, "/stats", language_code="en")
        assert "⚠️" not in fine.plain_text  # the clocks agree: nothing said
        # the server's clock set back an hour (QA27 S6): Telegram dates the command an hour on
        telegram = int(time.time()) + 3600
        before = len(h.emu.messages(ADMIN))
        with caplog.at_level(logging.WARNING, logger="bot.stats"):
            h.emu.send_user_message(ADMIN, "/stats", extra={"date": telegram})
            [said] = (await h.emu.await_messages(ADMIN, before + 1, timeout=15))[before:]
        assert "⚠️ This server's clock is 1 h behind Telegram's" in said.plain_text  # X102
        assert any("stats warning kind=clock skew_seconds=+3" in r.getMessage()
                   for r in caplog.records)
        # a poll recorded under the earlier clock, later than now
        with h.db.transaction() as tx:
            tx.execute("insert into polls (started_at, finished_at) values (?, ?)",
                       [iso(datetime.now(timezone.utc) + timedelta(minutes=61))] * 2)
        [back] = await h.say(ADMIN, "/stats", language_code="en")
        assert "the clock was set back since" in back.plain_text


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 24 MB filesystem (tmpfs) at tmp_path/small."""
    folder = tmp_path / "small"
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(folder)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()[:100]}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Write zeros into `folder` until its filesystem is full."""
    filler = folder / "filler"
    with open(filler, "wb") as out:
        try:
            while True:
                out.write(b"\0" * MB)
                out.flush()
        except OSError:
            pass
    return filler


async def test_stats_says_the_disk_is_full(small_disk: Path,
                                           caplog: pytest.LogCaptureFixture) -> None:
    if sample_template().stat().st_size > 16 * MB:
        pytest.skip("the sample database does not fit the small disk")
    async with running_bot(sample_db(small_disk)) as h:
        [near] = await h.say(ADMIN, "/stats", language_code="en")
        assert "nearly full" in near.plain_text  # 24 MB: under LOW_DISK_BYTES already
        filler = fill(small_disk)
        with caplog.at_level(logging.WARNING, logger="bot.stats"):
            [full] = await h.say(ADMIN, "/stats")
        assert ("⚠️ The disk holding the database is full (0 MB free): nothing is written and"
                " deliveries wait — free space") in full.plain_text
        assert any("stats warning kind=disk free_mb=0" in r.getMessage() for r in caplog.records)
        filler.unlink()
        [again] = await h.say(ADMIN, "/stats")
        assert "is full" not in again.plain_text


def test_gather_skips_the_clock_check_for_a_pinned_clock(tmp_path: Path) -> None:
    from bot.runtime import Runtime
    from digests.settings import Settings
    from digests.storage import Database

    path = tmp_path / "nashra.db"
    shutil.copyfile(sample_template(), path)
    with Database(path) as db:
        rt = Runtime(settings=Settings(database_path=path), db=db, clock=lambda: NOW)
        assert [w.kind for w in gather(rt, NOW + timedelta(hours=5))] in ([], ["disk"])
