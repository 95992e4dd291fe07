"""digests.related on real SQLite files: one link per story, no links on common words alone.

The articles are written for these tests (not corpus text). Bodies are full reports (over
FULL_BODY_KEYS content keys), so the rules for full reports apply, as they do in the news.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils

from digests.arabic import analyze
from digests.digest import load_digest, store_digest
from digests.models import Article, RelatedItem, iso
from digests.processing import StoreContext, run_steps
from digests.records import ARTICLE_SELECT, article_from_row
from digests.related import related_articles
from digests.search_index import index_article
from digests.settings import Settings
from digests.signatures import FULL_BODY_KEYS, content_counts
from digests.storage import Database
from digests.story_reports import Report, headline_keys, near_copy, same_story
from digests.urls import url_key

ROOT = Path(__file__).resolve().parents[1]
SEED_FILE = ROOT / "digests" / "data" / "sample" / "ghouta-article.txt"
NOW = datetime(2018, 3, 25, 12, 0, tzinfo=UTC)

# --- Iraq's stadiums: three reports of one story (FIFA lifts the ban) and an earlier story -------

BAN_LIFTED = (
    "أعلن الاتحاد الدولي لكرة القدم فيفا رفع الحظر المفروض على الملاعب العراقية منذ سنوات،"
    " والسماح للمنتخب العراقي باستضافة المباريات الدولية الودية في البصرة وأربيل وكربلاء."
    " وقال رئيس الاتحاد العراقي لكرة القدم إن قرار فيفا تاريخي وينهي معاناة الجماهير"
    " العراقية التي حرمت من مشاهدة منتخبها في ملاعب العراق. وأضاف أن الاتحاد العراقي سيعمل"
    " على تجهيز ملاعب البصرة وأربيل وكربلاء لاستقبال المنتخبات، وأن فيفا سيرسل لجنة لتفقد"
    " الملاعب قبل المباريات. واحتفلت الجماهير في شوارع بغداد والبصرة برفع الحظر.")
BAN_TITLES = (
    "فيفا يرفع الحظر عن ملاعب العراق",
    "رفع الحظر عن الملاعب العراقية بقرار من فيفا",
    "الاتحاد الدولي يسمح للعراق باستضافة المباريات الدولية",
)
FRIENDLY_TITLE = "العراق يهزم السعودية وديا في البصرة وينتظر رفع الحظر عن ملاعبه"
FRIENDLY = (
    "فاز المنتخب العراقي على نظيره السعودي في مباراة ودية أقيمت على ملعب جذع النخلة في"
    " البصرة أمام حضور جماهيري كبير، في أول مباراة دولية تستضيفها الملاعب العراقية منذ"
    " سنوات. وقال مدرب المنتخب العراقي إن الجماهير في البصرة صنعت أجواء رائعة، وإن المباراة"
    " رسالة إلى فيفا بأن ملاعب العراق جاهزة لرفع الحظر. وأضاف أن الاتحاد العراقي لكرة القدم"
    " يأمل أن يقرر فيفا رفع الحظر عن ملاعب البصرة وأربيل وكربلاء قريبا، وأن المنتخب سيواصل"
    " استعداداته للمباريات الدولية.")
CELEBRATION = (
    "عمت الفرحة المدن العراقية بعد قرار فيفا رفع الحظر عن ملاعب العراق، وخرجت الجماهير إلى"
    " شوارع بغداد والبصرة وأربيل وكربلاء احتفالا بعودة المباريات الدولية. وقال رئيس الاتحاد"
    " العراقي لكرة القدم إن رفع الحظر ثمرة جهود طويلة، وإن المنتخب العراقي سيستضيف أول"
    " مباراة دولية في البصرة. وأضاف أن ملاعب العراق جاهزة، وأن فيفا سيتابع تنظيم المباريات"
    " وأمن الجماهير في الملاعب العراقية.")

# --- two knife attacks near ambassadors' residences, in two countries ----------------------------

VIENNA = (
    "هاجم رجل يحمل سكينا جنديا نمساويا يحرس مقر إقامة السفير الإيراني في فيينا، فأطلق الجندي"
    " النار عليه وأرداه قتيلا. وقالت الشرطة النمساوية إن منفذ الهجوم نمساوي في السادسة والعشرين"
    " من عمره، وإن دوافعه لم تتضح بعد. وأضافت أن التحقيق يبحث في صلاته المحتملة، وأن الجندي"
    " أصيب بجروح طفيفة. وشددت السلطات في النمسا الإجراءات الأمنية حول السفارات في فيينا."
    " وقال وزير الداخلية النمساوي إن الجندي تصرف بسرعة، وإن هجوم السكين لم يوقع ضحايا آخرين."
    " وتحرس وحدات من الجيش النمساوي مقار البعثات الدبلوماسية في العاصمة منذ سنوات.")
OUAGADOUGOU = (
    "هاجم مسلحون مقر السفارة الفرنسية وقيادة الأركان في واغادوغو عاصمة بوركينا فاسو، وتبادلوا"
    " إطلاق النار مع قوات الأمن لساعات. وقال مسؤول في حكومة بوركينا فاسو إن الهجوم أوقع"
    " قتلى من الجنود، وإن المهاجمين قتلوا جميعا. وأعلن السفير الفرنسي أن موظفي السفارة"
    " بخير، وأن قوات فرنسية خاصة شاركت في صد الهجوم. ولم تعلن أي جماعة مسؤوليتها، لكن"
    " مصادر أمنية رجحت أن جماعات متشددة تنشط في منطقة الساحل تقف وراء هجوم واغادوغو."
    " ودانت باريس الهجوم، وقالت إنها تقف إلى جانب بوركينا فاسو في حربها على المتشددين.")
VIENNA_EARLIER = (
    "كشفت الشرطة النمساوية هوية الرجل الذي حاول طعن جندي يحرس مقر إقامة السفير الإيراني في"
    " فيينا بسكين، وقالت إنه نمساوي اعتنق الإسلام ولم يكن معروفا لدى أجهزة الأمن. وأضافت"
    " الشرطة أن الجندي أطلق النار على المهاجم بعد أن رفض إلقاء السكين، وأن التحقيق يجري مع"
    " عائلته. وقال متحدث باسم وزارة الداخلية في النمسا إن حراسة السفارات في فيينا ستعزز."
    " وأعربت السفارة الإيرانية في فيينا عن شكرها للجندي النمساوي.")


def add(db: Database, article_id: int, title: str, body: str, *, days_ago: float,
        story_id: int | None = None, source: int = 1,
        related: tuple[RelatedItem, ...] = (), steps: bool = True) -> Article:
    """Store an article through the real tables and index it as the ingest step does (with
    `steps` False, only the row: its story-mates' digests are not re-linked)."""
    sql = db.db
    sql.execute("insert or ignore into sources (id, url, name, added_at) values (?, ?, ?, ?)",
                [source, f"https://s{source}.example/feed", f"مصدر {source}", iso(NOW)])
    url = f"https://s{source}.example/a/{article_id}"
    with db.transaction() as conn:
        conn.table("articles").insert({
            "id": article_id, "source_id": source, "url": url, "url_key": url_key(url),
            "content_hash": f"h{article_id}", "title": title, "body": body,
            "published_at": iso(NOW - timedelta(days=days_ago)), "fetched_at": iso(NOW),
            "updated_at": iso(NOW), "story_id": story_id,
            "related_json": json.dumps([r.to_json() for r in related], ensure_ascii=False),
        })
        article = load(conn, article_id)
        if steps:
            run_steps(conn, article, StoreContext(now=NOW, settings=Settings()),
                      [index_article, store_digest])
    return article


def load(sql: sqlite_utils.Database, article_id: int) -> Article:
    rows = list(sql.query(f"{ARTICLE_SELECT} where articles.id = ?", [article_id]))
    return article_from_row(rows[0])


def related_ids(db: Database, article_id: int) -> list[int]:
    return [a.id for a in related_articles(db.db, load(db.db, article_id))]


def test_the_test_bodies_are_full_reports() -> None:
    for body in (BAN_LIFTED, FRIENDLY, CELEBRATION, VIENNA, OUAGADOUGOU, VIENNA_EARLIER,
                 KOREAN_SUMMIT, ARAB_SUMMIT):
        assert len(content_counts(analyze(body))) >= FULL_BODY_KEYS


# --- one link per story --------------------------------------------------------------------------

def test_reports_of_one_story_are_one_link(database: Database) -> None:
    add(database, 1, FRIENDLY_TITLE, FRIENDLY, days_ago=30,
        story_id=50)
    for n, title in enumerate(BAN_TITLES):
        add(database, 2 + n, title, BAN_LIFTED, days_ago=5 - n * 0.1, story_id=60, source=1 + n)
    add(database, 9, "الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION, days_ago=1,
        story_id=70)
    related = related_articles(database.db, load(database.db, 9))
    stories = [a.story_id or 0 for a in related]
    assert sorted(stories) == [50, 60]  # the ban's three reports are one link, the match another
    assert len({a.id for a in related} & {2, 3, 4}) == 1


def test_near_duplicate_headlines_without_story_ids_are_one_link(database: Database) -> None:
    add(database, 1, FRIENDLY_TITLE, FRIENDLY, days_ago=30)
    add(database, 2, "فيفا يرفع الحظر عن ملاعب العراق في ثلاث مدن", BAN_LIFTED, days_ago=5,
        source=1)
    add(database, 3, "فيفا يرفع الحظر عن ثلاثة ملاعب في العراق", BAN_LIFTED, days_ago=4.9,
        source=2)
    add(database, 9, "الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION, days_ago=1)
    related = related_ids(database, 9)
    assert 1 in related and len(set(related) & {2, 3}) == 1 and len(related) == 2


def test_own_story_mates_are_story_links_not_archive_links(database: Database) -> None:
    add(database, 1, FRIENDLY_TITLE, FRIENDLY, days_ago=30)
    mate = add(database, 2, BAN_TITLES[0], BAN_LIFTED, days_ago=1.2, story_id=60, source=2)
    # the same story in another source's words, in no story yet: it reads as a story-mate
    add(database, 3, "فيفا يرفع الحظر عن ملاعب العراق في ثلاث مدن", BAN_LIFTED, days_ago=1.1,
        source=3)
    seed = add(database, 9, "فيفا يرفع الحظر عن ملاعب العراق أخيرا", CELEBRATION, days_ago=1,
               story_id=60, source=1)
    assert related_ids(database, 9) == [1]
    digest = load_digest(database.db, seed.id)
    assert digest is not None
    assert [(r.kind, r.url) for r in digest.related].count(("story", mate.url)) == 1
    assert [r.url for r in digest.related].count(mate.url) == 1
    assert [r.kind for r in digest.related] == ["archive", "story"]


def keys(title: str) -> frozenset[str]:
    return headline_keys(analyze(title))


def test_story_ids_are_trusted_over_headlines(database: Database) -> None:
    # one headline held in a longer one, a day apart: one story as they read, two stories as
    # the story step placed them; its ids are trusted (they are not near copies)
    short = "فيفا يرفع الحظر عن ملاعب العراق"
    longer = "الاتحاد الدولي يعلن أن فيفا يرفع الحظر عن ملاعب العراق بعد سنوات والجماهير تحتفل"
    a, b = Report(keys(short), NOW), Report(keys(longer), NOW - timedelta(days=1))
    assert same_story(a, b) and not near_copy(a, b)
    add(database, 2, short, BAN_LIFTED, days_ago=3, story_id=61, source=2)
    add(database, 3, longer, BAN_LIFTED, days_ago=2, story_id=62, source=3)
    add(database, 9, "الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION, days_ago=1,
        story_id=70)
    assert sorted(related_ids(database, 9)) == [2, 3]


def test_near_copies_are_one_link_across_story_ids(database: Database) -> None:
    # two awards four days apart, split by the story step, under near-copy headlines: a reader
    # takes them for one story
    add(database, 2, "فيفا يرفع الحظر عن ملاعب العراق في ثلاث مدن", BAN_LIFTED, days_ago=6,
        story_id=61, source=2)
    add(database, 3, "فيفا يرفع الحظر عن ملاعب العراق في مدن ثلاث", BAN_LIFTED, days_ago=2,
        story_id=62, source=3)
    add(database, 9, "الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION, days_ago=1,
        story_id=70)
    assert len(related_ids(database, 9)) == 1


def test_without_story_mates_its_own_story_elsewhere_is_one_link(database: Database) -> None:
    add(database, 2, "فيفا يرفع الحظر عن ملاعب العراق في ثلاث مدن", BAN_LIFTED, days_ago=1.2,
        source=2)
    add(database, 3, "فيفا يرفع الحظر عن ثلاثة ملاعب في العراق", BAN_LIFTED, days_ago=1.1,
        source=3)
    add(database, 9, "فيفا يرفع الحظر عن ملاعب العراق", CELEBRATION, days_ago=1)
    assert len(set(related_ids(database, 9)) & {2, 3}) == 1


# --- more than one common word -------------------------------------------------------------------

def test_a_shared_common_word_gives_no_link(database: Database) -> None:
    add(database, 1, "هجوم على مقر السفير الفرنسي في واغادوغو", OUAGADOUGOU, days_ago=20)
    add(database, 9, "هجوم بسكين أمام مقر إقامة سفير إيران في فيينا", VIENNA, days_ago=1)
    assert related_ids(database, 9) == []  # «هجوم», «مقر», «سفير»: two attacks, two stories
    # the Vienna attack's own earlier coverage (its names and places) is a link
    add(database, 5, "الشرطة النمساوية تكشف هوية منفذ هجوم السكين على مقر السفير الإيراني",
        VIENNA_EARLIER, days_ago=3)
    add(database, 10, "هجوم بسكين أمام مقر إقامة سفير إيران في فيينا", VIENNA, days_ago=0.5)
    assert related_ids(database, 10) == [5]


KOREAN_SUMMIT = (
    "اتفقت الكوريتان على عقد قمة بين الزعيم الكوري الشمالي كيم جونغ أون والرئيس الكوري الجنوبي"
    " مون جاي إن في السابع والعشرين من أبريل في قرية بانمونجوم الحدودية. وقال مسؤول في سول إن"
    " القمة ستبحث نزع السلاح النووي من شبه الجزيرة الكورية، وإن الوفدين سيلتقيان مرة أخرى"
    " قبل القمة لبحث ترتيبات البروتوكول والأمن. وأضاف أن بيونغ يانغ أبدت استعدادا للحوار"
    " مع واشنطن أيضا. وتعد هذه القمة الثالثة بين زعيمي الكوريتين منذ الحرب، بعد قمتي عامي"
    " ألفين وألفين وسبعة في بيونغ يانغ، وينتظر العالم نتائجها في أبريل.")
ARAB_SUMMIT = (
    "أعلنت جامعة الدول العربية أن القمة العربية التاسعة والعشرين ستعقد في مدينة الظهران"
    " السعودية منتصف أبريل، بعد أن اعتذرت الإمارات عن استضافتها. وقال الأمين العام المساعد"
    " للجامعة إن وزراء الخارجية العرب سيجتمعون قبل القمة لإعداد مشاريع القرارات، ومنها"
    " القضية الفلسطينية والأزمة في اليمن وليبيا. وأضاف أن الملك سلمان سيترأس أعمال القمة،"
    " وأن الجامعة تلقت تأكيدات بمشاركة معظم القادة العرب. وكانت القمة السابقة قد عقدت في"
    " منطقة البحر الميت بالأردن في مارس من العام الماضي، وتنتظر العواصم العربية قمة أبريل.")


def test_a_headline_phrase_alone_gives_no_link(database: Database) -> None:
    # «تحديد موعد» in both headlines and in neither body, «القمة» and «أبريل» in both: two
    # summits, not one subject (before: four shared keys, «القمة» recurring, made a link)
    add(database, 1, "تحديد موعد القمة العربية في الظهران", ARAB_SUMMIT, days_ago=9)
    add(database, 9, "تحديد موعد القمة التاريخية بين الكوريتين", KOREAN_SUMMIT, days_ago=1)
    assert related_ids(database, 9) == []


# --- the page's own block is untouched -----------------------------------------------------------

def _seed_parts() -> tuple[str, str, tuple[RelatedItem, ...]]:
    lines = [ln.strip() for ln in SEED_FILE.read_text(encoding="utf-8").splitlines()]
    end = lines.index("مواضيع ذات صلة")
    block = [ln for ln in lines[end + 1:] if ln]
    related = tuple(
        RelatedItem(title=block[i], url=f"https://news.example/related/{i // 3}",
                    published_at=datetime.fromisoformat(block[i + 2]).replace(tzinfo=UTC),
                    kind="page")
        for i in range(0, len(block), 3))
    return lines[0], "\n".join(ln for ln in lines[1:end] if ln), related


GHOUTA = (
    "قتل عشرات المدنيين في قصف جوي ومدفعي شنته قوات النظام السوري على بلدات الغوطة الشرقية قرب"
    " دمشق. وقال ناشطون إن الطائرات استهدفت دوما وحرستا وعربين، وإن فرق الدفاع المدني تواصل"
    " انتشال الضحايا من تحت الأنقاض. ويعيش نحو أربعمئة ألف شخص محاصرين في الغوطة منذ سنوات،"
    " في ظل نقص حاد في الغذاء والدواء، بينما تطالب الأمم المتحدة بهدنة إنسانية وإدخال"
    " المساعدات إلى الغوطة. ودعت فرنسا روسيا وإيران إلى الضغط على دمشق لوقف القصف.")


def test_the_seed_page_block_still_comes_first(database: Database) -> None:
    title, body, block = _seed_parts()
    add(database, 1, "مقتل مدنيين في قصف على الغوطة الشرقية", GHOUTA, days_ago=30)
    add(database, 2, "قصف جديد على الغوطة الشرقية ودوما", GHOUTA, days_ago=29.9, source=2)
    seed = add(database, 9, title, body, days_ago=28, related=block)
    digest = load_digest(database.db, seed.id)
    assert digest is not None
    assert [(r.title, r.url, r.published_at, r.kind) for r in digest.related[:3]] == [
        (r.title, r.url, r.published_at, "page") for r in block]
    assert len(block) == 3
    rest = digest.related[3:]
    assert [r.kind for r in rest] == ["archive"]  # the two Ghouta reports: one story, one link
    assert rest[0].url in {load(database.db, 1).url, load(database.db, 2).url}


# --- benchmarks/search_related.py on a tiny archive ----------------------------------------------

def test_the_reading_sample_prints_links_meta_and_a_baseline(database: Database,
                                                              settings: Settings) -> None:
    """The reading script on four stored reports: the article's links with their story, source
    and date (`--meta`), and a baseline related.py (this one) timed beside it (`--baseline`,
    which loads a module of frozen dataclasses from a file)."""
    add(database, 1, FRIENDLY_TITLE, FRIENDLY, days_ago=30, story_id=50)
    add(database, 2, BAN_TITLES[0], BAN_LIFTED, days_ago=5, story_id=60, source=2)
    add(database, 9, "الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION, days_ago=1,
        story_id=70, source=3)
    database.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    proc = subprocess.run(
        [sys.executable, "benchmarks/search_related.py", "--db", str(settings.database_path),
         "--min-id", "9", "--links", "5", "--meta", "--baseline",
         str(ROOT / "digests" / "related.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("[1] 9 الفرحة تعم العراق") and "{s=70 src=3 " in lines[0]
    links = [ln.split()[1] for ln in lines[1:] if ln.strip().startswith("->")]
    assert sorted(links) == ["1", "2"]
    assert any("{s=60 src=2 " in ln for ln in lines[1:3])
    assert "articles looked at: 1" in proc.stdout and "median ratio" in proc.stdout
