"""/addsource never repeats a link's `user:password@` (QA29 A5): neither when it refuses the
link nor when it adds it; the source keeps them, to fetch with. The real bot, the emulator and a
feed server on 127.0.0.1."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from botkit import ADMIN, running_bot, sample_db

from digests import sources
from digests.samplesite import Response, SampleSite


async def test_addsource_answers_never_repeat_the_password(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with SampleSite() as site:
        site.add_route("/cred.xml", Response(status=500))
        broken = site.url("/cred.xml").replace("http://", "http://user:SECRET@")
        good = site.feed_url("main").replace("http://", "http://user:SECRET@")
        async with running_bot(sample_db(tmp_path)) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            with caplog.at_level(logging.INFO):
                await h.say(ADMIN, f"/addsource {broken}")
                await h.until(lambda: "تعذرت إضافة المصدر" in h.emu.messages(ADMIN)[-1].plain_text,
                              20)
                refused = h.emu.messages(ADMIN)[-1].plain_text
                await h.say(ADMIN, f"/addsource {good}")
                await h.until(lambda: "أُضيف المصدر" in h.emu.messages(ADMIN)[-1].plain_text, 20)
                added = h.emu.messages(ADMIN)[-1].plain_text
            stored = [s.url for s in sources.list_sources(h.db)]
    assert site.url("/cred.xml").split("//", 1)[1] in refused and "SECRET" not in refused
    assert site.feed_url("main").split("//", 1)[1] in added and "SECRET" not in added
    assert stored == [good]  # kept whole, to fetch with
    assert not [r.getMessage() for r in caplog.records if "SECRET" in r.getMessage()]
