"""X135 (after X134, QA77-2): a /push row queued before its chat muted the source is not sent.

X134 made /push leave out a chat's muted sources when it queues, but a push row queued before
the reader muted that source was still sent: the sender skipped muted rows of every kind but
a push's. Now it skips those too (recorded skipped with MUTED_REASON, not failed), the other
chats of the push get theirs, and the push's report counts them: a chat left with nothing is
neither delivered nor failed. The real bot and sender on the emulator.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import running_bot, sample_db

from bot.pushes import failure_reasons, push_report
from bot.stats import lost_deliveries
from digests import push_queue, subscriptions
from digests.models import iso
from digests.reader_sources import MUTED_REASON

PARTLY, WHOLLY, NEITHER = 3501, 3502, 3503  # muted one source / every source / nothing


async def test_push_rows_of_a_source_muted_since_they_were_queued_are_skipped(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        now = datetime.now(UTC)
        for chat in (PARTLY, WHOLLY, NEITHER):
            subscriptions.upsert_chat(h.db, chat, now=now)
            subscriptions.subscribe(h.db, chat, "", now=now)
        before = iso(now) or ""
        # queued, then muted before the sender's next pass (no await in between: the sender
        # runs on this loop)
        plan = push_queue.enqueue_push(h.db, topic=None, now=now)
        rows = h.db.db.execute(
            "select o.chat_id, a.source_id from outbox o join articles a on a.id = o.article_id"
            " where o.kind = ?", [plan.kind]).fetchall()
        sources = sorted({int(s) for c, s in rows if c == PARTLY})
        assert plan.chats == 3 and len(sources) >= 2, rows
        with h.db.transaction() as tx:
            for chat, muted in ((PARTLY, sources[:1]), (WHOLLY, sources)):
                for source in muted:
                    tx.execute("insert into chat_muted_sources (chat_id, source_id, created_at)"
                               " values (?, ?, ?)", [chat, source, iso(now)])
        await h.until(lambda: push_queue.push_progress(h.db, plan.push_id).done or None, 30)
        states = h.db.db.execute(
            "select o.chat_id, a.source_id, o.status, o.last_error from outbox o"
            " join articles a on a.id = o.article_id where o.kind = ?", [plan.kind]).fetchall()
        for chat, source, status, why in states:
            muted_here = (chat == PARTLY and source == sources[0]) or chat == WHOLLY
            # before: every row was sent, the muted source's too
            assert (status, why) == (("skipped", MUTED_REASON) if muted_here else ("sent", None)), \
                states
        skipped = sum(1 for c, s, _st, _w in states if c == WHOLLY
                      or (c == PARTLY and s == sources[0]))
        progress = push_queue.push_progress(h.db, plan.push_id)
        # not lost for the others, and the wholly muted chat is not «failed»
        assert (progress.delivered, progress.failed, progress.muted) == (2, 0, 1)
        assert (progress.muted_rows, progress.muted_chats) == (skipped, 2)
        assert failure_reasons(h.db, plan.push_id) == []
        assert lost_deliveries(h.db, before) == 0
        ar = push_report(progress, [], "ar").replace("\u200f", "")
        assert ar.startswith("✅ انتهت النشرة — سُلّمت: ٢، فشلت: ٠."), ar
        assert (f"🔕 أخبار لم تُرسل لأن مصادرها كُتمت هناك بعد إعداد النشرة: "
                f"{'٠١٢٣٤٥٦٧٨٩'[skipped] if skipped < 10 else skipped} في محادثتين، ولم يُرسل"
                " شيء منها إلى محادثة واحدة فلم تُحسب فاشلة.") in ar, ar
        en = push_report(progress, [], "en")
        assert (f"🔕 Articles not sent because their sources were muted there after the digest"
                f" was queued: {skipped} in 2 chats; nothing of it went to 1 chat, not counted"
                " as failed.") in en, en
        sent = "\n".join(m.plain_text for m in h.emu.messages(WHOLLY))
        assert not sent, sent
