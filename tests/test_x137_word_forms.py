"""Brief X137 (QA78-1 … -6, -13, -17): word forms that split one topic in search and alerts.

A hamza typed plain («موتمر», «صنعا»), «امرأة/المرأة», a singular and its plural («غارة/غارات»),
a news verb and its noun («قصف/يقصف»), a dual's two cases («الكوريتين/الكوريتان»), a name's
spellings («تليغرام/تلغرام», «قسد») and a year with «م» («2018م») are one topic: searched
(digests.variants.alternatives, digests.word_forms) and alerted as one. The index keys are not
changed (the story step reads them). Real SQLite; the alert test runs the real bot against the
emulator and a sample site publishing the later articles.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from botkit import READER, running_bot, sample_db
from test_search import add, ids, load

from digests.arabic import analyze, run_keys
from digests.search import search
from digests.storage import Database
from digests.topic_keys import same_name
from digests.topic_match import alert_matches
from digests.variants import alternatives
from digests.word_forms import definite_hamza_forms, dual_form, hamza_forms, year_form

# (finding, followed as typed, a later headline written in the other form)
LATER = [
    ("QA78-1", "موتمر", "انطلاق أعمال مؤتمر ميونيخ للأمن بمشاركة واسعة"),
    ("QA78-1", "الرييس السوري", "الرئيس السوري يستقبل وفدا برلمانيا روسيا في دمشق"),
    ("QA78-2", "صنعا", "غارات جديدة على صنعاء ليلة أمس"),
    ("QA78-2", "رئيس الوزرا", "رئيس الوزراء العراقي يزور طهران لبحث ملف الحدود"),
    ("QA78-3", "المرأة", "امرأة سعودية تفوز بمقعد في مجلس بلدي للمرة الأولى"),
    ("QA78-4", "غارة", "غارات جوية تستهدف مواقع للمسلحين شمال اليمن"),
    ("QA78-5", "قصف", "الجيش يقصف مواقع المسلحين في ريف حماة"),
    ("QA78-6", "الكوريتين", "الكوريتان تتفقان على خط هاتفي ساخن بين الزعيمين"),
    ("QA78-13", "تليغرام", "إيران توقف تلغرام بعد احتجاجات واسعة"),
    ("QA78-13", "قسد", "قوات سوريا الديمقراطية تعلن السيطرة على قرية جديدة"),
    ("QA78-17", "2018م", "موازنة 2018 تعرض على البرلمان الأسبوع المقبل"),
]


def _keys(word: str) -> str:
    [k] = run_keys(word)
    return k


@pytest.mark.parametrize(("finding", "topic", "headline"), LATER)
def test_a_later_article_in_the_other_form_is_alerted(
        database: Database, finding: str, topic: str, headline: str) -> None:
    add(database, 1, headline, headline + ".", days_ago=0)
    assert alert_matches(topic, load(database.db, 1)), finding


@pytest.mark.parametrize(("finding", "topic", "headline"), LATER)
def test_the_other_form_is_found_by_search(
        database: Database, finding: str, topic: str, headline: str) -> None:
    add(database, 1, headline, headline + ".", days_ago=0)
    add(database, 2, "أخبار الطقس في عمان", "أمطار متوقعة غدا.", days_ago=0)
    assert ids(search(database.db, topic)) == [1], finding


def test_a_hamza_is_put_back_only_on_a_rare_typed_key() -> None:
    assert hamza_forms("موتمر") == ("مؤتمر",)
    assert hamza_forms("مسوول") == ("مسؤول",)
    assert hamza_forms("رييس") == ("رئيس",)
    assert hamza_forms("سينا") == ("سيناء",)     # 6 against 175 in the frequency table
    assert hamza_forms("وزرا") == ("وزراء",)
    assert hamza_forms("مسوولين") == ("مسؤول",)  # as the index keys «مسؤولين»
    # a typed key that is a word or name of its own stays: Fayez, news (acc.), Mina, Pierre
    for word in ("فايز", "خبرا", "مينا", "بير", "كهربا"):
        assert hamza_forms(word) == (), word
    assert alternatives("مؤتمر") == ("مؤتمر",)  # one way: the hamza form is not widened


def test_the_article_typed_on_a_bare_name_reads_the_noun(database: Database) -> None:
    """«الكهربا»: the news never writes the footballer «كهربا» with the article, so a reader who
    types it means «الكهرباء» (QA78-2: 7 results, all the footballer); bare «كهربا» stays his."""
    add(database, 1, "انقطاع الكهرباء عن أحياء في بغداد", "انقطعت الكهرباء.", days_ago=0)
    add(database, 2, "كهربا يسجل هدف الفوز للزمالك", "سجل كهربا هدفا.", days_ago=0)
    assert sorted(ids(search(database.db, "الكهربا"))) == [1, 2]
    assert ids(search(database.db, "كهربا")) == [2]
    assert alert_matches("الكهربا", load(database.db, 1))
    assert definite_hamza_forms("كهربا") == ("كهرباء",)
    assert definite_hamza_forms("بنا") == ()  # «البنا» (the surname) is written so: not «البناء»


def test_the_forms_are_one_followed_topic() -> None:
    """Following «موتمر» then stopping «مؤتمر» (or «غارات» / «غارة») is one topic."""
    for one, two in (("موتمر", "مؤتمر"), ("غاره", "غارات"), ("مراه", "امراه"), ("يقصف", "قصف"),
                     ("كوريتان", "كوريتين"), ("2018م", "2018"), ("تليغرام", "telegram")):
        assert same_name(one) == same_name(two), (one, two)


def test_duals_join_but_names_of_that_shape_do_not() -> None:
    assert dual_form("كوريتان") == "كوريتين" and dual_form("كوريتين") == "كوريتان"
    assert dual_form("طرفان") == "طرفين"
    assert dual_form("جيشان") == "جيشين"  # never written in the corpus; «الجيشين» is
    for word in ("نيسان", "حرمان", "حمدان", "ايران", "بوتين", "سلمان", "شعبان", "بلدان"):
        assert dual_form(word) is None, word


def test_a_year_with_its_letter() -> None:
    assert year_form("2018م") == "2018" and year_form("2018") == "2018م"
    assert year_form("100م") is None and year_form("3000") is None  # a race, not a year
    assert analyze("٢٠١٨م") == ["2018م"]  # the index keys are unchanged: joined at search


def test_penalty_and_sanctions_stay_apart(database: Database) -> None:
    """«عقوبة» (a penalty) is left out of the plural table: «عقوبات» is mostly sanctions."""
    add(database, 1, "ترامب يطالب بتطبيق عقوبة الإعدام على تجار المخدرات", "عقوبة.", days_ago=0)
    add(database, 2, "عقوبات أوروبية ضد جنرالات ميانمار", "عقوبات.", days_ago=0)
    assert ids(search(database.db, "عقوبات")) == [2]
    assert not alert_matches("عقوبات", load(database.db, 1))


def test_the_story_keys_are_unchanged() -> None:
    """The story step and the quote code read `analyze`: these forms stay apart there."""
    assert analyze("موتمر مؤتمر غارة غارات يقصف قصف") == [
        "موتمر", "مؤتمر", "غاره", "غارات", "يقصف", "قصف"]


async def test_the_bot_alerts_a_follower_of_each_form(tmp_path: Path) -> None:
    """The real bot: ten readers follow one form each; a poll brings articles written in the
    other form; each reader is alerted with the article on his topic (QA78 missed four)."""
    from bot.app import poll_job
    from digests import sources
    from digests.pipeline import poll_once
    from digests.samplesite import SampleSite

    follows = [(topic, headline) for _, topic, headline in LATER if topic != "الرييس السوري"]
    with SampleSite() as site:
        async with running_bot(sample_db(tmp_path)) as h:
            for s in sources.list_sources(h.db):
                sources.remove_source(h.db, s.id)
            sources.add_source(h.db, site.feed_url("main"), settings=h.settings,
                               now=datetime.now(timezone.utc))
            await poll_once(h.db, h.settings, now=datetime.now(timezone.utc), only_due=False)
            for i, (topic, _) in enumerate(follows):
                await h.say(READER + i, f"/subscribe {topic}")
            for i, (_, headline) in enumerate(follows):
                site.publish(slug=f"x137-{i}", feed="main", title=headline,
                             paragraphs=[headline + "، بحسب ما أفاد مراسلون في المنطقة."],
                             published=datetime.now(timezone.utc))
            with h.db.transaction() as tx:
                tx.execute("update sources set next_poll_at = null")
            assert h.app.job_queue is not None
            h.app.job_queue.run_once(poll_job, 0)
            # one poll stores ten articles and sends ten alerts: slow on a loaded machine, hence
            # the long wait (a missed alert fails below, naming its topic)
            try:
                await h.emu.await_for(lambda: all(len(h.emu.messages(READER + i)) >= 2
                                                  for i in range(len(follows))), timeout=180)
            except TimeoutError:
                pass
            await h.settle()
            said = {topic: "\n".join(m.plain_text for m in h.emu.messages(READER + i))
                    for i, (topic, _) in enumerate(follows)}
            missed = [(topic, said[topic]) for topic, headline in follows
                      if headline not in said[topic]]
            assert missed == []
