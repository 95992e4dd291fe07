"""Smoke test of benchmarks/speaker_scan.py on a tiny invented corpus (counts, dump, diff)."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "speaker_scan.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_speaker_scan", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_classes_of_suspicious_speakers() -> None:
    scan = _module()
    assert scan.classes("direct", "المرداسي بشرح", "…") == ["prep_tail"]
    assert scan.classes("direct", "المجلة إ", "…") == ["cut_word"]
    assert scan.classes("direct", "وقتها لوسائل الإعلام", "…") == ["time_adverb"]
    assert scan.classes("reported", "وزارة النقل الروسية بريطانيا", "…") == ["object_np"]
    assert scan.classes("reported", "المرداسي", "كان متوقعا") == []
    assert scan.classes("denial", "السلطات", "أن يكون …") == ["denial"]
    assert scan.classes("reported", "استطلاعا للرأي", "…") == ["accusative"]
    assert scan.classes("reported", "الوزارة", "جهودا جارية لتحديد") == [  # «فإن» added
        "bare_body"]
    assert scan.classes("direct", "مجلس الأمن الدولي تبنى", "…") == ["verb_tail"]
    assert scan.classes("direct", "وزارة الخارجية", "…") == []
    assert scan.classes("reported", "الوزير", "الحكومة ستعمل، إلا أن المعارضة رفضت") == [
        "narrator_turn"]
    assert scan.classes("reported", "الشرطة ومتحدث باسم حركة", "…") == ["name_cut"]
    assert scan.classes("reported", "الآن", "…") == ["time_adverb"]
    # session 7 (F9)
    assert scan.classes("reported", "بجلاء", "…") == ["non_name"]
    assert scan.classes("reported", "تسعة", "…") == ["non_name"]
    assert scan.classes("reported", "تسعة بالمئة ممن شملهم المسح", "…") == []
    assert scan.classes("reported", "عام", "…") == ["non_name"]
    assert scan.classes("reported", "عام الرمادة", "…") == []
    assert scan.classes("reported", "الشرطة_البريطانية", "…") == ["hashtag"]
    # (a word of the script's own list the renderer does not read as «me»: the list is cruder
    # than the renderer, which reads «مني بها» as «مُني», suffered)
    assert scan.classes("reported", "ليوناردو", "علاقتي جيدة مع اللاعبين") == []
    assert scan.classes("reported", "الوزير", "الهزائم التي مني بها التنظيم كبيرة") == [
        "first_person_suffix"]
    context = 'وقالت الوكالة إن الجيش نقلهم إلى "أحد مراكز الإقامة المؤقتة".'
    assert scan.classes("direct", "الوكالة", "أحد مراكز الإقامة المؤقتة", context) == [
        "bare_body", "fragment"]
    context = 'وقال الوزير "أحد مراكز الإقامة المؤقتة".'
    assert scan.classes("direct", "الوزير", "أحد مراكز الإقامة المؤقتة", context) == []
    context = 'واعتبرت الخطوة "انتهاكا صارخا للقانون الدولي".'
    assert "fem_object" in scan.classes("direct", "الخطوة", "انتهاكا صارخا للقانون الدولي",
                                        context)
    context = 'أعلنت دول طرد دبلوماسيين في تحرك وصفته ماي بأنه "أكبر طرد في التاريخ".'
    assert scan.classes("direct", "دول", "أكبر طرد في التاريخ", context) == ["describer"]
    assert scan.classes("direct", "ماي", "أكبر طرد في التاريخ", context) == []
    context = "ونفت تيريزا ماي أن يكون الهجوم قد وقع."
    assert scan.classes("denial", "تيريزا ماي", "أن يكون الهجوم قد وقع", context) == [
        "denial", "denial_gender"]
    # right speakers stay out of every class
    for speaker in ("رئيس البرلمان نبيه بري", "سفير روسيا", "وكالة الأناضول للأنباء",
                    "مراسل بي بي سي", "المتحدث فرحان حق"):
        assert scan.classes("direct", speaker, "…") == []


def test_a_tiny_corpus_is_scanned_dumped_and_diffed(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    scan = _module()
    corpus = tmp_path / "tiny.jsonl.gz"
    rows = [{"id": "a", "url": "https://x.example/a", "source": "s", "title": "عنوان",
             "published": "2018-03-01T10:00:00+00:00",
             "text": "ونفت الوزارة أن يكون لها أي دور في الهجوم على المدينة.\n"
                     "وقال الوزير سامي لعدد من الصحافيين إن الوضع هادئ في المدينة."},
            {"id": "b", "url": "https://x.example/b", "source": "s", "title": "عنوان آخر",
             "published": "2018-03-02T10:00:00+00:00", "text": "نص بلا اقتباس."}]
    with gzip.open(corpus, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    dump = tmp_path / "after.json"
    assert scan.main(["--corpus", str(corpus), "--dump", str(dump)]) == 0
    out = capsys.readouterr().out
    assert "articles: 2" in out and "denial 1" in out and "prep_tail 0" in out
    after = json.loads(dump.read_text(encoding="utf-8"))
    assert [q[0] for q in after["1"]] == ["denial", "reported"]
    before = dict(after, **{"1": []})
    (tmp_path / "before.json").write_text(json.dumps(before), encoding="utf-8")
    assert scan.main(["--diff", str(tmp_path / "before.json"), str(dump)]) == 0
    assert "articles changed: 1 of 2" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # a dump of corpus text never goes inside the repository
        scan.main(["--corpus", str(corpus), "--dump", str(ROOT / "scan.json")])
