"""The sandbox's terminal standing in for Telegram: typed lines sent to the bot, its answers
printed (cli.sandbox's docstring says what a line may be).

Its own module (split from cli.sandbox, which sets up the folder, the emulator, the sample site
and the `run.py` processes) because talking with the running bot is one job of its own: reading
a line, checking it (`line_problem`), sending it as a user's message or a button press
(`parse_line`), and printing what the bot sends — answered (`Printer.settle`) and while nobody
types (`Watcher`, QA55-3). `converse` runs it once the bot polls.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

from bot.demo import QUIT_WORDS
from bot.emulator import Emulator, SentMessage, User
from bot.i18n import bilingual
from bot.terminal_chat import Screen, Typing, unmarked

OPERATOR = 1001  # who types: in the sandbox's ADMIN_IDS (cli.sandbox.sandbox_env)
QUIET_SECONDS = 1.2  # no new message for this long: the bot has answered
ANSWER_TIMEOUT = 60.0
SILENT_SECONDS = 10.0  # no Bot API call this long after a line: the bot does not answer it
WATCH_SECONDS = 0.5  # how often the bot's messages are looked for while no line is typed
PROMPT = "أنت / you> "  # test_x47 reads the transcript by it
AS_TEXT = "'"  # «'2018»: the operator's message «2018», not button 2018 (QA68-17)
# Telegram's ids have at most 52 significant bits (Bot API: User.id, Chat.id)
MAX_ID = 1 << 52
_ID_LINE_RE = re.compile(r"^(?P<kind>[@#])(?P<id>[-+]?\d+)(?:\s|$)")
_SIGNED_RE = re.compile(r"^[-+]\d+$")
_LINE_RE = re.compile(r"^(?:@(?P<user>\d{1,16})|#(?P<group>-\d{1,16}))\s+(?P<text>.+)$")


def no_button(line: str) -> str:
    """A number with no such button, and how to send it as a message (QA68-17: a year, «911»
    or «737» could not be searched in the sandbox)."""
    return (f"لا زر برقم {line}؛ لإرساله رسالةً اكتب {AS_TEXT}{line} / no button {line}; to "
            f"send it as a message, type {AS_TEXT}{line}")


def _number_as_text(line: str) -> str:
    """The number of a line «'2018» (or «'-1»), to be sent as a message; "" for any other line
    (a message that starts with a quote mark is sent as typed)."""
    rest = line[len(AS_TEXT):] if line.startswith(AS_TEXT) else ""
    return rest if rest.isdecimal() or _SIGNED_RE.match(rest) else ""


def line_problem(line: str) -> str | None:
    """Why a typed line is not sent (QA37 T7), in both languages; None to send it. «@0» went to
    a chat 0 as a group welcome, a 20-digit id was searched as text, «-1» searched «1»."""
    if _SIGNED_RE.match(line):
        return no_button(line)
    m = _ID_LINE_RE.match(line)
    if m is None:
        return None
    number = int(m.group("id"))
    if m.group("kind") == "@" and not 0 < number < MAX_ID:
        return (f"«@{m.group('id')}» ليس معرّف مستخدم في تيليجرام (من 1 إلى {MAX_ID - 1}) / "
                f"«@{m.group('id')}» is not a Telegram user id (1 to {MAX_ID - 1})")
    if m.group("kind") == "#" and not -MAX_ID < number < 0:
        return (f"«#{m.group('id')}» ليس معرّف مجموعة (سالب، مثل #-100123) / "
                f"«#{m.group('id')}» is not a group id (negative, such as #-100123)")
    return None


def parse_line(line: str) -> tuple[int, int, str]:
    """(chat id, user id, text) of a typed line (see cli.sandbox's docstring)."""
    m = _LINE_RE.match(line)
    if m is None:
        return OPERATOR, OPERATOR, line
    if m.group("user"):
        user = int(m.group("user"))
        return user, user, m.group("text")
    return int(m.group("group")), OPERATOR, m.group("text")

@dataclass
class Printer:
    """Prints every message the bot sent or edited once (again when edited), in any chat,
    headed by its chat (bot.terminal_chat.Screen)."""

    emu: Emulator
    out: IO[str]
    screen: Screen = field(init=False)
    last_change: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.screen = Screen(self.out)

    def flush(self, before: str = "", after: Callable[[], None] | None = None) -> int:
        """Print the messages not shown yet; when there are any, `before` is written first
        and `after` called last (the watcher: off the prompt line, then the prompt again)."""
        with self.lock:
            messages = self.emu.messages()
            if before and any(self.screen.seen.get((m.chat_id, m.message_id)) != m.edits
                              for m in messages):
                self.out.write(before)
            printed = self.screen.show(messages, _head)
            if printed:
                self.last_change = time.monotonic()
                if after is not None:
                    after()
        return printed

    def calls(self) -> int:
        """The bot's Bot API calls other than getUpdates: what answering an update costs."""
        counters = self.emu.counters
        return counters.get("requests", 0) - counters.get("method:getUpdates", 0)

    def settle(self, since_calls: int | None = None, timeout: float = ANSWER_TIMEOUT) -> None:
        """Wait until the bot took every update, answered (a Bot API call after `since_calls`:
        a busy machine may take seconds before the first) and then was quiet for
        QUIET_SECONDS: nothing printed, no call."""
        started = time.monotonic()
        deadline = started + timeout
        self.last_change = started
        calls = self.calls()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            self.flush()
            now_calls = self.calls()
            if now_calls != calls:
                calls, self.last_change = now_calls, time.monotonic()
            # a message the bot leaves unanswered (plain talk in a group) waits SILENT_SECONDS
            answered = since_calls is None or calls > since_calls \
                or time.monotonic() - started >= SILENT_SECONDS
            if answered and not self.emu.pending_updates() \
                    and time.monotonic() - self.last_change >= QUIET_SECONDS:
                return


@dataclass
class Watcher:
    """Prints what the bot sends while the loop waits for a typed line (QA55-3): an alert sent
    minutes after /ingest (bundles are spaced) was printed only when the operator typed again,
    and an operator watching for it concluded alerts did not work. On a terminal the new
    messages go under the prompt's line and the prompt is drawn again."""

    printer: Printer
    typing: Typing
    waiting: threading.Event = field(default_factory=threading.Event)
    stopped: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stopped.wait(WATCH_SECONDS):
            if self.waiting.is_set():
                self.printer.flush("\n" if self.typing.interactive else "", self.typing.ask)


def _head(m: SentMessage, edited: bool) -> str:
    return f"🤖 → {m.chat_id}" + (" " + bilingual("demo_edited") if edited else "") + ":"


def converse(emu: Emulator, stdin: IO[str], out: IO[str]) -> None:
    """Send `stdin`'s lines to the bot until its end or /quit, printing its messages to `out`
    (answers, and what it sends meanwhile); then wait for its last answers."""
    printer = Printer(emu, out)
    typing = Typing(out, PROMPT, stdin.isatty(), QUIT_WORDS)
    watcher = Watcher(printer, typing)
    thread = threading.Thread(target=watcher.run, name="sandbox-watcher", daemon=True)
    thread.start()
    try:
        _lines(emu, stdin, out, printer, typing, watcher)
    finally:
        watcher.stopped.set()
        thread.join(5)
    printer.settle()


def _lines(emu: Emulator, stdin: IO[str], out: IO[str], printer: Printer, typing: Typing,
           watcher: Watcher) -> None:
    """Each typed line sent as a message or a button press, and answered before the next."""
    groups: set[int] = set()
    while True:
        typing.ask()
        watcher.waiting.set()  # what the bot sends meanwhile is printed as it comes
        try:
            raw = stdin.readline()
        finally:
            watcher.waiting.clear()
        line = typing.take(raw)
        if line is None:  # end of input, or /quit
            break
        if not line:
            continue
        before = printer.calls()
        said = _number_as_text(line)
        problem = None if said else line_problem(line)
        if problem is not None:
            out.write(problem + "\n")
            continue
        if said:  # «'2018»: the number as a message, never a button (QA68-17)
            emu.send_user_message(OPERATOR, said,
                                  user=User(id=OPERATOR, first_name=f"User {OPERATOR}"))
        elif printer.screen.presses(line):
            pressed = printer.screen.button(line)
            if pressed is None:
                out.write(no_button(line) + "\n")
                continue
            message, label = pressed
            presser = message.chat_id if message.chat_id > 0 else OPERATOR
            try:
                emu.click(message, label, user=User(id=presser, first_name=f"User {presser}"))
            except KeyError:
                # the bot has since taken the button off its message (edited it, or sent it
                # without): said, not a traceback that ends the session (QA39 S6)
                out.write(f"الزر {line} لم يعد تحت رسالته / button {line} is no longer under"
                          " its message\n")
                continue
            out.write(f"👆 [{line}] {unmarked(label)}\n")
        else:
            chat, user, text = parse_line(line)
            if chat < 0 and chat not in groups:
                emu.add_group(chat, "Sandbox group", admins=[OPERATOR])
                groups.add(chat)
            emu.send_user_message(chat, text, user=User(id=user, first_name=f"User {user}"))
        printer.settle(since_calls=before)
