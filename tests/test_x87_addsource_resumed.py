"""X87 (QA58-12): two links in one /addsource, one of them a paused source's feed: the summary
counted the resumed source «added» («Links done (2): 1 added, 1 could not be») and ended «⏳
Fetching it now for the first time», though it was fetched many times before. Now «1 resumed»
and «⏳ Fetching it now». The real bot against the emulator, the links served by the sample
site on 127.0.0.1 (as tests/test_x58_addsource_several)."""

from __future__ import annotations

from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db

from bot import sources_admin
from bot.source_notes import FirstFetch
from digests import sources
from digests.samplesite import Response, SampleSite


async def test_a_resumed_source_is_counted_resumed(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    async def polled_now(context: object) -> FirstFetch:  # as a bot that polls on a schedule
        return FirstFetch("now", None)

    monkeypatch.setattr(sources_admin, "fetch_now", polled_now)
    with SampleSite() as site:
        broken = site.add_route("/broken.xml", Response(status=404))
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)  # the template's site is gone
            main = site.feed_url("main")
            first = await h.say(ADMIN, f"/addsource {main}", n=1, timeout=30)
            assert "أُضيف المصدر" in first[0].plain_text, first[0].plain_text
            [paused] = [s for s in sources.list_sources(h.db) if s.url == main]
            with h.db.transaction() as tx:  # fetched since (no poller runs in the test bot)
                tx.execute("update sources set last_success_at = added_at where id = ?",
                           [paused.id])
            sources.remove_source(h.db, paused.id)  # /removesource: paused, fetched before
            msgs = await h.say(ADMIN + 1, f"/addsource {broken} {main}", n=4,
                               language_code="en", timeout=30)
            last = msgs[3].plain_text
            assert "Links done (2): 0 added, 1 resumed, 1 could not be" in last, last
            assert "Fetching it now" in last and "first time" not in last, last
            ar = await h.say(ADMIN, f"/addsource {broken} {site.feed_url('world')}", n=4,
                             timeout=30)
            assert "انتهت الروابط (٢): أُضيف ١، وتعذّر ١" in ar[3].plain_text, ar[3].plain_text
            assert "يُجلب الآن لأول مرة" in ar[3].plain_text, ar[3].plain_text  # a new one
