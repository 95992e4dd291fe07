"""X61 item 5: every English date the bot shows names its month in full — «8 March 2018», not
«8 Mar 2018» nor «2018-03-08» — in results, /stats, /sources and a failing source's notice (the
daily digest's header: tests/golden/render/daily_en.html); /help names the /language alias
beside /lang. The real bot on the emulator over a real SQLite archive."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timezone
from pathlib import Path

from botkit import ADMIN, READER, running_bot, sample_db

from bot.source_alerts import Down, down_text
from bot.welcome import help_text
from digests.models import iso
from digests.processing import StoreContext
from digests.records import ARTICLE_SELECT, article_from_row
from digests.search_index import index_article
from digests.settings import Settings
from digests.sources import get_source
from digests.storage import Database

OLD = datetime(2018, 3, 8, 9, 30, tzinfo=UTC)
WORD = "قرقيسياء"
SHORT = re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b|\d{4}-\d\d-\d\d")
_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


def _old_news(path: Path) -> int:
    """An article of 8 March 2018, the last poll and a source's last success that day."""
    now = datetime.now(UTC)
    with Database(path) as db:
        source = int(db.db.execute("select min(id) from sources").fetchone()[0])
        with db.transaction() as conn:
            url = "https://old.example/a/1"
            conn.execute(
                "insert into articles (id, source_id, url, url_key, content_hash, title,"
                " published_at, body, fetched_at, updated_at) values (?,?,?,?,?,?,?,?,?,?)",
                [990_001, source, url, url, "h990001", f"أخبار {WORD} القديمة", iso(OLD),
                 f"ما جرى في {WORD}.", iso(now), iso(now)])
            row = list(conn.query(f"{ARTICLE_SELECT} where articles.id = 990001"))[0]
            index_article(conn, article_from_row(row), StoreContext(now=now, settings=Settings()))
            conn.execute("delete from polls")
            conn.execute("insert into polls (started_at, finished_at) values (?, ?)",
                         [iso(OLD), iso(OLD)])
            conn.execute("update sources set last_success_at = ? where id = ?", [iso(OLD), source])
    return source


async def test_english_dates_name_the_month_in_full(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    source = _old_news(path)
    async with running_bot(path) as h:
        [found] = await h.say(READER, f"/search {WORD}", language_code="en")
        text = _MARKS.sub("", found.plain_text)
        assert "8 March 2018" in text and not SHORT.search(text), text
        [stats] = await h.say(ADMIN, "/stats", user=h.user(ADMIN, "en"), language_code="en")
        text = _MARKS.sub("", stats.plain_text)
        assert "8 March 2018" in text and not SHORT.search(text), text
        [listed] = await h.say(ADMIN, "/sources", user=h.user(ADMIN, "en"), language_code="en")
        text = _MARKS.sub("", listed.plain_text)
        assert "8 March 2018" in text and not SHORT.search(text), text
        failing = get_source(h.db, source)
        assert failing is not None
        notice = down_text(Down(failing, OLD), datetime.now(UTC), "en", timezone.utc)
        # the hour as the Arabic one and every other reply write it (X89: bot.i18n.clock_time)
        assert "8 March 2018 9:30" in notice and not SHORT.search(notice), notice
        # Arabic: the month in full too, Arabic digits (X87; it pinned «2018-03-08 09:30»)
        assert "٨ مارس ٢٠١٨ الساعة ٩:٣٠" in down_text(Down(failing, OLD), datetime.now(UTC), "ar")


def test_help_names_the_language_alias() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "`/language`" in readme
    for lang, word in (("ar", "أو"), ("en", "or")):
        shown = help_text(lang, admin=False, bot_username="nashra_bot").replace("\u200e", "")
        line = next(x for x in shown.split("\n") if x.lstrip("\u200f").startswith("/lang "))
        assert line.startswith(f"/lang {word} /language — ") or \
            line.lstrip("\u200f").startswith(f"/lang {word} /language — "), line
