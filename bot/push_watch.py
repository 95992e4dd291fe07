"""The admin sees a push go out (X93, QA62-2): its «في قائمة الإرسال» answer is edited with how
far it got while the sender works, and /stats reads the same numbers.

Before, a 2,000-chat push was silent for 101 s between «📤 النشرة في قائمة الإرسال» and its report
(≥ 6 minutes at 10,000 chats): an operator who sees nothing moving types /push again or restarts
the bot. Now `follow` edits the answer every PROGRESS_EDIT_SECONDS with the push's own units —
chats, as the answer counted them: «⏳ جارٍ الإرسال — سُلّمت: ٩٠٤، فشلت: ١٢، بقيت: ١٠٨٤ من ٢٠٠٠
محادثة، نحو دقيقتين.» (an edit is no new message: it takes nothing of the chat's one message a
second, and only a changed text is sent); the final report stays a new message, and once it went
the answer's last edit says the push ended, its report below. An edit Telegram refuses is
skipped, never retried: the next one carries the newer numbers.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.i18n import amount, num, t
from bot.runtime import ui
from digests import push_queue
from digests.models import iso
from digests.storage import Database

log = logging.getLogger(__name__)

PROGRESS_EDIT_SECONDS = 10.0  # at most one edit of the answer this often


def progress_text(progress: push_queue.PushProgress, lang: str,
                  seconds_left: float | None) -> str:
    """«⏳ جارٍ الإرسال — سُلّمت: ٩٠٤، فشلت: ١٢، بقيت: ١٠٨٤ من ٢٠٠٠ محادثة، نحو دقيقتين.» (HTML).
    `seconds_left`: the estimate, or None while there is none. Pure."""
    eta = ""
    if seconds_left is not None:
        eta = t("push_eta_soon", lang) if seconds_left < 60 else t(
            "push_eta", lang, minutes=amount(math.ceil(seconds_left / 60), lang, "minute"))
    return ui(lang, "push_progress", delivered=num(progress.delivered, lang),
              failed=num(progress.failed, lang), left=num(progress.pending, lang),
              chats=amount(progress.chats, lang, "chat"), eta=eta)


def going_lines(db: Database, now: datetime, lang: str) -> list[str]:
    """/stats' line for each push of the last PROGRESS_TIMEOUT hours still going out, in chats
    as its answer counts them (QA62-2: /stats spoke of 5,140 rows of a 2,000-chat push) (HTML)."""
    out = []
    since = iso(now - timedelta(hours=6))
    for (push_id,) in db.db.execute("select id from pushes where created_at >= ? order by id",
                                    [since]).fetchall():
        p = push_queue.push_progress(db, int(push_id))
        if p.chats and not p.done:
            out.append(ui(lang, "stats_push_going", delivered=num(p.delivered, lang),
                          failed=num(p.failed, lang), left=num(p.pending, lang),
                          chats=amount(p.chats, lang, "chat")))
    return out


def finished_text(lang: str) -> str:
    """The answer's last edit: the push ended, its report below (HTML)."""
    return ui(lang, "push_progress_done")


class Estimate:
    """Seconds left at the rate chats were done since the push was first seen."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._start: tuple[float, int] | None = None

    def left(self, progress: push_queue.PushProgress) -> float | None:
        done = progress.delivered + progress.failed + progress.held + progress.maybe
        now = self._clock()
        if self._start is None:
            self._start = (now, done)
            return None
        seconds, count = now - self._start[0], done - self._start[1]
        if count <= 0 or seconds <= 0:
            return None
        return progress.pending * seconds / count


async def follow(bot: Bot, db: Database, chat_id: int, message_id: int, queued: str, push_id: int,
                 lang: str, waiter: asyncio.Future[Any]) -> None:
    """Edit the push's answer (`queued`, message `message_id`) with its progress until
    `waiter` (the push's end) is done."""
    estimate = Estimate()
    shown = ""
    while True:
        done, _ = await asyncio.wait({waiter}, timeout=PROGRESS_EDIT_SECONDS)
        progress = push_queue.push_progress(db, push_id)
        if done or progress.done:
            return
        text = f"{queued}\n{progress_text(progress, lang, estimate.left(progress))}"
        if text != shown:
            shown = text if await _edit(bot, chat_id, message_id, text) else shown


async def finish(bot: Bot, chat_id: int, message_id: int, queued: str, lang: str) -> None:
    """The answer's last edit, once the report went: the push ended, its report is below."""
    await _edit(bot, chat_id, message_id, f"{queued}\n{finished_text(lang)}")


async def _edit(bot: Bot, chat_id: int, message_id: int, text: str) -> bool:
    """Edit the answer; a refusal is skipped (the next edit carries newer numbers)."""
    try:
        await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id,
                                    parse_mode=ParseMode.HTML)
    except TelegramError as exc:
        log.info("push progress not shown chat=%s error=%s", chat_id, exc)
        return False
    return True
