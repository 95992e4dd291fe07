"""Test kit for the bot: the real PTB Application against D1's emulator, with sample news.

`sample_db(tmp_path)` copies a database holding the bundled sample site's articles (ingested once
per test session through the real pipeline); `running_bot(...)` starts the emulator and the
Application (long polling, the sender as a background task) and yields a `BotHarness` whose
helpers inject user actions and wait for the bot's answers.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bot.app import build_application, start_application, stop_application
from bot.runtime import utc_now
from bot.emulator import Emulator, SentMessage, User
from digests import subscriptions
from digests.settings import Settings
from digests.storage import Database

TOKEN = "123456789:TEST-token-for-the-emulator-only"
ADMIN = 1000
READER = 2000
# How long a helper waits for the bot's answer before failing: only a guard (a wait ends as soon
# as the answer is there). 10 s failed on a loaded host (S20 FL: test_x71's «held at once», load 22
# on 2 cores); 30 s stays under the suite's own 300 s a test.
WAIT = 30.0
# `settle`: how long the bot makes no API call, with no update pending or handled, to be idle
QUIET = 0.1

_TEMPLATE: dict[str, Path] = {}


def sample_template() -> Path:
    """A database with the sample site ingested (built once per session, then copied)."""
    if "path" in _TEMPLATE:
        return _TEMPLATE["path"]
    from digests.pipeline import poll_once
    from digests.samplesite import SampleSite
    from digests.sources import add_source

    folder = Path(tempfile.mkdtemp(prefix="nashra-botkit-"))
    path = folder / "sample.db"
    settings = Settings(database_path=path, allow_private_sources=True, fetch_timeout_seconds=5.0)
    with SampleSite() as site, Database(path) as db:
        now = datetime.now(timezone.utc)
        for url in site.feed_urls:
            add_source(db, url, settings=settings, now=now)
        # in a thread: the calling test may already run inside an event loop
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, poll_once(db, settings, now=now, only_due=False)).result()
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _TEMPLATE["path"] = path
    return path


def sample_db(tmp_path: Path) -> Path:
    """A fresh copy of the sample database for one test."""
    target = tmp_path / "nashra.db"
    shutil.copyfile(sample_template(), target)
    return target


@dataclass
class BotHarness:
    """A running bot and the emulator it talks to."""

    emu: Emulator
    app: Any
    db: Database
    settings: Settings

    def pin(self, clock: Callable[[], datetime]) -> None:
        """Run the whole bot on `clock`: the runtime (handlers), the sender's planner, its
        courier (renderings, `sent_at` stamps) and its hold teller, in one call. Pinning only
        `rt.clock` and `rt.sender.clock` left the courier and the teller on the wall clock:
        bundles dated against 2026 and `sent_at` stamped then (QA71-10)."""
        from bot.runtime import RUNTIME_KEY

        rt = self.app.bot_data[RUNTIME_KEY]
        rt.clock = clock
        if rt.sender is not None:
            rt.sender.clock = clock
            rt.sender.courier.clock = clock
            rt.sender.teller.clock = clock

    def user(self, user_id: int, language_code: str = "ar") -> User:
        return User(id=user_id, first_name=f"U{user_id}", language_code=language_code)

    async def say(self, chat_id: int, text: str, *, n: int = 1, user: User | None = None,
                  language_code: str | None = None, timeout: float = WAIT) -> list[SentMessage]:
        """A user writes `text`; returns the bot's next `n` messages to that chat."""
        before = len(self.emu.messages(chat_id))
        self.emu.send_user_message(chat_id, text, user=user, language_code=language_code)
        got = await self.emu.await_messages(chat_id, before + n, timeout=timeout)
        return got[before:before + n]  # later ones (a push report …) are not this answer

    async def click(self, message: SentMessage, button_text: str, *, n: int = 1,
                    user: User | None = None, data: str | None = None,
                    timeout: float = WAIT) -> list[SentMessage]:
        """A user presses a button; returns the next `n` new messages (n=0: wait for the
        callback answer only)."""
        before = len(self.emu.messages(message.chat_id))
        query_id = self.emu.click(message, button_text if data is None else None, data=data,
                                  user=user)
        if n == 0:
            await self.emu.await_callback_answer(query_id, timeout=timeout)
            return []
        got = await self.emu.await_messages(message.chat_id, before + n, timeout=timeout)
        return got[before:before + n]

    async def click_answer(self, message: SentMessage, button_text: str | None = None, *,
                           data: str | None = None, user: User | None = None) -> dict[str, Any]:
        """Press a button and return the callback answer the bot gave."""
        query_id = self.emu.click(message, button_text, data=data, user=user)
        return await self.emu.await_callback_answer(query_id, timeout=WAIT)

    async def until(self, predicate: Callable[[], Any], timeout: float = WAIT) -> Any:
        return await self.emu.await_for(predicate, timeout=timeout)

    async def push_to(self, chats: Iterable[int]) -> None:
        """`chats` follow the general digest, then the admin's /push of the sample's stories,
        waited for until its report says it ended. A sample without a story to push is broken:
        this fails (X104: each test's copy skipped, and a broken sample passed in silence)."""
        stories = self.db.db.execute("select count(story_id) from articles").fetchone()[0]
        assert stories, "the sample database holds no story to push: its ingest is broken"
        now = datetime.now(timezone.utc)
        for chat in chats:
            subscriptions.upsert_chat(self.db, chat, now=now)
            subscriptions.subscribe(self.db, chat, "", now=now)
        await self.say(ADMIN, "/push")
        await self.until(lambda: "انتهت النشرة" in self.emu.messages(ADMIN)[-1].plain_text)

    def _calls(self) -> int:
        """The bot's API calls so far but its long polls (getUpdates)."""
        return self.emu.counters["requests"] - self.emu.counters["method:getUpdates"]

    def _busy(self) -> bool:
        """Whether an update is still on its way or being handled: not yet fetched from the
        emulator, in PTB's queue, or in a handler (waiting for its chat's turn included)."""
        processor = self.app.update_processor
        return (self.emu.pending_updates() > 0 or self.app.update_queue.qsize() > 0
                or processor.current_concurrent_updates > 0)

    async def settle(self) -> None:
        """Wait until the bot has taken every injected update and handled it: nothing pending,
        no handler running, and no API call for QUIET seconds (X84: a fixed 0.2 s slept after
        the updates were fetched, whether the handler had answered or not). Background work
        (the sender, a /push's report) may go on."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + WAIT
        calls, quiet_since = self._calls(), loop.time()
        while True:
            now = loop.time()
            if self._busy() or self._calls() != calls:
                calls, quiet_since = self._calls(), now
            elif now - quiet_since >= QUIET:
                return
            if now > deadline:
                raise TimeoutError("botkit: the bot did not settle in time")
            await asyncio.sleep(0.01)


@asynccontextmanager
async def running_bot(db_path: Path, *, admin_ids: frozenset[int] = frozenset({ADMIN}),
                      busy_seconds: float | None = None, night_quiet: bool = False,
                      instant_settle: float = 0.0,
                      general_hold: timedelta = timedelta(0),
                      clock: Callable[[], datetime] | None = None,
                      **settings_changes: Any) -> AsyncIterator[BotHarness]:
    """The real Application (handlers, sender, command menus) against a fresh emulator.

    `busy_seconds`: the connection's busy timeout, e.g. the short one `run_bot` opens with.
    `night_quiet`: chats the test creates start with the quiet hours new chats get (23:00–07:00
    local, migration 027). Off by default: the bot runs on the wall clock, and a test's
    deliveries must not wait for the morning when the suite runs at night (UTC+3).
    `instant_settle`: the sender's wait for a fetch's rows (bot.sender.INSTANT_SETTLE); 0 by
    default, so that a test's alert goes as soon as it is queued.
    `general_hold`: how long a general-only chat's minor story waits for company
    (digests.general_hold.GENERAL_HOLD); 0 by default, for the same reason.
    `clock`: the bot's "now" everywhere (`BotHarness.pin`), from its start.
    """
    emu = Emulator().start()
    settings = Settings(database_path=db_path, telegram_bot_token=TOKEN,
                        telegram_api_base_url=emu.base_url, admin_ids=admin_ids,
                        allow_private_sources=True, fetch_timeout_seconds=5.0,
                        **settings_changes)
    db = Database(db_path) if busy_seconds is None else Database(db_path, busy_seconds=busy_seconds)
    if not night_quiet:
        db.db.execute("drop trigger if exists chats_new_chat_quiet")
    app = build_application(settings, db, poll_sources=False, clock=clock or utc_now,
                            sender_options={"poll_seconds": 0.05, "retry_delay": 0.2,
                                            "instant_settle": instant_settle,
                                            "general_hold": general_hold,
                                            # a held chat's notice: told soon (bot.hold_teller)
                                            "hold_gather": 0.2, "hold_rounds": 0.3})
    try:
        harness = BotHarness(emu=emu, app=app, db=db, settings=settings)
        await start_application(app, poll_timeout=1)
        if clock is not None:  # the sender is built at start: on this clock already
            harness.pin(clock)
        yield harness
    finally:
        await stop_application(app)
        db.close()
        emu.stop()
