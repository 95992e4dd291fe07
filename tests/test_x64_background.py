"""QA42 B5: «الجيش الإسرائيلي يعتقل أقارب منفذ هجوم جنين» reached «ترامب» followers as Trump news:
the body names Trump twice, both in the background it closes with («بعد 100 يوم على إعلان
الرئيس الأميركي دونالد ترامب…», «منذ إعلان ترامب…»). A topic named only in a body's closing
part (digests.topic_match.CLOSING_SHARE) needs one mention more; a place named by its adjective
in the headline («الادعاء التركي…») is about it still. Invented reports; the queueing through the
real enqueue path on real SQLite."""

from __future__ import annotations

from delivery_helpers import NOW, add_article, add_chat, add_source, ctx, rows
from digests.models import Article
from digests.new_deliveries import enqueue_article
from digests.storage import Database
from digests.topic_match import alert_matches

FILLER = [f"وقال شهود إن قوات الجيش داهمت منازل في البلدة رقم {n} واعتقلت عددا من الشبان"
          " وصادرت هواتفهم قبل أن تنسحب من المنطقة." for n in range(8)]
CLOSING = ["وجاء الهجوم بعد 100 يوم على إعلان الرئيس الأميركي دونالد ترامب اعترافه بالقدس.",
           "وقتل عشرات الفلسطينيين منذ إعلان ترامب الذي أثار موجة من الغضب."]


def _report(title: str, paragraphs: list[str]) -> Article:
    return Article(id=1, source_id=1, source_name="مصدر", url="https://a.test/1", title=title,
                   paragraphs=tuple(paragraphs))


def test_a_topic_named_only_in_the_closing_background_is_no_alert() -> None:
    title = "الجيش الإسرائيلي يعتقل أقارب منفذ هجوم في جنين"
    assert not alert_matches("ترامب", _report(title, FILLER + CLOSING))
    # the same two mentions early in the body: about the topic, as before
    assert alert_matches("ترامب", _report(title, FILLER[:1] + CLOSING + FILLER[1:]))
    # a third closing mention makes it enough again
    assert alert_matches("ترامب", _report(title, FILLER + CLOSING + ["وهاجم ترامب المنتقدين."]))
    # a place the headline names by its adjective is about it: two closing mentions do
    turkish = _report("الادعاء التركي يأمر بسجن صحفيين",
                      FILLER + ["وتتهم تركيا الصحفيين بالإرهاب.", "وتقول تركيا إن القضاء مستقل."])
    assert alert_matches("تركيا", turkish)
    assert not alert_matches("تركيا", _report("الادعاء يأمر بسجن صحفيين", list(turkish.paragraphs)))


def test_the_background_report_is_not_queued_for_the_follower(database: Database) -> None:
    add_chat(database, 1, topics=("ترامب",))
    source = add_source(database, "مصدر")
    background = add_article(database, source, "الجيش الإسرائيلي يعتقل أقارب منفذ هجوم في جنين",
                             body="\n".join(FILLER + CLOSING))
    enqueue_article(database.db, background, ctx(NOW))
    assert rows(database) == []  # was: queued as «جديد «ترامب»»
    early = add_article(database, source, "الجيش الإسرائيلي يعتقل شبانا في نابلس",
                        body="\n".join(FILLER[:1] + CLOSING + FILLER[1:]))
    enqueue_article(database.db, early, ctx(NOW))
    assert [r["article_id"] for r in rows(database)] == [early.id]
