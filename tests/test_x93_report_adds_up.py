"""X93 (QA62-9): the push report's numbers did not add up to its own head — «المحادثات: ٩٨٧» then
«سُلّمت: ٨٨٠، فشلت: ١٠٠» and 20 chats named «لم تصلها», 13 of which were held before the push and
never in it. Now the report counts the push's chats held meanwhile («موقوفة: ١») and names those
held before apart, «not counted above». The real Application and sender against the emulator."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from botkit import ADMIN, running_bot, sample_db
from delivery_helpers import add_chat
from test_x71_chat_holds import _no_gap

from bot.chat_holds import hold_chat
from digests.storage import Database

READERS, BLOCKER = (7201, 7202), 7203
KICKED, BEFORE = -100721, -100722


def _setup(tmp_path: Path) -> Path:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, ADMIN, topics=())
        for reader in (*READERS, BLOCKER):
            add_chat(db, reader, topics=("",))
        for group, title in ((KICKED, "أزالتني"), (BEFORE, "موقوفة من قبل")):
            add_chat(db, group, type="supergroup", topics=("",))
            with db.transaction() as tx:
                tx.execute("update chats set title = ? where id = ?", [title, group])
        hold_chat(db, BEFORE, "Forbidden: bot was kicked from the group chat",
                  datetime.now(timezone.utc))
    return path


async def test_the_report_adds_up_to_the_push(tmp_path: Path) -> None:
    async with running_bot(_setup(tmp_path)) as h:
        _no_gap(h)
        h.emu.block(BLOCKER)
        h.emu.add_chat(KICKED, title="أزالتني")
        h.emu.block(KICKED, "kicked")
        [queued] = await h.say(ADMIN, "/push")
        assert "المحادثات: ٤" in queued.plain_text, queued.plain_text
        report = await h.until(lambda: next((m.plain_text for m in h.emu.messages(ADMIN)
                                             if "انتهت النشرة" in m.plain_text), None), 30)
        assert "سُلّمت: ٢، فشلت: ١، موقوفة: ١." in report, report  # 2 + 1 + 1 = 4
        now_held, before = report.split("\n")[-2:]
        assert "«أزالتني»" in now_held and "موقوفة من قبل" not in now_held, report
        assert "«موقوفة من قبل»" in before and "فلا تُحسب أعلاه" in before, report


async def test_stats_fails_what_the_report_fails(tmp_path: Path) -> None:
    """QA62-3: the report said «فشلت: ١» for the blocked reader, /stats «فشلت: ٠» for the same push
    (its stories counted apart, «لم تُسلَّم لأن المحادثة فُقدت»)."""
    async with running_bot(_setup(tmp_path)) as h:
        _no_gap(h)
        h.emu.block(BLOCKER)
        h.emu.add_chat(KICKED, title="أزالتني")
        await h.say(ADMIN, "/push")
        await h.until(lambda: any("انتهت النشرة" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 30)
        lost = h.db.db.execute("select count(*) from outbox where chat_id = ?",
                               [BLOCKER]).fetchone()[0]
        [stats] = await h.say(ADMIN, "/stats")
        text = stats.plain_text
        digits = str(lost).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
        assert f"فشلت: {digits} (نسبة التسليم" in text, text
        assert "من «فشلت» أعلاه" in text, text
