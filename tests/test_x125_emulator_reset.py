"""X125 (QA75): the emulator can accept a send and then reset its connection before answering
(`Emulator.reset_next`), as QA75's rig did by patching the HTTP handler: the message is
recorded as delivered, PTB sees a NetworkError wrapping httpx's RemoteProtocolError or
ReadError, and bot.send_failures tells it apart from a 5xx answer and from a send that never
left."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from telegram import Bot
from telegram.error import NetworkError

from bot.emulator import Emulator
from bot.send_failures import not_sent, sent_unanswered

TOKEN = "123456:TEST-token"


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(token=TOKEN) as e:
        yield e


async def test_a_reset_send_is_delivered_but_unanswered(emu: Emulator) -> None:
    emu.reset_next(1, chat_id=5)
    async with Bot(TOKEN, base_url=emu.base_url) as b:
        await b.send_message(4, "another chat: answered")
        with pytest.raises(NetworkError) as caught:
            await b.send_message(5, "accepted, then reset")
        await b.send_message(5, "the next one is answered")  # a new connection
    err = caught.value
    assert "httpx.RemoteProtocolError" in str(err) or "httpx.ReadError" in str(err), err
    assert sent_unanswered(err) and not not_sent(err)
    assert [m.plain_text for m in emu.messages(5)] == ["accepted, then reset",
                                                        "the next one is answered"]


async def test_a_5xx_answer_is_not_a_send_left_unanswered(emu: Emulator) -> None:
    emu.fail_next(1, 502, "Bad Gateway")
    async with Bot(TOKEN, base_url=emu.base_url) as b:
        with pytest.raises(NetworkError) as caught:
            await b.send_message(6, "refused")
    assert not sent_unanswered(caught.value) and not not_sent(caught.value)
    assert emu.messages(6) == []
