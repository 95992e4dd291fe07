"""QA56-10 said a forged button press with no message — an `inline_message_id` instead (the bot
sends no inline-message buttons) or a game's `game_short_name` with no data — got no answer.
It does get one, the polite refusal other forged presses get: QA's script pushed the update
without registering its query id with the emulator, which then refused the bot's
answerCallbackQuery as «query ID is invalid» (as Telegram would for an id it never issued). This
guards the answer; it passes before and after X82. The real Application against the emulator,
a real SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from botkit import READER, BotHarness, running_bot, sample_db


def _press(h: BotHarness, **fields: Any) -> str:
    """A callback query the way Telegram sends one from an inline message or a game."""
    user = h.user(READER)
    query_id = f"forged-{len(h.emu._callback_queries)}"
    query = {"id": query_id, "from": user.to_json(), "chat_instance": "-77", **fields}
    with h.emu._lock:
        h.emu._callback_queries[query_id] = query
    h.emu._push_update("callback_query", query)
    return query_id


async def test_a_press_without_a_message_is_refused_politely(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [answer] = await h.say(READER, "/settings")  # a real button id of the reader's chat
        data = answer.buttons()[0]["callback_data"]
        inline = _press(h, inline_message_id="AAAAAQ", data=data)
        game = _press(h, inline_message_id="AAAAAQ", game_short_name="nashra")
        for query_id in (inline, game):
            got = await h.emu.await_callback_answer(query_id, timeout=10)
            assert got["text"] and got["show_alert"], got
        assert "محادثة أخرى" in (await h.emu.await_callback_answer(inline))["text"]
