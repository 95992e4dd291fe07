"""X55 (QA39 D3): a story's background that shares no headline word with it is found by the
keys both bodies come back to — «مادورو: ما يحدث "عار"» links the earlier report on the
jailed Catalan leader — while a report sharing only a few of them is still no link. The real
archive step (digests.related over a real SQLite index) and the digest a reader is shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_search import NOW, add

from cli.main import main
from digests.related import related_articles
from digests.samplesite import SampleSite
from digests.storage import Database

CATALAN = ("اعتقلت الشرطة الألمانية كارليس بوتشيمون رئيس إقليم كتالونيا السابق. وكان بوتشيمون قد"
           " فر من مدريد بعد استفتاء الاستقلال. وتطالب مدريد بتسليم بوتشيمون لمحاكمته بتهمة"
           " التمرد. ويقول أنصار استقلال كتالونيا إن المحاكمة سياسية. وخرج آلاف في برشلونة"
           " يطالبون بالإفراج عن بوتشيمون وعن قادة الاستقلال المسجونين في مدريد. وقالت حكومة"
           " كتالونيا المقالة إن التمرد تهمة باطلة.")
MADURO = ("قال الرئيس الفنزويلي نيكولاس مادورو إن سجن قادة استقلال كتالونيا عار. وأضاف مادورو"
          " أن مدريد تلاحق بوتشيمون بتهمة التمرد لأنه دعا إلى الاستقلال. وتابع أن برشلونة"
          " تشهد مظاهرات يومية من أجل بوتشيمون وقادة الاستقلال. وانتقد مادورو حكومة مدريد"
          " التي قال إنها تسجن من يطالب بحق كتالونيا في الاستقلال عبر المحاكمة.")
OTHER = ("قال مدرب برشلونة إن الفريق جاهز للمباراة في مدريد. وأضاف المدرب أن برشلونة يسعى إلى"
         " الفوز في مدريد. وتابع أن الفريق لعب جيدا في الأسابيع الماضية. وقال إن اللاعبين"
         " جاهزون وإن الجمهور سيدعم الفريق في المباراة. وختم المدرب بأن المنافسة صعبة.")


def test_a_background_sharing_no_headline_word_is_linked(database: Database) -> None:
    add(database, 950, "ألمانيا تعتقل رئيس إقليم كتالونيا السابق", CATALAN, days_ago=2)
    add(database, 951, "المدرب: الفريق جاهز للمباراة", OTHER, days_ago=1.5)
    maduro = add(database, 952, 'مادورو: ما يحدث "عار"', MADURO, days_ago=1)
    linked = [a.id for a in related_articles(database.db, maduro)]
    assert linked == [950], linked


def test_the_cli_digest_of_a_page_shows_the_background(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """`run.py digest URL` of a page not stored: fetched from a site on 127.0.0.1, condensed,
    its archive links read from the database."""
    monkeypatch.setenv("ALLOW_PRIVATE_SOURCES", "true")
    path = tmp_path / "nashra.db"
    with Database(path) as db:
        add(db, 950, "ألمانيا تعتقل رئيس إقليم كتالونيا السابق", CATALAN, days_ago=2)
        add(db, 951, "المدرب: الفريق جاهز للمباراة", OTHER, days_ago=1.5)
    with SampleSite() as site:
        url = site.publish(slug="maduro", feed="main", title='مادورو: ما يحدث "عار"',
                           paragraphs=MADURO.split(". "), published=NOW, style="visible")
        assert main(["digest", url, "--db", str(path), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    titles = [r["title"] for r in shown["related"]]
    assert titles == ["ألمانيا تعتقل رئيس إقليم كتالونيا السابق"], titles
