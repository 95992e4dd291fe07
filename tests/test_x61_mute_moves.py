"""X61 item 4: a group that becomes a supergroup keeps its muted sources (the move carries
chat_muted_sources, which no foreign key does), and a row queued before its chat muted the
source is skipped by the sender at send time (digests.reader_sources, bot.delivery_plan), not
sent; /stats does not count it as a lost delivery. The real bot and sender on the emulator."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import READER, running_bot, sample_db
from delivery_helpers import ctx

from bot.emulator import User
from bot.reader_sources import muted, set_muted
from bot.stats import lost_deliveries
from digests import new_deliveries
from digests.archive import get_article
from digests.models import iso
from digests.reader_sources import MUTED_REASON
from digests.sources import list_sources

EAST = "نشرة الشرق — الأخبار الرئيسية"  # the sample site's first feed
OLD, NEW = -4161, -1004161


async def test_a_supergroup_keeps_the_groups_mutes(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        admin = User(id=5161, first_name="GA", language_code="ar")
        h.emu.add_group(OLD, "مجموعة المدينة", admins=[admin.id], type="group")
        await h.say(OLD, "/start", user=admin)
        east = next(s for s in list_sources(h.db) if s.name == EAST)
        set_muted(h.db, OLD, east.id, True, datetime.now(UTC))
        h.emu.migrate(OLD, NEW, announce=True, user=admin)
        await h.until(lambda: muted(h.db, NEW) or None, 20)
        assert muted(h.db, NEW) == {east.id} and muted(h.db, OLD) == frozenset()
        # the supergroup's search leaves the source out, as the group's did
        [answer] = await h.say(NEW, "/search الغوطة", user=admin)
        assert "الغوطة" in answer.plain_text and EAST not in answer.plain_text, answer.plain_text


async def test_rows_queued_before_a_mute_are_skipped_at_send_time(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        await h.say(READER, "/subscribe الغوطة")
        east = next(s for s in list_sources(h.db) if s.name == EAST)
        found = h.db.db.execute(
            "select a.id, a.source_id, a.title from articles a where a.title like '%الغوطة%'"
        ).fetchall()
        assert {s for _a, s, _t in found} - {east.id} and east.id in {s for _a, s, _t in found}
        now = datetime.now(UTC)
        before = iso(now)
        with h.db.transaction() as tx:  # queued, then muted before the sender saw them
            for article_id, _s, _t in found:
                article = get_article(h.db, article_id)
                assert article is not None
                new_deliveries.enqueue_article(tx, article, ctx(now, False))
            tx.execute("insert into chat_muted_sources (chat_id, source_id, created_at)"
                       " values (?, ?, ?)", [READER, east.id, iso(now)])

        def settled() -> bool | None:
            left = h.db.db.execute("select count(*) from outbox where chat_id = ? and status"
                                   " in ('pending', 'sending')", [READER]).fetchone()[0]
            return left == 0 or None

        await h.until(settled, 20)
        rows = h.db.db.execute(
            "select a.source_id, o.status, o.last_error from outbox o"
            " join articles a on a.id = o.article_id where o.chat_id = ?", [READER]).fetchall()
        muted_rows = [(st, why) for s, st, why in rows if s == east.id]
        assert muted_rows and all(r == ("skipped", MUTED_REASON) for r in muted_rows), rows
        assert any(st == "sent" for s, st, _w in rows if s != east.id), rows
        delivered = "\n".join(m.plain_text for m in h.emu.messages(READER))
        east_titles = [t for _a, s, t in found if s == east.id]
        assert not any(t[:30] in delivered for t in east_titles), delivered
        assert lost_deliveries(h.db, before) == 0
