"""X83 (QA55-3, S2): the sandbox prints what the bot sends while the operator is not typing.

`run.py sandbox` printed the bot's messages only after a typed line: an alert the bot sent
minutes after `/ingest` (bundles are spaced) stayed invisible until the operator typed again,
and an operator rehearsing «/ingest → watch the alert arrive» concluded alerts did not work.
Now a watcher prints the emulator's new messages as they arrive while the loop waits for a line
(and on a terminal draws the prompt again). The real conversation loop against the real
emulator; the «bot» is a plain Bot API call made while stdin is waiting.
"""

from __future__ import annotations

import io
import time

import httpx
import pytest

from bot.emulator import Emulator
from cli import sandbox_console

TOKEN = "123:TEST"
WAIT = 30.0  # generous: the message is printed within a fraction of a second


class _Waiting:
    """stdin that, while the loop waits on it, has the bot send an alert, and waits for the
    alert to be printed (or WAIT seconds) before ending the input."""

    def __init__(self, emu: Emulator, out: io.StringIO, tty: bool) -> None:
        self.emu, self.out, self.tty = emu, out, tty
        self.seen_while_waiting = False

    def isatty(self) -> bool:
        return self.tty

    def readline(self) -> str:
        httpx.post(f"{self.emu.url}/bot{TOKEN}/sendMessage",
                   json={"chat_id": 2002, "text": "📰 جديد «عفرين»"})
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline and not self.seen_while_waiting:
            self.seen_while_waiting = "جديد «عفرين»" in self.out.getvalue()
            time.sleep(0.05)
        return ""


@pytest.mark.parametrize("tty", [False, True])
def test_an_alert_is_printed_while_the_operator_is_not_typing(
        monkeypatch: pytest.MonkeyPatch, tty: bool) -> None:
    monkeypatch.setattr(sandbox_console, "QUIET_SECONDS", 0.2)
    out = io.StringIO()
    with Emulator() as emu:
        stdin = _Waiting(emu, out, tty)
        sandbox_console.converse(emu, stdin, out)  # type: ignore[arg-type]
    assert stdin.seen_while_waiting, out.getvalue()
    text = out.getvalue()
    assert text.count("جديد «عفرين»") == 1  # printed once, not again by the final settle
    if tty:  # the prompt drawn again under the alert, for the line being typed
        assert text.rstrip().endswith(sandbox_console.PROMPT.rstrip()), text
