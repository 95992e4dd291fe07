"""X129 (REV s26 #1, #2): «another front» reads a place, not a homograph or a name's last word.

digests.story_fronts keyed «دير الزور» by «زور» (so «شهادة الزور», false witness, was a front)
and took common words for towns: «ترامب حرض أنصاره» (incited), «سرت شائعات» (spread), «حزب حماة
الوطن» (protectors), «الجنين» (a fetus), «نهم» (greed), «جنة عدن» (Eden). Such a headline in a
one-site story came as a same-day update. Now a name of several words is matched whole and a
homograph needs a place cue. And the arriving report is read by its digest headline, as the
chat's side is (#2). Invented archive; real SQLite (digests.new_deliveries → story_updates)."""

from __future__ import annotations

import pytest
from delivery_helpers import add_article, later, rows
from test_x126_fronts import BODY, STORY, _enqueue, _first_sent

from digests import story_fronts
from digests.headline import clean_headline
from digests.storage import Database

# failed before: each named a front
NOT_PLACES = [
    "ترامب حرض أنصاره على اقتحام الكونغرس",
    "سرت شائعات عن استقالة الحكومة اليمنية",
    "حزب حماة الوطن يعلن مرشحيه",
    "هل يؤثر تطعيم الأمهات على صحة الجنين؟",
    "نهم المستثمرين للذهب لا يتوقف",
    "جنة عدن في معرض للفن الحديث",
    "شهادة الزور أمام المحكمة العليا",
    "مقاتلات التحالف تدمر مخزن أسلحة للحوثيين",
    "المخاض العسير للحكومة اليمنية",
    "مصرف ضالع بغسيل أموال",
    "التدخل الجراحي ينقذ حياة الطفل",
    "تشوهات في الجنين بسبب التدخين",
]


@pytest.mark.parametrize("headline", NOT_PLACES)
def test_a_common_word_is_no_place(headline: str) -> None:
    assert story_fronts.places_of(headline) == frozenset()


@pytest.mark.parametrize(("headline", "places"), [
    ("معارك عنيفة في دير الزور", {"دير زور"}),  # failed before: {"زور"}
    ("قصف مدفعي بدير الزور", {"دير زور"}),
    ("اليمن.. قوة عسكرية سعودية تتجه إلى تخوم مدينة حرض", {"حرض"}),
    ("قتلى في هجوم قرب مقر مكافحة الإرهاب في عدن", {"عدن"}),
    ("صور.. هؤلاء هم منفذي الهجوم على مقر مكافحة الارهاب بعدن", {"عدن"}),
    ("عدن.. قتلى في هجوم انتحاري", {"عدن"}),
    ("الجيش الإسرائيلي يعتقل أقارب منفذ هجوم جنين", {"جنين"}),
    ("اشتباكات في مخيم جنين", {"جنين"}),
    ("اليمن.. التحالف يستهدف مواقع للميليشيات في صرواح ونهم", {"صرواح", "نهم"}),
    ("ميليشيا الحوثي تتكبد عشرات القتلى والجرحى في نهم وصرواح", {"نهم", "صرواح"}),
    ("خسائر جديدة للحوثيين وسيطرة على مواقع شمالي نهم", {"نهم"}),
    ("مقتل قياديين حوثيين بنهم", {"نهم"}),
    ("قصف على ريف حماة", {"حماه"}),
    ("تقدم للمقاومة اليمنية بمديرية الجراحي في الحديدة", {"جراحي", "حديده"}),
    ("القوات الليبية تستعيد السيطرة على سرت", {"سرت"}),
    ("غارات مكثفة على غوطة دمشق", {"غوطه"}),  # a plain name: no cue asked
])
def test_a_place_is_still_read(headline: str, places: set[str]) -> None:
    assert story_fronts.places_of(headline) == places


def test_a_name_of_several_words_is_one_place() -> None:
    assert "دير زور" in story_fronts.PLACE_KEYS and "زور" not in story_fronts.PLACE_KEYS
    assert story_fronts.new_places("معارك في دير الزور", ["قصف على دير الزور"]) == frozenset()


def test_a_homograph_the_chat_was_sent_without_a_cue_is_no_new_front() -> None:
    # the sent side is read loosely: «حرض» there, cue or none, was the place the chat read
    sent = ["الحوثيون يقصفون حرض بالصواريخ"]
    assert story_fronts.places_of(sent[0]) == frozenset()
    assert story_fronts.new_places("معارك عنيفة في حرض", sent) == frozenset()
    assert story_fronts.new_places("معارك عنيفة في حرض وصعدة", sent) == {"صعده"}
    # a common word stays one in the new report, whatever the sent side had
    assert story_fronts.new_places("ترامب حرض أنصاره", []) == frozenset()


def test_a_homograph_in_a_one_site_story_comes_as_no_update(database: Database) -> None:
    # failed before: «زور» was a front the chat had not been sent, an update six hours later
    src = _first_sent(database)
    report = add_article(database, src, "الحوثيون: شهادة الزور لن تغير شيئا في اليمن",
                         body=BODY, story_id=STORY, published=later(360))
    _enqueue(database, report, later(361))
    assert rows(database, "article_id = ?", [report.id]) == []


def test_the_arriving_report_is_read_by_its_digest_headline(database: Database) -> None:
    # failed before: its title (a bare site name) names no place, its headline (the lead the
    # digest step stored, as the chat is shown it) names Sirwah: another front
    src = _first_sent(database)
    lead = "الجيش اليمني يكبد الحوثيين خسائر بشرية كبيرة في صرواح. " + BODY
    report = add_article(database, src, "العربية", body=lead, story_id=STORY,
                         published=later(360))
    headline = clean_headline(report.title, lead)
    assert "صرواح" in headline and story_fronts.places_of(report.title) == frozenset()
    with database.transaction() as tx:
        tx.execute("update articles set headline = ? where id = ?", [headline, report.id])
    _enqueue(database, report, later(361))
    [row] = rows(database, "article_id = ?", [report.id])
    assert row["kind"] == f"update:{later(361).date().isoformat()}"


def test_the_title_stands_in_without_a_headline(database: Database) -> None:
    src = _first_sent(database)
    report = add_article(database, src, "الجيش اليمني يكبد الحوثيين خسائر في صرواح", body=BODY,
                         story_id=STORY, published=later(360))
    with database.transaction() as tx:
        tx.execute("update articles set headline = '' where id = ?", [report.id])
    _enqueue(database, report, later(361))
    assert len(rows(database, "article_id = ?", [report.id])) == 1
