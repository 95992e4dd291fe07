"""Merging a story split in two (digests.stories.merge_stories) on real SQLite files: a third
report that fits both halves makes them one story under the older id; the merge is recorded so an
old id still resolves (digests.stories.resolve_story, bot.stories); the outbox gives a chat
that follows both halves exactly one delivery (digests.outbox_upkeep.merge_deliveries).

The texts are the project's own (tests/story_texts.py and FERRY_BRIDGE here): one ferry disaster worded apart by two
sources, so the words keep the two reports apart when they are 9 h or more apart, and a third
report that takes sentences from both.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import numpy as np
import pytest

from bot.callbacks import new_callback, resolve
from bot.stories import story_digest
from delivery_helpers import add_chat
from digests import new_deliveries, outbox_states, outbox_upkeep, push_queue, stories
from digests.models import Article, iso
from digests.processing import StoreContext, default_steps, run_steps
from digests.settings import Settings
from digests.storage import Database
from story_helpers import add_source, insert_article
from story_texts import FERRY_A, FERRY_B

T0 = datetime(2026, 3, 3, 7, 0, tzinfo=timezone.utc)

# A third report of the ferry disaster taking sentences from both: it fits each of them, so it
# bridges the two stories the words leave apart (tests/test_story_merge.py).
FERRY_BRIDGE = (
    "غرق عبارة قبالة زنجبار: انقلاب سفينة ركاب في طريقها من دار السلام",
    "غرقت عبارة تقل أكثر من مئتي راكب قبالة سواحل جزيرة زنجبار التنزانية مساء الأحد، وفق ما أعلنت"
    " الشرطة المحلية.\nوتمكنت فرق الإنقاذ من إنقاذ ستين شخصا، بينما يتواصل البحث عن المفقودين،"
    " إذ لقي ما لا يقل عن اثني عشر شخصا حتفهم بعدما انقلبت سفينة الركاب.\nورجحت الشرطة أن تكون"
    " الرياح القوية وارتفاع الأمواج وراء انقلاب السفينة قبالة سواحل الجزيرة.",
)


SHIPPED_MERGE = stories.MERGE  # read at import: the fixture below turns merging on per test


@pytest.fixture(autouse=True)
def merging(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "MERGE", True)


def _source(db: Database, name: str) -> int:
    return add_source(db, name, T0)


def _store(db: Database, source_id: int, doc: tuple[str, str], published: datetime,
           *, steps: bool = False, settings: Settings | None = None) -> Article:
    """Insert an article and run the story step (or every step) in one transaction."""
    with db.transaction() as tx:
        article = insert_article(tx, source_id, doc[0], doc[1], published, published)
        # the merge acts on the words' path only: STORY_MODEL=words unless a test says otherwise
        run_steps(tx, article, StoreContext(now=published,
                                            settings=settings or Settings(story_model="words")),
                  steps=default_steps() if steps else [stories.assign_story])
    return article


def _story(db: Database, article_id: int) -> int:
    return int(db.db.execute("select story_id from articles where id = ?",
                             [article_id]).fetchone()[0])


def _split_then_bridge(db: Database, gap: float = 9, *, steps: bool = False,
                       settings: Settings | None = None) -> tuple[Article, Article, Article]:
    a = _store(db, _source(db, "wire"), FERRY_A, T0, steps=steps, settings=settings)
    b = _store(db, _source(db, "channel"), FERRY_B, T0 + timedelta(hours=gap), steps=steps,
               settings=settings)
    assert _story(db, a.id) != _story(db, b.id)  # the event is split in two
    c = _store(db, _source(db, "daily"), FERRY_BRIDGE, T0 + timedelta(hours=gap + 1),
               steps=steps, settings=settings)
    return a, b, c


def test_a_report_fitting_both_halves_merges_them_into_the_older(database: Database) -> None:
    a, b, c = _split_then_bridge(database)
    older, younger = _story(database, a.id), _story(database, b.id)
    assert younger == older == _story(database, c.id)
    [(merged, into)] = database.db.execute(
        "select merged_id, into_id from story_merges").fetchall()
    assert into == older and merged != older
    row = stories.stories_row(database.db, older)
    assert row is not None and row["article_count"] == 3
    assert row["first_published_at"] == iso(T0)
    gone = stories.stories_row(database.db, merged)
    assert gone is not None and gone["article_count"] == 0  # kept: its id is never reused
    assert stories.resolve_story(database.db, merged) == older
    assert stories.resolve_story(database.db, older) == older
    assert stories.merged_ids(database.db, older) == [merged]


def test_without_merging_the_bridge_joins_one_half_only(database: Database,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "MERGE", False)
    a, b, c = _split_then_bridge(database)
    assert _story(database, a.id) != _story(database, b.id)
    assert _story(database, c.id) in (_story(database, a.id), _story(database, b.id))
    assert database.db.execute("select count(*) from story_merges").fetchone()[0] == 0


def test_members_rule_keeps_halves_that_do_not_fit_each_other(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # 18 h apart the two reports' pair probability is below JOIN_MEAN: the "members" rule asks
    # the halves to fit each other, the "fit" rule only that the bridge fits both.
    monkeypatch.setattr(stories, "MERGE_RULE", "members")
    a, b, c = _split_then_bridge(database, gap=18)
    assert _story(database, a.id) != _story(database, b.id)
    monkeypatch.setattr(stories, "MERGE_RULE", "fit")
    with database.transaction() as tx:  # re-assignment of the bridge: now it merges
        stories._assign(tx, c, T0 + timedelta(hours=19))
    assert _story(database, a.id) == _story(database, b.id) == _story(database, c.id)


class _Unrelated:
    """A stand-in meaning model: every text its own direction, so meaning never joins a pair."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def passage(self, text: str) -> np.ndarray:
        vector = np.zeros(64, dtype=np.float32)
        vector[self.seen.setdefault(text, len(self.seen)) % 64] = 1.0
        return vector


def test_the_meaning_path_never_merges(database: Database,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Measured on words only: with the meaning model on, the step is session 6's (no merge).
    fake = _Unrelated()
    monkeypatch.setattr(stories, "embedder_for",
                        lambda settings: fake if settings.semantic_model else None)
    a, b, c = _split_then_bridge(database, settings=Settings(semantic_model=True))
    assert fake.seen  # the uncertain pair was weighed by meaning
    assert _story(database, a.id) != _story(database, b.id)
    assert database.db.execute("select count(*) from story_merges").fetchone()[0] == 0


def test_reassigning_after_a_merge_changes_nothing(database: Database) -> None:
    a, b, c = _split_then_bridge(database)
    story = _story(database, a.id)
    for article in (a, b, c):
        with database.transaction() as tx:
            stories._assign(tx, article, T0 + timedelta(hours=11))
    assert {_story(database, x.id) for x in (a, b, c)} == {story}
    assert database.db.execute("select count(*) from story_merges").fetchone()[0] == 1


def test_a_chain_of_merges_stays_flat(database: Database) -> None:
    with database.transaction() as tx:
        for n in (1, 2, 3):
            tx.execute("insert into stories (id, created_at) values (?, ?)", [n, iso(T0)])
        stories.merge_stories(tx, 2, 3, T0)
        stories.merge_stories(tx, 1, 2, T0)
    assert stories.resolve_story(database.db, 3) == 1
    assert stories.resolve_story(database.db, 2) == 1
    assert stories.merged_ids(database.db, 1) == [2, 3]


def _deliveries(db: Database, chat_id: int) -> list[tuple[int, str, str | None]]:
    # X122: a daily digest's stories are items of one row; outbox_stories shows one a line
    return [(r[0], r[1], r[2]) for r in db.db.execute(
        "select story_id, status, last_error from outbox_stories where chat_id = ?"
        " order by id, part", [chat_id]).fetchall()]


def test_a_chat_following_both_halves_gets_one_delivery(database: Database) -> None:
    add_chat(database, 7, topics=("زنجبار",))
    add_chat(database, 8, topics=("زنجبار",), mode="daily", daily_hour=20)
    a, b, c = _split_then_bridge(database, steps=True)
    story = _story(database, a.id)
    for chat in (7, 8):
        got = _deliveries(database, chat)
        waiting = [g for g in got if g[1] == "pending"]
        assert waiting == [(story, "pending", None)]  # the first half's row, moved or kept
        assert all(g[2] == outbox_upkeep.MERGED_REASON for g in got if g[1] == "skipped")
    # A fourth report of the merged story queues nothing new.
    _store(database, _source(database, "weekly"), FERRY_A, T0 + timedelta(hours=12), steps=True)
    assert len(_deliveries(database, 7)) == 2


def test_a_chat_that_already_got_one_half_gets_no_second_delivery(database: Database) -> None:
    add_chat(database, 7, topics=("زنجبار",))
    a = _store(database, _source(database, "wire"), FERRY_A, T0, steps=True)
    database.db.execute("update outbox set status = 'sent', sent_at = ? where chat_id = 7",
                        [iso(T0)])
    database.db.conn.commit()
    b = _store(database, _source(database, "channel"), FERRY_B, T0 + timedelta(hours=9),
               steps=True)
    assert [g[1] for g in _deliveries(database, 7)] == ["sent", "pending"]
    _store(database, _source(database, "daily"), FERRY_BRIDGE, T0 + timedelta(hours=10),
           steps=True)
    sent_story = _story(database, a.id)
    assert _story(database, b.id) == sent_story
    assert _deliveries(database, 7) == [(sent_story, "sent", None),
                                        (_deliveries(database, 7)[1][0], "skipped",
                                         outbox_upkeep.MERGED_REASON)]
    assert not outbox_states.due_rows(database, T0 + timedelta(days=1))


def test_merge_deliveries_keeps_the_row_due_first(database: Database) -> None:
    add_chat(database, 7)
    with database.transaction() as tx:
        for n in (1, 2):
            tx.execute("insert into stories (id, created_at) values (?, ?)", [n, iso(T0)])
        # story 2's row is due earlier (queued later, but for an earlier time): it is kept
        tx.execute("insert into outbox (chat_id, story_id, kind, not_before, created_at)"
                   " values (7, 1, 'daily:2026-03-04', ?, ?)",
                   [iso(T0 + timedelta(days=1)), iso(T0)])
        tx.execute("insert into outbox (chat_id, story_id, kind, not_before, created_at)"
                   " values (7, 2, 'push:1', null, ?)", [iso(T0 + timedelta(hours=1))])
        stories.merge_stories(tx, 1, 2, T0 + timedelta(hours=2))
    assert [(r["story_id"], r["kind"], r["status"]) for r in database.db.query(
        "select * from outbox order by id")] == [(1, "daily:2026-03-04", "skipped"),
                                                 (1, "push:1", "pending")]


def _two_stories_the_second_sent_to_7(tx: Any) -> None:
    """Stories 1 and 2; chat 7 has already been sent story 2."""
    for n in (1, 2):
        tx.execute("insert into stories (id, created_at) values (?, ?)", [n, iso(T0)])
    tx.execute("insert into outbox (chat_id, story_id, kind, status, created_at)"
               " values (7, 2, 'instant', 'sent', ?)", [iso(T0)])


def test_a_push_row_skipped_by_a_merge_counts_as_delivered(database: Database) -> None:
    """The chat already has the story (its other half was sent): the admin's push report must
    not count it as a chat the push failed to reach."""
    add_chat(database, 7)
    with database.transaction() as tx:
        _two_stories_the_second_sent_to_7(tx)
        tx.execute("insert into outbox (chat_id, story_id, kind, created_at)"
                   " values (7, 1, 'push:4', ?)", [iso(T0)])
        stories.merge_stories(tx, 1, 2, T0 + timedelta(hours=1))
    progress = push_queue.push_progress(database, 4)
    assert (progress.chats, progress.delivered, progress.failed, progress.pending) == (1, 1, 0, 0)


def test_enqueue_checks_the_merged_ids(database: Database) -> None:
    add_chat(database, 7)
    with database.transaction() as tx:
        _two_stories_the_second_sent_to_7(tx)
        stories.merge_stories(tx, 1, 2, T0)
        assert new_deliveries.insert_rows(tx, [(7, 1, None, "push:3", None)], T0) == 0
    add_chat(database, 9)
    with database.transaction() as tx:
        assert new_deliveries.insert_rows(tx, [(9, 1, None, "push:3", None)], T0) == 1


def test_a_button_holding_an_old_story_id_still_opens_the_story(database: Database) -> None:
    add_chat(database, 7)
    a, b, c = _split_then_bridge(database)
    older = _story(database, a.id)
    merged = database.db.execute("select merged_id from story_merges").fetchone()[0]
    cb_id = new_callback(database, chat_id=7, action="story", payload={"story_id": merged},
                         now=T0)
    cb = resolve(database, cb_id, chat_id=7, now=T0 + timedelta(minutes=1))
    assert cb is not None
    digest = story_digest(database, int(cb.payload["story_id"]))
    assert digest is not None and digest.story_id == older
    assert digest.article_id == max(a.id, b.id, c.id)  # the newest report of the merged story
    assert story_digest(database, 999) is None


def test_cv_merge_names_its_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """benchmarks/stories.py --cv-merge: a rule's name sets the merge, its fit and the strong
    pair; the default compares session 6's step with the shipped one."""
    import importlib.util
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "stories.py"
    spec = importlib.util.spec_from_file_location("bench_stories_merge", script)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_stories_merge", bench)
    spec.loader.exec_module(bench)
    assert bench._variant("no merge") == ("no merge", False, "fit", 0.0, None)
    assert bench._variant("merge members") == ("merge members", True, "members", 0.0, None)
    shipped = bench._variant(bench.SHIPPED_VS[0])  # session 8 dropped session 7's merge
    assert shipped[1:3] == (SHIPPED_MERGE, stories.MERGE_RULE)
    assert stories.STRONG_PAIR > 1.0  # off: no pair probability reaches it
    tried = bench._variant(bench.SHIPPED_VS[1])
    assert tried[1:] == (True, "fit", 0.7, 0.9)
    with pytest.raises(SystemExit):
        bench._variant("merge everything")


def test_a_waiting_update_survives_a_merge(database: Database) -> None:
    """A story's update (digests.story_updates.queue_updates: a second row of a story the chat was
    sent, QA18 R10) is the next day's news of it: a merge of another half into the story
    skips that half's waiting row (the chat has the event) but leaves the update waiting."""
    add_chat(database, 7)
    with database.transaction() as tx:
        _two_stories_the_second_sent_to_7(tx)
        tx.execute("insert into outbox (chat_id, story_id, kind, created_at)"
                   " values (7, 2, 'update:2026-03-04', ?)", [iso(T0 + timedelta(days=1))])
        tx.execute("insert into outbox (chat_id, story_id, kind, created_at)"
                   " values (7, 1, 'instant', ?)", [iso(T0 + timedelta(days=1))])
        stories.merge_stories(tx, 2, 1, T0 + timedelta(days=1))
    assert [(r["story_id"], r["kind"], r["status"]) for r in database.db.query(
        "select * from outbox order by id")] == [(2, "instant", "sent"),
                                                 (2, "update:2026-03-04", "pending"),
                                                 (1, "instant", "skipped")]
