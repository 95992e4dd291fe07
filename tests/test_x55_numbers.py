"""X55 item 3 (X51 E6 remainder): /digest numbers its stories as a delivered bundle does
(«١.» …, «1.» in English), and the line counting a digest's unshown stories is a sentence."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from botkit import READER, running_bot

from bot.render import more_line
from digests.models import iso
from digests.storage import Database

TITLES = ("موسكو تطرد دبلوماسيين بريطانيين", "افتتاح معرض الكتاب في القاهرة",
          "ارتفاع أسعار النفط في آسيا")


def _archive(path: Path, now: datetime) -> None:
    with Database(path) as db, db.transaction() as tx:
        tx.execute("insert into sources (id, url, name, added_at) values (1,?,?,?)",
                   ["https://s1.example/feed", "مصدر", iso(now)])
        for n, title in enumerate(TITLES, 1):
            at = iso(now - timedelta(hours=n))
            tx.execute(
                "insert into articles (id, source_id, url, url_key, content_hash, title,"
                " headline, published_at, fetched_at, updated_at, story_id)"
                " values (?,?,?,?,?,?,?,?,?,?,?)",
                [n, 1, f"https://news.example/{n}", f"news.example/{n}", f"h{n}", title, title,
                 at, at, at, 10 * n])


async def test_digest_command_numbers_its_stories(tmp_path: Path) -> None:
    path = tmp_path / "nashra.db"
    _archive(path, datetime.now(timezone.utc))
    async with running_bot(path) as h:
        got = await h.say(READER, "/digest", n=2)
        shown = got[1].plain_text
        numbers = re.findall(r"^\u200f?([\u0660-\u0669]+)\. (.+)$", shown, re.M)
        assert [n for n, _ in numbers] == ["١", "٢", "٣"]
        assert [t for _, t in numbers] == list(TITLES)  # newest first
        en = h.user(READER + 1, language_code="en")
        got = await h.say(READER + 1, "/digest", n=2, user=en)
        shown = got[1].plain_text
        assert [n for n in re.findall(r"^\W*(\d+)\. ", shown, re.M)] == ["1", "2", "3"]


def test_the_more_line_is_a_sentence() -> None:
    assert more_line(24, [""], "ar") == "وهناك ٢٤ خبرًا آخر في الزر أدناه."
    assert more_line(1, [""], "ar") == "وهناك خبر آخر في الزر أدناه."
    assert more_line(2, ["غزة"], "ar") == (
        "وهناك خبران آخران في الزر أدناه، وكل أخبار «غزة» في /search غزة.")
    assert more_line(3, [""], "ar", button=False) == (
        "وهناك ٣ أخبار أخرى خارج هذه الرسالة، وأهم الأخبار الآن في /digest.")
    assert more_line(3, ["غزة"], "ar", button=False) == "وهناك ٣ أخبار أخرى في /search غزة."
    assert more_line(24, [""], "en") == "The button below shows 24 more stories."
    assert more_line(1, [""], "en") == "The button below shows 1 more story."
    assert more_line(3, [""], "en", button=False) == (
        "This message leaves out 3 more stories; /digest has the top stories now.")
    for n in (1, 2, 5, 24, 100):  # no dash-joined fragment is left, in either language
        for lang in ("ar", "en"):
            for button in (True, False):
                line = more_line(n, [""], lang, button=button)
                assert " — " not in line and line.endswith(".")
