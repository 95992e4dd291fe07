"""X55 (QA39 S6): in `run.py sandbox`, a number pressed for a button the bot has since taken
off its message is answered with a line, not a KeyError traceback ending the session. The
real sandbox conversation loop against the real emulator."""

from __future__ import annotations

import io
import threading

import httpx
import pytest

from bot.emulator import Emulator
from cli import sandbox_console

TOKEN = "123:TEST"


class _Typed:
    """stdin whose lines run a step first (the bot's edits between the operator's lines)."""

    def __init__(self, steps: list[tuple[object, str]]) -> None:
        self.steps = steps

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        if not self.steps:
            return ""
        step, line = self.steps.pop(0)
        if callable(step):
            step()
        return line


def test_a_button_taken_off_its_message_is_said_not_raised(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox_console, "SILENT_SECONDS", 0.2)
    monkeypatch.setattr(sandbox_console, "QUIET_SECONDS", 0.2)
    with Emulator() as emu:
        api = f"{emu.url}/bot{TOKEN}"
        keyboard = {"inline_keyboard": [[{"text": "المزيد", "callback_data": "x1"}]]}
        sent = httpx.post(f"{api}/sendMessage", json={
            "chat_id": 1001, "text": "نتائج", "reply_markup": keyboard}).json()
        message_id = sent["result"]["message_id"]

        def take_the_buttons_off() -> None:
            httpx.post(f"{api}/editMessageReplyMarkup", json={
                "chat_id": 1001, "message_id": message_id,
                "reply_markup": {"inline_keyboard": []}})

        stop = threading.Event()

        def bot_reading_updates() -> None:  # takes the operator's messages, answers none
            offset = 0
            while not stop.is_set():
                got = httpx.post(f"{api}/getUpdates", json={"offset": offset, "timeout": 0},
                                 timeout=5).json()["result"]
                offset = max([offset, *(u["update_id"] + 1 for u in got)])
                stop.wait(0.05)

        reader = threading.Thread(target=bot_reading_updates, daemon=True)
        reader.start()
        out = io.StringIO()
        try:
            sandbox_console.converse(emu, _Typed([(None, "مرحبا\n"),  # type: ignore[arg-type]
                                                  (take_the_buttons_off, "1\n")]),
                                     out)
        finally:
            stop.set()
            reader.join(5)
    assert "button 1 is no longer under its message" in out.getvalue(), out.getvalue()
