"""Word forms that split one topic (brief X137, QA78-1 … -6, -13, -17): what joining them finds.

For each group of forms a reader types (QA78's own pairs, then the table's additions), every form
is searched as the bot does (digests.named_questions.reader_topic, then digests.search.search over
the 7,213-article corpus, stories not folded) and printed as «form=total (∩first k)»: its total,
and how many of those the group's first form also finds. Before brief X137 the forms of a group
found sets that barely overlapped («غارة=73  غارات=227 (∩first 34)»); joined, each form finds the
same set. `--audit` lists, from the frozen frequency table, every key digests.word_forms would
widen (a hamza put back, a dual's other case), to be read for wrong joins.

    .venv/bin/python benchmarks/word_forms.py [--db PATH] [--audit]

The database is built once into benchmarks/out/word-forms.db (`--db` to use another one; the
index keys are not changed by word_forms, so an older corpus database serves as well).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus import build_db, load_corpus  # noqa: E402

from digests import arabic  # noqa: E402
from digests.named_questions import reader_topic  # noqa: E402
from digests.search import search  # noqa: E402
from digests.storage import Database  # noqa: E402
from digests.word_forms import dual_form, hamza_forms  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"

# (finding, forms of one topic as readers type them; the first is the one compared against)
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("QA78-1", ("مؤتمر", "موتمر")),
    ("QA78-1", ("مسؤول", "مسوول")),
    ("QA78-1", ("رئيس", "رييس")),
    ("QA78-1", ("الرئيس السوري", "الرييس السوري")),
    ("QA78-1", ("مؤسسة", "موسسة")),
    ("QA78-1", ("المؤتمر الصحفي", "الموتمر الصحفي")),
    ("QA78-2", ("سيناء", "سينا")),
    ("QA78-2", ("صنعاء", "صنعا")),
    ("QA78-2", ("الكهرباء", "الكهربا")),
    ("QA78-2", ("رئيس الوزراء", "رئيس الوزرا")),
    ("QA78-3", ("امرأة", "المرأة", "نساء")),
    ("QA78-4", ("غارة", "غارات")),
    ("QA78-4", ("مظاهرة", "مظاهرات")),
    ("QA78-4", ("عقوبة", "عقوبات")),
    ("QA78-4", ("طائرة", "طائرات")),
    ("QA78-4", ("معركة", "معارك")),
    ("QA78-4", ("هجوم", "هجمات")),
    ("QA78-4", ("شخص", "أشخاص")),
    ("QA78-4", ("رهينة", "رهائن")),
    ("QA78-4", ("مخيم", "مخيمات")),
    ("QA78-4", ("دبابة", "دبابات")),
    ("QA78-5", ("قصف", "يقصف", "قصفت")),
    ("QA78-5", ("اعتقال", "اعتقل")),
    ("QA78-5", ("انسحاب", "انسحب")),
    ("QA78-5", ("فوز", "فاز")),
    ("QA78-6", ("الكوريتين", "الكوريتان")),
    ("QA78-6", ("الطرفين", "الطرفان")),
    ("QA78-6", ("الزعيمين", "الزعيمان")),
    ("QA78-6", ("الجيشين", "الجيشان")),
    ("QA78-13", ("تلغرام", "تليغرام", "تيليجرام", "تيليغرام", "Telegram")),
    ("QA78-13", ("الأهواز", "الاحواز")),
    ("QA78-13", ("قوات سوريا الديمقراطية", "قسد")),
    ("QA78-17", ("2018", "2018م", "٢٠١٨م")),
)


def found(db: Database, typed: str) -> tuple[set[int], int]:
    """The article ids and total the bot's search gives for `typed` (stories not folded)."""
    result = search(db.db, reader_topic(db.db, typed), limit=5000, fold_stories=False)
    return {h.digest.article_id or 0 for h in result.hits}, result.total


def compare(db: Database) -> None:
    for finding, forms in GROUPS:
        first, _ = found(db, forms[0])
        cells = []
        for form in forms:
            ids, total = found(db, form)
            cells.append(f"{form}={total} (∩first {len(ids & first)})")
        print(f"{finding:8} " + "  ".join(cells))


def audit() -> None:
    """Every key of the frequency table word_forms widens (hamza put back; a dual's other case)."""
    counts = arabic._key_counts()
    hamza = sorted((k for k in counts if arabic._is_arabic(k) and hamza_forms(k)),
                   key=lambda k: -counts[k])
    print(f"hamza put back on {len(hamza)} attested keys (typed count → the hamza key's count):")
    print("  " + "  ".join(f"{k} {counts[k]}→{h} {counts.get(h, 0)}"
                           for k in hamza for h in hamza_forms(k)))
    duals = sorted(((k, o) for k in counts if k.endswith("ان") and (o := dual_form(k))),
                   key=lambda p: -(counts[p[0]] + counts.get(p[1], 0)))
    print(f"duals joined: {len(duals)} pairs (ان count / ين count):")
    print("  " + "  ".join(f"{k} {counts[k]}/{o} {counts.get(o, 0)}" for k, o in duals))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="a corpus database built earlier")
    parser.add_argument("--audit", action="store_true", help="list the keys the rules widen")
    args = parser.parse_args()
    if args.audit:
        audit()
        return
    path = args.db or OUT / "word-forms.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_db(path, load_corpus())
    with Database(path) as db:
        compare(db)


if __name__ == "__main__":
    main()
