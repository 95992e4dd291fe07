"""X80 item 9: the README promises the bot never fetches a page a user pastes — an admin's
either. Decided: no fetch for anyone (a pasted URL never makes the bot connect anywhere); an
admin's way to a new page of a source is /ingest, then the link pasted again (or /addsource,
or `run.py digest URL` on the server), and /help now says so under the admin commands (it said
only «اجلب الأخبار الآن»). Real parts: the real Application (PTB) against the emulator, a real
local news site that counts every request it receives, real SQLite.
"""

from __future__ import annotations

from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from digests.samplesite import SampleSite

LINE_AR = "لا يجلب البوت رابطًا يُلصق له، ولا لمشرف"
LINE_EN = "The bot never fetches a pasted link, an admin's either"


async def test_an_admins_pasted_link_is_not_fetched_and_help_says_so(tmp_path: Path) -> None:
    with SampleSite(with_sample=False) as site:
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN, ADMIN + 1})
                               ) as h:
            [answer] = await h.say(ADMIN, site.url("/news/new-story.html"))
            [ar] = await h.say(ADMIN, "/help")
            [en] = await h.say(ADMIN + 1, "/help", user=h.user(ADMIN + 1, "en"))
            [reader] = await h.say(READER, "/help")
        assert site.hits() == 0  # never connected, for an admin either
    assert "ليس في الأرشيف" in answer.plain_text and "/ingest" in answer.plain_text
    assert LINE_AR in ar.plain_text, ar.plain_text  # before: «/ingest — اجلب الأخبار الآن» only
    assert "/ingest" in ar.plain_text.split(LINE_AR)[1]
    assert LINE_EN in en.plain_text, en.plain_text  # an English admin's /help
    assert LINE_AR not in reader.plain_text  # a reader's /help: no admin commands
