"""X84 (1): a /push whose every chat was held (a group that lost the right to post while the
push went out) and that reached nobody was reported «✅ انتهت النشرة — سُلّمت: ٠، فشلت: ٠.»: a
mark of success when nobody got it. The head now says the chats are held: «⏸ انتهت النشرة —
سُلّمت: ٠، موقوفة: ١.», in the admin's language. The real Application and sender against the
emulator, a real SQLite file; and the pure report."""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, BotHarness, running_bot, sample_db
from delivery_helpers import add_chat
from test_x71_chat_holds import _no_gap

from bot.pushes import push_report
from digests.push_queue import PushProgress
from digests.storage import Database

GROUP, OWNER = -100700, 6001


def _setup(tmp_path: Path) -> Path:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, GROUP, type="supergroup", topics=("",))
        with db.transaction() as tx:
            tx.execute("update chats set title = 'grp' where id = ?", [GROUP])
    return path


async def _report(h: BotHarness, head: str) -> str:
    _no_gap(h)
    h.emu.add_chat(GROUP, title="grp", admins=(OWNER,))
    h.emu.take_rights(GROUP)  # the bot learns it when it posts there
    await h.until(lambda: any(head in m.plain_text for m in h.emu.messages(ADMIN)), 30)
    [report] = [m.plain_text for m in h.emu.messages(ADMIN) if head in m.plain_text]
    return report


async def test_a_push_that_reached_only_a_held_group_claims_no_success(tmp_path: Path) -> None:
    async with running_bot(_setup(tmp_path)) as h:
        h.emu.send_user_message(ADMIN, "/push")
        report = await _report(h, "انتهت النشرة")
        head, held = report.split("\n")
        assert "✅" not in report, report
        assert head.endswith("⏸ انتهت النشرة — سُلّمت: ٠، موقوفة: ١."), report
        assert held.startswith("⏸ لم تصلها") and "«grp»" in held, report


async def test_an_english_admin_reads_it_in_english(tmp_path: Path) -> None:
    async with running_bot(_setup(tmp_path)) as h:
        with h.db.transaction() as tx:
            tx.execute("insert or ignore into chats (id, type) values (?, 'private')", [ADMIN])
            tx.execute("update chats set language = 'en' where id = ?", [ADMIN])
        h.emu.send_user_message(ADMIN, "/push", user=h.user(ADMIN, "en"))
        report = await _report(h, "Digest finished")
        assert report.startswith("⏸ Digest finished: 0 delivered, 1 held.\n"), report
        assert "✅" not in report and "«grp»" in report, report


def test_the_heads_of_a_report() -> None:
    held = PushProgress(push_id=1, chats=2, delivered=0, failed=0, pending=0, held=2)
    assert push_report(held, [], "ar") == "\u200f⏸ انتهت النشرة — سُلّمت: ٠، موقوفة: ٢."
    assert push_report(held, [], "en") == "⏸ Digest finished: 0 delivered, 2 held."
    some = PushProgress(push_id=1, chats=3, delivered=1, failed=0, pending=0, held=2)
    # X93 (QA62-9): the held chats of the push counted in its head, so the parts add up
    assert push_report(some, [], "ar") == "\u200f✅ انتهت النشرة — سُلّمت: ١، فشلت: ٠، موقوفة: ٢."
    failed = PushProgress(push_id=1, chats=3, delivered=0, failed=1, pending=0, held=2)
    assert push_report(failed, [(None, 1)], "en").startswith("⚠️ Digest finished with failures")


def _held_before(tmp_path: Path, topics: tuple[str, ...]) -> Path:
    path = sample_db(tmp_path)
    with Database(path) as db:
        add_chat(db, GROUP, type="supergroup", topics=topics)
        with db.transaction() as tx:
            tx.execute("update chats set title = 'a<b', active = 0, deactivated_reason ="
                       " 'held: Not enough rights' where id = ?", [GROUP])
    return path


async def test_a_push_whose_only_follower_is_held_says_so(tmp_path: Path) -> None:
    """The follower was held before the push: «لا أحد يتابع النشرة العامة» said nobody
    follows it."""
    async with running_bot(_held_before(tmp_path, ("",))) as h:
        [said] = await h.say(ADMIN, "/push")
        text = said.plain_text.replace("\u200e", "")
        assert "لا أحد يتابع" not in text, text
        assert text.startswith("\u200f⏸ لم تُرسل نشرة: كل من يتابع النشرة العامة محادثات لا"
                               " يستطيع البوت النشر فيها الآن: «a<b».") and "/stats" in text, text
        with h.db.transaction() as tx:
            tx.execute("update chats set language = 'en' where id = ?", [ADMIN])
        [said] = await h.say(ADMIN, "/push", user=h.user(ADMIN, "en"))
        assert "every follower of the general digest is a chat I cannot post in now" \
            in said.plain_text, said.plain_text


async def test_a_topic_followed_by_a_held_chat_only(tmp_path: Path) -> None:
    async with running_bot(_held_before(tmp_path, ("الغوطة",))) as h:
        [said] = await h.say(ADMIN, "/push الغوطة")
        text = said.plain_text.replace("\u200e", "")
        assert "كل من يتابع «الغوطة»" in text and "«a<b»" in text, text
        [said] = await h.say(ADMIN, "/push سوريا")  # nobody at all: as before
        assert "لا أحد يتابع «سوريا»" in said.plain_text, said.plain_text


async def test_two_held_followers_are_an_arabic_list(tmp_path: Path) -> None:
    """Two held groups are named as an Arabic list («، »), as /stats names them (review RF)."""
    path = _held_before(tmp_path, ("",))
    with Database(path) as db:
        add_chat(db, GROUP - 1, type="supergroup", topics=("",))
        with db.transaction() as tx:
            tx.execute("update chats set title = 'ج', active = 0, deactivated_reason ="
                       " 'held: Not enough rights' where id = ?", [GROUP - 1])
    async with running_bot(path) as h:
        [said] = await h.say(ADMIN, "/push")
        text = said.plain_text.replace("\u200e", "")
        assert "«a<b»، «ج»" in text or "«ج»، «a<b»" in text, text
        assert "», «" not in text, text
