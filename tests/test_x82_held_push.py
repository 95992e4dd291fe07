"""QA56-3: a group that only lost the right to post while a /push went out was counted «فشلت»
in the push report, with Telegram's English («held: Not enough rights…») inside the Arabic
line, and /stats counted it among the chats «فُقدت» beside its own «⏸ موقوفة … (أخبارها
محفوظة)» line. A held chat is neither failed nor lost: the report and /stats say it is held,
in the admin's language. The real Application and sender against the emulator, a real SQLite
file."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, BotHarness, running_bot, sample_db
from delivery_helpers import add_chat
from test_x71_chat_holds import _no_gap

from digests.storage import Database

GROUP, OWNER, BLOCKER = -100700, 6001, 6002
READERS = (6001, 6002, 6003, 6004)


def _setup(tmp_path: Path) -> Path:
    path = sample_db(tmp_path)
    with Database(path) as db:
        for reader in READERS:
            add_chat(db, reader, topics=("",))
        add_chat(db, GROUP, type="supergroup", topics=("",))
        with db.transaction() as tx:
            tx.execute("update chats set title = 'grp' where id = ?", [GROUP])
    return path


async def _push(h: BotHarness) -> str:
    _no_gap(h)
    h.emu.add_chat(GROUP, title="grp", admins=(OWNER,))
    h.emu.block(BLOCKER)
    h.emu.take_rights(GROUP)  # the bot learns it when it posts there
    await h.say(ADMIN, "/push")
    await h.until(lambda: any("انتهت النشرة" in m.plain_text
                              for m in h.emu.messages(ADMIN)), 30)
    [report] = [m.plain_text for m in h.emu.messages(ADMIN) if "انتهت النشرة" in m.plain_text]
    # the hold's notice to the operator comes on its own: in before what the test asks next
    await h.until(lambda: any("لم يعد بوسعي النشر" in m.plain_text
                              for m in h.emu.messages(ADMIN)), 15)
    return report


async def test_a_group_held_during_a_push_is_held_in_its_report_and_in_stats(
        tmp_path: Path) -> None:
    async with running_bot(_setup(tmp_path)) as h:
        report = await _push(h)
        assert "سُلّمت: ٣" in report and "فشلت: ١" in report, report  # the blocked reader only
        assert "held" not in report and "rights" not in report.lower(), report
        assert "حظر المستخدم البوت" in report and "«grp»" in report, report
        [stats] = await h.say(ADMIN, "/stats")
        text = stats.plain_text
        assert "محادثات فُقدت (حظرت البوت أو حُذف الحساب أو أُخرج البوت أو لم يجدها تيليجرام): ١،"\
            in text, text  # the blocked reader; the group is held, not lost
        assert "«grp»" in text and "أخبارها محفوظة" in text, text


async def test_the_hold_notice_reaches_an_arabic_admin_in_arabic_alone(tmp_path: Path) -> None:
    """QA56-6: the admin's chat is Arabic (their /push was answered in Arabic), yet the notice
    came in Arabic and then in full English. An admin whose language is unknown (no private
    chat with the bot) still gets both: test_x71_chat_holds."""
    async with running_bot(_setup(tmp_path)) as h:
        await _push(h)
        [note] = [m.plain_text for m in h.emu.messages(ADMIN)
                  if "لم يعد بوسعي النشر" in m.plain_text]
        assert "«grp»" in note and "I can no longer post" not in note, note


async def test_an_english_admin_reads_the_held_group_in_english(tmp_path: Path) -> None:
    async with running_bot(_setup(tmp_path)) as h:
        with h.db.transaction() as tx:
            tx.execute("insert or ignore into chats (id, type) values (?, 'private')", [ADMIN])
            tx.execute("update chats set language = 'en' where id = ?", [ADMIN])
        _no_gap(h)
        h.emu.add_chat(GROUP, title="grp", admins=(OWNER,))
        h.emu.take_rights(GROUP)
        await h.say(ADMIN, "/push", user=h.user(ADMIN, "en"))
        await h.until(lambda: any("Digest finished" in m.plain_text
                                  for m in h.emu.messages(ADMIN)), 30)
        [report] = [m.plain_text for m in h.emu.messages(ADMIN)
                    if "Digest finished" in m.plain_text]
        # X93 (QA62-9): the held group counted in the head («1 held»)
        assert report.startswith("✅ Digest finished: 4 delivered, 0 failed, 1 held."), report
        assert "held:" not in report and "«grp»" in report, report
