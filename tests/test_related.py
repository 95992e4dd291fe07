"""digests.related on real SQLite files: one link per story, no links on common words alone.

The articles are written for these tests (not corpus text). Bodies are full reports (over
FULL_BODY_KEYS content keys), so the rules for full reports apply, as they do in the news.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import sqlite_utils
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from digests.arabic import analyze
from digests.digest import load_digest, store_digest
from digests.models import Article, Digest, RelatedItem, iso
from digests.processing import StoreContext, run_steps
from digests.records import ARTICLE_SELECT, article_from_row
from digests.related import (
    FULL_BODY_KEYS,
    SIGNATURE_KEYS,
    Report,
    _about_the_same,
    _Candidate,
    _counts,
    _families,
    _one_per_story,
    _specificity,
    _title_keys,
    near_copy,
    live_related,
    related_articles,
    same_story,
)
from digests.retries import GONE
from digests.search_index import index_article
from digests.settings import Settings
from digests.storage import Database
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
        assert len(_counts(analyze(body))) >= FULL_BODY_KEYS


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


# --- which shared keys show a subject (session 9, brief R4) ---------------------------------------
# Signatures and bodies are built by hand: FILLER keys fill each signature to SIGNATURE_KEYS with
# keys the other side lacks, so only the listed keys are shared; a body of FULL_BODY_KEYS or
# more is a full report, a shorter one a brief. The keys' frequencies and «ال» shares are the
# reference word table's (digests/data/word_freq.tsv.gz), as in production.

def _pair(shared: dict[str, tuple[int, int]], *, full: bool = True
          ) -> tuple[dict[str, float], dict[str, int], dict[str, float], dict[str, int]]:
    """Two articles' signatures and bodies sharing exactly the keys of `shared`, each held
    (mine, theirs) times by the two bodies."""
    size = FULL_BODY_KEYS if full else FULL_BODY_KEYS // 2
    sides = []
    for side in (0, 1):
        filler = [f"فاصل{side}x{n}" for n in range(SIGNATURE_KEYS - len(shared))]
        sig = {k: 1.0 for k in [*shared, *filler]}
        body = {k: counts[side] for k, counts in shared.items() if counts[side]}
        body.update({f"متن{side}x{n}": 1 for n in range(size - len(body))})
        sides.append((sig, body))
    (mine, my_body), (theirs, their_body) = sides
    return mine, my_body, theirs, their_body


def links(shared: dict[str, tuple[int, int]], *, full: bool = True) -> bool:
    return bool(_about_the_same(*_pair(shared, full=full)))


def test_a_rare_headline_verb_no_body_holds_is_no_name() -> None:
    # two briefs «انفجار … يقتل 6 في التشيك» / «انفجار في كابول يقتل 26»: «يقتل» is rare in the
    # word table but a verb of both headlines only; «انفجار» is common
    assert not links({"انفجار": (2, 1), "يقتل": (0, 0)}, full=False)
    # a rare name the briefs' texts come back to is a shared subject (one event's two briefs)
    assert links({"انفجار": (2, 1), "اسمان": (2, 1)}, full=False)


def test_a_rare_name_counts_twice_only_when_both_reports_come_back_to_it() -> None:
    # «دار الأوبرا … تحتفي» and «أهرامات الجيزة تحتفي … أوبرا عايدة»: a rare verb once in each
    # body and a common word are two celebrations, not one subject
    assert not links({"اوبرا": (2, 27), "تحتفي": (1, 1)})
    # a rare name the two bodies hold three times is a subject
    assert links({"اوبرا": (2, 27), "كابور": (1, 2)})
    # an article with no text to read: the other report's body holding the name is enough
    mine, _, theirs, their_body = _pair({"اوبرا": (0, 27), "كابور": (0, 2)})
    assert _about_the_same(mine, {}, theirs, their_body) == {"اوبرا", "كابور"}


def test_a_rare_word_written_both_ways_is_no_name() -> None:
    # «الصندوق السيادي» of Qatar, Norway and Egypt: «سيادي» is rare but an adjective (written
    # with «ال» 0.81 of the time), «صندوق» a common noun
    assert _specificity("سيادي") == 0
    assert not links({"صندوق": (6, 9), "سيادي": (4, 1)})
    # a rare name written one way counts twice: the same two keys with it make a link
    assert _specificity("ليفانتي") == 2
    assert links({"صندوق": (6, 9), "ليفانتي": (4, 1)})


def test_a_word_with_a_pronoun_ending_is_no_name() -> None:
    # «سقوطها من باب الطوارئ» and a plane crash: «سقوطها» is «سقوط» with «ها», not a rare name
    assert _specificity("سقوطها") == 0
    assert not links({"سقوطها": (1, 2), "طائره": (5, 5), "طوارئ": (2, 4)})
    assert links({"سكريبال": (1, 2), "طائره": (5, 5), "طوارئ": (2, 4)})


def test_a_rare_form_of_a_common_word_is_no_name() -> None:
    # «عجزا» (accusative, 24 uses) of «عجز» (183): two deficits in two countries
    assert _specificity("عجزا") == 0 and _specificity("طائرتين") == 0  # dual of «طائرة»
    assert not links({"سنه": (3, 4), "عجزا": (1, 2), "ماليه": (4, 5)})
    # a name in «يا» beside its adjective is still a name (كتالونيا, كتالوني)
    assert _specificity("كتالونيا") == 2
    # «باكستان» with «باكستاني»: one word, however rare one of its forms
    assert not links({"باكستان": (2, 1), "باكستاني": (2, 2)})
    assert links({"باكستان": (2, 1), "كتالونيا": (2, 2)})


def test_one_words_forms_are_one_name() -> None:
    assert sorted(map(sorted, _families({"تحطم", "تحطمت", "طائره", "كوريا", "كوري"}))) == [
        ["تحطم", "تحطمت"], ["طائره"], ["كوري", "كوريا"]]
    assert sorted(_families({"مصر", "مصرف"})) == [["مصر"], ["مصرف"]]  # «ف» is no ending
    # two crashes of two planes in two countries: «تحطم» and «تحطمت» are one word
    assert not links({"تحطم": (1, 1), "تحطمت": (3, 5), "طائره": (9, 11)})
    # two names and a common word are a subject
    assert links({"تحطم": (1, 1), "ترامب": (3, 5), "طائره": (9, 11)})


def test_months_are_no_shared_subject() -> None:
    # February's inflation in Morocco and in America: prices, inflation and two months
    assert not links({"اسعار": (3, 5), "تضخم": (3, 1), "فبراير": (3, 3), "يناير": (2, 3)})
    # four shared keys that are not months still show one subject, as before
    assert links({"اسعار": (3, 5), "تضخم": (3, 1), "مقارنه": (2, 3), "نفط": (2, 3)})


def test_a_name_mostly_written_with_the_article_is_a_name() -> None:
    # «البنتاغون» (0.945 with «ال») and «ترامب» between two reports of Trump's parade
    assert _specificity("بنتاغون") == 1
    assert links({"بنتاغون": (3, 4), "ترامب": (2, 2), "عرض": (4, 3)})
    assert not links({"عرض": (4, 3), "طائره": (2, 2), "صندوق": (3, 3)})


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


# --- same_story and _one_per_story ---------------------------------------------------------------

def keys(title: str) -> frozenset[str]:
    return _title_keys(analyze(title))


def test_same_story_reads_headlines() -> None:
    day = datetime(2018, 3, 5, tzinfo=UTC)
    award = Report(keys("محمد صلاح أفضل لاعب في الدوري الإنجليزي الممتاز لشهر فبراير"), day)
    assert same_story(award, Report(keys("محمد صلاح لاعب الشهر في الدوري الإنجليزي"),
                                    day + timedelta(days=4)))
    dream = Report(keys("محمد صلاح: أحلم بالفوز بالدوري الإنجليزي مع ليفربول"), day)
    assert not same_story(award, dream)
    summit = Report(keys("تحديد موعد القمة التاريخية بين الغريمين الكوريين"), day)
    arab = Report(keys("تحديد موعد القمة العربية المقبلة في الرياض"), day + timedelta(days=9))
    assert not same_story(summit, arab)
    assert not same_story(Report(keys("ترامب"), day), Report(keys("ترامب"), day))
    # headlines in other words, the same day, the same distinctive keys: one story
    sig = frozenset(f"k{i}" for i in range(10))
    a = Report(keys("واشنطن تحدد مايو موعدا لنقل سفارتها إلى القدس"), day, sig)
    b = Report(keys("مسؤول أميركي يتوقع فتح السفارة بالقدس"), day, sig)
    assert same_story(a, b)
    assert not same_story(a, replace(b, published=day + timedelta(days=5)))
    assert not same_story(a, replace(b, signature=frozenset(list(sig)[:5])))


def _candidate(i: int, story: int | None, title_words: list[str]) -> _Candidate:
    return _Candidate(score=100.0 - i, article_id=i, title=" ".join(title_words), story_id=story,
                      report=Report(frozenset(title_words), NOW - timedelta(days=i)))


@hypothesis_settings(deadline=None)  # the first example loads the word table (~0.5 s)
@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(1, 4)),
                          st.lists(st.sampled_from(["دوما", "غوطه", "قصف", "ماكرون", "روحاني",
                                                    "قافله", "حرستا"]),
                                   min_size=1, max_size=4, unique=True)),
                max_size=12),
       st.one_of(st.none(), st.integers(1, 4)), st.integers(1, 5))
def test_one_link_per_story_invariants(cands: list[tuple[int | None, list[str]]],
                                       own_story: int | None, limit: int) -> None:
    article = Article(id=999, source_id=1, source_name="م", url="https://x.example/999",
                      title="خبر عن الطقس", published_at=NOW, story_id=own_story)
    own = Report(keys(article.title), NOW)
    ranked = [_candidate(i, story, words) for i, (story, words) in enumerate(cands)]
    got = _one_per_story(article, own, ranked, limit)
    by_id = {c.article_id: c for c in ranked}
    assert len(got) <= limit and got == sorted(got)  # best-ranked first, as ranked
    stories = [by_id[i].story_id for i in got if by_id[i].story_id is not None]
    assert len(stories) == len(set(stories)) and own_story not in stories
    def one_story(a: _Candidate, b: _Candidate) -> bool:
        if a.story_id is not None and b.story_id is not None:
            return a.story_id == b.story_id or near_copy(a.report, b.report)
        return same_story(a.report, b.report)

    for n, a in enumerate(got):
        for b in got[n + 1:]:
            assert not one_story(by_id[a], by_id[b])
    # every candidate left out has a kept one of its story, or is of the article's own story
    for c in ranked:
        if c.article_id in got or len(got) == limit:
            continue
        assert c.story_id is not None and c.story_id == own_story \
            or any(one_story(c, by_id[i]) for i in got) \
            or any(by_id[i].title == c.title for i in got)


# --- "story" links to a page gone for good (HTTP 404/410) ----------------------------------------

def _story_links(digest: Digest) -> list[str]:
    return [r.url for r in digest.related if r.kind == "story"]


def _gone(db: Database, *ids: int) -> None:
    with db.transaction() as tx:
        for n in ids:
            tx.execute("update articles set page_status = ? where id = ?", [GONE, n])


def test_a_story_link_to_a_gone_page_becomes_the_newest_live_report(database: Database) -> None:
    """A stored digest keeps its links after a page goes (404/410): the reader gets the story's
    newest live report from another source in its place, or no link when none is live."""
    a = add(database, 2, BAN_TITLES[0], BAN_LIFTED, days_ago=3, story_id=60, source=1)
    b = add(database, 3, BAN_TITLES[1], BAN_LIFTED, days_ago=2.9, story_id=60, source=2)
    c = add(database, 4, BAN_TITLES[2], BAN_LIFTED, days_ago=2.8, story_id=60, source=3)
    first = load_digest(database.db, a.id)
    assert first is not None and _story_links(first) == [b.url, c.url]
    # a later report of source 2, stored without re-linking a's digest
    later = add(database, 5, "فيفا يرفع الحظر عن الملاعب العراقية", BAN_LIFTED, days_ago=2.5,
                story_id=60, source=2, steps=False)
    first = load_digest(database.db, a.id)
    assert first is not None
    assert live_related(database.db, [first])[0] is first  # nothing gone: the same digest
    _gone(database, b.id)
    [live] = live_related(database.db, [first])
    assert _story_links(live) == [later.url, c.url]  # in b's place, nothing else moved
    assert [r.kind for r in live.related] == [r.kind for r in first.related]
    assert live.related[0].title == "فيفا يرفع الحظر عن الملاعب العراقية"
    # c linked b and a: b's place goes to the newest live report c does not link yet
    third = load_digest(database.db, c.id)
    assert third is not None and set(_story_links(third)) >= {a.url, b.url}
    assert set(_story_links(live_related(database.db, [third])[0])) == {a.url, later.url}
    # no live report left from another source than a's, not linked already: no link at all
    _gone(database, later.id)
    [live] = live_related(database.db, [first])
    assert _story_links(live) == [c.url]
    _gone(database, c.id)
    assert _story_links(live_related(database.db, [first])[0]) == []


def test_a_gone_story_link_is_never_the_article_itself_nor_its_own_source(
        database: Database) -> None:
    a = add(database, 2, BAN_TITLES[0], BAN_LIFTED, days_ago=3, story_id=60, source=1)
    b = add(database, 3, BAN_TITLES[1], BAN_LIFTED, days_ago=2.9, story_id=60, source=2)
    # the story's newest live report is of a's own source: not a "same story elsewhere" link
    add(database, 4, "فيفا يرفع الحظر عن ملاعب العراق رسميا", BAN_LIFTED, days_ago=1,
        story_id=60, source=1)
    _gone(database, b.id)
    first = load_digest(database.db, a.id)
    assert first is not None and b.url in _story_links(first)
    assert _story_links(live_related(database.db, [first])[0]) == []
    # an archive or page link is left as it is, and so is a digest of another story
    other = add(database, 9, "الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION, days_ago=1,
                story_id=70, source=3)
    digest = load_digest(database.db, other.id)
    assert digest is not None
    assert live_related(database.db, [digest]) == [digest]


@cache
def _empty_archive() -> Path:
    """A migrated database with three sources, made once and copied for each example."""
    path = Path(tempfile.mkdtemp(prefix="nashra-related-")) / "template.db"
    with Database(path) as db:
        for n in (1, 2, 3):
            db.db.execute("insert into sources (id, url, name, added_at) values (?, ?, ?, ?)",
                          [n, f"https://s{n}.example/feed", f"مصدر {n}", iso(NOW)])
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@hypothesis_settings(deadline=None, max_examples=60)
@given(st.lists(st.tuples(st.integers(1, 3), st.booleans()), min_size=1, max_size=7),
       st.integers(1, 3), st.randoms(use_true_random=False))
def test_live_story_links_invariants(reports: list[tuple[int, bool]], own_source: int,
                                     rnd: random.Random) -> None:
    """Whatever the story's reports (sources, pages gone): no story link to a gone page, no
    self-link or repeat; links that were live stay in place; each gone one is replaced while a
    live report of another source than the article's own is not linked yet."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copyfile(_empty_archive(), Path(folder) / "nashra.db")
        db = Database(Path(folder) / "nashra.db")
        rows = [(1, own_source, False)] + [(i + 2, s, g) for i, (s, g) in enumerate(reports)]
        with db.transaction() as tx:
            for article_id, source, is_gone in rows:
                page = f"https://s{source}.example/a/{article_id}"
                tx.table("articles").insert({
                    "id": article_id, "source_id": source, "url": page, "url_key": url_key(page),
                    "content_hash": f"h{article_id}", "title": f"خبر {article_id}",
                    "published_at": iso(NOW - timedelta(hours=article_id)),
                    "fetched_at": iso(NOW), "updated_at": iso(NOW), "story_id": 7,
                    "page_status": GONE if is_gone else "ok"})
        linked = [r for r in rows[1:] if r[1] != own_source]
        rnd.shuffle(linked)
        linked = linked[:rnd.randint(0, len(linked))]
        url = {a: f"https://s{s}.example/a/{a}" for a, s, _ in rows}
        digest = Digest(url=url[1], source="م", headline="خبر", published_at=NOW,
                        related=tuple(RelatedItem(f"خبر {a}", url[a], NOW, "story")
                                      for a, _, _ in linked), story_id=7, article_id=1)
        [live] = live_related(db.db, [digest])
        db.close()
    gone = {url[a] for a, _, g in rows if g}
    got = [r.url for r in live.related]
    assert not gone & set(got) and url[1] not in got and len(got) == len(set(got))
    kept = [url[a] for a, _, g in linked if not g]
    assert [u for u in got if u in kept] == kept  # the live ones, in their order
    by_url = {url[a]: s for a, s, _ in rows}
    assert all(by_url[u] != own_source for u in got)
    spare = {url[a] for a, s, g in rows[1:] if not g and s != own_source} - set(kept)
    n_gone = sum(1 for _, _, g in linked if g)
    assert len(got) == len(kept) + min(n_gone, len(spare))


def test_an_archive_link_to_a_gone_page_becomes_earlier_live_coverage(database: Database) -> None:
    """An "archive" link (earlier coverage) to a page gone since is replaced by the newest live
    report of that link's story published before the article — never a later one — or dropped."""
    add(database, 2, BAN_TITLES[0], BAN_LIFTED, days_ago=5, story_id=60, source=1)
    add(database, 3, BAN_TITLES[1], BAN_LIFTED, days_ago=4.9, story_id=60, source=2)
    seed = add(database, 9, "الفرحة تعم العراق بعد رفع الحظر عن ملاعبه", CELEBRATION, days_ago=1,
               story_id=70, source=3)
    # the same story reported again after the article: no "earlier coverage"
    later = add(database, 4, "فيفا يرفع الحظر عن الملاعب العراقية", BAN_LIFTED, days_ago=0.5,
                story_id=60, source=1, steps=False)
    digest = load_digest(database.db, seed.id)
    assert digest is not None
    archive = [r.url for r in digest.related if r.kind == "archive"]
    urls = {n: load(database.db, n).url for n in (2, 3)}
    assert len(archive) == 1 and archive[0] in urls.values()
    linked = next(n for n, u in urls.items() if u == archive[0])
    other = 5 - linked
    _gone(database, linked)
    [live] = live_related(database.db, [digest])
    assert [(r.kind, r.url) for r in live.related if r.kind == "archive"] == [
        ("archive", urls[other])]
    _gone(database, other)
    [live] = live_related(database.db, [digest])
    assert [r for r in live.related if r.kind == "archive"] == []
    assert later.url not in [r.url for r in live.related]


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
