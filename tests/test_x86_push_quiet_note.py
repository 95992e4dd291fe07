"""X86 (6, QA58-3/-15): a /push lands inside the quiet hours the bot had just announced to a
chat (pushes are not held; since X85 they go there without a sound), and the /push answer said
nothing of it. The queued answer now says how many chats get it silently now, and that a push
does not wait for the quiet hours' end; a push reaching only awake chats says nothing more.
Real PTB Application, real sender, the emulator, the sample archive (X85's followers)."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, running_bot, sample_db
from test_x85_silent_push import _followers

from digests.storage import Database


async def test_the_push_answer_says_it_reaches_quiet_chats_silently(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _followers(path)  # one chat in its quiet hours, one in daily mode, one awake
    async with running_bot(path) as h:
        [queued] = await h.say(ADMIN, "/push الغوطة")
        text = queued.plain_text
        assert "📤" in text and "🔕 تصل الآن دون صوت إلى محادثتين" in text, text
        assert "لا تنتظر انتهاء ساعات الهدوء" in text, text


async def test_no_word_of_quiet_hours_when_every_chat_is_awake(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    _followers(path)
    with Database(path) as db:
        db.db.execute("update chats set quiet_start = null, quiet_end = null, mode = 'instant'")
    async with running_bot(path) as h:
        [queued] = await h.say(ADMIN, "/push الغوطة", language_code="en")
        assert "📤" in queued.plain_text and "🔕" not in queued.plain_text, queued.plain_text
