"""QA44 T4, T5, T8, T11: what an admin or reader types, read as meant. The real bot against the
emulator, real SQLite, a local site for the feeds.
- T4: a link pasted in «» or in markup (<b>…</b>) is added, not refused as «««…»» ليس رابطًا»;
  a link's scheme and host in capitals are lower-cased (its path kept).
- T5: English `/subscribe Syria, the general digest` follows Syria and the general digest.
- T8: `/sources ‏2` (an RLM before the digit) lists page 2; a number of any length past the
  end lists the last page.
- T11: `/lang en` sets English (private chat; in a group, by an admin; a member is refused).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from bot.emulator import User
from digests import sources, subscriptions
from digests.link_words import link_word
from digests.models import iso
from digests.samplesite import SampleSite
from digests.storage import Database

GROUP = -100652


def _plain(text: str) -> str:
    return text.replace("\u200e", "").replace("\u200f", "")


async def test_a_link_in_guillemets_or_markup_is_added(tmp_path: Path) -> None:
    with SampleSite() as site:
        main, world, economy = (site.feed_url(s) for s in ("main", "world", "economy"))
        async with running_bot(sample_db(tmp_path), admin_ids=frozenset({ADMIN})) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            with h.db.transaction() as tx:  # the template's site may have had this site's port:
                # its removed feeds would then be the same links, re-enabled rather than added
                tx.execute("update sources set url = replace(url, '127.0.0.1', 'gone.invalid')")
            [one] = await h.say(ADMIN, f"/addsource «{main}»", timeout=30)
            assert "أُضيف المصدر" in _plain(one.plain_text), one.plain_text
            msgs = await h.say(ADMIN, f"/addsource <b>{world}</b> «{economy}»", n=4,
                               timeout=30)
            assert "أُضيف ٢، وتعذّر ٠" in _plain(msgs[-1].plain_text), \
                [m.plain_text for m in msgs]
            assert sorted(s.url for s in sources.list_sources(h.db)) == sorted(
                [main, world, economy])


def test_link_word_trims_marks_and_lowers_scheme_and_host() -> None:
    assert link_word("«HTTP://News.Example/Feed.XML»") == "http://news.example/Feed.XML"
    assert link_word('href="https://a.example/rss">') == "https://a.example/rss"
    assert link_word("«بي بي سي»") == "«بي بي سي»"  # no link: a name's word is kept as typed


async def test_an_english_list_with_the_general_digest_follows_both(tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [answer] = await h.say(READER, "/subscribe Syria, the general digest",
                               language_code="en")
        assert "not followed" not in answer.plain_text, answer.plain_text
        topics = {s.topic for s in subscriptions.list_subscriptions(h.db, READER)}
        assert topics == {"سوريا", ""}, topics


async def test_sources_page_after_a_direction_mark_and_past_the_end(tmp_path: Path) -> None:
    path = tmp_path / "many.db"
    now = datetime.now(UTC)
    with Database(path) as db, db.transaction() as tx:
        for n in range(120):
            tx.execute("insert into sources (id, url, name, added_at, last_success_at)"
                       " values (?, ?, ?, ?, ?)",
                       [n + 1, f"https://s{n}.example/feed.xml", f"مصدر {n}", iso(now),
                        iso(now)])
    async with running_bot(path) as h:
        for asked, page in (("\u200f2", "٢"), ("\u200f\u2067٣", "٣"),
                            ("999999999999999999999", "٣")):
            before = len(h.emu.messages(ADMIN))
            await h.say(ADMIN, f"/sources {asked}")
            await h.settle()
            text = _plain("\n".join(m.plain_text for m in h.emu.messages(ADMIN)[before:]))
            assert f"الصفحة {page} من ٣" in text, (asked, text[-200:])


async def test_lang_en_sets_english_in_a_private_chat_and_by_a_groups_admin(
        tmp_path: Path) -> None:
    async with running_bot(sample_db(tmp_path)) as h:
        [done] = await h.say(READER, "/lang en")
        assert "Language is now English" in done.plain_text, done.plain_text
        chat = subscriptions.get_chat(h.db, READER)
        assert chat is not None and chat.language == "en"
        [back] = await h.say(READER, "/language عربي")
        assert "اللغة الآن: العربية" in back.plain_text, back.plain_text
        [picker] = await h.say(READER, "/lang")  # no word: the picker, as before
        assert "Choose the language" in picker.plain_text and picker.reply_markup is not None
        h.emu.add_group(GROUP, "مجموعة", admins=[ADMIN])
        [refused] = await h.say(GROUP, "/lang en", user=User(id=6701, first_name="m"))
        group = subscriptions.get_chat(h.db, GROUP)
        assert group is None or group.language != "en", refused.plain_text
        [set_] = await h.say(GROUP, "/lang English", user=h.user(ADMIN))
        # a group's language is every member's: said so (QA49 M6)
        assert "for all its members, is now English" in set_.plain_text, set_.plain_text
        group = subscriptions.get_chat(h.db, GROUP)
        assert group is not None and group.language == "en"
