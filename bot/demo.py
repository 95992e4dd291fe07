"""The offline demo: the real bot, in the terminal, with no network and no token.

`run_demo(settings)` starts the bundled sample news site (digests.samplesite.SampleSite) and the
Telegram Bot API emulator (bot.emulator.Emulator) on 127.0.0.1, ingests the sample site into a
temporary database through the real pipeline, and runs the real PTB Application against the
emulator: the same handlers, rendering, buttons and sender as the live bot. What the user types
becomes a Telegram message from the demo user (commands carry a bot_command entity); the bot's
replies are printed as terminal text with their buttons numbered, and typing a number presses that
button. The demo user is an admin, so /push works and the sender delivers the push to the demo chat.

When stdin is not a terminal (CI, pipes) the demo reads lines until EOF, printing each line it sends,
waits for the bot to finish (pushes included) and exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from bot.app import build_application, start_application, stop_application
from bot.emulator import Emulator, SentMessage, User
from bot.i18n import BOT_NAME, bilingual
from bot.runtime import RUNTIME_KEY, Runtime
from bot.source_notes import ON_DEMAND_KEY
from bot.terminal_chat import Screen, Typing, unmarked
from digests import outbox_upkeep
from digests.settings import Settings
from digests.storage import Database

DEMO_USER = 1001
DEMO_TOKEN = "100000001:OFFLINE-DEMO-not-a-real-token"
QUIET_SECONDS = 0.6
SETTLE_TIMEOUT = 30.0
# What the user types to leave (the Arabic word is read, never said).
QUIT_WORDS = ("/quit", "/exit", "خروج")


@dataclass
class Transcript:
    """Prints the bot's messages to the demo chat once each (again when edited), headed by the
    bot's name (bot.terminal_chat.Screen)."""

    emu: Emulator
    chat_id: int
    out: IO[str]
    color: bool = False
    screen: Screen = field(init=False)
    last_change: float = 0.0

    def __post_init__(self) -> None:
        self.screen = Screen(self.out, bold=self.color)

    def flush(self) -> int:
        """Print messages not printed yet; returns how many."""
        printed = self.screen.show(self.emu.messages(self.chat_id), self.head)
        if printed:
            self.last_change = asyncio.get_running_loop().time()
        return printed

    @staticmethod
    def head(m: SentMessage, edited: bool) -> str:
        return f"🤖 {BOT_NAME}" + (" " + bilingual("demo_edited") if edited else "") + ":"


@dataclass
class Demo:
    """A running demo: emulator, bot, and the transcript of the demo chat."""

    emu: Emulator
    app: Any
    db: Database
    transcript: Transcript
    language_code: str

    @property
    def runtime(self) -> Runtime:
        rt = self.app.bot_data[RUNTIME_KEY]
        assert isinstance(rt, Runtime)
        return rt

    def busy(self) -> bool:
        """Updates not yet taken, background tasks running, or deliveries due."""
        if self.emu.pending_updates():
            return True
        if self.runtime.tasks:
            return True
        stats = outbox_upkeep.queue_stats(self.db, datetime.now(timezone.utc))
        return stats.due > 0 or stats.sending > 0

    async def settle(self) -> None:
        """Wait until the bot is idle and nothing new was printed for QUIET_SECONDS."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_TIMEOUT
        self.transcript.last_change = loop.time()
        while loop.time() < deadline:
            await asyncio.sleep(0.05)
            self.transcript.flush()
            if not self.busy() and loop.time() - self.transcript.last_change >= QUIET_SECONDS:
                return

    def act(self, line: str) -> str | None:
        """Turn one typed line into a user action; returns a note to print, if any."""
        screen = self.transcript.screen
        if screen.presses(line):
            pressed = screen.button(line)
            if pressed is None:
                return bilingual("demo_no_button", line=line)
            message, label = pressed
            self.emu.click(message, label, user=self._user())
            return f"👆 [{line}] {unmarked(label)}"
        self.emu.send_user_message(DEMO_USER, line, user=self._user())
        return None

    def _user(self) -> User:
        return User(id=DEMO_USER, first_name="Demo", language_code=self.language_code)


async def _ingest(db: Database, settings: Settings, site: Any) -> int:
    from digests.pipeline import poll_once
    from digests.sources import add_source

    now = datetime.now(timezone.utc)
    for feed in site.feeds:  # named like a real source («نشرة الشرق …»), not by the host
        add_source(db, site.url(feed["path"]), settings=settings, now=now,
                   name=feed.get("title") or None)
    summary = await poll_once(db, settings, now=now, only_due=False)
    return summary.new


async def _read_line(stream: IO[str]) -> str:
    """One line of input without blocking the bot. A daemon thread, not the default executor:
    Ctrl-C must end the demo even while a read is waiting for the user."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[str] = loop.create_future()

    def deliver(line: str | None, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(line or "")

    def work() -> None:
        try:
            line, error = stream.readline(), None
        except (OSError, ValueError) as exc:
            line, error = None, exc
        with contextlib.suppress(RuntimeError):  # the loop is gone: the demo already ended
            loop.call_soon_threadsafe(deliver, line, error)

    threading.Thread(target=work, name="demo-stdin", daemon=True).start()
    return await future


async def run_demo(settings: Settings, *, stdin: IO[str] | None = None,
                   stdout: IO[str] | None = None, db_path: Path | None = None) -> int:
    """Run the offline demo until /quit or end of input. Returns the exit code."""
    from digests.samplesite import SampleSite

    stdin = stdin or sys.stdin
    out = stdout or sys.stdout
    interactive = stdin.isatty()
    with tempfile.TemporaryDirectory(prefix="nashra-demo-") as tmp, SampleSite() as site, \
            Emulator(bot_username="nashra_demo_bot") as emu:
        path = db_path or Path(tmp) / "demo.db"
        demo_settings = settings.replace(
            database_path=path, telegram_bot_token=DEMO_TOKEN,
            telegram_api_base_url=emu.base_url, admin_ids=frozenset({DEMO_USER}),
            allow_private_sources=True, webhook_url="")
        db = Database(path)
        try:
            articles = await _ingest(db, demo_settings, site)
            out.write(bilingual("demo_intro", articles=articles) + "\n\n")
            out.flush()
            app = build_application(demo_settings, db, poll_sources=False,
                                    sender_options={"poll_seconds": 0.1, "retry_delay": 0.5})
            app.bot_data[ON_DEMAND_KEY] = True  # /sources says the demo polls on no schedule
            await start_application(app, poll_timeout=1)
            try:
                demo = Demo(emu=emu, app=app, db=db,
                            transcript=Transcript(emu, DEMO_USER, out, color=out.isatty()),
                            language_code="en" if settings.default_language == "en" else "ar")
                await _loop(demo, stdin, out, interactive)
            finally:
                await stop_application(app)
        finally:
            db.close()
        out.write("\n" + bilingual("demo_go_live") + "\n")
        out.flush()
    return 0


async def _loop(demo: Demo, stdin: IO[str], out: IO[str], interactive: bool) -> None:
    typing = Typing(out, bilingual("demo_you"), interactive, QUIT_WORDS)
    while True:
        typing.ask()
        line = typing.take(await _read_line(stdin))
        if line is None:  # end of input, or /quit
            break
        if not line:
            continue
        note = demo.act(line)
        if note:
            out.write(note + "\n")
        await demo.settle()
    await demo.settle()
