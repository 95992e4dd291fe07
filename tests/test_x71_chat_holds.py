"""A channel or group the bot can no longer post in is held and told, not failed for ever
(QA49 M1, M2; brief X71): the real Application (PTB) and sender against the emulator, a real
SQLite file.

- M1: the channel answers «need administrator rights»: the chat is held at the first refusal
  (not tried again), its queue kept, the operator and the channel's admin told once, Arabic
  first, naming the channel and «نشر الرسائل»; rights given back (my_chat_member), the kept
  stories and the one stored meanwhile go out and the admin is told.
- M2: a 403 «bot is not a member» holds the channel the same way; a group that mutes the bot
  (my_chat_member «restricted») is held and told at once, before any delivery fails.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import ADMIN, BotHarness, running_bot
from delivery_helpers import add_article, add_chat, add_source

from bot.runtime import RUNTIME_KEY
from digests.models import iso
from digests.storage import Database

CHANNEL, GROUP, OWNER = -1002000, -1003000, 1003
TOPIC = "ترامب"


def _queue(db: Database, chat: int, article_id: int, story: int) -> None:
    with db.transaction() as tx:
        tx.execute("insert into outbox (chat_id, story_id, article_id, kind, created_at, status)"
                   " values (?,?,?, 'instant', ?, 'pending')",
                   [chat, story, article_id, iso(datetime.now(timezone.utc))])


def _status(db: Database, chat: int) -> list[str]:
    return [r[0] for r in db.db.execute("select status from outbox where chat_id = ? order by id",
                                        [chat])]


def _article(db: Database, src: int, n: int) -> int:
    """A story about TOPIC, fetched now (the catch-up takes stories stored since the hold)."""
    art = add_article(db, src, f"ترامب يعلن قرارًا جديدًا رقم {n}", story_id=500 + n)
    now = iso(datetime.now(timezone.utc))
    with db.transaction() as tx:
        tx.execute("update articles set fetched_at = ?, published_at = ? where id = ?",
                   [now, now, art.id])
    return art.id


def _setup(path: Path, chat: int, chat_type: str) -> list[int]:
    with Database(path) as db:
        src = add_source(db, "src")
        arts = [_article(db, src, n) for n in range(3)]
        add_chat(db, chat, type=chat_type, topics=(TOPIC,))
        add_chat(db, OWNER, topics=())  # the channel's admin has a private chat with the bot
        add_chat(db, ADMIN, topics=())
        with db.transaction() as tx:
            tx.execute("update chats set title = 'قناة المجتمع' where id = ?", [chat])
        _queue(db, chat, arts[0], 500)
    return arts


def _told(h: BotHarness, user: int) -> list[str]:
    return [m.plain_text for m in h.emu.messages(user)]


def _no_gap(h: BotHarness) -> None:
    """Successive alerts to one chat go at once (the gap between them has its own tests)."""
    h.app.bot_data[RUNTIME_KEY].sender.planner.instant_gap = timedelta(0)


async def test_a_channel_without_the_right_to_post_is_held_told_and_resumed(
        tmp_path: Path) -> None:
    path = tmp_path / "m1.db"
    arts = _setup(path, CHANNEL, "channel")
    async with running_bot(path) as h:
        _no_gap(h)
        h.emu.add_chat(CHANNEL, type="channel", title="قناة المجتمع", admins=(OWNER,))
        await h.until(lambda: _status(h.db, CHANNEL) == ["sent"])
        h.emu.take_rights(CHANNEL)
        _queue(h.db, CHANNEL, arts[1], 501)
        _queue(h.db, CHANNEL, arts[2], 502)
        await h.until(lambda: h.db.db.execute(
            "select active from chats where id = ?", [CHANNEL]).fetchone()[0] == 0)
        await h.until(lambda: _told(h, OWNER) and _told(h, ADMIN))
        # held at the first refusal, its queue kept (not failed, not skipped)
        assert _status(h.db, CHANNEL) == ["sent", "pending", "pending"]
        reason = h.db.db.execute("select deactivated_reason from chats where id = ?",
                                 [CHANNEL]).fetchone()[0]
        assert reason.startswith("held: ") and "administrator rights" in reason
        [owner_note] = _told(h, OWNER)
        assert "قناة المجتمع" in owner_note and "نشر الرسائل" in owner_note
        assert "Post messages" not in owner_note  # an Arabic chat reads Arabic alone (QA56-6)
        refusals = h.emu.counters["error:400"]
        src = h.db.db.execute("select id from sources").fetchone()[0]
        late = _article(h.db, src, 7)  # stored while held: no row for an inactive chat
        await h.settle()
        assert h.emu.counters["error:400"] == refusals  # not tried again
        assert len(_told(h, OWNER)) == 1  # told once
        # /stats (the operator) and /channels (the channel's admin) name the held channel
        stats = " ".join(m.plain_text for m in await h.say(ADMIN, "/stats", n=1, timeout=20))
        assert "موقوفة" in stats and "قناة المجتمع" in stats, stats
        [listing] = await h.say(OWNER, "/channels", n=1)
        assert "قناة المجتمع" in listing.plain_text and "موقوفة" in listing.plain_text
        # the owner makes the bot an admin who can post again
        h.emu.give_rights(CHANNEL)
        h.emu.chat_member_update(CHANNEL, old_status="administrator",
                                 new_status="administrator", user=h.user(OWNER),
                                 rights={"can_post_messages": True})
        await h.until(lambda: _status(h.db, CHANNEL) == ["sent"] * 4, 15)
        posted = " ".join(m.plain_text for m in h.emu.messages(CHANNEL))
        assert "رقم 7" in posted and "رقم 1" in posted and "رقم 2" in posted
        assert h.db.db.execute("select article_id from outbox where chat_id = ? order by id",
                               [CHANNEL]).fetchall()[-1][0] == late
        # the note comes after the deliveries (waited for: taking the owner's last message at
        # once found /channels' answer on a loaded host, CI hardening)
        back = (await h.until(lambda: [t for t in _told(h, OWNER) if "عاد بوسعي النشر" in t]))[-1]
        assert "قناة المجتمع" in back


async def test_a_channel_that_removed_the_bot_is_held_and_told(tmp_path: Path) -> None:
    path = tmp_path / "m2.db"
    arts = _setup(path, CHANNEL, "channel")
    async with running_bot(path) as h:
        _no_gap(h)
        h.emu.add_chat(CHANNEL, type="channel", title="قناة المجتمع", admins=(OWNER,))
        await h.until(lambda: _status(h.db, CHANNEL) == ["sent"])
        h.emu.block(CHANNEL, "Forbidden: bot is not a member of the channel chat")
        _queue(h.db, CHANNEL, arts[1], 501)
        await h.until(lambda: _told(h, ADMIN))
        assert _status(h.db, CHANNEL) == ["sent", "pending"]
        [note] = _told(h, ADMIN)
        assert "قناة المجتمع" in note and "أضف البوت إلى القناة" in note
        h.emu.unblock(CHANNEL)
        h.emu.chat_member_update(CHANNEL, old_status="left", new_status="administrator",
                                 user=h.user(OWNER))
        await h.until(lambda: _status(h.db, CHANNEL) == ["sent", "sent"], 15)
        await h.until(lambda: any("عاد بوسعي النشر" in t for t in _told(h, OWNER)))


async def test_a_group_that_mutes_the_bot_is_held_and_told_at_once(tmp_path: Path) -> None:
    path = tmp_path / "mute.db"
    _setup(path, GROUP, "supergroup")
    async with running_bot(path) as h:
        _no_gap(h)
        h.emu.add_group(GROUP, "قناة المجتمع", admins=(OWNER,))
        await h.until(lambda: _status(h.db, GROUP) == ["sent"])
        h.emu.take_rights(GROUP)
        h.emu.chat_member_update(GROUP, old_status="member", new_status="restricted",
                                 user=h.user(OWNER))
        await h.until(lambda: _told(h, OWNER))
        assert h.db.db.execute("select active from chats where id = ?",
                               [GROUP]).fetchone()[0] == 0
        [note] = _told(h, OWNER)
        assert "امنح البوت صلاحية إرسال الرسائل" in note
        assert h.emu.counters["error:400"] == 0  # told before any delivery failed
