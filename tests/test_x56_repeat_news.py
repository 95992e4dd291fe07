"""QA41 T10: in a group, «👆 the same answer» is not given when news was stored between the two
asks: the second member gets the fresh results (the new strike first), not a pointer to the stale
answer; with nothing stored in between the pointer still comes (QA31 G4). The real bot on the
emulator, a real article stored with every processing step."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from bot.emulator import User
from digests.archive import store_article
from digests.models import FeedEntry, Page
from digests.processing import StoreContext, run_steps
from digests.settings import Settings
from tests.botkit import running_bot, sample_db
from tests.test_x53_repeats import GROUP, POINTER, _ask

NEW = "قصف جديد على الغوطة الشرقية يوقع عشرات القتلى"


async def test_news_stored_between_two_asks_is_answered_afresh(tmp_path: Path) -> None:
    path = sample_db(tmp_path)
    async with running_bot(path) as h:
        h.emu.add_group(GROUP, "مجموعة")
        first = await _ask(h, "/search الغوطة", 6601)
        assert POINTER not in first and NEW not in first
        assert POINTER in await _ask(h, "/search الغوطة", 6602)  # nothing new: pointed back
        now = datetime.now(timezone.utc)
        source = h.db.db.execute("select min(id) from sources").fetchone()[0]
        with h.db.transaction() as sql:
            stored = store_article(
                sql, source_id=source, now=now,
                entry=FeedEntry(url="http://127.0.0.1/x56-new.html", title=NEW, published_at=now),
                page=Page(title=NEW, published_at=None, author="", paragraphs=(
                    "قال الدفاع المدني إن عشرات المدنيين قتلوا في قصف جديد على الغوطة الشرقية"
                    " صباح اليوم، وإن فرق الإنقاذ ما زالت تبحث عن ناجين.",)))
            assert stored.article is not None
            run_steps(sql, stored.article, StoreContext(now, Settings(
                database_path=path, story_model="words")))
        again = await _ask(h, "/search الغوطة", 6603)
        assert POINTER not in again and NEW in again
        assert POINTER in await _ask(h, "/search الغوطة", 6604)  # and now unchanged again
