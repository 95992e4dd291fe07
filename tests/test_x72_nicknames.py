"""X72 (QA46 G4): a club's Arabic nickname is the club — «البارسا» found nothing and suggested
«بارزا، حارسا»; the English «barca» already mapped to برشلونة. digests.variants.NICKNAMES:
search (real SQLite and index, test_search.add) and alerts read each name as all of them; a
nickname does not lower «ريال مدريد» to two body mentions."""

from __future__ import annotations

from test_search import NOW, add, ids

from digests.models import Article
from digests.search import search
from digests.storage import Database
from digests.topic_match import _body_mentions_needed, alert_matches


def _report(title: str, *paragraphs: str) -> Article:
    return Article(id=1, source_id=1, source_name="مصدر", url="https://a.test/1", title=title,
                   paragraphs=paragraphs or ("وجاء ذلك في بيان للنادي.",))


def test_the_nickname_finds_the_club(database: Database) -> None:
    add(database, 1, "برشلونة يتأهل إلى ربع النهائي", "فاز برشلونة على تشيلسي بثلاثية.")
    add(database, 2, "البارسا يجدد عقد نجمه", "أعلن النادي الكتالوني تجديد العقد.", days_ago=2)
    add(database, 3, "ليفربول يفوز", "فاز الريدز على واتفورد بخماسية.", days_ago=3)
    for typed in ("البارسا", "بارسا", "برشلونة", "البلوغرانا"):
        assert sorted(ids(search(database.db, typed, now=NOW))) == [1, 2], typed
    assert ids(search(database.db, "الريدز", now=NOW)) == [3]
    assert ids(search(database.db, "ليفربول", now=NOW)) == [3]


def test_the_nickname_alerts_the_clubs_follower() -> None:
    assert alert_matches("برشلونة", _report("البارسا يجدد عقد نجمه"))
    assert alert_matches("البارسا", _report("برشلونة يتأهل إلى ربع النهائي"))
    assert alert_matches("ريال مدريد", _report('"الميرنغي" يستعد لمواجهة جيرونا'))
    assert alert_matches("تشيلسي", _report('"البلوز" يخسر على ملعبه'))


def test_a_nickname_keeps_real_madrid_at_three_body_mentions() -> None:
    assert _body_mentions_needed("ريال مدريد") == 3
    assert _body_mentions_needed("برشلونة") == 2
    body = ("عاد المدافع إلى التدريبات الجماعية بعد غياب ثلاثة أسابيع بسبب إصابة في الركبة.",
            "ولعب المدافع سابقا في ريال مدريد قبل أن ينتقل إلى إيطاليا.",
            "وقال إن ريال مدريد علمه الكثير.", "وسجل هدفا في مباراة الأمس.")
    assert not alert_matches("ريال مدريد", _report("مدافع يوفنتوس يعود إلى التدريبات", *body))
    assert alert_matches("ريال مدريد", _report("مدافع يوفنتوس يعود إلى التدريبات", *body,
                                               "ويتابعه ريال مدريد منذ الصيف."))
