"""X74 item 3: held chats that removed the bot expire after HELD_CHAT_DAYS.

Three chats are held on one SQLite file: a channel that kicked the bot 12 days ago (2 stories
waiting), a channel that removed it 5 days ago (1 waiting) and a group that muted it 40 days ago
(1 waiting; the bot is still a member there). With HELD_CHAT_DAYS=10 the operator's /stats
ends the first hold: its rows end 'skipped' «held: expired», it is no longer named in the held
line (still a lost chat), and a line says one chat's hold ended and two stories were dropped.
The others stay held with their rows. Added again, the expired channel resumes like any lost
chat. Before: nothing ever ended a hold.

Real parts: the real Application (PTB) against the emulator, a real SQLite file.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import ADMIN, running_bot
from delivery_helpers import add_article, add_chat, add_source

from bot.chat_holds import hold_chat
from bot.hold_expiry import EXPIRED_ROWS, expired_line, removed
from digests.models import iso
from digests.settings import ConfigError, Settings
from digests.storage import Database

OLD, RECENT, MUTED, OWNER = -1002001, -1002002, -1003003, 1004


def _setup(path: Path) -> None:
    now = datetime.now(timezone.utc)
    with Database(path) as db:
        src = add_source(db, "src")
        add_chat(db, ADMIN, topics=())
        add_chat(db, OWNER, topics=())
        for n, (chat, kind, title, reason, days, rows) in enumerate((
                (OLD, "channel", "قناة قديمة", "Forbidden: bot was kicked from the channel chat",
                 12, 2),
                (RECENT, "channel", "قناة حديثة", "bot left", 5, 1),
                (MUTED, "supergroup", "مجموعة صامتة",
                 "Bad Request: not enough rights to send text messages to the chat", 40, 1))):
            add_chat(db, chat, type=kind, topics=("ترامب",))
            with db.transaction() as tx:
                tx.execute("update chats set title = ? where id = ?", [title, chat])
                for i in range(rows):
                    art = add_article(db, src, f"ترامب يعلن قرارًا رقم {n}{i}",
                                      story_id=600 + 10 * n + i)
                    tx.execute("insert into outbox (chat_id, story_id, article_id, kind,"
                               " created_at, status) values (?,?,?, 'instant', ?, 'pending')",
                               [chat, 600 + 10 * n + i, art.id, iso(now - timedelta(days=days))])
            hold_chat(db, chat, reason, now - timedelta(days=days))


def _rows(db: Database, chat: int) -> list[tuple[str, str | None]]:
    return [(r[0], r[1]) for r in db.db.execute(
        "select status, last_error from outbox where chat_id = ? order by id", [chat])]


def test_the_key_the_reasons_and_the_line() -> None:
    assert Settings.from_env({"HELD_CHAT_DAYS": "45"}, env_file=None).held_chat_days == 45
    try:
        Settings.from_env({"HELD_CHAT_DAYS": "0"}, env_file=None)
        raise AssertionError("0 days accepted")
    except ConfigError as exc:
        assert "HELD_CHAT_DAYS" in str(exc)
    assert removed("bot kicked") and removed("Forbidden: bot is not a member of the channel chat")
    assert not removed("Bad Request: need administrator rights in the channel chat")
    assert expired_line(0, 0, 30, "ar") is None
    assert expired_line(1, 2, 30, "ar") == ("🗑 محادثات أزالت البوت منذ أكثر من ٣٠ يومًا فانتهى"
                                            " انتظارها: ١؛ عدد الأخبار المحذوفة من انتظارها: ٢.")
    assert expired_line(1, 2, 30, "en") == ("🗑 Chats that removed me more than 30 days ago, no"
                                            " longer held: 1; their waiting news dropped (2"
                                            " articles).")


async def test_a_chat_that_removed_the_bot_long_ago_stops_waiting(tmp_path: Path) -> None:
    path = tmp_path / "expiry.db"
    _setup(path)
    async with running_bot(path, held_chat_days=10) as h:
        [stats] = await h.say(ADMIN, "/stats", n=1, timeout=20)
        text = stats.plain_text
        held = next(line for line in text.splitlines() if line.startswith("⏸"))
        assert "قناة حديثة" in held and "مجموعة صامتة" in held and "قناة قديمة" not in held
        assert "فانتهى انتظارها: ١؛ عدد الأخبار المحذوفة من انتظارها: ٢." in text, text
        assert _rows(h.db, OLD) == [("skipped", EXPIRED_ROWS)] * 2
        assert _rows(h.db, RECENT) == [("pending", None)]
        assert _rows(h.db, MUTED) == [("pending", None)]
        active, reason = h.db.db.execute("select active, deactivated_reason from chats"
                                         " where id = ?", [OLD]).fetchone()
        assert active == 0 and reason.startswith("held expired: ")
        # asked again: nothing more dropped, the same line
        [again] = await h.say(ADMIN, "/stats", n=1, timeout=20)
        assert "فانتهى انتظارها: ١؛ عدد الأخبار المحذوفة من انتظارها: ٢." in again.plain_text

        # the channel adds the bot again: it resumes as a lost chat does, the line goes
        h.emu.add_chat(OLD, type="channel", title="قناة قديمة", admins=(OWNER,))
        h.emu.chat_member_update(OLD, old_status="left", new_status="administrator",
                                 user=h.user(OWNER))
        await h.until(lambda: h.db.db.execute("select active from chats where id = ?",
                                              [OLD]).fetchone()[0] == 1)
        [after] = await h.say(ADMIN, "/stats", n=1, timeout=20)
        assert "فانتهى انتظارها" not in after.plain_text


async def test_the_daily_purge_ends_old_holds_without_a_stats(tmp_path: Path) -> None:
    """The integrator's wiring of X74's left item: the scheduled daily purge runs the same expiry,
    so a bot nobody asks /stats of still stops holding a long-gone chat's rows."""
    from telegram.ext import CallbackContext

    from bot.jobs import purge_job

    path = tmp_path / "expiry.db"
    _setup(path)
    async with running_bot(path, held_chat_days=10) as h:
        assert _rows(h.db, OLD) == [("pending", None)] * 2
        await purge_job(CallbackContext(h.app))
        assert _rows(h.db, OLD) == [("skipped", EXPIRED_ROWS)] * 2
        assert _rows(h.db, RECENT) == [("pending", None)]
        assert _rows(h.db, MUTED) == [("pending", None)]
